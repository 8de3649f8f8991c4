package io.secopskit.chronicle.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.error.NotFoundException;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.error.TransportException;
import io.secopskit.testkit.FakeChronicleTenantService.Outcome;
import io.secopskit.testkit.FakeRequest;
import io.secopskit.testkit.FakeResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The long-running operation of tenants.create: polling, backoff, the ERROR-while-not-done case, deadlines, resume. */
class TenantOperationTest {
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

    private static List<Duration> seconds(long... values) {
        return java.util.Arrays.stream(values).mapToObj(Duration::ofSeconds).toList();
    }

    @Test
    void await_whenRunningForThreePolls_waitsOneTwoFourEightSecondsThroughTheSleeperAndReturnsTenant() {
        env.fake.runningPolls(3);
        TenantOperation op = client.tenants().create(TenantServiceTestSupport.full("acme").build());

        Tenant tenant = op.await(Duration.ofMinutes(10));

        assertEquals(seconds(1, 2, 4, 8), env.sleeps, "exponential poll interval, waited through the client's sleeper");
        assertEquals(4, env.polls().size(), "3 running answers + 1 done");
        for (FakeRequest poll : env.polls()) {
            assertEquals("/v1alpha/" + op.name(), poll.path());
            assertEquals(Map.of(), poll.query());
            assertEquals("", poll.body());
        }
        assertEquals("acme", tenant.customerCode());
        assertEquals(op.tenantName().orElseThrow(), tenant.name());
        assertTrue(tenant.isActive());
    }

