package io.secopskit.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.error.QuotaExhaustedException;
import io.secopskit.core.error.RateLimitedException;
import io.secopskit.core.spi.ApiRequest;
import io.secopskit.core.spi.VendorPipeline;
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

    private VendorPipeline pipeline(ClientOptions.Builder options, boolean holdAll) {
        return VendorPipeline.builder("acme").endpoint(fake.baseUri())
                .defaultRateLimit(RateLimit.perDay("acme.CreateThing", 30))
                .holdAllOnRateLimit(holdAll)
                .options(options.clock(clock).sleeper(sleeps::add).build()).build();
    }

    @Test
    void dailyLimit_31stCall_failsAtOnceWithResetTimeAndSendsNothing() {
        VendorPipeline p = pipeline(ClientOptions.builder(), false);
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
        VendorPipeline p = pipeline(ClientOptions.builder(), false);
        for (int i = 0; i < 30; i++) {
            p.execute(ApiRequest.of(CREATE).build());
        }
        clock.advance(Duration.ofDays(1));

        p.execute(ApiRequest.of(CREATE).build());

        assertEquals(31, fake.requests("POST", "/things").size());
    }

    @Test
    void limit_notApplied_toOperationsWithoutItsKey() {
        VendorPipeline p = pipeline(ClientOptions.builder().rateLimit(RateLimit.perDay("acme.CreateThing", 1)), false);
        p.execute(ApiRequest.of(CREATE).build());
        for (int i = 0; i < 5; i++) {
            p.execute(ApiRequest.of(GET).build());
        }
        assertThrows(QuotaExhaustedException.class, () -> p.execute(ApiRequest.of(CREATE).build()));
        assertEquals(5, fake.requests("GET", "/things").size());
    }

    @Test
    void limit_disabledByOptions_letsEveryCallThrough() {
        VendorPipeline p = pipeline(ClientOptions.builder().disableRateLimit("acme.CreateThing"), false);
        for (int i = 0; i < 31; i++) {
            p.execute(ApiRequest.of(CREATE).build());
        }
        assertEquals(31, fake.requests("POST", "/things").size());
    }

    @Test
    void perSecondLimit_nearPermit_waitsThroughSleeper() {
        VendorPipeline p = pipeline(ClientOptions.builder().rateLimit(RateLimit.throttle("acme.CreateThing", 2, Duration.ofSeconds(1))), false);
        p.execute(ApiRequest.of(CREATE).build());
        p.execute(ApiRequest.of(CREATE).build());

        p.execute(ApiRequest.of(CREATE).build());

        assertEquals(1, sleeps.size());
        assertEquals(Duration.ofSeconds(1), sleeps.get(0));
        assertEquals(3, fake.requests("POST", "/things").size());
    }

    @Test
    void holdAll_after429WithRetryAfter_failsOtherCallsAtOnceUntilTheHoldEnds() {
        VendorPipeline p = pipeline(ClientOptions.builder().disableRateLimit("acme.CreateThing"), true);
        fake.faults().nextCalls(1, "POST", "/things").respondWithRetryAfter(429, "3", "{\"message\":\"slow\"}");
        assertThrows(RateLimitedException.class, () -> p.execute(ApiRequest.of(CREATE).build()));
        assertTrue(sleeps.isEmpty(), "a POST is not retried");

        RateLimitedException held = assertThrows(RateLimitedException.class, () -> p.execute(ApiRequest.of(GET).build()));
        assertEquals(Duration.ofSeconds(3), held.retryAfter().orElseThrow());
        assertEquals("CLIENT_HOLD", held.vendorCode());
        assertEquals(0, fake.requests("GET", "/things").size(), "nothing is sent during the hold");
        assertTrue(sleeps.isEmpty(), "and nothing waits");

        clock.advance(Duration.ofSeconds(3));
        p.execute(ApiRequest.of(GET).build());
        assertEquals(1, fake.requests("GET", "/things").size(), "after the hold, calls flow again");
    }

    @Test
    void holdAll_absurdRetryAfter_isCappedAtTheRetryPolicyCap() {
        VendorPipeline p = pipeline(ClientOptions.builder().disableRateLimit("acme.CreateThing"), true);
        fake.faults().nextCalls(1, "POST", "/things").respondWithRetryAfter(429, "999999999", "{}");
        assertThrows(RateLimitedException.class, () -> p.execute(ApiRequest.of(CREATE).build()));

        RateLimitedException held = assertThrows(RateLimitedException.class, () -> p.execute(ApiRequest.of(GET).build()));
        assertEquals(Duration.ofSeconds(60), held.retryAfter().orElseThrow(), "held at most the 60 s cap, not until 2058");
        clock.advance(Duration.ofSeconds(60));
        p.execute(ApiRequest.of(GET).build());
        assertEquals(1, fake.requests("GET", "/things").size());
    }

    @Test
    void quota_isASlidingWindow_notTheCalendarDay() {
        VendorPipeline p = pipeline(ClientOptions.builder().rateLimit(RateLimit.perDay("acme.CreateThing", 2)), false);
        clock.set(Instant.parse("2026-11-22T23:00:00Z"));
        p.execute(ApiRequest.of(CREATE).build());
        clock.advance(Duration.ofMinutes(30));
        p.execute(ApiRequest.of(CREATE).build());
        clock.set(Instant.parse("2026-11-23T00:30:00Z")); // a new UTC day, but only 90 minutes later

        QuotaExhaustedException e = assertThrows(QuotaExhaustedException.class, () -> p.execute(ApiRequest.of(CREATE).build()));
        assertEquals(Instant.parse("2026-11-23T23:00:00Z"), e.resetsAt(), "the oldest counted send plus 24 h");
        assertEquals(QuotaExhaustedException.Side.CLIENT, e.detectedBy());
        clock.set(Instant.parse("2026-11-23T23:00:01Z"));
        p.execute(ApiRequest.of(CREATE).build());
        assertEquals(3, fake.requests("POST", "/things").size());
    }

    @Test
    void vendor429_onAQuotaOperation_isQuotaExhaustedFromTheVendor_notRetried() {
        Operation create = Operation.builder("acme", "CreateThing", "POST", "/things").rateLimitKey("acme.CreateThing")
                .retryCondition((status, body) -> true).build();
        VendorPipeline p = pipeline(ClientOptions.builder(), false);
        p.execute(ApiRequest.of(CREATE).build());
        clock.advance(Duration.ofHours(1));
        fake.faults().nextCalls(1, "POST", "/things").respond(429,
                "{\"error\":{\"code\":429,\"message\":\"Quota exceeded\",\"status\":\"RESOURCE_EXHAUSTED\"}}");

        QuotaExhaustedException e = assertThrows(QuotaExhaustedException.class, () -> p.execute(ApiRequest.of(create).build()));

        assertEquals(QuotaExhaustedException.Side.VENDOR, e.detectedBy());
        assertEquals(429, e.httpStatus());
        assertEquals("RESOURCE_EXHAUSTED", e.vendorCode());
        assertEquals(Instant.parse("2026-11-23T10:00:00Z"), e.resetsAt(), "the oldest send this client counted, plus 24 h");
        assertEquals(2, fake.requests("POST", "/things").size(), "not retried, even with a retry condition that says yes");
        assertTrue(sleeps.isEmpty());
        assertFalse(e.isRetryable());
    }

    @Test
    void sharedQuota_isCountedInTheConfiguredStore_unsharedOnesStayInMemory() {
        io.secopskit.core.store.QuotaStore store = io.secopskit.core.store.QuotaStore.inMemory();
        VendorPipeline a = pipeline(ClientOptions.builder().quotaStore(store)
                .rateLimit(RateLimit.perDay("acme.CreateThing", 3).asShared()), false);
        VendorPipeline b = pipeline(ClientOptions.builder().quotaStore(store)
                .rateLimit(RateLimit.perDay("acme.CreateThing", 3).asShared()), false);
        a.execute(ApiRequest.of(CREATE).build());
        b.execute(ApiRequest.of(CREATE).build());
        a.execute(ApiRequest.of(CREATE).build());

        assertThrows(QuotaExhaustedException.class, () -> b.execute(ApiRequest.of(CREATE).build()));
        assertEquals(3, fake.requests("POST", "/things").size(), "two clients, one count of 3");

        VendorPipeline c = pipeline(ClientOptions.builder().quotaStore(store), false); // default limit, not shared
        c.execute(ApiRequest.of(CREATE).build());
        assertEquals(4, fake.requests("POST", "/things").size(), "an unshared quota never reads the shared store");
    }
}
