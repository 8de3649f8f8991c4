package io.secopskit.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.Secret;
import io.secopskit.core.error.AuthenticationException;
import io.secopskit.core.error.SecOpsException;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.error.TransportException;
import io.secopskit.core.http.ClientOptions;
import io.secopskit.core.http.Operation;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 12 §3–4: token endpoints are never stormed; token answers are read safely. */
class TokenBackoffTest {
    private static final Operation GET = Operation.builder("acme", "GetThing", "GET", "/things").build();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private FakeOAuth2Server server;

    @BeforeEach
    void setUp() {
        server = new FakeOAuth2Server();
        server.start();
        server.clock(clock);
        server.issuer().client("cid", "right-secret").lifetime(Duration.ofMinutes(10));
        server.stub("GET", "/things", r -> FakeResponse.json(200, "{\"ok\":true}"));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private VendorPipeline pipeline(String secret) {
        return VendorPipeline.builder("acme").endpoint(server.baseUri())
                .auth(OAuth2ClientCredentialsAuth.builder().tokenEndpoint(server.tokenEndpoint())
                        .credentials("cid", Secret.of(secret)).build())
                .options(ClientOptions.builder().clock(clock).sleeper(d -> { }).build()).build();
    }

    private int tokenRequests() {
        return server.requests("POST", FakeOAuth2Server.TOKEN_PATH).size();
    }

    @Test
    void wrongSecret_50CallsInOneBackoffWindow_sendOneTokenRequest_andFailFastNamingTheNextAttempt() {
        VendorPipeline p = pipeline("wrong-secret");
        List<AuthenticationException> errors = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            errors.add(assertThrows(AuthenticationException.class, () -> p.execute(ApiRequest.of(GET).build())));
        }

        assertEquals(1, tokenRequests());
        assertEquals(0, server.requests("GET", "/things").size(), "no API call without a token");
        AuthenticationException first = errors.get(0);
        assertEquals(401, first.httpStatus());
        assertEquals("invalid_client", first.vendorCode());
        assertEquals("localhost", first.host());
        AuthenticationException later = errors.get(49);
        assertEquals(401, later.httpStatus(), "the fail-fast error keeps the endpoint's status");
        assertEquals("invalid_client", later.vendorCode());
        assertTrue(later.getMessage().contains("no new token request until 2026-11-22T10:00:01Z"), later.getMessage());
        assertFalse(later.getMessage().contains("wrong-secret"));
    }

    @Test
    void wrongSecret_overTenMinutes_atMostOneTokenRequestPerGrowingWindow() {
        VendorPipeline p = pipeline("wrong-secret");
        List<Instant> sent = new ArrayList<>();
        int before = 0;
        for (int i = 0; i < 6000; i++) { // one call every 100 ms for 10 minutes
            assertThrows(AuthenticationException.class, () -> p.execute(ApiRequest.of(GET).build()));
            if (tokenRequests() > before) {
                before = tokenRequests();
                sent.add(clock.instant());
            }
            clock.advance(Duration.ofMillis(100));
        }

        // windows of 1, 2, 4, ..., 256 s, then the 300 s cap: 10 requests in 600 s
        assertEquals(10, sent.size(), "token requests at " + sent);
        for (int i = 1; i < sent.size(); i++) {
            Duration gap = Duration.between(sent.get(i - 1), sent.get(i));
            Duration window = Duration.ofSeconds(Math.min(300, 1L << (i - 1)));
            assertTrue(gap.compareTo(window) >= 0, "gap " + i + " was " + gap + ", window " + window);
        }
    }

