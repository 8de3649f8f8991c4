package io.secopskit.chronicle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.chronicle.tenants.TenantServiceClient;
import io.secopskit.core.LogCapture;
import io.secopskit.testkit.FakeChronicleTenantService;
import io.secopskit.testkit.GoogleTokenEndpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LegacyApiWarningTest extends ChronicleTestBase {
    private static long warnings(LogCapture logs) {
        return logs.lines().stream().filter(l -> l.startsWith("WARN") && l.contains("legacy Chronicle partner API")).count();
    }

    @Test
    void legacyCall_beforeTheDefaultDate_logsNothing_fromItOnceThenNeverAgainPerClient() {
        env.clock.set(Instant.parse("2027-01-19T23:59:59Z"));
        ChronicleClient client = env.client();
        try (LogCapture logs = new LogCapture()) {
            client.customers().list().stream().count();
            assertEquals(0, warnings(logs));

            env.clock.set(Instant.parse("2027-01-20T00:00:00Z"));
            client.customers().list().stream().count();
            client.customers().list().stream().count();
            assertEquals(1, warnings(logs), "once per client");
            assertTrue(logs.all().contains("2027-07-20"), logs.all());
            assertTrue(logs.all().contains("Migrating from the partner API"), logs.all());

            env.client().customers().list().stream().count();
            assertEquals(2, warnings(logs), "a second client warns once too");
        }
        assertEquals(LocalDate.parse(ChronicleClient.DEFAULT_LEGACY_WARNING_FROM), LocalDate.of(2027, 1, 20));
    }

    @Test
    void legacyCall_configuredDate_isHonoured_andMaxNeverWarns() throws Exception {
        env.clock.set(Instant.parse("2026-11-22T09:00:00Z"));
        ChronicleClient early = ChronicleClient.builder().endpoint(env.fake.baseUri()).serviceAccountKey(env.keyFile)
                .options(io.secopskit.core.http.ClientOptions.builder().clock(env.clock).build())
                .legacyApiWarningFrom(LocalDate.of(2026, 11, 1)).build();
        ChronicleClient never = ChronicleClient.builder().endpoint(env.fake.baseUri()).serviceAccountKey(env.keyFile)
                .options(io.secopskit.core.http.ClientOptions.builder().clock(env.clock).build())
                .legacyApiWarningFrom(LocalDate.MAX).build();
        try (LogCapture logs = new LogCapture()) {
            never.customers().list().stream().count();
            assertEquals(0, warnings(logs));
            early.customers().list().stream().count();
            assertEquals(1, warnings(logs));
        }
    }

    @Test
    void tenantServiceBuilder_reusesTheLegacyCredentialsRescopedToTheChronicleApi() throws Exception {
        try (FakeChronicleTenantService tenants = new FakeChronicleTenantService()) {
            tenants.start();
            Path key = dir.resolve("shared-key.json");
            Files.writeString(key, tenants.newServiceAccountKeyJson(ChronicleTestSupport.PARTNER));
            ChronicleClient legacy = ChronicleClient.builder().endpoint(env.fake.baseUri()).serviceAccountKey(key).build();

            TenantServiceClient modern = legacy.tenantServiceBuilder().instance(tenants.partnerInstance())
                    .endpoint(tenants.baseUri()).build();
            tenants.seedTenants(2);

            assertEquals(2, modern.tenants().list().stream().count());
            GoogleTokenEndpoint.Grant grant = tenants.tokens().grant(
                    tenants.requests().stream().filter(r -> r.path().startsWith("/v1alpha/")).findFirst().orElseThrow()
                            .header("Authorization"));
            assertEquals(List.of(TenantServiceClient.SCOPE_CHRONICLE), grant.scopes());
            assertEquals(ChronicleTestSupport.PARTNER, grant.serviceAccount());
        }
    }
}
