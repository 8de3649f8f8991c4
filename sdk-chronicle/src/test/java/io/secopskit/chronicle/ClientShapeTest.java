package io.secopskit.chronicle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import io.secopskit.chronicle.tenants.TenantServiceClient;
import io.secopskit.core.Secret;
import io.secopskit.core.VendorClient;
import io.secopskit.core.auth.BasicAuth;
import io.secopskit.core.error.ConfigurationException;
import io.secopskit.core.http.ClientOptions;
import io.secopskit.testkit.FakeChronicleTenantService;
import io.secopskit.testkit.GoogleTokenEndpoint;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Issue 13's client shape for Chronicle: {@link ChronicleClient} is a {@link VendorClient}; its builder resolves every
 * setting in {@code build()} whatever the order; every builder problem — the key file included — is a
 * {@link ConfigurationException} naming the setting, never quoting the key, with nothing sent.
 */
class ClientShapeTest extends ChronicleTestBase {
    private ClientOptions options() {
        return ClientOptions.builder().clock(env.clock).sleeper(env.sleeps::add).build();
    }

    private ConfigurationException refused(Executable build) {
        ConfigurationException e = assertThrows(ConfigurationException.class, build);
        assertTrue(env.fake.requests().isEmpty(), "nothing was sent");
        return e;
    }

    @Test
    void client_isAVendorClient_namedChronicle_andCloseReleasesIt() {
        ChronicleClient client = ChronicleClient.builder().endpoint(env.fake.baseUri()).serviceAccountKey(env.keyFile)
                .options(options()).build();
        VendorClient asVendor = client;
        assertEquals("chronicle", asVendor.vendor());
        assertEquals(ChronicleClient.VENDOR, client.vendor());
        assertEquals("ChronicleClient{endpoint=" + env.fake.baseUri() + "}", client.toString());
        client.customers().list().stream().count();

        client.close();
        client.close();

        assertThrows(IllegalStateException.class, () -> client.customers().list().stream().count());
    }

    @Test
    void builder_settingsInAnyOrder_resolveAtBuild() {
        try (ChronicleClient a = ChronicleClient.builder().serviceAccountKey(env.keyFile).options(options())
                .endpoint(env.fake.baseUri()).region(ChronicleRegion.EUROPE).build();
             ChronicleClient b = ChronicleClient.builder().region(ChronicleRegion.EUROPE).endpoint(env.fake.baseUri())
                     .options(options()).serviceAccountKey(env.keyFile).build()) {
            assertEquals(env.fake.baseUri(), a.endpoint(), "endpoint wins over region");
            assertEquals(a.endpoint(), b.endpoint());
            a.customers().list().stream().count();
            b.customers().list().stream().count();
        }
    }

    @Test
    void region_picksItsDocumentedHost_withoutAnyRequest() throws Exception {
        try (ChronicleClient eu = ChronicleClient.builder().region(ChronicleRegion.EUROPE).serviceAccountKey(env.keyFile).build();
             ChronicleClient zurich = ChronicleClient.builder().serviceAccountKey(env.keyFile).region(ChronicleRegion.ZURICH).build()) {
            assertEquals(URI.create("https://europe-backstory.googleapis.com"), eu.endpoint());
            assertEquals(URI.create("https://europe-west6-backstory.googleapis.com"), zurich.endpoint());
        }
        assertTrue(env.fake.requests().isEmpty());
    }

    @Test
    void build_withoutRegionOrEndpoint_namesBoth() {
        ConfigurationException e = refused(() -> ChronicleClient.builder().serviceAccountKey(env.keyFile).build());
        assertEquals("endpoint", e.setting());
        assertTrue(e.getMessage().contains("region(ChronicleRegion)") && e.getMessage().contains("endpoint(...)"), e.getMessage());
        assertEquals("region", refused(() -> ChronicleClient.builder().region(null).serviceAccountKey(env.keyFile).build()).setting());
    }

    @Test
    void build_withoutCredentials_namesTheFlows() {
        ConfigurationException e = refused(() -> ChronicleClient.builder().region(ChronicleRegion.US).build());
        assertEquals("auth", e.setting());
        assertTrue(e.getMessage().contains("serviceAccountKey(...) or credentials(...)"), e.getMessage());
    }

