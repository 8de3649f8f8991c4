package io.secopskit.chronicle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secopskit.core.LogCapture;
import io.secopskit.core.Secret;
import io.secopskit.core.error.AuthenticationException;
import io.secopskit.core.error.ConfigurationException;
import io.secopskit.core.error.SecOpsException;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.error.TransportException;
import io.secopskit.core.http.ClientOptions;
import io.secopskit.testkit.FakeChronicle;
import io.secopskit.testkit.FakeRequest;
import io.secopskit.testkit.FakeResponse;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 §7 / issue 20 item 5: Google's token call goes through SecOpsKit's own pipeline (google-auth-library
 * only signs the assertion) and obeys the rules of every SecOpsKit token call — no plain-http {@code token_uri}
 * except loopback, no redirects for the signed assertion, a size limit, typed errors that keep Google's status and
 * OAuth code and name the host, no retry loop of google-http-client's own.
 */
class GoogleTokenCallTest extends ChronicleTestBase {
    private static final String TOKEN = FakeChronicle.TOKEN_PATH;
    private static final String LIST = "/v1/partner/customer/listcustomers";

    private String keyFor(String tokenUri) {
        return env.fake.tokens().newServiceAccountKeyJson(ChronicleTestSupport.PARTNER, URI.create(tokenUri));
    }

    private ChronicleClient.Builder builder() {
        return ChronicleClient.builder().endpoint(env.fake.baseUri())
                .options(ClientOptions.builder().clock(env.clock).sleeper(env.sleeps::add).build());
    }

    private List<FakeRequest> tokenRequests() {
        return env.fake.requests("POST", TOKEN);
    }

    @Test
    void tokenRequest_isSentByTheSdksOwnStack_asGooglesJwtBearerForm_withoutGoogleHttpClientsHeaders() {
        customers.list().stream().count();

        List<FakeRequest> sent = tokenRequests();
        assertEquals(1, sent.size());
        FakeRequest token = sent.get(0);
        assertEquals("urn:ietf:params:oauth:grant-type:jwt-bearer", token.form().get("grant_type"));
        assertEquals(3, token.form().get("assertion").split("\\.").length, "a signed JWT");
        assertTrue(token.header("Content-Type").startsWith("application/x-www-form-urlencoded"), token.header("Content-Type"));
        assertTrue(token.header("User-Agent").startsWith("secopskit/"), "SecOpsKit's pipeline sent it: " + token.header("User-Agent"));
        assertFalse(token.header("User-Agent").contains("Google-HTTP-Java-Client"));
        assertTrue(token.header("x-goog-api-client").contains("auth/"), "google-auth-library's metrics header is kept");
        assertEquals(List.of(GoogleServiceAccountAuth.SCOPE),
                env.fake.tokens().grant(env.fake.requests("GET", LIST).get(0).header("Authorization")).scopes());
    }

    @Test
    void keyWithPlainHttpTokenUri_toAHostThatIsNotLoopback_isRefusedAtBuild_withNothingSent() throws Exception {
        Path key = dir.resolve("http-key.json");
        Files.writeString(key, keyFor("http://oauth2.example.com/token"));

        ConfigurationException e = assertThrows(ConfigurationException.class, () -> builder().serviceAccountKey(key).build());

        assertEquals("serviceAccountKey", e.setting());
        assertTrue(e.getMessage().contains("token_uri must use https"), e.getMessage());
        assertTrue(e.getMessage().contains("http://oauth2.example.com"), e.getMessage());
        assertTrue(env.fake.requests().isEmpty());
    }

