package io.secopskit.store.postgres.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The store's own versioned-SQL runner. Migrations are SQL scripts shipped in this jar
 * ({@code io/secopskit/store/postgres/migrations/V<n>__<name>.sql}), applied in order, each recorded in the store's
 * own history table {@code <schema>.secopskit_schema_history} (version, description, script, SHA-256 checksum, who,
 * when, how long). It touches nothing outside its schema: no other history table (a partner's
 * {@code flyway_schema_history} stays as it is), no search path, no session setting.
 *
 * <p>All pending migrations run in one transaction (PostgreSQL's DDL is transactional: a failure leaves nothing
 * half-made) under a transaction-scoped advisory lock ({@code pg_advisory_xact_lock(classid, objid)}, released by
 * the commit — never a session lock that a pooled connection could carry away), so replicas starting together apply
 * each migration exactly once. A database already at the latest version is only read. A history row from a newer
 * SecOpsKit, or an applied script whose checksum differs from the shipped one, is refused. Internal.
 */
public final class Migrations {
    /** A numbered migration script. */
    record Migration(int version, String description, String script, String sql, String checksum) {
    }

    /** The advisory-lock class id of SecOpsKit migrations (two-key form: never collides with one-key locks). */
    static final int LOCK_CLASS = 0x5EC0;

    static final List<Migration> ALL = List.of(
            load(1, "leases, journal, bindings, deferrals, shared quotas", "V1__leases_journal_bindings_deferrals_quotas.sql"));

    /** The newest schema version this code knows. */
    public static final int LATEST = ALL.get(ALL.size() - 1).version();

    /** The history table's name, in the store's schema. */
    public static final String HISTORY_TABLE = "secopskit_schema_history";

    private Migrations() {
    }

    /** Why the database cannot be used by this code: a newer schema, or an applied script that was changed. */
    public static final class RefusedException extends Exception {
        private static final long serialVersionUID = 1L;

        RefusedException(String message) {
            super(message);
        }
    }

