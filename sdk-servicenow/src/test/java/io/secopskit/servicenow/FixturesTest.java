package io.secopskit.servicenow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.secopskit.core.auth.TokenEndpointResponse;
import io.secopskit.core.error.AuthenticationException;
import io.secopskit.core.error.InvalidRequestException;
import io.secopskit.core.error.PermissionDeniedException;
import io.secopskit.core.error.SecOpsException;
import io.secopskit.core.http.Operation;
import io.secopskit.core.internal.auth.AccessToken;
import io.secopskit.core.internal.auth.TokenResponses;
import io.secopskit.core.spi.ErrorResponse;
import io.secopskit.core.internal.json.Json;
import io.secopskit.servicenow.internal.Responses;
import io.secopskit.servicenow.internal.ServiceNowErrorDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Proves the SDK reads the real and documented ServiceNow bodies. */
class FixturesTest {
    private static String text(String name) throws IOException {
        try (InputStream in = FixturesTest.class.getResourceAsStream("/fixtures/servicenow/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static SecOpsException decode(int status, String fixture) throws IOException {
        Operation op = Operation.builder("servicenow", "TableGet", "GET", "/api/now/table/{table}").build();
        return ServiceNowErrorDecoder.INSTANCE.decode(new ErrorResponse(op, status, "application/json", text(fixture), null, null));
    }

    @Test
    void errorFixtures_mapToTypedExceptions_evenWithNullDetail() throws IOException {
        SecOpsException invalid = decode(400, "error_400_invalid_table.json");
        assertInstanceOf(InvalidRequestException.class, invalid);
        assertEquals("Invalid table sys_nonexistent (Table sys_nonexistent does not exist)", invalid.vendorMessage());

        SecOpsException unauthenticated = decode(401, "error_401_user_not_authenticated.json");
        assertInstanceOf(AuthenticationException.class, unauthenticated);

        SecOpsException forbidden = decode(403, "error_403_insufficient_rights_null_detail.json");
        assertInstanceOf(PermissionDeniedException.class, forbidden);
        assertEquals("Insufficient rights to query records", forbidden.vendorMessage());

        assertEquals("My error message (My details)", decode(500, "scripted_rest_error_format_doc.json").vendorMessage());
    }

    @Test
    void oauthFixtures_parse() throws IOException {
        Instant now = Instant.parse("2026-11-22T00:00:00Z");
        AccessToken token = TokenResponses.parse("servicenow", "acme.service-now.com", new TokenEndpointResponse(200, "application/json",
                text("oauth_token_password_grant_response.json")), now, List.of("access_token"), null, Duration.ofMinutes(5));
        assertEquals(now.plusSeconds(1799), token.expiresAt());
        assertTrue(token.refreshToken().reveal().startsWith("jZPdkEVr"));
        assertTrue(token.value().reveal().startsWith("2wRlsRCT"));

        SecOpsException denied = org.junit.jupiter.api.Assertions.assertThrows(AuthenticationException.class,
                () -> TokenResponses.parse("servicenow", "acme.service-now.com", new TokenEndpointResponse(401, "application/json",
                        text("oauth_token_error_access_denied.json")), now, List.of("access_token"), null, Duration.ofMinutes(5)));
        assertEquals("server_error", denied.vendorCode());
        assertEquals("access_denied", denied.vendorMessage());
    }

    @Test
    void tableFixtures_parseAsRecords() throws IOException {
        JsonNode list = Json.mapper().readTree(text("table_get_list_problem_limit1.json")).get("result");
        Map<?, ?> problem = Json.mapper().convertValue(list.get(0), Map.class);
        assertEquals("PRB0000050", problem.get("number"));
        assertEquals("glide.maint", ((Map<?, ?>) problem.get("opened_by")).get("value"));
        for (String f : List.of("table_get_record.json", "table_patch_record.json", "table_post_incident_201.json",
                "table_put_record.json")) {
            JsonNode result = Json.mapper().readTree(text(f)).get("result");
            assertTrue(result.isObject() && result.has("sys_id"), f);
        }
    }

    @Test
    void linkHeader_nextIsFound_amongFirstPrevLast() {
        String link = "<https://i.service-now.com/api/now/table/problem?sysparm_limit=1&sysparm_offset=0>;rel=\"first\","
                + "<https://i.service-now.com/api/now/table/problem?sysparm_limit=1&sysparm_offset=1>;rel=\"next\","
                + "<https://i.service-now.com/api/now/table/problem?sysparm_limit=1&sysparm_offset=40>;rel=\"last\"";
        assertEquals("https://i.service-now.com/api/now/table/problem?sysparm_limit=1&sysparm_offset=1", Responses.nextLink(link));
        assertEquals(null, Responses.nextLink("<https://x/a>;rel=\"last\""));
    }
}
