package io.secopskit.chronicle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.chronicle.model.CreateCustomerRequest;
import io.secopskit.chronicle.tenants.TenantServiceClient;
import io.secopskit.core.error.AuthenticationException;
import io.secopskit.core.error.NotFoundException;
import io.secopskit.core.error.PermissionDeniedException;
import io.secopskit.core.error.SecOpsException;
import io.secopskit.core.error.TransportException;
import io.secopskit.core.http.ClientOptions;
import io.secopskit.testkit.FakeChronicleTenantService;
import io.secopskit.testkit.FakeResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 item 4 for Chronicle: every transport, token and server error names vendor, operation and host and keeps
 * the root cause; a wrong region (a host that does not resolve, a 404 from the regional host), 401 against 403, and
 * a disabled API (403 SERVICE_DISABLED) get hints. Nothing touches the network beyond loopback: the unknown host is
 * answered by an injected resolver.
 */
class ErrorsSayWhereTest extends ChronicleTestBase {
    private static final String GET = "/v1/partner/customer/getcustomer";
    private static final String LIST = "/v1/partner/customer/listcustomers";

    private String host() {
        return env.fake.baseUri().getHost();
    }

    @Test
    void regionalHostThatDoesNotResolve_namesTheHostTheRootCauseAndTheRegionSetting() throws IOException {
        Path key = dir.resolve("ip-key.json");   // token_uri on 127.0.0.1: the token call needs no DNS
        Files.writeString(key, env.fake.tokens().newServiceAccountKeyJson(ChronicleTestSupport.PARTNER,
                URI.create("http://127.0.0.1:" + env.fake.port() + "/token")));
        OkHttpClient noDns = new OkHttpClient.Builder().dns(hostname -> {
            throw new UnknownHostException(hostname + ": Name or service not known");
        }).build();
        try (ChronicleClient wrongRegion = ChronicleClient.builder().region(ChronicleRegion.TEL_AVIV)
                .serviceAccountKey(key)
                .options(ClientOptions.builder().clock(env.clock).sleeper(env.sleeps::add).httpClient(noDns).build())
                .build()) {
            TransportException e = assertThrows(TransportException.class, () -> wrongRegion.customers().get("acme"));

            assertEquals("chronicle", e.vendor());
            assertEquals("GetCustomer", e.operation());
            assertEquals("me-west1-backstory.googleapis.com", e.host());
            assertTrue(e.getMessage().contains("UnknownHostException: me-west1-backstory.googleapis.com"), e.getMessage());
            assertTrue(e.getMessage().contains("region"), e.getMessage());
            assertEquals(1, env.fake.requests("POST", "/token").size(), "the token came from the key's token_uri");
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
        try (ChronicleClient nobodyHome = ChronicleClient.builder().endpoint(URI.create("http://127.0.0.1:" + closedPort))
                .serviceAccountKey(env.keyFile).options(o -> o.clock(env.clock).sleeper(env.sleeps::add)).build()) {
            TransportException e = assertThrows(TransportException.class, () -> nobodyHome.customers().get("acme"));

            assertEquals("127.0.0.1", e.host());
            assertTrue(e.getMessage().contains("ConnectException"), e.getMessage());
            assertTrue(e.getMessage().contains("nothing accepted the connection"), e.getMessage());
        }
    }

    @Test
    void notFound_onTheRegionalHost_hintsAtAnotherRegion() {
        NotFoundException e = assertThrows(NotFoundException.class, () -> customers.get("nobody"));

        assertEquals("NOT_FOUND", e.vendorCode());
        assertEquals(host(), e.host());
        assertTrue(e.getMessage().contains("customer nobody not found"), e.getMessage());
        assertTrue(e.getMessage().contains("provisioned in another region"), e.getMessage());
        assertTrue(e.getMessage().contains("ChronicleClient.Builder.region"), e.getMessage());
        assertTrue(e.getMessage().contains("host " + host()), e.getMessage());
    }

    @Test
    void htmlNotFoundPage_saysThePathDoesNotExistThere_withoutQuotingThePage() {
        env.fake.faults().nextCalls(1, "GET", GET).respond(FakeResponse.text(404, "text/html; charset=UTF-8",
                "<!DOCTYPE html><html><title>Error 404 (Not Found)!!1</title><p>SECRET-LOOKING-PAGE-TEXT</html>"));

        NotFoundException e = assertThrows(NotFoundException.class, () -> customers.get("acme"));

        assertTrue(e.getMessage().contains("HTML page instead of Google's JSON error"), e.getMessage());
        assertTrue(e.getMessage().contains("the path does not exist on " + host()), e.getMessage());
        assertFalse(e.getMessage().contains("SECRET-LOOKING-PAGE-TEXT"), e.getMessage());
    }

    @Test
    void unauthorized_afterTheOneReplay_isTheTokenHintNotThePermissionHint() {
        customers.list().stream().count();
        env.fake.faults().nextCalls(2, "GET", LIST).respond(401, "{\"error\":{\"code\":401,\"message\":\"Request had "
                + "invalid authentication credentials.\",\"status\":\"UNAUTHENTICATED\"}}");

        AuthenticationException e = assertThrows(AuthenticationException.class, () -> customers.list().stream().count());

        assertEquals(401, e.httpStatus());
        assertEquals("ListCustomers", e.operation());
        assertEquals(host(), e.host());
        assertTrue(e.getMessage().contains("hint: 401 means Google did not accept the access token"), e.getMessage());
        assertTrue(e.getMessage().contains("chronicle-backstory"), e.getMessage());
        assertEquals(3, env.fake.requests("GET", LIST).size(), "the first call, the refused call and its one replay");
    }

    @Test
    void permissionDenied_isToldApartFromUnauthorized_andNotRetried() {
        env.fake.faults().nextCalls(1, "GET", LIST).respond(403, "{\"error\":{\"code\":403,\"message\":\"The caller does "
                + "not have permission\",\"status\":\"PERMISSION_DENIED\"}}");

        PermissionDeniedException e = assertThrows(PermissionDeniedException.class, () -> customers.list().stream().count());

        assertEquals("PERMISSION_DENIED", e.vendorCode());
        assertTrue(e.getMessage().contains("hint: 403 means Google accepted the access token"), e.getMessage());
        assertTrue(e.getMessage().contains("a 401 would mean the token itself was refused"), e.getMessage());
        assertEquals(1, env.fake.requests("GET", LIST).size());
    }

    @Test
    void serviceDisabled_namesTheServiceAndTheProject_andSaysItIsNotAPermission() throws IOException {
        String body;
        try (InputStream in = ErrorsSayWhereTest.class.getResourceAsStream("/fixtures/chronicle/error_403_service_disabled.json")) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        env.fake.faults().nextCalls(1, "GET", LIST).respond(403, body);

        PermissionDeniedException e = assertThrows(PermissionDeniedException.class, () -> customers.list().stream().count());

        assertEquals("PERMISSION_DENIED", e.vendorCode());
        assertTrue(e.getMessage().contains("Backstory API has not been used in project"), e.getMessage());
        assertTrue(e.getMessage().contains("SERVICE_DISABLED"), e.getMessage());
        assertTrue(e.getMessage().contains("backstory.googleapis.com is not enabled in projects/<my project id>"), e.getMessage());
        assertTrue(e.getMessage().contains("This is not a missing permission"), e.getMessage());
    }

    @Test
    void everyErrorOfTheClient_namesVendorOperationAndHost_andNeverTheRequestBody() {
        env.fake.faults().nextCalls(1, "POST", "/v1/partner/customer/createcustomer").respond(400,
                "{\"error\":{\"code\":400,\"message\":\"invalid customer_name\",\"status\":\"INVALID_ARGUMENT\"}}");
        List<Runnable> calls = List.of(
                () -> customers.create(CreateCustomerRequest.builder().customerName("Very Private Name").customerCode("acme").build()),
                () -> customers.setUiState("nobody", true),
                () -> customers.enableIam("nobody"));
        for (Runnable call : calls) {
            SecOpsException e = assertThrows(SecOpsException.class, call::run);
            assertEquals("chronicle", e.vendor());
            assertEquals(host(), e.host());
            assertTrue(e.getMessage().startsWith("[chronicle." + e.operation() + "]"), e.getMessage());
            assertTrue(e.getMessage().contains("host " + host()), e.getMessage());
            assertFalse(e.getMessage().contains("Very Private Name"), e.getMessage());
        }
    }

    @Test
    void tenantService_notFound_hintsAtTheInstancesLocationHost() throws Exception {
        try (FakeChronicleTenantService modern = new FakeChronicleTenantService()) {
            modern.start();
            Path key = dir.resolve("modern-key.json");
            Files.writeString(key, modern.newServiceAccountKeyJson(ChronicleTestSupport.PARTNER));
            try (TenantServiceClient client = TenantServiceClient.builder().instance(modern.partnerInstance())
                    .endpoint(modern.baseUri()).serviceAccountKey(key).build()) {
                NotFoundException e = assertThrows(NotFoundException.class,
                        () -> client.operations().get(modern.partnerInstance() + "/operations/does-not-exist"));

                assertEquals("GetOperation", e.operation());
                assertEquals(modern.baseUri().getHost(), e.host());
                assertTrue(e.getMessage().contains("chronicle.<location>.rep.googleapis.com"), e.getMessage());
            }
        }
    }
}
