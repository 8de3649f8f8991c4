package io.secopskit.taegis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.error.NotFoundException;
import io.secopskit.core.error.SecOpsException;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.error.ValidationException;
import io.secopskit.core.paging.Page;
import io.secopskit.taegis.model.LicenseLevel;
import io.secopskit.taegis.model.OrderDir;
import io.secopskit.taegis.model.SsoConnectionStatus;
import io.secopskit.taegis.model.Tenant;
import io.secopskit.taegis.model.TenantOrderField;
import io.secopskit.taegis.model.TenantQuery;
import io.secopskit.taegis.model.TenantRequest;
import io.secopskit.testkit.FakeResponse;
import io.secopskit.testkit.FakeTaegis;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12 §4 for Taegis: every answer the server controls is read safely — an empty or null 200 on a mutation,
 * GraphQL errors without a message, odd {@code errors} shapes, HTML, a list that says there is more but gives no
 * cursor — and each becomes a typed exception naming vendor, operation and host; values the SDK does not name are
 * kept; lists resume from their continuation tokens.
 */
class AnswersTest extends TaegisTestBase {

    private void answerNext(FakeResponse response) {
        fake.faults().nextCalls(1, "POST", TaegisClient.QUERY_PATH).respond(response);
    }

    private Tenant createAcme() {
        return taegis.tenants().create(TenantRequest.builder().name("Acme").parentTenantId(FakeTaegis.PARTNER_TENANT_ID).build());
    }

