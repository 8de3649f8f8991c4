package io.secopskit.store.sqlite;

import io.secopskit.core.internal.provisioning.Threads;
import io.secopskit.core.store.LeaseHolder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Child-JVM program (JDK 21+): another connection holds the database's write lock for 2 s while 64 virtual
 * threads write to the store; measures how soon an unrelated virtual thread runs meanwhile. Prints
 * {@code UNRELATED_MS <n>}, {@code WAITERS_BLOCKED <n>}, {@code COMPLETED <n> FAILED <n>}. Argument: database file.
 */
public final class VirtualThreadProbe {
    private VirtualThreadProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (!Threads.virtualThreadsAvailable()) {
            System.out.println("ERROR no virtual threads in " + Runtime.version());
            System.exit(2);
        }
        Path db = Path.of(args[0]);
        ThreadFactory virtual = Threads.factory("probe-", true);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try (SqliteProvisioningStore store = SqliteProvisioningStore.open(db);
             Connection holder = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = holder.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            long lockedAt = System.nanoTime();
            CountDownLatch released = new CountDownLatch(1);
            timer.schedule(() -> {
                try {
                    s.execute("COMMIT");
                } catch (java.sql.SQLException e) {
                    System.out.println("ERROR commit " + e);
                }
                released.countDown();
            }, 2, TimeUnit.SECONDS);
            AtomicInteger completed = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            CountDownLatch writersDone = new CountDownLatch(64);
            for (int i = 0; i < 64; i++) {
                String customer = "cust-" + i;
                virtual.newThread(() -> {
                    try {
                        store.leases().tryAcquire(customer, new LeaseHolder("probe", 1, null, customer), Instant.now(),
                                Duration.ofMinutes(1), -1).orElseThrow();
                        completed.incrementAndGet();
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                        System.out.println("ERROR writer " + e);
                    } finally {
                        writersDone.countDown();
                    }
                }).start();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            while (store.callsInFlight() < 64 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            int blocked = store.callsInFlight();
            long start = System.nanoTime();
            CountDownLatch ran = new CountDownLatch(1);
            virtual.newThread(ran::countDown).start();
            ran.await();
            long unrelatedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            boolean stillLocked = released.getCount() == 1;
            System.out.println("WAITERS_BLOCKED " + blocked);
            System.out.println("UNRELATED_MS " + unrelatedMs);
            System.out.println("LOCK_STILL_HELD " + stillLocked);
            writersDone.await(30, TimeUnit.SECONDS);
            System.out.println("LOCK_HELD_MS " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lockedAt));
            System.out.println("COMPLETED " + completed.get() + " FAILED " + failed.get());
        } finally {
            timer.shutdownNow();
        }
    }
}
