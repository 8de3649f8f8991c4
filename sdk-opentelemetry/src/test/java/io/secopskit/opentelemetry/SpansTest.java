package io.secopskit.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.secopskit.core.LogCapture;
import io.secopskit.core.error.AuthenticationException;
import io.secopskit.core.error.QuotaExhaustedException;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.error.TransportException;
import io.secopskit.core.http.RateLimit;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The operation span and its attempt spans, against FakeOAuth2Server with an injected clock and sleeper. */
class SpansTest {
    private static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("secopskit.attempt");
    private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");

    private final AcmeFixture acme = new AcmeFixture();
    private final TestTelemetry otel = new TestTelemetry();

    @AfterEach
    void tearDown() {
        acme.close();
        otel.close();
    }

    private AcmeClient tracedClient() {
        return acme.client(SecOpsKitTelemetry.create(otel.sdk)::install);
    }

    private Attributes attemptAttributes(String method, String template, String operation, long attempt, Long status,
                                         String errorType) {
        var b = Attributes.builder()
                .put("http.request.method", method)
                .put("server.address", acme.host())
                .put("server.port", acme.port())
                .put("url.template", template)
                .put("secopskit.vendor", "acme")
                .put("secopskit.operation", operation)
                .put("secopskit.attempt", attempt);
        if (attempt > 1) {
            b.put("http.request.resend_count", attempt - 1);
        }
        if (status != null) {
            b.put("http.response.status_code", status);
        }
        if (errorType != null) {
            b.put("error.type", errorType);
        }
        return b.build();
    }

    private Attributes operationAttributes(String method, String template, String operation, long attempts, Long status,
                                           String errorType) {
        var b = Attributes.builder()
                .put("secopskit.vendor", "acme")
                .put("secopskit.operation", operation)
                .put("http.request.method", method)
                .put("server.address", acme.host())
                .put("url.template", template)
                .put("secopskit.attempt.count", attempts);
        if (status != null) {
            b.put("http.response.status_code", status);
        }
        if (errorType != null) {
            b.put("error.type", errorType);
        }
        return b.build();
    }

    private static void assertAttributes(Attributes expected, SpanData span) {
        assertEquals(expected.asMap(), span.getAttributes().asMap(), span.getName());
    }

    private static void assertAttributes(Attributes expected, EventData event) {
        assertEquals(expected.asMap(), event.getAttributes().asMap(), event.getName());
    }

    private static List<SpanData> byAttempt(List<SpanData> spans) {
        return spans.stream().sorted(Comparator.comparing(s -> s.getAttributes().get(ATTEMPT))).toList();
    }

    @Test
    void getTenant_whenTwo503sThenOk_recordsOneOperationSpanWithThreeAttemptChildren() {
        acme.server.faults().nextCalls(2, "GET", "/v1/tenants/").respondWithRetryAfter(503, "1", "{\"error\":\"busy\"}");

        try (AcmeClient client = tracedClient()) {
            assertEquals(200, client.getTenant("t-42").status());
        }

        assertEquals(3, acme.server.requests("GET", "/v1/tenants/t-42").size());
        SpanData op = otel.span("acme.GetTenant");
        assertEquals(SpanKind.INTERNAL, op.getKind());
        assertEquals(StatusCode.UNSET, op.getStatus().getStatusCode());
        assertAttributes(operationAttributes("GET", "/v1/tenants/{tenantId}", "GetTenant", 3, 200L, null), op);
        List<SpanData> attempts = byAttempt(otel.spans("GET /v1/tenants/{tenantId}"));
        assertEquals(3, attempts.size(), otel.names().toString());
        for (SpanData attempt : attempts) {
            assertEquals(SpanKind.CLIENT, attempt.getKind());
            assertEquals(op.getSpanId(), attempt.getParentSpanId());
            assertEquals(op.getTraceId(), attempt.getTraceId());
        }
        assertAttributes(attemptAttributes("GET", "/v1/tenants/{tenantId}", "GetTenant", 1, 503L, "503"), attempts.get(0));
        assertAttributes(attemptAttributes("GET", "/v1/tenants/{tenantId}", "GetTenant", 2, 503L, "503"), attempts.get(1));
        assertAttributes(attemptAttributes("GET", "/v1/tenants/{tenantId}", "GetTenant", 3, 200L, null), attempts.get(2));
        assertEquals(List.of(StatusCode.ERROR, StatusCode.ERROR, StatusCode.UNSET),
                attempts.stream().map(s -> s.getStatus().getStatusCode()).toList());
        assertEquals("", attempts.get(0).getStatus().getDescription(), "the status code says it all");

        List<EventData> events = op.getEvents();
        assertEquals(List.of("secopskit.retry", "secopskit.retry"), events.stream().map(EventData::getName).toList());
        assertAttributes(Attributes.builder().put("secopskit.attempt", 2L).put("secopskit.retry.delay", 1.0)
                .put("secopskit.retry.reason", "HTTP 503").build(), events.get(0));
        assertEquals(3L, events.get(1).getAttributes().get(ATTEMPT));

        SpanData token = otel.span("acme.token");
        assertEquals(SpanKind.CLIENT, token.getKind());
        assertEquals(attempts.get(0).getSpanId(), token.getParentSpanId(), "the token is fetched inside the first attempt");
        assertAttributes(Attributes.builder().put("secopskit.vendor", "acme").put("server.address", acme.host()).build(),
                token);
        assertEquals(5, otel.spans().size(), otel.names().toString());
    }

