package io.secopskit.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.Secret;
import io.secopskit.core.error.QuotaExhaustedException;
import io.secopskit.core.provisioning.BulkResult;
import io.secopskit.core.provisioning.CredentialSink;
import io.secopskit.core.provisioning.InMemoryCredentialSink;
import io.secopskit.core.provisioning.Onboarding;
import io.secopskit.core.provisioning.OnboardingResult;
import io.secopskit.core.provisioning.OnboardingResult.Outcome;
import io.secopskit.core.provisioning.ProvisionedTenant;
import io.secopskit.core.provisioning.TenantProvisioner;
import io.secopskit.core.provisioning.TenantSpec;
import io.secopskit.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteOnboardingTest {
    static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");

    @TempDir
    Path dir;

    /** A vendor whose tenants survive store reopening (it is "the vendor"), with an optional quota. */
    static final class Vendor implements TenantProvisioner {
        final Map<String, String> tagById = new ConcurrentHashMap<>();
        final AtomicInteger creates = new AtomicInteger();
        volatile int quota = Integer.MAX_VALUE;
        volatile Instant resetsAt;

        @Override
        public String vendor() {
            return "chronicle";
        }

        @Override
        public Optional<ProvisionedTenant> find(TenantSpec spec) {
            return tagById.entrySet().stream().filter(e -> e.getValue().equals(spec.customerCode())).findFirst()
                    .map(e -> ProvisionedTenant.found("chronicle", e.getKey()));
        }

        @Override
        public Optional<ProvisionedTenant> findBound(TenantSpec spec, String tenantId) {
            return tagById.containsKey(tenantId) ? Optional.of(ProvisionedTenant.found("chronicle", tenantId)) : Optional.empty();
        }

        @Override
        public ProvisionedTenant provision(TenantSpec spec) {
            if (creates.get() >= quota) {
                throw new QuotaExhaustedException("chronicle", "CreateCustomer", "chronicle.CreateCustomer", resetsAt);
            }
            String id = "c-" + creates.incrementAndGet();
            tagById.put(id, spec.customerCode());
            return new ProvisionedTenant("chronicle", id, ProvisionedTenant.Status.CREATED, Map.of(),
                    Map.of("BACKSTORY_API", Secret.of("value-" + id)));
        }

        @Override
        public void deprovision(ProvisionedTenant tenant) {
        }

        @Override
        public boolean issuesCredentials() {
            return true;
        }
    }

    static TenantSpec spec(String code) {
        return TenantSpec.builder().displayName("Customer " + code).customerCode(code).label("tier", "gold").build();
    }

    @Test
    void run_createsOnce_andAfterReopeningTheStoreFindsThroughTheBindingWithTheDeliveryOnRecord() {
        Vendor vendor = new Vendor();
        InMemoryCredentialSink sink = CredentialSink.inMemory();
        MutableClock clock = new MutableClock(T0);
        try (SqliteProvisioningStore store = SqliteProvisioningStore.open(dir.resolve("s.db"))) {
            OnboardingResult r = Onboarding.builder().step(vendor).store(store).credentialSink(sink).clock(clock).build().run(spec("acme"));
            assertEquals(Outcome.CREATED, r.steps().get(0).outcome());
        }
        try (SqliteProvisioningStore store = SqliteProvisioningStore.open(dir.resolve("s.db"))) {
            OnboardingResult r = Onboarding.builder().step(vendor).store(store).credentialSink(sink).clock(clock).build().run(spec("acme"));

            OnboardingResult.Step s = r.steps().get(0);
            assertEquals(Outcome.FOUND, s.outcome());
            assertEquals(OnboardingResult.CredentialStatus.DELIVERED_EARLIER, s.credentials());
            assertEquals("credentials delivered to memory at " + T0, s.note());
            assertEquals(1, vendor.creates.get());
            assertEquals("c-1", store.bindings().get("acme", "chronicle").orElseThrow().tenantId());
        }
    }

    @Test
    void runAll_defersOnQuota_andAfterReopeningResumesTheStoredCustomersWithoutAList() {
        Vendor vendor = new Vendor();
        vendor.quota = 2;
        vendor.resetsAt = T0.plus(Duration.ofHours(24));
        MutableClock clock = new MutableClock(T0);
        try (SqliteProvisioningStore store = SqliteProvisioningStore.open(dir.resolve("s.db"))) {
            BulkResult r = Onboarding.builder().step(vendor).store(store).clock(clock).build()
                    .runAll(List.of(spec("a"), spec("b"), spec("c"), spec("d")), 2, null);
            assertEquals(2, r.deferred().size());
        }
        clock.set(vendor.resetsAt);
        vendor.quota = Integer.MAX_VALUE;
        try (SqliteProvisioningStore store = SqliteProvisioningStore.open(dir.resolve("s.db"))) {
            BulkResult r = Onboarding.builder().step(vendor).store(store).clock(clock).build().resumeDeferred(2, null);

            assertEquals(2, r.succeeded().size());
            assertTrue(store.deferrals().all().isEmpty());
            assertEquals(4, vendor.creates.get());
            assertEquals(List.of("a", "b", "c", "d"), vendor.tagById.values().stream().sorted().collect(java.util.stream.Collectors.toList()),
                    "every customer has exactly one tenant");
        }
    }
}
