package io.secopskit.chronicle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.chronicle.model.AuthVersion;
import io.secopskit.chronicle.model.ComplianceCertification;
import io.secopskit.chronicle.model.CreateCustomerRequest;
import io.secopskit.chronicle.model.Customer;
import io.secopskit.chronicle.model.UpdateSsoConfigRequest;
import io.secopskit.core.error.QuotaExhaustedException;
import io.secopskit.core.error.RateLimitedException;
import io.secopskit.core.error.SecOpsException;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.error.TransportException;
import io.secopskit.testkit.FakeChronicle;
import io.secopskit.testkit.FakeRequest;
import io.secopskit.testkit.FakeResponse;
import io.secopskit.testkit.Faults;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12's fault matrix for the partner Customer Management API: each non-idempotent operation (CreateCustomer,
 * UpdateSSOConfig, EnableIAM, GenerateIdPMetadata) under each fault reaches Google exactly once and fails typed —
 * except CreateCustomer's documented "creation may be retried" failure, resent with the same body within the policy;
 * each idempotent operation is retried within the policy (3 attempts by default). The read timeout is real (300 ms
 * against an answer held 1.2 s, only in the read-timeout cases); every other wait is recorded by the test sleeper.
 */
class FaultMatrixTest {
    private static final String BASE = "/v1/partner/customer/";
    private static final Duration READ_TIMEOUT = Duration.ofMillis(300);
    private static final Duration HELD_ANSWER = Duration.ofMillis(1200);
    private static final int MAX_ATTEMPTS = 3;
    private static final String UNAVAILABLE = "{\"error\":{\"code\":503,\"message\":\"The service is currently unavailable.\","
            + "\"status\":\"UNAVAILABLE\"}}";
    private static final String EXHAUSTED = "{\"error\":{\"code\":429,\"message\":\"Quota exceeded for quota metric.\","
            + "\"status\":\"RESOURCE_EXHAUSTED\"}}";
    private static final String RETRYABLE = "{\"error\":{\"code\":500,\"message\":\"" + FakeChronicle.RETRYABLE_CREATE_MESSAGE
            + "\",\"status\":\"INTERNAL\"}}";

    /** The faults of issue 12 §1. */
    enum Fault {
        CONNECTION_DROPPED(Faults.Spec::dropConnection, 0),
        READ_TIMEOUT(s -> s.delay(HELD_ANSWER), 0),
        HTTP_503_RETRY_AFTER_0(s -> s.respondWithRetryAfter(503, "0", UNAVAILABLE), 503),
        HTTP_502(s -> s.respond(FakeResponse.text(502, "text/html", "<html><body>502 Bad Gateway</body></html>")), 502),
        HTTP_429(s -> s.respondWithRetryAfter(429, "1", EXHAUSTED), 429);

        final Consumer<Faults.Spec> inject;
        final int status;

        Fault(Consumer<Faults.Spec> inject, int status) {
            this.inject = inject;
            this.status = status;
        }

        Class<? extends SecOpsException> surfacesAs(String operation) {
            return switch (this) {
                case CONNECTION_DROPPED, READ_TIMEOUT -> TransportException.class;
                case HTTP_503_RETRY_AFTER_0, HTTP_502 -> ServerException.class;
                // CreateCustomer is counted by a daily quota: Google's 429 there means the quota is used up
                case HTTP_429 -> operation.equals("CreateCustomer") ? QuotaExhaustedException.class : RateLimitedException.class;
            };
        }
    }

    /** The operations that may not be repeated: at most one request each. */
    enum Write {
        CREATE_CUSTOMER("CreateCustomer", "POST", "createcustomer"),
        UPDATE_SSO_CONFIG("UpdateSSOConfig", "PATCH", "updatessoconfig"),
        ENABLE_IAM("EnableIAM", "POST", "iammigration:enableIam"),
        GENERATE_IDP_METADATA("GenerateIdPMetadata", "POST", "generateidpmetadata");

