package io.secopskit.servicenow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.Secret;
import io.secopskit.core.VendorClient;
import io.secopskit.core.auth.BasicAuth;
import io.secopskit.core.error.ConfigurationException;
import io.secopskit.core.error.TransportException;
import io.secopskit.core.error.ValidationException;
import io.secopskit.servicenow.model.TableQuery;
import io.secopskit.servicenow.model.ThreatLookupResult;
import io.secopskit.servicenow.model.WriteOptions;
import io.secopskit.testkit.FakeRequest;
import io.secopskit.testkit.FakeServiceNow;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The one client shape: builder settings in any order, ConfigurationException for every builder error. */
class ClientShapeTest extends ServiceNowTestBase {
    private static final String SYS_ID = "0123456789abcdef0123456789abcdef";

    private static ConfigurationException buildFails(ServiceNowClient.Builder b) {
        return assertThrows(ConfigurationException.class, b::build);
    }

    @Test
    void instance_nameBecomesTheServiceNowHost_andEndpointOverridesIt() {
        try (ServiceNowClient named = ServiceNowClient.builder().instance("Acme-Dev").basicAuth("u", Secret.of("p")).build();
             ServiceNowClient both = ServiceNowClient.builder().endpoint(URI.create("https://sn.acme.example"))
                     .instance("acme").basicAuth("u", Secret.of("p")).build()) {
            assertEquals(URI.create("https://acme-dev.service-now.com"), named.endpoint());
            assertEquals(URI.create("https://sn.acme.example"), both.endpoint());
            assertEquals("servicenow", named.vendor());
            assertEquals(ServiceNowClient.VENDOR, named.vendor());
            assertTrue(named instanceof VendorClient);
        }
    }

    @Test
    void build_settingsInAnyOrder_oauthBeforeLocation_works() {
        fake.seed("incident", 1);
        try (ServiceNowClient sn = ServiceNowClient.builder()
                .passwordGrant("oauth-client-1", Secret.of("oauth-secret-1"), WRITER, Secret.of(WRITER_PASSWORD))
                .options(o -> o.clock(clock).sleeper(sleeps::add))
                .endpoint(fake.baseUri())
                .build()) {
            assertEquals(1, sn.table("incident").list(TableQuery.builder().build()).stream().count());
            assertEquals("password", fake.requests("POST", ServiceNowClient.TOKEN_PATH).get(0).form().get("grant_type"));
        }
    }

    @Test
    void build_withoutLocation_namesBothWays() {
        ConfigurationException e = buildFails(ServiceNowClient.builder().basicAuth("u", Secret.of("p")));
        assertEquals("endpoint", e.setting());
        assertTrue(e.rule().contains("instance(name)") && e.rule().contains("endpoint("), e.rule());
    }

    @Test
    void instance_hostOrUrlOrBadLabel_isConfigurationException() {
        for (String bad : List.of("acme.service-now.com", "https://acme.service-now.com", "-acme", "ac me", "",
                "a".repeat(64), "acme\r\nX-Evil: 1")) {
            ConfigurationException e = buildFails(ServiceNowClient.builder().instance(bad).basicAuth("u", Secret.of("p")));
            assertEquals("instance", e.setting(), bad);
            assertFalse(e.getMessage().contains("\r") || e.getMessage().contains("\n"), e.getMessage());
        }
        assertTrue(buildFails(ServiceNowClient.builder().instance("acme.service-now.com").basicAuth("u", Secret.of("p")))
                .rule().contains("use endpoint(URI)"));
        assertEquals("instance", buildFails(ServiceNowClient.builder().instance(null).basicAuth("u", Secret.of("p"))).setting());
    }

    @Test
    void auth_missing_twoFlows_orFlowPlusAuth_areConfigurationExceptions() {
        ConfigurationException none = buildFails(ServiceNowClient.builder().instance("acme"));
        assertEquals("auth", none.setting());
        assertTrue(none.rule().contains("basicAuth(...), clientCredentials(...) or passwordGrant(...)"), none.rule());

        ConfigurationException two = buildFails(ServiceNowClient.builder().instance("acme").basicAuth("u", Secret.of("p"))
                .clientCredentials("id", Secret.of("s")));
        assertEquals("auth", two.setting());
        assertTrue(two.rule().contains("got basicAuth(...) and clientCredentials(...)"), two.rule());

        ConfigurationException plusAuth = buildFails(ServiceNowClient.builder().instance("acme")
                .auth(BasicAuth.of("u", Secret.of("p"))).passwordGrant("id", Secret.of("s"), "u", Secret.of("p")));
        assertEquals("auth", plusAuth.setting());
    }

