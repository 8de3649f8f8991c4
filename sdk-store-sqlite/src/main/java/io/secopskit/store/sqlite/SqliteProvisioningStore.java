package io.secopskit.store.sqlite;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.secopskit.core.Beta;
import io.secopskit.core.http.Sleeper;
import io.secopskit.core.store.Binding;
import io.secopskit.core.store.BindingTransition;
import io.secopskit.core.store.BindingStore;
import io.secopskit.core.store.Deferral;
import io.secopskit.core.store.DeferralStore;
import io.secopskit.core.store.EvidenceEntry;
import io.secopskit.core.store.EvidenceStore;
import io.secopskit.core.store.JournalEntry;
import io.secopskit.core.store.JournalStore;
import io.secopskit.core.store.Lease;
import io.secopskit.core.store.LeaseHolder;
import io.secopskit.core.store.LeaseStore;
import io.secopskit.core.store.OffboardingStore;
import io.secopskit.core.store.ProvisioningStore;
import io.secopskit.core.store.StoreCorruptedException;
import io.secopskit.core.store.StoreException;
import io.secopskit.store.sqlite.internal.Schema;
import io.secopskit.store.sqlite.internal.SqliteExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link ProvisioningStore} in one SQLite database file (xerial sqlite-jdbc): durable on one machine and
 * shared by every process there that opens the same file. The embedded default of the examples and the demo.
 *
 * <ul>
 *   <li>WAL journal mode with {@code synchronous=FULL}: a write is on disk when the call returns. WAL needs a
 *       local file system (not NFS or SMB: its shared-memory index must be mapped by every process).</li>
 *   <li>A customer lease is taken in one statement,
 *       {@code INSERT … ON CONFLICT DO UPDATE … WHERE expires_at <= ? OR fence = ? RETURNING fence}, in auto-commit
 *       mode: no read-then-write transaction (which SQLite would fail with {@code SQLITE_BUSY_SNAPSHOT}) and no
 *       write lock kept after commit. The fence grows by one with every acquisition.</li>
 *   <li>Binding plus journal entry are written in one {@code BEGIN IMMEDIATE} transaction; so are a binding's state
 *       change, its transition row and its journal entry (offboarding).</li>
 *   <li>Offboarding evidence and binding transitions are append-only in the database itself: triggers abort any
 *       {@code UPDATE} or {@code DELETE} of their rows.</li>
 *   <li>Store calls run on a small pool of platform threads (each with its own connection), so SQLite's native
 *       busy wait never holds a virtual thread's carrier; a still-busy statement is retried through the sleeper,
 *       and only a {@link StoreException} ever reaches the caller.</li>
 *   <li>The schema is versioned with {@code PRAGMA user_version} and migrated on open (history in
 *       {@code secopskit_schema_history}); a database from a newer SecOpsKit is refused.</li>
 * </ul>
 * sqlite-jdbc unpacks its native library into {@code org.sqlite.tmpdir} (default {@code java.io.tmpdir}); on
 * JDK 24+ run with {@code --enable-native-access=ALL-UNNAMED} to avoid the native-access warning. Close the store
 * when done. Thread-safe.
 */
