package io.secopskit.servicenow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.secopskit.core.Secret;
import io.secopskit.core.error.AuthenticationException;
import io.secopskit.core.error.InvalidRequestException;
import io.secopskit.core.error.PermissionDeniedException;
import io.secopskit.core.error.SecOpsException;
import io.secopskit.core.error.ServerException;
import io.secopskit.servicenow.internal.Responses;
import io.secopskit.servicenow.model.TableQuery;
import io.secopskit.testkit.FakeRequest;
import io.secopskit.testkit.FakeResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Proves the SDK reads the real and documented ServiceNow bodies, served over the wire by the fake. */
class FixturesTest extends ServiceNowTestBase {
    private static final String SYS_ID = "46f09e75a9fe198100f4ffd8d366d17b";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String text(String name) throws IOException {
        try (InputStream in = FixturesTest.class.getResourceAsStream("/fixtures/servicenow/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private SecOpsException getAnswered(int status, String fixture, int calls) throws IOException {
        fake.faults().nextCalls(calls, "GET", "/api/now/table/").respond(status, text(fixture));
        return assertThrows(SecOpsException.class, () -> client.table("sys_nonexistent").get(SYS_ID));
    }

    @Test
    void errorFixtures_mapToTypedExceptions_namingHostAndOperation_evenWithNullDetail() throws IOException {
        SecOpsException invalid = getAnswered(400, "error_400_invalid_table.json", 1);
        assertInstanceOf(InvalidRequestException.class, invalid);
        assertEquals("Invalid table sys_nonexistent (Table sys_nonexistent does not exist)", invalid.vendorMessage());
        assertEquals("TableGet", invalid.operation());
        assertEquals(fakeHost(), invalid.host());

        SecOpsException unauthenticated = getAnswered(401, "error_401_user_not_authenticated.json", 1);
        assertInstanceOf(AuthenticationException.class, unauthenticated);
        assertTrue(unauthenticated.vendorMessage().startsWith("User Not Authenticated (Required to provide Auth information)"));

        SecOpsException forbidden = getAnswered(403, "error_403_insufficient_rights_null_detail.json", 1);
        assertInstanceOf(PermissionDeniedException.class, forbidden);
        assertTrue(forbidden.vendorMessage().startsWith("Insufficient rights to query records (hint: 403"),
                forbidden.vendorMessage());
        assertFalse(forbidden.vendorMessage().contains("null"), "a null detail is left out");

        SecOpsException scripted = getAnswered(500, "scripted_rest_error_format_doc.json", 3);
        assertInstanceOf(ServerException.class, scripted);
        assertEquals("My error message (My details)", scripted.vendorMessage());
        assertEquals(1 + 1 + 1 + 3, fake.requests("GET", "/api/now/table/sys_nonexistent/" + SYS_ID).size(),
                "4xx answers are final; a GET answered 500 is tried 3 times (the retry policy's attempts)");
    }

    @Test
    void passwordGrantFixture_tokenIsSentAsBearer_andItsRefreshTokenIsUsedAfterExpires() throws IOException {
        JsonNode grant = JSON.readTree(text("oauth_token_password_grant_response.json"));
        String list = text("table_get_list_problem_limit1.json");
        fake.faults().nextCalls(1, "POST", ServiceNowClient.TOKEN_PATH).respond(200, grant.toString());
        fake.faults().nextCalls(2, "GET", "/api/now/table/problem").respond(200, list);
        try (ServiceNowClient sn = builder().passwordGrant("oauth-client-1", Secret.of("oauth-secret-1"), WRITER,
                Secret.of(WRITER_PASSWORD)).build()) {
            List<Map<String, Object>> first = sn.table("problem").list(TableQuery.builder().pageSize(1).build())
                    .stream().limit(1).toList();
            assertEquals("PRB0000050", first.get(0).get("number"));
            assertEquals("glide.maint", ((Map<?, ?>) first.get(0).get("opened_by")).get("value"));
            assertEquals("Bearer " + grant.get("access_token").asText(), fake.lastRequest().header("Authorization"));

            clock.advance(Duration.ofSeconds(1800)); // expires_in 1799
            fake.faults().nextCalls(1, "POST", ServiceNowClient.TOKEN_PATH).respond(200, grant.toString());
            sn.table("problem").list(TableQuery.builder().pageSize(1).build()).stream().limit(1).count();

            List<FakeRequest> tokenCalls = fake.requests("POST", ServiceNowClient.TOKEN_PATH);
            assertEquals(2, tokenCalls.size());
            assertEquals("password", tokenCalls.get(0).form().get("grant_type"));
            assertEquals("refresh_token", tokenCalls.get(1).form().get("grant_type"));
            assertEquals(grant.get("refresh_token").asText(), tokenCalls.get(1).form().get("refresh_token"));
        }
    }

    @Test
    void tokenErrorFixture_isAuthenticationException_withOAuthCodeAndHost() throws IOException {
        fake.faults().nextCalls(1, "POST", ServiceNowClient.TOKEN_PATH).respond(401, text("oauth_token_error_access_denied.json"));
        try (ServiceNowClient sn = builder().clientCredentials("oauth-client-1", Secret.of("oauth-secret-1")).build()) {
            AuthenticationException e = assertThrows(AuthenticationException.class,
                    () -> sn.table("incident").get(SYS_ID));
            assertEquals("server_error", e.vendorCode());
            assertEquals(401, e.httpStatus());
            assertEquals(fakeHost(), e.host());
            assertTrue(e.vendorMessage().startsWith("access_denied"), e.vendorMessage());
            assertTrue(e.getMessage().contains("glide.oauth.inbound.client.credential.grant_type.enabled"), e.getMessage());
            assertTrue(fake.requests("GET", "/api/now/table/incident/" + SYS_ID).isEmpty());
        }
    }

    /** A record type for the fixtures' columns. */
    record Incident(String sys_id, String number, String urgency, String short_description) {
    }

    @Test
    void tableRecordFixtures_readAsMapsAndRecords_forGetCreateAndPatch() throws IOException {
        for (String f : List.of("table_get_record.json", "table_post_incident_201.json", "table_patch_record.json",
                "table_put_record.json")) {
            JsonNode expected = JSON.readTree(text(f)).get("result");
            fake.faults().nextCalls(2).respond(f.contains("201") ? 201 : 200, text(f));

            Map<String, Object> asMap = client.table("incident").get(SYS_ID);
            Incident typed = client.table("incident", Incident.class).update(SYS_ID, Map.of("urgency", "2"));

            assertEquals(expected.get("sys_id").asText(), asMap.get("sys_id"), f);
            assertEquals(expected.get("number").asText(), typed.number(), f);
            assertEquals(expected.path("urgency").asText(null), typed.urgency(), f);
            assertEquals(expected.get("sys_domain").get("value").asText(), ((Map<?, ?>) asMap.get("sys_domain")).get("value"), f);
        }
        fake.faults().nextCalls(1, "POST", "/api/now/table/incident").respond(201, text("table_post_incident_201.json"));
        Incident created = client.table("incident", Incident.class).create(Map.of("short_description", "x"));
        assertEquals(JSON.readTree(text("table_post_incident_201.json")).get("result").get("number").asText(),
                created.number());
    }

    @Test
    void linkHeader_nextIsFound_amongFirstPrevLast_evenWhenUrlsHoldCommas() {
        String link = "<https://i.service-now.com/api/now/table/problem?sysparm_limit=1&sysparm_offset=0>;rel=\"first\","
                + "<https://i.service-now.com/api/now/table/problem?sysparm_limit=1&sysparm_offset=-1>;rel=\"prev\","
                + "<https://i.service-now.com/api/now/table/problem?sysparm_fields=sys_id,number&sysparm_offset=1>;rel=\"next\","
                + "<https://i.service-now.com/api/now/table/problem?sysparm_limit=1&sysparm_offset=40>;rel=\"last\"";
        assertEquals("https://i.service-now.com/api/now/table/problem?sysparm_fields=sys_id,number&sysparm_offset=1",
                Responses.nextLink(link));
        assertNull(Responses.nextLink("<https://x/a>;rel=\"last\""));
        assertNull(Responses.nextLink("<https://x/a>;rel=\"nextpage\""));
        assertEquals("https://x/b", Responses.nextLink("<https://x/a>; rel=prev, <https://x/b>; rel=next"));
        assertNull(Responses.nextLink(null));
        assertNull(Responses.nextLink("garbage, <unterminated"));
    }
}
