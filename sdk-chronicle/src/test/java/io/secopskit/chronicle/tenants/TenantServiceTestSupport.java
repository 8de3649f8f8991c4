package io.secopskit.chronicle.tenants;

import io.secopskit.core.http.ClientOptions;
import io.secopskit.testkit.FakeChronicleTenantService;
import io.secopskit.testkit.FakeRequest;
import io.secopskit.testkit.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/** A started tenant-service fake, a key file for it, and clients wired to both with a test clock and sleeper. */
final class TenantServiceTestSupport implements AutoCloseable {
    static final String PARTNER = "partner-sa@partner-project.iam.gserviceaccount.com";
    static final String PROVIDER = "locations/global/workforcePools/acme-pool/providers/okta";
    static final String BILLING = "012345-6789AB-CDEF01";

    final FakeChronicleTenantService fake = new FakeChronicleTenantService();
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T09:00:00Z"));
    /** Every wait the client asked for; each also moves the clock. */
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    final Path keyFile;
    final String base;

    TenantServiceTestSupport(Path dir) throws IOException {
        fake.start();
        fake.clock(clock);
        keyFile = dir.resolve("partner-key.json");
        Files.writeString(keyFile, fake.newServiceAccountKeyJson(PARTNER));
        base = "/v1alpha/" + fake.partnerInstance();
    }

    ClientOptions.Builder options() {
        return ClientOptions.builder().clock(clock).sleeper(d -> {
            sleeps.add(d);
            clock.advance(d);
        });
    }

    TenantServiceClient client() {
        return client(b -> b);
    }

    TenantServiceClient client(UnaryOperator<TenantServiceClient.Builder> customize) {
        return customize.apply(TenantServiceClient.builder()
                .instance(fake.partnerInstance())
                .endpoint(fake.baseUri())
                .serviceAccountKey(keyFile)
                .options(options().build())).build();
    }

    /** A request with every field of the current revision set. */
    static CreateTenantRequest.Builder full(String code) {
        return CreateTenantRequest.builder()
                .displayName("Customer " + code)
                .customerCode(code)
                .tenantGcpProject("projects/" + code + "-byop")
                .retentionDuration(TenantRetentionDuration.ONE_YEAR)
                .authMethod(AuthMethod.CLOUD_IDENTITY)
                .frontendPath(code)
                .billingAccount(BILLING);
    }

    /** Requests to the API itself (not the token endpoint). */
    List<FakeRequest> api() {
        return fake.requests().stream().filter(r -> r.path().startsWith("/v1alpha/")).toList();
    }

    /** API requests with this method whose path is {@code base + suffix}. */
    List<FakeRequest> api(String method, String suffix) {
        return fake.requests(method, base + suffix);
    }

    /** The operations.get requests received. */
    List<FakeRequest> polls() {
        return api().stream().filter(r -> r.method().equals("GET") && r.path().contains("/operations/")).toList();
    }

    @Override
    public void close() {
        fake.close();
    }
}
