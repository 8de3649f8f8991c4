package io.secopskit.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.store.Binding;
import io.secopskit.core.store.Deferral;
import io.secopskit.core.store.JournalEntry;
import io.secopskit.core.store.JournalEntry.Event;
import io.secopskit.core.store.Lease;
import io.secopskit.core.store.LeaseHolder;
import io.secopskit.core.store.StoreCorruptedException;
import io.secopskit.core.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteProvisioningStoreTest {
    static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");
    static final LeaseHolder A = new LeaseHolder("host-a", 11, T0.minusSeconds(3600), "run-a");
    static final LeaseHolder B = new LeaseHolder("host-b", 22, null, "run-b");

    @TempDir
    Path dir;
    Path file;
    SqliteProvisioningStore store;

    @BeforeEach
    void setUp() {
        file = dir.resolve("state/secopskit.db");
        store = SqliteProvisioningStore.open(file);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    Connection raw() throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    @Test
    void open_createsTheFileInWalModeAtTheLatestSchemaVersion_andRecordsTheMigration() throws Exception {
        try (Connection c = raw(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                rs.next();
                assertEquals("wal", rs.getString(1));
            }
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                rs.next();
                assertEquals(2, rs.getInt(1));
            }
            try (ResultSet rs = s.executeQuery("SELECT version, description FROM secopskit_schema_history ORDER BY version")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
                assertEquals("leases, journal, bindings, deferrals", rs.getString(2));
                rs.next();
                assertEquals(2, rs.getInt(1));
                assertEquals("offboarding: append-only evidence, binding transitions", rs.getString(2));
                assertFalse(rs.next());
            }
        }
        assertEquals("sqlite:" + file.toAbsolutePath(), store.location());
        store.close();
        store = SqliteProvisioningStore.open(file); // a second open migrates nothing
        try (Connection c = raw(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM secopskit_schema_history")) {
            rs.next();
            assertEquals(2, rs.getInt(1));
        }
    }

    @Test
    void connections_useSynchronousFull() {
        int synchronous = store.journal().entries("x").isEmpty() ? readPragmaThroughStore() : -1;
        assertEquals(2, synchronous, "2 = FULL");
    }

    private int readPragmaThroughStore() {
        // the pool's own connections carry the pragma; read it on one of them
        try {
            java.lang.reflect.Field f = SqliteProvisioningStore.class.getDeclaredField("db");
            f.setAccessible(true);
            io.secopskit.store.sqlite.internal.SqliteExecutor db = (io.secopskit.store.sqlite.internal.SqliteExecutor) f.get(store);
            return db.call("test", c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA synchronous")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void open_whenTheDatabaseIsNewerThanThisCode_refusesNamingTheVersion() throws Exception {
        store.close();
        try (Connection c = raw(); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 9");
        }

        StoreException e = assertThrows(StoreException.class, () -> SqliteProvisioningStore.open(file));

        assertTrue(e.getMessage().contains("schema version 9, newer than this SecOpsKit understands (2)"), e.getMessage());
        store = SqliteProvisioningStore.open(dir.resolve("other.db"));
    }

    @Test
    void lease_isExclusiveUntilExpiry_andEveryAcquisitionGetsAGreaterFence() {
        Lease a = store.leases().tryAcquire("acme", A, T0, Duration.ofSeconds(30), -1).orElseThrow();
        assertEquals(1, a.fence());
        assertTrue(store.leases().tryAcquire("acme", B, T0.plusSeconds(29), Duration.ofSeconds(30), -1).isEmpty());
        assertEquals(A, store.leases().current("acme").orElseThrow().holder());
        assertEquals(T0, store.leases().current("acme").orElseThrow().acquiredAt());

        Lease b = store.leases().tryAcquire("acme", B, T0.plusSeconds(30), Duration.ofSeconds(30), -1).orElseThrow();

        assertEquals(2, b.fence());
        assertTrue(store.leases().renew(a, T0.plusSeconds(31), Duration.ofSeconds(30)).isEmpty(), "the old holder lost it");
        assertEquals(B, store.leases().current("acme").orElseThrow().holder());
        assertTrue(store.leases().tryAcquire("other", A, T0, Duration.ofSeconds(30), -1).isPresent(), "customers are independent");
    }

    @Test
    void lease_renewExtends_releaseFreesButKeepsTheFence() {
        Lease a = store.leases().tryAcquire("acme", A, T0, Duration.ofSeconds(30), -1).orElseThrow();
        Lease renewed = store.leases().renew(a, T0.plusSeconds(20), Duration.ofSeconds(30)).orElseThrow();
        assertEquals(T0.plusSeconds(50), renewed.expiresAt());
        assertTrue(store.leases().tryAcquire("acme", B, T0.plusSeconds(40), Duration.ofSeconds(30), -1).isEmpty());

        store.leases().release(renewed);

        assertTrue(store.leases().current("acme").isEmpty());
        Lease b = store.leases().tryAcquire("acme", B, T0.plusSeconds(41), Duration.ofSeconds(30), -1).orElseThrow();
        assertEquals(2, b.fence());
        store.leases().release(a); // a stale release does nothing
        assertEquals(B, store.leases().current("acme").orElseThrow().holder());
    }

    @Test
    void lease_takeOverFence_takesALiveLeaseOnlyWhenTheFenceMatches() {
        Lease dead = store.leases().tryAcquire("acme", A, T0, Duration.ofHours(1), -1).orElseThrow();

        assertTrue(store.leases().tryAcquire("acme", B, T0, Duration.ofHours(1), dead.fence() + 5).isEmpty());
        Lease taken = store.leases().tryAcquire("acme", B, T0, Duration.ofHours(1), dead.fence()).orElseThrow();

        assertEquals(dead.fence() + 1, taken.fence());
        assertTrue(store.leases().tryAcquire("acme", A, T0, Duration.ofHours(1), dead.fence()).isEmpty(), "a stale takeover fails");
    }

    @Test
    void journal_appendsInOrder_survivesReopen_andNeverMixesCustomers() {
        store.journal().append(JournalEntry.of("acme", null, "r1", Event.RUN_STARTED, null, T0, Map.of("fence", "1")));
        JournalEntry created = store.journal().append(JournalEntry.of("acme", "chronicle", "r1", Event.CREATED, "acme", T0.plusMillis(5),
                Map.of(JournalEntry.DETAIL_CREDENTIALS_ISSUED, "BACKSTORY_API", JournalEntry.DETAIL_CREDENTIALS_SINK, "memory")));
        store.journal().append(JournalEntry.of("globex", "chronicle", "r2", Event.CREATED, "globex", T0, Map.of()));
        store.close();
        store = SqliteProvisioningStore.open(file);

        List<JournalEntry> entries = store.journal().entries("acme");

        assertEquals(List.of(Event.RUN_STARTED, Event.CREATED), entries.stream().map(JournalEntry::event).collect(Collectors.toList()));
        assertEquals(created, entries.get(1));
        assertTrue(entries.get(0).sequence() < entries.get(1).sequence());
        assertEquals("BACKSTORY_API", entries.get(1).detail(JournalEntry.DETAIL_CREDENTIALS_ISSUED));
    }

    @Test
    void journal_whenOneCustomersEntryIsCorrupt_namesFileAndEntry_andOtherCustomersStillRead() throws Exception {
        store.journal().append(JournalEntry.of("acme", "taegis", "r1", Event.CREATED, "t-1", T0, Map.of()));
        store.journal().append(JournalEntry.of("globex", "taegis", "r2", Event.CREATED, "t-2", T0, Map.of()));
        try (Connection c = raw(); Statement s = c.createStatement()) {
            s.execute("UPDATE journal SET details = '{\"truncat' WHERE customer_code = 'acme'");
        }

        StoreCorruptedException e = assertThrows(StoreCorruptedException.class, () -> store.journal().entries("acme"));

        assertEquals("sqlite:" + file.toAbsolutePath(), e.location());
        assertEquals("journal #1 (customer acme, vendor taegis)", e.entry());
        assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
        assertEquals("t-2", store.journal().entries("globex").get(0).tenantId());
    }

    @Test
    void record_writesBindingAndEntryInOneTransaction_andKeepsTheBindingsCreationTime() throws Exception {
        Binding first = new Binding("acme", "taegis", "t-1", Binding.State.ACTIVE, Binding.Origin.CREATED, T0, T0);
        store.record(first, JournalEntry.of("acme", "taegis", "r1", Event.CREATED, "t-1", T0, Map.of()));
        store.bindings().put(new Binding("acme", "taegis", "t-1", Binding.State.SUSPENDED, Binding.Origin.CREATED, T0.plusSeconds(9),
                T0.plusSeconds(9)));

        Binding b = store.bindings().get("acme", "taegis").orElseThrow();
        assertEquals(Binding.State.SUSPENDED, b.state());
        assertEquals(T0, b.createdAt());
        assertEquals(T0.plusSeconds(9), b.updatedAt());

        try (Connection c = raw(); Statement s = c.createStatement()) {
            s.execute("CREATE TRIGGER no_more BEFORE INSERT ON journal BEGIN SELECT RAISE(ABORT, 'disk full'); END");
        }
        Binding changed = new Binding("acme", "stellar", "s-1", Binding.State.ACTIVE, Binding.Origin.ADOPTED, T0, T0);
        assertThrows(StoreException.class, () -> store.record(changed, JournalEntry.of("acme", "stellar", "r2", Event.FOUND, "s-1", T0,
                Map.of())));
        assertTrue(store.bindings().get("acme", "stellar").isEmpty(), "the binding was rolled back with the entry");
        assertEquals(List.of("taegis"), store.bindings().forCustomer("acme").stream().map(Binding::vendor).collect(Collectors.toList()));
    }

    @Test
    void binding_withAnUnknownStateIsReportedAsCorruptNamingIt() throws Exception {
        store.bindings().put(new Binding("acme", "taegis", "t-1", Binding.State.ACTIVE, Binding.Origin.CREATED, T0, T0));
        try (Connection c = raw(); Statement s = c.createStatement()) {
            s.execute("UPDATE binding SET state = 'HALF'");
        }

        StoreCorruptedException e = assertThrows(StoreCorruptedException.class, () -> store.bindings().get("acme", "taegis"));

        assertEquals("binding (customer acme, vendor taegis)", e.entry());
    }

    @Test
    void deferrals_areOrderedByResetTime_replacedPerCustomer_andRemovable() {
        store.deferrals().put(new Deferral("b", "{\"v\":1}", List.of("chronicle"), T0.plusSeconds(20), T0));
        store.deferrals().put(new Deferral("a", "{\"v\":1}", List.of("chronicle", "taegis"), T0.plusSeconds(10), T0));
        store.deferrals().put(new Deferral("b", "{\"v\":1}", List.of("chronicle"), T0.plusSeconds(5), T0));

        assertEquals(List.of("b", "a"), store.deferrals().all().stream().map(Deferral::customerCode).collect(Collectors.toList()));
        assertEquals(List.of("chronicle", "taegis"), store.deferrals().get("a").orElseThrow().vendors());

        store.deferrals().remove("b");

        assertEquals(List.of("a"), store.deferrals().all().stream().map(Deferral::customerCode).collect(Collectors.toList()));
    }

    @Test
    void call_whenAnotherConnectionHoldsTheWriteLock_retriesThroughTheSleeperAndNeverSurfacesBusy() throws Exception {
        store.close();
        AtomicInteger sleeps = new AtomicInteger();
        try (Connection holder = raw(); Statement s = holder.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            store = SqliteProvisioningStore.builder(file).busyTimeout(Duration.ZERO).maxBusyRetries(1000).sleeper(d -> {
                if (sleeps.incrementAndGet() == 3) {
                    try {
                        s.execute("COMMIT"); // the other writer finishes while this call waits
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }).build();

            assertTrue(store.leases().tryAcquire("acme", A, T0, Duration.ofSeconds(5), -1).isPresent());
            assertEquals(3, sleeps.get(), "waited through the sleeper until the other writer committed");
        }
    }

    @Test
    void call_whenTheStoreStaysBusyBeyondTheRetryBound_failsWithAStoreExceptionNamingTheFile() throws Exception {
        try (Connection holder = raw(); Statement s = holder.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            SqliteProvisioningStore impatient = SqliteProvisioningStore.builder(file).busyTimeout(Duration.ZERO).maxBusyRetries(3)
                    .sleeper(d -> { }).build();
            try {
                StoreException e = assertThrows(StoreException.class,
                        () -> impatient.leases().tryAcquire("acme", A, T0, Duration.ofSeconds(5), -1));
                assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
                assertTrue(e.getMessage().contains("still busy after 3 retries"), e.getMessage());
            } finally {
                s.execute("ROLLBACK");
                impatient.close();
            }
        }
    }
}