    @Test
    void keySupplierWithPlainHttpTokenUri_failsTheFirstCall_withNothingSent() {
        try (ChronicleClient client = builder().serviceAccountKey(() -> Secret.of(keyFor("http://10.0.0.7/token"))).build()) {
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> client.customers().list().stream().count());

            assertEquals("serviceAccountKey", e.setting());
            assertTrue(e.getMessage().contains("http://10.0.0.7"), e.getMessage());
        }
        assertTrue(env.fake.requests().isEmpty(), "neither a token request nor an API request");
    }

    @Test
    void plainHttpTokenUri_onLoopback_isAllowed() throws Exception {
        Path key = dir.resolve("loopback-key.json");
        Files.writeString(key, keyFor("http://localhost:" + env.fake.port() + TOKEN));
        try (ChronicleClient client = builder().serviceAccountKey(key).build()) {
            client.customers().list().stream().count();
        }
        assertEquals(1, tokenRequests().size());
    }

    @Test
    void tokenEndpointRedirect_isNeverFollowed_andFailsAsAuthenticationRedirect() {
        env.fake.faults().nextCalls(1, "POST", TOKEN).respond(FakeResponse.json(302, "{}")
                .withHeader("Location", env.fake.baseUri() + "/collect?x=1"));

        AuthenticationException e = assertThrows(AuthenticationException.class, () -> customers.list().stream().count());

        assertEquals("REDIRECT", e.vendorCode());
        assertEquals(302, e.httpStatus());
        assertEquals("token", e.operation());
        assertEquals(env.fake.baseUri().getHost(), e.host());
        assertTrue(e.getMessage().contains("redirects are never followed"), e.getMessage());
        assertTrue(e.getMessage().contains(env.fake.baseUri().toString()), "names the origin: " + e.getMessage());
        assertFalse(e.getMessage().contains("collect?x=1"), "but not the path or query");
        assertEquals(1, tokenRequests().size(), "one token request");
        assertTrue(env.fake.requests().stream().noneMatch(r -> r.path().startsWith("/collect")),
                "the signed assertion never went to the Location");
        assertTrue(env.fake.requests("GET", LIST).isEmpty(), "no API call without a token");
        assertTrue(env.sleeps.isEmpty(), "google-http-client's retry loop never ran");
    }

    @Test
    void invalidGrant_keepsGooglesStatusAndCode_namesTheHost_andIsNotRetried() {
        env.fake.faults().nextCalls(1, "POST", TOKEN).respond(400,
                "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}");

        AuthenticationException e = assertThrows(AuthenticationException.class, () -> customers.list().stream().count());

        assertEquals(400, e.httpStatus());
        assertEquals("invalid_grant", e.vendorCode());
        assertEquals(env.fake.baseUri().getHost(), e.host());
        assertTrue(e.getMessage().contains("Invalid JWT Signature."), e.getMessage());
        assertTrue(e.getMessage().contains("hint: Google refused the service-account key itself"), e.getMessage());
        assertFalse(e.isRetryable());
        assertEquals(1, tokenRequests().size());

        AuthenticationException again = assertThrows(AuthenticationException.class, () -> customers.list().stream().count());
        assertEquals(1, tokenRequests().size(), "inside the failure backoff nothing is sent");
        assertTrue(again.getMessage().contains("no new token request until"), again.getMessage());
    }

    @Test
    void invalidGrant_fromTheFakesOwnCheck_forAnAccountGoogleDoesNotKnow() throws Exception {
        ObjectNode key = (ObjectNode) TestJson.MAPPER.readTree(Files.readString(env.keyFile));
        key.put("client_email", "stranger@elsewhere.iam.gserviceaccount.com");

        try (ChronicleClient client = builder().serviceAccountKey(new java.io.ByteArrayInputStream(
                TestJson.MAPPER.writeValueAsBytes(key))).build()) {
            AuthenticationException e = assertThrows(AuthenticationException.class, () -> client.customers().list().stream().count());
            assertEquals(400, e.httpStatus());
            assertEquals("invalid_grant", e.vendorCode());
        }
    }

    @Test
    void clockSkewRefusal_getsTheClockHint() {
        env.fake.faults().nextCalls(1, "POST", TOKEN).respond(400, "{\"error\":\"invalid_grant\",\"error_description\":"
                + "\"Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat "
                + "and exp values in the JWT claim.\"}");

        AuthenticationException e = assertThrows(AuthenticationException.class, () -> customers.list().stream().count());

        assertTrue(e.getMessage().contains("this machine's clock is probably off"), e.getMessage());
    }

    @Test
    void tokenEndpoint503_isOneRequest_typedAsServerError_andBackedOffByTheSdkNotByGoogleHttpClient() {
        env.fake.faults().nextCalls(5, "POST", TOKEN).respond(503, "{\"error\":\"temporarily_unavailable\"}");

        SecOpsException e = assertThrows(SecOpsException.class, () -> customers.list().stream().count());

        assertInstanceOf(ServerException.class, e);
        assertEquals(503, e.httpStatus());
        assertEquals("token", e.operation());
        assertEquals(1, tokenRequests().size(), "google-http-client's own retries would have sent more");
        assertTrue(env.sleeps.isEmpty());
    }

    @Test
    void tokenEndpointDropsTheConnection_isATransportErrorNamingTheHost() {
        env.fake.faults().nextCalls(1, "POST", TOKEN).dropConnection();

        TransportException e = assertThrows(TransportException.class, () -> customers.list().stream().count());

        assertEquals("token", e.operation());
        assertEquals(env.fake.baseUri().getHost(), e.host());
        assertTrue(e.getMessage().contains("token endpoint"), e.getMessage());
        assertEquals(1, tokenRequests().size());
    }

    @Test
    void oversizedTokenAnswer_failsTypedBeforeItIsRead() {
        env.fake.faults().nextCalls(1, "POST", TOKEN).respond(200, "{\"access_token\":\"" + "a".repeat(4096)
                + "\",\"expires_in\":3600}");
        try (ChronicleClient client = builder().serviceAccountKey(env.keyFile).options(o -> o.maxTokenResponseBytes(1024))
                .build()) {
            ServerException e = assertThrows(ServerException.class, () -> client.customers().list().stream().count());
            assertEquals("RESPONSE_TOO_LARGE", e.vendorCode());
            assertEquals(env.fake.baseUri().getHost(), e.host());
        }
    }

    @Test
    void answerWithoutAccessToken_isAMalformedTokenResponse() {
        env.fake.faults().nextCalls(1, "POST", TOKEN).respond(200, "{\"token_type\":\"Bearer\",\"expires_in\":3600}");

        ServerException e = assertThrows(ServerException.class, () -> customers.list().stream().count());

        assertEquals("MALFORMED_TOKEN_RESPONSE", e.vendorCode());
        assertEquals(200, e.httpStatus());
        assertEquals(env.fake.baseUri().getHost(), e.host());
    }

    @Test
    void tokenLifetime_isGooglesExpiresIn_countedOnTheClientsClock() {
        customers.list().stream().count();
        env.clock.advance(Duration.ofMinutes(58));
        customers.list().stream().count();
        assertEquals(1, tokenRequests().size(), "58 minutes into a 60-minute token: still fresh");

        env.clock.advance(Duration.ofSeconds(61));
        customers.list().stream().count();
        assertEquals(2, tokenRequests().size(), "within a minute of expiry on the client's clock: refreshed");
    }

    @Test
    void keySupplier_isReadAtEveryTokenRequest_soARotatedKeyIsUsedAfterA401() throws Exception {
        String second = "rotated-sa@partner-project.iam.gserviceaccount.com";
        AtomicReference<String> current = new AtomicReference<>(Files.readString(env.keyFile));
        AtomicInteger reads = new AtomicInteger();
        try (ChronicleClient client = builder().serviceAccountKey(() -> {
            reads.incrementAndGet();
            return Secret.of(current.get());
        }).build()) {
            client.customers().list().stream().count();
            assertEquals(1, reads.get());

            current.set(env.fake.tokens().newServiceAccountKeyJson(second, URI.create(env.fake.baseUri() + TOKEN)));
            env.fake.tokens().revokeAll();
            client.customers().list().stream().count();

            assertEquals(2, reads.get(), "read again for the refresh after the 401");
            List<FakeRequest> lists = env.fake.requests("GET", LIST);
            assertEquals(3, lists.size(), "first call, the refused call, its one replay");
            assertEquals(second, env.fake.tokens().grant(lists.get(2).header("Authorization")).serviceAccount());
        }
    }

    @Test
    void keySupplierReturningNull_isAConfigurationErrorNamingTheSetting_withNothingSent() {
        try (ChronicleClient client = builder().serviceAccountKey(() -> null).build()) {
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> client.customers().list().stream().count());
            assertEquals("serviceAccountKey", e.setting());
            assertTrue(e.getMessage().contains("supplier returned null"), e.getMessage());
        }
        assertTrue(env.fake.requests().isEmpty());
    }

    @Test
    void neitherTheAssertionNorTheAccessTokenNorTheKey_reachTheLogs() throws Exception {
        String privateKey = TestJson.MAPPER.readTree(Files.readString(env.keyFile)).get("private_key").asText();
        try (LogCapture logs = new LogCapture()) {
            customers.list().stream().count();
            String all = logs.all();
            String assertion = tokenRequests().get(0).form().get("assertion");
            String bearer = env.fake.requests("GET", LIST).get(0).header("Authorization").substring(7);
            assertTrue(all.contains("chronicle.ListCustomers"), all);
            assertFalse(all.contains(assertion), "assertion logged");
            assertFalse(all.contains(assertion.substring(0, 40)), "part of the assertion logged");
            assertFalse(all.contains(bearer), "access token logged");
            assertFalse(all.contains(privateKey.substring(40, 100)), "key logged");
        }
    }

    @Test
    void manyThreadsWithoutAToken_sendOneTokenRequest_againstASlowTokenEndpoint() throws Exception {
        env.fake.faults().nextCalls(1, "POST", TOKEN).delay(Duration.ofMillis(400));
        int threads = 16;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<Long>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return customers.list().stream().count();
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<Long> call : calls) {
                assertEquals(0L, call.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, tokenRequests().size(), "one token request for 16 waiting threads (single flight)");
        assertEquals(threads, env.fake.requests("GET", LIST).size());
    }

    @Test
    void apacheHttpClient_isNotOnTheClasspath_googleAuthRunsWithoutIt() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.apache.http.client.HttpClient"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.apache.http.HttpRequest"));
        customers.list().stream().count();
        assertEquals(1, tokenRequests().size());
    }
}
