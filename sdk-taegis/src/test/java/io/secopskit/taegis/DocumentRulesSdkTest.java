package io.secopskit.taegis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.Secret;
import io.secopskit.core.error.ValidationException;
import io.secopskit.core.http.ClientOptions;
import io.secopskit.taegis.TenantsClient.PagingMode;
import io.secopskit.taegis.generated.ConnectionConfiguration;
import io.secopskit.taegis.generated.NewSSOConnectionInput;
import io.secopskit.taegis.generated.NewSubscription;
import io.secopskit.taegis.generated.OrderDir;
import io.secopskit.taegis.generated.SAMLSSOConfiguration;
import io.secopskit.taegis.generated.SSOConnection;
import io.secopskit.taegis.generated.SSOConnectionStatus;
import io.secopskit.taegis.generated.SSOConnectionType;
import io.secopskit.taegis.generated.Tenant;
import io.secopskit.taegis.generated.TenantCreateInput;
import io.secopskit.taegis.generated.TenantOrderField;
import io.secopskit.taegis.generated.TenantsQuery;
import io.secopskit.taegis.generated.UpdateSSOConnectionInput;
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
        return TaegisClient.builder().endpoint(fake.baseUri()).authEndpoint(fake.baseUri())
                .clientCredentials(clientId, Secret.of(clientId + "-secret"))
                .options(ClientOptions.builder().clock(clock).sleeper(sleeps::add).build()).build();
    }

    private static NewSSOConnectionInput.Builder connection() {
        return NewSSOConnectionInput.builder().setName("Acme Okta").setType(SSOConnectionType.saml)
                .setDomains(List.of("acme.example"));
    }

    // ---------------------------------------------------------------- item 4: SSO as documented (L349, L376, L395, L415)

    @Test
    void ssoCreate_withoutTypeSamlOrDomains_isRejectedBeforeSending() {
        SsoClient sso = taegis.sso(fake.seedTenants(1).get(0));

        assertEquals("newConnection.type", assertThrows(ValidationException.class,
                () -> sso.create(connection().setType(null).build())).field());
        assertEquals("newConnection.type", assertThrows(ValidationException.class,
                () -> sso.create(connection().setType(SSOConnectionType.unknown).build())).field());
        assertEquals("newConnection.domains", assertThrows(ValidationException.class,
                () -> sso.create(connection().setDomains(null).build())).field());
        assertEquals("newConnection.domains", assertThrows(ValidationException.class,
                () -> sso.create(connection().setDomains(List.of(" ")).build())).field());
        assertTrue(queries().isEmpty());
    }

    @Test
    void ssoUpdate_statusDraft_isRejectedBeforeSending_enabledDisabledTestingAreSent() {
        String tenant = fake.seedTenants(1).get(0);
        SsoClient sso = taegis.sso(tenant);
        SSOConnection created = sso.create(connection().build());
        int sent = queries().size();

        ValidationException e = assertThrows(ValidationException.class, () -> sso.update(UpdateSSOConnectionInput.builder()
                .setId(created.getId()).setStatus(SSOConnectionStatus.Draft).build()));

        assertEquals("updatedConnection.status", e.field());
        assertEquals(sent, queries().size());
        for (SSOConnectionStatus status : List.of(SSOConnectionStatus.Testing, SSOConnectionStatus.Enabled, SSOConnectionStatus.Disabled)) {
            assertEquals(status, sso.update(UpdateSSOConnectionInput.builder().setId(created.getId()).setStatus(status).build())
                    .getStatus());
        }
    }

    @Test
    @SuppressWarnings("deprecation")
    void ssoConfigure_byMetadataUrl_movesToTesting_andCertNameIsSelectedAndRead() {
        SsoClient sso = taegis.sso(fake.seedTenants(1).get(0));
        SSOConnection created = sso.create(connection().build());
        assertEquals(SSOConnectionStatus.Draft, created.getStatus());

        SSOConnection configured = sso.update(UpdateSSOConnectionInput.builder().setId(created.getId())
                .setConnectionConfiguration(ConnectionConfiguration.builder().setSamlConfiguration(SAMLSSOConfiguration.builder()
                        .setMetadataURL("https://idp.acme.example/metadata").setSigningCertName("issuer.pem").build()).build()).build());

        assertEquals(SSOConnectionStatus.Testing, configured.getStatus());
        assertEquals("issuer.pem", configured.getCertName());
        assertTrue(lastBody().get("query").asText().contains(" certName "), lastBody().get("query").asText());
    }

    // ---------------------------------------------------------------- item 7: vendor-side rules reach the caller

    @Test
    void tenantReadClient_listsOnlyItsOwnAndRelatedTenants_andCannotRename() {
        List<String> children = fake.seedTenants(3);
        TaegisClient reader = clientAs("reader", Principal.withPermissions(children.get(0), Principal.Permission.TENANT_READ));

        List<String> seen = reader.tenants().list(TenantsQuery.builder().build(), PagingMode.CURSOR).stream()
                .map(Tenant::getId).collect(Collectors.toList());

        assertEquals(List.of(children.get(0)), seen);
        TaegisGraphQLException e = assertThrows(TaegisGraphQLException.class, () -> reader.tenants().rename(children.get(0), "x"));
        assertTrue(e.getMessage().contains("Tenant:update is required"), e.getMessage());
    }

    @Test
    void createTenant_underAPartnerTheCallerDoesNotAdminister_raisesWithTheReason() {
        String otherPartner = fake.seedPartner("Other", null);
        TaegisClient other = clientAs("other", Principal.tenantAdmin(otherPartner));

        TaegisGraphQLException e = assertThrows(TaegisGraphQLException.class, () -> other.tenants().createTenant(
                TenantCreateInput.builder().setName("x").setParentTenantID(FakeTaegis.PARTNER_TENANT_ID).build()));

        assertTrue(e.getMessage().contains("not found or not accessible"), e.getMessage());
        assertEquals(1, queries().size(), "a mutation is not retried");
    }

    @Test
    void deleteSubscription_stillAssigned_raises() {
        String tenant = fake.seedTenants(1).get(0);
        String sub = taegis.tenants().createSubscription(NewSubscription.builder().setName("MDR").build()).getId();
        taegis.tenants().assignSubscription(tenant, sub);

        TaegisGraphQLException e = assertThrows(TaegisGraphQLException.class, () -> taegis.tenants().deleteSubscription(sub));

        assertTrue(e.getMessage().contains("unassign it first"), e.getMessage());
    }

    @Test
    void cursorPaging_withANonDefaultSort_keepsTheSortOnEveryPage_soTheCursorStaysValid() {
        fake.seedTenants(25);

        List<Tenant> all = taegis.tenants().list(TenantsQuery.builder().setMaxResults(10).setOrderBy(TenantOrderField.Name)
                .setOrderDir(OrderDir.desc).build(), PagingMode.CURSOR).stream().collect(Collectors.toList());

        assertEquals(26, all.size());
        assertEquals("Tenant 00025", all.get(0).getName());
        queries().forEach(r -> assertEquals("Name", r.json().path("variables").path("tenantsQuery").path("orderBy").asText()));
    }

    @Test
    void setExpiry_sixtyDaysLater_theTenantReadsDisabled() {
        String id = fake.seedTenants(1).get(0);
        Instant expiry = clock.instant().plus(Duration.ofDays(1));
        assertTrue(taegis.tenants().setExpiry(id, expiry).getEnabled());

        clock.set(expiry.plus(Duration.ofDays(60)));

        Tenant later = taegis.tenants().tenants(TenantsQuery.builder().setIds(List.of(id)).build()).getResults().get(0);
        assertFalse(later.getEnabled());
        assertTrue(taegis.tenants().clearExpiry(id).getExpires_at() == null);
    }

    // ---------------------------------------------------------------- item 10: JWT expiry and HTTPS

    @Test
    void jwtAccessTokens_withoutExpiresIn_areRefreshedFromTheirExpClaim() {
        fake.issuer().lifetime(Duration.ofMinutes(10));
        fake.seedTenants(1);
        taegis.tenants().tenants(TenantsQuery.builder().build());
        clock.advance(Duration.ofMinutes(9).plusSeconds(40));
        taegis.tenants().tenants(TenantsQuery.builder().build());
        assertEquals(1, fake.issuer().tokensIssued(), "still more than 15 s before exp");

        clock.advance(Duration.ofSeconds(10));
        taegis.tenants().tenants(TenantsQuery.builder().build());

        assertEquals(2, fake.issuer().tokensIssued(), "refreshed 15 s before the JWT's exp, which was the only expiry given");
    }

    @Test
    void jwtAccessTokens_longerThanAnHour_areNotRefreshedEarly() {
        fake.issuer().lifetime(Duration.ofHours(3));
        fake.seedTenants(1);
        taegis.tenants().tenants(TenantsQuery.builder().build());
        clock.advance(Duration.ofHours(2));
        taegis.tenants().tenants(TenantsQuery.builder().build());
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
            TaegisClient client = TaegisClient.builder().endpoint(tls.baseUri()).authEndpoint(tls.baseUri())
                    .clientCredentials(CLIENT_ID, Secret.of(CLIENT_SECRET))
                    .options(ClientOptions.builder().httpClient(http).build()).build();

            assertEquals(3, client.tenants().tenants(TenantsQuery.builder().build()).getTotalCount());
            assertEquals("https", tls.baseUri().getScheme());
            assertEquals(1, tls.requests("POST", TaegisClient.TOKEN_PATH).size());
        }
    }
}