    @Test
    void wrongSecret_64ConcurrentThreads_sendOneTokenRequest() throws Exception {
        VendorPipeline p = pipeline("wrong-secret");
        ExecutorService pool = Executors.newFixedThreadPool(64);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Throwable>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 64; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        p.execute(ApiRequest.of(GET).build());
                        return null;
                    } catch (SecOpsException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            for (Future<Throwable> f : results) {
                assertInstanceOf(AuthenticationException.class, f.get(10, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, tokenRequests());
    }

    @Test
    void transientTokenFailure_backsOffWithJitter_thenRecovers() {
        server.faults().nextCalls(1, "POST", FakeOAuth2Server.TOKEN_PATH).respond(503, "{\"error\":\"temporarily_unavailable\"}");
        VendorPipeline p = pipeline("right-secret");

        assertThrows(ServerException.class, () -> p.execute(ApiRequest.of(GET).build()));
        TransportException fast = assertThrows(TransportException.class, () -> p.execute(ApiRequest.of(GET).build()));
        assertTrue(fast.isRetryable());
        assertTrue(fast.getMessage().contains("no new token request until"), fast.getMessage());
        assertEquals(1, tokenRequests());

        clock.advance(Duration.ofSeconds(1)); // the first transient window is drawn from [0.5 s, 1 s]
        assertEquals(200, p.execute(ApiRequest.of(GET).build()).status());
        assertEquals(2, tokenRequests());
    }

    @Test
    void vendorRejectingEveryToken_doesNotCauseATokenRequestPerCall() {
        server.stub("GET", "/denied", r -> FakeResponse.json(401, "{\"error\":\"no rights\"}"));
        Operation denied = Operation.builder("acme", "Denied", "GET", "/denied").build();
        VendorPipeline p = pipeline("right-secret");

        for (int i = 0; i < 20; i++) {
            assertThrows(AuthenticationException.class, () -> p.execute(ApiRequest.of(denied).build()));
        }

        assertEquals(2, tokenRequests(), "the first token, and one replacement after the first 401");
        assertEquals(21, server.requests("GET", "/denied").size(), "one replay only, for the first call");
    }

    @Test
    void tokenEndpointRedirect_isAnAuthenticationErrorNamingTheOrigin_notFollowed() {
        server.faults().nextCalls(1, "POST", FakeOAuth2Server.TOKEN_PATH).respond(
                FakeResponse.empty(302).withHeader("Location", "https://login.example.net/oauth?code=SECRET-CODE"));
        VendorPipeline p = pipeline("right-secret");

        AuthenticationException e = assertThrows(AuthenticationException.class, () -> p.execute(ApiRequest.of(GET).build()));

        assertEquals("REDIRECT", e.vendorCode());
        assertEquals(302, e.httpStatus());
        assertTrue(e.getMessage().contains("https://login.example.net:443"), e.getMessage());
        assertFalse(e.getMessage().contains("SECRET-CODE"));
        assertEquals(1, tokenRequests());
    }

    @Test
    void hugeExpiresIn_isBoundedTo24Hours_noArithmeticException() {
        io.secopskit.core.http.OpenFakeAccess.Fake api = io.secopskit.core.http.OpenFakeAccess.open();
        try {
            api.stub("POST", "/token", r -> FakeResponse.json(200, "{\"access_token\":\"t\",\"expires_in\":1e30}"));
            api.stub("GET", "/things", r -> FakeResponse.json(200, "{}"));
            VendorPipeline p = VendorPipeline.builder("acme").endpoint(api.baseUri())
                    .auth(OAuth2ClientCredentialsAuth.builder().tokenEndpoint(api.baseUri().resolve("/token"))
                            .credentials("cid", Secret.of("s")).build())
                    .options(ClientOptions.builder().clock(clock).sleeper(d -> { }).build()).build();

            assertEquals(200, p.execute(ApiRequest.of(GET).build()).status());
            clock.advance(Duration.ofHours(24).minusMinutes(2));
            p.execute(ApiRequest.of(GET).build());
            assertEquals(1, api.requests("POST", "/token").size(), "1e30 seconds is believed for at most 24 h");
            clock.advance(Duration.ofMinutes(2));
            p.execute(ApiRequest.of(GET).build());
            assertEquals(2, api.requests("POST", "/token").size());
        } finally {
            api.close();
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"\"expires_in\":1e30", "\"expires_in\":9223372036854775807",
            "\"expires_in\":\"9223372036854775807\"", "\"expires_in\":-3", "\"expires_in\":\"soon\"",
            "\"exp\":9223372036854775807", "\"exp\":1e300", "\"exp\":\"not a date\"", "\"expires_at\":\"+999999999-12-31T23:59:59Z\"",
            "\"data\":{\"expiration\":1e30}", "\"expires_in\":null"})
    void tokenAnswer_hostileExpiry_neverThrows_andIsBounded(String field) {
        Instant now = clock.instant();
        var token = io.secopskit.core.internal.auth.TokenResponses.parse("acme", "localhost",
                new TokenEndpointResponse(200, "application/json", "{\"access_token\":\"t\"," + field + "}"), now,
                List.of("access_token"), "exp", Duration.ofMinutes(5));

        assertTrue(token.expiresAt().isAfter(now));
        assertFalse(token.expiresAt().isAfter(now.plus(Duration.ofHours(24))), field + " -> " + token.expiresAt());
    }

    @Test
    void tokenAnswer_jwtWithHugeExp_neverThrows_andIsBounded() {
        String payload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"exp\":9223372036854775807}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String jwt = "eyJhbGciOiJIUzI1NiJ9." + payload + ".c2ln";
        Instant now = clock.instant();

        var token = io.secopskit.core.internal.auth.TokenResponses.parse("acme", "localhost",
                new TokenEndpointResponse(200, "application/json", "{\"access_token\":\"" + jwt + "\"}"), now,
                List.of("access_token"), null, Duration.ofMinutes(5));

        assertTrue(token.expiresAt().isAfter(now));
        assertFalse(token.expiresAt().isAfter(now.plus(Duration.ofHours(24))), "bounded: " + token.expiresAt());
    }

    @Test
    void tokenAnswerLargerThanTheLimit_isTypedAndNotReadWhole() {
        String huge = "{\"access_token\":\"" + "x".repeat(70 * 1024) + "\",\"expires_in\":600}";
        server.faults().nextCalls(1, "POST", FakeOAuth2Server.TOKEN_PATH).respond(200, huge);
        VendorPipeline p = pipeline("right-secret");

        ServerException e = assertThrows(ServerException.class, () -> p.execute(ApiRequest.of(GET).build()));

        assertEquals("RESPONSE_TOO_LARGE", e.vendorCode());
        assertTrue(e.getMessage().contains("65536"), e.getMessage());
    }

    @Test
    void tokenAnswerNotJson_isAMalformedAnswer_treatedAsTransient() {
        server.faults().nextCalls(1, "POST", FakeOAuth2Server.TOKEN_PATH).respond(
                FakeResponse.text(200, "text/html", "<html>login</html>"));
        VendorPipeline p = pipeline("right-secret");

        ServerException e = assertThrows(ServerException.class, () -> p.execute(ApiRequest.of(GET).build()));

        assertEquals("MALFORMED_TOKEN_RESPONSE", e.vendorCode());
        assertTrue(e.isRetryable());
    }

    @Test
    void rotatedSecretFromASupplier_isReadAtTheNextTokenRequest_noNewClient() {
        String[] current = {"old-secret"};
        VendorPipeline p = VendorPipeline.builder("acme").endpoint(server.baseUri())
                .auth(OAuth2ClientCredentialsAuth.builder().tokenEndpoint(server.tokenEndpoint())
                        .credentials("cid", () -> Secret.of(current[0])).build())
                .options(ClientOptions.builder().clock(clock).sleeper(d -> { }).build()).build();
        assertThrows(AuthenticationException.class, () -> p.execute(ApiRequest.of(GET).build()));

        current[0] = "right-secret";
        clock.advance(Duration.ofSeconds(1));

        assertEquals(200, p.execute(ApiRequest.of(GET).build()).status());
        assertEquals(2, tokenRequests());
    }
}