        final String operation;
        final String method;
        final String path;

        Write(String operation, String method, String path) {
            this.operation = operation;
            this.method = method;
            this.path = BASE + path;
        }
    }

    /** The operations that only read or set a value: retried. */
    enum Read {
        GET_CUSTOMER("GetCustomer", "GET", "getcustomer"),
        GET_FORWARDER_CONFIGS("GetCustomerForwarderConfigs", "GET", "forwarder/getconfigs"),
        LIST_CUSTOMERS("ListCustomers", "GET", "listcustomers"),
        SET_UI_STATE("SetUIState", "POST", "setuistate:state"),
        SET_GCP_PROJECT_LINK("SetGCPProjectLink", "POST", "setgcpprojectlink"),
        GENERATE_IAM_MIGRATION_COMMANDS("GenerateIamMigrationCommands", "POST", "iammigration:generateIamMigrationCommands"),
        SET_AUTH_VERSION("SetAuthVersion", "POST", "setauthversion"),
        SET_COMPLIANCE_REQUIREMENTS("SetComplianceRequirements", "POST", "setcompliancerequirements"),
        SET_WORKFORCE_POOL_PROVIDER("SetWorkforcePoolProvider", "POST", "setworkforcepoolprovider");

        final String operation;
        final String method;
        final String path;

        Read(String operation, String method, String path) {
            this.operation = operation;
            this.method = method;
            this.path = BASE + path;
        }
    }

    @TempDir
    Path dir;
    private ChronicleTestSupport env;
    private ChronicleClient client;

    @BeforeEach
    void seed() throws Exception {
        env = new ChronicleTestSupport(dir);
        env.fake.seedCustomer("acme", "Acme Corp", "acme-soc");
    }

    @AfterEach
    void closeClient() {
        if (client != null) {
            client.close();
        }
        env.close();
    }

    private CustomersClient customersFor(Fault fault) {
        client = env.client(o -> fault == Fault.READ_TIMEOUT ? o.readTimeout(READ_TIMEOUT) : o);
        client.customers().list().stream().count();   // the token first, so that every count below is the operation's
        env.fake.clearJournal();
        return client.customers();
    }

    private static Object run(CustomersClient customers, Write op) {
        return switch (op) {
            case CREATE_CUSTOMER -> customers.create(CreateCustomerRequest.builder().customerName("Beta Ltd")
                    .customerCode("beta").customerSubdomain("beta").build());
            case UPDATE_SSO_CONFIG -> customers.updateSsoConfig(UpdateSsoConfigRequest.builder().customerCode("acme")
                    .ssoConfig("<EntityDescriptor/>").build());
            case ENABLE_IAM -> {
                customers.enableIam("acme");
                yield "enabled";
            }
            case GENERATE_IDP_METADATA -> customers.generateIdpMetadata("acme-soc");
        };
    }

    private static Object run(CustomersClient customers, Read op) {
        return switch (op) {
            case GET_CUSTOMER -> customers.get("acme");
            case GET_FORWARDER_CONFIGS -> customers.getForwarderConfigs("acme");
            case LIST_CUSTOMERS -> customers.list().stream().toList();
            case SET_UI_STATE -> customers.setUiState("acme", false);
            case SET_GCP_PROJECT_LINK -> {
                customers.setGcpProjectLink("acme", "projects/acme-secops");
                yield "linked";
            }
            case GENERATE_IAM_MIGRATION_COMMANDS -> customers.generateIamMigrationCommands("acme");
            case SET_AUTH_VERSION -> customers.setAuthVersion("acme", AuthVersion.AUTH_VERSION_4);
            case SET_COMPLIANCE_REQUIREMENTS -> customers.setComplianceRequirements("acme",
                    List.of(ComplianceCertification.COMPLIANCE_CERTIFICATION_PCI_DSS));
            case SET_WORKFORCE_POOL_PROVIDER -> customers.setWorkforcePoolProvider("acme", "acme-soc",
                    "locations/global/workforcePools/acme-pool/providers/okta");
        };
    }