    @Test
    void build_twoCredentialFlows_orAuthPlusAFlow_isRefused() throws Exception {
        ServiceAccountCredentials sa = ServiceAccountCredentials.fromStream(Files.newInputStream(env.keyFile));
        ConfigurationException two = refused(() -> ChronicleClient.builder().endpoint(env.fake.baseUri())
                .serviceAccountKey(env.keyFile).credentials(sa).build());
        assertTrue(two.getMessage().contains("choose exactly one of serviceAccountKey(...) or credentials(...); got "
                + "serviceAccountKey(...) and credentials(...)"), two.getMessage());

        ConfigurationException both = refused(() -> ChronicleClient.builder().endpoint(env.fake.baseUri())
                .auth(BasicAuth.of("u", Secret.of("p"))).serviceAccountKey(env.keyFile).build());
        assertEquals("auth", both.setting());
        assertTrue(both.getMessage().contains("not both"), both.getMessage());
    }

    @Test
    void serviceAccountKey_calledTwice_theLastWins() throws Exception {
        try (ChronicleClient client = ChronicleClient.builder().endpoint(env.fake.baseUri()).options(options())
                .serviceAccountKey(dir.resolve("missing.json")).serviceAccountKey(env.keyFile).build()) {
            client.customers().list().stream().count();
        }
    }

    @Test
    void unreadableKeyFile_isAConfigurationErrorNamingTheFile() {
        Path missing = dir.resolve("no-such-key.json");
        ChronicleClient.Builder builder = ChronicleClient.builder().endpoint(env.fake.baseUri()).serviceAccountKey(missing);

        ConfigurationException e = refused(builder::build);

        assertEquals("serviceAccountKey", e.setting());
        assertTrue(e.getMessage().contains("cannot read the service-account key file " + missing), e.getMessage());
        assertTrue(e.getMessage().contains("NoSuchFileException"), e.getMessage());
    }

    @Test
    void invalidKey_isAConfigurationError_thatNeverQuotesTheKey() throws Exception {
        String privateKey = TestJson.MAPPER.readTree(Files.readString(env.keyFile)).get("private_key").asText();
        String noEmail = "{\"type\":\"service_account\",\"private_key_id\":\"abc\",\"private_key\":"
                + TestJson.MAPPER.writeValueAsString(privateKey) + "}";
        String truncated = Files.readString(env.keyFile).substring(0, 400);
        for (String bad : List.of(noEmail, truncated, "{\"type\":\"authorized_user\"}", "not json at all")) {
            ConfigurationException e = refused(() -> ChronicleClient.builder().endpoint(env.fake.baseUri())
                    .serviceAccountKey(new ByteArrayInputStream(bad.getBytes())).build());
            assertEquals("serviceAccountKey", e.setting());
            assertTrue(e.getMessage().contains("is not a Google service-account key"), e.getMessage());
            assertFalse(e.getMessage().contains(privateKey.substring(40, 80)), "key material quoted: " + e.getMessage());
        }
    }

