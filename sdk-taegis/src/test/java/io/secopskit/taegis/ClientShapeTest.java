package io.secopskit.taegis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.Secret;
import io.secopskit.core.VendorClient;
import io.secopskit.core.auth.BasicAuth;
import io.secopskit.core.auth.OAuth2ClientCredentialsAuth;
import io.secopskit.core.error.ConfigurationException;
import io.secopskit.core.http.ClientOptions;
import io.secopskit.taegis.model.TenantQuery;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's one client shape for Taegis: {@code TaegisClient implements VendorClient}; the builder resolves
 * region, endpoint, token host, credentials and field set in {@code build()} whatever the order, and every
 * builder error is a {@link ConfigurationException} naming the setting — including the region mistakes that would
 * otherwise surface as 401s at the first call.
 */
class ClientShapeTest extends TaegisTestBase {

    private static ConfigurationException buildFails(TaegisClient.Builder b) {
        return assertThrows(ConfigurationException.class, b::build);
    }

    @Test
    void region_givesTheTenantsHostForQueries_andTheApiHostForTokens() {
        for (TaegisRegion region : TaegisRegion.values()) {
            try (TaegisClient c = TaegisClient.builder().region(region).clientCredentials("id", Secret.of("s")).build()) {
                assertEquals(region.tenantsHost(), c.endpoint());
                assertEquals(Optional.of(URI.create(region.apiHost() + TaegisClient.TOKEN_PATH)), c.tokenEndpoint());
                assertEquals("taegis", c.vendor());
                assertEquals(TaegisClient.VENDOR, c.vendor());
                assertTrue(c instanceof VendorClient);
                assertEquals(TenantFields.ALL, c.fields());
            }
        }
        assertEquals(URI.create("https://api.tenants.ctpx.secureworks.com"), TaegisRegion.US1.tenantsHost());
        assertEquals(URI.create("https://api-tenants.echo.taegis.secureworks.com"), TaegisRegion.EU.tenantsHost());
    }

    @Test
    void endpointOfAKnownRegion_withoutRegion_takesTokensFromThatRegionsApiHost() {
        try (TaegisClient c = TaegisClient.builder().endpoint(TaegisRegion.EU.tenantsHost())
                .clientCredentials("id", Secret.of("s")).build()) {
            assertEquals(Optional.of(URI.create("https://api.echo.taegis.secureworks.com" + TaegisClient.TOKEN_PATH)),
                    c.tokenEndpoint());
        }
    }

    @Test
    void proxyEndpoint_withRegion_keepsTheRegionsTokenHost_andAuthEndpointKeepsItsBasePath() {
        try (TaegisClient viaProxy = TaegisClient.builder().endpoint(URI.create("https://proxy.acme.example/taegis"))
                .region(TaegisRegion.US3).clientCredentials("id", Secret.of("s")).build();
             TaegisClient both = TaegisClient.builder().endpoint(URI.create("https://proxy.acme.example/taegis"))
                     .authEndpoint(URI.create("https://proxy.acme.example/taegis-auth/")).clientCredentials("id", Secret.of("s")).build()) {
            assertEquals(URI.create("https://proxy.acme.example/taegis"), viaProxy.endpoint());
            assertEquals(Optional.of(URI.create("https://api.foxtrot.taegis.secureworks.com" + TaegisClient.TOKEN_PATH)),
                    viaProxy.tokenEndpoint());
            assertEquals(Optional.of(URI.create("https://proxy.acme.example/taegis-auth" + TaegisClient.TOKEN_PATH)),
                    both.tokenEndpoint());
        }
    }

    @Test
    void build_settingsInAnyOrder_credentialsAndFieldsBeforeLocation_works() {
        String tenant = fake.seedTenants(1).get(0);
        try (TaegisClient c = TaegisClient.builder().fields(TenantFields.DOCUMENTED)
                .clientCredentials(CLIENT_ID, Secret.of(CLIENT_SECRET))
                .options(o -> o.clock(clock).sleeper(sleeps::add))
                .authEndpoint(fake.baseUri())
                .endpoint(fake.baseUri())
                .build()) {
            assertEquals(tenant, c.tenants().get(tenant).id());
            assertEquals(TenantFields.DOCUMENTED, c.fields());
            assertEquals(1, tokenRequests());
            assertTrue(fake.requests("POST", TaegisClient.TOKEN_PATH).get(0).header("Authorization").startsWith("Basic "));
        }
    }

