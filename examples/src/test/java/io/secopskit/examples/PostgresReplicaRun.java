package io.secopskit.examples;

import com.zaxxer.hikari.HikariDataSource;
import io.secopskit.core.provisioning.BulkResult;
import io.secopskit.core.provisioning.CredentialSink;
import io.secopskit.core.provisioning.OnboardingResult;
import io.secopskit.store.postgres.PostgresProvisioningStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Child-JVM program of the replica measure: one replica with its own connection pool and its own store and onboarding,
 * sharing the PostgreSQL database with the other replicas. It opens the store (every replica migrates at once), waits
 * until every replica is ready, then onboards the same customers {@code race-1 … race-N}, {@code threads} at a time.
 * Prints {@code OUTCOME <code> <vendor> <outcome>} per step, {@code ERROR ...} per failed customer, then {@code DONE}.
 * Arguments: addresses file, JDBC URL, schema, credentials directory, customers, threads, ready directory, replicas.
 */
public final class PostgresReplicaRun {
    private PostgresReplicaRun() {
    }

    public static void main(String[] args) throws Exception {
        Vendors vendors = Vendors.sandbox(Harness.readAddresses(Path.of(args[0])), Harness.raisedQuota());
        int n = Integer.parseInt(args[4]);
        int threads = Integer.parseInt(args[5]);
        Path ready = Path.of(args[6]);
        int replicas = Integer.parseInt(args[7]);
        try (HikariDataSource pool = EmbeddedPg.pool(args[1], threads + 2)) {
            PostgresProvisioningStore store = PostgresProvisioningStore.builder(pool).schema(args[2]).build();
            Files.createFile(ready.resolve(Long.toString(ProcessHandle.current().pid())));
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (true) {
                try (java.util.stream.Stream<Path> s = Files.list(ready)) {
                    if (s.count() >= replicas) {
                        break;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the other replicas never came");
                }
                LockSupport.parkNanos(1_000_000);
            }
            BulkResult r = Onboard.onboarding(vendors).store(store).credentialSink(CredentialSink.ownerOnlyFiles(Path.of(args[3])))
                    .lockTimeout(Duration.ofMinutes(5)).build().runAll(RaceRun.customers(n), threads, null);
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
