package io.secopskit.carbonblack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.carbonblack.model.FeedQuery;
import io.secopskit.core.LogCapture;
import io.secopskit.core.Secret;
import io.secopskit.core.VendorClient;
import io.secopskit.core.auth.ApiKeyHeaderAuth;
import io.secopskit.core.error.ConfigurationException;
import io.secopskit.core.http.ClientOptions;
import io.secopskit.testkit.FakeRequest;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's one client shape for Carbon Black: {@code environment(...)} or {@code endpoint(URI)} (defense
 * host) plus {@code apiEndpoint(URI)} (API host), {@code apiKey(apiId, Secret | Supplier)},
 * {@code orgKey(...)}, {@code options(...)}, resolved in {@code build()} whatever the order; every builder
 * error a {@link ConfigurationException} naming the setting.
 */
class ClientShapeTest extends CarbonBlackTestBase {

    private static ConfigurationException buildFails(CarbonBlackClient.Builder b) {
        return assertThrows(ConfigurationException.class, b::build);
    }

    private static CarbonBlackClient.Builder prod05() {
        return CarbonBlackClient.builder().environment(CarbonBlackEnvironment.PROD05).apiKey("APIID1", Secret.of("SECRET1"))
                .orgKey("ABCD1234");
    }

    @Test
    void environment_givesBothHosts_andTheEndpointsOverrideEachHostAlone() {
        try (CarbonBlackClient named = prod05().build();
             CarbonBlackClient proxied = prod05().endpoint(URI.create("https://cb-proxy.acme.example")).build();
             CarbonBlackClient bothOverridden = prod05().endpoint(URI.create("https://d.acme.example"))
                     .apiEndpoint(URI.create("https://a.acme.example")).build()) {
            assertEquals(URI.create("https://defense-prod05.conferdeploy.net"), named.endpoint());
            assertEquals(URI.create("https://api-prod05.conferdeploy.net"), named.apiEndpoint());
            assertEquals(URI.create("https://cb-proxy.acme.example"), proxied.endpoint());
            assertEquals(URI.create("https://api-prod05.conferdeploy.net"), proxied.apiEndpoint(), "the API host still comes from the environment");
            assertEquals(URI.create("https://d.acme.example"), bothOverridden.endpoint());
            assertEquals(URI.create("https://a.acme.example"), bothOverridden.apiEndpoint());
            assertEquals("carbonblack", named.vendor());
            assertEquals(CarbonBlackClient.VENDOR, named.vendor());
            assertTrue(named instanceof VendorClient);
            assertEquals("ABCD1234", named.orgKey());
        }
    }

    @Test
    void build_settingsInAnyOrder_reachTheFake_withTheExactXAuthToken() {
        try (CarbonBlackClient any = CarbonBlackClient.builder()
                .orgKey(ORG)
                .apiKey(CUSTOM_ID, Secret.of(CUSTOM_SECRET))
                .options(o -> o.clock(clock).sleeper(sleeps::add))
                .apiEndpoint(fake.apiUri())
                .endpoint(fake.defenseUri())
                .build()) {
            assertEquals(0, any.feeds().list(FeedQuery.ownFeeds()).stream().count());
            FakeRequest sent = fake.lastRequest();
            assertEquals(FEEDS, sent.path());
            assertEquals(CUSTOM_SECRET + "/" + CUSTOM_ID, sent.header("X-Auth-Token"));
        }
    }

    @Test
    void withoutLocation_isConfigurationException_namingBothWays() {
        ConfigurationException none = buildFails(CarbonBlackClient.builder().apiKey("APIID1", Secret.of("S")).orgKey(ORG));
        assertEquals("endpoint", none.setting());
        assertTrue(none.rule().contains("environment(CarbonBlackEnvironment)") && none.rule().contains("endpoint("), none.rule());
        ConfigurationException apiOnly = buildFails(CarbonBlackClient.builder().apiEndpoint(URI.create("https://a.acme.example"))
                .apiKey("APIID1", Secret.of("S")).orgKey(ORG));
        assertEquals("endpoint", apiOnly.setting(), "the API host alone cannot serve Live Query, feeds or devices");
    }

