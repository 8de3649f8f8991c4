package io.secopskit.carbonblack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.carbonblack.model.CreateRunRequest;
import io.secopskit.carbonblack.model.DeviceQuery;
import io.secopskit.core.LogCapture;
import io.secopskit.core.Secret;
import io.secopskit.core.error.AuthenticationException;
import io.secopskit.core.error.PermissionDeniedException;
import io.secopskit.core.error.SecOpsException;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.error.TransportException;
import io.secopskit.testkit.FakeResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 item 4 for Carbon Black: every transport and server error names vendor, operation and host and
 * keeps the root cause; a made-up environment, a refused connection, 401 against 403 and HTML pages from a
 * proxy get hints. Nothing here leaves loopback: the unknown host is answered by an injected resolver.
 */
class ErrorsSayWhereTest extends CarbonBlackTestBase {

    @Test
    void unknownEnvironment_isATransportException_namingTheHostTheRootCauseAndTheEnvironmentsHosts() {
        List<String> lookups = new CopyOnWriteArrayList<>();
        OkHttpClient noDns = new OkHttpClient.Builder().dns(hostname -> {
            lookups.add(hostname);
            throw new UnknownHostException(hostname + ": Name or service not known");
        }).build();
        try (LogCapture logs = new LogCapture();
             CarbonBlackClient prod99 = CarbonBlackClient.builder().environment(CarbonBlackEnvironment.of("prod99"))
                     .apiKey(CUSTOM_ID, Secret.of(CUSTOM_SECRET)).orgKey(ORG)
                     .options(o -> o.httpClient(noDns).clock(clock).sleeper(sleeps::add)).build()) {
            TransportException e = assertThrows(TransportException.class, () -> prod99.feeds().list().stream().count());

            assertEquals("carbonblack", e.vendor());
            assertEquals("ListFeeds", e.operation());
            assertEquals("defense-prod99.conferdeploy.net", e.host());
            assertTrue(e.getMessage().contains("UnknownHostException: defense-prod99.conferdeploy.net"), e.getMessage());
            assertTrue(e.getMessage().contains("does not resolve"), e.getMessage());
            assertTrue(e.getMessage().contains("Carbon Black's hosts are defense-<env>.conferdeploy.net"), e.getMessage());
            assertTrue(e.getMessage().contains("PROD06 (defense-eu.conferdeploy.net)"), e.getMessage());
            assertInstanceOf(UnknownHostException.class, rootCause(e));
            assertTrue(e.isRetryable(), "a read may be tried again");
            assertEquals(3, lookups.size(), "a read is retried within the policy: " + lookups);
            assertFalse((e.getMessage() + logs.all()).contains(CUSTOM_SECRET));

            TransportException create = assertThrows(TransportException.class,
                    () -> prod99.liveQuery().runs().create(CreateRunRequest.of("select 1;")));
            assertEquals("CreateRun", create.operation());
            assertTrue(create.getMessage().contains("Carbon Black's hosts are"), create.getMessage());
            assertTrue(create.getMessage().contains("nothing was sent"), create.getMessage());
            assertTrue(create.isRetryable());
            assertEquals(6, lookups.size(), "a create whose host does not resolve never left, so it is retried like a read");
        } finally {
            noDns.dispatcher().executorService().shutdown();
            noDns.connectionPool().evictAll();
        }
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    @Test
    void refusedConnection_namesHostAndCause() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (CarbonBlackClient nobodyHome = CarbonBlackClient.builder().endpoint(URI.create("http://127.0.0.1:" + closedPort))
                .apiKey(CUSTOM_ID, Secret.of(CUSTOM_SECRET)).orgKey(ORG).options(options().build()).build()) {
            TransportException e = assertThrows(TransportException.class,
                    () -> nobodyHome.devices().list(DeviceQuery.all()).stream().count());

            assertEquals("SearchDevices", e.operation());
            assertEquals("127.0.0.1", e.host());
            assertTrue(e.getMessage().contains("ConnectException"), e.getMessage());
            assertTrue(e.getMessage().contains("nothing accepted the connection"), e.getMessage());
            assertFalse(e.getMessage().contains("Carbon Black's hosts are"), "the host resolved: no environment hint");
        }
    }

