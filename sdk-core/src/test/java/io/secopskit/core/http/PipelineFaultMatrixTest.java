package io.secopskit.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.error.RateLimitedException;
import io.secopskit.core.error.SecOpsException;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.error.TransportException;
import io.secopskit.core.spi.ApiRequest;
import io.secopskit.core.spi.VendorPipeline;
import io.secopskit.testkit.FakeResponse;
import io.secopskit.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12 §1–2: a non-idempotent call reaches the server at most once under every fault; idempotent calls
 * are retried within the policy; every wait is bounded.
 */
class PipelineFaultMatrixTest {
    private static final Operation CREATE = Operation.builder("acme", "CreateThing", "POST", "/things").build();
    private static final Operation GET = Operation.builder("acme", "GetThing", "GET", "/things").build();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final OpenFake fake = new OpenFake()
            .stub("GET", "/things", r -> FakeResponse.json(200, "{\"ok\":true}"))
            .stub("POST", "/things", r -> FakeResponse.json(201, "{\"id\":\"t1\"}"));

    /** The faults of the matrix. */
    enum Fault {
        CONNECTION_DROPPED(s -> s.dropConnection(), TransportException.class),
        READ_TIMEOUT(s -> s.delay(Duration.ofMillis(1500)), TransportException.class),
        HTTP_503_RETRY_AFTER_0(s -> s.respondWithRetryAfter(503, "0", "{\"message\":\"busy\"}"), ServerException.class),
        HTTP_502(s -> s.respond(502, "{\"message\":\"bad gateway\"}"), ServerException.class),
        HTTP_429(s -> s.respondWithRetryAfter(429, "1", "{\"message\":\"slow down\"}"), RateLimitedException.class);

        final Consumer<io.secopskit.testkit.Faults.Spec> inject;
        final Class<? extends SecOpsException> expected;

        Fault(Consumer<io.secopskit.testkit.Faults.Spec> inject, Class<? extends SecOpsException> expected) {
            this.inject = inject;
            this.expected = expected;
        }
    }

    @AfterEach
    void tearDown() {
        fake.close();
    }

