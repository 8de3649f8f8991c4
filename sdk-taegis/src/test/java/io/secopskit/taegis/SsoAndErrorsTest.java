package io.secopskit.taegis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.error.NotFoundException;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.error.ValidationException;
import io.secopskit.core.spi.VendorPipeline;
import io.secopskit.core.LogCapture;
import io.secopskit.taegis.generated.ConnectionConfiguration;
import io.secopskit.taegis.generated.NewSSOConnectionInput;
import io.secopskit.taegis.generated.SAMLSSOConfiguration;
import io.secopskit.taegis.generated.SSOConnection;
import io.secopskit.taegis.generated.SSOConnectionConfigResponse;
import io.secopskit.taegis.generated.SSOConnectionStatus;
import io.secopskit.taegis.generated.SSOConnectionType;
import io.secopskit.taegis.generated.TenantCreateInput;
import io.secopskit.taegis.generated.TenantSSOConnectionQueryInput;
import io.secopskit.taegis.generated.UpdateSSOConnectionInput;
import io.secopskit.taegis.internal.GraphQLTransport;
import io.secopskit.testkit.FakeRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SsoAndErrorsTest extends TaegisTestBase {

    private SsoClient sso(String tenantId) {
        return taegis.sso(tenantId);
    }

    @Test
    @SuppressWarnings("deprecation")
    void ssoLifecycle_sendsTenantContext_onEveryCall() {
        String tenant = fake.seedTenants(1).get(0);
        SsoClient sso = sso(tenant);

        SSOConnection created = sso.create(NewSSOConnectionInput.builder().setName("Acme Okta").setType(SSOConnectionType.saml)
                .setDomains(List.of("acme.example")).setTesters(List.of("admin@acme.example"))
                .setConnectionConfiguration(ConnectionConfiguration.builder().setSamlConfiguration(
                        SAMLSSOConfiguration.builder().setMetadataURL("https://idp.acme.example/metadata").build()).build()).build());
        assertEquals("Acme Okta", created.getName());
        assertEquals(tenant, created.getTenantID());
        assertEquals("https://idp.acme.example/metadata", fake.lastRequest().json().path("variables").path("newConnection")
                .path("connectionConfiguration").path("samlConfiguration").path("metadataURL").asText());

        SSOConnection enabled = sso.update(UpdateSSOConnectionInput.builder().setId(created.getId())
                .setStatus(SSOConnectionStatus.Enabled).setAddDomains(List.of("acme.example.org"))
                .setRemoveTesters(List.of("admin@acme.example")).build());
        assertEquals(SSOConnectionStatus.Enabled, enabled.getStatus());
        assertEquals(List.of("acme.example", "acme.example.org"), enabled.getDomains());
        assertTrue(enabled.getTesters().isEmpty());

        assertEquals(created.getId(), sso.get(created.getId()).getId());
        assertEquals(1, sso.list(TenantSSOConnectionQueryInput.builder().build()).size());
        SSOConnectionConfigResponse config = sso.getConfig("https://idp.acme.example/metadata", null, null);
        assertEquals("https://idp.example/sso/saml", config.getSsoConnectionConfiguration().getSamlConnectionConfiguration().getSignInEndpoint());
        assertEquals(created.getId(), sso.delete(created.getId()).getId());

        for (FakeRequest r : queries()) {
            assertEquals(tenant, r.header("X-Tenant-Context"));
        }
        assertThrows(NotFoundException.class, () -> sso.get(created.getId()), "a null result without errors is not found");
    }

    @Test
    @SuppressWarnings("deprecation")
    void ssoValidation_rejectsBeforeSending() {
        assertEquals("X-Tenant-Context", assertThrows(ValidationException.class, () -> taegis.sso(null)).field());
        assertThrows(ValidationException.class, () -> taegis.sso(" "));
        // the fake acts only inside an existing X-Tenant-Context tenant the client may change (SSO_TENANT_CONTEXT)
        SsoClient sso = sso(fake.seedTenants(1).get(0));
        ValidationException saml = assertThrows(ValidationException.class, () -> sso.update(UpdateSSOConnectionInput.builder()
                .setId("c1").setConnectionConfiguration(ConnectionConfiguration.builder().setSamlConfiguration(
                        SAMLSSOConfiguration.builder().setSigningCert("MIIC...").build()).build()).build()));
        assertTrue(saml.getMessage().contains("signInEndpoint and signingCert"), saml.getMessage());
        assertThrows(ValidationException.class, () -> sso.getConfig("https://x", null, "cert"));
        assertThrows(ValidationException.class, () -> sso.getConfig(null, null, null));
        assertTrue(queries().isEmpty(), "every rejection above happened before sending");

        // signInEndpoint with signingCert passes client-side validation and reaches the service
        TaegisGraphQLException notFound = assertThrows(TaegisGraphQLException.class, () -> sso.update(UpdateSSOConnectionInput
                .builder().setId("missing").setConnectionConfiguration(ConnectionConfiguration.builder().setSamlConfiguration(
                        SAMLSSOConfiguration.builder().setSigningCert("MIIC").setSignInEndpoint("https://idp/sso").build())
                        .build()).build()));
        assertEquals("SSO connection not found in this tenant", notFound.errors().get(0).message());
        assertEquals(1, queries().size());
    }

    @Test
    void fakeValidatesDocuments_againstTheSchema() {
        fake.seedTenants(1);
        GraphQLTransport raw = new GraphQLTransport(VendorPipeline.builder("taegis").endpoint(fake.baseUri())
                .auth(io.secopskit.core.auth.OAuth2ClientCredentialsAuth.builder().tokenEndpoint(fake.baseUri().resolve(TaegisClient.TOKEN_PATH))
                        .credentials(CLIENT_ID, io.secopskit.core.Secret.of(CLIENT_SECRET)).build()).build());

        TaegisGraphQLException e = assertThrows(TaegisGraphQLException.class, () -> raw.execute(GraphQLTransport.query("tenants"),
                "query { tenants(tenantsQuery: {maxResults: 1}) { results { id shoeSize } } }", Map.of(), null, Object.class));

        assertTrue(e.errors().get(0).message().contains("Validation error"), e.errors().get(0).message());
        assertTrue(e.getMessage().contains("shoeSize"), e.getMessage());
    }

    @Test
    void graphqlErrorsWithHttp200_raiseTypedException_withMessagesAndPaths() {
        TaegisGraphQLException e = assertThrows(TaegisGraphQLException.class, () -> taegis.tenants().createTenant(
                TenantCreateInput.builder().setName("Orphan").setParentTenantID("999999").build()));

        assertEquals(200, e.httpStatus());
        assertEquals("parent tenant 999999 not found or not accessible", e.errors().get(0).message());
        assertEquals(List.of("createTenant"), e.errors().get(0).path());
        assertEquals("createTenant", e.operation());
        assertEquals(1, queries().size(), "a mutation is not retried");
    }

    @Test
    void ssoWithoutTenantContext_isRejectedByTheFakeToo() {
        fake.seedTenants(1);
        GraphQLTransport raw = new GraphQLTransport(VendorPipeline.builder("taegis").endpoint(fake.baseUri())
                .auth(io.secopskit.core.auth.OAuth2ClientCredentialsAuth.builder().tokenEndpoint(fake.baseUri().resolve(TaegisClient.TOKEN_PATH))
                        .credentials(CLIENT_ID, io.secopskit.core.Secret.of(CLIENT_SECRET)).build()).build());

        TaegisGraphQLException e = assertThrows(TaegisGraphQLException.class, () -> raw.execute(GraphQLTransport.query("getSSOConnection"),
                "query getSSOConnection($id: ID!) { getSSOConnection(id: $id) { id } }", Map.of("id", "x"), null, Object.class));

        assertTrue(e.getMessage().contains("X-Tenant-Context header is required"), e.getMessage());
    }

    @Test
    void http500WithGraphQLBody_mapsToServerException_andQueriesRetry() {
        fake.seedTenants(1);
        fake.faults().nextCalls(1, "POST", "/public/query").respond(500, "{\"errors\":[{\"message\":\"upstream timeout\"}]}");
        assertEquals(2, taegis.tenants().tenants(io.secopskit.taegis.generated.TenantsQuery.builder().build()).getCount(),
                "a query is retried once after a 500");
        assertEquals(2, queries().size());

        fake.faults().nextCalls(1, "POST", "/public/query").respond(500, "{\"errors\":[{\"message\":\"upstream timeout\"}]}");
        ServerException e = assertThrows(ServerException.class, () -> taegis.tenants().createTenant(
                TenantCreateInput.builder().setName("x").build()));
        assertEquals("upstream timeout", e.vendorMessage());
    }

    @Test
    void clientSecretAndToken_neverLogged() {
        fake.seedTenants(1);
        try (LogCapture logs = new LogCapture()) {
            taegis.tenants().tenants(io.secopskit.taegis.generated.TenantsQuery.builder().build());
            String token = queries().get(0).header("Authorization").substring(7);
            assertFalse(logs.all().contains(CLIENT_SECRET));
            assertFalse(logs.all().contains(token));
            assertTrue(logs.all().contains("taegis.tenants POST /public/query -> 200"), logs.all());
        }
    }
}
