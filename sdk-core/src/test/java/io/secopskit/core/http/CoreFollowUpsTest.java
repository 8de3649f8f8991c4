package io.secopskit.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.Secret;
import io.secopskit.core.VendorClient;
import io.secopskit.core.VendorClientBuilder;
import io.secopskit.core.auth.AuthContext;
import io.secopskit.core.auth.BasicAuth;
import io.secopskit.core.auth.JwtRefreshAuth;
import io.secopskit.core.auth.OAuth2ClientCredentialsAuth;
import io.secopskit.core.auth.TokenEndpointResponse;
import io.secopskit.core.error.AuthenticationException;
import io.secopskit.core.error.ConfigurationException;
import io.secopskit.core.error.NotFoundException;
import io.secopskit.core.internal.auth.TokenResponses;
import io.secopskit.core.spi.ApiRequest;
import io.secopskit.core.spi.VendorPipeline;
import io.secopskit.testkit.FakeResponse;
import io.secopskit.testkit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Follow-ups the vendor migrations asked of sdk-core. */
class CoreFollowUpsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final OpenFake fake = new OpenFake();

    @AfterEach
    void tearDown() {
        fake.close();
    }

    @Test
    void jwtExchange_sendsExactlyTheDocumentedContentType_withoutACharset() {
        fake.stub("POST", "/token", r -> FakeResponse.json(200, "{\"access_token\":\"t\",\"expires_in\":600}"));
        fake.stub("GET", "/things", r -> FakeResponse.json(200, "{}"));
        VendorPipeline p = VendorPipeline.builder("acme").endpoint(fake.baseUri())
                .auth(JwtRefreshAuth.builder().tokenEndpoint(fake.baseUri().resolve("/token"))
                        .basicKey("user@example.com", Secret.of("k")).contentType("application/x-www-form-urlencoded").build())
                .build();

        p.execute(ApiRequest.of(Operation.builder("acme", "Get", "GET", "/things").build()).build());

        assertEquals("application/x-www-form-urlencoded", fake.requests("POST", "/token").get(0).header("Content-Type"));
    }

    @Test
    void tokenLifetime_isTheEarlierOfTheAnswersExpiryAndTheJwtsOwnExp() {
        Instant now = clock.instant();
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"exp\":" + now.plusSeconds(600).getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8));
        String jwt = "eyJhbGciOiJIUzI1NiJ9." + payload + ".c2ln";

        var token = TokenResponses.parse("acme", "localhost", new TokenEndpointResponse(200, "application/json",
                "{\"access_token\":\"" + jwt + "\",\"exp\":1e30}"), now, List.of("access_token"), "exp", Duration.ofMinutes(5));

        assertEquals(now.plusSeconds(600), token.expiresAt());
    }

    @Test
    void builderNulls_andBadOptionEdits_areConfigurationExceptionsNamingTheSetting() {
        TestBuilder b = new TestBuilder();
        assertEquals("endpoint", assertThrows(ConfigurationException.class, () -> b.endpoint(null)).setting());
        assertEquals("auth", assertThrows(ConfigurationException.class, () -> b.auth(null)).setting());
        assertEquals("options", assertThrows(ConfigurationException.class,
                () -> b.options((ClientOptions) null)).setting());
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> b.options(o -> o.readTimeout(Duration.ZERO)));
        assertEquals("options", e.setting());
        assertTrue(e.getMessage().contains("readTimeout must be positive"), e.getMessage());
    }

    @Test
    void secretSupplierReturningNull_isATypedAuthenticationError_andNothingIsSent() {
        fake.stub("GET", "/things", r -> FakeResponse.json(200, "{}"));
        Operation get = Operation.builder("acme", "Get", "GET", "/things").build();
        VendorPipeline basic = VendorPipeline.builder("acme").endpoint(fake.baseUri())
                .auth(BasicAuth.of("u", () -> null)).build();
        VendorPipeline oauth = VendorPipeline.builder("acme").endpoint(fake.baseUri())
                .auth(OAuth2ClientCredentialsAuth.builder().tokenEndpoint(fake.baseUri().resolve("/token"))
                        .credentials("cid", () -> null).build()).build();

        assertTrue(assertThrows(AuthenticationException.class, () -> basic.execute(ApiRequest.of(get).build()))
                .getMessage().contains("supplier returned null"));
        assertTrue(assertThrows(AuthenticationException.class, () -> oauth.execute(ApiRequest.of(get).build()))
                .getMessage().contains("supplier returned null"));
        assertEquals(0, fake.requests().size());
    }

    @Test
    void deleteWhoseAnswerWasLost_andTheRepeatGets404_isDone_butA404ToTheFirstAttemptIsNotFound() {
        Operation delete = Operation.builder("acme", "DeleteThing", "DELETE", "/things/{id}").goneOnResendMeansDone().build();
        boolean[] gone = {false};
        fake.stub("DELETE", "/things/{id}", r -> {
            if (gone[0]) {
                return FakeResponse.json(404, "{\"message\":\"no such thing\"}");
            }
            gone[0] = true;
            return FakeResponse.json(200, "{}");
        });
        fake.faults().nextCalls(1, "DELETE", "/things/").dropConnection(); // the server never acts on a dropped request here
        List<Duration> sleeps = new CopyOnWriteArrayList<>();
        VendorPipeline p = VendorPipeline.builder("acme").endpoint(fake.baseUri())
                .options(ClientOptions.builder().clock(clock).sleeper(sleeps::add).build()).build();
        gone[0] = true; // model: the first attempt deleted it, then the answer was lost

        var done = p.execute(ApiRequest.of(delete).path("id", "t1").build());

        assertEquals(204, done.status());
        assertEquals("404 to attempt 2", done.header("X-SecOpsKit-Gone-On-Resend"));
        assertEquals(2, fake.requests("DELETE", "/things/t1").size());
        NotFoundException e = assertThrows(NotFoundException.class,
                () -> p.execute(ApiRequest.of(delete).path("id", "t2").build()));
        assertEquals(404, e.httpStatus());
        assertThrows(IllegalArgumentException.class, () -> Operation.builder("acme", "Create", "POST", "/things")
                .goneOnResendMeansDone().build());
    }

    @Test
    void listener_attemptFinished_isReportedWhenTheAuthStepThrows() {
        List<String> events = new CopyOnWriteArrayList<>();
        VendorPipeline p = VendorPipeline.builder("acme").endpoint(fake.baseUri())
                .auth(new io.secopskit.core.auth.AuthStrategy() {
                    @Override
                    public io.secopskit.core.auth.AuthHeaders authenticate(AuthContext context) {
                        throw new AuthenticationException(io.secopskit.core.error.ErrorInfo.of("acme", "token"));
                    }
                })
                .options(ClientOptions.builder().addListener(new PipelineListener() {
                    @Override
                    public void attemptFinished(CallInfo call, int attempt, int status, Throwable error, Duration d) {
                        events.add("attempt " + attempt + " " + status + " " + error.getClass().getSimpleName()
                                + " " + call.host() + ":" + call.port());
                    }
                }).build()).build();

        assertThrows(AuthenticationException.class,
                () -> p.execute(ApiRequest.of(Operation.builder("acme", "Get", "GET", "/things").build()).build()));

        assertEquals(List.of("attempt 1 0 AuthenticationException localhost:" + fake.port()), events);
    }

    private static final class TestClient implements VendorClient {
        @Override
        public String vendor() {
            return "acme";
        }

        @Override
        public void close() {
        }
    }

    private static final class TestBuilder extends VendorClientBuilder<TestBuilder, TestClient> {
        TestBuilder() {
            super("acme");
        }

        @Override
        protected TestBuilder self() {
            return this;
        }

        @Override
        protected TestClient buildClient() {
            resolveEndpoint(null, "region(...)");
            return new TestClient();
        }
    }

    @Test
    void build_withoutEndpointOrAuth_namesTheMissingSetting() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> new TestBuilder().build());
        assertEquals("endpoint", e.setting());
        assertTrue(e.getMessage().contains("call region(...) or endpoint(...)"), e.getMessage());
    }

    @Test
    void postThatNeverLeft_connectionRefused_isRetriedAndSaysNothingWasSent_withTheVendorsHint() {
        List<Duration> sleeps = new CopyOnWriteArrayList<>();
        VendorPipeline p = VendorPipeline.builder("acme").endpoint(java.net.URI.create("http://127.0.0.1:1/"))
                .errorDecoder(new io.secopskit.core.spi.ErrorDecoder() {
                    @Override
                    public io.secopskit.core.error.SecOpsException decode(io.secopskit.core.spi.ErrorResponse response) {
                        return io.secopskit.core.spi.StandardErrorDecoder.INSTANCE.decode(response);
                    }

                    @Override
                    public String transportHint(Operation operation, String host, Throwable failure) {
                        return "check AcmeClient.Builder.region";
                    }
                })
                .options(ClientOptions.builder().clock(clock).sleeper(sleeps::add).build()).build();

        io.secopskit.core.error.TransportException e = assertThrows(io.secopskit.core.error.TransportException.class,
                () -> p.execute(ApiRequest.of(Operation.builder("acme", "CreateThing", "POST", "/things").build()).build()));

        assertEquals(2, sleeps.size(), "3 attempts: a refused connection never reached the vendor");
        assertTrue(e.isRetryable());
        assertTrue(e.getMessage().contains("nothing was sent"), e.getMessage());
        assertTrue(e.getMessage().contains("check AcmeClient.Builder.region"), e.getMessage());
        assertTrue(e.getMessage().contains("ConnectException"), e.getMessage());
    }

    @Test
    void htmlErrorPage_isNamedButNeverQuoted() {
        fake.stub("GET", "/things", r -> FakeResponse.text(502, "text/html", "<html><body>Bad gateway SECRET-PAGE-TEXT</body></html>"));
        VendorPipeline p = VendorPipeline.builder("acme").endpoint(fake.baseUri())
                .options(ClientOptions.builder().retryPolicy(RetryPolicy.none()).build()).build();

        io.secopskit.core.error.ServerException e = assertThrows(io.secopskit.core.error.ServerException.class,
                () -> p.execute(ApiRequest.of(Operation.builder("acme", "Get", "GET", "/things").build()).build()));

        assertTrue(e.getMessage().contains("an HTML page instead of an API answer"), e.getMessage());
        assertTrue(!e.getMessage().contains("SECRET-PAGE-TEXT"), e.getMessage());
        assertEquals(502, e.httpStatus());
    }

    @Test
    void strictIds_refuseSlashBackslashAndWhitespace_loopbackCheckIsPublic() {
        assertEquals("abc-123", io.secopskit.core.spi.Inputs.requireStrictId("acme", "Get", "id", "abc-123"));
        for (String bad : new String[] {"a/b", "a\\b", "a b", "a\tb", ".."}) {
            assertThrows(io.secopskit.core.error.ValidationException.class,
                    () -> io.secopskit.core.spi.Inputs.requireStrictId("acme", "Get", "id", bad), bad);
        }
        assertTrue(io.secopskit.core.spi.Inputs.isLoopbackHost("127.0.0.1"));
        assertTrue(!io.secopskit.core.spi.Inputs.isLoopbackHost("api.localhost"));
    }
}
