package io.secopskit.benchmarks;

import io.secopskit.core.spi.VendorPipeline;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * 1. A GET returning ~1 KB of JSON parsed into a record, over loopback against the same MockWebServer:
 * the full SDK pipeline (OAuth token auth, rate limiter, retry, logging at INFO) versus raw OkHttp +
 * Jackson. Target: SDK/raw &lt;= 1.05 at the median.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LoopbackBenchmark {
    private MockWebServer server;
    private VendorPipeline sdk;
    private Clients.Raw raw;

    /** Starts the server and both clients. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        server = new MockWebServer();
        server.setServerSocketFactory(new NoDelayServerSockets());
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                boolean token = request.getUrl().encodedPath().endsWith("/token");
                return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                        .body(token ? "{\"access_token\":\"tok\",\"token_type\":\"Bearer\",\"expires_in\":3600}" : TenantRecord.JSON)
                        .build();
            }
        });
        server.start(java.net.InetAddress.getLoopbackAddress(), 0);
        URI base = URI.create(server.url("/").toString().replaceAll("/$", ""));
        sdk = Clients.sdk(base, null, Clients.oauth(base, 60_000));
        raw = new Clients.Raw(base.toString(), null);
        Clients.sdkCall(sdk);
        raw.call();
    }

    /** Stops the server. */
    @TearDown(Level.Trial)
    public void tearDown() {
        server.close();
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
