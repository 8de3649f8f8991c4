package io.secopskit.chronicle.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.error.RateLimitedException;
import io.secopskit.core.error.SecOpsException;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.error.TransportException;
import io.secopskit.testkit.FakeRequest;
import io.secopskit.testkit.FakeResponse;
import io.secopskit.testkit.Faults;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12's fault matrix for the tenant service. {@code tenants.create} is not idempotent, but Google documents
 * resending the same fields as safe (it retries a stuck workflow or answers ALREADY_EXISTS): so an HTTP answer
 * that says "try again" (503 with {@code Retry-After: 0}, 502, 429) is resent with the same body within the
 * policy, while a dropped connection or a read timeout — where Google may have acted — reaches Google exactly once
 * and fails typed. {@code tenants.list}, {@code tenants.patch} and {@code operations.get} are retried within the
 * policy under every fault.
 */
class TenantFaultMatrixTest {
    private static final Duration READ_TIMEOUT = Duration.ofMillis(300);
    private static final Duration HELD_ANSWER = Duration.ofMillis(1200);
    private static final int MAX_ATTEMPTS = 3;
    private static final String UNAVAILABLE = "{\"error\":{\"code\":503,\"message\":\"The service is currently unavailable.\","
            + "\"status\":\"UNAVAILABLE\"}}";
    private static final String EXHAUSTED = "{\"error\":{\"code\":429,\"message\":\"Quota exceeded.\","
            + "\"status\":\"RESOURCE_EXHAUSTED\"}}";

    /** The faults of issue 12 §1. */
    enum Fault {
        CONNECTION_DROPPED(Faults.Spec::dropConnection, 0, TransportException.class),
        READ_TIMEOUT(s -> s.delay(HELD_ANSWER), 0, TransportException.class),
        HTTP_503_RETRY_AFTER_0(s -> s.respondWithRetryAfter(503, "0", UNAVAILABLE), 503, ServerException.class),
        HTTP_502(s -> s.respond(FakeResponse.text(502, "text/html", "<html><body>502 Bad Gateway</body></html>")), 502,
                ServerException.class),
        HTTP_429(s -> s.respondWithRetryAfter(429, "1", EXHAUSTED), 429, RateLimitedException.class);

        final Consumer<Faults.Spec> inject;
        final int status;
        final Class<? extends SecOpsException> surfacesAs;

        Fault(Consumer<Faults.Spec> inject, int status, Class<? extends SecOpsException> surfacesAs) {
            this.inject = inject;
            this.status = status;
            this.surfacesAs = surfacesAs;
        }

        boolean isAnswer() {
            return status != 0;
        }
    }

    /** The idempotent operations. */
    enum Read {
        LIST_TENANTS("ListTenants", "GET", "/tenants"),
        UPDATE_TENANT("UpdateTenant", "PATCH", "/tenants/"),
        GET_OPERATION("GetOperation", "GET", "/operations/");

        final String operation;
        final String method;
        final String suffix;

        Read(String operation, String method, String suffix) {
            this.operation = operation;
            this.method = method;
            this.suffix = suffix;
        }
    }

    @TempDir
    Path dir;
    TenantServiceTestSupport env;
    TenantServiceClient client;
    String seeded;
    String operation;

    @BeforeEach
    void start() throws Exception {
        env = new TenantServiceTestSupport(dir);
        env.fake.runningPolls(100);
        seeded = env.fake.seedTenants(1).get(0);
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        env.close();
    }

    private TenantServiceClient clientFor(Fault fault) {
        client = env.client(b -> fault == Fault.READ_TIMEOUT ? b.options(o -> o.readTimeout(READ_TIMEOUT)) : b);
        operation = client.tenants().create(TenantServiceTestSupport.full("warm").build()).name();   // token + an operation
        env.fake.clearJournal();
        env.sleeps.clear();
        return client;
    }

    private List<FakeRequest> received(String method, String suffix) {
        return env.api().stream().filter(r -> r.method().equals(method) && r.path().startsWith(env.base + suffix)
                && (suffix.endsWith("/") || r.path().equals(env.base + suffix))).toList();
    }

    private Object run(Read op) {
        return switch (op) {
            case LIST_TENANTS -> client.tenants().list().stream().toList();
            case UPDATE_TENANT -> client.tenants().update(seeded, TenantUpdate.builder()
                    .authMethod(AuthMethod.WORKFORCE_IDENTITY_FEDERATION).build());
            case GET_OPERATION -> client.operations().get(operation);
        };
    }

