package io.secopskit.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.secopskit.core.LogCapture;
import io.secopskit.core.error.NotFoundException;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.error.TransportException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A telemetry backend that throws never changes a call: same answers, same typed exceptions, same number of
 * requests sent, retries still made. Each failing step is logged once, by step name and exception class.
 */
class TelemetryFailureTest {
    private final AcmeFixture acme = new AcmeFixture();
    private final LogCapture log = new LogCapture();

    @AfterEach
    void tearDown() {
        log.close();
        acme.close();
    }

    /** The module's warnings, each as "WARN SecOpsKit telemetry: <step> failed (...)...". */
    private List<String> warnings() {
        return log.lines().stream().filter(l -> l.contains("SecOpsKit telemetry: ")).toList();
    }

    private static String step(String warning) {
        return warning.substring(warning.indexOf("SecOpsKit telemetry: ") + "SecOpsKit telemetry: ".length(),
                warning.indexOf(" failed"));
    }

    /**
     * An OpenTelemetry whose objects are proxies: a method named in {@code throwing} (for the interface that
     * declares it) throws, any other returns a proxy of its interface return type, or nothing.
     */
    private static OpenTelemetry hostile(BiPredicate<Class<?>, String> throwing) {
        return proxy(OpenTelemetry.class, throwing);
    }

    private static <T> T proxy(Class<T> type, BiPredicate<Class<?>, String> throwing) {
        return type.cast(Proxy.newProxyInstance(TelemetryFailureTest.class.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> {
                    switch (method.getName()) {
                        case "toString":
                            return "hostile " + type.getSimpleName();
                        case "hashCode":
                            return System.identityHashCode(self);
                        case "equals":
                            return self == args[0];
                        default:
                            break;
                    }
                    if (throwing.test(type, method.getName())) {
                        throw new IllegalStateException("telemetry backend down");
                    }
                    Class<?> r = method.getReturnType();
                    if (r.isInterface()) {
                        return proxy(r, throwing);
                    }
                    if (r == boolean.class) {
                        return false;
                    }
                    if (r == int.class || r == long.class) {
                        return r == int.class ? (Object) 0 : (Object) 0L;
                    }
                    return null;
                }));
    }

    /** Nothing can start: spans, measurements and context injection all throw. */
    private static final BiPredicate<Class<?>, String> NOTHING_STARTS = (type, name) ->
            name.equals("startSpan") || name.equals("record") || name.equals("add") || name.equals("inject");

    /** Spans start, but every method of a span throws (attributes, status, events, end, putting it in a context). */
    private static final BiPredicate<Class<?>, String> SPANS_BREAK = (type, name) -> type == Span.class
            || (type == DoubleHistogram.class || type == LongHistogram.class) && name.equals("record")
            || type == LongCounter.class && name.equals("add")
            || type == TextMapPropagator.class && name.equals("inject");

    private void runCalls(OpenTelemetry openTelemetry) {
        SecOpsKitTelemetry telemetry = SecOpsKitTelemetry.builder(openTelemetry).propagateContext(true).build();
        acme.server.faults().nextCalls(2, "GET", "/v1/tenants/").respondWithRetryAfter(503, "1", "{}");
        try (AcmeClient client = acme.client(telemetry::install)) {
            assertEquals("{\"id\":\"t-1\",\"name\":\"Acme\"}", new String(client.getTenant("t-1").body(),
                    java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(3, acme.server.requests("GET", "/v1/tenants/t-1").size(), "retries still happen");
            NotFoundException missing = assertThrows(NotFoundException.class, () -> client.getTenant("missing-1"));
            assertEquals(404, missing.httpStatus());
            client.listAssets("t-1", "all");
            client.listAssets("t-1", "all");
            assertEquals(2, acme.server.requests("GET", "/v1/tenants/t-1/assets").size());
            acme.server.faults().nextCalls(1, "POST", "/v1/tenants").respond(503, "{}");
            assertThrows(ServerException.class, () -> client.createTenant(Map.of("name", "Acme")));
            acme.server.faults().nextCalls(1, "POST", "/v1/tenants").dropConnection();
            assertThrows(TransportException.class, () -> client.createTenant(Map.of("name", "Acme")));
            assertEquals(2, acme.server.requests("POST", "/v1/tenants").size(), "each POST sent once");
        }
        assertNull(acme.server.requests("GET", "/v1/tenants/t-1").get(0).header("traceparent"));
        assertFalse(Span.current().getSpanContext().isValid(), "no scope left open on the thread");
    }

    @Test
    void calls_whenNoSpanOrMeasurementCanStart_behaveExactlyAsWithoutTelemetry() {
        runCalls(hostile(NOTHING_STARTS));

        List<String> warnings = warnings();
        assertEquals(List.of("starting an operation span", "starting an attempt span", "starting a token span",
                        "recording a token request", "recording an attempt", "recording a retry", "recording a response size",
                        "recording a call", "recording a throttle wait"),
                warnings.stream().map(TelemetryFailureTest::step).toList(),
                "one warning per failing step, however many calls: " + warnings);
        assertTrue(warnings.stream().allMatch(w -> w.startsWith("WARN ") && w.contains("(java.lang.IllegalStateException)")
                && !w.contains("backend down")), "level WARN, exception class only: " + warnings);
    }

    @Test
    void calls_whenEverySpanMethodThrows_behaveExactlyAsWithoutTelemetry() {
        runCalls(hostile(SPANS_BREAK));

        List<String> steps = warnings().stream().map(TelemetryFailureTest::step).toList();
        assertTrue(steps.containsAll(List.of("making an operation span current", "making an attempt span current",
                "ending an attempt span", "ending an operation span", "ending a token span")), steps.toString());
        assertEquals(steps.size(), steps.stream().distinct().count(), "no step logged twice: " + steps);
    }
}
