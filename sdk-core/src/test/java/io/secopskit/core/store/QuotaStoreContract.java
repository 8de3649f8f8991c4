package io.secopskit.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.store.QuotaStore.Acquisition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link QuotaStore} must do — the one definition of a sliding-window quota (issue 15): at most
 * {@code limit} sends in any {@code window}; a refusal says when the oldest counted send leaves the window; a send
 * exactly one window after the oldest one is allowed; a refusal counts nothing. A store module extends this class;
 * {@link #sameData()} returns another instance over the same counts where several instances can share them.
 */
public abstract class QuotaStoreContract {
    protected static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");
    protected static final Duration DAY = Duration.ofHours(24);

    /**
     * Returns a new store with no counted send.
     *
     * @return the store
     */
    protected abstract QuotaStore newStore();

    /**
     * Returns another instance over the counts of the last store {@link #newStore()} returned; by default that store.
     *
     * @param first the store {@link #newStore()} returned
     * @return a store sharing its counts
     */
    protected QuotaStore sameData(QuotaStore first) {
        return first;
    }

    @Test
    public void tryAcquire_grantsUpToTheLimit_thenRefusesSayingWhenTheOldestSendLeavesTheWindow() {
        QuotaStore q = newStore();
        for (int i = 1; i <= 3; i++) {
            assertEquals(Acquisition.granted(i), q.tryAcquire("chronicle.CreateCustomer", 3, DAY, T0.plusSeconds(i)));
        }

        Acquisition refused = sameData(q).tryAcquire("chronicle.CreateCustomer", 3, DAY, T0.plusSeconds(10));

        assertEquals(Acquisition.refused(3, T0.plusSeconds(1).plus(DAY)), refused);
    }

    @Test
    public void tryAcquire_slides_aPermitFreesExactlyWhenTheOldestSendIsOneWindowOld_andARefusalCountsNothing() {
        QuotaStore q = newStore();
        q.tryAcquire("k", 2, DAY, T0);
        q.tryAcquire("k", 2, DAY, T0.plusSeconds(60));
        for (int i = 0; i < 5; i++) {
            assertTrue(!q.tryAcquire("k", 2, DAY, T0.plusSeconds(120 + i)).granted());
        }

        assertEquals(Acquisition.refused(2, T0.plus(DAY)), q.tryAcquire("k", 2, DAY, T0.plus(DAY).minusMillis(1)));
        assertEquals(Acquisition.granted(2), q.tryAcquire("k", 2, DAY, T0.plus(DAY)), "T0 left the window; the refusals counted nothing");
        assertEquals(Acquisition.refused(2, T0.plusSeconds(60).plus(DAY)), q.tryAcquire("k", 2, DAY, T0.plus(DAY).plusSeconds(1)));
    }

    @Test
    public void tryAcquire_keysAreCountedApart() {
        QuotaStore q = newStore();
        assertTrue(q.tryAcquire("a", 1, DAY, T0).granted());

        assertEquals(Acquisition.granted(1), q.tryAcquire("b", 1, DAY, T0));
        assertTrue(!q.tryAcquire("a", 1, DAY, T0).granted());
    }

    @Test
    public void oldestSend_isTheOldestSendStillInTheWindow_orEmpty() {
        QuotaStore q = newStore();
        assertEquals(Optional.empty(), q.oldestSend("k", DAY, T0));
        q.tryAcquire("k", 5, DAY, T0);
        q.tryAcquire("k", 5, DAY, T0.plusSeconds(30));

        assertEquals(Optional.of(T0), sameData(q).oldestSend("k", DAY, T0.plusSeconds(40)));
        assertEquals(Optional.of(T0.plusSeconds(30)), q.oldestSend("k", DAY, T0.plus(DAY)));
        assertEquals(Optional.empty(), q.oldestSend("k", DAY, T0.plus(DAY).plusSeconds(30)));
        assertEquals(Optional.empty(), q.oldestSend("other", DAY, T0));
    }

    @Test
    public void tryAcquire_whenManyCallersRaceAtOnce_grantsExactlyTheLimit() throws Exception {
        QuotaStore first = newStore();
        int callers = 40;
        List<QuotaStore> stores = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            stores.add(i == 0 ? first : sameData(first));
        }
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CyclicBarrier start = new CyclicBarrier(callers);
            List<Future<Acquisition>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                QuotaStore s = stores.get(i % stores.size());
                Instant now = T0.plusMillis(i);
                results.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return s.tryAcquire("chronicle.CreateCustomer", 30, DAY, now);
                }));
            }
            int granted = 0;
            List<Integer> usedWhenGranted = new ArrayList<>();
            for (Future<Acquisition> f : results) {
                Acquisition a = f.get(30, TimeUnit.SECONDS);
                if (a.granted()) {
                    granted++;
                    usedWhenGranted.add(a.used());
                } else {
                    assertEquals(30, a.used());
                }
            }
            assertEquals(30, granted, "exactly the limit, whichever callers got them");
            assertEquals(30, usedWhenGranted.stream().distinct().count(), "each grant saw a different count: " + usedWhenGranted);
            assertTrue(!first.tryAcquire("chronicle.CreateCustomer", 30, DAY, T0.plusSeconds(5)).granted());
        } finally {
            pool.shutdownNow();
        }
    }
}