    @Test
    void auth_sameFlowTwice_lastOneWins() {
        try (ServiceNowClient sn = builder().basicAuth("someone", Secret.of("x")).basicAuth(WRITER, Secret.of(WRITER_PASSWORD))
                .build()) {
            sn.table("incident").list(TableQuery.builder().build()).stream().count();
            assertEquals(basic(WRITER, WRITER_PASSWORD), fake.lastRequest().header("Authorization"));
        }
    }

    @Test
    void auth_nullOrBlankParts_areConfigurationExceptions_namingFlowAndPart() {
        assertEquals("basicAuth", buildFails(ServiceNowClient.builder().instance("acme").basicAuth("u", (Secret) null)).setting());
        assertTrue(buildFails(ServiceNowClient.builder().instance("acme").basicAuth(" ", Secret.of("p"))).rule().contains("user"));
        assertTrue(buildFails(ServiceNowClient.builder().instance("acme").basicAuth("a:b", Secret.of("p"))).rule().contains("':'"));
        assertTrue(buildFails(ServiceNowClient.builder().instance("acme").clientCredentials(null, Secret.of("s")))
                .rule().contains("clientId"));
        assertTrue(buildFails(ServiceNowClient.builder().instance("acme").clientCredentials("id", (Supplier<Secret>) null))
                .rule().contains("clientSecret"));
        ConfigurationException pw = buildFails(ServiceNowClient.builder().instance("acme")
                .passwordGrant("id", Secret.of("s"), "user", (Secret) null));
        assertEquals("passwordGrant", pw.setting());
        assertTrue(pw.rule().contains("password"), pw.rule());
        assertEquals("secOpsIntegrationPaths", buildFails(ServiceNowClient.builder().instance("acme")
                .basicAuth("u", Secret.of("p")).secOpsIntegrationPaths(null)).setting());
    }