@Beta
public final class SqliteProvisioningStore implements ProvisioningStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> DETAILS = new TypeReference<>() {
    };

    private final Path file;
    private final String location;
    private final SqliteExecutor db;

    private SqliteProvisioningStore(Builder b) {
        this.file = b.file.toAbsolutePath().normalize();
        this.location = "sqlite:" + file;
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException("open", "cannot create the directory of " + file + ": " + e.getMessage(), e);
        }
        this.db = new SqliteExecutor("jdbc:sqlite:" + file, location, b.threads, b.busyTimeout, b.maxBusyRetries, b.sleeper);
        try {
            db.call("schema.migrate", c -> Schema.migrate(c, System.currentTimeMillis()));
        } catch (IllegalStateException e) {
            db.close();
            throw new StoreException("schema.migrate", location + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Opens (creating when missing) the store in a database file, with the default settings.
     *
     * @param file the database file; its directory is created when missing
     * @return the store; close it when done
     * @throws StoreException if the file cannot be opened or its schema is newer than this SecOpsKit
     */
    public static SqliteProvisioningStore open(Path file) {
        return builder(file).build();
    }

    /**
     * Starts a builder.
     *
     * @param file the database file
     * @return a builder
     */
    public static Builder builder(Path file) {
        return new Builder(file);
    }

    /** Returns the database file. */
    public Path file() {
        return file;
    }

    /**
     * Returns how many store calls are queued or running (diagnostics).
     *
     * @return the count
     */
    public int callsInFlight() {
        return db.inFlight();
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public void close() {
        db.close();
    }

    // ---------------------------------------------------------------------------------------------------------

    private final LeaseStore leases = new LeaseStore() {
        @Override
        public Optional<Lease> tryAcquire(String customerCode, LeaseHolder holder, Instant now, Duration ttl, long takeOverFence) {
            long at = now.toEpochMilli();
            long expires = now.plus(ttl).toEpochMilli();
            return db.call("lease.acquire", c -> {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO lease (customer_code, fence, owner, host, pid,"
                        + " process_start, acquired_at, expires_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (customer_code) DO UPDATE SET fence = lease.fence + 1, owner = excluded.owner,"
                        + " host = excluded.host, pid = excluded.pid, process_start = excluded.process_start,"
                        + " acquired_at = excluded.acquired_at, expires_at = excluded.expires_at"
                        + " WHERE lease.expires_at <= ? OR lease.fence = ? RETURNING fence")) {
                    s.setString(1, customerCode);
                    s.setString(2, holder.owner());
                    s.setString(3, holder.host());
                    s.setLong(4, holder.pid());
                    if (holder.processStart() == null) {
                        s.setNull(5, Types.BIGINT);
                    } else {
                        s.setLong(5, holder.processStart().toEpochMilli());
                    }
                    s.setLong(6, at);
                    s.setLong(7, expires);
                    s.setLong(8, at);
                    s.setLong(9, takeOverFence);
                    try (ResultSet rs = s.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.empty();
                        }
                        long fence = rs.getLong(1);
                        return Optional.of(new Lease(customerCode, fence, holder, Instant.ofEpochMilli(at), Instant.ofEpochMilli(expires)));
                    }
                }
            });
        }

        @Override
        public Optional<Lease> current(String customerCode) {
            return db.call("lease.current", c -> {
                try (PreparedStatement s = c.prepareStatement("SELECT fence, owner, host, pid, process_start, acquired_at, expires_at"
                        + " FROM lease WHERE customer_code = ? AND expires_at > 0")) {
                    s.setString(1, customerCode);
                    try (ResultSet rs = s.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.empty();
                        }
                        long start = rs.getLong(5);
                        Instant processStart = rs.wasNull() ? null : Instant.ofEpochMilli(start);
                        LeaseHolder h = new LeaseHolder(rs.getString(3), rs.getLong(4), processStart, rs.getString(2));
                        return Optional.of(new Lease(customerCode, rs.getLong(1), h, Instant.ofEpochMilli(rs.getLong(6)),
                                Instant.ofEpochMilli(rs.getLong(7))));
                    }
                }
            });
        }

        @Override
        public Optional<Lease> renew(Lease lease, Instant now, Duration ttl) {
            long expires = now.plus(ttl).toEpochMilli();
            int updated = db.call("lease.renew", c -> {
                try (PreparedStatement s = c.prepareStatement("UPDATE lease SET expires_at = ? WHERE customer_code = ? AND fence = ?"
                        + " AND owner = ? AND expires_at > ?")) {
                    s.setLong(1, expires);
                    s.setString(2, lease.customerCode());
                    s.setLong(3, lease.fence());
                    s.setString(4, lease.holder().owner());
                    s.setLong(5, now.toEpochMilli());
                    return s.executeUpdate();
                }
            });
            return updated == 1 ? Optional.of(new Lease(lease.customerCode(), lease.fence(), lease.holder(), lease.acquiredAt(),
                    Instant.ofEpochMilli(expires))) : Optional.empty();
        }

        @Override
        public void release(Lease lease) {
            db.call("lease.release", c -> {
                try (PreparedStatement s = c.prepareStatement("UPDATE lease SET expires_at = 0 WHERE customer_code = ? AND fence = ?")) {
                    s.setString(1, lease.customerCode());
                    s.setLong(2, lease.fence());
                    return s.executeUpdate();
                }
            });
        }
    };

    private final JournalStore journal = new JournalStore() {
        @Override
        public JournalEntry append(JournalEntry entry) {
            return db.call("journal.append", c -> insertEntry(c, entry));
        }

        @Override
        public List<JournalEntry> entries(String customerCode) {
            return db.call("journal.entries", c -> {
                List<JournalEntry> out = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement("SELECT seq, vendor, run_id, event, tenant_id, at, details FROM journal"
                        + " WHERE customer_code = ? ORDER BY seq")) {
                    s.setString(1, customerCode);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            out.add(readEntry(customerCode, rs));
                        }
                    }
                }
                return out;
            });
        }
    };

    private JournalEntry readEntry(String customerCode, ResultSet rs) throws SQLException {
        long seq = rs.getLong(1);
        String vendor = rs.getString(2);
        String entryName = "journal #" + seq + " (customer " + customerCode + (vendor == null ? "" : ", vendor " + vendor) + ")";
        try {
            JournalEntry.Event event = JournalEntry.Event.valueOf(rs.getString(4));
            String details = rs.getString(7);
            Map<String, String> map = JSON.readValue(details, DETAILS);
            return new JournalEntry(seq, customerCode, vendor, rs.getString(3), event, rs.getString(5),
                    Instant.ofEpochMilli(rs.getLong(6)), map);
        } catch (IOException | RuntimeException e) {
            throw new StoreCorruptedException(location, entryName, e);
        }
    }

    private static JournalEntry insertEntry(Connection c, JournalEntry e) throws SQLException {
        String details;
        try {
            details = JSON.writeValueAsString(new TreeMap<>(e.details()));
        } catch (IOException ex) {
            throw new SQLException("cannot encode journal details", ex);
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO journal (customer_code, vendor, run_id, event, tenant_id, at,"
                + " details) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING seq")) {
            s.setString(1, e.customerCode());
            s.setString(2, e.vendor());
            s.setString(3, e.runId());
            s.setString(4, e.event().name());
            s.setString(5, e.tenantId());
            s.setLong(6, e.at().toEpochMilli());
            s.setString(7, details);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new JournalEntry(rs.getLong(1), e.customerCode(), e.vendor(), e.runId(), e.event(), e.tenantId(),
                        Instant.ofEpochMilli(e.at().toEpochMilli()), e.details());
            }
        }
    }

    private final BindingStore bindings = new BindingStore() {
        @Override
        public Optional<Binding> get(String customerCode, String vendor) {
            return db.call("binding.get", c -> {
                try (PreparedStatement s = c.prepareStatement("SELECT vendor, tenant_id, state, origin, created_at, updated_at"
                        + " FROM binding WHERE customer_code = ? AND vendor = ?")) {
                    s.setString(1, customerCode);
                    s.setString(2, vendor);
                    try (ResultSet rs = s.executeQuery()) {
                        return rs.next() ? Optional.of(readBinding(customerCode, rs)) : Optional.empty();
                    }
                }
            });
        }

        @Override
        public List<Binding> forCustomer(String customerCode) {
            return db.call("binding.list", c -> {
                List<Binding> out = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement("SELECT vendor, tenant_id, state, origin, created_at, updated_at"
                        + " FROM binding WHERE customer_code = ? ORDER BY vendor")) {
                    s.setString(1, customerCode);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            out.add(readBinding(customerCode, rs));
                        }
                    }
                }
                return out;
            });
        }

        @Override
        public void put(Binding binding) {
            db.call("binding.put", c -> upsertBinding(c, binding));
        }
    };

    private Binding readBinding(String customerCode, ResultSet rs) throws SQLException {
        String vendor = rs.getString(1);
        try {
            return new Binding(customerCode, vendor, rs.getString(2), Binding.State.valueOf(rs.getString(3)),
                    Binding.Origin.valueOf(rs.getString(4)), Instant.ofEpochMilli(rs.getLong(5)), Instant.ofEpochMilli(rs.getLong(6)));
        } catch (RuntimeException e) {
            throw new StoreCorruptedException(location, "binding (customer " + customerCode + ", vendor " + vendor + ")", e);
        }
    }

    private static int upsertBinding(Connection c, Binding b) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO binding (customer_code, vendor, tenant_id, state, origin,"
                + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (customer_code, vendor) DO UPDATE SET"
                + " tenant_id = excluded.tenant_id, state = excluded.state, origin = excluded.origin, updated_at = excluded.updated_at")) {
            s.setString(1, b.customerCode());
            s.setString(2, b.vendor());
            s.setString(3, b.tenantId());
            s.setString(4, b.state().name());
            s.setString(5, b.origin().name());
            s.setLong(6, b.createdAt().toEpochMilli());
            s.setLong(7, b.updatedAt().toEpochMilli());
            return s.executeUpdate();
        }
    }

    private final DeferralStore deferrals = new DeferralStore() {
        @Override
        public void put(Deferral d) {
            db.call("deferral.put", c -> {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO deferral (customer_code, spec, vendors, resets_at,"
                        + " deferred_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (customer_code) DO UPDATE SET spec = excluded.spec,"
                        + " vendors = excluded.vendors, resets_at = excluded.resets_at, deferred_at = excluded.deferred_at")) {
                    s.setString(1, d.customerCode());
                    s.setString(2, d.spec());
                    s.setString(3, String.join(",", d.vendors()));
                    s.setLong(4, d.resetsAt().toEpochMilli());
                    s.setLong(5, d.deferredAt().toEpochMilli());
                    return s.executeUpdate();
                }
            });
        }

        @Override
        public Optional<Deferral> get(String customerCode) {
            return db.call("deferral.get", c -> {
                try (PreparedStatement s = c.prepareStatement("SELECT customer_code, spec, vendors, resets_at, deferred_at FROM deferral"
                        + " WHERE customer_code = ?")) {
                    s.setString(1, customerCode);
                    try (ResultSet rs = s.executeQuery()) {
                        return rs.next() ? Optional.of(readDeferral(rs)) : Optional.empty();
                    }
                }
            });
        }

        @Override
        public List<Deferral> all() {
            return db.call("deferral.list", c -> {
                List<Deferral> out = new ArrayList<>();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT customer_code, spec, vendors, resets_at,"
                        + " deferred_at FROM deferral ORDER BY resets_at, customer_code")) {
                    while (rs.next()) {
                        out.add(readDeferral(rs));
                    }
                }
                return out;
            });
        }

        @Override
        public void remove(String customerCode) {
            db.call("deferral.remove", c -> {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM deferral WHERE customer_code = ?")) {
                    s.setString(1, customerCode);
                    return s.executeUpdate();
                }
            });
        }
    };

    private static Deferral readDeferral(ResultSet rs) throws SQLException {
        String vendors = rs.getString(3);
        return new Deferral(rs.getString(1), rs.getString(2), vendors.isEmpty() ? List.of() : Arrays.asList(vendors.split(",")),
                Instant.ofEpochMilli(rs.getLong(4)), Instant.ofEpochMilli(rs.getLong(5)));
    }

    @Override
    public LeaseStore leases() {
        return leases;
    }

    @Override
    public JournalStore journal() {
        return journal;
    }

    @Override
    public BindingStore bindings() {
        return bindings;
    }

    @Override
    public DeferralStore deferrals() {
        return deferrals;
    }

    /** Writes the binding and appends the entry in one {@code BEGIN IMMEDIATE} transaction. */
    @Override
    public JournalEntry record(Binding binding, JournalEntry entry) {
        return db.call("record", c -> {
            try (Statement s = c.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
                boolean committed = false;
                try {
                    upsertBinding(c, binding);
                    JournalEntry stored = insertEntry(c, entry);
                    s.execute("COMMIT");
                    committed = true;
                    return stored;
                } finally {
                    if (!committed) {
                        try {
                            s.execute("ROLLBACK");
                        } catch (SQLException ignored) {
                            // the transaction was not open (BEGIN failed); nothing to undo
                        }
                    }
                }
            }
        });
    }

    // ---------------------------------------------------------------------------------------------------------
    // offboarding (schema version 2)

    private final EvidenceStore evidence = new EvidenceStore() {
        @Override
        public EvidenceEntry append(EvidenceEntry e) {
            String details = json(e.details());
            return db.call("evidence.append", c -> {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO evidence (customer_code, run_id, at, kind, operator, vendor,"
                        + " action, operation, target, outcome, request_id, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " RETURNING seq")) {
                    s.setString(1, e.customerCode());
                    s.setString(2, e.runId());
                    s.setLong(3, e.at().toEpochMilli());
                    s.setString(4, e.kind().name());
                    s.setString(5, e.operator());
                    s.setString(6, e.vendor());
                    s.setString(7, e.action());
                    s.setString(8, e.operation());
                    s.setString(9, e.target());
                    s.setString(10, e.outcome());
                    s.setString(11, e.requestId());
                    s.setString(12, details);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        return new EvidenceEntry(rs.getLong(1), e.customerCode(), e.runId(), Instant.ofEpochMilli(e.at().toEpochMilli()),
                                e.kind(), e.operator(), e.vendor(), e.action(), e.operation(), e.target(), e.outcome(), e.requestId(),
                                e.details());
                    }
                }
            });
        }

        @Override
        public List<EvidenceEntry> entries(String customerCode) {
            return db.call("evidence.entries", c -> {
                List<EvidenceEntry> out = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement("SELECT seq, run_id, at, kind, operator, vendor, action, operation,"
                        + " target, outcome, request_id, details FROM evidence WHERE customer_code = ? ORDER BY seq")) {
                    s.setString(1, customerCode);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            long seq = rs.getLong(1);
                            try {
                                out.add(new EvidenceEntry(seq, customerCode, rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                                        EvidenceEntry.Kind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                                        rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                                        JSON.readValue(rs.getString(12), DETAILS)));
                            } catch (IOException | RuntimeException ex) {
                                throw new StoreCorruptedException(location, "evidence #" + seq + " (customer " + customerCode + ")", ex);
                            }
                        }
                    }
                }
                return out;
            });
        }
    };

    private final OffboardingStore offboarding = new OffboardingStore() {
        @Override
        public EvidenceStore evidence() {
            return evidence;
        }

        @Override
        public Optional<Binding> transition(BindingTransition t, JournalEntry entry) {
            String details = json(t.details());
            return db.call("binding.transition", c -> inTransaction(c, () -> {
                try (PreparedStatement u = c.prepareStatement("UPDATE binding SET state = ?, updated_at = ? WHERE customer_code = ?"
                        + " AND vendor = ? AND state = ? AND tenant_id = ?")) {
                    u.setString(1, t.to().name());
                    u.setLong(2, t.at().toEpochMilli());
                    u.setString(3, t.customerCode());
                    u.setString(4, t.vendor());
                    u.setString(5, t.from().name());
                    u.setString(6, t.tenantId());
                    if (u.executeUpdate() != 1) {
                        return Optional.<Binding>empty();
                    }
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO binding_transition (customer_code, vendor, tenant_id,"
                        + " from_state, to_state, at, run_id, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    s.setString(1, t.customerCode());
                    s.setString(2, t.vendor());
                    s.setString(3, t.tenantId());
                    s.setString(4, t.from().name());
                    s.setString(5, t.to().name());
                    s.setLong(6, t.at().toEpochMilli());
                    s.setString(7, t.runId());
                    s.setString(8, details);
                    s.executeUpdate();
                }
                insertEntry(c, entry);
                try (PreparedStatement s = c.prepareStatement("SELECT vendor, tenant_id, state, origin, created_at, updated_at"
                        + " FROM binding WHERE customer_code = ? AND vendor = ?")) {
                    s.setString(1, t.customerCode());
                    s.setString(2, t.vendor());
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        return Optional.of(readBinding(t.customerCode(), rs));
                    }
                }
            }));
        }

        @Override
        public List<BindingTransition> transitions(String customerCode) {
            return db.call("binding.transitions", c -> {
                List<BindingTransition> out = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement("SELECT seq, vendor, tenant_id, from_state, to_state, at, run_id, details"
                        + " FROM binding_transition WHERE customer_code = ? ORDER BY seq")) {
                    s.setString(1, customerCode);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            long seq = rs.getLong(1);
                            try {
                                out.add(new BindingTransition(seq, customerCode, rs.getString(2), rs.getString(3),
                                        Binding.State.valueOf(rs.getString(4)), Binding.State.valueOf(rs.getString(5)),
                                        Instant.ofEpochMilli(rs.getLong(6)), rs.getString(7), JSON.readValue(rs.getString(8), DETAILS)));
                            } catch (IOException | RuntimeException ex) {
                                throw new StoreCorruptedException(location, "binding transition #" + seq + " (customer " + customerCode
                                        + ")", ex);
                            }
                        }
                    }
                }
                return out;
            });
        }

        @Override
        public Optional<Deferral> cancelDeferral(String customerCode, JournalEntry entry) {
            return db.call("deferral.cancel", c -> inTransaction(c, () -> {
                Optional<Deferral> found;
                try (PreparedStatement s = c.prepareStatement("SELECT customer_code, spec, vendors, resets_at, deferred_at FROM deferral"
                        + " WHERE customer_code = ?")) {
                    s.setString(1, customerCode);
                    try (ResultSet rs = s.executeQuery()) {
                        found = rs.next() ? Optional.of(readDeferral(rs)) : Optional.empty();
                    }
                }
                try (PreparedStatement s = c.prepareStatement("DELETE FROM deferral WHERE customer_code = ?")) {
                    s.setString(1, customerCode);
                    s.executeUpdate();
                }
                insertEntry(c, entry);
                return found;
            }));
        }
    };

    @Override
    public OffboardingStore offboarding() {
        return offboarding;
    }

    private static String json(Map<String, String> details) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(details));
        } catch (IOException e) {
            throw new StoreException("encode", "cannot encode details: " + e.getMessage(), e);
        }
    }

    /** Work inside one transaction. */
    @FunctionalInterface
    private interface TxWork<T> {
        T run() throws SQLException;
    }

    /** Runs work in one {@code BEGIN IMMEDIATE} transaction, rolled back when it throws. */
    private static <T> T inTransaction(Connection c, TxWork<T> work) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            boolean committed = false;
            try {
                T answer = work.run();
                s.execute("COMMIT");
                committed = true;
                return answer;
            } finally {
                if (!committed) {
                    try {
                        s.execute("ROLLBACK");
                    } catch (SQLException ignored) {
                        // the transaction was not open (BEGIN failed); nothing to undo
                    }
                }
            }
        }
    }

    /** Builds a {@link SqliteProvisioningStore}. */
    public static final class Builder {
        private final Path file;
        private int threads = 2;
        private Duration busyTimeout = Duration.ofSeconds(5);
        private int maxBusyRetries = 200;
        private Sleeper sleeper = Sleeper.system();

        private Builder(Path file) {
            this.file = Objects.requireNonNull(file, "file");
        }

        /**
         * Sets how many platform threads (each with one connection) run store calls (default 2).
         *
         * @param value at least 1
         * @return this builder
         */
        public Builder threads(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
            this.threads = value;
            return this;
        }

        /**
         * Sets SQLite's native busy wait per statement (default 5 s; zero leaves all waiting to the sleeper).
         *
         * @param value zero or positive
         * @return this builder
         */
        public Builder busyTimeout(Duration value) {
            if (value == null || value.isNegative()) {
                throw new IllegalArgumentException("busyTimeout must be zero or positive");
            }
            this.busyTimeout = value;
            return this;
        }

        /**
         * Sets how often a statement still busy after the native wait is retried (default 200, with backoff up to
         * 100 ms between tries) before the call fails with {@link StoreException}.
         *
         * @param value zero or more
         * @return this builder
         */
        public Builder maxBusyRetries(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("maxBusyRetries must be zero or more");
            }
            this.maxBusyRetries = value;
            return this;
        }

        /**
         * Sets how the store waits between busy retries (tests inject one).
         *
         * @param value the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        /**
         * Opens the store, creating the file and migrating its schema.
         *
         * @return the store; close it when done
         * @throws StoreException if the file cannot be opened or its schema is newer than this SecOpsKit
         */
        public SqliteProvisioningStore build() {
            return new SqliteProvisioningStore(this);
        }
    }
}
