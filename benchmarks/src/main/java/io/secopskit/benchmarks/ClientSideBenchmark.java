package io.secopskit.benchmarks;

import io.secopskit.core.spi.VendorPipeline;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * 2. The same call with the network replaced by a canned-response interceptor, so only client work is
 * measured; run with {@code -prof gc} for {@code gc.alloc.rate.norm}. Target: SDK &lt;= 1.3x raw in time and
 * in bytes allocated per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ClientSideBenchmark {
    private VendorPipeline sdk;
    private Clients.Raw raw;

    /** Builds both clients on the canned transport. */
    @Setup(Level.Trial)
    public void setUp() {
        URI base = URI.create("https://tenants.example");
        Canned canned = new Canned(3600);
        sdk = Clients.sdk(base, canned, Clients.oauth(base, 60_000));
        raw = new Clients.Raw(base.toString(), canned);
        Clients.sdkCall(sdk);
        raw.call();
    }

    /**
     * The SDK call.
     *
     * @return the record
     */
    @Benchmark
    public TenantRecord sdk() {
        return Clients.sdkCall(sdk);
    }

    /**
     * The hand-written call.
     *
     * @return the record
     */
    @Benchmark
    public TenantRecord raw() {
        return raw.call();
    }
}