    @Test
    void nullSettings_areConfigurationExceptions_namingTheSetting() {
        assertEquals("environment", buildFails(prod05().environment(null)).setting());
        assertEquals("apiEndpoint", buildFails(prod05().apiEndpoint(null)).setting());
        assertEquals("endpoint", assertThrows(ConfigurationException.class, () -> prod05().endpoint(null)).setting());
        assertEquals("options", assertThrows(ConfigurationException.class, () -> prod05().options((ClientOptions) null)).setting());
        assertEquals("options", assertThrows(ConfigurationException.class,
                () -> prod05().options((Consumer<ClientOptions.Builder>) null)).setting());
        assertEquals("auth", assertThrows(ConfigurationException.class, () -> prod05().auth(null)).setting());
        assertEquals("options", assertThrows(ConfigurationException.class,
                () -> prod05().options(o -> o.maxResponseBytes(-1))).setting());
    }

    @Test
    void auth_missing_orBothApiKeyAndAuth_areConfigurationExceptions() {
        ConfigurationException none = buildFails(CarbonBlackClient.builder().environment(CarbonBlackEnvironment.PROD05).orgKey(ORG));
        assertEquals("auth", none.setting());
        assertTrue(none.rule().contains("apiKey(apiId, apiSecret)"), none.rule());
        ConfigurationException both = buildFails(prod05().auth(ApiKeyHeaderAuth.carbonBlack("X", Secret.of("Y"))));
        assertEquals("auth", both.setting());
        assertTrue(both.rule().contains("not both"), both.rule());
    }

    @Test
    void auth_directStrategy_isUsedAsGiven() {
        try (CarbonBlackClient direct = CarbonBlackClient.builder().endpoint(fake.defenseUri()).orgKey(ORG)
                .auth(ApiKeyHeaderAuth.carbonBlack(CUSTOM_ID, Secret.of(CUSTOM_SECRET))).options(options().build()).build()) {
            direct.feeds().list().stream().count();
            assertEquals(CUSTOM_SECRET + "/" + CUSTOM_ID, fake.lastRequest().header("X-Auth-Token"));
        }
    }

    @Test
    void apiKey_badIdOrNullSecret_isConfigurationException_namingApiKey() {
        for (String badId : java.util.Arrays.asList(null, "", "id/with/slash", "id with space", "x".repeat(129), "id\r\n")) {
            ConfigurationException e = buildFails(CarbonBlackClient.builder().environment(CarbonBlackEnvironment.PROD05).orgKey(ORG)
                    .apiKey(badId, Secret.of("S")));
            assertEquals("apiKey", e.setting(), String.valueOf(badId));
            assertFalse(e.getMessage().contains("\r") || e.getMessage().contains("\n"), e.getMessage());
        }
        assertEquals("apiKey", buildFails(CarbonBlackClient.builder().environment(CarbonBlackEnvironment.PROD05).orgKey(ORG)
                .apiKey("APIID1", (Secret) null)).setting());
        assertEquals("apiKey", buildFails(CarbonBlackClient.builder().environment(CarbonBlackEnvironment.PROD05).orgKey(ORG)
                .apiKey("APIID1", (Supplier<Secret>) null)).setting());
    }

    @Test
    void orgKey_missingOrMalformed_isConfigurationException_namingOrgKey() {
        assertEquals("orgKey", buildFails(CarbonBlackClient.builder().environment(CarbonBlackEnvironment.PROD05)
                .apiKey("APIID1", Secret.of("S"))).setting());
        for (String bad : java.util.Arrays.asList(null, "", "ABC/../X", "ABCD 1234", "A".repeat(33), "ABCD\n")) {
            ConfigurationException e = buildFails(prod05().orgKey(bad));
            assertEquals("orgKey", e.setting(), String.valueOf(bad));
        }
    }

    @Test
    void plainHttp_offLoopback_isRefusedForEitherHost() {
        ConfigurationException defense = buildFails(prod05().endpoint(URI.create("http://defense.acme.example")));
        assertEquals("endpoint", defense.setting());
        ConfigurationException api = buildFails(prod05().apiEndpoint(URI.create("http://api.acme.example")));
        assertEquals("apiEndpoint", api.setting());
    }

