package io.secopskit.examples;

import io.secopskit.testkit.ChildJvm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.store.Binding;
import io.secopskit.core.store.JournalEntry;
import io.secopskit.store.sqlite.SqliteProvisioningStore;
import io.secopskit.testkit.SecOpsSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's race measure: two JVMs onboard the same customers at the same time, each with several customers at a
 * time, sharing one SQLite store, against one sandbox whose fakes accept duplicates (Taegis tenants, Carbon Black
 * feeds, ServiceNow rows natively; Stellar tenant names through {@code allowDuplicateTenantNames}; Chronicle keys
 * customers by code, so for it the count of CreateCustomer requests is the measure) and whose quotas are raised
 * above the run size. Default: 2 JVMs × 2 threads × 5 customers; {@code -Pheavy}: × 50.
 */
class RaceTest {
    static final int CUSTOMERS = Boolean.getBoolean("secopskit.heavy") ? 50 : 5;
    static final List<String> VENDORS = List.of("chronicle", "taegis", "carbonblack", "servicenow", "stellar");

    @TempDir
    Path dir;

    @Test
    void twoJvmsOnboardingTheSameCustomers_createNoDuplicate_andLoseNoJournalEntry() throws Exception {
        try (SecOpsSandbox sandbox = SecOpsSandbox.start()) {
            sandbox.stellar().allowDuplicateTenantNames(true);
            sandbox.chronicle().createCustomerQuota(100_000);
            for (int i = 1; i <= CUSTOMERS; i++) {
                sandbox.addServiceNowCi("Race Customer " + i);
            }
            Path addresses = dir.resolve("sandbox.properties");
            Harness.writeAddresses(sandbox, addresses);
            Path db = dir.resolve("secopskit.db");
            SqliteProvisioningStore.open(db).close();
            Path ready = Files.createDirectory(dir.resolve("ready"));
            List<ChildJvm> children = new ArrayList<>();
            long t0 = System.nanoTime();
            try {
                for (int i = 0; i < 2; i++) {
                    children.add(ChildJvm.start(ChildJvm.java(), RaceRun.class, addresses.toString(), db.toString(),
                            dir.resolve("credentials").toString(), Integer.toString(CUSTOMERS), "2", ready.toString(), "2"));
                }
                Map<String, Integer> createdPerStep = new HashMap<>();
                for (ChildJvm c : children) {
                    assertEquals(0, c.waitFor(600), String.join("\n", c.output()));
                    List<String> out = c.output();
                    assertTrue(out.contains("DONE"), String.join("\n", out));
                    assertTrue(out.stream().noneMatch(l -> l.startsWith("ERROR") || l.contains("INCOMPLETE")), String.join("\n", out));
                    for (String l : out) {
                        if (l.startsWith("OUTCOME ") && l.endsWith(" CREATED")) {
                            createdPerStep.merge(l.split(" ")[1] + "/" + l.split(" ")[2], 1, Integer::sum);
                        }
                    }
                }
                System.out.println("race: 2 JVMs x 2 threads x " + CUSTOMERS + " customers in "
                        + java.time.Duration.ofNanos(System.nanoTime() - t0).toMillis() + " ms");
                assertEquals(CUSTOMERS * VENDORS.size(), createdPerStep.size(), "each step created by exactly one JVM: " + createdPerStep);
                assertTrue(createdPerStep.values().stream().allMatch(n -> n == 1), createdPerStep.toString());
            } finally {
                children.forEach(ChildJvm::close);
            }
            try (SqliteProvisioningStore store = SqliteProvisioningStore.open(db)) {
                int createdEntries = 0;
                for (int i = 1; i <= CUSTOMERS; i++) {
                    String code = "race-" + i;
                    assertEquals(Map.of("chronicle", 1L, "taegis", 1L, "carbonblack", 1L, "servicenow", 1L, "stellar", 1L),
                            Harness.creates(sandbox, code), code);
                    OnboardingTest.assertExactlyOneEverywhere(sandbox, code);
                    List<JournalEntry> journal = store.journal().entries(code);
                    for (String vendor : VENDORS) {
                        long created = journal.stream().filter(e -> vendor.equals(e.vendor()) && e.event() == JournalEntry.Event.CREATED)
                                .count();
                        assertEquals(1, created, code + " " + vendor + ": one CREATED entry per create the vendor received");
                        createdEntries += (int) created;
                        Binding b = store.bindings().get(code, vendor).orElseThrow();
                        assertEquals(Binding.State.ACTIVE, b.state());
                    }
                }
                assertEquals(CUSTOMERS * VENDORS.size(), createdEntries, "0 lost journal entries");
            }
        }
    }
}
