package io.secopskit.servicenow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.Secret;
import io.secopskit.core.error.NotFoundException;
import io.secopskit.core.error.RateLimitedException;
import io.secopskit.core.error.SecOpsException;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.error.TransportException;
import io.secopskit.servicenow.model.CiEnrichmentResult;
import io.secopskit.servicenow.model.ObservableEnrichmentResult;
import io.secopskit.servicenow.model.TableQuery;
import io.secopskit.servicenow.model.ThreatLookupResult;
import io.secopskit.servicenow.model.WriteOptions;
import io.secopskit.testkit.FakeRequest;
import io.secopskit.testkit.FakeResponse;
import io.secopskit.testkit.FakeServiceNow;
import io.secopskit.testkit.Faults;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12's fault matrix for ServiceNow: every operation that creates or changes something reaches the
 * instance exactly once under each fault and the caller gets a typed exception; reads and deletes are
 * retried within the policy (3 attempts by default).
 */
class FaultMatrixTest extends ServiceNowTestBase {
    private static final String BASE = FakeServiceNow.DEFAULT_BASE_PATH;
    private static final String OBS = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    private static final Duration READ_TIMEOUT = Duration.ofMillis(150);
    private static final Duration SERVER_STALL = Duration.ofMillis(700);
    private static final String UNAVAILABLE = "{\"error\":{\"message\":\"Service temporarily unavailable\",\"detail\":null},"
            + "\"status\":\"failure\"}";
    private static final String RATE_LIMITED = "{\"error\":{\"message\":\"Rate limit exceeded\",\"detail\":null},"
            + "\"status\":\"failure\"}";

    /** The faults of issue 12's matrix. */
    enum Fault {
        DROPPED_BEFORE_ANSWER, READ_TIMEOUT, HTTP_503_RETRY_AFTER_0, HTTP_502, HTTP_429;

        void inject(Faults faults, int calls, String method, String path) {
            Faults.Spec spec = faults.nextCalls(calls, method, path);
            switch (this) {
                case DROPPED_BEFORE_ANSWER -> spec.dropConnection();
                case READ_TIMEOUT -> spec.delay(SERVER_STALL);
                case HTTP_503_RETRY_AFTER_0 -> spec.respondWithRetryAfter(503, "0", UNAVAILABLE);
                case HTTP_502 -> spec.respond(FakeResponse.text(502, "text/html",
                        "<html><body><h1>502 Bad Gateway</h1></body></html>"));
                case HTTP_429 -> spec.respondWithRetryAfter(429, "1", RATE_LIMITED);
                default -> throw new IllegalStateException();
            }
        }

        Class<? extends SecOpsException> expected() {
            return switch (this) {
                case DROPPED_BEFORE_ANSWER, READ_TIMEOUT -> TransportException.class;
                case HTTP_503_RETRY_AFTER_0, HTTP_502 -> ServerException.class;
                case HTTP_429 -> RateLimitedException.class;
            };
        }

        int status() {
            return switch (this) {
                case DROPPED_BEFORE_ANSWER, READ_TIMEOUT -> 0;
                case HTTP_503_RETRY_AFTER_0 -> 503;
                case HTTP_502 -> 502;
                case HTTP_429 -> 429;
            };
        }
    }

    /** Operations that create or change something: sent at most once. */
    enum Write {
        POST_CI_ENRICHMENT("PostCiEnrichment", "POST", BASE + "/ci_enrichment"),
        POST_OBSERVABLE_ENRICHMENT("PostObservableEnrichment", "POST", BASE + "/observable_enrichment"),
        POST_THREAT_LOOKUP("PostThreatLookup", "POST", BASE + "/threat_lookup"),
        TABLE_CREATE("TableCreate", "POST", "/api/now/table/incident"),
        TABLE_UPDATE("TableUpdate", "PATCH", "/api/now/table/incident/");

        final String operation;
        final String method;
        final String path;

        Write(String operation, String method, String path) {
            this.operation = operation;
            this.method = method;
            this.path = path;
        }
    }

    /** Operations that only read, or whose repetition has the same effect: retried. */
    enum Read {
        TABLE_LIST("TableList", "GET", "/api/now/table/incident"),
        TABLE_GET("TableGet", "GET", "/api/now/table/incident/"),
        TABLE_DELETE("TableDelete", "DELETE", "/api/now/table/incident/");

        final String operation;
        final String method;
        final String path;

        Read(String operation, String method, String path) {
            this.operation = operation;
            this.method = method;
            this.path = path;
        }
    }

    private ServiceNowClient sn;
    private String incident;

    @BeforeEach
    void faultClient() {
        incident = fake.insert("incident", Map.of("short_description", "seeded", "urgency", "3"));
        sn = builder().basicAuth(WRITER, Secret.of(WRITER_PASSWORD))
                .options(o -> o.readTimeout(READ_TIMEOUT)).build();
    }

    @org.junit.jupiter.api.AfterEach
    void closeFaultClient() {
        sn.close();
    }

