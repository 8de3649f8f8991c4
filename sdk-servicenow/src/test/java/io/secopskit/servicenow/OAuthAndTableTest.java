package io.secopskit.servicenow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.LogCapture;
import io.secopskit.core.Secret;
import io.secopskit.core.error.AuthenticationException;
import io.secopskit.core.error.ConfigurationException;
import io.secopskit.core.error.InvalidRequestException;
import io.secopskit.core.error.NotFoundException;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.error.ValidationException;
import io.secopskit.core.paging.PagedIterable;
import io.secopskit.servicenow.model.TableQuery;
import io.secopskit.testkit.FakeRequest;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OAuthAndTableTest extends ServiceNowTestBase {
    private static final String TOKEN = ServiceNowClient.TOKEN_PATH;

    private ServiceNowClient passwordClient() {
        return builder().passwordGrant("oauth-client-1", Secret.of("oauth-secret-1"), WRITER, Secret.of(WRITER_PASSWORD)).build();
    }

    @Test
    void passwordGrant_postsFormGrant_andReusesOneTokenForManyCalls() {
        fake.seed("incident", 3);
        ServiceNowClient sn = passwordClient();

        for (int i = 0; i < 20; i++) {
            sn.table("incident").list(TableQuery.builder().build()).stream().count();
        }

        assertEquals(1, fake.tokensIssued());
        FakeRequest tokenRequest = fake.requests("POST", TOKEN).get(0);
        Map<String, String> form = tokenRequest.form();
        assertEquals("password", form.get("grant_type"));
        assertEquals(WRITER, form.get("username"));
        assertEquals(WRITER_PASSWORD, form.get("password"));
        assertEquals("oauth-client-1", form.get("client_id"));
        assertEquals("oauth-secret-1", form.get("client_secret"));
        assertTrue(fake.requests("GET", "/api/now/table/incident").get(0).header("Authorization").startsWith("Bearer "));
    }

    @Test
    void passwordGrant_afterExpiry_usesTheRefreshTokenGrant() {
        fake.seed("incident", 1);
        ServiceNowClient sn = passwordClient();
        sn.table("incident").list(TableQuery.builder().build()).stream().count();

        clock.advance(Duration.ofSeconds(1800)); // the 1,799 s token has expired
        sn.table("incident").list(TableQuery.builder().build()).stream().count();

        assertEquals(2, fake.tokensIssued());
        assertEquals(1, fake.tokensIssued("refresh_token"));
        Map<String, String> refresh = fake.requests("POST", TOKEN).get(1).form();
        assertEquals("refresh_token", refresh.get("grant_type"));
        assertFalse(refresh.containsKey("password"), "the password is not sent again while the refresh token works");
    }

    @Test
    void passwordGrant_revokedRefreshToken_fallsBackToThePasswordGrant() {
        fake.seed("incident", 1);
        ServiceNowClient sn = passwordClient();
        sn.table("incident").list(TableQuery.builder().build()).stream().count();
        clock.advance(Duration.ofSeconds(1800));
        sn.table("incident").list(TableQuery.builder().build()).stream().count(); // refresh token used up
        fake.faults().nextCalls(1, "POST", TOKEN).respond(401, "{\"error_description\":\"access_denied\",\"error\":\"server_error\"}");
        clock.advance(Duration.ofSeconds(1800));

        sn.table("incident").list(TableQuery.builder().build()).stream().count();

        List<FakeRequest> tokenCalls = fake.requests("POST", TOKEN);
        assertEquals("refresh_token", tokenCalls.get(2).form().get("grant_type"));
        assertEquals("password", tokenCalls.get(3).form().get("grant_type"));
    }

    @Test
    void clientCredentials_postsClientCredentialsGrantWithFormFields() {
        fake.seed("incident", 1);
        ServiceNowClient sn = builder().clientCredentials("oauth-client-1", Secret.of("oauth-secret-1")).build();

        assertEquals(1, sn.table("incident").list(TableQuery.builder().build()).stream().count());

        FakeRequest token = fake.requests("POST", TOKEN).get(0);
        assertEquals(Map.of("grant_type", "client_credentials", "client_id", "oauth-client-1",
                "client_secret", "oauth-secret-1"), token.form());
        assertEquals(null, token.header("Authorization"), "client id and secret go in the form, not in Basic");
        assertTrue(token.header("Content-Type").startsWith("application/x-www-form-urlencoded"));
        assertTrue(fake.lastRequest().header("Authorization").startsWith("Bearer "));
    }

    @Test
    void passwordGrantRejected_raisesAuthenticationWithHint_withoutSecretsInLogsOrMessage() {
        try (LogCapture logs = new LogCapture()) {
            ServiceNowClient sn = builder().passwordGrant("oauth-client-1", Secret.of("WRONG-CLIENT-SECRET"), WRITER,
                    Secret.of("USER-PASSWORD-VALUE")).build();

            AuthenticationException e = assertThrows(AuthenticationException.class,
                    () -> sn.table("incident").list(TableQuery.builder().build()).stream().count());

            assertEquals("server_error", e.vendorCode());
            assertEquals(401, e.httpStatus());
            assertEquals("token", e.operation());
            assertEquals(fakeHost(), e.host());
            assertTrue(e.vendorMessage().startsWith("access_denied"), e.vendorMessage());
            assertTrue(e.getMessage().contains("client id or secret is wrong, the user name or password is wrong"),
                    e.getMessage());
            String all = logs.all() + e.getMessage();
            assertFalse(all.contains("WRONG-CLIENT-SECRET") || all.contains("USER-PASSWORD-VALUE"), all);
        }
    }

    @Test
    void tableList_2500Records_followsLinkHeaders_eachRecordOnce_lazily() {
        fake.seed("sn_si_incident", 2500);
        PagedIterable<Map<String, Object>> all = client.table("sn_si_incident")
                .list(TableQuery.builder().pageSize(100).fields("sys_id", "number").build());
        Iterator<Map<String, Object>> it = all.iterator();
        assertTrue(fake.requests().isEmpty());
        for (int i = 0; i < 100; i++) {
            it.next();
        }
        assertEquals(1, fake.requests().size(), "the second page waits until iteration reaches it");

        Set<Object> ids = new HashSet<>();
        int count = 100;
        while (it.hasNext()) {
            assertTrue(ids.add(it.next().get("sys_id")));
            count++;
        }

        assertEquals(2500, count);
        List<FakeRequest> calls = fake.requests("GET", "/api/now/table/sn_si_incident");
        assertEquals(25, calls.size());
        assertEquals("100", calls.get(0).queryParam("sysparm_limit"));
        assertEquals("sys_id,number", calls.get(0).queryParam("sysparm_fields"));
        for (int i = 1; i < calls.size(); i++) {
            assertEquals(String.valueOf(i * 100), calls.get(i).queryParam("sysparm_offset"), "request " + i + " is the Link next URL");
            assertEquals("sys_id,number", calls.get(i).queryParam("sysparm_fields"));
        }
    }

    @Test
    void tableList_withoutLinkHeader_continuesByOffsetUntilTotalCount() {
        fake.seed("incident", 3);
        fake.faults().nextCalls(1, "GET", "/api/now/table/incident").respond(io.secopskit.testkit.FakeResponse.json(200,
                "{\"result\":[{\"sys_id\":\"a\"},{\"sys_id\":\"b\"}]}").withHeader("X-Total-Count", "3"));

        long count = client.table("incident").list(TableQuery.builder().pageSize(2).build()).stream().count();

        assertEquals(3, count, "2 from the first page, 1 from the second");
        List<FakeRequest> calls = fake.requests("GET", "/api/now/table/incident");
        assertEquals(2, calls.size(), "stops at X-Total-Count without an empty third request");
        assertEquals("2", calls.get(1).queryParam("sysparm_offset"));
        assertEquals("2", calls.get(1).queryParam("sysparm_limit"));
    }

    @Test
    void tableList_sendsQueryDisplayValueAndReferenceLinkOptions() {
        fake.seed("incident", 2);

        long found = client.table("incident").list(TableQuery.builder().where("number", TableQuery.Op.EQ, "REC0000001")
                .displayValue(TableQuery.DisplayValue.ALL).excludeReferenceLink(true).build()).stream().count();

        assertEquals(1, found);
        FakeRequest sent = fake.lastRequest();
        assertEquals("number=REC0000001^ORDERBYsys_id", sent.queryParam("sysparm_query"));
        assertEquals("all", sent.queryParam("sysparm_display_value"));
        assertEquals("true", sent.queryParam("sysparm_exclude_reference_link"));
        assertEquals("0", sent.queryParam("sysparm_offset"));
    }

    /** A record type for typed table access. */
    record Incident(String sys_id, String short_description, String urgency) {
    }

    @Test
    void tableCrud_createGetPatchDelete_typed() {
        TableClient<Incident> incidents = client.table("incident", Incident.class);

        Incident created = incidents.create(Map.of("short_description", "phishing wave", "urgency", "2"));
        assertEquals(1, fake.requests("POST", "/api/now/table/incident").size());
        assertEquals("phishing wave", fake.lastRequest().json().get("short_description").asText());
        assertEquals("2", fake.lastRequest().json().get("urgency").asText());
        assertEquals("phishing wave", created.short_description());

        Incident read = incidents.get(created.sys_id());
        assertEquals("2", read.urgency());

        Incident patched = incidents.update(created.sys_id(), Map.of("urgency", "1"));
        assertEquals("1", patched.urgency());
        assertEquals("{\"urgency\":\"1\"}", fake.lastRequest().body());
        assertEquals("PATCH", fake.lastRequest().method());

        incidents.delete(created.sys_id());
        assertEquals("DELETE", fake.lastRequest().method());
        assertThrows(NotFoundException.class, () -> incidents.get(created.sys_id()));
    }

    @Test
    void tableValidation_rejectsBadNamesAndIds_beforeSending() {
        assertEquals("table", assertThrows(ValidationException.class, () -> client.table("Incident; drop")).field());
        assertEquals("sys_id", assertThrows(ValidationException.class, () -> client.table("incident").get("../x")).field());
        assertThrows(ValidationException.class, () -> TableQuery.builder().pageSize(10_001).build());
        assertTrue(fake.requests().isEmpty());
    }

    @Test
    void tableGet_unknownRecord_isNotFound_withServiceNowMessageAndDetail() {
        NotFoundException e = assertThrows(NotFoundException.class,
                () -> client.table("incident").get("ffffffffffffffffffffffffffffffff"));
        assertEquals(404, e.httpStatus());
        assertEquals("No Record found (Record doesn't exist or ACL restricts the record retrieval)", e.vendorMessage());
    }

    @Test
    void hibernatingInstance_tableListFailsClearly() {
        fake.hibernate(true);
        ServerException e = assertThrows(ServerException.class,
                () -> client.table("incident").list(TableQuery.builder().build()).stream().count());
        assertTrue(e.getMessage().contains("hibernating"), e.getMessage());
        assertEquals("UNEXPECTED_CONTENT_TYPE", e.vendorCode());
        assertEquals(fakeHost(), e.host());
    }

    @Test
    void hibernatingInstance_deleteIsNotASilentSuccess() {
        fake.hibernate(true);
        ServerException e = assertThrows(ServerException.class,
                () -> client.table("incident").delete("0123456789abcdef0123456789abcdef"));
        assertEquals(200, e.httpStatus());
        assertTrue(e.getMessage().contains("hibernating"), e.getMessage());
        assertEquals(1, fake.requests("DELETE", "/api/now/table/incident/0123456789abcdef0123456789abcdef").size());
    }

    @Test
    void endpoint_plainHttpNonLoopback_isRefusedAtBuild() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> ServiceNowClient.builder()
                .endpoint(URI.create("http://acme.service-now.com")).basicAuth(WRITER, Secret.of(WRITER_PASSWORD)).build());
        assertTrue(e.getMessage().contains("https"), e.getMessage());
    }
}
