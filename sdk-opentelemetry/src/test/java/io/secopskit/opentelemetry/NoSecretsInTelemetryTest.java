package io.secopskit.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.secopskit.core.error.AuthenticationException;
import io.secopskit.core.error.NotFoundException;
import io.secopskit.core.error.TransportException;
import io.secopskit.core.http.HttpPolicy;
import io.secopskit.testkit.FakeRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs authenticated calls that carry known secret values everywhere a request or answer can carry them, then
 * looks for every one of them in everything exported: span names, attributes, events, statuses, metric
 * names and every point's attributes and exemplars.
 */
class NoSecretsInTelemetryTest {
    private static final String TENANT_ID = "tenant-PATHID-7d3a91";
    private static final String MISSING_ID = "missing-PATHID-aa12";
    private static final String QUERY_VALUE = "os=windows QUERY-91c2";
    private static final String HEADER_VALUE = "ref-HEADER-5f2c";
    private static final String BODY_NAME = "Acme BODY-e1f0";
    private static final String BODY_SECRET = "k-BODYSECRET-33";
    private static final String ERROR_BODY_SECRET = "ERRBODY-SECRET-1e4";
    private static final String RETRY_AFTER_VALUE = "1";
    private static final String WRONG_SECRET = "wrong-SECRET-xyz-77";

    private final AcmeFixture acme = new AcmeFixture();
    private final TestTelemetry otel = new TestTelemetry();

    @AfterEach
    void tearDown() {
        acme.close();
        otel.close();
    }

    @Test
    void authenticatedCalls_withKnownSecretValues_exportNoneOfThemInAnySpanEventOrMetric() {
        acme.server.issuer().lifetime(Duration.ofMinutes(5));
        SecOpsKitTelemetry telemetry = SecOpsKitTelemetry.builder(otel.sdk).propagateContext(true).build();
        HttpPolicy customerRef = (request, next) -> next.proceed(request.withHeader("X-Customer-Ref", HEADER_VALUE));

        try (AcmeClient client = acme.client(o -> telemetry.install(o).addPolicy(HttpPolicy.Slot.PER_CALL, customerRef))) {
            acme.server.faults().nextCalls(1, "GET", "/v1/tenants/").respondWithRetryAfter(503, RETRY_AFTER_VALUE,
                    "{\"error\":\"" + ERROR_BODY_SECRET + "\"}");
            client.getTenant(TENANT_ID);
            client.listAssets(TENANT_ID, QUERY_VALUE);
            client.listAssets(TENANT_ID, QUERY_VALUE);                 // waits for the rate limit
            client.createTenant(Map.of("name", BODY_NAME, "apiKey", BODY_SECRET));
            assertThrows(NotFoundException.class, () -> client.getTenant(MISSING_ID));
            acme.clock.advance(Duration.ofMinutes(10));              // the token expired: a second one
            client.getTenant(TENANT_ID);
            acme.server.issuer().revokeAll();                         // 401, a third token, one replay
            client.getTenant(TENANT_ID);
            acme.server.faults().nextCalls(1, "POST", "/v1/tenants").dropConnection();
            assertThrows(TransportException.class, () -> client.createTenant(Map.of("name", BODY_NAME)));
        }
        try (AcmeClient refused = acme.client(WRONG_SECRET, telemetry::install)) {
            assertThrows(AuthenticationException.class, () -> refused.getTenant(TENANT_ID));
        }

        Set<String> tokens = new LinkedHashSet<>();
        for (FakeRequest r : acme.server.requests()) {
            String auth = r.header("Authorization");
            if (auth != null && auth.startsWith("Bearer ")) {
                tokens.add(auth.substring("Bearer ".length()));
            }
        }
        assertEquals(3, tokens.size(), "three tokens were issued and used");
        List<String> secrets = new ArrayList<>(List.of(AcmeFixture.CLIENT_SECRET, AcmeFixture.RESPONSE_SECRET, TENANT_ID,
                MISSING_ID, QUERY_VALUE, "QUERY-91c2", HEADER_VALUE, BODY_NAME, BODY_SECRET, ERROR_BODY_SECRET, WRONG_SECRET,
                "Bearer", "Basic "));
        secrets.addAll(tokens);
        // they did travel: the test would prove nothing if they had not
        assertTrue(acme.server.requests("GET", "/v1/tenants/" + TENANT_ID + "/assets").get(0).queryParam("filter")
                .equals(QUERY_VALUE));
        assertEquals(HEADER_VALUE, acme.server.requests("GET", "/v1/tenants/" + TENANT_ID).get(0).header("X-Customer-Ref"));
        assertTrue(acme.server.requests("POST", "/v1/tenants").get(0).body().contains(BODY_SECRET));
        assertTrue(acme.server.requests("POST", "/oauth/token").stream().anyMatch(r -> r.header("Authorization") != null
                || r.body().contains(AcmeFixture.CLIENT_SECRET)));

        String exported = dump();
        assertTrue(exported.contains("acme.GetTenant") && exported.contains("/v1/tenants/{tenantId}/assets")
                && exported.contains(Keys.THROTTLE_WAITS) && exported.contains("acme.token"), "the dump holds the telemetry");
        for (String secret : secrets) {
            assertFalse(exported.contains(secret), () -> "exported telemetry contains " + secret);
        }
        assertFalse(exported.contains(acme.server.baseUri() + "/v1/"), "no URL is recorded");
        assertFalse(exported.contains("filter="), "no query is recorded");
        assertFalse(exported.toLowerCase(java.util.Locale.ROOT).contains("x-customer-ref"), "no header is recorded");
    }

    /** Everything exported, as text: each span and metric whole, and each attribute key and value again. */
    private String dump() {
        StringBuilder out = new StringBuilder();
        for (SpanData span : otel.spans()) {
            out.append(span).append('\n');
            append(out, span.getAttributes());
            out.append(span.getName()).append(' ').append(span.getStatus().getDescription()).append('\n');
            for (EventData event : span.getEvents()) {
                out.append(event.getName()).append('\n');
                append(out, event.getAttributes());
            }
        }
        for (MetricData metric : otel.metrics()) {
            out.append(metric).append('\n');
            for (PointData point : metric.getData().getPoints()) {
                append(out, point.getAttributes());
                point.getExemplars().forEach(e -> append(out, e.getFilteredAttributes()));
            }
        }
        return out.toString();
    }

    private static void append(StringBuilder out, Attributes attributes) {
        attributes.forEach((key, value) -> out.append(key.getKey()).append('=').append(value).append('\n'));
    }
}
