package io.secopskit.chronicle.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.error.InvalidRequestException;
import io.secopskit.core.error.PermissionDeniedException;
import io.secopskit.core.error.TransportException;
import io.secopskit.testkit.FakeChronicleTenantService;
import io.secopskit.testkit.FakeChronicleTenantService.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** customerCode as the idempotency key: documented resends, ALREADY_EXISTS explained, never a second tenant. */
class TenantIdempotencyTest {
    private static final Duration WAIT = Duration.ofMinutes(30);

    @TempDir
    Path dir;
    TenantServiceTestSupport env;
    TenantServiceClient client;

    @BeforeEach
    void start() throws Exception {
        env = new TenantServiceTestSupport(dir);
        client = env.client();
    }

    @AfterEach
    void stop() {
        env.close();
    }

    @Test
    void createTenant_resendingSameFieldsAfterErrorWhileNotDone_retriesTheWorkflowForTheSameTenant() {
        env.fake.nextCreates(Outcome.ERROR_NOT_DONE, 1);
        CreateTenantRequest request = TenantServiceTestSupport.full("acme").build();
        TenantOperation first = client.tenants().create(request);
        assertThrows(TenantOperationFailedException.class, () -> first.await(WAIT));

        TenantOperation retry = client.tenants().create(request);
        Tenant tenant = retry.await(WAIT);

        assertNotEquals(first.name(), retry.name(), "a new operation");
        assertEquals(first.tenantName().orElseThrow(), tenant.name(), "for the same tenant");
        assertEquals(1, env.fake.tenantCount());
        assertEquals(2, env.fake.operationsStarted());
        assertEquals(env.api("POST", "/tenants").get(0).body(), env.api("POST", "/tenants").get(1).body(),
                "the resend carries exactly the same fields");
    }

    @Test
    void createTenant_whenProvisioned_throwsAlreadyExistsSayingAlreadyProvisioned() {
        Tenant existing = client.tenants().create(TenantServiceTestSupport.full("acme").build()).await(WAIT);

        TenantAlreadyExistsException e = assertThrows(TenantAlreadyExistsException.class,
                () -> client.tenants().create(TenantServiceTestSupport.full("acme").build()));

        assertEquals(TenantAlreadyExistsException.Reason.ALREADY_PROVISIONED, e.reason());
        assertEquals(existing.name(), e.existingTenant().orElseThrow().name());
        assertEquals(List.of(), e.differingFields());
        assertEquals(409, e.httpStatus());
        assertEquals("ALREADY_EXISTS", e.vendorCode());
        assertEquals("acme", e.customerCode());
        assertTrue(e.getMessage().contains("already provisioned") && e.getMessage().contains("same fields"), e.getMessage());
        assertEquals(1, env.fake.tenantCount());
    }

    @Test
    void createTenant_whenOtherFieldsDiffer_throwsAlreadyExistsNamingTheFields() {
        client.tenants().create(TenantServiceTestSupport.full("acme").build()).await(WAIT);

        TenantAlreadyExistsException e = assertThrows(TenantAlreadyExistsException.class,
                () -> client.tenants().create(TenantServiceTestSupport.full("acme")
                        .retentionDuration(TenantRetentionDuration.TWO_YEARS).displayName("Acme Renamed").build()));

        assertEquals(TenantAlreadyExistsException.Reason.FIELDS_DIFFER, e.reason());
        assertEquals(List.of("displayName", "retentionDuration"), e.differingFields());
        assertTrue(e.getMessage().contains("[displayName, retentionDuration]"), e.getMessage());
        assertEquals(1, env.fake.tenantCount());
    }

    @Test
    void createTenant_stuckWorkflowButDifferentFields_isNotRetriedAndSaysWhichFields() {
        env.fake.nextCreates(Outcome.ERROR_NOT_DONE, 1);
        TenantOperation first = client.tenants().create(TenantServiceTestSupport.full("acme").build());
        assertThrows(TenantOperationFailedException.class, () -> first.await(WAIT));

        TenantAlreadyExistsException e = assertThrows(TenantAlreadyExistsException.class,
                () -> client.tenants().create(TenantServiceTestSupport.full("acme").frontendPath("acme-soc").build()));

        assertEquals(TenantAlreadyExistsException.Reason.FIELDS_DIFFER, e.reason());
        assertEquals(List.of("frontendPathConfigs"), e.differingFields());
        assertEquals(1, env.fake.operationsStarted());
        assertEquals("ERROR", env.fake.workflowStatus("acme"));
    }

