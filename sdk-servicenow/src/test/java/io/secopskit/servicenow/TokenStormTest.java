package io.secopskit.servicenow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.Secret;
import io.secopskit.core.error.AuthenticationException;
import io.secopskit.core.error.SecOpsException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 §3 for ServiceNow: a wrong OAuth password never storms {@code /oauth_token.do} (an account
 * lockout risk). Time is the injected clock; the fake counts token requests.
 */
class TokenStormTest extends ServiceNowTestBase {
    private static final String SYS_ID = "0123456789abcdef0123456789abcdef";
    private static final Instant START = Instant.parse("2026-11-22T08:00:00Z");

    private ServiceNowClient wrongPassword() {
        return builder().passwordGrant("oauth-client-1", Secret.of("oauth-secret-1"), WRITER, Secret.of("Wrong-Pa55!")).build();
    }

    private int tokenRequests() {
        return fake.requests("POST", ServiceNowClient.TOKEN_PATH).size();
    }

    /** Makes {@code calls} calls, {@code step} apart, and returns the clock offsets (s) of the token requests. */
    private List<Long> storm(ServiceNowClient sn, int calls, Duration step) {
        List<Long> tokenTimes = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            int before = tokenRequests();
            AuthenticationException e = assertThrows(AuthenticationException.class, () -> sn.table("incident").get(SYS_ID));
            assertEquals("token", e.operation());
            assertEquals(fakeHost(), e.host());
            if (tokenRequests() > before) {
                tokenTimes.add(Duration.between(START, clock.instant()).toSeconds());
            } else {
                assertTrue(e.getMessage().contains("no new token request until"), e.getMessage());
            }
            clock.advance(step);
        }
        return tokenTimes;
    }

    @Test
    void wrongPassword_100CallsInOneBackoffWindow_sendOneTokenRequest() {
        try (ServiceNowClient sn = wrongPassword()) {
            List<Long> tokenTimes = storm(sn, 100, Duration.ZERO);

            assertEquals(List.of(0L), tokenTimes);
            assertEquals(1, tokenRequests());
            assertEquals(0, fake.requests("GET", "/api/now/table/incident/" + SYS_ID).size(), "no call went out without a token");
            assertEquals("password", fake.requests("POST", ServiceNowClient.TOKEN_PATH).get(0).form().get("grant_type"));
        }
    }

    @Test
    void wrongPassword_100CallsOneSecondApart_oneTokenRequestPerDoublingWindow() {
        try (ServiceNowClient sn = wrongPassword()) {
            List<Long> tokenTimes = storm(sn, 100, Duration.ofSeconds(1));

            // windows after consecutive failures: 1, 2, 4, 8, 16, 32, 64 s
            assertEquals(List.of(0L, 1L, 3L, 7L, 15L, 31L, 63L), tokenTimes);
        }
    }

    @Test
    void wrongPassword_100CallsTenSecondsApart_windowsGrowToTheFiveMinuteCap() {
        try (ServiceNowClient sn = wrongPassword()) {
            List<Long> tokenTimes = storm(sn, 100, Duration.ofSeconds(10));

            // 1, 2, 4, ... 256 s, then capped at 300 s (TokenAuthStrategy.Builder#maxFailureBackoff default)
            assertEquals(List.of(0L, 10L, 20L, 30L, 40L, 60L, 100L, 170L, 300L, 560L, 860L), tokenTimes);
            for (int i = 2; i < tokenTimes.size(); i++) {
                assertTrue(tokenTimes.get(i) - tokenTimes.get(i - 1) >= Math.min(300, 1L << (i - 1)),
                        "at most one token request per window: " + tokenTimes);
            }
        }
    }

    @Test
    void wrongPassword_64ConcurrentCallers_sendOneTokenRequest() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(64);
        try (ServiceNowClient sn = wrongPassword()) {
            CountDownLatch ready = new CountDownLatch(64);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<SecOpsException>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                results.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return assertThrows(SecOpsException.class, () -> sn.table("incident").get(SYS_ID));
                }));
            }
            assertTrue(ready.await(30, TimeUnit.SECONDS));
            go.countDown();
            for (Future<SecOpsException> f : results) {
                SecOpsException e = f.get(60, TimeUnit.SECONDS);
                assertTrue(e instanceof AuthenticationException, e.toString());
            }

            assertEquals(1, tokenRequests());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void passwordFixedInTheVault_afterTheWindow_theNextCallGetsAToken() {
        java.util.concurrent.atomic.AtomicReference<String> vault = new java.util.concurrent.atomic.AtomicReference<>("Wrong-Pa55!");
        try (ServiceNowClient sn = builder().passwordGrant("oauth-client-1", () -> Secret.of("oauth-secret-1"), WRITER,
                () -> Secret.of(vault.get())).build()) {
            assertThrows(AuthenticationException.class, () -> sn.table("incident").get(SYS_ID));
            vault.set(WRITER_PASSWORD);
            assertThrows(AuthenticationException.class, () -> sn.table("incident").get(SYS_ID), "still inside the 1 s window");
            assertEquals(1, tokenRequests());

            clock.advance(Duration.ofSeconds(1));
            String id = fake.insert("incident", java.util.Map.of("short_description", "x"));

            assertEquals(id, sn.table("incident").get(id).get("sys_id"));
            assertEquals(2, tokenRequests());
        }
    }
}
