package io.secopskit.benchmarks;

import io.secopskit.core.spi.VendorPipeline;
import java.net.URI;
import java.util.concurrent.TimeUnit;
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
 * 3. 64 threads through one client whose tokens live 1 s (no refresh-ahead, so a token is renewed when
 * it expires): throughput against static-header auth, and the token-endpoint hit count, which must equal
 * the number of 1 s periods the trial spans (printed at tear-down).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(64)
public class TokenSingleFlightBenchmark {
    /** {@code token} (1 s OAuth tokens) or {@code static} (fixed header). */
    @Param({"token", "static"})
    public String auth;

    private Canned canned;
    private VendorPipeline sdk;
    private long startNanos;

    /** Builds the client. */
    @Setup(Level.Trial)
    public void setUp() {
        URI base = URI.create("https://tenants.example");
        canned = new Canned(1);
        sdk = Clients.sdk(base, canned, "token".equals(auth) ? Clients.oauth(base, 0) : Clients.staticKey());
        startNanos = System.nanoTime();
    }

    /** Prints the token count against the periods elapsed. */
    @TearDown(Level.Trial)
    public void report() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf("%n[token-single-flight] auth=%s token requests=%d over %.1f s; 1 s periods spanned=%d%n",
                auth, canned.tokenRequests.get(), seconds, (long) Math.ceil(seconds));
    }

    /**
     * One call.
     *
     * @return the record
     */
    @Benchmark
    public TenantRecord call() {
        return Clients.sdkCall(sdk);
    }
}
