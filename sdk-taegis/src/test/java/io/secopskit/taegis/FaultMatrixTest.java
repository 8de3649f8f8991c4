package io.secopskit.taegis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.Secret;
import io.secopskit.core.auth.OAuth2ClientCredentialsAuth;
import io.secopskit.core.error.RateLimitedException;
import io.secopskit.core.error.SecOpsException;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.error.TransportException;
import io.secopskit.taegis.model.SamlConfiguration;
import io.secopskit.taegis.model.SsoConfigSource;
import io.secopskit.taegis.model.SsoConnectionRequest;
import io.secopskit.taegis.model.SsoConnectionStatus;
import io.secopskit.taegis.model.SsoConnectionType;
import io.secopskit.taegis.model.SsoConnectionUpdate;
import io.secopskit.taegis.model.SubscriptionRequest;
import io.secopskit.taegis.model.SubscriptionUpdate;
import io.secopskit.taegis.model.TenantEnvironment;
import io.secopskit.taegis.model.TenantLabelRequest;
import io.secopskit.taegis.model.TenantQuery;
import io.secopskit.taegis.model.TenantRequest;
import io.secopskit.taegis.model.TenantUpdate;
import io.secopskit.testkit.FakeResponse;
import io.secopskit.testkit.FakeTaegis;
import io.secopskit.testkit.Faults;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12's fault matrix for Taegis: every mutation reaches the Tenants API exactly once under each fault and
 * the caller gets a typed exception (a GraphQL POST is never resent, whatever OkHttp or the retry policy would
 * do); queries are retried within the policy (3 attempts by default). Counts are per GraphQL operation, read
 * from the documents the fake received.
 */
class FaultMatrixTest extends TaegisTestBase {
    /**
     * The read timeout of the read-timeout cases where every request under it is meant to time out (the token is
     * fetched beforehand): short, so that the matrix stays fast.
     */
    private static final Duration STALLED_ONLY_TIMEOUT = Duration.ofMillis(100);
    /**
     * The read timeout where a retry under it must succeed: long enough for a loaded machine. Both apply only in
     * the read-timeout cases, so that the others run with the default timeouts.
     */
    private static final Duration RETRY_SUCCEEDS_TIMEOUT = Duration.ofMillis(500);
    private static final Duration SERVER_STALL = Duration.ofMillis(1500);

    /** The faults of issue 12's matrix. */
    enum Fault {
        DROPPED_BEFORE_ANSWER, READ_TIMEOUT, HTTP_503_RETRY_AFTER_0, HTTP_502, HTTP_429;

        void inject(Faults faults, int calls) {
            Faults.Spec spec = faults.nextCalls(calls, "POST", TaegisClient.QUERY_PATH);
            switch (this) {
                case DROPPED_BEFORE_ANSWER -> spec.dropConnection();
                case READ_TIMEOUT -> spec.delay(SERVER_STALL);
                case HTTP_503_RETRY_AFTER_0 -> spec.respondWithRetryAfter(503, "0",
                        "{\"errors\":[{\"message\":\"service unavailable\"}]}");
                case HTTP_502 -> spec.respond(FakeResponse.text(502, "text/html",
                        "<html><body><h1>502 Bad Gateway</h1></body></html>"));
                case HTTP_429 -> spec.respondWithRetryAfter(429, "1",
                        "{\"errors\":[{\"message\":\"too many requests\",\"extensions\":{\"code\":\"RATE_LIMITED\"}}]}");
                default -> throw new IllegalStateException();
            }
        }

        Class<? extends SecOpsException> expected() {
            return switch (this) {
                case DROPPED_BEFORE_ANSWER, READ_TIMEOUT -> TransportException.class;
                case HTTP_503_RETRY_AFTER_0, HTTP_502 -> ServerException.class;
                case HTTP_429 -> RateLimitedException.class;
            };
        }