    @Test
    void wrongSecret_is401_withTheAccessHint_andTheHintThatSeparatesItFrom403() {
        try (CarbonBlackClient wrong = client(CUSTOM_ID, "NOT-THE-SECRET")) {
            AuthenticationException e = assertThrows(AuthenticationException.class, () -> wrong.liveQuery().runs().get("run-1"));

            assertEquals(401, e.httpStatus());
            assertEquals("GetRun", e.operation());
            assertEquals(host(), e.host());
            assertTrue(e.getMessage().startsWith("[carbonblack.GetRun] HTTP 401"), e.getMessage());
            assertTrue(e.getMessage().contains("User is not authenticated"), e.getMessage());
            assertTrue(e.getMessage().contains("livequery.manage permission and its Read operation (GetRun)"), e.getMessage());
            assertTrue(e.getMessage().contains("Carbon Black answers 401, not 403"), e.getMessage());
            assertFalse(e.getMessage().contains("NOT-THE-SECRET"));
            assertEquals(1, fake.requests("GET", RUNS + "/run-1").size(), "a fixed secret is not replayed");
        }
    }

    @Test
    void keyOfAnotherOrg_is403_withTheOrgKeyHint() {
        try (CarbonBlackClient otherOrg = CarbonBlackClient.builder().endpoint(fake.defenseUri()).orgKey("OTHERORG1")
                .apiKey(CUSTOM_ID, Secret.of(CUSTOM_SECRET)).options(options().build()).build()) {
            PermissionDeniedException e = assertThrows(PermissionDeniedException.class, () -> otherOrg.feeds().list().stream().count());

            assertEquals(403, e.httpStatus());
            assertEquals("ListFeeds", e.operation());
            assertEquals(host(), e.host());
            assertTrue(e.getMessage().contains("org key does not match"), e.getMessage());
            assertTrue(e.getMessage().contains("hint: 403 means Carbon Black accepted the API key but not this request"), e.getMessage());
            assertTrue(e.getMessage().contains("orgKey(...)"), e.getMessage());
            assertEquals("/threathunter/feedmgr/v2/orgs/OTHERORG1/feeds", fake.lastRequest().path());
        }
    }

    @Test
    void htmlErrorPage_fromAProxy_saysWhatItIs_withoutQuotingIt() {
        fake.faults().nextCalls(3, "GET", FEEDS).respond(FakeResponse.text(502, "text/html",
                "<html><body>Bad gateway SECRET-LOOKING-PROXY-TEXT</body></html>"));
        ServerException bad = assertThrows(ServerException.class, () -> cb.feeds().list().stream().count());
        assertEquals(502, bad.httpStatus());
        assertTrue(bad.getMessage().contains("HTML page instead of Carbon Black's JSON"), bad.getMessage());
        assertFalse(bad.getMessage().contains("SECRET-LOOKING-PROXY-TEXT"), bad.getMessage());
        assertEquals(3, fake.requests("GET", FEEDS).size(), "a 502 on a read is retried within the policy");

        fake.faults().nextCalls(1, "POST", RUNS).respond(FakeResponse.text(404, "text/plain", "<!DOCTYPE html><title>x</title>"));
        SecOpsException notFound = assertThrows(SecOpsException.class,
                () -> cb.liveQuery().runs().create(CreateRunRequest.of("select 1;")));
        assertTrue(notFound.getMessage().contains("HTML page") && notFound.getMessage().contains("check the endpoint"),
                notFound.getMessage());
    }

    @Test
    @SuppressWarnings("deprecation")
    void everyError_namesVendorOperationAndTheHostItCameFrom() {
        fake.faults().nextCalls(1, "POST", FEEDS).respond(400, "{\"error_code\":\"INVALID_ARGUMENT\",\"message\":\"bad feed\"}");
        fake.apiHost().faults().nextCalls(1, "GET", "/integrationServices/v3/notification").respond(500,
                "{\"success\":false,\"message\":\"boom\"}");
        try (CarbonBlackClient siem = client("SIEMID0001", "SIEMSECRET")) {
            List<Runnable> calls = List.of(
                    () -> cb.feeds().create(io.secopskit.carbonblack.model.CreateFeedRequest.of(
                            io.secopskit.carbonblack.model.FeedInfo.of("n", "https://x.example", "s", "c"))),
                    () -> cb.feeds().get("no-such-feed"),
                    () -> cb.liveQuery().runs().cancel("no-such-run"),
                    () -> siem.notifications().fetch());
            for (Runnable call : calls) {
                SecOpsException e = assertThrows(SecOpsException.class, call::run);
                assertEquals("carbonblack", e.vendor());
                assertEquals(fake.defenseUri().getHost(), e.host());
                assertTrue(e.getMessage().startsWith("[carbonblack." + e.operation() + "]"), e.getMessage());
                assertTrue(e.getMessage().contains("host " + e.host()), e.getMessage());
            }
            assertEquals(1, fake.apiHost().requests().size(), "the notifications call went to the API host");
        }
    }
}
