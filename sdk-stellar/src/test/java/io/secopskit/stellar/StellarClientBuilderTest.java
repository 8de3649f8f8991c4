package io.secopskit.stellar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.Secret;
import io.secopskit.core.VendorClient;
import io.secopskit.core.auth.BasicAuth;
import io.secopskit.core.error.ConfigurationException;
import io.secopskit.core.error.NotFoundException;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one client shape: settings in any order, resolved in build(), every builder error a ConfigurationException. */
class StellarClientBuilderTest extends StellarTestBase {
    private static ConfigurationException refused(Supplier<StellarClient.Builder> builder) {
        return assertThrows(ConfigurationException.class, () -> builder.get().build());
    }

    @Test
    void client_isAVendorClient_withTheVendorIdDefinedOnce() {
        VendorClient vendorClient = client;

        assertEquals("stellar", vendorClient.vendor());
        assertEquals(StellarClient.VENDOR, client.vendor());
        assertEquals(fake.baseUri(), client.endpoint());
    }

    @Test
    void build_withoutLocation_namesHostAndEndpoint() {
        ConfigurationException e = refused(() -> StellarClient.builder().apiKey(EMAIL, Secret.of(KEY)));

        assertEquals("endpoint", e.setting());
        assertTrue(e.getMessage().contains("host(...)") && e.getMessage().contains("endpoint(...)"), e.getMessage());
        assertEquals("stellar", e.vendor());
    }

    @Test
    void build_withoutCredentials_namesEveryFlow() {
        ConfigurationException e = refused(() -> StellarClient.builder().host("acme.stellarcyber.cloud"));

        assertEquals("auth", e.setting());
        for (String flow : new String[] {"apiKey(...)", "scopedApiKey(...)", "basicAuth(...)", "auth(...)"}) {
            assertTrue(e.getMessage().contains(flow), e.getMessage());
        }
    }

    @Test
    void build_twoFlows_inEitherOrder_isRefused() {
        ConfigurationException first = refused(() -> builder().apiKey(EMAIL, Secret.of(KEY)).scopedApiKey(Secret.of("k")));
        ConfigurationException second = refused(() -> builder().basicAuth(EMAIL, Secret.of(KEY)).apiKey(EMAIL, Secret.of(KEY)));
        ConfigurationException third = refused(() -> builder().scopedApiKey(() -> Secret.of("k")).basicAuth(EMAIL, Secret.of(KEY)));

        assertEquals("auth", first.setting());
        assertTrue(first.getMessage().contains("apiKey(...) and scopedApiKey(...)"), first.getMessage());
        assertTrue(second.getMessage().contains("basicAuth(...) and apiKey(...)"), second.getMessage());
        assertTrue(third.getMessage().contains("exactly one"), third.getMessage());
    }

    @Test
    void build_authStrategyAndAConvenience_isRefused() {
        ConfigurationException e = refused(() -> builder().auth(BasicAuth.of(EMAIL, Secret.of(KEY))).apiKey(EMAIL, Secret.of(KEY)));

        assertEquals("auth", e.setting());
        assertTrue(e.getMessage().contains("not both"), e.getMessage());
    }

    @Test
    void build_authStrategyAlone_isUsedAsGiven() {
        fake.allowBasicAuth(true);
        try (StellarClient custom = builder().auth(BasicAuth.of(EMAIL, Secret.of(KEY))).build()) {
            custom.tenants().list().stream().count();
        }

        assertTrue(fake.requests("POST", StellarClient.TOKEN_PATH).isEmpty());
        assertTrue(fake.requests("GET", "/connect/api/v1/tenants").get(0).header("Authorization").startsWith("Basic "));
    }

    @Test
    void build_settingsInAnyOrder_areAllApplied() {
        // refresh-ahead before the flow, the flow before the endpoint, options last: all resolved in build()
        try (StellarClient late = StellarClient.builder().tokenRefreshAhead(Duration.ofSeconds(200))
                .apiKey(EMAIL, Secret.of(KEY)).endpoint(fake.baseUri()).options(options().build()).build()) {
            late.tenants().list().stream().count();
            clock.advance(Duration.ofSeconds(401));
            late.tenants().list().stream().count();
        }

        assertEquals(2, fake.tokensIssued(), "a 600 s token with 200 s refresh-ahead is refreshed after 400 s;"
                + " the default 60 s would wait until 540 s");
    }

