package io.secopskit.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.secopskit.core.store.JournalEntry;
import io.secopskit.core.store.ProvisioningStore;
import io.secopskit.core.store.QuotaStore;
import io.secopskit.store.postgres.PostgresProvisioningStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * 5. Store latency, p50/p99 (SampleTime): a shared quota permit and a journal append, in memory against PostgreSQL 17
 * (embedded, on loopback, through a HikariCP pool of 8 — the store takes any DataSource). Two PostgreSQL settings: the
 * embedded server's test defaults ({@code fsync=off}, {@code synchronous_commit=off}) and a durable one
 * ({@code fsync=on}, {@code synchronous_commit=on}), which waits for the WAL flush like a production server.
 *
 * <p>The quota key is Chronicle's 30 a day; the benchmark clock advances one hour per permit, so the window always
 * holds 24 sends and every permit is granted — the steady state of a busy quota (the row's array at its usual size).
 * {@code quotaAcquireContended} has 4 threads on the same key: they queue on the key's row lock.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StoreBenchmark {
    /** {@code memory}, {@code postgres} (test defaults) or {@code postgres-durable}. */
    @Param({"memory", "postgres", "postgres-durable"})
    public String store;

    private EmbeddedPostgres pg;
    private HikariDataSource pool;
    private ProvisioningStore provisioning;
    private QuotaStore quotas;
    private final AtomicLong hours = new AtomicLong();
    private final AtomicLong appends = new AtomicLong();
    private static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");
    private static final Map<String, String> DETAILS = Map.of(JournalEntry.DETAIL_FENCE, "7",
            JournalEntry.DETAIL_CREDENTIALS_ISSUED, "BACKSTORY_API,BIGQUERY_API,INGESTION_API", JournalEntry.DETAIL_CREDENTIALS_SINK, "files");

    /**
     * Starts the store (and the embedded server).
     *
     * @throws IOException if the server does not start
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        if (store.equals("memory")) {
            provisioning = ProvisioningStore.inMemory();
            quotas = QuotaStore.inMemory();
            return;
        }
        EmbeddedPostgres.Builder b = EmbeddedPostgres.builder();
        if (store.equals("postgres-durable")) {
            b.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        pg = b.start();
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        c.setMaximumPoolSize(8);
        pool = new HikariDataSource(c);
        PostgresProvisioningStore s = PostgresProvisioningStore.open(pool);
        provisioning = s;
        quotas = s.quotas();
    }

    /**
     * Stops the server.
     *
     * @throws IOException if it does not stop
     */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        if (pool != null) {
            pool.close();
            pg.close();
        }
    }

    /**
     * One permit of Chronicle's shared daily quota.
     *
     * @return the answer
     */
    @Benchmark
    public QuotaStore.Acquisition quotaAcquire() {
        return quotas.tryAcquire("chronicle.CreateCustomer", 30, Duration.ofDays(1), T0.plusSeconds(3600 * hours.incrementAndGet()));
    }

    /**
     * One permit, four threads asking for the same key.
     *
     * @return the answer
     */
    @Benchmark
    @Threads(4)
    public QuotaStore.Acquisition quotaAcquireContended() {
        return quotas.tryAcquire("chronicle.CreateCustomer", 30, Duration.ofDays(1), T0.plusSeconds(3600 * hours.incrementAndGet()));
    }

    /**
     * One journal append (a CREATED entry with three details, spread over 1,000 customers).
     *
     * @return the stored entry
     */
    @Benchmark
    public JournalEntry journalAppend() {
        long n = appends.incrementAndGet();
        return provisioning.journal().append(JournalEntry.of("customer-" + (n % 1000), "chronicle", "run-1", JournalEntry.Event.CREATED,
                "tenant-" + n, T0.plusMillis(n), DETAILS));
    }
}