        int status() {
            return switch (this) {
                case DROPPED_BEFORE_ANSWER, READ_TIMEOUT -> 0;
                case HTTP_503_RETRY_AFTER_0 -> 503;
                case HTTP_502 -> 502;
                case HTTP_429 -> 429;
            };
        }
    }

    /** Every mutation the SDK sends, by the SDK method that sends it. */
    enum Write {
        TENANTS_CREATE("createTenant"), TENANTS_UPDATE("updateTenant"), TENANTS_RENAME("updateTenant"),
        TENANTS_SET_ENVIRONMENTS("updateTenant"), TENANTS_ENABLE("updateTenant"), TENANTS_DISABLE("updateTenant"),
        TENANTS_SET_EXPIRY("updateTenant"), TENANTS_CLEAR_EXPIRY("updateTenant"),
        TENANTS_ENABLE_SUPPORT("enableTenantSupport"), TENANTS_DISABLE_SUPPORT("disableTenantSupport"),
        LABELS_CREATE("createTenantLabel"), LABELS_UPDATE("updateTenantLabel"), LABELS_DELETE("deleteTenantLabel"),
        SUBSCRIPTIONS_CREATE("createSubscription"), SUBSCRIPTIONS_UPDATE("updateSubscription"),
        SUBSCRIPTIONS_DELETE("deleteSubscription"), SUBSCRIPTIONS_ASSIGN("assignSubscription"),
        SUBSCRIPTIONS_UNASSIGN("unassignSubscription"),
        SSO_CREATE("createSSOConnection"), SSO_UPDATE("updateSSOConnection"), SSO_DELETE("deleteSSOConnection");

        final String operation;

        Write(String operation) {
            this.operation = operation;
        }
    }

    /** Every query the SDK sends. */
    enum Read {
        TENANTS_LIST("tenants"), TENANTS_GET("tenants"), SSO_GET("getSSOConnection"), SSO_LIST("SSOConnections"),
        SSO_GET_CONFIG("getSSOConnectionConfig");

        final String operation;

        Read(String operation) {
            this.operation = operation;
        }
    }

    private TaegisClient client;
    private String tenant;
    private String label;
    private String subscription;
    private String assigned;
    private String connection;

    @BeforeEach
    void seedTenant() {
        tenant = fake.seedTenants(1).get(0);
    }

    @AfterEach
    void closeClient() {
        if (client != null) {
            client.close();
        }
    }

    /** Creates what an operation acts on, through the SDK, before the fault is armed. */
    private void seedFor(String operation) {
        if (operation.endsWith("TenantLabel")) {
            label = taegis.tenants().labels(tenant).create(TenantLabelRequest.of("tier", "gold")).id();
        } else if (operation.endsWith("Subscription")) {
            subscription = taegis.subscriptions().create(SubscriptionRequest.of("MDR")).id();
            assigned = taegis.subscriptions().create(SubscriptionRequest.of("MDR Plus")).id();
            taegis.subscriptions().assign(tenant, assigned);
        } else if (operation.contains("SSOConnection")) {
            connection = taegis.sso(tenant).create(SsoConnectionRequest.builder().name("Acme Okta").type(SsoConnectionType.SAML)
                    .domains("acme.example").build()).id();
        }
    }

    /**
     * The test's client: the shared one, or, for the read-timeout cases, one with a short read timeout whose
     * token strategy already holds a token (fetched by a client with the default timeouts), so that no token
     * request runs under the short timeout.
     *
     * @param readTimeout the read timeout of the read-timeout cases
     */
    private TaegisClient client(Fault fault, String operation, Duration readTimeout) {
        seedFor(operation);
        if (fault != Fault.READ_TIMEOUT) {
            return taegis;
        }
        OAuth2ClientCredentialsAuth shared = OAuth2ClientCredentialsAuth.builder()
                .tokenEndpoint(URI.create(fake.baseUri() + TaegisClient.TOKEN_PATH))
                .credentials(CLIENT_ID, Secret.of(CLIENT_SECRET)).build();
        try (TaegisClient warm = TaegisClient.builder().endpoint(fake.baseUri()).auth(shared)
                .options(o -> o.clock(clock).sleeper(sleeps::add)).build()) {
            warm.tenants().get(tenant);
        }
        client = TaegisClient.builder().endpoint(fake.baseUri()).auth(shared)
                .options(o -> o.clock(clock).sleeper(sleeps::add).readTimeout(readTimeout)).build();
        return client;
    }