    @Test
    void host_givesHttpsEndpoint_andEndpointWinsOverIt() {
        try (StellarClient byHost = StellarClient.builder().host("acme.stellarcyber.cloud").apiKey(EMAIL, Secret.of(KEY)).build();
             StellarClient withPort = StellarClient.builder().host("10.1.2.3:8443").apiKey(EMAIL, Secret.of(KEY)).build();
             StellarClient overridden = StellarClient.builder().endpoint(fake.baseUri()).host("acme.stellarcyber.cloud")
                     .apiKey(EMAIL, Secret.of(KEY)).build()) {
            assertEquals(URI.create("https://acme.stellarcyber.cloud"), byHost.endpoint());
            assertEquals(URI.create("https://10.1.2.3:8443"), withPort.endpoint());
            assertEquals(fake.baseUri(), overridden.endpoint());
        }
        assertTrue(fake.requests().isEmpty(), "building sends nothing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "https://acme.stellarcyber.cloud", "acme.stellarcyber.cloud/connect", "user@acme",
            "acme stellar", "acme\r\nX-Injected: 1", "acme?x=1", "acme#frag", "acme\\evil"})
    void host_malformed_isRefusedNamingTheSetting(String value) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> StellarClient.builder().host(value));

        assertEquals("host", e.setting());
        assertFalse(e.getMessage().contains("\r") || e.getMessage().contains("\n"), "control characters are escaped");
    }

    @Test
    void nullArguments_areConfigurationExceptions() {
        assertEquals("host", assertThrows(ConfigurationException.class, () -> StellarClient.builder().host(null)).setting());
        assertEquals("apiKey", assertThrows(ConfigurationException.class,
                () -> StellarClient.builder().apiKey(EMAIL, (Secret) null)).setting());
        assertEquals("apiKey", assertThrows(ConfigurationException.class,
                () -> StellarClient.builder().apiKey(EMAIL, (Supplier<Secret>) null)).setting());
        assertEquals("scopedApiKey", assertThrows(ConfigurationException.class,
                () -> StellarClient.builder().scopedApiKey((Secret) null)).setting());
        assertEquals("basicAuth", assertThrows(ConfigurationException.class,
                () -> StellarClient.builder().basicAuth(EMAIL, (Supplier<Secret>) null)).setting());
        assertEquals("endpoint", assertThrows(ConfigurationException.class,
                () -> StellarClient.builder().endpoint(null)).setting());
        assertEquals("options", assertThrows(ConfigurationException.class,
                () -> StellarClient.builder().options((io.secopskit.core.http.ClientOptions) null)).setting());
        assertEquals("auth", assertThrows(ConfigurationException.class, () -> StellarClient.builder().auth(null)).setting());
    }

    @Test
    void optionsChanges_thatBreakARule_areConfigurationExceptions() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> StellarClient.builder().options(o -> o.readTimeout(Duration.ofSeconds(-1))));

        assertEquals("options", e.setting());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a:b", "soc\u0000bot@partner.example"})
    void userEmail_malformed_isRefused(String email) {
        assertEquals("apiKey", assertThrows(ConfigurationException.class,
                () -> StellarClient.builder().apiKey(email, Secret.of(KEY))).setting());
        assertEquals("basicAuth", assertThrows(ConfigurationException.class,
                () -> StellarClient.builder().basicAuth(email, Secret.of(KEY))).setting());
    }

    @Test
    void tokenRefreshAhead_outsideTheJwtFlows_orNotPositive_isRefused() {
        ConfigurationException basic = refused(() -> builder().basicAuth(EMAIL, Secret.of(KEY))
                .tokenRefreshAhead(Duration.ofSeconds(30)));
        ConfigurationException custom = refused(() -> builder().auth(BasicAuth.of(EMAIL, Secret.of(KEY)))
                .tokenRefreshAhead(Duration.ofSeconds(30)));

        assertEquals("tokenRefreshAhead", basic.setting());
        assertTrue(basic.getMessage().contains("basicAuth(...)"), basic.getMessage());
        assertTrue(custom.getMessage().contains("auth(...)"), custom.getMessage());
        assertEquals("tokenRefreshAhead", assertThrows(ConfigurationException.class,
                () -> StellarClient.builder().tokenRefreshAhead(Duration.ZERO)).setting());
    }

    @Test
    void endpoint_plainHttpToANonLoopbackHost_isRefused() {
        ConfigurationException e = refused(() -> StellarClient.builder().endpoint(URI.create("http://stellar.example"))
                .apiKey(EMAIL, Secret.of(KEY)));

        assertTrue(e.getMessage().contains("https"), e.getMessage());
    }

    @Test
    void endpointWithABasePath_keepsItForTheTokenExchangeToo() {
        try (StellarClient proxied = StellarClient.builder().endpoint(URI.create(fake.baseUri() + "/stellar-proxy/"))
                .apiKey(EMAIL, Secret.of(KEY)).options(options().build()).build()) {
            assertThrows(NotFoundException.class, () -> proxied.tenants().list().stream().count());
        }

        assertEquals(1, fake.requests("POST", "/stellar-proxy" + StellarClient.TOKEN_PATH).size());
    }

    @Test
    void close_releasesTheClient_andLaterCallsFail() {
        client.tenants().list().stream().count();

        client.close();
        client.close();

        assertThrows(IllegalStateException.class, () -> client.tenants().list().stream().count());
        assertEquals(1, fake.requests("GET", "/connect/api/v1/tenants").size());
    }

    @Test
    void toString_neverShowsTheKey() {
        assertFalse(client.toString().contains(KEY), client.toString());
        assertTrue(client.toString().contains(fake.baseUri().toString()), client.toString());
    }
}