    @Test
    void keyStreamThatFailsToRead_isReportedAtBuild_notAtTheSetter() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk on fire");
            }
        };
        ChronicleClient.Builder builder = ChronicleClient.builder().serviceAccountKey(broken);

        ConfigurationException e = refused(() -> builder.endpoint(env.fake.baseUri()).build());

        assertEquals("serviceAccountKey", e.setting());
        assertTrue(e.getMessage().contains("cannot read the service-account key stream: IOException: disk on fire"), e.getMessage());
    }

    @Test
    void keyStream_isReadAtTheSetter_soTheCallerMayCloseItAtOnce() throws Exception {
        AtomicInteger closed = new AtomicInteger();
        InputStream in = new ByteArrayInputStream(Files.readAllBytes(env.keyFile)) {
            @Override
            public void close() {
                closed.incrementAndGet();
            }
        };
        ChronicleClient.Builder builder = ChronicleClient.builder().serviceAccountKey(in);
        assertEquals(0, closed.get(), "the SDK does not close the caller's stream");
        in.close();

        try (ChronicleClient client = builder.endpoint(env.fake.baseUri()).options(options()).build()) {
            client.customers().list().stream().count();
        }
        assertEquals(1, env.fake.tokensIssued());
    }

    @Test
    void credentials_thatAreNotAServiceAccount_areRefused_becauseTheirTokensWouldBypassTheSdk() {
        GoogleCredentials fixed = GoogleCredentials.create(new AccessToken("ya29.fixed", null));

        ConfigurationException e = refused(() -> ChronicleClient.builder().endpoint(env.fake.baseUri()).credentials(fixed).build());

        assertEquals("credentials", e.setting());
        assertTrue(e.getMessage().contains("ServiceAccountCredentials"), e.getMessage());
        assertTrue(e.getMessage().contains("auth(...)"), e.getMessage());
    }

    @Test
    void credentials_serviceAccount_areScopedToTheBackstoryScope() throws Exception {
        ServiceAccountCredentials sa = ServiceAccountCredentials.fromStream(Files.newInputStream(env.keyFile));
        try (ChronicleClient client = ChronicleClient.builder().credentials(sa).endpoint(env.fake.baseUri()).options(options())
                .build()) {
            client.customers().list().stream().count();
        }
        GoogleTokenEndpoint.Grant grant = env.fake.tokens().grant(env.fake.requests("GET",
                "/v1/partner/customer/listcustomers").get(0).header("Authorization"));
        assertEquals(List.of(GoogleServiceAccountAuth.SCOPE), grant.scopes());
    }

    @Test
    void nullSettings_areConfigurationErrorsNamingTheSetting() {
        assertEquals("endpoint", assertThrows(ConfigurationException.class, () -> ChronicleClient.builder().endpoint(null)).setting());
        assertEquals("options", assertThrows(ConfigurationException.class,
                () -> ChronicleClient.builder().options((ClientOptions) null)).setting());
        assertEquals("auth", assertThrows(ConfigurationException.class, () -> ChronicleClient.builder().auth(null)).setting());
        assertEquals("legacyApiWarningFrom", assertThrows(ConfigurationException.class,
                () -> ChronicleClient.builder().legacyApiWarningFrom(null)).setting());
        assertEquals("serviceAccountKey", refused(() -> ChronicleClient.builder().endpoint(env.fake.baseUri())
                .serviceAccountKey((Path) null).build()).setting());
        assertEquals("credentials", refused(() -> ChronicleClient.builder().endpoint(env.fake.baseUri())
                .credentials(null).build()).setting());
        assertEquals("options", assertThrows(ConfigurationException.class,
                () -> ChronicleClient.builder().options(o -> o.readTimeout(java.time.Duration.ofSeconds(-1)))).setting());
    }

    @Test
    void tenantServiceBuilder_passesAKeySupplierOn_readAgainByTheModernClient() throws Exception {
        try (FakeChronicleTenantService modern = new FakeChronicleTenantService()) {
            modern.start();
            String key = modern.newServiceAccountKeyJson(ChronicleTestSupport.PARTNER);
            AtomicInteger reads = new AtomicInteger();
            try (ChronicleClient legacy = ChronicleClient.builder().region(ChronicleRegion.US).serviceAccountKey(() -> {
                reads.incrementAndGet();
                return Secret.of(key);
            }).build();
                 TenantServiceClient tenants = legacy.tenantServiceBuilder().instance(modern.partnerInstance())
                         .endpoint(modern.baseUri()).build()) {
                assertEquals(0, tenants.tenants().list().stream().count());
                assertEquals(1, reads.get(), "the modern client read the vault for its token");
                assertEquals("chronicle", tenants.vendor());
                assertEquals(List.of(TenantServiceClient.SCOPE_CHRONICLE), tenants.scopes());
            }
        }
    }

    @Test
    void tenantServiceClient_defaultHostIsTheInstancesLocation_andItIsAVendorClient() throws Exception {
        try (TenantServiceClient client = TenantServiceClient.builder()
                .serviceAccountKey(env.keyFile).instance("projects/partner-project/locations/europe-west2/instances/abc-123")
                .build()) {
            VendorClient asVendor = client;
            assertEquals("chronicle", asVendor.vendor());
            assertEquals(URI.create("https://chronicle.europe-west2.rep.googleapis.com"), client.endpoint());
        }
        assertTrue(env.fake.requests().isEmpty());
    }
}
