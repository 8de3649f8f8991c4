package io.secopskit.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.error.RateLimitedException;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.error.TransportException;
import io.secopskit.core.spi.ApiRequest;
import io.secopskit.core.spi.VendorPipeline;
import io.secopskit.testkit.FakeResponse;
import io.secopskit.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetryTest {
    private static final Operation GET = Operation.builder("acme", "GetThing", "GET", "/things").build();
    private static final Operation CREATE = Operation.builder("acme", "CreateThing", "POST", "/things").build();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final OpenFake fake = new OpenFake()
            .stub("GET", "/things", r -> FakeResponse.json(200, "{\"ok\":true}"))
            .stub("POST", "/things", r -> FakeResponse.json(201, "{\"id\":\"t1\"}"));

    @AfterEach
    void tearDown() {
        fake.close();
    }

    private VendorPipeline pipeline(RetryPolicy policy) {
        return VendorPipeline.builder("acme").endpoint(fake.baseUri())
                .options(ClientOptions.builder().clock(clock).retryPolicy(policy).sleeper(d -> {
                    sleeps.add(d);
                    clock.advance(d);
                }).build()).build();
    }

    @Test
    void get_after503_isRetriedAndSucceeds() {
        fake.faults().nextCalls(1).respond(503, "{\"message\":\"busy\"}");

        var response = pipeline(RetryPolicy.defaults()).execute(ApiRequest.of(GET).build());

        assertEquals(200, response.status());
        assertEquals(2, fake.requests("GET", "/things").size());
        assertEquals(1, sleeps.size());
        assertTrue(sleeps.get(0).compareTo(Duration.ofMillis(250)) <= 0, "full jitter stays under the first ceiling");
    }

    @Test
    void post_after503_isNotRetried() {
        fake.faults().nextCalls(1).respond(503, "{\"message\":\"busy\"}");

        ServerException e = assertThrows(ServerException.class,
                () -> pipeline(RetryPolicy.defaults()).execute(ApiRequest.of(CREATE).json(java.util.Map.of("a", 1)).build()));

        assertEquals(503, e.httpStatus());
        assertFalse(e.isRetryable(), "a POST that may have been applied is not marked retryable");
        assertEquals(1, fake.requests("POST", "/things").size());
        assertTrue(sleeps.isEmpty());
    }

    @Test
    void post_afterConnectionReset_isNotRetriedEvenByOkHttpItself() {
        fake.faults().nextCalls(1).dropConnection();

        assertThrows(TransportException.class,
                () -> pipeline(RetryPolicy.defaults()).execute(ApiRequest.of(CREATE).json(java.util.Map.of("a", 1)).build()));

        assertEquals(1, fake.requests("POST", "/things").size(), "OkHttp's silent retry must be off for POSTs");
    }

    @Test
    void get_afterConnectionReset_isRetried() {
        fake.faults().nextCalls(1).dropConnection();

        var response = pipeline(RetryPolicy.defaults()).execute(ApiRequest.of(GET).build());

        assertEquals(200, response.status());
        assertEquals(2, fake.requests("GET", "/things").size());
    }

    @Test
    void retryAfterSeconds_isHonoured() {
        fake.faults().nextCalls(1).respondWithRetryAfter(429, "2", "{\"message\":\"slow down\"}");

        pipeline(RetryPolicy.defaults()).execute(ApiRequest.of(GET).build());

        assertEquals(List.of(Duration.ofSeconds(2)), sleeps);
    }

    @Test
    void retryAfterHttpDate_isHonoured() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().plusSeconds(7).atZone(ZoneOffset.UTC));
        fake.faults().nextCalls(1).respondWithRetryAfter(503, date, "{\"message\":\"maintenance\"}");

        pipeline(RetryPolicy.defaults()).execute(ApiRequest.of(GET).build());

        assertEquals(List.of(Duration.ofSeconds(7)), sleeps);
    }

    @Test
    void retryAfter_longerThanCap_isClampedToTheCapAndStopsAtTheTotalTimeout() {
        fake.faults().nextCalls(5).respondWithRetryAfter(429, "3600", "{\"message\":\"quota\"}");

        RateLimitedException e = assertThrows(RateLimitedException.class,
                () -> pipeline(RetryPolicy.defaults()).execute(ApiRequest.of(GET).build()));

        assertEquals(List.of(Duration.ofSeconds(60)), sleeps, "one wait of the 60 s cap; a second would reach the 120 s total");
        assertEquals(2, fake.requests("GET", "/things").size());
        assertEquals(Duration.ofSeconds(60), e.retryAfter().orElseThrow(), "the clamped value, never the server's hour");
    }

    @Test
    void get_persistent503_stopsAfterMaxAttempts() {
        fake.faults().nextCalls(10).respond(503, "{\"message\":\"busy\"}");

        ServerException e = assertThrows(ServerException.class,
                () -> pipeline(RetryPolicy.builder().maxAttempts(4).build()).execute(ApiRequest.of(GET).build()));

        assertTrue(e.isRetryable());
        assertEquals(4, fake.requests("GET", "/things").size());
        assertEquals(3, sleeps.size());
    }

    @Test
    void get_whenNextDelayPassesTotalBudget_stops() {
        fake.faults().nextCalls(10).respondWithRetryAfter(503, "20", "{}");

        VendorPipeline p = VendorPipeline.builder("acme").endpoint(fake.baseUri())
                .options(ClientOptions.builder().clock(clock).retryPolicy(RetryPolicy.builder().maxAttempts(10).build())
                        .attemptTimeout(Duration.ofSeconds(10)).totalTimeout(Duration.ofSeconds(45)).sleeper(d -> {
                            sleeps.add(d);
                            clock.advance(d);
                        }).build()).build();
        assertThrows(ServerException.class, () -> p.execute(ApiRequest.of(GET).build()));

        assertEquals(List.of(Duration.ofSeconds(20), Duration.ofSeconds(20)), sleeps, "a third 20 s wait would pass 45 s");
    }

    @Test
    void post_withVendorDocumentedRetryCondition_isRetriedOnlyOnThatFailure() {
        Operation create = Operation.builder("acme", "CreateThing", "POST", "/things")
                .retryCondition((status, body) -> status == 500 && body.contains("may be retried")).build();
        fake.faults().nextCalls(1).respond(500, "{\"message\":\"creation failed, may be retried\"}");
        VendorPipeline p = pipeline(RetryPolicy.defaults());

        assertEquals(201, p.execute(ApiRequest.of(create).json(java.util.Map.of("a", 1)).build()).status());
        assertEquals(2, fake.requests("POST", "/things").size());

        fake.clearJournal();
        fake.faults().nextCalls(1).respond(500, "{\"message\":\"something else\"}");
        assertThrows(ServerException.class, () -> p.execute(ApiRequest.of(create).json(java.util.Map.of("a", 1)).build()));
        assertEquals(1, fake.requests("POST", "/things").size());
    }

    @Test
    void retryWait_whenInterrupted_stopsAndKeepsInterruptFlag() {
        fake.faults().nextCalls(1).respond(503, "{}");
        VendorPipeline p = VendorPipeline.builder("acme").endpoint(fake.baseUri())
                .options(ClientOptions.builder().clock(clock).sleeper(d -> {
                    throw new InterruptedException();
                }).build()).build();
        try {
            TransportException e = assertThrows(TransportException.class, () -> p.execute(ApiRequest.of(GET).build()));
            assertTrue(Thread.currentThread().isInterrupted());
            assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
            assertEquals(1, fake.requests("GET", "/things").size());
        } finally {
            Thread.interrupted();
        }
    }
}
