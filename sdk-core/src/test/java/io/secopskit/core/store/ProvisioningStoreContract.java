package io.secopskit.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.store.JournalEntry.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ProvisioningStore} must do, whatever keeps the data: in-memory, SQLite, PostgreSQL. A store module
 * extends this class and supplies a fresh, empty store per test ({@link #newStore()}) and, where several instances can
 * share the data (several processes, several replicas), another instance over the same data ({@link #sameData()}).
 * Times are whole milliseconds, the coarsest any store keeps.
 */
public abstract class ProvisioningStoreContract {
    protected static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");
    protected static final Duration TTL = Duration.ofSeconds(30);
    protected static final LeaseHolder A = new LeaseHolder("host-a", 11, T0.minusSeconds(3600), "run-a");
    protected static final LeaseHolder B = new LeaseHolder("host-b", 22, null, "run-b");

    protected ProvisioningStore store;
    private final List<ProvisioningStore> extra = Collections.synchronizedList(new ArrayList<>());

    /**
     * Returns a new, empty store.
     *
     * @return the store
     */
    protected abstract ProvisioningStore newStore();

    /**
     * Returns another instance over the data of {@link #store} (a second process or replica); the default returns the
     * same instance, for stores whose data lives in one object.
     *
     * @return the store; closed by the contract after the test
     */
    protected ProvisioningStore sameData() {
        return store;
    }

    @BeforeEach
    public void openStore() {
        store = newStore();
    }

    @AfterEach
    public void closeStores() {
        for (ProvisioningStore s : extra) {
            if (s != store) {
                s.close();
            }
        }
        store.close();
    }

    private ProvisioningStore another() {
        ProvisioningStore s = sameData();
        extra.add(s);
        return s;
    }

    // ---------------------------------------------------------------------------------------------------------
    // leases

    @Test
    public void lease_whenFree_isTakenWithFenceOne_andIsExclusiveUntilItExpires() {
        Lease a = store.leases().tryAcquire("acme", A, T0, TTL, -1).orElseThrow();

        assertEquals(new Lease("acme", 1, A, T0, T0.plus(TTL)), a);
        assertTrue(store.leases().tryAcquire("acme", B, T0.plus(TTL).minusMillis(1), TTL, -1).isEmpty(), "still held 1 ms before expiry");
        Lease b = store.leases().tryAcquire("acme", B, T0.plus(TTL), TTL, -1).orElseThrow();
        assertEquals(2, b.fence(), "taken at the expiry instant with the next fence");
        assertEquals(B, store.leases().current("acme").orElseThrow().holder());
    }

    @Test
    public void lease_current_givesHolderFenceAndTimes_andIsEmptyForAnUnknownOrReleasedCustomer() {
        assertTrue(store.leases().current("acme").isEmpty());
        Lease a = store.leases().tryAcquire("acme", A, T0, TTL, -1).orElseThrow();

        Lease current = store.leases().current("acme").orElseThrow();

        assertEquals(a, current);
        assertEquals(T0.minusSeconds(3600), current.holder().processStart());
        store.leases().tryAcquire("beta", B, T0, TTL, -1).orElseThrow();
        assertEquals(null, store.leases().current("beta").orElseThrow().holder().processStart(), "an unknown process start stays unknown");
        store.leases().release(a);
        assertTrue(store.leases().current("acme").isEmpty());
    }

    @Test
    public void lease_whenItExpired_theOldHolderCannotRenewIt_andTheNewHolderCan() {
        Lease a = store.leases().tryAcquire("acme", A, T0, TTL, -1).orElseThrow();
        Lease b = store.leases().tryAcquire("acme", B, T0.plusSeconds(31), TTL, -1).orElseThrow();

        assertTrue(store.leases().renew(a, T0.plusSeconds(32), TTL).isEmpty(), "fenced out");
        Lease renewed = store.leases().renew(b, T0.plusSeconds(40), TTL).orElseThrow();
        assertEquals(new Lease("acme", 2, B, T0.plusSeconds(31), T0.plusSeconds(70)), renewed);
        assertEquals(T0.plusSeconds(70), store.leases().current("acme").orElseThrow().expiresAt());
    }

    @Test
    public void lease_renew_extendsFromNow_butNotOnceExpired_norForAnotherOwnerWithTheSameFence() {
        Lease a = store.leases().tryAcquire("acme", A, T0, TTL, -1).orElseThrow();

        assertEquals(T0.plusSeconds(50), store.leases().renew(a, T0.plusSeconds(20), TTL).orElseThrow().expiresAt());
        assertTrue(store.leases().tryAcquire("acme", B, T0.plusSeconds(40), TTL, -1).isEmpty(), "the renewal kept it");
        Lease impostor = new Lease("acme", a.fence(), B, T0, T0.plus(TTL));
        assertTrue(store.leases().renew(impostor, T0.plusSeconds(21), TTL).isEmpty(), "same fence, other owner");
        assertTrue(store.leases().renew(a, T0.plusSeconds(50), TTL).isEmpty(), "at its expiry instant the lease is gone");
    }

    @Test
    public void lease_release_freesTheCustomer_keepsTheFenceGrowing_andAStaleReleaseDoesNothing() {
        Lease a = store.leases().tryAcquire("acme", A, T0, TTL, -1).orElseThrow();
        store.leases().release(a);

        Lease b = store.leases().tryAcquire("acme", B, T0.plusSeconds(1), TTL, -1).orElseThrow();
        store.leases().release(a);

        assertEquals(2, b.fence());
        assertEquals(B, store.leases().current("acme").orElseThrow().holder(), "the stale release left B's lease alone");
        assertTrue(store.leases().renew(a, T0.plusSeconds(2), TTL).isEmpty());
        store.leases().release(b);
        store.leases().release(b);
        assertEquals(3, store.leases().tryAcquire("acme", A, T0.plusSeconds(3), TTL, -1).orElseThrow().fence());
    }

    @Test
    public void lease_takeOverFence_takesALiveLeaseOnlyWhenTheFenceMatches() {
        Lease dead = store.leases().tryAcquire("acme", A, T0, Duration.ofHours(1), -1).orElseThrow();

        assertTrue(store.leases().tryAcquire("acme", B, T0, Duration.ofHours(1), dead.fence() + 5).isEmpty());
        Lease taken = store.leases().tryAcquire("acme", B, T0, Duration.ofHours(1), dead.fence()).orElseThrow();

        assertEquals(dead.fence() + 1, taken.fence());
        assertTrue(store.leases().tryAcquire("acme", A, T0, Duration.ofHours(1), dead.fence()).isEmpty(), "a stale takeover fails");
    }

    @Test
    public void lease_customersAreIndependent() {
        store.leases().tryAcquire("acme", A, T0, TTL, -1).orElseThrow();

        Lease other = store.leases().tryAcquire("globex", B, T0, TTL, -1).orElseThrow();

        assertEquals(1, other.fence());
    }

    @Test
    public void lease_whenEightInstancesRaceForOneCustomer_exactlyOneWins_andEveryLaterTakeoverGetsTheNextFence() throws Exception {
        int racers = 8;
        List<ProvisioningStore> stores = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            stores.add(i == 0 ? store : another());
        }
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            for (int round = 0; round < 5; round++) {
                Instant now = T0.plus(TTL.multipliedBy(round)); // each round starts when the last round's lease has expired
                CyclicBarrier start = new CyclicBarrier(racers);
                List<Future<Optional<Lease>>> results = new ArrayList<>();
                for (int i = 0; i < racers; i++) {
                    ProvisioningStore s = stores.get(i);
                    LeaseHolder h = new LeaseHolder("host-" + i, i, null, "round-" + round + "-" + i);
                    results.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return s.leases().tryAcquire("acme", h, now, TTL, -1);
                    }));
                }
                List<Lease> won = new ArrayList<>();
                for (Future<Optional<Lease>> f : results) {
                    f.get(30, TimeUnit.SECONDS).ifPresent(won::add);
                }
                assertEquals(1, won.size(), "round " + round + ": exactly one winner of " + racers);
                assertEquals(round + 1, won.get(0).fence(), "round " + round);
                assertEquals(won.get(0).holder(), store.leases().current("acme").orElseThrow().holder());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // journal

    @Test
    public void journal_append_givesIncreasingSequences_andEntriesReturnsOneCustomersEntriesInOrder() {
        JournalEntry started = store.journal().append(JournalEntry.of("acme", null, "r1", Event.RUN_STARTED, null, T0, Map.of("fence", "1")));
        store.journal().append(JournalEntry.of("globex", "chronicle", "r2", Event.CREATED, "globex", T0, Map.of()));
        JournalEntry created = store.journal().append(JournalEntry.of("acme", "chronicle", "r1", Event.CREATED, "c-1", T0.plusMillis(5),
                Map.of(JournalEntry.DETAIL_CREDENTIALS_ISSUED, "BACKSTORY_API", JournalEntry.DETAIL_CREDENTIALS_SINK, "memory")));

        List<JournalEntry> entries = another().journal().entries("acme");

        assertEquals(List.of(started, created), entries);
        assertTrue(started.sequence() > 0 && started.sequence() < created.sequence());
        assertEquals(null, entries.get(0).vendor());
        assertEquals(null, entries.get(0).tenantId());
        assertEquals("BACKSTORY_API", entries.get(1).detail(JournalEntry.DETAIL_CREDENTIALS_ISSUED));
        assertEquals(T0.plusMillis(5), entries.get(1).at());
        assertEquals(List.of("globex"), store.journal().entries("globex").stream().map(JournalEntry::tenantId).collect(Collectors.toList()));
        assertTrue(store.journal().entries("initech").isEmpty());
    }

    @Test
    public void journal_keepsEveryEventType_andDetailsWithCharactersThatNeedEscaping() {
        Map<String, String> odd = Map.of("quote", "a \"b\" \\ c", "unicode", "Zürich — 東京", "newline", "one\ntwo\ttab");
        for (Event e : Event.values()) {
            store.journal().append(JournalEntry.of("acme", "taegis", "r1", e, "t-1", T0, odd));
        }

        List<JournalEntry> entries = store.journal().entries("acme");

        assertEquals(List.of(Event.values()), entries.stream().map(JournalEntry::event).collect(Collectors.toList()));
        assertTrue(entries.stream().allMatch(e -> e.details().equals(odd)), entries.toString());
    }

    // ---------------------------------------------------------------------------------------------------------
    // bindings and record

    @Test
    public void binding_put_replacesTheCustomersVendorBinding_butKeepsItsCreationTime() {
        store.bindings().put(new Binding("acme", "taegis", "t-1", Binding.State.ACTIVE, Binding.Origin.CREATED, T0, T0));
        store.bindings().put(new Binding("acme", "taegis", "t-1", Binding.State.SUSPENDED, Binding.Origin.CREATED, T0.plusSeconds(9),
                T0.plusSeconds(9)));

        Binding b = another().bindings().get("acme", "taegis").orElseThrow();

        assertEquals(new Binding("acme", "taegis", "t-1", Binding.State.SUSPENDED, Binding.Origin.CREATED, T0, T0.plusSeconds(9)), b);
        assertTrue(store.bindings().get("acme", "stellar").isEmpty());
        assertTrue(store.bindings().get("globex", "taegis").isEmpty());
    }

    @Test
    public void binding_forCustomer_listsOnlyThatCustomersBindingsOrderedByVendor() {
        for (String vendor : List.of("taegis", "carbonblack", "stellar")) {
            store.bindings().put(new Binding("acme", vendor, vendor + "-1", Binding.State.ACTIVE, Binding.Origin.ADOPTED, T0, T0));
        }
        store.bindings().put(new Binding("globex", "chronicle", "g", Binding.State.REMOVED, Binding.Origin.CREATED, T0, T0));

        assertEquals(List.of("carbonblack", "stellar", "taegis"),
                store.bindings().forCustomer("acme").stream().map(Binding::vendor).collect(Collectors.toList()));
        assertEquals(Binding.State.REMOVED, store.bindings().forCustomer("globex").get(0).state());
        assertTrue(store.bindings().forCustomer("initech").isEmpty());
    }

    @Test
    public void record_writesTheBindingAndAppendsTheEntry() {
        Binding binding = new Binding("acme", "stellar", "s-1", Binding.State.ACTIVE, Binding.Origin.CREATED, T0, T0);

        JournalEntry stored = store.record(binding, JournalEntry.of("acme", "stellar", "r1", Event.CREATED, "s-1", T0, Map.of()));

        assertTrue(stored.sequence() > 0);
        assertEquals(binding, another().bindings().get("acme", "stellar").orElseThrow());
        assertEquals(List.of(stored), another().journal().entries("acme"));
    }

    // ---------------------------------------------------------------------------------------------------------
    // deferrals

    @Test
    public void deferrals_areOrderedByResetTimeThenCustomer_replacedPerCustomer_andRemovable() {
        store.deferrals().put(new Deferral("b", "{\"v\":1}", List.of("chronicle"), T0.plusSeconds(20), T0));
        store.deferrals().put(new Deferral("a", "{\"v\":1}", List.of("chronicle", "taegis"), T0.plusSeconds(10), T0));
        store.deferrals().put(new Deferral("c", "{\"v\":1}", List.of(), T0.plusSeconds(10), T0));
        store.deferrals().put(new Deferral("b", "{\"v\":2}", List.of("chronicle"), T0.plusSeconds(5), T0.plusSeconds(1)));

        assertEquals(List.of("b", "a", "c"), another().deferrals().all().stream().map(Deferral::customerCode).collect(Collectors.toList()));
        assertEquals(new Deferral("a", "{\"v\":1}", List.of("chronicle", "taegis"), T0.plusSeconds(10), T0),
                store.deferrals().get("a").orElseThrow());
        assertEquals(new Deferral("b", "{\"v\":2}", List.of("chronicle"), T0.plusSeconds(5), T0.plusSeconds(1)),
                store.deferrals().get("b").orElseThrow());
        assertEquals(List.of(), store.deferrals().get("c").orElseThrow().vendors());

        store.deferrals().remove("b");
        store.deferrals().remove("nobody");

        assertEquals(List.of("a", "c"), store.deferrals().all().stream().map(Deferral::customerCode).collect(Collectors.toList()));
        assertFalse(store.deferrals().get("b").isPresent());
    }
}