    @Test
    void build_withoutLocation_namesBothWays() {
        ConfigurationException e = buildFails(TaegisClient.builder().clientCredentials("id", Secret.of("s")));
        assertEquals("endpoint", e.setting());
        assertTrue(e.rule().contains("region(TaegisRegion)") && e.rule().contains("endpoint("), e.rule());
    }

    @Test
    void regionMistakes_areConfigurationExceptions_beforeAnyCall() {
        ConfigurationException otherRegion = buildFails(TaegisClient.builder().region(TaegisRegion.US1)
                .endpoint(TaegisRegion.EU.tenantsHost()).clientCredentials("id", Secret.of("s")));
        assertEquals("endpoint", otherRegion.setting());
        assertTrue(otherRegion.rule().contains("EU tenants host but region(US1)"), otherRegion.rule());

        ConfigurationException apiHostAsEndpoint = buildFails(TaegisClient.builder().endpoint(TaegisRegion.US2.apiHost())
                .clientCredentials("id", Secret.of("s")));
        assertEquals("endpoint", apiHostAsEndpoint.setting());
        assertTrue(apiHostAsEndpoint.rule().contains(TaegisRegion.US2.tenantsHost().toString()), apiHostAsEndpoint.rule());

        ConfigurationException tenantsHostAsAuth = buildFails(TaegisClient.builder().region(TaegisRegion.US1)
                .authEndpoint(TaegisRegion.US1.tenantsHost()).clientCredentials("id", Secret.of("s")));
        assertEquals("authEndpoint", tenantsHostAsAuth.setting());
        assertTrue(tenantsHostAsAuth.rule().contains(TaegisRegion.US1.apiHost().toString()), tenantsHostAsAuth.rule());

        ConfigurationException tokensOfAnotherRegion = buildFails(TaegisClient.builder().region(TaegisRegion.EU)
                .authEndpoint(TaegisRegion.US1.apiHost()).clientCredentials("id", Secret.of("s")));
        assertEquals("authEndpoint", tokensOfAnotherRegion.setting());

        ConfigurationException unknownTokenHost = buildFails(TaegisClient.builder().endpoint(URI.create("https://proxy.acme.example"))
                .clientCredentials("id", Secret.of("s")));
        assertEquals("authEndpoint", unknownTokenHost.setting());
        assertTrue(unknownTokenHost.rule().contains("region(TaegisRegion) or authEndpoint(URI)"), unknownTokenHost.rule());
    }

    @Test
    void authEndpoint_mustBeHttpsUnlessLoopback_andAbsolute() {
        for (String bad : List.of("http://api.ctpx.example.com", "api.ctpx.secureworks.com", "ftp://x.example", "https://x.example?q=1")) {
            ConfigurationException e = buildFails(TaegisClient.builder().region(TaegisRegion.US1).authEndpoint(URI.create(bad))
                    .clientCredentials("id", Secret.of("s")));
            assertEquals("authEndpoint", e.setting(), bad);
        }
        for (String loopback : List.of("http://localhost:8080", "http://127.0.0.5:1", "http://[::1]:9")) {
            try (TaegisClient c = TaegisClient.builder().region(TaegisRegion.US1).authEndpoint(URI.create(loopback))
                    .clientCredentials("id", Secret.of("s")).build()) {
                assertTrue(c.tokenEndpoint().orElseThrow().toString().startsWith(loopback), loopback);
            }
        }
    }