    private Object run(TaegisClient c, Write op) {
        return switch (op) {
            case TENANTS_CREATE -> c.tenants().create(TenantRequest.builder().name("Acme").parentTenantId(FakeTaegis.PARTNER_TENANT_ID).build());
            case TENANTS_UPDATE -> c.tenants().update(tenant, TenantUpdate.builder().name("Acme 2").build());
            case TENANTS_RENAME -> c.tenants().rename(tenant, "Acme 3");
            case TENANTS_SET_ENVIRONMENTS -> c.tenants().setEnvironments(tenant, Map.of(TenantEnvironment.ECHO, true));
            case TENANTS_ENABLE -> c.tenants().enable(tenant, TenantEnvironment.DELTA);
            case TENANTS_DISABLE -> c.tenants().disable(tenant);
            case TENANTS_SET_EXPIRY -> c.tenants().setExpiry(tenant, Instant.parse("2027-01-01T00:00:00Z"));
            case TENANTS_CLEAR_EXPIRY -> c.tenants().clearExpiry(tenant);
            case TENANTS_ENABLE_SUPPORT -> c.tenants().enableSupport(tenant);
            case TENANTS_DISABLE_SUPPORT -> c.tenants().disableSupport(tenant);
            case LABELS_CREATE -> c.tenants().labels(tenant).create(TenantLabelRequest.of("env", "prod"));
            case LABELS_UPDATE -> c.tenants().labels(tenant).update(label, TenantLabelRequest.of("tier", "silver"));
            case LABELS_DELETE -> c.tenants().labels(tenant).delete(label);
            case SUBSCRIPTIONS_CREATE -> c.subscriptions().create(SubscriptionRequest.of("XDR"));
            case SUBSCRIPTIONS_UPDATE -> c.subscriptions().update(subscription, SubscriptionUpdate.rename("MDR 2"));
            case SUBSCRIPTIONS_DELETE -> c.subscriptions().delete(subscription);
            case SUBSCRIPTIONS_ASSIGN -> c.subscriptions().assign(tenant, subscription);
            case SUBSCRIPTIONS_UNASSIGN -> c.subscriptions().unassign(tenant, assigned);
            case SSO_CREATE -> c.sso(tenant).create(SsoConnectionRequest.builder().name("Second").type(SsoConnectionType.SAML)
                    .domains("acme.example.org").build());
            case SSO_UPDATE -> c.sso(tenant).update(connection, SsoConnectionUpdate.builder().status(SsoConnectionStatus.ENABLED)
                    .samlConfiguration(SamlConfiguration.metadataUrl("https://idp.acme.example/metadata")).build());
            case SSO_DELETE -> c.sso(tenant).delete(connection);
        };
    }

    private Object run(TaegisClient c, Read op) {
        return switch (op) {
            case TENANTS_LIST -> c.tenants().list(TenantQuery.all()).stream().toList();
            case TENANTS_GET -> c.tenants().get(tenant);
            case SSO_GET -> c.sso(tenant).get(connection);
            case SSO_LIST -> c.sso(tenant).list().stream().toList();
            case SSO_GET_CONFIG -> c.sso(tenant).getConfig(SsoConfigSource.metadataUrl("https://idp.acme.example/metadata"));
        };
    }

    static Stream<Arguments> writesTimesFaults() {
        return Stream.of(Write.values()).flatMap(w -> Stream.of(Fault.values()).map(f -> Arguments.of(w, f)));
    }