    @Test
    void createTenant_when503_isNotRetriedAndRecordsOneAttemptWithErrorType503() {
        acme.server.faults().nextCalls(1, "POST", "/v1/tenants").respond(503, "{\"error\":\"busy\"}");

        try (AcmeClient client = tracedClient()) {
            ServerException e = assertThrows(ServerException.class, () -> client.createTenant(Map.of("name", "Acme")));
            assertEquals(503, e.httpStatus());
        }

        assertEquals(1, acme.server.requests("POST", "/v1/tenants").size());
        SpanData attempt = otel.span("POST /v1/tenants");
        assertAttributes(attemptAttributes("POST", "/v1/tenants", "CreateTenant", 1, 503L, "503"), attempt);
        assertEquals(StatusCode.ERROR, attempt.getStatus().getStatusCode());
        SpanData op = otel.span("acme.CreateTenant");
        assertEquals(op.getSpanId(), attempt.getParentSpanId());
        assertAttributes(operationAttributes("POST", "/v1/tenants", "CreateTenant", 1, 503L, ServerException.class.getName()),
                op);
        assertEquals(StatusCode.ERROR, op.getStatus().getStatusCode());
        assertTrue(op.getEvents().isEmpty(), "no retry was scheduled");
    }

    @Test
    void createTenant_whenConnectionDrops_attemptErrorTypeIsTheTransportFailureClass() {
        acme.server.faults().nextCalls(1, "POST", "/v1/tenants").dropConnection();

        TransportException e;
        try (AcmeClient client = tracedClient()) {
            e = assertThrows(TransportException.class, () -> client.createTenant(Map.of("name", "Acme")));
        }

        assertEquals(1, acme.server.requests("POST", "/v1/tenants").size(), "a POST is never resent");
        assertTrue(e.getCause() instanceof IOException, String.valueOf(e.getCause()));
        SpanData attempt = otel.span("POST /v1/tenants");
        assertAttributes(attemptAttributes("POST", "/v1/tenants", "CreateTenant", 1, null, e.getCause().getClass().getName()),
                attempt);
        assertNotEquals(TransportException.class.getName(), attempt.getAttributes().get(ERROR_TYPE));
        assertEquals(StatusCode.ERROR, attempt.getStatus().getStatusCode());
        SpanData op = otel.span("acme.CreateTenant");
        assertAttributes(operationAttributes("POST", "/v1/tenants", "CreateTenant", 1, null, TransportException.class.getName()),
                op);
    }

    @Test
    void getTenant_whenConnectionDropsOnce_firstAttemptCarriesTheIoFailureClassAndTheRetrySucceeds() throws Exception {
        acme.server.faults().nextCalls(1, "GET", "/v1/tenants/").dropConnection();

        try (AcmeClient client = tracedClient()) {
            assertEquals(200, client.getTenant("t-1").status());
        }

        List<SpanData> attempts = byAttempt(otel.spans("GET /v1/tenants/{tenantId}"));
        assertEquals(2, attempts.size());
        String errorType = attempts.get(0).getAttributes().get(ERROR_TYPE);
        assertTrue(IOException.class.isAssignableFrom(Class.forName(errorType)), errorType);
        assertNull(attempts.get(0).getAttributes().get(STATUS));
        assertNull(attempts.get(1).getAttributes().get(ERROR_TYPE));
        assertEquals(200L, attempts.get(1).getAttributes().get(STATUS));
        SpanData op = otel.span("acme.GetTenant");
        assertEquals(StatusCode.UNSET, op.getStatus().getStatusCode());
        assertEquals(Class.forName(errorType).getSimpleName(),
                op.getEvents().get(0).getAttributes().get(AttributeKey.stringKey("secopskit.retry.reason")));
    }

