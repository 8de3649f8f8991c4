package io.secopskit.stellar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.LogCapture;
import io.secopskit.core.Secret;
import io.secopskit.core.error.AuthenticationException;
import io.secopskit.testkit.FakeRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AuthModesTest extends StellarTestBase {
    private static String basic(String user, String key) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void apiKey_exchangesBasicEmailKeyForJwt_andSendsBearer() {
        client.tenants().list().stream().count();

        FakeRequest exchange = fake.requests("POST", StellarCyberClient.TOKEN_PATH).get(0);
        assertEquals(basic(EMAIL, KEY), exchange.header("Authorization"));
        assertEquals("", exchange.body());
        FakeRequest call = fake.requests("GET", "/connect/api/v1/tenants").get(0);
        assertTrue(call.header("Authorization").matches("Bearer [\\w-]+\\.[\\w-]+\\.[\\w-]+"), call.header("Authorization"));
    }

    @Test
    void scopedApiKey_sendsKeyAsBearerToExchange() {
        fake.scopedKey("scoped-key-xyz");
        StellarCyberClient scoped = builder().scopedApiKey(Secret.of("scoped-key-xyz")).build();

        scoped.tenants().list().stream().count();

        assertEquals("Bearer scoped-key-xyz", fake.requests("POST", StellarCyberClient.TOKEN_PATH).get(0).header("Authorization"));
        assertTrue(fake.requests("GET", "/connect/api/v1/tenants").get(0).header("Authorization").startsWith("Bearer ey"));
    }

    @Test
    void basicApiKey_sendsBasicOnEveryCall_andNeverExchanges() {
        fake.allowBasicAuth(true);
        StellarCyberClient basic = builder().basicApiKey(EMAIL, Secret.of(KEY)).build();

        basic.tenants().list().stream().count();
        basic.tenants().list().stream().count();

        assertTrue(fake.requests("POST", StellarCyberClient.TOKEN_PATH).isEmpty());
        for (FakeRequest r : fake.requests("GET", "/connect/api/v1/tenants")) {
            assertEquals(basic(EMAIL, KEY), r.header("Authorization"));
        }
    }

    @Test
    void builder_twoAuthModes_areRefused() {
        assertThrows(IllegalStateException.class,
                () -> builder().apiKey(EMAIL, Secret.of(KEY)).scopedApiKey(Secret.of("k")));
        assertThrows(IllegalArgumentException.class, () -> builder().build());
    }

    @Test
    void wrongKey_surfacesAuthenticationException_withoutTheKey() {
        StellarCyberClient wrong = builder().apiKey(EMAIL, Secret.of("WRONG-KEY-VALUE")).build();
        try (LogCapture logs = new LogCapture()) {
            AuthenticationException e = assertThrows(AuthenticationException.class, () -> wrong.tenants().list().stream().count());

            assertEquals(401, e.httpStatus());
            assertFalse((e.getMessage() + logs.all()).contains("WRONG-KEY-VALUE"));
            assertTrue(fake.requests("GET", "/connect/api/v1/tenants").isEmpty());
        }
    }

    @Test
    void twoSecondTokens_1000CallsOver60SimulatedSecondsFrom16Threads_refreshOncePerSecondWithNo401() throws Exception {
        fake.tokenLifetime(Duration.ofSeconds(2));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try (LogCapture logs = new LogCapture()) {
            int calls = 0;
            for (int second = 0; second < 60; second++) {
                int batch = second < 40 ? 17 : 16; // 40 x 17 + 20 x 16 = 1,000 calls
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> futures = new ArrayList<>();
                for (int i = 0; i < batch; i++) {
                    futures.add(pool.submit(() -> {
                        go.await();
                        return client.tenants().list().stream().count();
                    }));
                }
                go.countDown();
                for (Future<?> f : futures) {
                    f.get(30, TimeUnit.SECONDS);
                }
                calls += batch;
                clock.advance(Duration.ofSeconds(1));
            }
            assertEquals(1000, calls);
            assertEquals(1000, fake.requests("GET", "/connect/api/v1/tenants").size());
            // A 2 s token is stale after 1 s (refresh-ahead is capped at half the lifetime), so each simulated
            // second needs exactly one exchange: the first and 59 refreshes.
            assertEquals(60, fake.tokensIssued());
            assertEquals(0, fake.unauthorizedResponses(), "no call ever carried an expired token");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void vendor401_onValidLookingToken_refreshesOnceAndReplaysOnce() {
        client.tenants().list().stream().count();
        fake.clearJournal();
        fake.faults().nextCalls(1, "GET", "/connect/api/v1/tenants").respond(401, "{\"error\":\"Unauthorized\"}");

        client.tenants().list().stream().count();

        List<FakeRequest> gets = fake.requests("GET", "/connect/api/v1/tenants");
        assertEquals(2, gets.size(), "the call and exactly one replay");
        assertEquals(1, fake.requests("POST", StellarCyberClient.TOKEN_PATH).size(), "exactly one refresh");
        assertFalse(gets.get(0).header("Authorization").equals(gets.get(1).header("Authorization")),
                "the replay carries the new token");
    }
}
