package io.secopskit.carbonblack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.carbonblack.model.CreateFeedRequest;
import io.secopskit.carbonblack.model.CreateRunRequest;
import io.secopskit.carbonblack.model.DeviceQuery;
import io.secopskit.carbonblack.model.FeedInfo;
import io.secopskit.carbonblack.model.Run;
import io.secopskit.core.LogCapture;
import io.secopskit.core.Secret;
import io.secopskit.core.error.RateLimitedException;
import io.secopskit.core.http.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Carbon Black asks clients to stop every request after a 429 until its {@code Retry-After} has passed
 * (issue 12 §2, AMENDMENTS 12): the hold is honoured up to the retry policy's cap (60 s by default) and
 * clamped there with a warning, whatever the server sends; during it every call of the client — any
 * operation, either host — fails at once with {@link RateLimitedException} whose {@code retryAfter()} is the
 * time left, and nothing is sent; after it, calls flow. Time is the test clock; nothing sleeps.
 */
class RateLimitHoldTest extends CarbonBlackTestBase {
    private static final String TOO_MANY = "{\"success\":false,\"message\":\"Too Many Requests\"}";
    private static final Duration CAP = Duration.ofSeconds(60);

    private Run run;

    private Run startRun() {
        return cb.liveQuery().runs().create(CreateRunRequest.of("select * from processes;"));
    }

    /** Every kind of call the Custom key may make (defense host), reads and writes, each returning what it read. */
    private List<Supplier<Object>> everyKindOfCall() {
        return List.of(
                () -> cb.liveQuery().runs().get(run.id()),
                () -> cb.liveQuery().runs().create(CreateRunRequest.of("select 1;")),
                () -> cb.feeds().list().stream().count(),
                () -> cb.feeds().create(CreateFeedRequest.of(FeedInfo.of("n", "https://x.example", "s", "c"))),
                () -> cb.devices().list(DeviceQuery.all()).stream().count());
    }

    private int sent() {
        return fake.requests().size() + fake.apiHost().requests().size();
    }

    /** Asserts that every call — the API host's notifications too — fails at once, naming the time left, and that none is sent. */
    @SuppressWarnings("deprecation")
    private void assertEveryCallHeld(Duration left) {
        int before = sent();
        List<Supplier<Object>> calls = new java.util.ArrayList<>(everyKindOfCall());
        calls.add(() -> cb.notifications().fetch());
        for (Supplier<Object> call : calls) {
            RateLimitedException e = assertThrows(RateLimitedException.class, call::get);
            assertEquals("CLIENT_HOLD", e.vendorCode());
            assertEquals(left, e.retryAfter().orElseThrow(), e.getMessage());
            assertTrue(e.getMessage().contains("not sent"), e.getMessage());
            assertTrue(e.isRetryable());
        }
        assertEquals(before, sent(), "nothing was sent during the hold");
        assertTrue(sleeps.isEmpty(), "nobody waited: the hold fails fast " + sleeps);
    }

    @ParameterizedTest(name = "Retry-After: {0}")
    @ValueSource(strings = {"999999999", "9223372036854775807", "99999999999999999999999999", "Thu, 01 Jan 2099 00:00:00 GMT"})
    void absurdRetryAfter_onACreate_holdsEveryCallForTheCapOnly_withAWarning_thenCallsFlow(String retryAfter) {
        run = startRun();
        fake.faults().nextCalls(1, "POST", RUNS).respondWithRetryAfter(429, retryAfter, TOO_MANY);

        RateLimitedException first;
        try (LogCapture logs = new LogCapture()) {
            first = assertThrows(RateLimitedException.class, this::startRun);
            assertTrue(logs.all().contains("carbonblack.CreateRun HTTP 429 asked to wait"), logs.all());
            assertTrue(logs.all().contains("honouring at most 60 s"), logs.all());
        }
        assertEquals(CAP, first.retryAfter().orElseThrow(), "clamped to the policy's cap");
        assertEquals(429, first.httpStatus());
        assertEquals(2, fake.requests("POST", RUNS).size(), "the earlier run, and the refused create sent once");

        assertEveryCallHeld(CAP);
        clock.advance(Duration.ofSeconds(45));
        assertEveryCallHeld(Duration.ofSeconds(15));
        clock.advance(Duration.ofSeconds(15));

        int before = sent();
        for (Supplier<Object> call : everyKindOfCall()) {
            call.get();
        }
        assertEquals(before + everyKindOfCall().size(), sent(), "after the hold every call is sent again");
        @SuppressWarnings("deprecation")
        Runnable notifications = () -> cb.notifications().fetch();
        assertThrows(io.secopskit.core.error.AuthenticationException.class, notifications::run,
                "the API host is reached again (and refuses the Custom key, as the document's table says)");
        assertEquals(1, fake.apiHost().requests().size());
    }