    static Stream<Arguments> readsTimesFaults() {
        return Stream.of(Read.values()).flatMap(r -> Stream.of(Fault.values()).map(f -> Arguments.of(r, f)));
    }

    @ParameterizedTest(name = "{0} x {1}")
    @MethodSource("writesTimesFaults")
    void mutation_underEveryFault_reachesTheApiOnce_andFailsTyped(Write op, Fault fault) {
        TaegisClient c = client(fault, op.operation, STALLED_ONLY_TIMEOUT);
        int before = sent(op.operation).size();
        fault.inject(fake.faults(), 1);

        SecOpsException e = assertThrows(SecOpsException.class, () -> run(c, op));

        assertInstanceOf(fault.expected(), e, e.toString());
        assertEquals("taegis", e.vendor());
        assertEquals(op.operation, e.operation(), e.toString());
        assertEquals(fakeHost(), e.host());
        assertEquals(fault.status(), e.httpStatus());
        assertEquals(1, sent(op.operation).size() - before, "the API received exactly one " + op.operation + " request");
        assertTrue(sleeps.isEmpty(), "no retry was scheduled: " + sleeps);
        assertTrue(tokenRequests() <= 2, "token requests stay bounded: " + tokenRequests());
        assertTrue(!e.isRetryable() || fault == Fault.HTTP_429, "a mutation's failure is not marked for a blind repeat: " + e);
        switch (fault) {
            case HTTP_429 -> {
                assertEquals(Optional.of(Duration.ofSeconds(1)), ((RateLimitedException) e).retryAfter());
                assertEquals("RATE_LIMITED", e.vendorCode(), "the GraphQL extensions code is kept");
            }
            case DROPPED_BEFORE_ANSWER, READ_TIMEOUT ->
                    assertTrue(e.getMessage().contains("not repeated: the vendor may have acted on it"), e.getMessage());
            case HTTP_503_RETRY_AFTER_0 -> assertEquals("service unavailable", e.vendorMessage());
            default -> { }
        }
    }

    @ParameterizedTest(name = "{0} x {1}")
    @MethodSource("readsTimesFaults")
    void query_faultOnFirstAttempt_isRetried_andSucceeds(Read op, Fault fault) {
        TaegisClient c = client(fault, op.operation, RETRY_SUCCEEDS_TIMEOUT);
        int before = sent(op.operation).size();
        fault.inject(fake.faults(), 1);

        run(c, op);

        assertEquals(2, sent(op.operation).size() - before, op + " was sent twice: the fault, then the retry");
        assertEquals(1, sleeps.size());
        Duration waited = sleeps.get(0);
        switch (fault) {
            case HTTP_503_RETRY_AFTER_0 -> assertEquals(Duration.ZERO, waited);
            case HTTP_429 -> assertEquals(Duration.ofSeconds(1), waited);
            default -> assertTrue(waited.compareTo(Duration.ofMillis(250)) <= 0, "first backoff within 250 ms: " + waited);
        }
    }

    @ParameterizedTest(name = "{0} x {1}")
    @MethodSource("readsTimesFaults")
    void query_faultOnEveryAttempt_stopsAfterThePolicysAttempts_andFailsTyped(Read op, Fault fault) {
        TaegisClient c = client(fault, op.operation, STALLED_ONLY_TIMEOUT);
        int before = sent(op.operation).size();
        fault.inject(fake.faults(), 3);

        SecOpsException e = assertThrows(SecOpsException.class, () -> run(c, op));

        assertInstanceOf(fault.expected(), e, e.toString());
        assertEquals(op.operation, e.operation(), e.toString());
        assertEquals(fakeHost(), e.host());
        assertEquals(fault.status(), e.httpStatus());
        assertTrue(e.isRetryable(), "a later repeat of a query may succeed");
        assertEquals(3, sent(op.operation).size() - before, "RetryPolicy.defaults(): 3 attempts");
        assertEquals(2, sleeps.size());
    }
}
