package io.secopskit.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.error.QuotaExhaustedException;
import io.secopskit.core.error.RateLimitedException;
import io.secopskit.core.internal.http.ApiRequest;
import io.secopskit.core.internal.http.HttpPipeline;
import io.secopskit.testkit.FakeResponse;
import io.secopskit.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RateLimitTest {
    private static final Operation CREATE = Operation.builder("acme", "CreateThing", "POST", "/things")
            .rateLimitKey("acme.CreateThing").build();
    private static final Operation GET = Operation.builder("acme", "GetThing", "GET", "/things").build();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final OpenFake fake = new OpenFake()
            .stub("POST", "/things", r -> FakeResponse.json(201, "{}"))
            .stub("GET", "/things", r -> FakeResponse.json(200, "{}"));

    @AfterEach
    void tearDown() {
        fake.close();
    }

    private HttpPipeline pipeline(ClientOptions.Builder options, boolean holdAll) {
        return HttpPipeline.builder("acme").endpoint(fake.baseUri())
                .defaultRateLimit(RateLimit.perDay("acme.CreateThing", 30))
                .holdAllOnRateLimit(holdAll)
                .options(options.clock(clock).sleeper(sleeps::add).build()).build();
    }

    @Test
    void dailyLimit_31stCall_failsAtOnceWithResetTimeAndSendsNothing() {
        HttpPipeline p = pipeline(ClientOptions.builder(), false);
        for (int i = 0; i < 30; i++) {
            p.execute(ApiRequest.of(CREATE).build());
            clock.advance(Duration.ofMinutes(1));
        }

        QuotaExhaustedException e = assertThrows(QuotaExhaustedException.class, () -> p.execute(ApiRequest.of(CREATE).build()));

        assertEquals(30, fake.requests("POST", "/things").size(), "the 31st request never reaches the server");
        assertTrue(sleeps.isEmpty(), "no wait was attempted");
        assertEquals("acme.CreateThing", e.limitKey());
        assertEquals(Instant.parse("2026-11-23T10:00:00Z"), e.resetsAt(), "the daily window frees up 24 h after it opened");
        assertTrue(e.getMessage().contains("2026-11-23T10:00:00Z"), e.getMessage());
        assertEquals("CreateThing", e.operation());
    }

    @Test
    void dailyLimit_afterTheWindow_allowsCallsAgain() {
        HttpPipeline p = pipeline(ClientOptions.builder(), false);
        for (int i = 0; i < 30; i++) {
            p.execute(ApiRequest.of(CREATE).build());
        }
        clock.advance(Duration.ofDays(1));

        p.execute(ApiRequest.of(CREATE).build());

        assertEquals(31, fake.requests("POST", "/things").size());
    }

    @Test
    void limit_notApplied_toOperationsWithoutItsKey() {
        HttpPipeline p = pipeline(ClientOptions.builder().rateLimit(RateLimit.perDay("acme.CreateThing", 1)), false);
        p.execute(ApiRequest.of(CREATE).build());
        for (int i = 0; i < 5; i++) {
            p.execute(ApiRequest.of(GET).build());
        }
        assertThrows(QuotaExhaustedException.class, () -> p.execute(ApiRequest.of(CREATE).build()));
        assertEquals(5, fake.requests("GET", "/things").size());
    }

    @Test
    void limit_disabledByOptions_letsEveryCallThrough() {
        HttpPipeline p = pipeline(ClientOptions.builder().disableRateLimit("acme.CreateThing"), false);
        for (int i = 0; i < 31; i++) {
            p.execute(ApiRequest.of(CREATE).build());
        }
        assertEquals(31, fake.requests("POST", "/things").size());
    }

    @Test
    void perSecondLimit_nearPermit_waitsThroughSleeper() {
        HttpPipeline p = pipeline(ClientOptions.builder().rateLimit(new RateLimit("acme.CreateThing", 2, Duration.ofSeconds(1))), false);
        p.execute(ApiRequest.of(CREATE).build());
        p.execute(ApiRequest.of(CREATE).build());

        p.execute(ApiRequest.of(CREATE).build());

        assertEquals(1, sleeps.size());
        assertEquals(Duration.ofSeconds(1), sleeps.get(0));
        assertEquals(3, fake.requests("POST", "/things").size());
    }

    @Test
    void holdAll_after429WithRetryAfter_delaysNextCallOfAnyOperation() {
        HttpPipeline p = pipeline(ClientOptions.builder(), true);
        fake.faults().nextCalls(1, "POST", "/things").respondWithRetryAfter(429, "3", "{\"message\":\"slow\"}");
        assertThrows(RateLimitedException.class, () -> p.execute(ApiRequest.of(CREATE).build()));
        assertTrue(sleeps.isEmpty(), "a POST is not retried");

        p.execute(ApiRequest.of(GET).build());

        assertEquals(List.of(Duration.ofSeconds(3)), sleeps);
    }
}
