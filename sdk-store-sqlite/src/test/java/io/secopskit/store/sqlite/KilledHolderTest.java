package io.secopskit.store.sqlite;

import io.secopskit.testkit.ChildJvm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.provisioning.Onboarding;
import io.secopskit.core.provisioning.OnboardingResult;
import io.secopskit.core.provisioning.ProvisionedTenant;
import io.secopskit.core.provisioning.TenantProvisioner;
import io.secopskit.core.provisioning.TenantSpec;
import io.secopskit.core.store.JournalEntry;
import io.secopskit.core.store.Lease;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KilledHolderTest {
    @TempDir
    Path dir;

    @Test
    void run_afterTheHolderWasKilled9_takesTheCustomerInUnderOneSecond_withAGreaterFence() throws Exception {
        Path db = dir.resolve("kill.db");
        SqliteProvisioningStore.open(db).close();
        Lease held;
        try (ChildJvm child = ChildJvm.start(ChildJvm.java(), HoldCustomerAndHang.class, db.toString(), "acme")) {
            child.await("HOLDING", 60);
            try (SqliteProvisioningStore store = SqliteProvisioningStore.open(db)) {
                held = store.leases().current("acme").orElseThrow();
            }
            assertEquals(child.process().pid(), held.holder().pid());
            child.kill(); // SIGKILL: no shutdown hook, no release
        }
        TenantProvisioner quick = new TenantProvisioner() {
            @Override
            public String vendor() {
                return "hang";
            }

            @Override
            public Optional<ProvisionedTenant> find(TenantSpec spec) {
                return Optional.empty();
            }

            @Override
            public ProvisionedTenant provision(TenantSpec spec) {
                return new ProvisionedTenant("hang", "t-1", ProvisionedTenant.Status.CREATED, Map.of(), Map.of());
            }

            @Override
            public void deprovision(ProvisionedTenant tenant) {
            }
        };

        try (SqliteProvisioningStore store = SqliteProvisioningStore.open(db)) {
            long start = System.nanoTime();
            OnboardingResult r = Onboarding.builder().step(quick).store(store).lockTimeout(Duration.ofSeconds(30)).build()
                    .run(TenantSpec.builder().displayName("Killed Corp").customerCode("acme").build());
            long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();

            System.out.println("re-run after kill -9 took the customer and finished in " + ms + " ms");
            assertTrue(ms < 1000, "took " + ms + " ms");
            assertEquals(OnboardingResult.Outcome.CREATED, r.steps().get(0).outcome());
            List<JournalEntry> starts = store.journal().entries("acme").stream()
                    .filter(e -> e.event() == JournalEntry.Event.RUN_STARTED).collect(Collectors.toList());
            assertEquals(List.of(Long.toString(held.fence()), Long.toString(held.fence() + 1)),
                    starts.stream().map(e -> e.detail(JournalEntry.DETAIL_FENCE)).collect(Collectors.toList()));
        }
    }
}