    @Test
    void secOpsIntegrationPaths_badPaths_areConfigurationExceptions() {
        for (String bad : List.of("api/x", "/api/x?y=1", "/api/../x", "/api/x#f", "/api/{x}", "/api/x y", "/api\\x",
                "/api/%2e%2e", "/api/x\n")) {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> new SecOpsIntegrationPaths(bad, "/ci", "/obs", "/lookup"), bad);
            assertEquals("secOpsIntegrationPaths.basePath", e.setting(), bad);
        }
        assertEquals("secOpsIntegrationPaths.threatLookupPath", assertThrows(ConfigurationException.class,
                () -> new SecOpsIntegrationPaths("/api", "/ci", "/obs", null)).setting());
    }

    @Test
    void basicAuthSupplier_rotatedPassword_isReadAfterA401_andTheCallReplayedOnce() {
        AtomicReference<String> vault = new AtomicReference<>(WRITER_PASSWORD);
        AtomicInteger reads = new AtomicInteger();
        try (ServiceNowClient sn = builder().basicAuth(WRITER, () -> {
            reads.incrementAndGet();
            return Secret.of(vault.get());
        }).build()) {
            sn.table("incident").list(TableQuery.builder().build()).stream().count();
            fake.user(WRITER, "Rotated-Pa55!", FakeServiceNow.WRITE_ROLE, "itil");
            vault.set("Rotated-Pa55!");

            sn.table("incident").list(TableQuery.builder().build()).stream().count();

            List<FakeRequest> sent = fake.requests("GET", "/api/now/table/incident");
            assertEquals(3, sent.size(), "one call, one 401 with the old password, one replay");
            assertEquals(basic(WRITER, WRITER_PASSWORD), sent.get(1).header("Authorization"));
            assertEquals(basic(WRITER, "Rotated-Pa55!"), sent.get(2).header("Authorization"));
            assertEquals(2, reads.get(), "read once, then again after the 401");
        }
    }

    @Test
    void passwordGrantSuppliers_areReadAtEveryTokenRequest() {
        AtomicInteger secretReads = new AtomicInteger();
        AtomicInteger passwordReads = new AtomicInteger();
        fake.tokenLifetime(Duration.ofSeconds(120));
        try (ServiceNowClient sn = builder().passwordGrant("oauth-client-1", () -> {
            secretReads.incrementAndGet();
            return Secret.of("oauth-secret-1");
        }, WRITER, () -> {
            passwordReads.incrementAndGet();
            return Secret.of(WRITER_PASSWORD);
        }).build()) {
            sn.table("incident").list(TableQuery.builder().build()).stream().count();
            clock.advance(Duration.ofSeconds(200));
            sn.table("incident").list(TableQuery.builder().build()).stream().count();

            assertEquals(2, fake.tokensIssued());
            assertEquals(2, secretReads.get(), "the client secret is read for the password and the refresh grant");
            assertEquals(1, passwordReads.get(), "the refresh grant needs no password");
        }
    }

    @Test
    void secretSupplierReturningNull_isConfigurationException_andNothingIsSent() {
        try (ServiceNowClient basic = builder().basicAuth(WRITER, () -> null).build();
             ServiceNowClient oauth = builder().passwordGrant("oauth-client-1", () -> null, WRITER,
                     () -> Secret.of(WRITER_PASSWORD)).build()) {
            ConfigurationException b = assertThrows(ConfigurationException.class, () -> basic.table("incident").get(SYS_ID));
            assertEquals("basicAuth", b.setting());
            assertTrue(b.rule().contains("password supplier returned null"), b.rule());
            ConfigurationException o = assertThrows(ConfigurationException.class, () -> oauth.table("incident").get(SYS_ID));
            assertEquals("passwordGrant", o.setting());
            assertTrue(o.rule().contains("clientSecret supplier returned null"), o.rule());
            assertTrue(fake.requests().isEmpty(), "neither a call nor a token request was sent");
        }
    }

    @Test
    void toString_namesTheInstance_neverASecret() {
        try (ServiceNowClient sn = ServiceNowClient.builder().instance("acme")
                .passwordGrant("client-x", Secret.of("CLIENT-SECRET-VALUE"), "user-y", Secret.of("USER-PASSWORD-VALUE")).build()) {
            String text = sn + " " + sn.table("incident") + " " + TableQuery.builder()
                    .where("name", TableQuery.Op.EQ, "Customer Secret Name").build();
            assertTrue(text.contains("https://acme.service-now.com"), text);
            assertFalse(text.contains("CLIENT-SECRET-VALUE") || text.contains("USER-PASSWORD-VALUE")
                    || text.contains("Customer Secret Name"), text);
        }
    }

    @Test
    void close_releasesThePool_andLaterCallsFail() {
        ServiceNowClient sn = builder().basicAuth(WRITER, Secret.of(WRITER_PASSWORD)).build();
        sn.close();
        sn.close();
        assertThrows(IllegalStateException.class, () -> sn.table("incident").get(SYS_ID));
        assertTrue(fake.requests().isEmpty());
    }

    @Test
    void table_badNames_areValidationExceptions_beforeSending() {
        for (String bad : List.of("Incident", "inc-ident", "", "../sys_user", "a".repeat(81), "incident\n")) {
            ValidationException e = assertThrows(ValidationException.class, () -> client.table(bad));
            assertEquals("table", e.field(), bad);
        }
        assertEquals("sys_id", assertThrows(ValidationException.class,
                () -> client.table("incident").delete("0123456789ABCDEF0123456789ABCDEF")).field());
        assertTrue(fake.requests().isEmpty());
    }

    @Test
    void connectionRefused_isTransportException_namingHostAndRootCause() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (ServiceNowClient sn = ServiceNowClient.builder().endpoint(URI.create("http://127.0.0.1:" + port))
                .basicAuth(WRITER, Secret.of(WRITER_PASSWORD)).options(o -> o.sleeper(sleeps::add)).build()) {
            TransportException e = assertThrows(TransportException.class, () -> sn.secOpsIntegration().postThreatLookup(
                    ThreatLookupResult.builder().observable(SYS_ID).source("s").result("r").build(), WriteOptions.defaults()));
            assertEquals("127.0.0.1", e.host());
            assertEquals("PostThreatLookup", e.operation());
            assertEquals("CONNECTION_FAILED", e.vendorCode());
            assertTrue(e.getMessage().contains("127.0.0.1") && e.getMessage().contains("ConnectException"), e.getMessage());
            assertTrue(e.getMessage().contains("check the endpoint"), e.getMessage());
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
