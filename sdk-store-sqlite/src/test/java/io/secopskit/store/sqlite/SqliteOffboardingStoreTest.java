package io.secopskit.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.provisioning.Offboarding;
import io.secopskit.core.provisioning.OffboardingCapabilities;
import io.secopskit.core.provisioning.OffboardingRequest;
import io.secopskit.core.provisioning.OffboardingResult;
import io.secopskit.core.provisioning.TenantOffboarder;
import io.secopskit.core.provisioning.TenantState;
import io.secopskit.core.provisioning.VendorWrites;
import io.secopskit.core.store.Binding;
import io.secopskit.core.store.BindingTransition;
import io.secopskit.core.store.Deferral;
import io.secopskit.core.store.EvidenceEntry;
import io.secopskit.core.store.JournalEntry;
import io.secopskit.core.store.StoreCorruptedException;
import io.secopskit.testkit.MutableClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteOffboardingStoreTest {
    static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");

    @TempDir
    Path dir;
    Path file;
    SqliteProvisioningStore store;

    @BeforeEach
    void setUp() {
        file = dir.resolve("secopskit.db");
        store = SqliteProvisioningStore.open(file);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    Connection raw() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    static EvidenceEntry entry(String code, EvidenceEntry.Kind kind, String outcome) {
        return new EvidenceEntry(0, code, "run-1", T0, kind, "ops@mssp.example", "taegis", "SUSPEND", "taegis.updateTenant",
                "100001", outcome, kind == EvidenceEntry.Kind.WRITE ? "none returned" : null, Map.of("note", "n"));
    }

    @Test
    void evidence_appendsInOrder_readsBackEveryField_andIsPerCustomer() {
        EvidenceEntry a = store.offboarding().evidence().append(entry("acme", EvidenceEntry.Kind.INTENT, null));
        EvidenceEntry b = store.offboarding().evidence().append(entry("acme", EvidenceEntry.Kind.WRITE, "DONE"));
        store.offboarding().evidence().append(entry("acme-corp", EvidenceEntry.Kind.WRITE, "DONE"));

        List<EvidenceEntry> got = store.offboarding().evidence().entries("acme");

        assertEquals(List.of(a, b), got);
        assertTrue(a.sequence() < b.sequence());
        assertEquals("none returned", got.get(1).requestId());
        assertEquals(Map.of("note", "n"), got.get(1).details());
    }

    @Test
    void evidence_refusesUpdatesAndDeletesInTheDatabaseItself() throws Exception {
        store.offboarding().evidence().append(entry("acme", EvidenceEntry.Kind.WRITE, "DONE"));
        store.bindings().put(new Binding("acme", "taegis", "1", Binding.State.ACTIVE, Binding.Origin.CREATED, T0, T0));
        assertTrue(store.offboarding().transition(new BindingTransition(0, "acme", "taegis", "1", Binding.State.ACTIVE,
                Binding.State.SUSPENDED, T0, "r", Map.of()), JournalEntry.of("acme", "taegis", "r", JournalEntry.Event.ACTION_DONE, "1",
                T0, Map.of())).isPresent());

        try (Connection c = raw(); Statement s = c.createStatement()) {
            SQLException update = assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE evidence SET outcome = 'FAILED'"));
            assertTrue(update.getMessage().contains("secopskit evidence is append-only"), update.getMessage());
            SQLException delete = assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM evidence"));
            assertTrue(delete.getMessage().contains("append-only"), delete.getMessage());
            assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM binding_transition"));
            assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE binding_transition SET to_state = 'ACTIVE'"));
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM evidence")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
        }
        assertEquals("DONE", store.offboarding().evidence().entries("acme").get(0).outcome());
    }

    @Test
    void evidence_unreadableRow_namesItsEntry_andOtherCustomersStillRead() throws Exception {
        store.offboarding().evidence().append(entry("acme-corp", EvidenceEntry.Kind.WRITE, "DONE"));
        try (Connection c = raw(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO evidence (customer_code, run_id, at, kind, operator, details) VALUES"
                    + " ('acme', 'r', 0, 'NO_SUCH_KIND', 'ops', '{}')");
        }

        StoreCorruptedException e = assertThrows(StoreCorruptedException.class, () -> store.offboarding().evidence().entries("acme"));

        assertTrue(e.entry().startsWith("evidence #") && e.entry().contains("customer acme"), e.entry());
        assertEquals(1, store.offboarding().evidence().entries("acme-corp").size());
    }

    @Test
    void transition_movesTheBindingWritesTheRowAndTheJournalEntryTogether_orNothingWhenTheStateDiffers() {
        store.bindings().put(new Binding("acme", "taegis", "100001", Binding.State.ACTIVE, Binding.Origin.CREATED, T0, T0));
        JournalEntry done = JournalEntry.of("acme", "taegis", "r", JournalEntry.Event.ACTION_DONE, "100001", T0, Map.of());

        Optional<Binding> wrong = store.offboarding().transition(new BindingTransition(0, "acme", "taegis", "100001",
                Binding.State.SUSPENDED, Binding.State.REMOVED, T0, "r", Map.of()), done);
        Optional<Binding> otherTenant = store.offboarding().transition(new BindingTransition(0, "acme", "taegis", "999",
                Binding.State.ACTIVE, Binding.State.SUSPENDED, T0, "r", Map.of()), done);
        assertTrue(wrong.isEmpty());
        assertTrue(otherTenant.isEmpty());
        assertTrue(store.journal().entries("acme").isEmpty());
        assertTrue(store.offboarding().transitions("acme").isEmpty());

        Instant at = T0.plusSeconds(90);
        Binding moved = store.offboarding().transition(new BindingTransition(0, "acme", "taegis", "100001", Binding.State.ACTIVE,
                Binding.State.SUSPENDED, at, "r", Map.of("undo.environments", "echo")), done).orElseThrow();

        assertEquals(Binding.State.SUSPENDED, moved.state());
        assertEquals(at, moved.updatedAt());
        assertEquals(T0, moved.createdAt());
        assertEquals(Binding.State.SUSPENDED, store.bindings().get("acme", "taegis").orElseThrow().state());
        BindingTransition t = store.offboarding().transitions("acme").get(0);
        assertEquals(at, t.at());
        assertEquals("echo", t.details().get("undo.environments"));
        assertEquals(1, store.journal().entries("acme").size());
    }

    @Test
    void cancelDeferral_removesItAndJournalsTheCancel_evenWhenNothingWasDeferred() {
        store.deferrals().put(new Deferral("acme", "{}", List.of("chronicle"), T0.plusSeconds(3600), T0));
        JournalEntry cancelled = JournalEntry.of("acme", null, "r", JournalEntry.Event.ONBOARDING_CANCELLED, null, T0, Map.of());

        assertEquals("acme", store.offboarding().cancelDeferral("acme", cancelled).orElseThrow().customerCode());
        assertTrue(store.deferrals().get("acme").isEmpty());
        assertTrue(store.offboarding().cancelDeferral("acme", cancelled).isEmpty());
        assertEquals(2, store.journal().entries("acme").size());
    }

    @Test
    void open_aVersionOneDatabase_migratesToVersionTwoAndKeepsItsBindings() throws Exception {
        store.close();
        Path old = dir.resolve("v1.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE secopskit_schema_history (version INTEGER PRIMARY KEY, description TEXT NOT NULL,"
                    + " applied_at INTEGER NOT NULL)");
            s.execute("CREATE TABLE lease (customer_code TEXT PRIMARY KEY, fence INTEGER NOT NULL, owner TEXT NOT NULL,"
                    + " host TEXT NOT NULL, pid INTEGER NOT NULL, process_start INTEGER, acquired_at INTEGER NOT NULL,"
                    + " expires_at INTEGER NOT NULL)");
            s.execute("CREATE TABLE journal (seq INTEGER PRIMARY KEY AUTOINCREMENT, customer_code TEXT NOT NULL, vendor TEXT,"
                    + " run_id TEXT NOT NULL, event TEXT NOT NULL, tenant_id TEXT, at INTEGER NOT NULL, details TEXT NOT NULL)");
            s.execute("CREATE TABLE binding (customer_code TEXT NOT NULL, vendor TEXT NOT NULL, tenant_id TEXT NOT NULL,"
                    + " state TEXT NOT NULL, origin TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,"
                    + " PRIMARY KEY (customer_code, vendor))");
            s.execute("CREATE TABLE deferral (customer_code TEXT PRIMARY KEY, spec TEXT NOT NULL, vendors TEXT NOT NULL,"
                    + " resets_at INTEGER NOT NULL, deferred_at INTEGER NOT NULL)");
            s.execute("INSERT INTO secopskit_schema_history VALUES (1, 'leases, journal, bindings, deferrals', 0)");
            s.execute("INSERT INTO binding VALUES ('acme', 'stellar', 'abc', 'ACTIVE', 'CREATED', 0, 0)");
            s.execute("PRAGMA user_version = 1");
        }

        store = SqliteProvisioningStore.open(old);

        assertEquals(Binding.State.ACTIVE, store.bindings().get("acme", "stellar").orElseThrow().state());
        assertTrue(store.offboarding().evidence().entries("acme").isEmpty());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            rs.next();
            assertEquals(2, rs.getInt(1));
        }
    }

    @Test
    void offboarding_onTheSqliteStore_needsNoInMemoryAllowance_andItsRecordsSurviveAReopen() {
        MutableClock clock = new MutableClock(T0);
        List<String> writes = new CopyOnWriteArrayList<>();
        TenantOffboarder vendor = new TenantOffboarder() {
            @Override
            public String vendor() {
                return "stellar";
            }

            @Override
            public OffboardingCapabilities capabilities() {
                return new OffboardingCapabilities(null, null, "tenant deleted", "stellar.DeleteTenant", null);
            }

            @Override
            public String host() {
                return "stellar.example";
            }

            @Override
            public Optional<TenantState> inspect(String tenantId) {
                return writes.isEmpty() ? Optional.of(new TenantState("stellar", tenantId, "acme", null, Map.of())) : Optional.empty();
            }

            @Override
            public void remove(TenantState state, VendorWrites w) {
                w.sendDelete("stellar.DeleteTenant", state.tenantId(), () -> writes.add("delete " + state.tenantId()));
            }
        };
        store.bindings().put(new Binding("acme", "stellar", "abc", Binding.State.ACTIVE, Binding.Origin.CREATED, T0, T0));
        Offboarding off = Offboarding.builder().step(vendor).store(store).operator("ops").clock(clock).build();
        OffboardingRequest suspend = OffboardingRequest.builder("acme").reason("churn").confirmed(true).build();

        off.run(suspend);
        clock.advance(Duration.ofDays(30));
        store.close();
        store = SqliteProvisioningStore.open(file);
        OffboardingResult removed = Offboarding.builder().step(vendor).store(store).operator("ops").clock(clock).build()
                .run(OffboardingRequest.builder("acme").reason("churn").mode(OffboardingRequest.Mode.REMOVE_AFTER_GRACE).confirmed(true)
                        .build());

        assertEquals(List.of("delete abc"), writes);
        assertEquals(OffboardingResult.Outcome.DONE, removed.step("stellar").orElseThrow().outcome());
        assertEquals(List.of(Binding.State.SUSPENDED, Binding.State.REMOVED), store.offboarding().transitions("acme").stream()
                .map(BindingTransition::to).toList());
        assertEquals(T0, store.offboarding().transitions("acme").get(0).at());
        assertEquals(1, store.offboarding().evidence().entries("acme").stream().filter(e -> e.kind() == EvidenceEntry.Kind.WRITE).count());
    }
}