    private VendorPipeline pipeline() {
        return VendorPipeline.builder("acme").endpoint(fake.baseUri())
                .options(ClientOptions.builder().clock(clock).readTimeout(Duration.ofMillis(300))
                        .sleeper(d -> {
                            sleeps.add(d);
                            clock.advance(d);
                        }).build()).build();
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void nonIdempotentCall_underEveryFault_reachesTheServerExactlyOnce_andFailsTyped(Fault fault) {
        fault.inject.accept(fake.faults().nextCalls(5, "POST", "/things"));

        SecOpsException e = assertThrows(SecOpsException.class,
                () -> pipeline().execute(ApiRequest.of(CREATE).json(Map.of("name", "acme")).build()));

        assertInstanceOf(fault.expected, e, e.toString());
        assertEquals(1, fake.requests("POST", "/things").size(), "sent exactly once under " + fault);
        assertEquals("acme", e.vendor());
        assertEquals("CreateThing", e.operation());
        assertEquals("localhost", e.host());
        assertTrue(sleeps.isEmpty(), "no retry wait was scheduled");
        if (e instanceof TransportException) {
            assertFalse(e.isRetryable(), "the vendor may have acted on it");
            assertTrue(e.getMessage().contains("not repeated"), e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void idempotentCall_underEveryFault_isRetriedWithinThePolicy_andSucceeds(Fault fault) {
        fault.inject.accept(fake.faults().nextCalls(2, "GET", "/things"));

        var response = pipeline().execute(ApiRequest.of(GET).build());

        assertEquals(200, response.status());
        assertEquals(3, fake.requests("GET", "/things").size(), "two failures then the answer (3 attempts)");
        assertEquals(2, sleeps.size());
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void idempotentCall_persistentFault_stopsAtMaxAttempts_andFailsTypedAndRetryable(Fault fault) {
        fault.inject.accept(fake.faults().nextCalls(10, "GET", "/things"));

        SecOpsException e = assertThrows(SecOpsException.class, () -> pipeline().execute(ApiRequest.of(GET).build()));

        assertInstanceOf(fault.expected, e, e.toString());
        assertEquals(3, fake.requests("GET", "/things").size());
        assertTrue(e.isRetryable());
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775807", "99999999999999999999999999", "999999999"})
    void retryAfter_absurdSeconds_onA503ToAPost_neverThrowsUntypedAndIsNotRepeated(String value) {
        fake.faults().nextCalls(1, "POST", "/things").respondWithRetryAfter(503, value, "{}");

        ServerException e = assertThrows(ServerException.class, () -> pipeline().execute(ApiRequest.of(CREATE).build()));

        assertEquals(503, e.httpStatus());
        assertEquals(1, fake.requests("POST", "/things").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775807", "999999999", "-5", "soon", "Fri, 31 Dec 2099 23:59:59 GMT",
            "Sat, 01 Jan 2000 00:00:00 GMT", "1e9", " 7 "})
    void retryAfter_anyValue_onIdempotentCall_waitsAtMostTheCap(String value) {
        fake.faults().nextCalls(1, "GET", "/things").respondWithRetryAfter(503, value, "{}");

        assertEquals(200, pipeline().execute(ApiRequest.of(GET).build()).status());

        assertEquals(1, sleeps.size());
        Duration waited = sleeps.get(0);
        assertFalse(waited.isNegative());
        assertTrue(waited.compareTo(Duration.ofSeconds(60)) <= 0, "waited " + waited + " for Retry-After " + value);
    }

    @Test
    void attemptTimeout_cutsOneSlowAttempt_andTheRetrySucceeds() {
        fake.faults().nextCalls(1, "GET", "/things").delay(Duration.ofMillis(1500));
        VendorPipeline p = VendorPipeline.builder("acme").endpoint(fake.baseUri())
                .options(ClientOptions.builder().clock(clock).sleeper(sleeps::add)
                        .attemptTimeout(Duration.ofMillis(400)).build()).build();

        assertEquals(200, p.execute(ApiRequest.of(GET).build()).status());

        assertEquals(2, fake.requests("GET", "/things").size());
    }

    @Test
    void totalTimeout_boundsTheWholeCall_includingRetryWaits() {
        fake.faults().nextCalls(10, "GET", "/things").respondWithRetryAfter(503, "20", "{}");
        VendorPipeline p = VendorPipeline.builder("acme").endpoint(fake.baseUri())
                .options(ClientOptions.builder().clock(clock).retryPolicy(RetryPolicy.builder().maxAttempts(10).build())
                        .attemptTimeout(Duration.ofSeconds(5)).totalTimeout(Duration.ofSeconds(50))
                        .sleeper(d -> {
                            sleeps.add(d);
                            clock.advance(d);
                        }).build()).build();

        ServerException e = assertThrows(ServerException.class, () -> p.execute(ApiRequest.of(GET).build()));

        assertEquals(503, e.httpStatus());
        assertEquals(List.of(Duration.ofSeconds(20), Duration.ofSeconds(20)), sleeps, "a third wait would end past 50 s");
        assertEquals(3, fake.requests("GET", "/things").size());
    }

    @Test
    void documentedSafeResend_repeatsWithTheSameBody_onlyOnTheDocumentedFailure() {
        Operation create = Operation.builder("acme", "CreateThing", "POST", "/things")
                .retryCondition((status, body) -> body.contains("may be retried")).build();
        fake.faults().nextCalls(1, "POST", "/things").respond(500, "{\"message\":\"creation failed, may be retried\"}");

        assertEquals(201, pipeline().execute(ApiRequest.of(create).json(Map.of("name", "acme")).build()).status());

        List<io.secopskit.testkit.FakeRequest> sent = fake.requests("POST", "/things");
        assertEquals(2, sent.size());
        assertEquals(sent.get(0).body(), sent.get(1).body());
        assertEquals("{\"name\":\"acme\"}", sent.get(1).body());
    }

    @Test
    void interruptedCaller_isNotRetried_andKeepsTheInterruptFlag() {
        fake.faults().nextCalls(1, "GET", "/things").delay(Duration.ofSeconds(5));
        VendorPipeline p = pipeline();
        Thread.currentThread().interrupt();
        try {
            TransportException e = assertThrows(TransportException.class, () -> p.execute(ApiRequest.of(GET).build()));
            assertTrue(Thread.currentThread().isInterrupted());
            assertFalse(e.isRetryable());
        } finally {
            Thread.interrupted();
        }
        assertTrue(fake.requests("GET", "/things").size() <= 1);
    }
}