    private static Migration load(int version, String description, String script) {
        String path = "/io/secopskit/store/postgres/migrations/" + script;
        try (InputStream in = Migrations.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("migration script missing from the jar: " + path);
            }
            byte[] bytes = in.readAllBytes();
            return new Migration(version, description, script, new String(bytes, StandardCharsets.UTF_8), sha256(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Splits a script into statements: {@code --} comment lines are dropped, a statement ends with {@code ;} at the
     * end of a line. Scripts use no dollar quoting and no semicolons inside literals.
     *
     * @param sql the script
     * @return the statements
     */
    static List<String> statements(String sql) {
        if (sql.contains("$$")) {
            throw new IllegalStateException("dollar-quoted bodies are not supported by this runner");
        }
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String stmt = current.toString().strip();
                out.add(stmt.substring(0, stmt.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalStateException("the script ends inside a statement: " + current.toString().strip());
        }
        return out;
    }

    /**
     * Brings the store's schema to {@link #LATEST}.
     *
     * @param db the database helper (schema, statement timeouts)
     * @param c  a borrowed connection in auto-commit mode; left in auto-commit mode
     * @return the version found before migrating (0 for a new schema)
     * @throws SQLException      on database errors
     * @throws RefusedException  if the database is newer than this code or an applied script was changed
     */
    public static int migrate(Database db, Connection c) throws SQLException, RefusedException {
        Map<Integer, String> applied = applied(db, c);
        if (applied != null && upToDate(applied)) {
            return LATEST; // the usual start of a replica: read only, no lock
        }
        c.setAutoCommit(false);
        boolean committed = false;
        try {
            try (PreparedStatement s = db.prepare(c, "SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
                s.setInt(1, LOCK_CLASS);
                s.setString(2, db.schema());
                s.execute();
            }
            try (Statement s = c.createStatement()) {
                s.setQueryTimeout(0);
                // DDL waits behind other transactions' locks: give up after 30 s instead of queueing every later query
                s.execute("SET LOCAL lock_timeout = '30s'");
            }
            if (!schemaExists(db, c)) {
                // CREATE SCHEMA IF NOT EXISTS would need the database's CREATE right even when the schema exists
                execute(db, c, db.sql("CREATE SCHEMA {s}"));
            }
            execute(db, c, db.sql("CREATE TABLE IF NOT EXISTS {s}." + HISTORY_TABLE + " (version integer PRIMARY KEY,"
                    + " description text NOT NULL, script text NOT NULL, checksum text NOT NULL,"
                    + " applied_by text NOT NULL DEFAULT current_user, applied_at timestamptz NOT NULL DEFAULT now(),"
                    + " execution_ms integer NOT NULL)"));
            Map<Integer, String> found = applied(db, c);
            int before = check(found);
            for (Migration m : ALL) {
                if (found.containsKey(m.version())) {
                    continue;
                }
                long t0 = System.nanoTime();
                for (String statement : statements(m.sql())) {
                    execute(db, c, db.sql(statement.replace("${schema}", "{s}")));
                }
                try (PreparedStatement h = db.prepare(c, db.sql("INSERT INTO {s}." + HISTORY_TABLE
                        + " (version, description, script, checksum, execution_ms) VALUES (?, ?, ?, ?, ?)"))) {
                    h.setInt(1, m.version());
                    h.setString(2, m.description());
                    h.setString(3, m.script());
                    h.setString(4, m.checksum());
                    h.setInt(5, (int) ((System.nanoTime() - t0) / 1_000_000));
                    h.executeUpdate();
                }
            }
            c.commit();
            committed = true;
            return before;
        } finally {
            if (!committed) {
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // a broken connection: the server rolls back
                }
            }
            try {
                c.setAutoCommit(true);
            } catch (SQLException ignored) {
                // a broken connection: the pool discards it
            }
        }
    }

    private static boolean upToDate(Map<Integer, String> applied) throws RefusedException {
        check(applied);
        return applied.size() == ALL.size();
    }

    /** Refuses a newer or changed schema; returns the highest applied version. */
    private static int check(Map<Integer, String> applied) throws RefusedException {
        int highest = 0;
        for (Map.Entry<Integer, String> e : applied.entrySet()) {
            int version = e.getKey();
            highest = Math.max(highest, version);
            if (version < 1) {
                throw new RefusedException("the history table holds schema version " + version + ", which no SecOpsKit writes");
            }
            if (version > LATEST) {
                throw new RefusedException("the database has schema version " + version + ", newer than this SecOpsKit"
                        + " understands (" + LATEST + "); use a newer SecOpsKit");
            }
            Migration m = ALL.get(version - 1);
            if (!m.checksum().equals(e.getValue())) {
                throw new RefusedException("schema version " + version + " was applied from a script other than the one this"
                        + " SecOpsKit ships (" + m.script() + ", checksum " + m.checksum().substring(0, 12) + "…, recorded "
                        + String.valueOf(e.getValue()).substring(0, Math.min(12, String.valueOf(e.getValue()).length())) + "…)");
            }
        }
        return highest;
    }

    private static boolean schemaExists(Database db, Connection c) throws SQLException {
        try (PreparedStatement s = db.prepare(c, "SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            s.setString(1, db.schema());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Returns version → checksum of the applied migrations, or null when there is no history table. */
    private static Map<Integer, String> applied(Database db, Connection c) throws SQLException {
        try (PreparedStatement s = db.prepare(c, "SELECT to_regclass(?)")) {
            s.setString(1, db.sql("{s}." + HISTORY_TABLE));
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || rs.getString(1) == null) {
                    return null;
                }
            }
        }
        Map<Integer, String> out = new TreeMap<>();
        try (PreparedStatement s = db.prepare(c, db.sql("SELECT version, checksum FROM {s}." + HISTORY_TABLE))) {
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getInt(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    private static void execute(Database db, Connection c, String sql) throws SQLException {
        try (PreparedStatement s = db.prepare(c, sql)) {
            s.execute();
        }
    }
}
