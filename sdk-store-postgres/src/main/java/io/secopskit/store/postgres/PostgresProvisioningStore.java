package io.secopskit.store.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.secopskit.core.Beta;
import io.secopskit.core.store.Binding;
import io.secopskit.core.store.BindingStore;
import io.secopskit.core.store.Deferral;
import io.secopskit.core.store.DeferralStore;
import io.secopskit.core.store.JournalEntry;
import io.secopskit.core.store.JournalStore;
import io.secopskit.core.store.Lease;
import io.secopskit.core.store.LeaseHolder;
import io.secopskit.core.store.LeaseStore;
import io.secopskit.core.store.ProvisioningStore;
import io.secopskit.core.store.StoreCorruptedException;
import io.secopskit.core.store.StoreException;
import io.secopskit.store.postgres.internal.Database;
import io.secopskit.store.postgres.internal.Migrations;
import io.secopskit.store.postgres.internal.Values;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * A {@link ProvisioningStore} in PostgreSQL, shared by every replica that uses the same database and schema: customer
 * leases, the journal, the bindings and the deferred customers. It works over the {@link DataSource} the application
 * supplies (a pool such as HikariCP in production; any data source works, an unpooled one opens a connection per
 * call) with the official driver {@code org.postgresql:postgresql}.
 *
 * <ul>
 *   <li><b>Leases.</b> A lease row per customer (holder, expiry, fencing token). It is taken in one statement,
 *       {@code INSERT … ON CONFLICT (customer_code) DO UPDATE SET fence = fence + 1 … WHERE released OR expires_at <= now
 *       OR fence = takeOverFence RETURNING fence}: atomic on any connection, no transaction held open, so the fence
 *       strictly increases across replicas. {@code Onboarding} renews it by heartbeat and re-checks it (renewing it)
 *       right before every vendor write; a run whose lease was taken over never writes. A replica that dies releases
 *       its customers by <em>lease expiry</em> (its heartbeat stops; {@code Onboarding.Builder.leaseTtl}, default 5
 *       minutes), or at once when it restarts on the same host (the holder's process is gone). No session or advisory
 *       lock is held across calls: a pooled connection is always returned clean.</li>
 *   <li><b>Journal and bindings.</b> {@link #record} writes the binding and appends the journal entry in one
 *       statement (a data-modifying common table expression): both or neither.</li>
 *   <li><b>Schema.</b> Created and migrated by {@link Builder#build()} in the store's own schema (default
 *       {@code secopskit}) with its own history table {@code secopskit_schema_history}; nothing outside that schema
 *       is touched — a partner's {@code flyway_schema_history} stays as it is. Replicas starting together apply each
 *       migration once (a transaction-scoped advisory lock); a schema from a newer SecOpsKit is refused.</li>
 *   <li><b>Failures.</b> A database that cannot be reached, a statement past the query timeout or any other
 *       database error becomes a {@link StoreException} naming the database (never a credential) and the operation;
 *       {@code Onboarding} then sends nothing more to any vendor for that customer.</li>
 * </ul>
 * Times come from the callers' clocks: keep the replicas' clocks synchronised (NTP); a skew well below the lease time
 * to live is harmless. Thread-safe.
 */
@Beta
public final class PostgresProvisioningStore implements ProvisioningStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> DETAILS = new TypeReference<>() {
    };

    private final Database db;
    private final PostgresQuotaStore quotas;

    private final String acquireSql;
    private final String currentSql;
    private final String renewSql;
    private final String releaseSql;
    private final String appendSql;
    private final String entriesSql;
    private final String bindingGetSql;
    private final String bindingListSql;
    private final String bindingPutSql;
    private final String recordSql;
    private final String deferralPutSql;
    private final String deferralGetSql;
    private final String deferralAllSql;
    private final String deferralRemoveSql;

    private PostgresProvisioningStore(Builder b) {
        this.db = new Database(b.dataSource, b.schema, b.queryTimeout);
        migrate(db);
        this.quotas = new PostgresQuotaStore(db);
        acquireSql = db.sql("INSERT INTO {s}.secopskit_lease AS l (customer_code, fence, owner, host, pid, process_start, acquired_at,"
                + " expires_at, released_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?, NULL)"
                + " ON CONFLICT (customer_code) DO UPDATE SET fence = l.fence + 1, owner = excluded.owner, host = excluded.host,"
                + " pid = excluded.pid, process_start = excluded.process_start, acquired_at = excluded.acquired_at,"
                + " expires_at = excluded.expires_at, released_at = NULL"
                + " WHERE l.released_at IS NOT NULL OR l.expires_at <= ? OR l.fence = ? RETURNING fence");
        currentSql = db.sql("SELECT fence, owner, host, pid, process_start, acquired_at, expires_at FROM {s}.secopskit_lease"
                + " WHERE customer_code = ? AND released_at IS NULL");
        renewSql = db.sql("UPDATE {s}.secopskit_lease SET expires_at = ? WHERE customer_code = ? AND fence = ? AND owner = ?"
                + " AND released_at IS NULL AND expires_at > ?");
        releaseSql = db.sql("UPDATE {s}.secopskit_lease SET released_at = now() WHERE customer_code = ? AND fence = ?"
                + " AND released_at IS NULL");
        appendSql = db.sql("INSERT INTO {s}.secopskit_journal (customer_code, vendor, run_id, event, tenant_id, at, details)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?::jsonb) RETURNING seq");
        entriesSql = db.sql("SELECT seq, vendor, run_id, event, tenant_id, at, details::text FROM {s}.secopskit_journal"
                + " WHERE customer_code = ? ORDER BY seq");
        bindingGetSql = db.sql("SELECT vendor, tenant_id, state, origin, created_at, updated_at FROM {s}.secopskit_binding"
                + " WHERE customer_code = ? AND vendor = ?");
        bindingListSql = db.sql("SELECT vendor, tenant_id, state, origin, created_at, updated_at FROM {s}.secopskit_binding"
                + " WHERE customer_code = ? ORDER BY vendor");
        String upsertBinding = "INSERT INTO {s}.secopskit_binding (customer_code, vendor, tenant_id, state, origin, created_at,"
                + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (customer_code, vendor) DO UPDATE SET"
                + " tenant_id = excluded.tenant_id, state = excluded.state, origin = excluded.origin, updated_at = excluded.updated_at";
        bindingPutSql = db.sql(upsertBinding);
        recordSql = db.sql("WITH b AS (" + upsertBinding + " RETURNING 1) INSERT INTO {s}.secopskit_journal (customer_code, vendor,"
                + " run_id, event, tenant_id, at, details) SELECT ?, ?, ?, ?, ?, ?, ?::jsonb FROM b RETURNING seq");
        deferralPutSql = db.sql("INSERT INTO {s}.secopskit_deferral (customer_code, spec, vendors, resets_at, deferred_at)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (customer_code) DO UPDATE SET spec = excluded.spec,"
                + " vendors = excluded.vendors, resets_at = excluded.resets_at, deferred_at = excluded.deferred_at");
        deferralGetSql = db.sql("SELECT customer_code, spec, vendors, resets_at, deferred_at FROM {s}.secopskit_deferral"
                + " WHERE customer_code = ?");
        deferralAllSql = db.sql("SELECT customer_code, spec, vendors, resets_at, deferred_at FROM {s}.secopskit_deferral"
                + " ORDER BY resets_at, customer_code");
        deferralRemoveSql = db.sql("DELETE FROM {s}.secopskit_deferral WHERE customer_code = ?");
    }

    /** Creates or migrates the schema on one borrowed connection and learns the database's address for messages. */
    static void migrate(Database db) {
        db.call("schema.migrate", c -> {
            db.learnLocation(c);
            try {
                return Migrations.migrate(db, c);
            } catch (Migrations.RefusedException e) {
                throw new StoreException("schema.migrate", db.location() + ": " + e.getMessage(), e);
            }
        });
    }

    /**
     * Opens the store in the default schema {@code secopskit}, creating or migrating it.
     *
     * @param dataSource the application's data source
     * @return the store
     * @throws StoreException if the database cannot be reached, the schema cannot be created, or it is newer than
     *                        this SecOpsKit
     */
    public static PostgresProvisioningStore open(DataSource dataSource) {
        return builder(dataSource).build();
    }

    /**
     * Starts a builder.
     *
     * @param dataSource the application's data source (a pool in production); the store never closes it
     * @return a builder
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * Returns a quota store on the same data source and schema, for {@code ClientOptions.quotaStore(...)}: shared quotas
     * (limits marked {@code RateLimit.asShared()}) counted once across every replica.
     *
     * @return the quota store (closed with this store)
     */
    public PostgresQuotaStore quotas() {
        return quotas;
    }

    /**
     * Returns the store's schema.
     *
     * @return the schema name
     */
    public String schema() {
        return db.schema();
    }

    @Override
    public String location() {
        return db.location();
    }

    /** Refuses further calls (with {@link StoreException}); the data source stays open — it is the application's. */
    @Override
    public void close() {
        db.close();
    }

    // ---------------------------------------------------------------------------------------------------------
    // leases

    private final LeaseStore leases = new LeaseStore() {
        @Override
        public Optional<Lease> tryAcquire(String customerCode, LeaseHolder holder, Instant now, Duration ttl, long takeOverFence) {
            String code = Values.key("customerCode", customerCode);
            Objects.requireNonNull(holder, "holder");
            Values.text("holder.owner", holder.owner());
            Values.text("holder.host", holder.host());
            Instant at = Values.time("now", now);
            Instant expires = Values.time("now + ttl", now.plus(positive(ttl)));
            Instant processStart = holder.processStart() == null ? null : Values.time("holder.processStart", holder.processStart());
            return db.call("lease.acquire", c -> {
                try (PreparedStatement s = db.prepare(c, acquireSql)) {
                    s.setString(1, code);
                    s.setString(2, holder.owner());
                    s.setString(3, holder.host());
                    s.setLong(4, holder.pid());
                    Values.setTime(s, 5, processStart);
                    Values.setTime(s, 6, at);
                    Values.setTime(s, 7, expires);
                    Values.setTime(s, 8, at);
                    s.setLong(9, takeOverFence);
                    try (ResultSet rs = s.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.empty();
                        }
                        return Optional.of(new Lease(code, rs.getLong(1), holder, at, expires));
                    }
                }
            });
        }

        @Override
        public Optional<Lease> current(String customerCode) {
            String code = Values.key("customerCode", customerCode);
            return db.call("lease.current", c -> {
                try (PreparedStatement s = db.prepare(c, currentSql)) {
                    s.setString(1, code);
                    try (ResultSet rs = s.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.empty();
                        }
                        LeaseHolder h = new LeaseHolder(rs.getString(3), rs.getLong(4), Values.getTime(rs, 5), rs.getString(2));
                        return Optional.of(new Lease(code, rs.getLong(1), h, Values.getTime(rs, 6), Values.getTime(rs, 7)));
                    }
                }
            });
        }

        @Override
        public Optional<Lease> renew(Lease lease, Instant now, Duration ttl) {
            Objects.requireNonNull(lease, "lease");
            Instant at = Values.time("now", now);
            Instant expires = Values.time("now + ttl", now.plus(positive(ttl)));
            int updated = db.call("lease.renew", c -> {
                try (PreparedStatement s = db.prepare(c, renewSql)) {
                    Values.setTime(s, 1, expires);
                    s.setString(2, lease.customerCode());
                    s.setLong(3, lease.fence());
                    s.setString(4, lease.holder().owner());
                    Values.setTime(s, 5, at);
                    return s.executeUpdate();
                }
            });
            return updated == 1 ? Optional.of(new Lease(lease.customerCode(), lease.fence(), lease.holder(), lease.acquiredAt(), expires))
                    : Optional.empty();
        }

        @Override
        public void release(Lease lease) {
            Objects.requireNonNull(lease, "lease");
            db.call("lease.release", c -> {
                try (PreparedStatement s = db.prepare(c, releaseSql)) {
                    s.setString(1, lease.customerCode());
                    s.setLong(2, lease.fence());
                    return s.executeUpdate();
                }
            });
        }
    };

    private static Duration positive(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive: " + ttl);
        }
        return ttl;
    }

    // ---------------------------------------------------------------------------------------------------------
    // journal

    private final JournalStore journal = new JournalStore() {
        @Override
        public JournalEntry append(JournalEntry entry) {
            Checked e = check(entry);
            return db.call("journal.append", c -> {
                try (PreparedStatement s = db.prepare(c, appendSql)) {
                    bindEntry(s, 1, e);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        return e.stored(rs.getLong(1));
                    }
                }
            });
        }

        @Override
        public List<JournalEntry> entries(String customerCode) {
            String code = Values.key("customerCode", customerCode);
            return db.call("journal.entries", c -> {
                List<JournalEntry> out = new ArrayList<>();
                try (PreparedStatement s = db.prepare(c, entriesSql)) {
                    s.setString(1, code);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            out.add(readEntry(code, rs));
                        }
                    }
                }
                return out;
            });
        }
    };

    /** A journal entry checked and encoded before any statement is sent. */
    private record Checked(JournalEntry entry, Instant at, String details) {
        JournalEntry stored(long seq) {
            return new JournalEntry(seq, entry.customerCode(), entry.vendor(), entry.runId(), entry.event(), entry.tenantId(), at,
                    entry.details());
        }
    }

    private static Checked check(JournalEntry e) {
        Objects.requireNonNull(e, "entry");
        Values.key("entry.customerCode", e.customerCode());
        if (e.vendor() != null) {
            Values.key("entry.vendor", e.vendor());
        }
        Values.text("entry.runId", e.runId());
        Values.text("entry.tenantId", e.tenantId());
        Values.details("entry.details", e.details());
        Instant at = Values.time("entry.at", e.at());
        try {
            return new Checked(e, at, JSON.writeValueAsString(new TreeMap<>(e.details())));
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("entry.details cannot be written as JSON", ex);
        }
    }

    private static void bindEntry(PreparedStatement s, int first, Checked e) throws SQLException {
        JournalEntry entry = e.entry();
        s.setString(first, entry.customerCode());
        s.setString(first + 1, entry.vendor());
        s.setString(first + 2, entry.runId());
        s.setString(first + 3, entry.event().name());
        s.setString(first + 4, entry.tenantId());
        Values.setTime(s, first + 5, e.at());
        s.setString(first + 6, e.details());
    }

    private JournalEntry readEntry(String customerCode, ResultSet rs) throws SQLException {
        long seq = rs.getLong(1);
        String vendor = rs.getString(2);
        String entryName = "journal #" + seq + " (customer " + customerCode + (vendor == null ? "" : ", vendor " + vendor) + ")";
        try {
            JournalEntry.Event event = JournalEntry.Event.valueOf(rs.getString(4));
            Map<String, String> details = JSON.readValue(rs.getString(7), DETAILS);
            return new JournalEntry(seq, customerCode, vendor, rs.getString(3), event, rs.getString(5), Values.getTime(rs, 6), details);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new StoreCorruptedException(location(), entryName, e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // bindings

    private final BindingStore bindings = new BindingStore() {
        @Override
        public Optional<Binding> get(String customerCode, String vendor) {
            String code = Values.key("customerCode", customerCode);
            String v = Values.key("vendor", vendor);
            return db.call("binding.get", c -> {
                try (PreparedStatement s = db.prepare(c, bindingGetSql)) {
                    s.setString(1, code);
                    s.setString(2, v);
                    try (ResultSet rs = s.executeQuery()) {
                        return rs.next() ? Optional.of(readBinding(code, rs)) : Optional.empty();
                    }
                }
            });
        }

        @Override
        public List<Binding> forCustomer(String customerCode) {
            String code = Values.key("customerCode", customerCode);
            return db.call("binding.list", c -> {
                List<Binding> out = new ArrayList<>();
                try (PreparedStatement s = db.prepare(c, bindingListSql)) {
                    s.setString(1, code);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            out.add(readBinding(code, rs));
                        }
                    }
                }
                return out;
            });
        }

        @Override
        public void put(Binding binding) {
            Binding b = check(binding);
            db.call("binding.put", c -> {
                try (PreparedStatement s = db.prepare(c, bindingPutSql)) {
                    bindBinding(s, b);
                    return s.executeUpdate();
                }
            });
        }
    };

    private static Binding check(Binding b) {
        Objects.requireNonNull(b, "binding");
        return new Binding(Values.key("binding.customerCode", b.customerCode()), Values.key("binding.vendor", b.vendor()),
                Values.text("binding.tenantId", b.tenantId()), b.state(), b.origin(), Values.time("binding.createdAt", b.createdAt()),
                Values.time("binding.updatedAt", b.updatedAt()));
    }

    private static void bindBinding(PreparedStatement s, Binding b) throws SQLException {
        s.setString(1, b.customerCode());
        s.setString(2, b.vendor());
        s.setString(3, b.tenantId());
        s.setString(4, b.state().name());
        s.setString(5, b.origin().name());
        Values.setTime(s, 6, b.createdAt());
        Values.setTime(s, 7, b.updatedAt());
    }

    private Binding readBinding(String customerCode, ResultSet rs) throws SQLException {
        String vendor = rs.getString(1);
        try {
            return new Binding(customerCode, vendor, rs.getString(2), Binding.State.valueOf(rs.getString(3)),
                    Binding.Origin.valueOf(rs.getString(4)), Values.getTime(rs, 5), Values.getTime(rs, 6));
        } catch (RuntimeException e) {
            throw new StoreCorruptedException(location(), "binding (customer " + customerCode + ", vendor " + vendor + ")", e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // deferrals

    private final DeferralStore deferrals = new DeferralStore() {
        @Override
        public void put(Deferral d) {
            Objects.requireNonNull(d, "deferral");
            String code = Values.key("deferral.customerCode", d.customerCode());
            Values.text("deferral.spec", d.spec());
            d.vendors().forEach(v -> Values.key("deferral.vendors[]", v));
            Instant resetsAt = Values.time("deferral.resetsAt", d.resetsAt());
            Instant deferredAt = Values.time("deferral.deferredAt", d.deferredAt());
            db.call("deferral.put", c -> {
                try (PreparedStatement s = db.prepare(c, deferralPutSql)) {
                    s.setString(1, code);
                    s.setString(2, d.spec());
                    Array vendors = c.createArrayOf("text", d.vendors().toArray());
                    try {
                        s.setArray(3, vendors);
                        Values.setTime(s, 4, resetsAt);
                        Values.setTime(s, 5, deferredAt);
                        return s.executeUpdate();
                    } finally {
                        vendors.free();
                    }
                }
            });
        }

        @Override
        public Optional<Deferral> get(String customerCode) {
            String code = Values.key("customerCode", customerCode);
            return db.call("deferral.get", c -> {
                try (PreparedStatement s = db.prepare(c, deferralGetSql)) {
                    s.setString(1, code);
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
                try (PreparedStatement s = db.prepare(c, deferralAllSql); ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(readDeferral(rs));
                    }
                }
                return out;
            });
        }

        @Override
        public void remove(String customerCode) {
            String code = Values.key("customerCode", customerCode);
            db.call("deferral.remove", c -> {
                try (PreparedStatement s = db.prepare(c, deferralRemoveSql)) {
                    s.setString(1, code);
                    return s.executeUpdate();
                }
            });
        }
    };

    private static Deferral readDeferral(ResultSet rs) throws SQLException {
        Array vendors = rs.getArray(3);
        try {
            return new Deferral(rs.getString(1), rs.getString(2), Arrays.asList((String[]) vendors.getArray()), Values.getTime(rs, 4),
                    Values.getTime(rs, 5));
        } finally {
            vendors.free();
        }
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

    /**
     * Writes the binding and appends the entry in one statement ({@code WITH b AS (INSERT … ON CONFLICT … RETURNING 1)
     * INSERT INTO journal … SELECT … FROM b}): both are written or, when the statement fails, neither.
     */
    @Override
    public JournalEntry record(Binding binding, JournalEntry entry) {
        Binding b = check(binding);
        Checked e = check(entry);
        return db.call("record", c -> {
            try (PreparedStatement s = db.prepare(c, recordSql)) {
                bindBinding(s, b);
                bindEntry(s, 8, e);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return e.stored(rs.getLong(1));
                }
            }
        });
    }

    /** Builds a {@link PostgresProvisioningStore}. */
    public static final class Builder {
        private final DataSource dataSource;
        private String schema = "secopskit";
        private Duration queryTimeout = Duration.ofSeconds(30);

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /**
         * Sets the schema that holds the store's tables and its history table (default {@code secopskit}); created
         * when missing. Every replica that shares the store uses the same schema.
         *
         * @param value 1-63 lower-case letters, digits or underscores, not starting with a digit or {@code pg_}
         * @return this builder
         * @throws IllegalArgumentException naming the rule
         */
        public Builder schema(String value) {
            this.schema = Database.checkSchemaName(value);
            return this;
        }

        /**
         * Sets how long one statement may run before the server cancels it (default 30 s); the call then fails with
         * {@link StoreException}. How long a connection may take to open is the data source's setting.
         *
         * @param value at least 1 second
         * @return this builder
         */
        public Builder queryTimeout(Duration value) {
            Objects.requireNonNull(value, "queryTimeout");
            if (value.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("queryTimeout must be at least 1 second: " + value);
            }
            this.queryTimeout = value;
            return this;
        }

        /**
         * Connects, creates or migrates the schema, and returns the store.
         *
         * @return the store
         * @throws StoreException if the database cannot be reached, the schema cannot be created, or it is newer than
         *                        this SecOpsKit (or was migrated by a changed script)
         */
        public PostgresProvisioningStore build() {
            return new PostgresProvisioningStore(this);
        }
    }
}
