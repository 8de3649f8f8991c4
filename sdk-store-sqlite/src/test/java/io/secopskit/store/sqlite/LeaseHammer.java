package io.secopskit.store.sqlite;

import io.secopskit.core.store.Lease;
import io.secopskit.core.store.LeaseHolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * Child-JVM program: waits until every racer is ready (files in a directory), then takes and gives back one
 * customer's lease {@code count} times, printing each fence. Any exception is printed and exits 1.
 * Arguments: database file, customer, count, ready directory, racers.
 */
public final class LeaseHammer {
    private LeaseHammer() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        String customer = args[1];
        int count = Integer.parseInt(args[2]);
        Path ready = Path.of(args[3]);
        int racers = Integer.parseInt(args[4]);
        LeaseHolder me = new LeaseHolder("hammer-host", ProcessHandle.current().pid(), null, "hammer-" + ProcessHandle.current().pid());
        try (SqliteProvisioningStore store = SqliteProvisioningStore.open(db)) {
            Files.createFile(ready.resolve(Long.toString(ProcessHandle.current().pid())));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (countFiles(ready) < racers) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the other racers never came");
                }
                LockSupport.parkNanos(1_000_000);
            }
            StringBuilder out = new StringBuilder();
            int attempts = 0;
            for (int i = 0; i < count; ) {
                attempts++;
                Optional<Lease> lease = store.leases().tryAcquire(customer, me, Instant.now(), Duration.ofMinutes(1), -1);
                if (lease.isEmpty()) {
                    Thread.onSpinWait();
                    continue;
                }
                out.append("FENCE ").append(lease.get().fence()).append('\n');
                // work while holding the lease, as a run does: a durable journal write
                store.journal().append(io.secopskit.core.store.JournalEntry.of(customer, null, me.owner(),
                        io.secopskit.core.store.JournalEntry.Event.RUN_STARTED, null, Instant.now(),
                        java.util.Map.of("fence", Long.toString(lease.get().fence()))));
                store.leases().release(lease.get());
                i++;
            }
            System.out.print(out);
            System.out.println("ATTEMPTS " + attempts);
            System.out.println("DONE");
        } catch (Throwable e) {
            System.out.println("ERROR " + e);
            System.exit(1);
        }
    }

    private static long countFiles(Path dir) throws java.io.IOException {
        try (java.util.stream.Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }
}