    @Test
    void createTenant_alreadyExistsButNotListed_saysNotVisible() {
        env.fake.faults().nextCalls(1, "POST", env.base + "/tenants")
                .respond(FakeChronicleTenantService.error(409, "ALREADY_EXISTS", "Tenant already exists."));

        TenantAlreadyExistsException e = assertThrows(TenantAlreadyExistsException.class,
                () -> client.tenants().create(TenantServiceTestSupport.full("ghost").build()));

        assertEquals(TenantAlreadyExistsException.Reason.NOT_VISIBLE, e.reason());
        assertTrue(e.existingTenant().isEmpty());
        assertTrue(e.getMessage().startsWith("[chronicle.CreateTenant] HTTP 409 ALREADY_EXISTS: Tenant already exists."),
                e.getMessage());
    }

    @Test
    void createTenant_alreadyExistsAndListingDenied_saysNotVisibleAndKeepsTheListFailure() {
        env.fake.faults().nextCalls(1, "POST", env.base + "/tenants")
                .respond(FakeChronicleTenantService.error(409, "ALREADY_EXISTS", "Tenant already exists."));
        env.fake.faults().nextCalls(1, "GET", env.base + "/tenants")
                .respond(FakeChronicleTenantService.error(403, "PERMISSION_DENIED", "Permission 'chronicle.tenants.list' denied"));

        TenantAlreadyExistsException e = assertThrows(TenantAlreadyExistsException.class,
                () -> client.tenants().create(TenantServiceTestSupport.full("ghost").build()));

        assertEquals(TenantAlreadyExistsException.Reason.NOT_VISIBLE, e.reason());
        assertEquals(1, e.getSuppressed().length);
        assertTrue(e.getSuppressed()[0] instanceof PermissionDeniedException);
    }

    @Test
    void createTenant_transient503_isResentAsDocumentedSafe_andCreatesOneTenant() {
        env.fake.faults().nextCalls(1, "POST", env.base + "/tenants")
                .respond(FakeChronicleTenantService.error(503, "UNAVAILABLE", "The service is currently unavailable."));

        client.tenants().create(TenantServiceTestSupport.full("acme").build()).await(WAIT);

        assertEquals(2, env.api("POST", "/tenants").size());
        assertEquals(1, env.fake.tenantCount());
        assertEquals(1, env.sleeps.stream().filter(d -> d.compareTo(Duration.ofSeconds(1)) < 0).count(),
                "one backoff before the resend");
    }

    @Test
    void createTenant_invalidArgument_isNeverResent() {
        env.fake.faults().nextCalls(1, "POST", env.base + "/tenants")
                .respond(FakeChronicleTenantService.error(400, "INVALID_ARGUMENT", "bad"));

        assertThrows(InvalidRequestException.class, () -> client.tenants().create(TenantServiceTestSupport.full("acme").build()));
        assertEquals(1, env.api("POST", "/tenants").size());
    }

    @Test
    void createTenant_droppedConnection_isNotResentByThePipeline() {
        env.fake.faults().nextCalls(1, "POST", env.base + "/tenants").dropConnection();

        assertThrows(TransportException.class, () -> client.tenants().create(TenantServiceTestSupport.full("acme").build()));
        assertEquals(1, env.api("POST", "/tenants").size());
        assertEquals(0, env.fake.tenantCount());
    }

    @Test
    void ensureTenant_whenAbsent_createsAndAwaits() {
        EnsuredTenant ensured = client.tenants().ensure(TenantServiceTestSupport.full("acme").build(), WAIT);

        assertEquals(EnsuredTenant.Outcome.CREATED, ensured.outcome());
        assertTrue(ensured.tenant().isActive());
        assertTrue(ensured.operation().isPresent());
        assertEquals(1, env.api("GET", "/tenants").size(), "looked up first");
        assertEquals(1, env.api("POST", "/tenants").size());
    }

    @Test
    void ensureTenant_whenActive_returnsFoundAndSendsNoCreate() {
        client.tenants().ensure(TenantServiceTestSupport.full("acme").build(), WAIT);
        env.fake.clearJournal();

        EnsuredTenant again = client.tenants().ensure(TenantServiceTestSupport.full("acme").build(), WAIT);

        assertEquals(EnsuredTenant.Outcome.FOUND, again.outcome());
        assertEquals(List.of(), again.differingFields());
        assertNull(again.operationName());
        assertEquals(0, env.api("POST", "/tenants").size());
        assertEquals(1, env.fake.tenantCount());
    }

