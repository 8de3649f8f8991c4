package io.secopskit.store.sqlite.internal;

import io.secopskit.core.http.Sleeper;
import io.secopskit.core.store.StoreException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Runs store work on a small pool of platform threads, each with its own SQLite connection (WAL,
 * {@code synchronous=FULL}, auto-commit). Waiting in SQLite's native busy handler holds the thread it runs on;
 * keeping that on these platform threads means a caller on a virtual thread parks on a future and frees its
 * carrier. A statement that still answers {@code SQLITE_BUSY} or {@code SQLITE_LOCKED} after the native wait
 * is retried through the injected sleeper, with backoff, up to a bound; no busy error reaches a caller, only
 * a {@link StoreException} once the bound is spent. Internal.
 */
public final class SqliteExecutor implements AutoCloseable {
    /** One unit of store work on a connection. */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * Does the work.
         *
         * @param c the thread's connection (auto-commit)
         * @return the answer
         * @throws SQLException on database errors
         */
        T run(Connection c) throws SQLException;
    }

    private final String url;
    private final String location;
    private final Duration busyTimeout;
    private final int maxBusyRetries;
    private final Sleeper sleeper;
    private final ExecutorService pool;
    private final ThreadLocal<Connection> connection = new ThreadLocal<>();
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    /**
     * Creates the executor.
     *
     * @param url            JDBC URL
     * @param location       where the data is, for messages
     * @param threads        pool size
     * @param busyTimeout    SQLite's native busy wait per statement
     * @param maxBusyRetries retries of a statement that is still busy after the native wait
     * @param sleeper        waits between those retries
     */
    public SqliteExecutor(String url, String location, int threads, Duration busyTimeout, int maxBusyRetries, Sleeper sleeper) {
        this.url = url;
        this.location = location;
        this.busyTimeout = busyTimeout;
        this.maxBusyRetries = maxBusyRetries;
        this.sleeper = sleeper;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "secopskit-sqlite-" + n.getAndIncrement());
            t.setDaemon(true);
            return t;
        });
    }

    /** Returns how many calls are submitted and not yet finished (queued or running). */
    public int inFlight() {
        return inFlight.get();
    }

    /**
     * Runs work on a pool thread and waits for it. An interrupt of the caller is remembered and restored after the
     * work ends (a half-done store write is never abandoned).
     *
     * @param operation the operation name, for messages
     * @param work      the work
     * @param <T>       answer type
     * @return the answer
     * @throws StoreException on database errors, or when the store stays busy beyond the retry bound
     */
    public <T> T call(String operation, Work<T> work) {
        Future<T> f;
        inFlight.incrementAndGet();
        try {
            f = pool.submit(() -> runWithRetry(operation, work));
        } catch (RejectedExecutionException e) {
            inFlight.decrementAndGet();
            throw new StoreException(operation, "the store " + location + " is closed", e);
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException) {
                        throw (RuntimeException) cause;
                    }
                    if (cause instanceof Error) {
                        throw (Error) cause;
                    }
                    throw new StoreException(operation, location + ": " + cause, cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private <T> T runWithRetry(String operation, Work<T> work) {
        try {
            for (int attempt = 0; ; attempt++) {
                try {
                    return work.run(connection());
                } catch (SQLException e) {
                    if (!busy(e) || attempt >= maxBusyRetries) {
                        throw new StoreException(operation, location + ": " + e.getMessage()
                                + (busy(e) ? " (still busy after " + attempt + " retries)" : ""), e);
                    }
                    try {
                        sleeper.sleep(Duration.ofMillis(Math.min(100, 1L << Math.min(attempt, 7))));
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        throw new StoreException(operation, location + ": interrupted while the database was busy", ie);
                    }
                }
            }
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /**
     * Returns whether an error means another connection holds a lock.
     *
     * @param e the error
     * @return true for SQLITE_BUSY and SQLITE_LOCKED (any extended code)
     */
    public static boolean busy(SQLException e) {
        if (e instanceof SQLiteException) {
            int primary = ((SQLiteException) e).getResultCode().code & 0xff;
            return primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code;
        }
        return false;
    }

    private Connection connection() throws SQLException {
        Connection c = connection.get();
        if (c == null) {
            c = open();
            connection.set(c);
            connections.add(c);
        }
        return c;
    }

    /**
     * Opens a configured connection (for the pool, and for migrations).
     *
     * @return the connection
     * @throws SQLException on database errors
     */
    public Connection open() throws SQLException {
        Properties p = new Properties();
        p.setProperty("busy_timeout", Long.toString(busyTimeout.toMillis()));
        Connection c = DriverManager.getConnection(url, p);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = " + busyTimeout.toMillis());
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA synchronous = FULL");
            s.execute("PRAGMA foreign_keys = ON");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Connection c : connections) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing the rest matters more
            }
        }
    }
}