    @Test
    void createTenant_whenDailyQuotaIsUsed_recordsAnOperationSpanWithoutAttempts() {
        try (AcmeClient client = acme.client(o -> SecOpsKitTelemetry.create(otel.sdk)
                .install(o.rateLimit(RateLimit.perDay("acme.create", 1))))) {
            client.createTenant(Map.of("name", "Acme"));
            assertThrows(QuotaExhaustedException.class, () -> client.createTenant(Map.of("name", "Acme 2")));
        }

        assertEquals(1, acme.server.requests("POST", "/v1/tenants").size());
        List<SpanData> ops = otel.spans("acme.CreateTenant");
        assertEquals(2, ops.size());
        assertAttributes(operationAttributes("POST", "/v1/tenants", "CreateTenant", 0, null,
                QuotaExhaustedException.class.getName()), ops.get(1));
        assertEquals(StatusCode.ERROR, ops.get(1).getStatus().getStatusCode());
        SpanData attempt = otel.span("POST /v1/tenants");
        assertEquals(ops.get(0).getSpanId(), attempt.getParentSpanId());
    }

    @Test
    void getTenant_whenTokenEndpointRefusesTheClient_tokenSpanCarries401AndNothingReachesTheApi() {
        AuthenticationException e;
        try (AcmeClient client = acme.client("wrong-secret", SecOpsKitTelemetry.create(otel.sdk)::install)) {
            e = assertThrows(AuthenticationException.class, () -> client.getTenant("t-1"));
        }

        assertEquals(0, acme.server.requests("GET", "/v1/tenants/t-1").size());
        SpanData token = otel.span("acme.token");
        assertAttributes(Attributes.builder().put("secopskit.vendor", "acme").put("server.address", acme.host())
                .put("http.response.status_code", 401L).put("error.type", "401").build(), token);
        assertEquals(StatusCode.ERROR, token.getStatus().getStatusCode());
        SpanData attempt = otel.span("GET /v1/tenants/{tenantId}");
        assertEquals(attempt.getSpanId(), token.getParentSpanId());
        assertAttributes(attemptAttributes("GET", "/v1/tenants/{tenantId}", "GetTenant", 1, null,
                AuthenticationException.class.getName()), attempt);
        SpanData op = otel.span("acme.GetTenant");
        assertEquals(AuthenticationException.class.getName(), op.getAttributes().get(ERROR_TYPE));
        assertEquals((long) e.httpStatus(), op.getAttributes().get(STATUS));
    }

    @Test
    void getTenant_whenTheTokenIsRevoked_theAuthStepsReplayStaysInsideOneAttemptSpan() {
        try (AcmeClient client = tracedClient()) {
            client.getTenant("t-1");
            otel.spanExporter.reset();
            acme.server.issuer().revokeAll();

            assertEquals(200, client.getTenant("t-2").status());
        }

        assertEquals(2, acme.server.requests("GET", "/v1/tenants/t-2").size(), "401, then one replay with a new token");
        SpanData attempt = otel.span("GET /v1/tenants/{tenantId}");
        assertAttributes(attemptAttributes("GET", "/v1/tenants/{tenantId}", "GetTenant", 1, 200L, null), attempt);
        assertEquals(attempt.getSpanId(), otel.span("acme.token").getParentSpanId());
        assertEquals(1L, otel.span("acme.GetTenant").getAttributes().get(AttributeKey.longKey("secopskit.attempt.count")));
    }

    @Test
    void getTenant_whenTheTokenEndpointDropsTheConnection_tokenSpanCarriesTheIoFailureClassAndNoStatus() {
        acme.server.faults().nextCalls(1, "POST", "/oauth/token").dropConnection();

        try (AcmeClient client = tracedClient()) {
            assertThrows(TransportException.class, () -> client.getTenant("t-1"));
        }

        SpanData token = otel.spans("acme.token").get(0);
        String errorType = token.getAttributes().get(ERROR_TYPE);
        assertTrue(errorType != null && errorType.startsWith("java."), String.valueOf(errorType));
        assertNull(token.getAttributes().get(STATUS), "no answer, no status code");
        assertEquals(StatusCode.ERROR, token.getStatus().getStatusCode());
    }

