package io.secopskit.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.secopskit.core.error.AuthenticationException;
import io.secopskit.core.error.TransportException;
import io.secopskit.core.http.Operation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Metrics recorded through the pipeline listener, read back with the SDK's in-memory metric reader. */
class MetricsTest {
    private final AcmeFixture acme = new AcmeFixture();
    private TestTelemetry otel = new TestTelemetry();

    @AfterEach
    void tearDown() {
        acme.close();
        otel.close();
    }

    private AcmeClient tracedClient() {
        return acme.client(SecOpsKitTelemetry.create(otel.sdk)::install);
    }

    private AttributesBuilder base(Operation op) {
        return Attributes.builder().put("secopskit.vendor", "acme").put("secopskit.operation", op.name())
                .put("http.request.method", op.method()).put("server.address", acme.host())
                .put("server.port", acme.port());
    }

    private AttributesBuilder attempt(Operation op) {
        return base(op).put("url.template", op.pathTemplate());
    }

    private Attributes token(String outcome, String errorType) {
        AttributesBuilder b = Attributes.builder().put("secopskit.vendor", "acme").put("server.address", acme.host())
                .put("secopskit.token.outcome", outcome);
        return errorType == null ? b.build() : b.put("error.type", errorType).build();
    }

    @Test
    void getTenant_whenTwo503sThenOk_recordsCallAttemptRetryTokenAndSizeMetrics() {
        acme.server.faults().nextCalls(2, "GET", "/v1/tenants/").respondWithRetryAfter(503, "1", "{\"error\":\"busy\"}");

        try (AcmeClient client = tracedClient()) {
            client.getTenant("t-42");
            client.getTenant("t-43");
        }

        Operation op = AcmeClient.GET_TENANT;
        HistogramPointData call = otel.histogramPoint(Keys.CALL_DURATION, base(op).put("http.response.status_code", 200L).build());
        assertEquals(2, call.getCount());
        assertTrue(call.getSum() > 0, "durations are measured");
        assertEquals(2, otel.histogramPoint(Keys.REQUEST_DURATION, attempt(op).put("http.response.status_code", 503L)
                .put("error.type", "503").build()).getCount());
        assertEquals(2, otel.histogramPoint(Keys.REQUEST_DURATION, attempt(op).put("http.response.status_code", 200L)
                .build()).getCount());
        assertEquals(2, otel.histogram(Keys.REQUEST_DURATION).size(), "no other attempt outcome");
        assertEquals(2, otel.counterValue(Keys.RETRIES, base(op).put("secopskit.retry.reason", "HTTP 503").build()));
        assertEquals(1, otel.counterValue(Keys.TOKEN_REFRESHES, token("success", null)), "the second call reuses the token");
        assertEquals(1, otel.histogramPoint(Keys.TOKEN_REFRESH_DURATION, token("success", null)).getCount());
        HistogramPointData size = otel.histogramPoint(Keys.RESPONSE_BODY_SIZE, base(op).build());
        assertEquals(2, size.getCount());
        assertEquals(("{\"id\":\"t-42\",\"name\":\"Acme\"}" + "{\"id\":\"t-43\",\"name\":\"Acme\"}")
                .getBytes(StandardCharsets.UTF_8).length, size.getSum(), 0.0);
        assertTrue(otel.counter(Keys.THROTTLE_WAITS).isEmpty(), "nothing waited for a permit");
    }