    @Test
    void apiKeySupplier_rotatedSecret_isReadAfterA401_andTheCallReplayedOnce() {
        AtomicReference<String> vault = new AtomicReference<>("OLD-SECRET");
        AtomicInteger reads = new AtomicInteger();
        fake.apiKey("ROTATING01", "OLD-SECRET", io.secopskit.testkit.FakeCarbonBlack.AccessLevel.API);
        try (CarbonBlackClient rotating = builder().apiKey("ROTATING01", () -> {
            reads.incrementAndGet();
            return Secret.of(vault.get());
        }).build()) {
            rotating.feeds().list().stream().count();
            fake.apiKey("ROTATING01", "NEW-SECRET", io.secopskit.testkit.FakeCarbonBlack.AccessLevel.API);
            vault.set("NEW-SECRET");

            rotating.feeds().list().stream().count();

            List<FakeRequest> sent = fake.requests("GET", FEEDS);
            assertEquals(3, sent.size(), "one call, one 401 with the old secret, one replay");
            assertEquals("OLD-SECRET/ROTATING01", sent.get(1).header("X-Auth-Token"));
            assertEquals("NEW-SECRET/ROTATING01", sent.get(2).header("X-Auth-Token"));
            assertEquals(2, reads.get(), "read once, then again after the 401");
        }
    }

    @Test
    void apiKeySupplierReturningNullOrControlCharacters_isConfigurationException_andNothingIsSent() {
        try (CarbonBlackClient nullSecret = builder().apiKey(CUSTOM_ID, () -> null).build();
             CarbonBlackClient crlf = builder().apiKey(CUSTOM_ID, () -> Secret.of("SECRET\r\nX-Injected: 1")).build()) {
            ConfigurationException n = assertThrows(ConfigurationException.class, () -> nullSecret.feeds().list().stream().count());
            assertEquals("apiKey", n.setting());
            assertTrue(n.rule().contains("supplier returned null"), n.rule());
            ConfigurationException c = assertThrows(ConfigurationException.class, () -> crlf.feeds().list().stream().count());
            assertEquals("apiKey", c.setting());
            assertFalse(c.getMessage().contains("SECRET"), c.getMessage());
            assertTrue(fake.requests().isEmpty());
        }
    }

    @Test
    void toStringAndLogs_nameHostsAndOrg_neverTheSecret() {
        try (LogCapture logs = new LogCapture();
             CarbonBlackClient c = builder().apiKey(CUSTOM_ID, Secret.of(CUSTOM_SECRET)).build()) {
            c.feeds().list().stream().count();
            String text = c + " " + c.liveQuery() + " " + io.secopskit.carbonblack.model.DeviceQuery.builder()
                    .query("name:secret-host-name").criterion("os", "WINDOWS").build();
            assertTrue(text.contains(fake.defenseUri().toString()) && text.contains(ORG), text);
            assertFalse(text.contains(CUSTOM_SECRET) || text.contains("secret-host-name"), text);
            assertFalse(logs.all().contains(CUSTOM_SECRET), logs.all());
        }
    }

    @Test
    void close_releasesThePool_andLaterCallsFail_withoutSending() {
        CarbonBlackClient c = builder().apiKey(CUSTOM_ID, Secret.of(CUSTOM_SECRET)).build();
        c.close();
        c.close();
        assertThrows(IllegalStateException.class, () -> c.feeds().list().stream().count());
        assertThrows(IllegalStateException.class, () -> c.liveQuery().runs().get("run-1"));
        assertTrue(fake.requests().isEmpty());
    }

    @Test
    void noApiHost_isFineUntilTheNotificationsQueueIsUsed() {
        try (CarbonBlackClient defenseOnly = CarbonBlackClient.builder().endpoint(fake.defenseUri()).orgKey(ORG)
                .apiKey(CUSTOM_ID, Secret.of(CUSTOM_SECRET)).build()) {
            assertNull(defenseOnly.apiEndpoint());
            assertEquals(0, defenseOnly.feeds().list().stream().count());
        }
    }
}