    @Test
    void getTenant_whenThePropagatorWritesAnIllegalHeader_sendsTheRequestWithoutIt() {
        TextMapPropagator broken = new TextMapPropagator() {
            @Override
            public java.util.Collection<String> fields() {
                return List.of("x-trace");
            }

            @Override
            public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
                setter.set(carrier, "x-trace", "a\r\nX-Injected: yes");
            }

            @Override
            public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
                return context;
            }
        };
        OpenTelemetry withBrokenPropagator = OpenTelemetrySdk.builder()
                .setTracerProvider(otel.sdk.getSdkTracerProvider())
                .setPropagators(ContextPropagators.create(broken)).build();

        try (LogCapture log = new LogCapture();
             AcmeClient client = acme.client(SecOpsKitTelemetry.builder(withBrokenPropagator).propagateContext(true)
                     .build()::install)) {
            assertEquals(200, client.getTenant("t-1").status());
            assertEquals(200, client.getTenant("t-1").status());
            assertEquals(1, log.lines().stream().filter(l -> l.startsWith("WARN SecOpsKit telemetry: injecting the trace "
                    + "context failed (java.lang.IllegalArgumentException)")).count(), log.all());
        }

        var sent = acme.server.requests("GET", "/v1/tenants/t-1").get(0);
        assertNull(sent.header("x-trace"));
        assertNull(sent.header("X-Injected"));
        assertEquals(List.of(200L, 200L), otel.spans("GET /v1/tenants/{tenantId}").stream()
                .map(span -> span.getAttributes().get(STATUS)).toList(), "the spans are still recorded");
    }

    @Test
    void getTenant_whenTheApplicationHasASpanOpen_operationSpanIsItsChild() {
        Span parent = otel.sdk.getTracer("partner-app").spanBuilder("onboard customer").startSpan();
        try (AcmeClient client = tracedClient(); Scope ignored = parent.makeCurrent()) {
            client.getTenant("t-1");
        } finally {
            parent.end();
        }

        SpanData op = otel.span("acme.GetTenant");
        assertEquals(parent.getSpanContext().getSpanId(), op.getParentSpanId());
        assertEquals(parent.getSpanContext().getTraceId(), op.getTraceId());
        assertFalse(Span.current().getSpanContext().isValid(), "every scope was closed");
    }

    @Test
    void getTenant_whenSixteenThreadsShareAClient_eachAttemptSpanHasItsOwnCallAsParent() throws Exception {
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try (AcmeClient client = tracedClient()) {
            List<Future<Integer>> results = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String id = "t-" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return client.getTenant(id).status();
                }));
            }
            start.countDown();
            for (Future<Integer> f : results) {
                assertEquals(200, f.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        List<SpanData> ops = otel.spans("acme.GetTenant");
        List<SpanData> attempts = otel.spans("GET /v1/tenants/{tenantId}");
        assertEquals(threads, ops.size());
        assertEquals(threads, attempts.size());
        Map<String, SpanData> opsById = ops.stream().collect(Collectors.toMap(SpanData::getSpanId, s -> s));
        Set<String> parents = attempts.stream().map(SpanData::getParentSpanId).collect(Collectors.toSet());
        assertEquals(opsById.keySet(), parents, "one attempt under each call");
        for (SpanData attempt : attempts) {
            assertEquals(opsById.get(attempt.getParentSpanId()).getTraceId(), attempt.getTraceId());
        }
        assertEquals(threads, ops.stream().map(SpanData::getTraceId).distinct().count(), "one trace per call");
    }

    @Test
    void getTenant_byDefault_sendsNoTraceContextToTheVendor() {
        try (AcmeClient client = tracedClient()) {
            client.getTenant("t-1");
        }

        var sent = acme.server.requests("GET", "/v1/tenants/t-1").get(0);
        assertNull(sent.header("traceparent"));
        assertNull(sent.header("tracestate"));
    }

    @Test
    void getTenant_whenPropagationIsOn_sendsTheAttemptSpansTraceparent() {
        acme.server.faults().nextCalls(1, "GET", "/v1/tenants/").respondWithRetryAfter(503, "0", "{}");
        try (AcmeClient client = acme.client(SecOpsKitTelemetry.builder(otel.sdk).propagateContext(true).build()::install)) {
            client.getTenant("t-1");
        }

        List<SpanData> attempts = byAttempt(otel.spans("GET /v1/tenants/{tenantId}"));
        List<String> sent = acme.server.requests("GET", "/v1/tenants/t-1").stream().map(r -> r.header("traceparent")).toList();
        assertEquals(List.of(
                "00-" + attempts.get(0).getTraceId() + "-" + attempts.get(0).getSpanId() + "-"
                        + attempts.get(0).getSpanContext().getTraceFlags().asHex(),
                "00-" + attempts.get(1).getTraceId() + "-" + attempts.get(1).getSpanId() + "-"
                        + attempts.get(1).getSpanContext().getTraceFlags().asHex()), sent);
        assertNull(acme.server.requests("POST", "/oauth/token").get(0).header("traceparent"),
                "the token request is not a vendor API call");
    }
}