    @ParameterizedTest(name = "tenants.create x {0}")
    @EnumSource(Fault.class)
    void create_faultOnce_ioFailuresReachGoogleOnce_answersAreResentAsDocumentedSafe(Fault fault) {
        clientFor(fault);
        fault.inject.accept(env.fake.faults().nextCalls(1, "POST", env.base + "/tenants"));
        int before = env.fake.tenantCount();

        if (fault.isAnswer()) {
            TenantOperation op = client.tenants().create(TenantServiceTestSupport.full("acme").build());

            List<FakeRequest> sent = received("POST", "/tenants");
            assertEquals(2, sent.size(), "the fault, then the documented-safe resend");
            assertEquals(sent.get(0).body(), sent.get(1).body(), "resent with the same fields");
            assertTrue(op.name().contains("/operations/"), op.name());
            assertEquals(before + 1, env.fake.tenantCount(), "one tenant");
            assertEquals(1, env.sleeps.size(), "one pause before the resend");
            if (fault != Fault.HTTP_502) {
                assertEquals(fault == Fault.HTTP_429 ? Duration.ofSeconds(1) : Duration.ZERO, env.sleeps.get(0),
                        "Retry-After honoured");
            }
        } else {
            SecOpsException e = assertThrows(SecOpsException.class,
                    () -> client.tenants().create(TenantServiceTestSupport.full("acme").build()));

            assertInstanceOf(fault.surfacesAs, e, e.toString());
            assertEquals("CreateTenant", e.operation());
            assertEquals(env.fake.baseUri().getHost(), e.host());
            assertEquals(1, received("POST", "/tenants").size(), "an I/O failure is never resent: Google may have acted");
            assertTrue(e.getMessage().contains("not repeated: the vendor may have acted on it"), e.getMessage());
            assertTrue(env.sleeps.isEmpty(), env.sleeps.toString());
        }
    }

    @ParameterizedTest(name = "tenants.create x {0}")
    @EnumSource(value = Fault.class, names = {"HTTP_503_RETRY_AFTER_0", "HTTP_502", "HTTP_429"})
    void create_answerFaultOnEveryAttempt_isSentThePolicysThreeTimes_thenFailsTyped(Fault fault) {
        clientFor(fault);
        fault.inject.accept(env.fake.faults().nextCalls(MAX_ATTEMPTS, "POST", env.base + "/tenants"));
        int before = env.fake.tenantCount();

        SecOpsException e = assertThrows(SecOpsException.class,
                () -> client.tenants().create(TenantServiceTestSupport.full("acme").build()));

        assertInstanceOf(fault.surfacesAs, e, e.toString());
        assertEquals(fault.status, e.httpStatus());
        List<FakeRequest> sent = received("POST", "/tenants");
        assertEquals(MAX_ATTEMPTS, sent.size());
        assertEquals(1, sent.stream().map(FakeRequest::body).distinct().count(), "every resend carried the same fields");
        assertEquals(MAX_ATTEMPTS - 1, env.sleeps.size());
        assertEquals(before, env.fake.tenantCount());
    }

    static Stream<Arguments> readsTimesFaults() {
        return Stream.of(Read.values()).flatMap(r -> Stream.of(Fault.values()).map(f -> Arguments.of(r, f)));
    }

    @ParameterizedTest(name = "{0} x {1}")
    @MethodSource("readsTimesFaults")
    void read_faultOnFirstAttempt_isRetriedOnce_andSucceeds(Read op, Fault fault) {
        clientFor(fault);
        fault.inject.accept(env.fake.faults().nextCalls(1, op.method, env.base + op.suffix));

        run(op);

        assertEquals(2, received(op.method, op.suffix).size(), op + ": the fault, then the retry");
        assertEquals(1, env.sleeps.size());
    }

    @ParameterizedTest(name = "{0} x {1}")
    @MethodSource("readsTimesFaults")
    void read_faultOnEveryAttempt_stopsAfterThePolicysAttempts_andFailsTyped(Read op, Fault fault) {
        clientFor(fault);
        fault.inject.accept(env.fake.faults().nextCalls(MAX_ATTEMPTS, op.method, env.base + op.suffix));

        SecOpsException e = assertThrows(SecOpsException.class, () -> run(op));

        assertInstanceOf(fault.surfacesAs, e, e.toString());
        assertEquals(op.operation, e.operation());
        assertEquals(env.fake.baseUri().getHost(), e.host());
        assertEquals(fault.status, e.httpStatus());
        assertEquals(MAX_ATTEMPTS, received(op.method, op.suffix).size());
        assertEquals(MAX_ATTEMPTS - 1, env.sleeps.size());
    }
}
