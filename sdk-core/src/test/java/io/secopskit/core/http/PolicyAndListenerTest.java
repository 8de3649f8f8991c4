package io.secopskit.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.Secret;
import io.secopskit.core.auth.OAuth2ClientCredentialsAuth;
import io.secopskit.core.error.QuotaExhaustedException;
import io.secopskit.core.spi.ApiRequest;
import io.secopskit.core.spi.VendorPipeline;
import io.secopskit.testkit.FakeOAuth2Server;
import io.secopskit.testkit.FakeResponse;
import io.secopskit.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 13 §4 and its amendment: user policies in two slots on SDK types, and a read-only listener. */
class PolicyAndListenerTest {
    private static final Operation GET = Operation.builder("acme", "GetThing", "GET", "/things").build();
    private static final Operation CREATE = Operation.builder("acme", "CreateThing", "POST", "/things").build();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final List<String> events = new CopyOnWriteArrayList<>();
    private FakeOAuth2Server server;

    @BeforeEach
    void setUp() {
        server = new FakeOAuth2Server();
        server.start();
        server.clock(clock);
        server.issuer().client("cid", "csecret");
        server.stub("GET", "/things", r -> FakeResponse.json(200, "{\"ok\":true}"));
        server.stub("POST", "/things", r -> FakeResponse.json(201, "{\"id\":\"1\"}"));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private VendorPipeline pipeline(ClientOptions.Builder options) {
        return VendorPipeline.builder("acme").endpoint(server.baseUri())
                .auth(OAuth2ClientCredentialsAuth.builder().tokenEndpoint(server.tokenEndpoint())
                        .credentials("cid", Secret.of("csecret")).build())
                .options(options.clock(clock).sleeper(d -> clock.advance(d)).build()).build();
    }

    @Test
    void perCallPolicy_runsOnceAroundRetries_perAttemptPolicy_runsOncePerSend_neitherSeesCredentials() {
        server.faults().nextCalls(2, "GET", "/things").respond(503, "{}");
        List<String> seen = new CopyOnWriteArrayList<>();
        VendorPipeline p = pipeline(ClientOptions.builder()
                .addPolicy(HttpPolicy.Slot.PER_CALL, (req, next) -> {
                    seen.add("call attempt=" + req.attempt() + " auth=" + req.header("Authorization"));
                    HttpResponse r = next.proceed(req.withHeader("X-Correlation", "c-1"));
                    seen.add("call done " + r.status());
                    return r;
                })
                .addPolicy(HttpPolicy.Slot.PER_ATTEMPT, (req, next) -> {
                    seen.add("attempt " + req.attempt() + " auth=" + req.header("Authorization") + " corr="
                            + req.header("X-Correlation"));
                    return next.proceed(req);
                }));

        assertEquals(200, p.execute(ApiRequest.of(GET).build()).status());

        assertEquals(List.of("call attempt=0 auth=null", "attempt 1 auth=null corr=c-1", "attempt 2 auth=null corr=c-1",
                "attempt 3 auth=null corr=c-1", "call done 200"), seen);
        assertEquals("c-1", server.requests("GET", "/things").get(2).header("X-Correlation"), "the header a policy set is sent");
        assertTrue(server.requests("GET", "/things").get(2).header("Authorization").startsWith("Bearer "));
    }

    @Test
    void policyCallingProceedTwice_isRefused_andNothingIsSentTwice() {
        VendorPipeline p = pipeline(ClientOptions.builder().addPolicy(HttpPolicy.Slot.PER_ATTEMPT, (req, next) -> {
            next.proceed(req);
            return next.proceed(req);
        }));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> p.execute(ApiRequest.of(CREATE).build()));

        assertTrue(e.getMessage().contains("called proceed twice"), e.getMessage());
        assertEquals(1, server.requests("POST", "/things").size());
    }

    @Test
    void policyReturningItsOwnResponse_isRefused() {
        VendorPipeline p = pipeline(ClientOptions.builder().addPolicy(HttpPolicy.Slot.PER_CALL,
                (req, next) -> new HttpResponse(200, java.util.Map.of())));

        assertThrows(IllegalStateException.class, () -> p.execute(ApiRequest.of(GET).build()));
        assertEquals(0, server.requests("GET", "/things").size());
    }