    private Object run(Write op) {
        return switch (op) {
            case POST_CI_ENRICHMENT -> sn.secOpsIntegration().postCiEnrichment(CiEnrichmentResult.builder().ci(OBS)
                    .source("Shodan").result("open ports: 22").build(), WriteOptions.defaults());
            case POST_OBSERVABLE_ENRICHMENT -> sn.secOpsIntegration().postObservableEnrichment(
                    ObservableEnrichmentResult.builder().observable(OBS).source("WHOIS").result("r").build(),
                    WriteOptions.defaults());
            case POST_THREAT_LOOKUP -> sn.secOpsIntegration().postThreatLookup(ThreatLookupResult.builder()
                    .observable(OBS).source("VirusTotal").result("malicious").build(), WriteOptions.defaults());
            case TABLE_CREATE -> sn.table("incident").create(Map.of("short_description", "phishing"));
            case TABLE_UPDATE -> sn.table("incident").update(incident, Map.of("work_notes", "escalated"));
        };
    }

    private Object run(Read op) {
        return switch (op) {
            case TABLE_LIST -> sn.table("incident").list(TableQuery.builder().build()).stream().toList();
            case TABLE_GET -> sn.table("incident").get(incident);
            case TABLE_DELETE -> {
                sn.table("incident").delete(incident);
                yield "deleted";
            }
        };
    }

    private List<FakeRequest> received(String method, String pathPrefix) {
        return fake.requests().stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix)
                && (pathPrefix.endsWith("/") || r.path().equals(pathPrefix))).toList();
    }

    static Stream<Arguments> writesTimesFaults() {
        return Stream.of(Write.values()).flatMap(w -> Stream.of(Fault.values()).map(f -> Arguments.of(w, f)));
    }

    static Stream<Arguments> readsTimesFaults() {
        return Stream.of(Read.values()).flatMap(r -> Stream.of(Fault.values()).map(f -> Arguments.of(r, f)));
    }

    @ParameterizedTest(name = "{0} x {1}")
    @MethodSource("writesTimesFaults")
    void write_underEveryFault_reachesTheInstanceOnce_andFailsTyped(Write op, Fault fault) {
        fault.inject(fake.faults(), 1, op.method, op.path);

        SecOpsException e = assertThrows(SecOpsException.class, () -> run(op));

        assertInstanceOf(fault.expected(), e, e.toString());
        assertEquals("servicenow", e.vendor());
        assertEquals(op.operation, e.operation());
        assertEquals(fakeHost(), e.host());
        assertEquals(fault.status(), e.httpStatus());
        List<FakeRequest> sent = received(op.method, op.path);
        assertEquals(1, sent.size(), "the instance received exactly one " + op + " request");
        assertTrue(sent.get(0).body().length() > 2, "the one request carried its body");
        assertTrue(sleeps.isEmpty(), "no retry was scheduled: " + sleeps);
        if (fault == Fault.HTTP_429) {
            assertEquals(Optional.of(Duration.ofSeconds(1)), ((RateLimitedException) e).retryAfter());
        }
        if (fault == Fault.DROPPED_BEFORE_ANSWER || fault == Fault.READ_TIMEOUT) {
            assertTrue(e.getMessage().contains("not repeated: the vendor may have acted on it"), e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0} x {1}")
    @MethodSource("readsTimesFaults")
    void read_faultOnFirstAttempt_isRetried_andSucceeds(Read op, Fault fault) {
        fault.inject(fake.faults(), 1, op.method, op.path);

        if (op == Read.TABLE_DELETE && fault == Fault.READ_TIMEOUT) {
            // the stalled first attempt did delete the record; the retry finds nothing: documented on delete()
            assertThrows(NotFoundException.class, () -> run(op));
        } else {
            run(op);
        }

        assertEquals(2, received(op.method, op.path).size(), op + " was sent twice: the fault, then the retry");
        assertEquals(1, sleeps.size());
        Duration waited = sleeps.get(0);
        switch (fault) {
            case HTTP_503_RETRY_AFTER_0 -> assertEquals(Duration.ZERO, waited);
            case HTTP_429 -> assertEquals(Duration.ofSeconds(1), waited);
            default -> assertTrue(waited.compareTo(Duration.ofMillis(250)) <= 0, "first backoff within 250 ms: " + waited);
        }
        if (op == Read.TABLE_DELETE && fault != Fault.READ_TIMEOUT) {
            assertTrue(fake.records("incident").isEmpty());
        }
    }

    @ParameterizedTest(name = "{0} x {1}")
    @MethodSource("readsTimesFaults")
    void read_faultOnEveryAttempt_stopsAfterThePolicysAttempts_andFailsTyped(Read op, Fault fault) {
        fault.inject(fake.faults(), 3, op.method, op.path);

        SecOpsException e = assertThrows(SecOpsException.class, () -> run(op));

        assertInstanceOf(fault.expected(), e, e.toString());
        assertEquals(op.operation, e.operation());
        assertEquals(fakeHost(), e.host());
        assertEquals(fault.status(), e.httpStatus());
        assertTrue(e.isRetryable(), "a later repeat of a read may succeed");
        assertEquals(3, received(op.method, op.path).size(), "RetryPolicy.defaults(): 3 attempts");
        assertEquals(2, sleeps.size());
    }
}
