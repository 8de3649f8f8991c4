package io.secopskit.benchmarks;

import io.secopskit.testkit.FakeTaegis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the suite: starts the FakeTaegis with 100,000 tenants for the paging benchmark in this JVM, then
 * JMH with the GC profiler (1 fork, 3 x 2 s warm-up, 5 x 2 s measurement), writing
 * {@code benchmarks/results/<date>-<selection>.json}. Argument: a regex of benchmarks to run (default all).
 */
public final class BenchmarkMain {
    static final String TAEGIS_CLIENT = "bench-client";
    static final String TAEGIS_SECRET = "bench-secret";
    static final int PAGING_TENANTS = 100_000;

    private BenchmarkMain() {
    }

    /**
     * Runs the benchmarks.
     *
     * @param args optional include regex
     * @throws Exception if JMH fails
     */
    public static void main(String[] args) throws Exception {
        String include = args.length > 0 && !args[0].isBlank() && !args[0].startsWith("${") ? args[0] : ".*";
        Path results = Path.of("results");
        Files.createDirectories(results);
        try (FakeTaegis taegis = new FakeTaegis()) {
            String taegisUrl = "http://127.0.0.1:0";
            if ("PagingMemory".matches(".*" + include + ".*") || include.equals(".*")) {
                taegis.start();
                taegis.issuer().client(TAEGIS_CLIENT, TAEGIS_SECRET);
                taegis.seedTenants(PAGING_TENANTS);
                taegisUrl = taegis.baseUri().toString();
            }
            Options options = new OptionsBuilder()
                    .include(include)
                    .forks(1)
                    .warmupIterations(3).warmupTime(TimeValue.seconds(2))
                    .measurementIterations(5).measurementTime(TimeValue.seconds(2))
                    .addProfiler(GCProfiler.class)
                    .jvmArgsPrepend("-Dtaegis.url=" + taegisUrl)
                    .resultFormat(ResultFormatType.JSON)
                    .result(results.resolve(LocalDate.now() + "-" + (include.equals(".*") ? "all"
                            : include.replaceAll("[^A-Za-z0-9]+", "_")) + ".json").toString())
                    .build();
            new Runner(options).run();
        }
    }
}
