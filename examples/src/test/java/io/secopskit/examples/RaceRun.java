package io.secopskit.examples;

import io.secopskit.core.provisioning.BulkResult;
import io.secopskit.core.provisioning.CredentialSink;
import io.secopskit.core.provisioning.OnboardingResult;
import io.secopskit.core.provisioning.TenantSpec;
import io.secopskit.store.sqlite.SqliteProvisioningStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Child-JVM program of the race measure: waits until every racer is ready, then onboards the same customers
 * {@code race-1 … race-N} with {@code threads} customers at a time, sharing one SQLite store with the other
 * racers. Prints {@code OUTCOME <code> <vendor> <outcome>} per step, {@code ERROR ...} per failure, {@code DONE}.
 * Arguments: addresses file, database, credentials directory, customers, threads, ready directory, racers.
 */
public final class RaceRun {
    private RaceRun() {
    }

    static List<TenantSpec> customers(int n) {
        List<TenantSpec> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(Onboard.demoCustomer("Race Customer " + i, "race-" + i));
        }
        return out;
    }

    public static void main(String[] args) throws Exception {
        Vendors vendors = Vendors.sandbox(Harness.readAddresses(Path.of(args[0])), Harness.raisedQuota());
        int n = Integer.parseInt(args[3]);
        int threads = Integer.parseInt(args[4]);
        Path ready = Path.of(args[5]);
        int racers = Integer.parseInt(args[6]);
        try (SqliteProvisioningStore store = SqliteProvisioningStore.open(Path.of(args[1]))) {
            Files.createFile(ready.resolve(Long.toString(ProcessHandle.current().pid())));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (true) {
                try (java.util.stream.Stream<Path> s = Files.list(ready)) {
                    if (s.count() >= racers) {
                        break;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the other racers never came");
                }
                LockSupport.parkNanos(1_000_000);
            }
            BulkResult r = Onboard.onboarding(vendors).store(store).credentialSink(CredentialSink.ownerOnlyFiles(Path.of(args[2])))
                    .lockTimeout(Duration.ofMinutes(2)).build().runAll(customers(n), threads, null);
            StringBuilder out = new StringBuilder();
            for (BulkResult.CustomerRun run : r.runs()) {
                if (run.error() != null) {
                    out.append("ERROR ").append(run.customerCode()).append(' ').append(run.error()).append('\n');
                    continue;
                }
                for (OnboardingResult.Step s : run.result().steps()) {
                    out.append("OUTCOME ").append(run.customerCode()).append(' ').append(s.vendor()).append(' ').append(s.outcome())
                            .append(s.complete() ? "" : " INCOMPLETE " + s.note()).append('\n');
                }
            }
            System.out.print(out);
            System.out.println("DONE");
        }
    }
}
