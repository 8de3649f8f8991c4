package io.secopskit.benchmarks;

import io.secopskit.core.Secret;
import io.secopskit.taegis.TaegisClient;
import io.secopskit.taegis.model.Tenant;
import io.secopskit.taegis.model.TenantQuery;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 4. Iterates 100,000 Taegis tenants in pages of 1,000 from FakeTaegis, in a JVM limited to 64 MB of heap.
 * The fake runs in the benchmark launcher's JVM ({@link BenchmarkMain}), so the 64 MB hold only the client
 * side: completing proves the paging is lazy and nothing accumulates.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx64m")
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class PagingMemoryBenchmark {
    private TaegisClient taegis;

    /** Connects to the launcher's FakeTaegis. */
    @Setup
    public void setUp() {
        URI url = URI.create(System.getProperty("taegis.url"));
        taegis = TaegisClient.builder().endpoint(url).authEndpoint(url)
                .clientCredentials(BenchmarkMain.TAEGIS_CLIENT, Secret.of(BenchmarkMain.TAEGIS_SECRET)).build();
    }

    /**
     * Iterates every tenant.
     *
     * @return how many
     */
    @Benchmark
    public long iterate100kTenants() {
        long n = 0;
        for (Tenant t : taegis.tenants().list(TenantQuery.builder().pageSize(1000).build())) {
            if (t.id() != null) {
                n++;
            }
        }
        if (n != BenchmarkMain.PAGING_TENANTS + 1) {
            throw new IllegalStateException("iterated " + n + " tenants, expected " + (BenchmarkMain.PAGING_TENANTS + 1));
        }
        System.out.printf("%n[paging-memory] iterated %d tenants with -Xmx64m; max heap %d MB%n", n,
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        return n;
    }
}