    static Stream<Arguments> emptyAnswers() {
        return Stream.of(
                Arguments.of("empty body", FakeResponse.empty(200), "EMPTY_BODY"),
                Arguments.of("empty JSON body", FakeResponse.text(200, "application/json", ""), "EMPTY_BODY"),
                Arguments.of("JSON null", FakeResponse.json(200, "null"), "EMPTY_BODY"),
                Arguments.of("no data", FakeResponse.json(200, "{}"), "MISSING_FIELD"),
                Arguments.of("data null", FakeResponse.json(200, "{\"data\":null}"), "MISSING_FIELD"),
                Arguments.of("result null", FakeResponse.json(200, "{\"data\":{\"createTenant\":null}}"), "MISSING_FIELD"),
                Arguments.of("not an object", FakeResponse.json(200, "[1,2]"), "MISSING_FIELD"),
                Arguments.of("truncated", FakeResponse.json(200, "{\"data\":{\"createTenant\":{\"id\":"), "UNREADABLE_BODY"),
                Arguments.of("HTML", FakeResponse.text(200, "text/html", "<html>maintenance</html>"), "UNEXPECTED_CONTENT_TYPE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("emptyAnswers")
    void createTenant_answeredWithoutAResult_isTypedServerException_notNotFound(String name, FakeResponse answer, String code) {
        answerNext(answer);

        SecOpsException e = assertThrows(SecOpsException.class, this::createAcme);

        assertInstanceOf(ServerException.class, e, e.toString());
        assertEquals(code, e.vendorCode(), e.toString());
        assertEquals("createTenant", e.operation());
        assertEquals(fakeHost(), e.host());
        assertEquals(200, e.httpStatus());
        assertEquals(1, sent("createTenant").size(), "a mutation is never resent");
    }

    @Test
    void graphqlErrorWithoutMessage_keepsItsExtensionsCode_asVendorCode() {
        answerNext(FakeResponse.json(200, "{\"errors\":[{\"extensions\":{\"code\":\"TENANT_LIMIT_REACHED\"},\"path\":[\"createTenant\"]}],"
                + "\"data\":{\"createTenant\":null}}"));

        TaegisGraphQLException e = assertThrows(TaegisGraphQLException.class, this::createAcme);

        assertEquals("TENANT_LIMIT_REACHED", e.vendorCode());
        assertNull(e.errors().get(0).message());
        assertEquals("TENANT_LIMIT_REACHED", e.errors().get(0).code());
        assertTrue(e.getMessage().contains("TENANT_LIMIT_REACHED (no message) at [createTenant]"), e.getMessage());
        assertFalse(e.isRetryable());
    }

    @Test
    void graphqlErrors_asOneObjectOrAString_areStillRead() {
        answerNext(FakeResponse.json(200, "{\"errors\":{\"message\":\"backend unavailable\"}}"));
        TaegisGraphQLException one = assertThrows(TaegisGraphQLException.class, () -> taegis.tenants().get("200000"));
        assertEquals("backend unavailable", one.errors().get(0).message());

        answerNext(FakeResponse.json(200, "{\"errors\":\"quota\"}"));
        TaegisGraphQLException text = assertThrows(TaegisGraphQLException.class, () -> taegis.tenants().get("200000"));
        assertEquals("quota", text.errors().get(0).message());
        assertEquals(TaegisGraphQLException.GRAPHQL_ERRORS, text.vendorCode());
    }

    @Test
    void graphqlErrorsOnA400_keepTheirMessageAndCode() {
        answerNext(FakeResponse.json(400, "{\"errors\":[{\"message\":\"Variable \\\"$tenantsQuery\\\" got invalid value\","
                + "\"extensions\":{\"code\":\"BAD_USER_INPUT\"}}]}"));

        SecOpsException e = assertThrows(SecOpsException.class, () -> taegis.tenants().get("200000"));

        assertEquals(400, e.httpStatus());
        assertEquals("BAD_USER_INPUT", e.vendorCode());
        assertTrue(e.vendorMessage().startsWith("Variable \"$tenantsQuery\" got invalid value"), e.vendorMessage());
        assertEquals(1, sent("tenants").size(), "a 400 is not retried");
    }

    @Test
    void cursorList_hasMoreWithoutACursor_orTheSameCursorAgain_isServerException_notASilentEnd() {
        String page = "{\"data\":{\"tenants\":{\"results\":[{\"id\":\"200001\",\"name\":\"A\"}],\"count\":1,\"hasMore\":true%s}}}";
        answerNext(FakeResponse.json(200, String.format(page, "")));
        ServerException none = assertThrows(ServerException.class, () -> taegis.tenants().list(TenantQuery.all()).stream().count());
        assertTrue(none.getMessage().contains("no cursorPos"), none.getMessage());
        assertEquals(fakeHost(), none.host());

        fake.faults().nextCalls(2, "POST", TaegisClient.QUERY_PATH).respond(FakeResponse.json(200,
                String.format(page, ",\"cursorPos\":\"c1\"")));
        ServerException loop = assertThrows(ServerException.class, () -> taegis.tenants().list(TenantQuery.all()).stream().count());
        assertTrue(loop.getMessage().contains("the same cursorPos again"), loop.getMessage());
        assertEquals(3, sent("tenants").size());
    }

    @Test
    void list_resumesFromAContinuationToken_andRefusesATokenOfAnotherSort() {
        fake.seedTenants(25);
        TenantQuery byName = TenantQuery.builder().pageSize(10).orderBy(TenantOrderField.NAME, OrderDir.ASC).build();
        Iterator<Page<Tenant>> pages = taegis.tenants().list(byName).byPage().iterator();
        Page<Tenant> first = pages.next();
        String token = first.nextToken().orElseThrow();
        assertTrue(token.startsWith("v1."), token);
        int sentBefore = queries().size();

        List<Tenant> rest = taegis.tenants().list(byName).resumeFrom(token).stream().toList();

        assertEquals(16, rest.size(), "26 tenants, 10 already read");
        assertEquals("Tenant 00010", rest.get(0).name());
        assertNotEquals(first.items().get(9).id(), rest.get(0).id());
        assertTrue(queries().get(sentBefore).json().path("variables").path("tenantsQuery").path("cursorPos").asText().length() > 0);

        int sent = queries().size();
        ValidationException e = assertThrows(ValidationException.class, () -> taegis.tenants().list(TenantQuery.builder()
                .pageSize(10).orderBy(TenantOrderField.CREATED_AT, OrderDir.DESC).build()).resumeFrom(token).stream().count());
        assertEquals("continuationToken", e.field());
        assertTrue(e.getMessage().contains("orderBy=CreatedAt,orderDir=desc"), e.getMessage());
        assertEquals(sent, queries().size(), "refused before sending: a cursor is valid only under its sort");
    }

    @Test
    void valuesTheSdkDoesNotName_areKept_andUnknownFieldsIgnored() {
        answerNext(FakeResponse.json(200, "{\"data\":{\"tenants\":{\"results\":[{\"id\":\"200001\",\"name\":\"A\","
                + "\"licenseLevel\":\"PLATINUM\",\"created_at\":\"2024-02-29T23:59:59+09:00\",\"shoe_size\":44,"
                + "\"labels\":[null,{\"name\":\"tier\",\"value\":\"gold\"}]}],\"count\":1,\"hasMore\":false}}}"));

        Tenant t = taegis.tenants().get("200001");

        assertEquals(LicenseLevel.of("PLATINUM"), t.licenseLevel());
        assertFalse(t.licenseLevel().isKnown());
        assertEquals("PLATINUM", t.licenseLevel().toString());
        assertEquals(Instant.parse("2024-02-29T14:59:59Z"), t.createdAt(), "an offset time is read as the same instant");
        assertEquals(1, t.labels().size(), "a null list item is dropped");
        assertNull(t.allServices(), "not in the answer: null, not empty");
        assertThrows(UnsupportedOperationException.class, () -> t.labels().add(null));
        assertEquals(SsoConnectionStatus.ENABLED, SsoConnectionStatus.of("Enabled"));
    }

    @Test
    void unreadableTime_isTypedServerException() {
        answerNext(FakeResponse.json(200, "{\"data\":{\"tenants\":{\"results\":[{\"id\":\"200001\",\"created_at\":\"yesterday\"}],"
                + "\"count\":1,\"hasMore\":false}}}"));

        ServerException e = assertThrows(ServerException.class, () -> taegis.tenants().get("200001"));

        assertEquals("UNREADABLE_BODY", e.vendorCode());
        assertEquals("tenants", e.operation());
    }

    @Test
    void get_ofATenantOthersCannotSee_isNotFound_afterOneQuery() {
        NotFoundException e = assertThrows(NotFoundException.class, () -> taegis.tenants().get("424242"));
        assertEquals("NOT_FOUND", e.vendorCode());
        assertEquals(fakeHost(), e.host());
        assertEquals(1, sent("tenants").size());
    }
}
