package io.secopskit.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.Secret;
import io.secopskit.core.error.AuthenticationException;
import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.http.ClientOptions;
import io.secopskit.core.http.Operation;
import io.secopskit.core.internal.auth.AccessToken;
import io.secopskit.core.internal.auth.TokenCache;
import io.secopskit.core.spi.ApiRequest;
import io.secopskit.core.spi.VendorPipeline;
import io.secopskit.testkit.FakeOAuth2Server;
import io.secopskit.testkit.FakeResponse;
import io.secopskit.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenCacheConcurrencyTest {
    private static final Operation GET = Operation.builder("acme", "GetThing", "GET", "/things").build();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private FakeOAuth2Server server;
    private VendorPipeline pipeline;

    @BeforeEach
    void setUp() {
        server = new FakeOAuth2Server();
        server.start();
        server.clock(clock);
        server.issuer().client("cid", "csecret").lifetime(Duration.ofMinutes(10));
        server.stub("GET", "/things", r -> FakeResponse.json(200, "{\"ok\":true}"));
        pipeline = VendorPipeline.builder("acme").endpoint(server.baseUri())
                .auth(OAuth2ClientCredentialsAuth.builder().tokenEndpoint(server.tokenEndpoint())
                        .credentials("cid", Secret.of("csecret")).build())
                .options(ClientOptions.builder().clock(clock).sleeper(d -> { }).build()).build();
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private void call() {
        pipeline.execute(ApiRequest.of(GET).build());
    }

    @Test
    void authenticate_when32ThreadsHitAnExpiredToken_requestsExactlyOneToken() throws Exception {
        call();
        assertEquals(1, server.issuer().tokensIssued());
        clock.advance(Duration.ofMinutes(11)); // the cached token has expired

        int threads = 32;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                call();
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertEquals(2, server.issuer().tokensIssued(), "one initial token plus exactly one refresh");
        assertEquals(1 + threads, server.requests("GET", "/things").size());
        assertEquals(0, server.requests().stream().filter(r -> r.path().equals("/things")).skip(1)
                .filter(r -> !server.issuer().isValidAuthorization(r.header("Authorization"))).count(),
                "every call after expiry carried the refreshed token");
    }

    @Test
    void unauthorized_onceAfterRevocation_refreshesOnceAndReplaysOnce() {
        call();
        server.issuer().revokeAll();
        server.clearJournal();

        call();

        assertEquals(2, server.issuer().tokensIssued());
        assertEquals(2, server.requests("GET", "/things").size(), "original attempt + one replay");
        assertEquals(1, server.requests("POST", FakeOAuth2Server.TOKEN_PATH).size());
    }

    @Test
    void unauthorized_twice_surfacesAuthenticationExceptionWithoutLooping() {
        server.stub("GET", "/always401", r -> FakeResponse.json(401, "{\"error\":\"nope\"}"));
        Operation op = Operation.builder("acme", "Always401", "GET", "/always401").build();

        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> pipeline.execute(ApiRequest.of(op).build()));

        assertEquals(401, e.httpStatus());
        assertEquals("Always401", e.operation());
        assertEquals(2, server.requests("GET", "/always401").size(), "one request and exactly one replay");
        assertEquals(2, server.issuer().tokensIssued(), "one token and exactly one refresh");
    }

    @Test
    void tokenCache_staleToken_isServedWhileOneCallerRefreshes() {
        TokenCache cache = new TokenCache(Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofMinutes(5));
        AccessToken first = new AccessToken(Secret.of("a"), clock.instant(), clock.instant().plusSeconds(600));
        assertSame(first, cache.get(clock, "acme", () -> first));
        clock.advance(Duration.ofSeconds(545)); // stale: 55 s left, refresh-ahead is 60 s

        AtomicInteger fetches = new AtomicInteger();
        AccessToken second = new AccessToken(Secret.of("b"), clock.instant(), clock.instant().plusSeconds(600));
        AccessToken got = cache.get(clock, "acme", () -> {
            fetches.incrementAndGet();
            return second;
        });

        assertSame(second, got);
        assertEquals(1, fetches.get());
    }

    @Test
    void tokenCache_failedRefreshWhileStillValid_keepsOldToken() {
        TokenCache cache = new TokenCache(Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofMinutes(5));
        AccessToken first = new AccessToken(Secret.of("a"), clock.instant(), clock.instant().plusSeconds(600));
        cache.get(clock, "acme", () -> first);
        clock.advance(Duration.ofSeconds(560));

        AccessToken got = cache.get(clock, "acme", () -> {
            throw new ServerException(ErrorInfo.of("acme", "token").withVendorMessage("token endpoint down"));
        });

        assertSame(first, got);
    }

    @Test
    void tokenCache_failedRefreshAfterExpiry_throwsToCaller() {
        TokenCache cache = new TokenCache(Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofMinutes(5));
        AccessToken first = new AccessToken(Secret.of("a"), clock.instant(), clock.instant().plusSeconds(600));
        cache.get(clock, "acme", () -> first);
        clock.advance(Duration.ofSeconds(600));

        ServerException e = assertThrows(ServerException.class, () -> cache.get(clock, "acme", () -> {
            throw new ServerException(ErrorInfo.of("acme", "token").withVendorMessage("down"));
        }));
        assertTrue(e.getMessage().contains("down"));
    }

    @Test
    void tokenCache_invalidate_dropsOnlyTheRejectedToken() {
        TokenCache cache = new TokenCache(Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofMinutes(5));
        AccessToken first = new AccessToken(Secret.of("a"), clock.instant(), clock.instant().plusSeconds(600));
        cache.get(clock, "acme", () -> first);

        cache.invalidate(clock, Secret.of("some-older-token"));
        assertSame(first, cache.peek());
        cache.invalidate(clock, Secret.of("a"));
        assertEquals(null, cache.peek());
    }
}