    @Test
    void listener_seesCallsAttemptsRetriesTokenRefreshesAndSizes_inOrder() {
        server.faults().nextCalls(1, "GET", "/things").respond(503, "{}");
        VendorPipeline p = pipeline(ClientOptions.builder().addListener(new Recorder()));

        p.execute(ApiRequest.of(GET).build());

        assertEquals(List.of("callStarted acme.GetThing localhost", "attemptStarted 1", "tokenRefreshStarted localhost",
                "tokenRefreshFinished ok", "attemptFinished 1 503", "retryScheduled 2 HTTP 503", "attemptStarted 2",
                "attemptFinished 2 200", "responseRead 11", "callFinished 200 ok"), events);
    }

    @Test
    void listener_seesThrottleWaits_andAThrowingListenerIsIgnored() {
        VendorPipeline p = VendorPipeline.builder("acme").endpoint(server.baseUri())
                .auth(OAuth2ClientCredentialsAuth.builder().tokenEndpoint(server.tokenEndpoint())
                        .credentials("cid", Secret.of("csecret")).build())
                .defaultRateLimit(RateLimit.throttle("acme.things", 1, Duration.ofSeconds(2)))
                .options(ClientOptions.builder().clock(clock).sleeper(d -> { })
                        .addListener(new PipelineListener() {
                            @Override
                            public void callStarted(CallInfo call) {
                                throw new IllegalStateException("listener bug");
                            }
                        })
                        .addListener(new Recorder()).build()).build();
        Operation limited = Operation.builder("acme", "GetThing", "GET", "/things").rateLimitKey("acme.things").build();

        p.execute(ApiRequest.of(limited).build());
        p.execute(ApiRequest.of(limited).build());

        assertTrue(events.contains("throttled acme.things PT2S"), events.toString());
        assertEquals(2, server.requests("GET", "/things").size());
    }

    @Test
    void listener_callFinished_carriesTheTypedError() {
        VendorPipeline p = VendorPipeline.builder("acme").endpoint(server.baseUri())
                .auth(OAuth2ClientCredentialsAuth.builder().tokenEndpoint(server.tokenEndpoint())
                        .credentials("cid", Secret.of("csecret")).build())
                .defaultRateLimit(RateLimit.perDay("acme.create", 1))
                .options(ClientOptions.builder().clock(clock).addListener(new Recorder()).build()).build();
        Operation create = Operation.builder("acme", "CreateThing", "POST", "/things").rateLimitKey("acme.create").build();
        p.execute(ApiRequest.of(create).build());
        events.clear();

        assertThrows(QuotaExhaustedException.class, () -> p.execute(ApiRequest.of(create).build()));

        assertEquals(List.of("callStarted acme.CreateThing localhost", "callFinished 0 QuotaExhaustedException"), events);
    }

    private final class Recorder implements PipelineListener {
        @Override
        public void callStarted(CallInfo call) {
            events.add("callStarted " + call.operation().qualifiedName() + " " + call.host());
        }

        @Override
        public void callFinished(CallInfo call, int status, RuntimeException error, Duration duration) {
            events.add("callFinished " + status + " " + (error == null ? "ok" : error.getClass().getSimpleName()));
        }

        @Override
        public void attemptStarted(CallInfo call, int attempt) {
            events.add("attemptStarted " + attempt);
        }

        @Override
        public void attemptFinished(CallInfo call, int attempt, int status, Throwable error, Duration duration) {
            events.add("attemptFinished " + attempt + " " + status);
        }

        @Override
        public void retryScheduled(CallInfo call, int nextAttempt, Duration delay, String reason) {
            events.add("retryScheduled " + nextAttempt + " " + reason);
        }

        @Override
        public void throttled(CallInfo call, String limitKey, Duration wait) {
            events.add("throttled " + limitKey + " " + wait);
        }

        @Override
        public void tokenRefreshStarted(String vendor, String host) {
            events.add("tokenRefreshStarted " + host);
        }

        @Override
        public void tokenRefreshFinished(String vendor, String host, Duration duration, RuntimeException error) {
            events.add("tokenRefreshFinished " + (error == null ? "ok" : error.getClass().getSimpleName()));
        }

        @Override
        public void responseRead(CallInfo call, long bytes) {
            events.add("responseRead " + bytes);
        }
    }
}
