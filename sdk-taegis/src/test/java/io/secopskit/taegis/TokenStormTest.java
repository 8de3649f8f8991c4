package io.secopskit.taegis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 §3 for Taegis: a wrong client secret never storms {@code /auth/api/v2/auth/token}. Time is the
 * injected clock; the fake counts token requests. AMENDMENTS 12: 50 calls inside one backoff window send one
 * token request, and over any stretch of time at most one per window (windows double up to 5 minutes).
 */
class TokenStormTest extends TaegisTestBase {
    private static final Instant START = Instant.parse("2026-11-22T12:00:00Z");

    private TaegisClient wrongSecret() {
        return builder().clientCredentials(CLIENT_ID, Secret.of("not-the-secret")).build();
    }

    /** Makes {@code calls} calls, {@code step} apart, and returns the clock offsets (s) of the token requests. */
    private List<Long> storm(TaegisClient client, String tenant, int calls, Duration step) {
        List<Long> tokenTimes = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            int before = tokenRequests();
            AuthenticationException e = assertThrows(AuthenticationException.class, () -> client.tenants().get(tenant));
            assertEquals("token", e.operation());
            assertEquals(fakeHost(), e.host());
            assertFalse(e.getMessage().contains("not-the-secret"), e.getMessage());
            if (tokenRequests() > before) {
                tokenTimes.add(Duration.between(START, clock.instant()).toSeconds());
                assertTrue(e.getMessage().contains("check the client id and secret"), e.getMessage());
            } else {
                assertTrue(e.getMessage().contains("no new token request until"), e.getMessage());
            }
            clock.advance(step);
        }
        return tokenTimes;
    }

    @Test
    void wrongSecret_50CallsInOneBackoffWindow_sendOneTokenRequest() {
        String tenant = fake.seedTenants(1).get(0);
        try (TaegisClient client = wrongSecret()) {
            List<Long> tokenTimes = storm(client, tenant, 50, Duration.ZERO);

            assertEquals(List.of(0L), tokenTimes);
            assertEquals(1, tokenRequests());
            assertTrue(queries().isEmpty(), "no call went out without a token");
        }
    }

    @Test
    void wrongSecret_50CallsOneSecondApart_oneTokenRequestPerDoublingWindow() {
        String tenant = fake.seedTenants(1).get(0);
        try (TaegisClient client = wrongSecret()) {
            List<Long> tokenTimes = storm(client, tenant, 50, Duration.ofSeconds(1));

            // windows after consecutive failures: 1, 2, 4, 8, 16 s
            assertEquals(List.of(0L, 1L, 3L, 7L, 15L, 31L), tokenTimes);
        }
    }

    @Test
    void wrongSecret_64ConcurrentCallers_sendOneTokenRequest() throws Exception {
        String tenant = fake.seedTenants(1).get(0);
        ExecutorService pool = Executors.newFixedThreadPool(64);
        try (TaegisClient client = wrongSecret()) {
            CountDownLatch ready = new CountDownLatch(64);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<SecOpsException>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                results.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return assertThrows(SecOpsException.class, () -> client.tenants().get(tenant));
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
    void secretFixedInTheVault_afterTheWindow_theNextCallGetsAToken() {
        String tenant = fake.seedTenants(1).get(0);
        AtomicReference<String> vault = new AtomicReference<>("not-the-secret");
        try (TaegisClient client = builder().clientCredentials(CLIENT_ID, () -> Secret.of(vault.get())).build()) {
            assertThrows(AuthenticationException.class, () -> client.tenants().get(tenant));
            vault.set(CLIENT_SECRET);
            assertThrows(AuthenticationException.class, () -> client.tenants().get(tenant), "still inside the 1 s window");
            assertEquals(1, tokenRequests());

            clock.advance(Duration.ofSeconds(1));

            assertEquals(tenant, client.tenants().get(tenant).id());
            assertEquals(2, tokenRequests());
        }
    }
}
