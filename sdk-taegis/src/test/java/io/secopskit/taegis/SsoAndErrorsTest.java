package io.secopskit.taegis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.secopskit.core.LogCapture;
import io.secopskit.core.error.NotFoundException;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.error.ValidationException;
import io.secopskit.taegis.model.SamlConfiguration;
import io.secopskit.taegis.model.SsoConfigSource;
import io.secopskit.taegis.model.SsoConnection;
import io.secopskit.taegis.model.SsoConnectionConfig;
import io.secopskit.taegis.model.SsoConnectionQuery;
import io.secopskit.taegis.model.SsoConnectionRequest;
import io.secopskit.taegis.model.SsoConnectionStatus;
import io.secopskit.taegis.model.SsoConnectionType;
import io.secopskit.taegis.model.SsoConnectionUpdate;
import io.secopskit.taegis.model.TenantQuery;
import io.secopskit.taegis.model.TenantRequest;
import io.secopskit.testkit.FakeRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class SsoAndErrorsTest extends TaegisTestBase {

    private SsoClient sso(String tenantId) {
        return taegis.sso(tenantId);
    }

    @Test
    void ssoLifecycle_sendsTenantContext_onEveryCall() {
        String tenant = fake.seedTenants(1).get(0);
        SsoClient sso = sso(tenant);

        SsoConnection created = sso.create(SsoConnectionRequest.builder().name("Acme Okta").type(SsoConnectionType.SAML)
                .domains("acme.example").testers("admin@acme.example")
                .samlConfiguration(SamlConfiguration.metadataUrl("https://idp.acme.example/metadata")).build());
        assertEquals("Acme Okta", created.name());
        assertEquals(tenant, created.tenantID());
        JsonNode newConnection = fake.lastRequest().json().path("variables").path("newConnection");
        assertEquals("saml", newConnection.path("type").asText());
        assertEquals("https://idp.acme.example/metadata", newConnection.path("connectionConfiguration")
                .path("samlConfiguration").path("metadataURL").asText());

        SsoConnection enabled = sso.update(created.id(), SsoConnectionUpdate.builder().status(SsoConnectionStatus.ENABLED)
                .addDomains("acme.example.org").removeTesters("admin@acme.example").build());
        JsonNode updated = fake.lastRequest().json().path("variables").path("updatedConnection");
        assertEquals(created.id(), updated.path("id").asText(), "the id travels inside the input");
        assertEquals("Enabled", updated.path("status").asText());
        assertEquals(SsoConnectionStatus.ENABLED, enabled.status());
        assertEquals(List.of("acme.example", "acme.example.org"), enabled.domains());
        assertTrue(enabled.testers().isEmpty());

        assertEquals(created.id(), sso.get(created.id()).id());
        assertEquals(1, sso.list(SsoConnectionQuery.all()).stream().count());
        SsoConnectionConfig config = sso.getConfig(SsoConfigSource.metadataUrl("https://idp.acme.example/metadata"));
        assertEquals("https://idp.example/sso/saml", config.ssoConnectionConfiguration().samlConnectionConfiguration().signInEndpoint());
        assertEquals(created.id(), sso.delete(created.id()).id());

        for (FakeRequest r : queries()) {
            assertEquals(tenant, r.header("X-Tenant-Context"));
        }
        NotFoundException gone = assertThrows(NotFoundException.class, () -> sso.get(created.id()),
                "a query's null result without errors is not found");
        assertEquals("NULL_RESULT", gone.vendorCode());
    }

    @Test
    @SuppressWarnings("deprecation")
    void ssoValidation_rejectsBeforeSending() {
        assertEquals("X-Tenant-Context", assertThrows(ValidationException.class, () -> taegis.sso(null)).field());
        assertThrows(ValidationException.class, () -> taegis.sso(" "));
        // the fake acts only inside an existing X-Tenant-Context tenant the client may change (SSO_TENANT_CONTEXT)
        SsoClient sso = sso(fake.seedTenants(1).get(0));
        ValidationException saml = assertThrows(ValidationException.class, () -> sso.update("c1", SsoConnectionUpdate.builder()
                .samlConfiguration(SamlConfiguration.signingCertificate("MIIC...", null)).build()));
        assertTrue(saml.getMessage().contains("signInEndpoint and signingCert"), saml.getMessage());
        assertTrue(saml.getMessage().contains("SamlConfiguration.metadataUrl(url)"), "names the documented default: " + saml.getMessage());
        assertEquals("metadataURL", assertThrows(ValidationException.class, () -> SsoConfigSource.metadataUrl(" ")).field());
        assertEquals("cert", assertThrows(ValidationException.class, () -> SsoConfigSource.certificate(null)).field());
        assertEquals("updatedConnection", assertThrows(ValidationException.class,
                () -> sso.update("c1", SsoConnectionUpdate.builder().build())).field());
        assertTrue(queries().isEmpty(), "every rejection above happened before sending");

        // signInEndpoint with signingCert passes client-side validation and reaches the service
        TaegisGraphQLException notFound = assertThrows(TaegisGraphQLException.class, () -> sso.update("missing",
                SsoConnectionUpdate.builder().samlConfiguration(SamlConfiguration.signingCertificate("MIIC", "https://idp/sso"))
                        .build()));
        assertEquals("SSO connection not found in this tenant", notFound.errors().get(0).message());
        assertEquals(1, queries().size());
    }

    @Test
    void fakeValidatesDocuments_againstTheSchema_andTheSdkNamesTheFieldTheServerLacks() {
        String schema = new String(readSchema(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("  partner_name: String  # inferred scalar\n", "");
        assertFalse(schema.contains("partner_name"), "the older server's schema lacks partner_name");
        try (io.secopskit.testkit.FakeTaegis old = new io.secopskit.testkit.FakeTaegis(schema)) {
            old.start();
            old.issuer().client(CLIENT_ID, CLIENT_SECRET);
            try (TaegisClient client = TaegisClient.builder().endpoint(old.baseUri()).authEndpoint(old.baseUri())
                    .clientCredentials(CLIENT_ID, io.secopskit.core.Secret.of(CLIENT_SECRET)).build()) {
                TaegisUnknownFieldException e = assertThrows(TaegisUnknownFieldException.class,
                        () -> client.tenants().list(TenantQuery.all()).stream().count());

                assertTrue(e.errors().get(0).message().contains("Validation error"), e.errors().get(0).message());
                assertEquals("partner_name", e.field());
                assertEquals("Tenant", e.type());
                assertEquals(TenantFields.ALL, e.fieldSet());
                assertTrue(e.getMessage().contains("TenantFields.DOCUMENTED"), e.getMessage());
            }
        }
    }

    private static byte[] readSchema() {
        try (java.io.InputStream in = TaegisClient.class.getResourceAsStream("tenants.graphqls")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void graphqlErrorsWithHttp200_raiseTypedException_withMessagesAndPaths() {
        TaegisGraphQLException e = assertThrows(TaegisGraphQLException.class, () -> taegis.tenants().create(
                TenantRequest.builder().name("Orphan").parentTenantId("999999").build()));

        assertEquals(200, e.httpStatus());
        assertEquals("parent tenant 999999 not found or not accessible", e.errors().get(0).message());
        assertEquals(List.of("createTenant"), e.errors().get(0).path());
        assertEquals("createTenant", e.operation());
        assertEquals(fakeHost(), e.host());
        assertEquals(TaegisGraphQLException.GRAPHQL_ERRORS, e.vendorCode());
        assertEquals(1, queries().size(), "a mutation is not retried");
    }

    @Test
    void ssoWithoutTenantContext_isRejectedByTheFakeToo() throws IOException {
        fake.seedTenants(1);
        OkHttpClient http = new OkHttpClient();
        ObjectMapper json = new ObjectMapper();
        String token;
        Request tokenRequest = new Request.Builder().url(fake.baseUri() + TaegisClient.TOKEN_PATH)
                .header("Authorization", okhttp3.Credentials.basic(CLIENT_ID, CLIENT_SECRET))
                .post(RequestBody.create("grant_type=client_credentials", MediaType.get("application/x-www-form-urlencoded"))).build();
        try (Response r = http.newCall(tokenRequest).execute()) {
            token = json.readTree(r.body().string()).get("access_token").asText();
        }
        Request query = new Request.Builder().url(fake.baseUri() + TaegisClient.QUERY_PATH).header("Authorization", "Bearer " + token)
                .post(RequestBody.create(json.writeValueAsString(Map.of("query",
                        "query getSSOConnection($id: ID!) { getSSOConnection(id: $id) { id } }", "variables", Map.of("id", "x"))),
                        MediaType.get("application/json"))).build();
        try (Response r = http.newCall(query).execute()) {
            assertEquals(200, r.code());
            assertTrue(r.body().string().contains("X-Tenant-Context header is required"));
        }
    }

    @Test
    void http500WithGraphQLBody_mapsToServerException_andQueriesRetry() {
        fake.seedTenants(1);
        fake.faults().nextCalls(1, "POST", TaegisClient.QUERY_PATH).respond(500, "{\"errors\":[{\"message\":\"upstream timeout\"}]}");
        assertEquals(2, taegis.tenants().list(TenantQuery.all()).stream().count(), "a query is retried once after a 500");
        assertEquals(2, queries().size());

        fake.faults().nextCalls(1, "POST", TaegisClient.QUERY_PATH).respond(500, "{\"errors\":[{\"message\":\"upstream timeout\"}]}");
        ServerException e = assertThrows(ServerException.class, () -> taegis.tenants().create(
                TenantRequest.builder().name("x").build()));
        assertEquals("upstream timeout", e.vendorMessage());
        assertEquals(3, queries().size(), "the mutation was sent once");
    }

    @Test
    void clientSecretAndToken_neverLogged() {
        fake.seedTenants(1);
        try (LogCapture logs = new LogCapture()) {
            taegis.tenants().list(TenantQuery.all()).stream().count();
            String token = queries().get(0).header("Authorization").substring(7);
            assertFalse(logs.all().contains(CLIENT_SECRET));
            assertFalse(logs.all().contains(token));
            assertTrue(logs.all().contains("taegis.tenants POST /public/query -> 200"), logs.all());
            assertFalse(taegis.toString().contains(CLIENT_SECRET));
        }
    }
}
