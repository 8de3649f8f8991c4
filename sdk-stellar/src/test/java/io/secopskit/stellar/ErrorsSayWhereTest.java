package io.secopskit.stellar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.LogCapture;
import io.secopskit.core.Secret;
import io.secopskit.core.error.AuthenticationException;
import io.secopskit.core.error.PermissionDeniedException;
import io.secopskit.core.error.TransportException;
import io.secopskit.testkit.FakeRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 item 4 for Stellar Cyber: every transport, token and server error names vendor, operation and host
 * and keeps the root cause; a wrong host, a refused connection, a skewed clock and 401 vs 403 get hints.
 * Nothing here touches the network beyond loopback: the unknown host is answered by an injected resolver.
 */
class ErrorsSayWhereTest extends StellarTestBase {

    @Test
    void unknownHost_tokenExchange_namesHostRootCauseAndWhatToCheck() {
        OkHttpClient noDns = new OkHttpClient.Builder().dns(hostname -> {
            throw new UnknownHostException(hostname + ": Name or service not known");
        }).build();
        try (StellarClient wrongHost = StellarClient.builder().host("acme.stellarcyber.invalid").apiKey(EMAIL, Secret.of(KEY))
                .options(o -> o.httpClient(noDns)).build()) {
            TransportException e = assertThrows(TransportException.class, () -> wrongHost.tenants().list().stream().count());

            assertEquals("stellar", e.vendor());
            assertEquals("token", e.operation());
            assertEquals("acme.stellarcyber.invalid", e.host());
            assertTrue(e.getMessage().contains("UnknownHostException: acme.stellarcyber.invalid"), e.getMessage());
            assertTrue(e.getMessage().contains("does not resolve"), e.getMessage());
            assertFalse(e.getMessage().contains(KEY));
        } finally {
            noDns.dispatcher().executorService().shutdown();
            noDns.connectionPool().evictAll();
        }
    }

    @Test
    void refusedConnection_namesHostAndCause() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (StellarClient nobodyHome = StellarClient.builder().endpoint(URI.create("http://127.0.0.1:" + closedPort))
                .apiKey(EMAIL, Secret.of(KEY)).options(options().build()).build()) {
            TransportException e = assertThrows(TransportException.class, () -> nobodyHome.tenants().list().stream().count());

            assertEquals("token", e.operation());
            assertEquals("127.0.0.1", e.host());
            assertTrue(e.getMessage().contains("ConnectException"), e.getMessage());
            assertTrue(e.getMessage().contains("nothing accepted the connection"), e.getMessage());
        }
    }

    @Test
    void unauthorizedAfterReplay_withServerClockTenMinutesAhead_reportsTheMeasuredSkew() {
        fake.issuerClockOffset(Duration.ofMinutes(10));
        try (LogCapture logs = new LogCapture()) {
            client.tenants().list().stream().count();
            fake.faults().nextCalls(2, "GET", "/connect/api/v1/tenants").respond(401, "{\"error\":\"Unauthorized\"}");

            AuthenticationException e = assertThrows(AuthenticationException.class, () -> client.tenants().list().stream().count());

            assertEquals("ListTenants", e.operation());
            assertEquals(host(), e.host());
            assertEquals(401, e.httpStatus());
            assertTrue(e.getMessage().contains("this machine's clock is about 600 s behind the server's"), e.getMessage());
            assertTrue(logs.all().contains("about 600 s behind"), "warned once when the token arrived: " + logs.all());
            assertFalse((e.getMessage() + logs.all()).contains(KEY));
        }
        List<FakeRequest> gets = fake.requests("GET", "/connect/api/v1/tenants");
        assertEquals(3, gets.size(), "the first call, then the refused call and its one replay");
        assertEquals(2, fake.tokensIssued(), "the replay carried a fresh token");
    }

    @Test
    void unauthorized_withClocksInStep_namesNoSkewNumber() {
        client.tenants().list().stream().count();
        fake.faults().nextCalls(2, "GET", "/connect/api/v1/tenants").respond(401, "{\"error\":\"Unauthorized\"}");

        AuthenticationException e = assertThrows(AuthenticationException.class, () -> client.tenants().list().stream().count());

        assertTrue(e.getMessage().contains("JWT clock skew"), e.getMessage());
        assertFalse(e.getMessage().contains("measured"), e.getMessage());
    }

    @Test
    void forbidden_isToldApartFromUnauthorized() {
        client.tenants().list().stream().count();
        fake.faults().nextCalls(1, "GET", "/connect/api/v1/tenants").respond(403, "{\"error\":\"Forbidden\"}");

        PermissionDeniedException e = assertThrows(PermissionDeniedException.class, () -> client.tenants().list().stream().count());

        assertEquals(403, e.httpStatus());
        assertEquals(host(), e.host());
        assertTrue(e.getMessage().contains("403: authenticated but not permitted"), e.getMessage());
        assertEquals(2, fake.requests("GET", "/connect/api/v1/tenants").size(), "the first call and the 403, neither retried nor replayed");
    }
}