    @Test
    void auth_missing_orBothWays_orAuthEndpointWithoutClientCredentials_areConfigurationExceptions() {
        ConfigurationException none = buildFails(TaegisClient.builder().region(TaegisRegion.US1));
        assertEquals("auth", none.setting());
        assertTrue(none.rule().contains("clientCredentials(...)"), none.rule());

        OAuth2ClientCredentialsAuth own = OAuth2ClientCredentialsAuth.builder()
                .tokenEndpoint(URI.create("https://api.ctpx.secureworks.com/auth/api/v2/auth/token"))
                .credentials("id", Secret.of("s")).build();
        assertEquals("auth", buildFails(TaegisClient.builder().region(TaegisRegion.US1).auth(own)
                .clientCredentials("id", Secret.of("s"))).setting());
        assertEquals("authEndpoint", buildFails(TaegisClient.builder().region(TaegisRegion.US1).auth(own)
                .authEndpoint(URI.create("https://api.ctpx.secureworks.com"))).setting());
        try (TaegisClient custom = TaegisClient.builder().region(TaegisRegion.US1).auth(BasicAuth.of("u", Secret.of("p"))).build()) {
            assertEquals(Optional.empty(), custom.tokenEndpoint());
        }
    }

    @Test
    void nullsAndBlanks_areConfigurationExceptions_namingTheSetting() {
        assertEquals("endpoint", assertThrows(ConfigurationException.class, () -> TaegisClient.builder().endpoint(null)).setting());
        assertEquals("options", assertThrows(ConfigurationException.class,
                () -> TaegisClient.builder().options((ClientOptions) null)).setting());
        assertEquals("auth", assertThrows(ConfigurationException.class, () -> TaegisClient.builder().auth(null)).setting());
        assertEquals("region", buildFails(TaegisClient.builder().region(null).clientCredentials("id", Secret.of("s"))).setting());
        assertEquals("fields", buildFails(TaegisClient.builder().region(TaegisRegion.US1).fields(null)
                .clientCredentials("id", Secret.of("s"))).setting());
        assertEquals("authEndpoint", buildFails(TaegisClient.builder().region(TaegisRegion.US1).authEndpoint(null)
                .clientCredentials("id", Secret.of("s"))).setting());
        for (String badId : new String[] {null, " ", "id\r\nX: 1"}) {
            ConfigurationException e = buildFails(TaegisClient.builder().region(TaegisRegion.US1).clientCredentials(badId, Secret.of("s")));
            assertEquals("clientCredentials", e.setting());
            assertTrue(e.rule().contains("clientId"), e.rule());
            assertFalse(e.getMessage().contains("\r"), e.getMessage());
        }
        assertTrue(buildFails(TaegisClient.builder().region(TaegisRegion.US1).clientCredentials("id", (Secret) null))
                .rule().contains("clientSecret"));
        assertTrue(buildFails(TaegisClient.builder().region(TaegisRegion.US1).clientCredentials("id", (Supplier<Secret>) null))
                .rule().contains("clientSecret"));
        assertEquals("options", assertThrows(ConfigurationException.class,
                () -> TaegisClient.builder().options(o -> o.readTimeout(Duration.ofSeconds(-1)))).setting());
    }

    @Test
    void secretSupplier_isReadAtEveryTokenRequest_andANullSecretIsAConfigurationException_beforeSending() {
        String tenant = fake.seedTenants(1).get(0);
        fake.issuer().lifetime(Duration.ofMinutes(10));
        AtomicInteger reads = new AtomicInteger();
        AtomicReference<Secret> vault = new AtomicReference<>(Secret.of(CLIENT_SECRET));
        try (TaegisClient c = builder().clientCredentials(CLIENT_ID, () -> {
            reads.incrementAndGet();
            return vault.get();
        }).build()) {
            c.tenants().get(tenant);
            clock.advance(Duration.ofMinutes(11));
            c.tenants().get(tenant);
            assertEquals(2, reads.get(), "read once per token request");

            vault.set(null);
            clock.advance(Duration.ofMinutes(11));
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> c.tenants().get(tenant));
            assertEquals("clientCredentials", e.setting());
            assertTrue(e.rule().contains("supplier returned null"), e.rule());
            assertEquals(2, tokenRequests(), "nothing was sent with a null secret");
        }
    }

    @Test
    void close_releasesThePool_andLaterCallsFail_toStringNamesNoSecret() {
        TaegisClient c = builder().clientCredentials(CLIENT_ID, Secret.of(CLIENT_SECRET)).build();
        assertFalse(c.toString().contains(CLIENT_SECRET));
        assertTrue(c.toString().contains(fake.baseUri().toString()), c.toString());
        c.close();
        c.close();
        assertThrows(IllegalStateException.class, () -> c.tenants().list(TenantQuery.all()).stream().count());
    }
}
