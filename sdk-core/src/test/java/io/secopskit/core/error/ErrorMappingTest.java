package io.secopskit.core.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.http.ClientOptions;
import io.secopskit.core.http.Operation;
import io.secopskit.core.http.RetryPolicy;
import io.secopskit.core.spi.ApiRequest;
import io.secopskit.core.spi.VendorPipeline;
import io.secopskit.testkit.FakeRequest;
import io.secopskit.testkit.FakeResponse;
import io.secopskit.testkit.FakeVendor;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ErrorMappingTest {
    private static final Operation GET = Operation.builder("acme", "GetThing", "GET", "/things/{id}").build();

    private static final class Fake extends FakeVendor {
        Fake() {
            route("GET", "/things/{id}", r -> FakeResponse.json(200, "{}"));
            route("GET", "/html", r -> FakeResponse.text(200, "text/html", "<html>Instance hibernating</html>"));
            start();
        }

        @Override
        protected FakeResponse authenticate(FakeRequest request) {
            return null;
        }
    }

    private final Fake fake = new Fake();
    private final VendorPipeline pipeline = VendorPipeline.builder("acme").endpoint(fake.baseUri())
            .options(ClientOptions.builder().retryPolicy(RetryPolicy.none()).build()).build();

    @AfterEach
    void tearDown() {
        fake.close();
    }

    private SecOpsException failWith(int status, String body) {
        fake.faults().nextCalls(1).respond(FakeResponse.json(status, body).withHeader("X-Request-Id", "req-77"));
        return assertThrows(SecOpsException.class, () -> pipeline.execute(ApiRequest.of(GET).path("id", "1").build()));
    }

    @Test
    void statuses_mapToTypedExceptions() {
        Map<Integer, Class<? extends SecOpsException>> expected = Map.of(
                400, InvalidRequestException.class, 401, AuthenticationException.class,
                403, PermissionDeniedException.class, 404, NotFoundException.class, 409, ConflictException.class,
                429, RateLimitedException.class, 500, ServerException.class, 503, ServerException.class);
        expected.forEach((status, type) -> assertInstanceOf(type, failWith(status, "{\"message\":\"m\"}"), "HTTP " + status));
    }

    @Test
    void googleEnvelope_isReadIntoCodeMessageAndRequestId() {
        SecOpsException e = failWith(429, "{\"error\":{\"code\":429,\"message\":\"Quota exceeded\",\"status\":\"RESOURCE_EXHAUSTED\"}}");

        assertInstanceOf(RateLimitedException.class, e);
        assertEquals("acme", e.vendor());
        assertEquals("GetThing", e.operation());
        assertEquals(429, e.httpStatus());
        assertEquals("RESOURCE_EXHAUSTED", e.vendorCode());
        assertEquals("Quota exceeded", e.vendorMessage());
        assertEquals("req-77", e.requestId());
        assertTrue(e.isRetryable());
        assertEquals("[acme.GetThing] HTTP 429 RESOURCE_EXHAUSTED: Quota exceeded (host localhost, request id req-77)", e.getMessage());
    }

    @Test
    void canonicalStatus_winsOverHttpStatus() {
        assertInstanceOf(ConflictException.class,
                failWith(400, "{\"error\":{\"code\":400,\"message\":\"exists\",\"status\":\"ALREADY_EXISTS\"}}"));
    }

    @Test
    void serviceNowShape_withNullDetail_isRead() {
        SecOpsException e = failWith(403, "{\"error\":{\"message\":\"Insufficient access\",\"detail\":null},\"status\":\"failure\"}");
        assertEquals("Insufficient access", e.vendorMessage());
    }

    @Test
    void nonJsonErrorBody_isQuotedShortly() {
        fake.faults().nextCalls(1).respond(FakeResponse.text(502, "text/html", "<html>" + "x".repeat(1000) + "</html>"));
        SecOpsException e = assertThrows(ServerException.class, () -> pipeline.execute(ApiRequest.of(GET).path("id", "1").build()));
        assertTrue(e.vendorMessage().length() <= 303, e.vendorMessage());
    }

    @Test
    void htmlBodyWith200_whereJsonExpected_isAClearServerError() {
        Operation html = Operation.builder("acme", "GetHtml", "GET", "/html").build();
        ServerException e = assertThrows(ServerException.class,
                () -> pipeline.call(ApiRequest.of(html).build(), Map.class));
        assertEquals("UNEXPECTED_CONTENT_TYPE", e.vendorCode());
        assertTrue(e.getMessage().contains("text/html"));
    }

    @Test
    void pathParameters_areEncodedAsOneSegment() {
        pipeline.execute(ApiRequest.of(GET).path("id", "../a b/c").build());
        assertEquals("/things/..%2Fa%20b%2Fc", fake.lastRequest().path());
    }

    @Test
    void timeout_mapsToTransportException() {
        VendorPipeline slow = VendorPipeline.builder("acme").endpoint(fake.baseUri())
                .options(ClientOptions.builder().retryPolicy(RetryPolicy.none()).readTimeout(Duration.ofMillis(100)).build()).build();
        fake.faults().nextCalls(1).delay(Duration.ofMillis(800));
        TransportException e = assertThrows(TransportException.class, () -> slow.execute(ApiRequest.of(GET).path("id", "1").build()));
        assertEquals(0, e.httpStatus());
    }
}