    static Stream<Arguments> writesTimesFaults() {
        return Stream.of(Write.values()).flatMap(w -> Stream.of(Fault.values()).map(f -> Arguments.of(w, f)));
    }

    static Stream<Arguments> readsTimesFaults() {
        return Stream.of(Read.values()).flatMap(r -> Stream.of(Fault.values()).map(f -> Arguments.of(r, f)));
    }

    /**
     * Every read under every fault on every attempt; a read timeout on every attempt costs three real timeouts,
     * so the default suite times out one GET and one POST that way, and {@code -Pheavy} all nine.
     */
    static Stream<Arguments> readsTimesFaultsOnEveryAttempt() {
        boolean heavy = Boolean.getBoolean("secopskit.heavy");
        return readsTimesFaults().filter(a -> heavy || a.get()[1] != Fault.READ_TIMEOUT
                || a.get()[0] == Read.GET_CUSTOMER || a.get()[0] == Read.SET_UI_STATE);
    }

    @ParameterizedTest(name = "{0} x {1}")
    @MethodSource("writesTimesFaults")
    void write_underEveryFault_reachesGoogleOnce_andFailsTyped(Write op, Fault fault) {
        CustomersClient customers = customersFor(fault);
        fault.inject.accept(env.fake.faults().nextCalls(1, op.method, op.path));

        SecOpsException e = assertThrows(SecOpsException.class, () -> run(customers, op));

        assertInstanceOf(fault.surfacesAs(op.operation), e, e.toString());
        assertEquals("chronicle", e.vendor());
        assertEquals(op.operation, e.operation());
        assertEquals(env.fake.baseUri().getHost(), e.host());
        assertEquals(fault.status, e.httpStatus());
        List<FakeRequest> sent = env.fake.requests(op.method, op.path);
        assertEquals(1, sent.size(), "Google received exactly one " + op + " request");
        assertTrue(sent.get(0).body().length() > 2, "the one request carried its body");
        assertTrue(env.sleeps.isEmpty(), "no retry was scheduled: " + env.sleeps);
        if (fault == Fault.CONNECTION_DROPPED || fault == Fault.READ_TIMEOUT) {
            assertTrue(e.getMessage().contains("not repeated: the vendor may have acted on it"), e.getMessage());
        }
        if (e instanceof QuotaExhaustedException quota) {
            assertEquals(QuotaExhaustedException.Side.VENDOR, quota.detectedBy());
            assertEquals(CustomersClient.CREATE_CUSTOMER_LIMIT, quota.limitKey());
        } else if (e instanceof RateLimitedException limited) {
            assertEquals(Optional.of(Duration.ofSeconds(1)), limited.retryAfter());
        }
    }

    @ParameterizedTest(name = "{0} x {1}")
    @MethodSource("readsTimesFaults")
    void read_faultOnFirstAttempt_isRetriedOnce_andSucceeds(Read op, Fault fault) {
        CustomersClient customers = customersFor(fault);
        fault.inject.accept(env.fake.faults().nextCalls(1, op.method, op.path));

        run(customers, op);

        List<FakeRequest> sent = env.fake.requests(op.method, op.path);
        assertEquals(2, sent.size(), op + " was sent twice: the fault, then the retry");
        assertEquals(sent.get(0).body(), sent.get(1).body(), "the retry repeats the same body");
        assertEquals(1, env.sleeps.size());
        Duration waited = env.sleeps.get(0);
        switch (fault) {
            case HTTP_503_RETRY_AFTER_0 -> assertEquals(Duration.ZERO, waited);
            case HTTP_429 -> assertEquals(Duration.ofSeconds(1), waited);
            default -> assertTrue(waited.compareTo(Duration.ofMillis(250)) <= 0, "first backoff within 250 ms: " + waited);
        }
    }