    @Test
    void await_intervalIsCappedAtTheConfiguredMaximum() {
        TenantServiceClient capped = env.client(b -> b.pollInterval(Duration.ofMillis(500), Duration.ofSeconds(3)));
        env.fake.runningPolls(5);

        capped.tenants().create(TenantServiceTestSupport.full("acme").build()).await(Duration.ofMinutes(10));

        assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3),
                Duration.ofSeconds(3), Duration.ofSeconds(3)), env.sleeps);
    }

    @Test
    void poll_returnsAFreshSnapshotAndLeavesTheOldOneUnchanged() {
        env.fake.runningPolls(1);
        TenantOperation first = client.tenants().create(TenantServiceTestSupport.full("acme").build());

        TenantOperation second = first.poll();
        TenantOperation third = second.poll();

        assertFalse(first.isDone());
        assertFalse(second.isDone());
        assertTrue(third.isDone());
        assertEquals("COMPLETED", third.workflowStatus().orElseThrow().value());
        assertEquals("acme", third.tenant().orElseThrow().customerCode());
        assertEquals(2, env.polls().size());
        assertTrue(env.sleeps.isEmpty(), "poll() never waits");
    }

    @Test
    void await_whenWorkflowTurnsErrorWhileNotDone_failsTypedWithStatusAndOperationName() {
        env.fake.runningPolls(2);
        env.fake.nextCreates(Outcome.ERROR_NOT_DONE, 1);
        TenantOperation op = client.tenants().create(TenantServiceTestSupport.full("acme").build());

        TenantOperationFailedException e = assertThrows(TenantOperationFailedException.class,
                () -> op.await(Duration.ofHours(1)));

        assertEquals(CreationWorkflowStatus.ERROR, e.workflowStatus().orElseThrow());
        assertFalse(e.isDone(), "Google's documented case: done stays false");
        assertEquals(op.name(), e.operationName());
        assertTrue(e.operationError().isEmpty());
        assertEquals("ERROR", e.vendorCode());
        assertEquals("CreateTenant", e.operation());
        assertTrue(e.getMessage().contains(op.name()), e.getMessage());
        assertTrue(e.isRetryable());
        assertEquals(3, env.polls().size(), "2 running + 1 ERROR, then no more polls");
        assertEquals(seconds(1, 2, 4), env.sleeps, "stops at once instead of waiting out the hour");
        assertEquals("ERROR", env.fake.workflowStatus("acme"));
    }

    @Test
    void await_whenWorkflowCancelledWhileNotDone_failsTypedWithCancelled() {
        env.fake.runningPolls(0);
        env.fake.nextCreates(Outcome.CANCELLED_NOT_DONE, 1);

        TenantOperationFailedException e = assertThrows(TenantOperationFailedException.class,
                () -> client.tenants().create(TenantServiceTestSupport.full("acme").build()).await(Duration.ofHours(1)));

        assertEquals(CreationWorkflowStatus.CANCELLED, e.workflowStatus().orElseThrow());
        assertEquals("CANCELLED", e.vendorCode());
        assertEquals(1, env.polls().size());
    }

    @Test
    void await_whenDoneWithError_failsTypedWithTheRpcStatus() {
        env.fake.runningPolls(1);
        env.fake.nextCreates(Outcome.FAIL_DONE, 1);
        TenantOperation op = client.tenants().create(TenantServiceTestSupport.full("acme").build());

        TenantOperationFailedException e = assertThrows(TenantOperationFailedException.class, () -> op.await(Duration.ofHours(1)));

        assertTrue(e.isDone());
        assertEquals(13, e.operationError().orElseThrow().code());
        assertEquals("INTERNAL", e.vendorCode());
        assertEquals(op.name(), e.operationName());
        assertTrue(e.getMessage().contains("tenant provisioning failed"), e.getMessage());
    }

    @Test
    void await_whenDeadlinePasses_pollsOnceMoreAtTheDeadlineThenThrowsTimeoutWithTheName() {
        env.fake.runningPolls(1000);
        TenantOperation op = client.tenants().create(TenantServiceTestSupport.full("acme").build());

        TenantOperationTimeoutException e = assertThrows(TenantOperationTimeoutException.class,
                () -> op.await(Duration.ofSeconds(10)));

        assertEquals(seconds(1, 2, 4, 3), env.sleeps, "the last wait is cut to the deadline");
        assertEquals(4, env.polls().size());
        assertEquals(Duration.ofSeconds(10), e.waited());
        assertEquals(op.name(), e.operationName());
        assertEquals("RUNNING", e.workflowStatus().orElseThrow().value());
        assertEquals("DEADLINE_EXCEEDED", e.vendorCode());
        assertTrue(e.isRetryable());
    }

    @Test
    void await_zeroTimeout_checksOnlyTheSnapshotInHand() {
        TenantOperation op = client.tenants().create(TenantServiceTestSupport.full("acme").build());
        assertThrows(TenantOperationTimeoutException.class, () -> op.await(Duration.ZERO));
        assertEquals(0, env.polls().size());
        assertThrows(IllegalArgumentException.class, () -> op.await(Duration.ofSeconds(-1)));
    }

    @Test
    void getOperation_fromANewClientAfterRestart_resumesWaitingWithTheNameAlone() throws Exception {
        env.fake.runningPolls(3);
        String saved = client.tenants().create(TenantServiceTestSupport.full("acme").build()).name();
        client.operations().get(saved);   // one poll by the first process before it "dies"

        // a new process: nothing shared with the first client but the key file and the operation name
        TenantServiceClient restarted = env.client();
        env.sleeps.clear();
        TenantOperation resumed = restarted.operations().get(saved);
        Tenant tenant = resumed.await(Duration.ofMinutes(10));

        assertEquals(saved, resumed.name());
        assertEquals("acme", tenant.customerCode());
        assertEquals(1, env.fake.tenantCount(), "resuming never creates");
        assertEquals(1, env.api("POST", "/tenants").size());
        assertEquals(4, env.polls().size(), "1 before the restart, 1 on resume, 2 while awaiting");
        assertEquals(seconds(1, 2), env.sleeps);
        assertTrue(env.fake.tokens().tokensIssued() >= 2, "the new client authenticated on its own");
    }

    @Test
    void getOperation_afterRestartWhenTheWorkflowAlreadyFailed_reportsTheFailure() {
        env.fake.runningPolls(0);
        env.fake.nextCreates(Outcome.ERROR_NOT_DONE, 1);
        String saved = client.tenants().create(TenantServiceTestSupport.full("acme").build()).name();

        TenantOperation resumed = env.client().operations().get(saved);

        assertTrue(resumed.isFailed());
        TenantOperationFailedException e = assertThrows(TenantOperationFailedException.class,
                () -> resumed.await(Duration.ofMinutes(1)));
        assertEquals(saved, e.operationName());
        assertTrue(env.sleeps.isEmpty());
    }

    @Test
    void getOperation_unknownName_isNotFound() {
        NotFoundException e = assertThrows(NotFoundException.class,
                () -> client.operations().get(env.fake.partnerInstance() + "/operations/does-not-exist"));
        assertEquals("GetOperation", e.operation());
        assertEquals(404, e.httpStatus());
    }

    @Test
    void getOperation_locationScopedName_isSentToTheLocationPath() {
        String name = "projects/partner-project/locations/us/operations/op-1";
        assertThrows(NotFoundException.class, () -> client.operations().get(name));
        assertEquals("/v1alpha/" + name, env.api().get(0).path());
    }

    @Test
    void poll_whenTheAnswerIsHtml_failsAsServerErrorNotAsParseGarbage() {
        TenantOperation op = client.tenants().create(TenantServiceTestSupport.full("acme").build());
        env.fake.faults().nextCalls(1, "GET", "/v1alpha/" + op.name())
                .respond(FakeResponse.text(200, "text/html", "<html>Service Unavailable</html>"));

        ServerException e = assertThrows(ServerException.class, op::poll);
        assertEquals("UNEXPECTED_CONTENT_TYPE", e.vendorCode());
    }

    @Test
    void poll_whenDoneWithNeitherResponseNorError_failsAsMalformed() {
        TenantOperation op = client.tenants().create(TenantServiceTestSupport.full("acme").build());
        env.fake.faults().nextCalls(1, "GET", "/v1alpha/" + op.name())
                .respond(200, "{\"name\":\"" + op.name() + "\",\"done\":true}");

        ServerException e = assertThrows(ServerException.class, op::poll);
        assertEquals("MALFORMED_OPERATION", e.vendorCode());
    }

    @Test
    void poll_whenTheBodyIsTruncated_failsAsUnreadable() {
        TenantOperation op = client.tenants().create(TenantServiceTestSupport.full("acme").build());
        env.fake.faults().nextCalls(1, "GET", "/v1alpha/" + op.name()).respond(200, "{\"name\":\"" + op.name() + "\",\"do");

        assertEquals("UNREADABLE_BODY", assertThrows(ServerException.class, op::poll).vendorCode());
    }

    @Test
    void poll_whenAnswerIsNotAnOperation_failsAsMalformed() {
        TenantOperation op = client.tenants().create(TenantServiceTestSupport.full("acme").build());
        env.fake.faults().nextCalls(1, "GET", "/v1alpha/" + op.name()).respond(200, "{\"tenants\":[]}");

        assertEquals("MALFORMED_OPERATION", assertThrows(ServerException.class, op::poll).vendorCode());
    }

    @Test
    void poll_transient503_isRetriedBecauseOperationsGetIsIdempotent() {
        TenantOperation op = client.tenants().create(TenantServiceTestSupport.full("acme").build());
        env.fake.faults().nextCalls(1, "GET", "/v1alpha/" + op.name())
                .respondWithRetryAfter(503, "1", "{\"error\":{\"code\":503,\"message\":\"busy\",\"status\":\"UNAVAILABLE\"}}");

        TenantOperation next = op.poll();

        assertEquals(op.name(), next.name());
        assertEquals(2, env.polls().size());
        assertEquals(seconds(1), env.sleeps, "Retry-After honoured through the sleeper");
    }

    @Test
    void await_whenInterrupted_restoresTheFlagAndFailsAsTransport() {
        TenantServiceClient interrupting = env.client(b -> b.options(env.options().sleeper(d -> {
            throw new InterruptedException("stop");
        }).build()));
        TenantOperation op = interrupting.tenants().create(TenantServiceTestSupport.full("acme").build());
        try {
            TransportException e = assertThrows(TransportException.class, () -> op.await(Duration.ofMinutes(1)));
            assertTrue(Thread.currentThread().isInterrupted(), "interrupt flag restored");
            assertTrue(e.getMessage().contains(op.name()));
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void createTenant_whenAnswerIsAlreadyDone_returnsTheTenantWithoutPolling() {
        env.fake.faults().nextCalls(1, "POST", env.base + "/tenants").respond(200, "{\"name\":\""
                + env.fake.partnerInstance() + "/operations/op-9\",\"metadata\":{\"tenant\":\"" + env.fake.partnerInstance()
                + "/tenants/t9\",\"creationWorkflowStatus\":\"COMPLETED\"},\"done\":true,\"response\":{\"@type\":\"x\","
                + "\"name\":\"" + env.fake.partnerInstance() + "/tenants/t9\",\"customerCode\":\"acme\",\"state\":\"ACTIVE\"}}");

        Tenant t = client.tenants().create(TenantServiceTestSupport.full("acme").build()).await(Duration.ofMinutes(1));

        assertEquals("t9", t.tenantId());
        assertEquals(0, env.polls().size());
        assertTrue(env.sleeps.isEmpty());
    }
}