    @Test
    void metrics_haveTheDocumentedUnits() {
        acme.server.faults().nextCalls(1, "GET", "/v1/tenants/").respondWithRetryAfter(503, "0", "{}");
        try (AcmeClient client = tracedClient()) {
            client.getTenant("t-1");
            client.listAssets("t-1", "all");
            client.listAssets("t-1", "all");
        }

        Map<String, String> units = Map.of(Keys.CALL_DURATION, "s", Keys.REQUEST_DURATION, "s", Keys.RETRIES, "{retry}",
                Keys.THROTTLE_WAITS, "{wait}", Keys.THROTTLE_WAIT_DURATION, "s", Keys.TOKEN_REFRESHES, "{refresh}",
                Keys.TOKEN_REFRESH_DURATION, "s", Keys.RESPONSE_BODY_SIZE, "By");
        for (MetricData m : otel.metrics()) {
            assertEquals(units.get(m.getName()), m.getUnit(), m.getName());
            assertEquals(Keys.SCOPE, m.getInstrumentationScopeInfo().getName());
        }
        assertEquals(units.keySet(), otel.metrics().stream().map(MetricData::getName).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void listAssets_whenTheRateLimitMakesACallWait_recordsTheWaitAndAnEventOnThatCall() {
        try (AcmeClient client = tracedClient()) {
            client.listAssets("t-1", "all");
            client.listAssets("t-1", "all");
        }

        Attributes limited = base(AcmeClient.LIST_ASSETS).put("secopskit.rate_limit.key", "acme.assets").build();
        assertEquals(1, otel.counterValue(Keys.THROTTLE_WAITS, limited));
        HistogramPointData waited = otel.histogramPoint(Keys.THROTTLE_WAIT_DURATION, limited);
        assertEquals(1, waited.getCount());
        assertEquals(2.0, waited.getSum(), 1e-9);
        assertEquals(2, acme.server.requests("GET", "/v1/tenants/t-1/assets").size());
        List<SpanData> calls = otel.spans("acme.ListAssets");
        assertEquals(List.of(), calls.get(0).getEvents());
        EventData event = calls.get(1).getEvents().get(0);
        assertEquals("secopskit.throttle", event.getName());
        assertEquals(Attributes.builder().put("secopskit.rate_limit.key", "acme.assets").put("secopskit.throttle.wait", 2.0)
                .build().asMap(), event.getAttributes().asMap());
    }

    @Test
    void getTenant_whenTheTokenEndpointRefusesTheClient_recordsAFailedRefreshAndTheTypedCallError() {
        AuthenticationException e;
        try (AcmeClient client = acme.client("wrong-secret", SecOpsKitTelemetry.create(otel.sdk)::install)) {
            e = assertThrows(AuthenticationException.class, () -> client.getTenant("t-1"));
        }

        assertEquals(1, otel.counterValue(Keys.TOKEN_REFRESHES, token("failure", "401")));
        assertEquals(1, otel.histogramPoint(Keys.TOKEN_REFRESH_DURATION, token("failure", "401")).getCount());
        assertEquals(1, otel.histogramPoint(Keys.CALL_DURATION, base(AcmeClient.GET_TENANT)
                .put("http.response.status_code", (long) e.httpStatus())
                .put("error.type", AuthenticationException.class.getName()).build()).getCount());
        assertTrue(otel.histogram(Keys.RESPONSE_BODY_SIZE).isEmpty());
    }

    @Test
    void createTenant_whenConnectionDrops_attemptMetricCarriesTheIoFailureClass() {
        acme.server.faults().nextCalls(1, "POST", "/v1/tenants").dropConnection();

        TransportException e;
        try (AcmeClient client = tracedClient()) {
            e = assertThrows(TransportException.class, () -> client.createTenant(Map.of("name", "Acme")));
        }

        Operation op = AcmeClient.CREATE_TENANT;
        assertEquals(1, otel.histogramPoint(Keys.REQUEST_DURATION, attempt(op)
                .put("error.type", e.getCause().getClass().getName()).build()).getCount());
        assertEquals(1, otel.histogramPoint(Keys.CALL_DURATION, base(op)
                .put("error.type", TransportException.class.getName()).build()).getCount());
        assertTrue(otel.counter(Keys.RETRIES).isEmpty(), "a POST is not retried");
    }

    @Test
    void getTenant_whenTracesAreNotSampled_metricsAreStillRecordedAndNoSpanIsExported() {
        otel.close();
        otel = new TestTelemetry(Sampler.alwaysOff());

        try (AcmeClient client = tracedClient()) {
            assertEquals(200, client.getTenant("t-1").status());
        }

        assertEquals(List.of(), otel.spans());
        assertEquals(1, otel.histogramPoint(Keys.CALL_DURATION, base(AcmeClient.GET_TENANT)
                .put("http.response.status_code", 200L).build()).getCount());
    }
}
