package io.secopskit.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.secopskit.core.store.Binding;
import io.secopskit.core.store.Deferral;
import io.secopskit.core.store.JournalEntry;
import io.secopskit.core.store.JournalEntry.Event;
import io.secopskit.core.store.Lease;
import io.secopskit.core.store.LeaseHolder;
import io.secopskit.core.store.StoreCorruptedException;
import io.secopskit.core.store.StoreException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The PostgreSQL store beyond the shared contract: schema and migrations, failures, corruption, races between replicas. */
class PostgresStoreTest {
    static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");
    static final Duration TTL = Duration.ofSeconds(30);
    static PgServer server;
    static DataSource admin;

    @BeforeAll
    static void startServer() {
        server = PgServer.start();
        admin = server.dataSource();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    static PostgresProvisioningStore open(String schema) {
        return PostgresProvisioningStore.builder(server.dataSource()).schema(schema).build();
    }

    static String sha256OfShippedScript() throws Exception {
        try (InputStream in = PostgresStoreTest.class.getResourceAsStream(
                "/io/secopskit/store/postgres/migrations/V1__leases_journal_bindings_deferrals_quotas.sql")) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // schema and migrations

    @Test
    void build_createsItsSchemaWithItsOwnHistoryTable_andASecondBuildAppliesNothing() throws Exception {
        String schema = PgServer.freshSchema();
        try (PostgresProvisioningStore store = open(schema)) {
            assertEquals("postgresql://127.0.0.1:" + server.port() + "/postgres (schema " + schema + ")", store.location());
            assertEquals(schema, store.schema());
        }
        assertEquals(List.of("secopskit_binding", "secopskit_deferral", "secopskit_journal", "secopskit_lease", "secopskit_quota",
                "secopskit_schema_history"), Sql.rows(admin, "SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                + schema + "' ORDER BY table_name"));
        assertEquals("1|leases, journal, bindings, deferrals, shared quotas|V1__leases_journal_bindings_deferrals_quotas.sql|"
                + sha256OfShippedScript() + "|postgres", Sql.one(admin, "SELECT version, description, script, checksum, applied_by FROM "
                + schema + ".secopskit_schema_history"));

        open(schema).close();
        PostgresQuotaStore.builder(server.dataSource()).schema(schema).build();

        assertEquals("1", Sql.one(admin, "SELECT count(*) FROM " + schema + ".secopskit_schema_history"));
    }

    @Test
    void build_whenAPartnersFlywayHistoryIsInTheDatabase_touchesNothingOutsideItsOwnSchema() {
        DataSource partner = server.database("partner_app");
        Sql.exec(partner,
                // the partner's own migrations, recorded by Flyway (its PostgreSQL history table, as Flyway creates it)
                "CREATE TABLE public.flyway_schema_history (installed_rank integer NOT NULL, version varchar(50),"
                        + " description varchar(200) NOT NULL, type varchar(20) NOT NULL, script varchar(1000) NOT NULL,"
                        + " checksum integer, installed_by varchar(100) NOT NULL, installed_on timestamp NOT NULL DEFAULT now(),"
                        + " execution_time integer NOT NULL, success boolean NOT NULL)",
                "ALTER TABLE public.flyway_schema_history ADD CONSTRAINT flyway_schema_history_pk PRIMARY KEY (installed_rank)",
                "CREATE INDEX flyway_schema_history_s_idx ON public.flyway_schema_history (success)",
                "INSERT INTO public.flyway_schema_history VALUES (1, '1', 'create customers', 'SQL', 'V1__create_customers.sql',"
                        + " -1127523651, 'partner', '2026-01-05 10:00:00', 41, true),"
                        + " (2, '2', 'add region', 'SQL', 'V2__add_region.sql', 884217345, 'partner', '2026-02-11 09:30:00', 12, true)",
                "CREATE TABLE public.customers (id bigint PRIMARY KEY, name text NOT NULL, region text)",
                "INSERT INTO public.customers VALUES (1, 'Acme', 'eu')",
                // any write to the partner's history fails the statement; every DDL command is logged with its objects
                "CREATE FUNCTION public.no_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION"
                        + " 'flyway_schema_history touched by %', TG_OP; END $$",
                "CREATE TRIGGER no_touch BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON public.flyway_schema_history"
                        + " FOR EACH STATEMENT EXECUTE FUNCTION public.no_touch()",
                "CREATE SCHEMA audit",
                "CREATE TABLE audit.ddl (command_tag text, schema_name text, object_identity text)",
                "CREATE FUNCTION audit.log_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO audit.ddl"
                        + " SELECT command_tag, schema_name, object_identity FROM pg_event_trigger_ddl_commands(); END $$",
                "CREATE EVENT TRIGGER log_ddl ON ddl_command_end EXECUTE FUNCTION audit.log_ddl()");
        List<String> historyBefore = Sql.rows(partner, "SELECT * FROM public.flyway_schema_history ORDER BY installed_rank");
        String definition = "SELECT column_name, data_type, character_maximum_length, is_nullable, column_default FROM"
                + " information_schema.columns WHERE table_schema = 'public' AND table_name = 'flyway_schema_history' ORDER BY ordinal_position";
        List<String> columnsBefore = Sql.rows(partner, definition);
        String indexes = "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname";
        List<String> indexesBefore = Sql.rows(partner, indexes);

        PostgresProvisioningStore store = PostgresProvisioningStore.open(partner); // default schema "secopskit"
        PostgresQuotaStore.open(partner);
        store.leases().tryAcquire("acme", new LeaseHolder("h", 1, null, "r"), T0, TTL, -1).orElseThrow();
        store.journal().append(JournalEntry.of("acme", null, "r", Event.RUN_STARTED, null, T0, Map.of()));

        assertEquals(historyBefore, Sql.rows(partner, "SELECT * FROM public.flyway_schema_history ORDER BY installed_rank"));
        assertEquals(columnsBefore, Sql.rows(partner, definition));
        assertEquals(indexesBefore, Sql.rows(partner, indexes));
        assertEquals(List.of("customers", "flyway_schema_history"), Sql.rows(partner,
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name"));
        assertEquals("1|Acme|eu", Sql.one(partner, "SELECT * FROM public.customers"));
        List<String> ddl = Sql.rows(partner, "SELECT command_tag || ' ' || object_identity FROM audit.ddl");
        assertTrue(ddl.contains("CREATE SCHEMA secopskit") && ddl.contains("CREATE TABLE secopskit.secopskit_schema_history"), ddl.toString());
        assertTrue(ddl.stream().allMatch(d -> d.contains(" secopskit")), "every object it created is in its schema: " + ddl);
        assertEquals("1", Sql.one(partner, "SELECT max(version) FROM secopskit.secopskit_schema_history"));
    }

    @Test
    void build_inTheSchemaThatHoldsTheFlywayHistory_addsOnlyItsPrefixedTablesAndItsOwnHistoryTable() {
        DataSource partner = server.database("partner_public");
        Sql.exec(partner, "CREATE TABLE public.flyway_schema_history (installed_rank integer PRIMARY KEY, version varchar(50),"
                        + " description varchar(200) NOT NULL, type varchar(20) NOT NULL, script varchar(1000) NOT NULL, checksum integer,"
                        + " installed_by varchar(100) NOT NULL, installed_on timestamp NOT NULL DEFAULT now(), execution_time integer NOT NULL,"
                        + " success boolean NOT NULL)",
                "INSERT INTO public.flyway_schema_history VALUES (1, '1', 'init', 'SQL', 'V1__init.sql', 77, 'partner',"
                        + " '2026-01-05 10:00:00', 5, true)");

        PostgresProvisioningStore.builder(partner).schema("public").build();

        assertEquals(List.of("1|1|init|SQL|V1__init.sql|77|partner|2026-01-05 10:00:00|5|t"),
                Sql.rows(partner, "SELECT * FROM public.flyway_schema_history"));
        assertEquals(List.of("flyway_schema_history", "secopskit_binding", "secopskit_deferral", "secopskit_journal", "secopskit_lease",
                "secopskit_quota", "secopskit_schema_history"), Sql.rows(partner,
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name"));
    }

    @Test
    void build_whenATableOfTheSameNameExists_failsNamingIt_andLeavesNothingHalfMade() {
        String schema = PgServer.freshSchema();
        Sql.exec(admin, "CREATE SCHEMA " + schema, "CREATE TABLE " + schema + ".secopskit_journal (anything text)");

        StoreException e = assertThrows(StoreException.class, () -> open(schema));

        assertTrue(e.getMessage().contains("relation \"secopskit_journal\" already exists"), e.getMessage());
        assertTrue(e.getMessage().contains("(schema " + schema + ")"), e.getMessage());
        assertEquals(List.of("secopskit_journal"), Sql.rows(admin, "SELECT table_name FROM information_schema.tables WHERE"
                + " table_schema = '" + schema + "'"), "the whole migration, history table included, was rolled back");
    }

    @Test
    void build_whenTheDatabaseHasANewerSchema_refusesNamingTheVersion() {
        String schema = PgServer.freshSchema();
        open(schema).close();
        Sql.exec(admin, "INSERT INTO " + schema + ".secopskit_schema_history (version, description, script, checksum, execution_ms)"
                + " VALUES (2, 'from the future', 'V2__x.sql', 'abc', 1)");

        StoreException e = assertThrows(StoreException.class, () -> open(schema));

        assertTrue(e.getMessage().contains("the database has schema version 2, newer than this SecOpsKit understands (1)"), e.getMessage());
    }

    @Test
    void build_whenAnAppliedScriptDiffersFromTheShippedOne_refuses() {
        String schema = PgServer.freshSchema();
        open(schema).close();
        Sql.exec(admin, "UPDATE " + schema + ".secopskit_schema_history SET checksum = 'deadbeefdeadbeef'");

        StoreException e = assertThrows(StoreException.class, () -> PostgresQuotaStore.builder(server.dataSource()).schema(schema).build());

        assertTrue(e.getMessage().contains("schema version 1 was applied from a script other than the one this SecOpsKit ships"),
                e.getMessage());
        assertTrue(e.getMessage().contains("recorded deadbeefdead"), e.getMessage());
    }

    @Test
    void build_whenSixReplicasStartTogetherOnAnEmptyDatabase_appliesTheMigrationExactlyOnce() throws Exception {
        String schema = PgServer.freshSchema();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            CyclicBarrier start = new CyclicBarrier(6);
            List<Future<PostgresProvisioningStore>> replicas = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                replicas.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return open(schema);
                }));
            }
            for (Future<PostgresProvisioningStore> f : replicas) {
                f.get(60, TimeUnit.SECONDS).close();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals("1|1", Sql.one(admin, "SELECT count(*), max(version) FROM " + schema + ".secopskit_schema_history"));
    }

    @Test
    void build_onAPooledConnection_leavesNoLockNoTransactionAndNoSettingBehind() throws Exception {
        try (HikariDataSource pool = server.pool(1)) {
            PostgresProvisioningStore store = PostgresProvisioningStore.builder(pool).schema(PgServer.freshSchema()).build();
            Lease lease = store.leases().tryAcquire("acme", new LeaseHolder("h", 1, null, "r"), T0, TTL, -1).orElseThrow();
            store.record(new Binding("acme", "taegis", "t", Binding.State.ACTIVE, Binding.Origin.CREATED, T0, T0),
                    JournalEntry.of("acme", "taegis", "r", Event.CREATED, "t", T0, Map.of()));
            store.leases().renew(lease, T0.plusSeconds(1), TTL).orElseThrow();

            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) { // the pool's only connection
                assertTrue(c.getAutoCommit());
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")) {
                    rs.next();
                    assertEquals(0, rs.getInt(1), "no advisory lock outlives the call");
                }
                try (ResultSet rs = s.executeQuery("SELECT current_setting('lock_timeout'), current_setting('search_path'),"
                        + " txid_current_if_assigned() IS NULL")) {
                    rs.next();
                    assertEquals("0", rs.getString(1));
                    assertEquals("\"$user\", public", rs.getString(2));
                    assertTrue(rs.getBoolean(3), "no open transaction");
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // failures

    @Test
    void build_whenTheDatabaseCannotBeReached_failsTypedWithoutThePassword() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"127.0.0.1"});
        ds.setPortNumbers(new int[] {closedPort});
        ds.setUser("secopskit");
        ds.setPassword("s3cr3t-db-password");

        StoreException e = assertThrows(StoreException.class, () -> PostgresProvisioningStore.open(ds));

        assertTrue(e.getMessage().contains("cannot reach the database postgresql (org.postgresql.ds.PGSimpleDataSource, schema secopskit)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("[SQLState 08001]"), e.getMessage());
        assertTrue(e.isRetryable());
        assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
        assertThrows(StoreException.class, () -> PostgresQuotaStore.open(ds));
    }

    @Test
    void location_neverCarriesTheUserOrPasswordOfTheUrl() {
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres?user=postgres&password=s3cr3t-in-url");
            pool.setMaximumPoolSize(1);
            PostgresProvisioningStore store = PostgresProvisioningStore.builder(pool).schema(PgServer.freshSchema()).build();

            assertEquals("postgresql://127.0.0.1:" + server.port() + "/postgres (schema " + store.schema() + ")", store.location());
        }
    }

    @Test
    void call_whenAStatementWaitsBeyondTheQueryTimeout_failsTypedNamingTheTimeout() throws Exception {
        String schema = PgServer.freshSchema();
        PostgresProvisioningStore store = PostgresProvisioningStore.builder(server.dataSource()).schema(schema)
                .queryTimeout(Duration.ofSeconds(1)).build();
        try (Connection locker = admin.getConnection(); Statement s = locker.createStatement()) {
            locker.setAutoCommit(false);
            s.execute("LOCK TABLE " + schema + ".secopskit_lease IN ACCESS EXCLUSIVE MODE"); // another session holds the table
            long t0 = System.nanoTime();

            StoreException e = assertThrows(StoreException.class,
                    () -> store.leases().tryAcquire("acme", new LeaseHolder("h", 1, null, "r"), T0, TTL, -1));

            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(e.getMessage().contains("cancelled after the query timeout of 1 s [SQLState 57014]"), e.getMessage());
            assertTrue(ms >= 900 && ms < 10_000, ms + " ms");
            locker.rollback();
        }
        assertTrue(store.leases().tryAcquire("acme", new LeaseHolder("h", 1, null, "r"), T0, TTL, -1).isPresent());
    }

    @Test
    void calls_afterClose_failTypedWithoutTouchingTheDatabase() {
        CountingDataSource counting = new CountingDataSource(server.dataSource());
        PostgresProvisioningStore store = PostgresProvisioningStore.builder(counting).schema(PgServer.freshSchema()).build();
        store.close();
        int before = counting.connections.get();

        StoreException e = assertThrows(StoreException.class, () -> store.journal().entries("acme"));
        assertThrows(StoreException.class, () -> store.quotas().tryAcquire("k", 1, Duration.ofDays(1), T0));

        assertTrue(e.getMessage().contains("is closed"), e.getMessage());
        assertEquals(before, counting.connections.get());
    }

    @Test
    void badInput_failsNamingTheFieldAndTheRule_beforeAnyConnection() {
        CountingDataSource counting = new CountingDataSource(server.dataSource());
        PostgresProvisioningStore store = PostgresProvisioningStore.builder(counting).schema(PgServer.freshSchema()).build();
        PostgresQuotaStore quotas = store.quotas();
        LeaseHolder h = new LeaseHolder("h", 1, null, "r");
        int before = counting.connections.get();

        assertMessage("customerCode must not contain a NUL character (PostgreSQL text cannot hold one)",
                () -> store.leases().tryAcquire("ac\0me", h, T0, TTL, -1));
        assertMessage("customerCode must be at most 512 characters: 513", () -> store.journal().entries("x".repeat(513)));
        assertMessage("customerCode must not be blank", () -> store.bindings().forCustomer(" "));
        assertMessage("entry.details[note] must not contain a NUL character (PostgreSQL text cannot hold one)",
                () -> store.journal().append(JournalEntry.of("acme", null, "r", Event.FAILED, null, T0, Map.of("note", "a\0b"))));
        assertMessage("ttl must be positive: PT0S", () -> store.leases().tryAcquire("acme", h, T0, Duration.ZERO, -1));
        assertMessage("now + ttl must lie between years 1 and 9999: +10000-01-01T00:00:20Z",
                () -> store.leases().tryAcquire("acme", h, Instant.parse("9999-12-31T23:59:50Z"), TTL, -1));
        assertMessage("now must lie between years 1 and 9999: -1000000000-01-01T00:00:00Z",
                () -> quotas.tryAcquire("k", 1, Duration.ofDays(1), Instant.MIN));
        assertMessage("deferral.vendors[] must not be blank",
                () -> store.deferrals().put(new Deferral("acme", "{}", List.of(""), T0, T0)));
        assertMessage("limit must be at least 1: 0", () -> quotas.tryAcquire("k", 0, Duration.ofDays(1), T0));
        assertMessage("window must be positive: PT-1S", () -> quotas.tryAcquire("k", 1, Duration.ofSeconds(-1), T0));
        assertMessage("key must not be blank", () -> quotas.oldestSend("", Duration.ofDays(1), T0));
        assertThrows(NullPointerException.class, () -> store.bindings().get("acme", null), "vendor");
        assertEquals(before, counting.connections.get(), "nothing reached the database");

        for (String bad : List.of("Public", "1abc", "pg_temp", "a;drop", "a b", "x".repeat(64), "")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PostgresProvisioningStore.builder(counting)
                    .schema(bad));
            assertTrue(e.getMessage().startsWith("schema must"), e.getMessage());
        }
        assertMessage("queryTimeout must be at least 1 second: PT0.5S",
                () -> PostgresQuotaStore.builder(counting).queryTimeout(Duration.ofMillis(500)));
        assertEquals(before, counting.connections.get());
    }

    static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(expected, e.getMessage());
    }

    // ---------------------------------------------------------------------------------------------------------
    // corruption and atomicity

    @Test
    void journal_whenOneCustomersEntryIsUnreadable_namesTheDatabaseAndTheEntry_andOtherCustomersStillRead() {
        String schema = PgServer.freshSchema();
        PostgresProvisioningStore store = open(schema);
        JournalEntry bad = store.journal().append(JournalEntry.of("acme", "taegis", "r1", Event.CREATED, "t-1", T0, Map.of()));
        store.journal().append(JournalEntry.of("globex", "taegis", "r2", Event.CREATED, "t-2", T0, Map.of()));
        JournalEntry nested = store.journal().append(JournalEntry.of("initech", null, "r3", Event.RUN_STARTED, null, T0, Map.of()));
        Sql.exec(admin, "UPDATE " + schema + ".secopskit_journal SET event = 'HALF_WRITTEN' WHERE seq = " + bad.sequence(),
                "UPDATE " + schema + ".secopskit_journal SET details = '{\"fence\": {\"nested\": 1}}' WHERE seq = " + nested.sequence());

        StoreCorruptedException e = assertThrows(StoreCorruptedException.class, () -> store.journal().entries("acme"));
        StoreCorruptedException n = assertThrows(StoreCorruptedException.class, () -> store.journal().entries("initech"));

        assertEquals(store.location(), e.location());
        assertEquals("journal #" + bad.sequence() + " (customer acme, vendor taegis)", e.entry());
        assertEquals("journal #" + nested.sequence() + " (customer initech)", n.entry());
        assertEquals("t-2", store.journal().entries("globex").get(0).tenantId());
    }

    @Test
    void binding_withAStateThisVersionDoesNotKnow_isReportedUnreadableNamingIt() {
        String schema = PgServer.freshSchema();
        PostgresProvisioningStore store = open(schema);
        store.bindings().put(new Binding("acme", "taegis", "t-1", Binding.State.ACTIVE, Binding.Origin.CREATED, T0, T0));
        Sql.exec(admin, "UPDATE " + schema + ".secopskit_binding SET state = 'ARCHIVED'");

        StoreCorruptedException e = assertThrows(StoreCorruptedException.class, () -> store.bindings().forCustomer("acme"));

        assertEquals("binding (customer acme, vendor taegis)", e.entry());
    }

    @Test
    void record_whenTheJournalInsertFails_writesNeitherTheBindingNorTheEntry() {
        String schema = PgServer.freshSchema();
        PostgresProvisioningStore store = open(schema);
        Sql.exec(admin, "CREATE FUNCTION " + schema + ".disk_full() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                        + " RAISE EXCEPTION 'disk full' USING ERRCODE = '53100'; END $$",
                "CREATE TRIGGER disk_full BEFORE INSERT ON " + schema + ".secopskit_journal FOR EACH ROW EXECUTE FUNCTION "
                        + schema + ".disk_full()");
        Binding binding = new Binding("acme", "stellar", "s-1", Binding.State.ACTIVE, Binding.Origin.ADOPTED, T0, T0);

        StoreException e = assertThrows(StoreException.class,
                () -> store.record(binding, JournalEntry.of("acme", "stellar", "r", Event.FOUND, "s-1", T0, Map.of())));

        assertTrue(e.getMessage().contains("ERROR: disk full") && e.getMessage().contains("[SQLState 53100]"), e.getMessage());
        assertEquals("record", e.operation());
        assertTrue(store.bindings().get("acme", "stellar").isEmpty(), "the binding went with the failed entry");
        assertEquals("0", Sql.one(admin, "SELECT count(*) FROM " + schema + ".secopskit_journal"));
    }

    @Test
    void journal_keepsTimesToTheMicrosecond_andSaysSo() {
        PostgresProvisioningStore store = open(PgServer.freshSchema());
        Instant precise = T0.plusNanos(123_456_789);

        JournalEntry stored = store.journal().append(JournalEntry.of("acme", null, "r", Event.RUN_STARTED, null, precise, Map.of()));

        assertEquals(T0.plusNanos(123_456_000), stored.at());
        assertEquals(List.of(stored), store.journal().entries("acme"));
    }

    // ---------------------------------------------------------------------------------------------------------
    // races between replicas (each its own data source and store)

    @Test
    void lease_whenTheHolderRenewsAsAnotherReplicaTakesTheExpiringLease_exactlyOneOfThemHoldsIt() throws Exception {
        String schema = PgServer.freshSchema();
        PostgresProvisioningStore holderSide = open(schema);
        PostgresProvisioningStore takerSide = open(schema);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            int holderWon = 0;
            for (int r = 0; r < 20; r++) {
                int round = r;
                String code = "customer-" + round;
                Lease held = holderSide.leases().tryAcquire(code, new LeaseHolder("a", 1, null, "a-" + round), T0, TTL, -1).orElseThrow();
                CyclicBarrier start = new CyclicBarrier(2);
                // the holder renews 1 ms before expiry while the other replica's clock says 1 ms after it
                Future<Optional<Lease>> renew = pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return holderSide.leases().renew(held, T0.plus(TTL).minusMillis(1), TTL);
                });
                Future<Optional<Lease>> take = pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return takerSide.leases().tryAcquire(code, new LeaseHolder("b", 2, null, "b-" + round), T0.plus(TTL).plusMillis(1), TTL, -1);
                });
                boolean renewed = renew.get(30, TimeUnit.SECONDS).isPresent();
                Optional<Lease> taken = take.get(30, TimeUnit.SECONDS);
                assertTrue(renewed ^ taken.isPresent(), "round " + round + ": renewed " + renewed + ", taken " + taken);
                Lease current = holderSide.leases().current(code).orElseThrow();
                assertEquals(renewed ? 1 : 2, current.fence());
                assertEquals(renewed ? "a-" + round : "b-" + round, current.holder().owner());
                holderWon += renewed ? 1 : 0;
            }
            System.out.println("renew vs takeover: holder kept the lease in " + holderWon + " of 20 rounds");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void journal_whenEightReplicasAppendForOneCustomerAtOnce_losesNothing_andGivesEachEntryItsOwnSequence() throws Exception {
        String schema = PgServer.freshSchema();
        int replicas = 8;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(replicas);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<JournalEntry>>> results = new ArrayList<>();
            for (int r = 0; r < replicas; r++) {
                PostgresProvisioningStore replica = open(schema);
                String runId = "replica-" + r;
                results.add(pool.submit(() -> {
                    go.await();
                    List<JournalEntry> mine = new ArrayList<>();
                        for (int i = 0; i < each; i++) {
                        mine.add(replica.journal().append(JournalEntry.of("acme", "taegis", runId, Event.CREATE_STARTED, null, T0.plusMillis(i),
                                Map.of("i", Integer.toString(i)))));
                    }
                    return mine;
                }));
            }
            go.countDown();
            Set<Long> sequences = new HashSet<>();
            for (Future<List<JournalEntry>> f : results) {
                List<JournalEntry> mine = f.get(60, TimeUnit.SECONDS);
                for (int i = 1; i < mine.size(); i++) {
                    assertTrue(mine.get(i - 1).sequence() < mine.get(i).sequence(), "one replica's entries in its order");
                }
                mine.forEach(e -> sequences.add(e.sequence()));
            }
            List<JournalEntry> all = open(schema).journal().entries("acme");
            assertEquals(replicas * each, all.size());
            assertEquals(replicas * each, sequences.size());
            assertEquals(sequences, all.stream().map(JournalEntry::sequence).collect(Collectors.toSet()));
            for (int r = 0; r < replicas; r++) {
                String runId = "replica-" + r;
                assertEquals(each, all.stream().filter(e -> e.runId().equals(runId)).map(e -> e.detail("i")).distinct().count(), runId);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void quota_whenFourReplicasRaceForTheLastPermit_exactlyOneGetsIt() throws Exception {
        String schema = PgServer.freshSchema();
        List<PostgresQuotaStore> replicas = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            replicas.add(PostgresQuotaStore.builder(server.dataSource()).schema(schema).build());
        }
        for (int i = 0; i < 29; i++) {
            assertTrue(replicas.get(i % 4).tryAcquire("chronicle.CreateCustomer", 30, Duration.ofDays(1), T0.plusSeconds(i)).granted());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CyclicBarrier start = new CyclicBarrier(4);
            List<Future<Boolean>> results = new ArrayList<>();
            for (PostgresQuotaStore q : replicas) {
                results.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return q.tryAcquire("chronicle.CreateCustomer", 30, Duration.ofDays(1), T0.plusSeconds(100)).granted();
                }));
            }
            int granted = 0;
            for (Future<Boolean> f : results) {
                granted += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(1, granted);
            assertEquals("30|t", Sql.one(admin, "SELECT cardinality(sends), sends[1] = '" + T0 + "' FROM " + schema
                    + ".secopskit_quota WHERE quota_key = 'chronicle.CreateCustomer'"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void quota_whenTheApplicationsConnectionsDefaultToSerializable_retriesTheRolledBackStatements_andStillGrantsExactlyTheLimit()
            throws Exception {
        String schema = PgServer.freshSchema();
        List<PostgresQuotaStore> replicas = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            PGSimpleDataSource serializable = (PGSimpleDataSource) server.dataSource();
            serializable.setOptions("-c default_transaction_isolation=serializable");
            replicas.add(PostgresQuotaStore.builder(serializable).schema(schema).build());
        }
        replicas.get(0).tryAcquire("k", 10, Duration.ofDays(1), T0); // the key's row exists: callers now update it
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            CyclicBarrier start = new CyclicBarrier(6);
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                PostgresQuotaStore q = replicas.get(t % 2);
                int thread = t;
                results.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    int granted = 0;
                    for (int i = 0; i < 5; i++) {
                        granted += q.tryAcquire("k", 10, Duration.ofDays(1), T0.plusSeconds(thread * 10L + i)).granted() ? 1 : 0;
                    }
                    return granted;
                }));
            }
            int granted = 0;
            for (Future<Integer> f : results) {
                granted += f.get(60, TimeUnit.SECONDS); // a StoreException here would mean a 40001 reached the caller
            }
            assertEquals(9, granted, "10 in the window, one taken before the race");
            assertEquals("serializable", Sql.one(serializableProbe(), "SHOW transaction_isolation"), "the data sources really were serializable");
        } finally {
            pool.shutdownNow();
        }
    }

    static DataSource serializableProbe() {
        PGSimpleDataSource ds = (PGSimpleDataSource) server.dataSource();
        ds.setOptions("-c default_transaction_isolation=serializable");
        return ds;
    }

    @Test
    void location_dropsUserPasswordAndParametersFromAnyUrl() {
        assertEquals("postgresql://db.internal:5432/secops", io.secopskit.store.postgres.internal.Database.sanitize(
                "jdbc:postgresql://admin:s3cr3t@db.internal:5432/secops?password=other&ssl=true"));
        assertEquals("postgresql://a:1,b:2/x", io.secopskit.store.postgres.internal.Database.sanitize("jdbc:postgresql://a:1,b:2/x"));
        assertEquals("postgresql", io.secopskit.store.postgres.internal.Database.sanitize(null));
    }

    /** Counts the connections a store asks for. */
    static final class CountingDataSource implements DataSource {
        final DataSource inner;
        final AtomicInteger connections = new AtomicInteger();

        CountingDataSource(DataSource inner) {
            this.inner = inner;
        }

        @Override
        public Connection getConnection() throws SQLException {
            connections.incrementAndGet();
            return inner.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            connections.incrementAndGet();
            return inner.getConnection(user, password);
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return inner.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            inner.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            inner.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return inner.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return inner.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return inner.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return inner.isWrapperFor(iface);
        }
    }
}
