package io.secopskit.taegis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.Secret;
import io.secopskit.core.error.ValidationException;
import io.secopskit.core.http.ClientOptions;
import io.secopskit.taegis.model.OrderDir;
import io.secopskit.taegis.model.SamlConfiguration;
import io.secopskit.taegis.model.SsoConnection;
import io.secopskit.taegis.model.SsoConnectionRequest;
import io.secopskit.taegis.model.SsoConnectionStatus;
import io.secopskit.taegis.model.SsoConnectionType;
import io.secopskit.taegis.model.SsoConnectionUpdate;
import io.secopskit.taegis.model.SubscriptionRequest;
import io.secopskit.taegis.model.Tenant;
import io.secopskit.taegis.model.TenantOrderField;
import io.secopskit.taegis.model.TenantQuery;
import io.secopskit.taegis.model.TenantRequest;
import io.secopskit.testkit.FakeTaegis;
import io.secopskit.testkit.FakeTaegis.Principal;
import io.secopskit.testkit.FakeTls;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * The SDK side of the Tenants document's rules (issue 22 items 4, 5, 7, 10): what it refuses before sending,
 * what it selects, and how vendor-side refusals reach the caller. The fake side is {@link FakeTaegisRulesTest}.
 */
class DocumentRulesSdkTest extends TaegisTestBase {

    private TaegisClient clientAs(String clientId, Principal principal) {
        fake.client(clientId, clientId + "-secret", principal);
        return builder().clientCredentials(clientId, Secret.of(clientId + "-secret")).build();
    }

    private static SsoConnectionRequest.Builder connection() {
        return SsoConnectionRequest.builder().name("Acme Okta").type(SsoConnectionType.SAML).domains("acme.example");
    }

    // ---------------------------------------------------------------- item 4: SSO as documented (L349, L376, L395, L415)

    @Test
    void ssoCreate_withoutTypeSamlOrDomains_isRejectedBeforeSending() {
        SsoClient sso = taegis.sso(fake.seedTenants(1).get(0));

        assertEquals("newConnection.type", assertThrows(ValidationException.class,
                () -> sso.create(connection().type(null).build())).field());
        assertEquals("newConnection.type", assertThrows(ValidationException.class,
                () -> sso.create(connection().type(SsoConnectionType.UNKNOWN).build())).field());
        assertEquals("newConnection.domains", assertThrows(ValidationException.class,
                () -> sso.create(connection().domains((List<String>) null).build())).field());
        assertEquals("newConnection.domains", assertThrows(ValidationException.class,
                () -> sso.create(connection().domains(" ").build())).field());
        assertEquals("newConnection.name", assertThrows(ValidationException.class,
                () -> sso.create(connection().name(null).build())).field());
        assertTrue(queries().isEmpty());
    }

    @Test
    void ssoUpdate_statusDraft_isRejectedBeforeSending_enabledDisabledTestingAreSent() {
        String tenant = fake.seedTenants(1).get(0);
        SsoClient sso = taegis.sso(tenant);
        SsoConnection created = sso.create(connection().build());
        int sent = queries().size();

        ValidationException e = assertThrows(ValidationException.class, () -> sso.update(created.id(),
                SsoConnectionUpdate.builder().status(SsoConnectionStatus.DRAFT).build()));

        assertEquals("updatedConnection.status", e.field());
        assertEquals(sent, queries().size());
        for (SsoConnectionStatus status : List.of(SsoConnectionStatus.TESTING, SsoConnectionStatus.ENABLED, SsoConnectionStatus.DISABLED)) {
            assertEquals(status, sso.update(created.id(), SsoConnectionUpdate.builder().status(status).build()).status());
        }
    }

    @Test
    @SuppressWarnings("deprecation")
    void ssoConfigure_byMetadataUrl_movesToTesting_andCertNameIsSelectedAndRead() {
        SsoClient sso = taegis.sso(fake.seedTenants(1).get(0));
        SsoConnection created = sso.create(connection().build());
        assertEquals(SsoConnectionStatus.DRAFT, created.status());

        SsoConnection configured = sso.update(created.id(), SsoConnectionUpdate.builder().samlConfiguration(
                SamlConfiguration.metadataUrl("https://idp.acme.example/metadata").withSigningCertName("issuer.pem")).build());

        assertEquals(SsoConnectionStatus.TESTING, configured.status());
        assertEquals("issuer.pem", configured.certName());
        assertTrue(lastBody().get("query").asText().contains(" certName "), lastBody().get("query").asText());
        assertEquals("{\"metadataURL\":\"https://idp.acme.example/metadata\",\"signingCertName\":\"issuer.pem\"}",
                lastBody().path("variables").path("updatedConnection").path("connectionConfiguration").path("samlConfiguration")
                        .toString(), "only the fields set are sent");
    }

    @Test
    @SuppressWarnings("deprecation")
    void ssoConfigure_byTheDeprecatedCertificatePath_isStillSentAsTheDocumentShows() {
        SsoClient sso = taegis.sso(fake.seedTenants(1).get(0));
        SsoConnection created = sso.create(connection().build());

        SsoConnection configured = sso.update(created.id(), SsoConnectionUpdate.builder().samlConfiguration(
                SamlConfiguration.signingCertificate("MIIC-cert", "https://idp.acme.example/sso")).build());

        assertEquals(SsoConnectionStatus.TESTING, configured.status());
        assertEquals("{\"signingCert\":\"MIIC-cert\",\"signInEndpoint\":\"https://idp.acme.example/sso\"}",
                lastBody().path("variables").path("updatedConnection").path("connectionConfiguration").path("samlConfiguration")
                        .toString());
    }