    @Test
    void retryAfterWithinTheCap_holdsForExactlyThatLong() {
        run = startRun();
        fake.faults().nextCalls(1, "GET", FEEDS).respondWithRetryAfter(429, "7", TOO_MANY);
        cb.close();
        cb = builder().apiKey(CUSTOM_ID, Secret.of(CUSTOM_SECRET))
                .options(options().retryPolicy(RetryPolicy.builder().maxAttempts(1).build()).build()).build();

        RateLimitedException e = assertThrows(RateLimitedException.class, () -> cb.feeds().list().stream().count());

        assertEquals(Duration.ofSeconds(7), e.retryAfter().orElseThrow());
        clock.advance(Duration.ofSeconds(2));
        assertEveryCallHeld(Duration.ofSeconds(5));
        clock.advance(Duration.ofSeconds(5));
        assertEquals(run.id(), cb.liveQuery().runs().get(run.id()).id());
    }

    @Test
    void idempotentCall_answered429WithAbsurdRetryAfter_waitsTheCapOnce_andSucceeds() {
        run = startRun();
        fake.faults().nextCalls(1, "GET", RUNS + "/" + run.id()).respondWithRetryAfter(429, "999999999", TOO_MANY);

        Run read = cb.liveQuery().runs().get(run.id());

        assertEquals(run.id(), read.id());
        assertEquals(List.of(CAP), sleeps, "one wait, cut to the cap");
        assertEquals(2, fake.requests("GET", RUNS + "/" + run.id()).size());
    }

    @Test
    void customCap_clampsTheHoldToIt() {
        cb.close();
        cb = builder().apiKey(CUSTOM_ID, Secret.of(CUSTOM_SECRET))
                .options(options().retryPolicy(RetryPolicy.builder().maxRetryAfter(Duration.ofSeconds(5)).build()).build()).build();
        run = startRun();
        fake.faults().nextCalls(1, "POST", RUNS).respondWithRetryAfter(429, "3600", TOO_MANY);

        RateLimitedException e = assertThrows(RateLimitedException.class, this::startRun);

        assertEquals(Duration.ofSeconds(5), e.retryAfter().orElseThrow());
        assertEveryCallHeld(Duration.ofSeconds(5));
        clock.advance(Duration.ofSeconds(5));
        assertEquals(run.id(), cb.liveQuery().runs().get(run.id()).id());
    }

    @ParameterizedTest(name = "Retry-After: {0}")
    @ValueSource(strings = {"-5", "soon", "1.5", "Thu, 01 Jan 1970 00:00:00 GMT", ""})
    void unreadableNegativeOrPastRetryAfter_startsNoHold_andNothingThrowsUntyped(String retryAfter) {
        run = startRun();
        fake.faults().nextCalls(1, "POST", RUNS).respondWithRetryAfter(429, retryAfter, TOO_MANY);

        RateLimitedException e = assertThrows(RateLimitedException.class, this::startRun);

        assertEquals(429, e.httpStatus());
        assertTrue(e.retryAfter().isEmpty() || e.retryAfter().get().isZero(), String.valueOf(e.retryAfter()));
        assertEquals(run.id(), cb.liveQuery().runs().get(run.id()).id(), "no hold: the next call is sent at once");
        assertTrue(sleeps.isEmpty(), sleeps.toString());
    }

    @Test
    @SuppressWarnings("deprecation")
    void holdStartedByTheApiHost_alsoHoldsTheDefenseHost() {
        run = startRun();
        try (CarbonBlackClient siem = builder().apiKey("SIEMID0001", Secret.of("SIEMSECRET")).build()) {
            fake.apiHost().faults().nextCalls(1, "GET", "/integrationServices/v3/notification")
                    .respondWithRetryAfter(429, "30", TOO_MANY);
            RateLimitedException first = assertThrows(RateLimitedException.class, () -> siem.notifications().fetch());
            assertEquals(Duration.ofSeconds(30), first.retryAfter().orElseThrow());
            int before = sent();

            RateLimitedException held = assertThrows(RateLimitedException.class, () -> siem.feeds().list().stream().count());

            assertEquals("CLIENT_HOLD", held.vendorCode());
            assertEquals("ListFeeds", held.operation());
            assertEquals(before, sent());
            assertEquals(run.id(), cb.liveQuery().runs().get(run.id()).id(), "another client's calls are not held");
        }
    }
}
