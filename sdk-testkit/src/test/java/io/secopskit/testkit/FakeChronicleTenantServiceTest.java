package io.secopskit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fake refuses every request shape Google's documents rule out, with Google's status and envelope. */
class FakeChronicleTenantServiceTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SA = "sa@partner-project.iam.gserviceaccount.com";

    FakeChronicleTenantService fake;
    HttpClient http;
    String token;
    String parent;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeChronicleTenantService();
        fake.start();
        fake.tokens().registerServiceAccount(SA);
        http = HttpClient.newHttpClient();
        token = token(SA, FakeChronicleTenantService.SCOPE_CHRONICLE).get("access_token").asText();
        parent = "/v1alpha/" + fake.partnerInstance();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode token(String iss, String scope) throws Exception {
        String jwt = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + b64("{\"iss\":\"" + iss + "\",\"scope\":\"" + scope
                + "\",\"aud\":\"x\"}") + ".c2ln";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(fake.baseUri() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=" + URLEncoder.encode(GoogleTokenEndpoint.JWT_BEARER_GRANT,
                        StandardCharsets.UTF_8) + "&assertion=" + jwt)).build(), HttpResponse.BodyHandlers.ofString());
        ObjectNode out = (ObjectNode) MAPPER.readTree(r.body());
        out.put("_status", r.statusCode());
        return out;
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fake.baseUri() + pathAndQuery))
                .header("Authorization", "Bearer " + token);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static ObjectNode full(String code) {
        ObjectNode t = MAPPER.createObjectNode().put("displayName", "Customer " + code).put("customerCode", code)
                .put("tenantGcpProject", "projects/" + code + "-byop").put("retentionDuration", "ONE_YEAR")
                .put("authMethod", "CLOUD_IDENTITY").put("billingAccount", "012345-6789AB-CDEF01");
        t.putArray("frontendPathConfigs").addObject().put("frontendPath", code);
        return t;
    }

    private static void assertGoogleError(HttpResponse<String> r, int status, String canonical) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        JsonNode error = MAPPER.readTree(r.body()).get("error");
        assertEquals(status, error.get("code").asInt());
        assertEquals(canonical, error.get("status").asText());
        assertFalse(error.get("message").asText().isEmpty());
    }

    @Test
    void create_fullBody_answersARunningOperation() throws Exception {
        HttpResponse<String> r = send("POST", parent + "/tenants", full("acme").toString());

        assertEquals(200, r.statusCode(), r.body());
        JsonNode op = MAPPER.readTree(r.body());
        assertTrue(op.get("name").asText().startsWith(fake.partnerInstance() + "/operations/"));
        assertFalse(op.get("done").asBoolean());
        assertEquals("RUNNING", op.get("metadata").get("creationWorkflowStatus").asText());
        assertEquals(fake.tenant("acme").get("name").asText(), op.get("metadata").get("tenant").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"displayName", "customerCode", "tenantGcpProject", "retentionDuration", "authMethod",
            "frontendPathConfigs", "billingAccount"})
    void create_missingARequiredFieldOfTheCurrentRevision_is400(String field) throws Exception {
        ObjectNode body = full("acme");
        body.remove(field);
        assertGoogleError(send("POST", parent + "/tenants", body.toString()), 400, "INVALID_ARGUMENT");
        assertEquals(0, fake.tenantCount());
    }

    @Test
    void create_olderRevision_acceptsTheThreeFieldBody_butStillRejectsMissingOnes() throws Exception {
        fake.requiredFields(FakeChronicleTenantService.Revision.OLDER);
        ObjectNode body = MAPPER.createObjectNode().put("displayName", "Old").put("tenantGcpProject", "projects/old-byop")
                .put("retentionDuration", "SIX_MONTHS");
        assertEquals(200, send("POST", parent + "/tenants", body.toString()).statusCode());
        body.remove("retentionDuration");
        assertGoogleError(send("POST", parent + "/tenants", body.put("displayName", "Old 2").toString()), 400,
                "INVALID_ARGUMENT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"retentionDuration=SEVEN_YEARS", "retentionDuration=RETENTION_DURATION_UNSPECIFIED",
            "retentionDuration=one_year", "authMethod=PASSWORD", "authMethod=AUTH_METHOD_UNSPECIFIED",
            "customerCode=Acme", "customerCode=acme-", "tenantGcpProject=acme-byop", "displayName=",
            "displayName=A\u0000B"})
    void create_badValue_is400(String assignment) throws Exception {
        String[] kv = assignment.split("=", 2);
        assertGoogleError(send("POST", parent + "/tenants", full("acme").put(kv[0], kv[1]).toString()), 400, "INVALID_ARGUMENT");
    }

    @Test
    void create_unknownFieldQueryParameterBadProviderOrDuplicatePath_is400() throws Exception {
        assertGoogleError(send("POST", parent + "/tenants", full("acme").put("customer_code", "acme").toString()), 400,
                "INVALID_ARGUMENT");
        assertGoogleError(send("POST", parent + "/tenants?tenantId=acme", full("acme").toString()), 400, "INVALID_ARGUMENT");
        ObjectNode badProvider = full("acme");
        ((ObjectNode) badProvider.get("frontendPathConfigs").get(0)).put("workforcePoolProviderId", "okta");
        assertGoogleError(send("POST", parent + "/tenants", badProvider.toString()), 400, "INVALID_ARGUMENT");
        ObjectNode dup = full("acme");
        ((com.fasterxml.jackson.databind.node.ArrayNode) dup.get("frontendPathConfigs")).addObject().put("frontendPath", "acme");
        assertGoogleError(send("POST", parent + "/tenants", dup.toString()), 400, "INVALID_ARGUMENT");
        assertGoogleError(send("POST", parent + "/tenants", "[1,2]"), 400, "INVALID_ARGUMENT");
        assertGoogleError(send("POST", parent + "/tenants", "{\"displayName\":"), 400, "INVALID_ARGUMENT");
        assertEquals(0, fake.tenantCount());
    }

    @Test
    void create_sameCode_isAlreadyExistsUnlessTheWorkflowIsStuck() throws Exception {
        fake.runningPolls(0);
        fake.nextCreates(FakeChronicleTenantService.Outcome.ERROR_NOT_DONE, 1);
        String op = MAPPER.readTree(send("POST", parent + "/tenants", full("acme").toString()).body()).get("name").asText();
        assertGoogleError(send("POST", parent + "/tenants", full("acme").toString()), 409, "ALREADY_EXISTS");
        assertEquals("ERROR", MAPPER.readTree(send("GET", "/v1alpha/" + op, null).body())
                .get("metadata").get("creationWorkflowStatus").asText());

        assertGoogleError(send("POST", parent + "/tenants", full("acme").put("retentionDuration", "TWO_YEARS").toString()),
                409, "ALREADY_EXISTS");
        HttpResponse<String> retry = send("POST", parent + "/tenants", full("acme").toString());
        assertEquals(200, retry.statusCode(), retry.body());
        assertEquals(1, fake.tenantCount());
        assertEquals(2, fake.operationsStarted());
    }

    @Test
    void list_pageSizeOver100NegativeOrNotANumber_badTokenOrUnknownParameter_is400() throws Exception {
        assertGoogleError(send("GET", parent + "/tenants?pageSize=101", null), 400, "INVALID_ARGUMENT");
        assertGoogleError(send("GET", parent + "/tenants?pageSize=-1", null), 400, "INVALID_ARGUMENT");
        assertGoogleError(send("GET", parent + "/tenants?pageSize=ten", null), 400, "INVALID_ARGUMENT");
        assertGoogleError(send("GET", parent + "/tenants?pageToken=forged", null), 400, "INVALID_ARGUMENT");
        assertGoogleError(send("GET", parent + "/tenants?filter=customerCode%3Dacme", null), 400, "INVALID_ARGUMENT");
        assertGoogleError(send("GET", parent + "/tenants?pageSize=10&pageSize=20", null), 400, "INVALID_ARGUMENT");
    }

    @Test
    void list_defaultsToTenPerPageAndIssuesOpaqueTokens() throws Exception {
        fake.seedTenants(25);
        JsonNode first = MAPPER.readTree(send("GET", parent + "/tenants", null).body());
        assertEquals(10, first.get("tenants").size());
        String next = first.get("nextPageToken").asText();
        assertFalse(next.matches("\\d+"), "tokens are opaque, not offsets");
        JsonNode rest = MAPPER.readTree(send("GET", parent + "/tenants?pageSize=100&pageToken=" + next, null).body());
        assertEquals(15, rest.get("tenants").size());
        assertFalse(rest.has("nextPageToken"));
    }

    @Test
    void patch_maskRules() throws Exception {
        fake.seedTenants(1);
        String name = fake.tenant("seed-0001").get("name").asText();
        String path = "/v1alpha/" + name;
        String provider = "locations/global/workforcePools/p/providers/q";

        assertGoogleError(send("PATCH", path + "?updateMask=displayName", "{\"displayName\":\"x\"}"), 400, "INVALID_ARGUMENT");
        assertGoogleError(send("PATCH", path + "?updateMask=nonsense", "{}"), 400, "INVALID_ARGUMENT");
        assertGoogleError(send("PATCH", path + "?updateMask=", "{}"), 400, "INVALID_ARGUMENT");
        assertGoogleError(send("PATCH", path + "?updateMask=authMethod", "{\"authMethod\":\"PASSWORD\"}"), 400, "INVALID_ARGUMENT");
        assertGoogleError(send("PATCH", path + "?updateMask=frontendPathConfigs",
                "{\"frontendPathConfigs\":[{\"frontendPath\":\"other\",\"workforcePoolProviderId\":\"" + provider + "\"}]}"),
                400, "INVALID_ARGUMENT");
        assertGoogleError(send("PATCH", path + "?updateMask=authMethod&validateOnly=true",
                "{\"authMethod\":\"CLOUD_IDENTITY\"}"), 400, "INVALID_ARGUMENT");
        assertGoogleError(send("PATCH", "/v1alpha/" + fake.partnerInstance() + "/tenants/missing?updateMask=authMethod",
                "{\"authMethod\":\"CLOUD_IDENTITY\"}"), 404, "NOT_FOUND");

        HttpResponse<String> ok = send("PATCH", path + "?updateMask=auth_method,frontendPathConfigs",
                "{\"authMethod\":\"WORKFORCE_IDENTITY_FEDERATION\",\"frontendPathConfigs\":[{\"frontendPath\":\"seed-0001\","
                        + "\"workforcePoolProviderId\":\"" + provider + "\"}]}");
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("WORKFORCE_IDENTITY_FEDERATION", fake.tenant("seed-0001").get("authMethod").asText());
        assertEquals(provider, fake.tenant("seed-0001").get("frontendPathConfigs").get(0).get("workforcePoolProviderId").asText());
    }

    @Test
    void operations_stayRunningForNPollsThenFinish() throws Exception {
        fake.runningPolls(2);
        String op = MAPPER.readTree(send("POST", parent + "/tenants", full("acme").toString()).body()).get("name").asText();
        for (int i = 0; i < 2; i++) {
            assertFalse(MAPPER.readTree(send("GET", "/v1alpha/" + op, null).body()).get("done").asBoolean());
        }
        JsonNode done = MAPPER.readTree(send("GET", "/v1alpha/" + op, null).body());
        assertTrue(done.get("done").asBoolean());
        assertEquals("acme", done.get("response").get("customerCode").asText());
        assertEquals("ACTIVE", done.get("response").get("state").asText());
        assertGoogleError(send("GET", "/v1alpha/" + op + "?x=1", null), 400, "INVALID_ARGUMENT");
        assertGoogleError(send("GET", parent + "/operations/unknown", null), 404, "NOT_FOUND");
    }

    @Test
    void anotherPartnersInstance_isPermissionDenied_andNoTokenIsUnauthenticated() throws Exception {
        assertGoogleError(send("GET", "/v1alpha/projects/other-project/locations/us/instances/x/tenants", null), 403,
                "PERMISSION_DENIED");
        token = "ya29.forged";
        assertGoogleError(send("GET", parent + "/tenants", null), 401, "UNAUTHENTICATED");
    }

    @Test
    void token_wrongScopeOrUnknownAccount_isRefusedLikeGoogle() throws Exception {
        JsonNode backstory = token(SA, "https://www.googleapis.com/auth/chronicle-backstory");
        assertEquals(400, backstory.get("_status").asInt());
        assertEquals("invalid_scope", backstory.get("error").asText());
        JsonNode stranger = token("stranger@x.iam.gserviceaccount.com", FakeChronicleTenantService.SCOPE_CHRONICLE);
        assertEquals("invalid_grant", stranger.get("error").asText());
        JsonNode wide = token(SA, FakeChronicleTenantService.SCOPE_CLOUD_PLATFORM);
        assertEquals(200, wide.get("_status").asInt());
        assertEquals(2, fake.tokens().tokensIssued(), "two grants: the setup's and the cloud-platform one");
    }
}
