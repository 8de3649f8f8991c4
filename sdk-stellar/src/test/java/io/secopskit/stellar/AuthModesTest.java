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
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AuthModesTest extends StellarTestBase {
    private static String basic(String user, String key) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void apiKey_exchangesBasicEmailKeyForJwt_andSendsBearer() {
        client.tenants().list().stream().count();

        FakeRequest exchange = fake.requests("POST", StellarClient.TOKEN_PATH).get(0);
        assertEquals(basic(EMAIL, KEY), exchange.header("Authorization"));
        assertEquals("", exchange.body());
        assertEquals("application/json", exchange.header("Accept"));
        FakeRequest call = fake.requests("GET", "/connect/api/v1/tenants").get(0);
        assertTrue(call.header("Authorization").matches("Bearer [\\w-]+\\.[\\w-]+\\.[\\w-]+"), call.header("Authorization"));
    }

    @Test
    void scopedApiKey_sendsKeyAsBearerToExchange() {
        fake.scopedKey("scoped-key-xyz");
        StellarClient scoped = builder().scopedApiKey(Secret.of("scoped-key-xyz")).build();

        scoped.tenants().list().stream().count();

        assertEquals("Bearer scoped-key-xyz", fake.requests("POST", StellarClient.TOKEN_PATH).get(0).header("Authorization"));
        assertTrue(fake.requests("GET", "/connect/api/v1/tenants").get(0).header("Authorization").startsWith("Bearer ey"));
    }

    @Test
    void tokenExchange_carriesTheDocumentedFormContentType_exactly() {
        client.tenants().list().stream().count();

        FakeRequest exchange = fake.requests("POST", StellarClient.TOKEN_PATH).get(0);
        assertFormContentType(exchange.header("Content-Type"));
        assertEquals("0", exchange.header("Content-Length"));
    }

    /**
     * The vendor document's token request sends {@code Content-Type: application/x-www-form-urlencoded}. The
     * media type must be exactly that; core's token call (OkHttp's text body) may add only
     * {@code ; charset=utf-8}, nothing else.
     */
    private static void assertFormContentType(String header) {
        assertTrue(Set.of(StellarClient.TOKEN_CONTENT_TYPE, StellarClient.TOKEN_CONTENT_TYPE + "; charset=utf-8")
                .contains(header), header);
        assertEquals("application/x-www-form-urlencoded", header.split(";")[0]);
    }

    @Test
    void scopedApiKey_tokenExchange_carriesTheFormContentTypeToo() {
        fake.scopedKey("scoped-key-xyz");
        try (StellarClient scoped = builder().scopedApiKey(Secret.of("scoped-key-xyz")).build()) {
            scoped.tenants().list().stream().count();
        }

        assertFormContentType(fake.requests("POST", StellarClient.TOKEN_PATH).get(0).header("Content-Type"));
    }

    @Test
    void apiKeySupplier_isReadAtEveryExchange_soARotatedKeyNeedsNoNewClient() {
        AtomicReference<String> vault = new AtomicReference<>(KEY);
        AtomicInteger reads = new AtomicInteger();
        try (StellarClient rotating = builder().apiKey(EMAIL, () -> {
            reads.incrementAndGet();
            return Secret.of(vault.get());
        }).build()) {
            rotating.tenants().list().stream().count();
            fake.user(EMAIL, "rotated-key-2");
            vault.set("rotated-key-2");
            clock.advance(Duration.ofSeconds(601));

            rotating.tenants().list().stream().count();
        }

        List<FakeRequest> exchanges = fake.requests("POST", StellarClient.TOKEN_PATH);
        assertEquals(2, exchanges.size());
        assertEquals(basic(EMAIL, KEY), exchanges.get(0).header("Authorization"));
        assertEquals(basic(EMAIL, "rotated-key-2"), exchanges.get(1).header("Authorization"));
        assertEquals(2, reads.get(), "read once per exchange, not per call");
    }

    @Test
    void scopedApiKeySupplier_isReadAtEveryExchange() {
        fake.scopedKey("scoped-1").scopedKey("scoped-2");
        AtomicReference<String> vault = new AtomicReference<>("scoped-1");
        try (StellarClient scoped = builder().scopedApiKey(() -> Secret.of(vault.get())).build()) {
            scoped.tenants().list().stream().count();
            vault.set("scoped-2");
            clock.advance(Duration.ofSeconds(601));
            scoped.tenants().list().stream().count();
        }

        List<FakeRequest> exchanges = fake.requests("POST", StellarClient.TOKEN_PATH);
        assertEquals("Bearer scoped-1", exchanges.get(0).header("Authorization"));
        assertEquals("Bearer scoped-2", exchanges.get(1).header("Authorization"));
    }

    @Test
    void basicAuthSupplier_isReadAgainAfter401_andTheRotatedKeyIsReplayedOnce() {
        fake.allowBasicAuth(true);
        AtomicReference<String> vault = new AtomicReference<>(KEY);
        try (StellarClient basic = builder().basicAuth(EMAIL, () -> Secret.of(vault.get())).build()) {
            basic.tenants().list().stream().count();
            fake.user(EMAIL, "rotated-key-2");
            vault.set("rotated-key-2");

            basic.tenants().list().stream().count();
        }

        List<FakeRequest> gets = fake.requests("GET", "/connect/api/v1/tenants");
        assertEquals(3, gets.size(), "the first call, the refused one with the old key, and one replay");
        assertEquals(basic(EMAIL, KEY), gets.get(1).header("Authorization"));
        assertEquals(basic(EMAIL, "rotated-key-2"), gets.get(2).header("Authorization"));
    }

    @Test
    void basicAuth_sendsBasicOnEveryCall_andNeverExchanges() {
        fake.allowBasicAuth(true);
        StellarClient basic = builder().basicAuth(EMAIL, Secret.of(KEY)).build();

        basic.tenants().list().stream().count();
        basic.tenants().list().stream().count();

        assertTrue(fake.requests("POST", StellarClient.TOKEN_PATH).isEmpty());
        assertEquals(2, fake.requests("GET", "/connect/api/v1/tenants").size());
        for (FakeRequest r : fake.requests("GET", "/connect/api/v1/tenants")) {
            assertEquals(basic(EMAIL, KEY), r.header("Authorization"));
        }
        basic.close();
    }

    @Test
    void wrongKey_surfacesAuthenticationException_namingHostAndWhatToCheck_withoutTheKey() {
        StellarClient wrong = builder().apiKey(EMAIL, Secret.of("WRONG-KEY-VALUE")).build();
        try (LogCapture logs = new LogCapture()) {
            AuthenticationException e = assertThrows(AuthenticationException.class, () -> wrong.tenants().list().stream().count());

            assertEquals(401, e.httpStatus());
            assertEquals("stellar", e.vendor());
            assertEquals("token", e.operation());
            assertEquals(host(), e.host());
            assertTrue(e.getMessage().contains("check the user e-mail and API key given to apiKey(...)"), e.getMessage());
            assertTrue(e.getMessage().contains("SSO users cannot use the API"), e.getMessage());
            assertFalse((e.getMessage() + logs.all() + wrong).contains("WRONG-KEY-VALUE"));
            assertTrue(fake.requests("GET", "/connect/api/v1/tenants").isEmpty());
        }
        wrong.close();
    }

    @Test
    void wrongScopedKey_hintNamesScopedApiKey() {
        try (StellarClient wrong = builder().scopedApiKey(Secret.of("not-a-scoped-key")).build()) {
            AuthenticationException e = assertThrows(AuthenticationException.class, () -> wrong.tenants().list().stream().count());

            assertTrue(e.getMessage().contains("check the key given to scopedApiKey(...)"), e.getMessage());
            assertFalse(e.getMessage().contains("not-a-scoped-key"));
        }
    }

    @Test
    void wrongKey_50Calls_sendAtMostOneTokenRequestPerBackoffWindow() {
        try (StellarClient wrong = builder().apiKey(EMAIL, Secret.of("WRONG")).build()) {
            for (int i = 0; i < 50; i++) {
                assertThrows(AuthenticationException.class, () -> wrong.tenants().list().stream().count());
            }
        }

        assertEquals(1, fake.requests("POST", StellarClient.TOKEN_PATH).size(), "the clock did not move: one window");
        assertTrue(fake.requests("GET", "/connect/api/v1/tenants").isEmpty());
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
        assertEquals(1, fake.requests("POST", StellarClient.TOKEN_PATH).size(), "exactly one refresh");
        assertFalse(gets.get(0).header("Authorization").equals(gets.get(1).header("Authorization")),
                "the replay carries the new token");
    }
}
