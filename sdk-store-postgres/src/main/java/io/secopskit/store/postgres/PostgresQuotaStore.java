package io.secopskit.store.postgres;

import io.secopskit.core.Beta;
import io.secopskit.core.store.QuotaStore;
import io.secopskit.core.store.StoreException;
import io.secopskit.store.postgres.internal.Database;
import io.secopskit.store.postgres.internal.Values;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A {@link QuotaStore} in PostgreSQL: a sliding-window quota counted once across every replica that shares the database
 * and schema — for example Chronicle's 30 CreateCustomer calls in any 24 hours. Give it to every client with
 * {@code ClientOptions.builder().quotaStore(store)} and mark the limit shared
 * ({@code RateLimit.perDay(CustomersClient.CREATE_CUSTOMER_LIMIT, 30).asShared()}); limits not marked shared never
 * touch the database. Throttles stay in process (resilience4j).
 *
 * <p>One row per quota key holds the send times still inside the window (oldest first, never more than the limit).
 * A permit is taken by one statement,
 * <pre>
 * INSERT INTO secopskit_quota AS q … VALUES (key, ARRAY[now], true)
 * ON CONFLICT (quota_key) DO UPDATE SET
 *   sends = CASE WHEN count(q.sends inside the window) &lt; limit THEN (q.sends inside the window) || now
 *                ELSE q.sends inside the window END,
 *   last_granted = count(q.sends inside the window) &lt; limit
 * RETURNING last_granted, cardinality(sends), sends[1]
 * </pre>
 * which is atomic across replicas: {@code ON CONFLICT DO UPDATE} locks the key's row and reads its latest committed
 * version, so concurrent callers are counted one after another, never both against the same count. No transaction is
 * held open and nothing stays on the connection. A refusal says when the oldest counted send leaves the window.
 *
 * <p>A send counted just before the connection broke (the answer lost) stays counted: the client sends nothing, so the
 * quota may be under-used by that one permit, never over-used. A database that cannot be reached gives a
 * {@link StoreException}, and the client then sends nothing. Thread-safe.
 */
@Beta
public final class PostgresQuotaStore implements QuotaStore {
    private final Database db;
    private final String acquireSql;
    private final String oldestSql;

    PostgresQuotaStore(Database db) {
        this.db = db;
        String inWindow = "ARRAY(SELECT t FROM unnest(%s) t WHERE t > ? ORDER BY t)";
        String countInWindow = "(SELECT count(*) FROM unnest(q.sends) t WHERE t > ?)";
        this.acquireSql = db.sql("INSERT INTO {s}.secopskit_quota AS q (quota_key, sends, last_granted) VALUES (?, ARRAY[?::timestamptz],"
                + " true) ON CONFLICT (quota_key) DO UPDATE SET sends = CASE WHEN " + countInWindow + " < ? THEN "
                + String.format(inWindow, "q.sends || ?::timestamptz") + " ELSE " + String.format(inWindow, "q.sends") + " END,"
                + " last_granted = " + countInWindow + " < ? RETURNING last_granted, cardinality(sends), sends[1]");
        this.oldestSql = db.sql("SELECT min(t) FROM {s}.secopskit_quota q, unnest(q.sends) t WHERE q.quota_key = ? AND t > ?");
    }

    /**
     * Opens the quota store in the default schema {@code secopskit}, creating or migrating it.
     *
     * @param dataSource the application's data source
     * @return the store
     * @throws StoreException if the database cannot be reached or the schema cannot be created or is newer than this
     *                        SecOpsKit
     */
    public static PostgresQuotaStore open(DataSource dataSource) {
        return builder(dataSource).build();
    }

    /**
     * Starts a builder.
     *
     * @param dataSource the application's data source; the store never closes it
     * @return a builder
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * Returns where the counts are kept; never a credential.
     *
     * @return {@code postgresql://host:port/database (schema name)}
     */
    public String location() {
        return db.location();
    }

    /**
     * {@inheritDoc}
     *
     * @throws StoreException if the database cannot be reached or refuses the statement (nothing is then sent)
     */
    @Override
    public Acquisition tryAcquire(String key, int limit, Duration window, Instant now) {
        String k = Values.key("key", key);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        Duration w = window(window);
        Instant at = Values.time("now", now);
        Instant windowStart = Values.time("now - window", now.minus(w));
        return db.call("quota.acquire", c -> {
            try (PreparedStatement s = db.prepare(c, acquireSql)) {
                s.setString(1, k);
                Values.setTime(s, 2, at);
                Values.setTime(s, 3, windowStart);
                s.setInt(4, limit);
                Values.setTime(s, 5, at);
                Values.setTime(s, 6, windowStart);
                Values.setTime(s, 7, windowStart);
                Values.setTime(s, 8, windowStart);
                s.setInt(9, limit);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    boolean granted = rs.getBoolean(1);
                    int used = rs.getInt(2);
                    Instant oldest = Values.getTime(rs, 3);
                    return granted ? Acquisition.granted(used) : Acquisition.refused(used, oldest.plus(w));
                }
            }
        });
    }

    /**
     * {@inheritDoc}
     *
     * @throws StoreException if the database cannot be reached
     */
    @Override
    public Optional<Instant> oldestSend(String key, Duration window, Instant now) {
        String k = Values.key("key", key);
        Instant windowStart = Values.time("now - window", Values.time("now", now).minus(window(window)));
        return db.call("quota.oldest", c -> {
            try (PreparedStatement s = db.prepare(c, oldestSql)) {
                s.setString(1, k);
                Values.setTime(s, 2, windowStart);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return Optional.ofNullable(Values.getTime(rs, 1));
                }
            }
        });
    }

    private static Duration window(Duration window) {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
        return window;
    }

    /** Builds a {@link PostgresQuotaStore}. */
    public static final class Builder {
        private final DataSource dataSource;
        private String schema = "secopskit";
        private Duration queryTimeout = Duration.ofSeconds(30);

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /**
         * Sets the schema (default {@code secopskit}); the same as the provisioning store's when both are used.
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
         * Sets how long one statement may run before the server cancels it (default 30 s).
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
         * @throws StoreException if the database cannot be reached or the schema cannot be created or is newer than
         *                        this SecOpsKit
         */
        public PostgresQuotaStore build() {
            Database db = new Database(dataSource, schema, queryTimeout);
            PostgresProvisioningStore.migrate(db);
            return new PostgresQuotaStore(db);
        }
    }
}