    // ---------------------------------------------------------------- item 7: vendor-side rules reach the caller

    @Test
    void tenantReadClient_listsOnlyItsOwnAndRelatedTenants_andCannotRename() {
        List<String> children = fake.seedTenants(3);
        try (TaegisClient reader = clientAs("reader", Principal.withPermissions(children.get(0), Principal.Permission.TENANT_READ))) {
            List<String> seen = reader.tenants().list(TenantQuery.all()).stream().map(Tenant::id).collect(Collectors.toList());

            assertEquals(List.of(children.get(0)), seen);
            TaegisGraphQLException e = assertThrows(TaegisGraphQLException.class, () -> reader.tenants().rename(children.get(0), "x"));
            assertTrue(e.getMessage().contains("Tenant:update is required"), e.getMessage());
        }
    }

    @Test
    void createTenant_underAPartnerTheCallerDoesNotAdminister_raisesWithTheReason() {
        String otherPartner = fake.seedPartner("Other", null);
        try (TaegisClient other = clientAs("other", Principal.tenantAdmin(otherPartner))) {
            TaegisGraphQLException e = assertThrows(TaegisGraphQLException.class, () -> other.tenants().create(
                    TenantRequest.builder().name("x").parentTenantId(FakeTaegis.PARTNER_TENANT_ID).build()));

            assertTrue(e.getMessage().contains("not found or not accessible"), e.getMessage());
            assertEquals(1, queries().size(), "a mutation is not retried");
        }
    }

    @Test
    void deleteSubscription_stillAssigned_raises() {
        String tenant = fake.seedTenants(1).get(0);
        String sub = taegis.subscriptions().create(SubscriptionRequest.of("MDR")).id();
        taegis.subscriptions().assign(tenant, sub);

        TaegisGraphQLException e = assertThrows(TaegisGraphQLException.class, () -> taegis.subscriptions().delete(sub));

        assertTrue(e.getMessage().contains("unassign it first"), e.getMessage());
    }

    @Test
    void cursorPaging_withANonDefaultSort_keepsTheSortOnEveryPage_soTheCursorStaysValid() {
        fake.seedTenants(25);

        List<Tenant> all = taegis.tenants().list(TenantQuery.builder().pageSize(10).orderBy(TenantOrderField.NAME, OrderDir.DESC)
                .build()).stream().collect(Collectors.toList());

        assertEquals(26, all.size());
        assertEquals("Tenant 00025", all.get(0).name());
        assertEquals(3, queries().size());
        queries().forEach(r -> assertEquals("Name", r.json().path("variables").path("tenantsQuery").path("orderBy").asText()));
    }

    @Test
    void setExpiry_sixtyDaysLater_theTenantReadsDisabled() {
        String id = fake.seedTenants(1).get(0);
        Instant expiry = clock.instant().plus(Duration.ofDays(1));
        assertTrue(taegis.tenants().setExpiry(id, expiry).enabled());

        clock.set(expiry.plus(Duration.ofDays(60)));

        assertFalse(taegis.tenants().get(id).enabled());
        assertNull(taegis.tenants().clearExpiry(id).expiresAt());
    }

    // ---------------------------------------------------------------- item 10: JWT expiry and HTTPS

    @Test
    void jwtAccessTokens_withoutExpiresIn_areRefreshedFromTheirExpClaim() {
        fake.issuer().lifetime(Duration.ofMinutes(10));
        String id = fake.seedTenants(1).get(0);
        taegis.tenants().get(id);
        clock.advance(Duration.ofMinutes(9).plusSeconds(40));
        taegis.tenants().get(id);
        assertEquals(1, fake.issuer().tokensIssued(), "still more than 15 s before exp");

        clock.advance(Duration.ofSeconds(10));
        taegis.tenants().get(id);

        assertEquals(2, fake.issuer().tokensIssued(), "refreshed 15 s before the JWT's exp, which was the only expiry given");
        assertEquals(2, tokenRequests());
    }

    @Test
    void jwtAccessTokens_longerThanAnHour_areNotRefreshedEarly() {
        fake.issuer().lifetime(Duration.ofHours(3));
        String id = fake.seedTenants(1).get(0);
        taegis.tenants().get(id);
        clock.advance(Duration.ofHours(2));
        taegis.tenants().get(id);
        assertEquals(1, fake.issuer().tokensIssued());
    }

    @Test
    void https_clientTrustsTheFakeThroughFakeTls_forTokenAndQueries() {
        try (FakeTaegis tls = new FakeTaegis()) {
            tls.useHttps();
            tls.start();
            tls.issuer().client(CLIENT_ID, CLIENT_SECRET);
            tls.seedTenants(2);
            OkHttpClient http = new OkHttpClient.Builder()
                    .sslSocketFactory(FakeTls.shared().sslSocketFactory(), FakeTls.shared().trustManager()).build();
            try (TaegisClient client = TaegisClient.builder().endpoint(tls.baseUri()).authEndpoint(tls.baseUri())
                    .clientCredentials(CLIENT_ID, Secret.of(CLIENT_SECRET))
                    .options(ClientOptions.builder().httpClient(http).build()).build()) {
                assertEquals(3, client.tenants().list(TenantQuery.all()).byPage().iterator().next().total().orElseThrow());
                assertEquals("https", tls.baseUri().getScheme());
                assertEquals(1, tls.requests("POST", TaegisClient.TOKEN_PATH).size());
            }
        }
    }
}