    @ParameterizedTest(name = "{0} x {1}")
    @MethodSource("readsTimesFaultsOnEveryAttempt")
    void read_faultOnEveryAttempt_stopsAfterThePolicysAttempts_andFailsTyped(Read op, Fault fault) {
        CustomersClient customers = customersFor(fault);
        fault.inject.accept(env.fake.faults().nextCalls(MAX_ATTEMPTS, op.method, op.path));

        SecOpsException e = assertThrows(SecOpsException.class, () -> run(customers, op));

        assertInstanceOf(fault.surfacesAs(op.operation), e, e.toString());
        assertEquals(op.operation, e.operation());
        assertEquals(env.fake.baseUri().getHost(), e.host());
        assertEquals(fault.status, e.httpStatus());
        assertTrue(e.isRetryable(), "a later repeat of an idempotent call may succeed");
        assertEquals(MAX_ATTEMPTS, env.fake.requests(op.method, op.path).size(), "RetryPolicy.defaults(): 3 attempts");
        assertEquals(MAX_ATTEMPTS - 1, env.sleeps.size());
    }

    @Test
    void createCustomer_documentedRetryableFailureWith503RetryAfter0_isResentOnceWithTheSameBody_andCreatesOneCustomer() {
        CustomersClient customers = customersFor(Fault.HTTP_503_RETRY_AFTER_0);
        env.fake.faults().nextCalls(1, "POST", BASE + "createcustomer").respondWithRetryAfter(503, "0",
                RETRYABLE.replace("500", "503").replace("INTERNAL", "UNAVAILABLE"));

        Customer created = run(customers, Write.CREATE_CUSTOMER) instanceof Customer c ? c : null;

        List<FakeRequest> sent = env.fake.requests("POST", BASE + "createcustomer");
        assertEquals(2, sent.size(), "the documented-safe resend, once");
        assertEquals(sent.get(0).body(), sent.get(1).body());
        assertEquals("beta", created.customerCode());
        assertEquals(List.of(Duration.ZERO), env.sleeps);
        assertEquals(2, env.fake.customerCount(), "acme and beta: one customer created");
    }

    @Test
    void createCustomer_documentedRetryableFailureOnEveryAttempt_isSentThreeTimes_thenFailsTyped() {
        CustomersClient customers = customersFor(Fault.HTTP_502);
        env.fake.failNextCreatesRetryably(MAX_ATTEMPTS);   // Google's own answer: 500 INTERNAL with the message

        ServerException e = assertThrows(ServerException.class, () -> run(customers, Write.CREATE_CUSTOMER));

        assertEquals(500, e.httpStatus());
        assertEquals("INTERNAL", e.vendorCode());
        assertTrue(e.getMessage().contains("creation may be retried"), e.getMessage());
        List<FakeRequest> sent = env.fake.requests("POST", BASE + "createcustomer");
        assertEquals(MAX_ATTEMPTS, sent.size(), "the policy's 3 attempts, all with the same body");
        assertEquals(1, sent.stream().map(FakeRequest::body).distinct().count());
        assertEquals(MAX_ATTEMPTS - 1, env.sleeps.size());
        assertEquals(1, env.fake.customerCount(), "nothing was created");
        assertEquals(MAX_ATTEMPTS, env.fake.createCustomerQuotaUsed(), "every send counts against Google's quota");
    }

    @Test
    void enableIam_answeredWithCreateCustomersRetryableMessage_isNotResent() {
        CustomersClient customers = customersFor(Fault.HTTP_502);
        env.fake.faults().nextCalls(1, "POST", BASE + "iammigration:enableIam").respond(500, RETRYABLE);

        assertThrows(ServerException.class, () -> customers.enableIam("acme"));

        assertEquals(1, env.fake.requests("POST", BASE + "iammigration:enableIam").size());
        assertTrue(env.sleeps.isEmpty());
    }
}
