package io.secopskit.servicenow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.LogCapture;
import io.secopskit.core.Secret;
import io.secopskit.core.error.AuthenticationException;
import io.secopskit.core.error.NotFoundException;
import io.secopskit.core.error.PermissionDeniedException;
import io.secopskit.core.error.ServerException;
import io.secopskit.servicenow.model.TableQuery;
import io.secopskit.testkit.FakeResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 20 item 4: every error names vendor, operation and host, keeps the cause, and hints at the usual mistakes. */
class ErrorsSayWhereTest extends ServiceNowTestBase {
    private static final String SYS_ID = "0123456789abcdef0123456789abcdef";

    @Test
    void wrongBasicPassword_is401_withTheHintThatSeparatesItFrom403_andTheTransactionId() {
        try (LogCapture logs = new LogCapture();
             ServiceNowClient wrong = builder().basicAuth(WRITER, Secret.of("Not-The-Pa55word")).build()) {
            AuthenticationException e = assertThrows(AuthenticationException.class, () -> wrong.table("incident").get(SYS_ID));

            assertEquals(401, e.httpStatus());
            assertEquals("TableGet", e.operation());
            assertEquals(fakeHost(), e.host());
            assertTrue(e.vendorMessage().startsWith("User Not Authenticated (Required to provide Auth information)"));
            assertTrue(e.getMessage().contains("hint: 401 means the instance did not authenticate the caller"), e.getMessage());
            assertTrue(e.requestId().matches("[0-9a-f]{12}"), e.requestId());
            assertTrue(e.getMessage().contains("request id " + e.requestId()), e.getMessage());
            assertFalse((logs.all() + e.getMessage()).contains("Not-The-Pa55word"));
            assertEquals(1, fake.requests("GET", "/api/now/table/incident/" + SYS_ID).size(), "a fixed password is not replayed");
        }
    }

    @Test
    void aclRefusal_is403_withTheAclHint() {
        fake.faults().nextCalls(1, "GET", "/api/now/table/sys_user").respond(403,
                "{\"error\":{\"message\":\"Insufficient rights to query records\",\"detail\":\"Field(s) present in the query do not"
                        + " have permission to be read\"},\"status\":\"failure\"}");

        PermissionDeniedException e = assertThrows(PermissionDeniedException.class,
                () -> client.table("sys_user").list(TableQuery.builder().build()).stream().count());

        assertEquals("TableList", e.operation());
        assertEquals(fakeHost(), e.host());
        assertTrue(e.getMessage().contains("Insufficient rights to query records (Field(s) present"), e.getMessage());
        assertTrue(e.getMessage().contains("hint: 403 means the instance accepted the credentials but an ACL"), e.getMessage());
    }

    @Test
    void notFound_keepsServiceNowsOwnAclRemark() {
        NotFoundException e = assertThrows(NotFoundException.class, () -> client.table("incident").get(SYS_ID));
        assertEquals("No Record found (Record doesn't exist or ACL restricts the record retrieval)", e.vendorMessage());
        assertEquals(fakeHost(), e.host());
    }

    @Test
    void htmlErrorPages_sayWhatTheyAre_withoutQuotingThem() {
        fake.faults().nextCalls(3, "GET", "/api/now/table/incident").respond(FakeResponse.text(503, "text/html",
                "<html><body>Maintenance window SECRET-LOOKING-TEXT</body></html>"));
        ServerException unavailable = assertThrows(ServerException.class, () -> client.table("incident").get(SYS_ID));
        assertEquals(503, unavailable.httpStatus());
        assertTrue(unavailable.getMessage().contains("HTML page instead of ServiceNow's JSON"), unavailable.getMessage());
        assertTrue(unavailable.getMessage().contains("unavailable, hibernating or being upgraded"), unavailable.getMessage());
        assertFalse(unavailable.getMessage().contains("SECRET-LOOKING-TEXT"), unavailable.getMessage());

        fake.faults().nextCalls(1, "GET", "/api/now/table/incident").respond(FakeResponse.text(401, "text/html",
                "<html><title>Log in | ServiceNow</title></html>"));
        AuthenticationException login = assertThrows(AuthenticationException.class, () -> client.table("incident").get(SYS_ID));
        assertTrue(login.getMessage().contains("login or SSO page"), login.getMessage());

        fake.faults().nextCalls(1, "GET", "/api/now/table/incident").respond(FakeResponse.text(200, "text/html",
                "<html><title>Log in</title></html>"));
        ServerException page = assertThrows(ServerException.class, () -> client.table("incident").get(SYS_ID));
        assertEquals("UNEXPECTED_CONTENT_TYPE", page.vendorCode());
        assertTrue(page.getMessage().contains("login or SSO page"), page.getMessage());
    }

    @Test
    void transactionCancelledForRunningTooLong_hintsAtThePageSize() {
        fake.faults().nextCalls(3, "GET", "/api/now/table/incident").respond(500, "{\"error\":{\"message\":"
                + "\"Transaction cancelled: maximum execution time exceeded\",\"detail\":null},\"status\":\"failure\"}");

        ServerException e = assertThrows(ServerException.class,
                () -> client.table("incident").list(TableQuery.builder().pageSize(10_000).build()).stream().count());

        assertTrue(e.getMessage().contains("lower TableQuery.pageSize"), e.getMessage());
        assertEquals(3, fake.requests("GET", "/api/now/table/incident").size());
    }

    @Test
    void everyErrorOfAClient_namesVendorOperationAndHost() {
        fake.faults().nextCalls(1, "POST", "/api/now/table/incident").respond(400,
                "{\"error\":{\"message\":\"Invalid table incident\",\"detail\":null},\"status\":\"failure\"}");
        List<Runnable> calls = List.of(
                () -> client.table("incident").create(java.util.Map.of("a", "b")),
                () -> client.table("incident").update(SYS_ID, java.util.Map.of("a", "b")),
                () -> client.table("incident").delete(SYS_ID));
        for (Runnable call : calls) {
            io.secopskit.core.error.SecOpsException e = assertThrows(io.secopskit.core.error.SecOpsException.class, call::run);
            assertEquals("servicenow", e.vendor());
            assertTrue(e.operation().startsWith("Table"), e.operation());
            assertEquals(fakeHost(), e.host());
            assertTrue(e.getMessage().startsWith("[servicenow." + e.operation() + "]"), e.getMessage());
            assertTrue(e.getMessage().contains("host " + fakeHost()), e.getMessage());
        }
    }
}
