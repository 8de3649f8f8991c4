package io.secopskit.store.sqlite.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The store's schema, versioned with SQLite's {@code PRAGMA user_version}: each migration runs once, in
 * order, inside one {@code BEGIN IMMEDIATE} transaction together with the version bump and a row in
 * {@code secopskit_schema_history}, so concurrent first opens by several processes apply it exactly once. A
 * database written by a newer SecOpsKit (a higher version) is refused rather than misread. Internal.
 */
public final class Schema {
    /** A numbered migration. */
    record Migration(int version, String description, List<String> statements) {
    }

    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "leases, journal, bindings, deferrals", List.of(
                    "CREATE TABLE secopskit_schema_history (version INTEGER PRIMARY KEY, description TEXT NOT NULL,"
                            + " applied_at INTEGER NOT NULL)",
                    "CREATE TABLE lease (customer_code TEXT PRIMARY KEY, fence INTEGER NOT NULL, owner TEXT NOT NULL,"
                            + " host TEXT NOT NULL, pid INTEGER NOT NULL, process_start INTEGER, acquired_at INTEGER NOT NULL,"
                            + " expires_at INTEGER NOT NULL)",
                    "CREATE TABLE journal (seq INTEGER PRIMARY KEY AUTOINCREMENT, customer_code TEXT NOT NULL, vendor TEXT,"
                            + " run_id TEXT NOT NULL, event TEXT NOT NULL, tenant_id TEXT, at INTEGER NOT NULL, details TEXT NOT NULL)",
                    "CREATE INDEX journal_by_customer ON journal (customer_code, seq)",
                    "CREATE TABLE binding (customer_code TEXT NOT NULL, vendor TEXT NOT NULL, tenant_id TEXT NOT NULL,"
                            + " state TEXT NOT NULL, origin TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,"
                            + " PRIMARY KEY (customer_code, vendor))",
                    "CREATE TABLE deferral (customer_code TEXT PRIMARY KEY, spec TEXT NOT NULL, vendors TEXT NOT NULL,"
                            + " resets_at INTEGER NOT NULL, deferred_at INTEGER NOT NULL)")),
            new Migration(2, "offboarding: append-only evidence, binding transitions", List.of(
                    "CREATE TABLE evidence (seq INTEGER PRIMARY KEY AUTOINCREMENT, customer_code TEXT NOT NULL, run_id TEXT NOT NULL,"
                            + " at INTEGER NOT NULL, kind TEXT NOT NULL, operator TEXT NOT NULL, vendor TEXT, action TEXT,"
                            + " operation TEXT, target TEXT, outcome TEXT, request_id TEXT, details TEXT NOT NULL)",
                    "CREATE INDEX evidence_by_customer ON evidence (customer_code, seq)",
                    // append-only below the API too: any UPDATE or DELETE of an evidence row aborts its statement
                    "CREATE TRIGGER evidence_no_update BEFORE UPDATE ON evidence BEGIN"
                            + " SELECT RAISE(ABORT, 'secopskit evidence is append-only'); END",
                    "CREATE TRIGGER evidence_no_delete BEFORE DELETE ON evidence BEGIN"
                            + " SELECT RAISE(ABORT, 'secopskit evidence is append-only'); END",
                    "CREATE TABLE binding_transition (seq INTEGER PRIMARY KEY AUTOINCREMENT, customer_code TEXT NOT NULL,"
                            + " vendor TEXT NOT NULL, tenant_id TEXT NOT NULL, from_state TEXT NOT NULL, to_state TEXT NOT NULL,"
                            + " at INTEGER NOT NULL, run_id TEXT NOT NULL, details TEXT NOT NULL)",
                    "CREATE INDEX binding_transition_by_customer ON binding_transition (customer_code, seq)",
                    "CREATE TRIGGER binding_transition_no_update BEFORE UPDATE ON binding_transition BEGIN"
                            + " SELECT RAISE(ABORT, 'secopskit binding transitions are append-only'); END",
                    "CREATE TRIGGER binding_transition_no_delete BEFORE DELETE ON binding_transition BEGIN"
                            + " SELECT RAISE(ABORT, 'secopskit binding transitions are append-only'); END")));

    /** The newest schema version this code knows. */
    public static final int LATEST = MIGRATIONS.get(MIGRATIONS.size() - 1).version();

    private Schema() {
    }

    /**
     * Brings the database to {@link #LATEST}.
     *
     * @param c    a connection in auto-commit mode
     * @param now  epoch milliseconds for the history rows
     * @return the version found before migrating
     * @throws SQLException          on database errors
     * @throws IllegalStateException if the database is newer than this code
     */
    public static int migrate(Connection c, long now) throws SQLException {
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                int current = rs.next() ? rs.getInt(1) : 0;
                if (current == LATEST) {
                    return current; // the usual case: no write lock needed
                }
            }
            s.execute("BEGIN IMMEDIATE");
            boolean done = false;
            try {
                int found;
                try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                    found = rs.next() ? rs.getInt(1) : 0;
                }
                if (found > LATEST) {
                    throw new IllegalStateException("the database has schema version " + found
                            + ", newer than this SecOpsKit understands (" + LATEST + "); use a newer SecOpsKit");
                }
                for (Migration m : MIGRATIONS) {
                    if (m.version() <= found) {
                        continue;
                    }
                    for (String sql : m.statements()) {
                        s.execute(sql);
                    }
                    try (PreparedStatement h = c.prepareStatement(
                            "INSERT INTO secopskit_schema_history (version, description, applied_at) VALUES (?, ?, ?)")) {
                        h.setInt(1, m.version());
                        h.setString(2, m.description());
                        h.setLong(3, now);
                        h.executeUpdate();
                    }
                    s.execute("PRAGMA user_version = " + m.version());
                }
                s.execute("COMMIT");
                done = true;
                return found;
            } finally {
                if (!done) {
                    s.execute("ROLLBACK");
                }
            }
        }
    }
}
