package io.secopskit.store.postgres.internal;

import io.secopskit.core.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Runs store work on connections borrowed from the application's {@link DataSource}, one borrow per call, returned
 * before the call ends: no session state (no {@code SET}, no session lock, no open transaction) ever outlives a
 * call, so any pool may hand the connection to someone else afterwards. Every call is one statement in auto-commit
 * mode (the migration, which needs a transaction, manages its own). Every statement carries a query timeout.
 * A statement the server aborted for a serialization failure or a deadlock ({@code 40001}, {@code 40P01}) — which
 * rolled back whole — is run again a few times; every other failure becomes a {@link StoreException} naming the
 * database (without credentials) and the operation. Internal.
 */
public final class Database {
    /** One unit of store work on a connection. */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * Does the work.
         *
         * @param c the borrowed connection
         * @return the answer
         * @throws SQLException on database errors
         */
        T run(Connection c) throws SQLException;
    }

    /** Lower-case SQL identifiers only, so the schema name never needs escaping beyond plain quotes. */
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final int CONFLICT_RETRIES = 10;

    private final DataSource dataSource;
    private final String schema;
    private final String quotedSchema;
    private final int queryTimeoutSeconds;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile String location;

    /**
     * Creates the helper.
     *
     * @param dataSource   the application's data source
     * @param schema       the store's schema (validated by {@link #checkSchemaName})
     * @param queryTimeout the timeout of every statement
     */
    public Database(DataSource dataSource, String schema, Duration queryTimeout) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.schema = checkSchemaName(schema);
        this.quotedSchema = '"' + schema + '"';
        this.queryTimeoutSeconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, queryTimeout.toSeconds()));
        this.location = "postgresql (" + dataSource.getClass().getName() + ", schema " + schema + ")";
    }

    /**
     * Checks a schema name: lower-case letters, digits and underscores, not starting with a digit, at most 63
     * characters (PostgreSQL's limit).
     *
     * @param schema the name
     * @return the name
     * @throws IllegalArgumentException naming the rule
     */
    public static String checkSchemaName(String schema) {
        Objects.requireNonNull(schema, "schema");
        if (!IDENTIFIER.matcher(schema).matches()) {
            throw new IllegalArgumentException("schema must be 1-63 lower-case letters, digits or underscores, not starting with a"
                    + " digit: '" + printable(schema) + "'");
        }
        if (schema.startsWith("pg_")) {
            throw new IllegalArgumentException("schema must not start with pg_ (reserved by PostgreSQL): '" + schema + "'");
        }
        return schema;
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(70).forEach(cp -> b.append(Character.isISOControl(cp) ? String.format("\\u%04x", cp)
                : new String(Character.toChars(cp))));
        return s.length() > 70 ? b + "…" : b.toString();
    }

    /**
     * Returns the schema name.
     *
     * @return the name, unquoted
     */
    public String schema() {
        return schema;
    }

    /**
     * Replaces {@code {s}} in a statement with the quoted schema name.
     *
     * @param sql the statement
     * @return the statement for this store's schema
     */
    public String sql(String sql) {
        return sql.replace("{s}", quotedSchema);
    }

    /**
     * Returns where the data is, for messages; never a credential.
     *
     * @return {@code postgresql://host:port/database (schema name)}
     */
    public String location() {
        return location;
    }

    /**
     * Reads the database address from a connection's metadata, without user, password or parameters.
     *
     * @param c a connection
     * @throws SQLException on database errors
     */
    public void learnLocation(Connection c) throws SQLException {
        this.location = sanitize(c.getMetaData().getURL()) + " (schema " + schema + ")";
    }

    /**
     * Turns a JDBC URL into a location free of credentials: drops {@code jdbc:}, user information and every
     * parameter.
     *
     * @param url a JDBC URL, or null
     * @return the location
     */
    public static String sanitize(String url) {
        if (url == null) {
            return "postgresql";
        }
        String s = url.startsWith("jdbc:") ? url.substring(5) : url;
        int q = s.indexOf('?');
        if (q >= 0) {
            s = s.substring(0, q);
        }
        int scheme = s.indexOf("//");
        int at = s.lastIndexOf('@');
        if (scheme >= 0 && at > scheme) {
            s = s.substring(0, scheme + 2) + s.substring(at + 1);
        }
        return s;
    }

    /**
     * Prepares a statement with the store's query timeout.
     *
     * @param c   the connection
     * @param sql the statement (already through {@link #sql})
     * @return the statement
     * @throws SQLException on database errors
     */
    public PreparedStatement prepare(Connection c, String sql) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        s.setQueryTimeout(queryTimeoutSeconds);
        return s;
    }

    /**
     * Runs work on a borrowed connection in auto-commit mode (each statement its own transaction). A statement the
     * server aborted for a serialization failure or a deadlock is run again, up to 10 times.
     *
     * @param operation the operation name, for messages
     * @param work      the work
     * @param <T>       answer type
     * @return the answer
     * @throws StoreException when the database cannot be reached or refuses the work
     */
    public <T> T call(String operation, Work<T> work) {
        if (closed.get()) {
            throw new StoreException(operation, "the store " + location + " is closed", null);
        }
        for (int attempt = 0; ; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                if (!c.getAutoCommit()) {
                    c.setAutoCommit(true);
                }
                return work.run(c);
            } catch (SQLException e) {
                if (conflict(e) && attempt < CONFLICT_RETRIES) {
                    continue; // the server rolled the statement back whole: run it again
                }
                throw failure(operation, e, attempt);
            }
        }
    }

    /** Serialization failure or deadlock: the server rolled the work back and it may simply run again. */
    static boolean conflict(SQLException e) {
        return "40001".equals(e.getSQLState()) || "40P01".equals(e.getSQLState());
    }

    /**
     * Whether an error says the database cannot be reached (no connection, connection lost, server shutting down
     * or starting, too many connections).
     *
     * @param e the error
     * @return true for connection failures
     */
    public static boolean unreachable(SQLException e) {
        String state = e.getSQLState();
        if (e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException) {
            return true;
        }
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03") || state.equals("53300"));
    }

    private StoreException failure(String operation, SQLException e, int attempt) {
        String state = e.getSQLState() == null ? "" : " [SQLState " + e.getSQLState() + "]";
        String what;
        if (unreachable(e)) {
            what = "cannot reach the database " + location + ": " + e.getMessage() + state;
        } else if ("57014".equals(e.getSQLState())) {
            what = location + ": cancelled after the query timeout of " + queryTimeoutSeconds + " s" + state;
        } else if (conflict(e)) {
            what = location + ": still conflicting after " + attempt + " retries: " + e.getMessage() + state;
        } else {
            what = location + ": " + e.getMessage() + state;
        }
        return new StoreException(operation, what, e);
    }

    /** Refuses further calls; the data source stays the application's. */
    public void close() {
        closed.set(true);
    }
}