    @Test
    void ensureTenant_whenActiveTenantDriftedFromTheRequest_returnsFoundWithTheDriftNeverASecondTenant() {
        env.fake.seedTenants(1);   // seed-0001, display name "Seeded customer 1"
        CreateTenantRequest request = TenantServiceTestSupport.full("seed-0001").displayName("Renamed at the partner").build();

        EnsuredTenant ensured = client.tenants().ensure(request, WAIT);

        assertEquals(EnsuredTenant.Outcome.FOUND, ensured.outcome());
        assertTrue(ensured.differingFields().contains("displayName"), ensured.differingFields().toString());
        assertEquals(0, env.api("POST", "/tenants").size());
        assertEquals(1, env.fake.tenantCount());
    }

    @Test
    void ensureTenant_whenWorkflowStuck_resendsAndAwaitsTheRetriedWorkflow() {
        env.fake.nextCreates(Outcome.ERROR_NOT_DONE, 1);
        assertThrows(TenantOperationFailedException.class,
                () -> client.tenants().ensure(TenantServiceTestSupport.full("acme").build(), WAIT));

        EnsuredTenant second = client.tenants().ensure(TenantServiceTestSupport.full("acme").build(), WAIT);

        assertEquals(EnsuredTenant.Outcome.CREATED, second.outcome());
        assertTrue(second.tenant().isActive());
        assertEquals(1, env.fake.tenantCount());
        assertEquals(2, env.api("POST", "/tenants").size());
    }

    @Test
    void ensureTenant_whenAnotherProcessIsStillCreating_returnsFoundInsteadOfASecondTenant() {
        env.fake.runningPolls(50);
        TenantOperation elsewhere = client.tenants().create(TenantServiceTestSupport.full("acme").build());

        EnsuredTenant ensured = client.tenants().ensure(TenantServiceTestSupport.full("acme").build(), WAIT);

        assertEquals(EnsuredTenant.Outcome.FOUND, ensured.outcome());
        assertEquals(elsewhere.tenantName().orElseThrow(), ensured.tenant().name());
        assertEquals("PROVISIONING", ensured.tenant().state());
        assertEquals(1, env.fake.tenantCount());
    }

    @Test
    void ensureTenant_whenStuckTenantHasOtherFields_throwsFieldsDiffer() {
        env.fake.nextCreates(Outcome.CANCELLED_NOT_DONE, 1);
        assertThrows(TenantOperationFailedException.class,
                () -> client.tenants().ensure(TenantServiceTestSupport.full("acme").build(), WAIT));

        TenantAlreadyExistsException e = assertThrows(TenantAlreadyExistsException.class, () -> client.tenants().ensure(
                TenantServiceTestSupport.full("acme").billingAccount("billingAccounts/FFFFFF-FFFFFF-FFFFFF").build(), WAIT));

        assertEquals(TenantAlreadyExistsException.Reason.FIELDS_DIFFER, e.reason());
        assertEquals(List.of("billingAccount"), e.differingFields());
    }

    @Test
    void differingFields_billingAccountWithOrWithoutPrefix_isTheSameAccount() {
        Tenant t = new Tenant("n/tenants/1", "projects/acme-byop", "ACTIVE", "Customer acme", "acme",
                TenantRetentionDuration.ONE_YEAR, AuthMethod.CLOUD_IDENTITY, List.of(FrontendPathConfig.of("acme")),
                "billingAccounts/" + TenantServiceTestSupport.BILLING, null);
        assertEquals(List.of(), TenantServiceTestSupport.full("acme").build().differingFields(t));
    }

    @Test
    void ensureTenant_concurrentRunsForOneCode_leaveExactlyOneTenant() throws Exception {
        env.fake.runningPolls(1);
        int threads = 4;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<EnsuredTenant>> results = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return env.client().tenants().ensure(TenantServiceTestSupport.full("acme").build(), WAIT);
                }));
            }
            start.countDown();
            java.util.Set<String> names = new java.util.HashSet<>();
            for (java.util.concurrent.Future<EnsuredTenant> f : results) {
                names.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS).tenant().name());
            }
            assertEquals(1, names.size());
            assertEquals(1, env.fake.tenantCount());
            assertEquals(1, env.fake.operationsStarted());
        } finally {
            pool.shutdownNow();
        }
    }
}
