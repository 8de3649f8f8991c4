package io.secopskit.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import io.secopskit.core.LogCapture;
import io.secopskit.core.Secret;
import io.secopskit.core.auth.ApiKeyHeaderAuth;
import io.secopskit.core.error.ConfigurationException;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.error.ValidationException;
import io.secopskit.core.internal.http.Hosts;
import io.secopskit.core.spi.ApiRequest;
import io.secopskit.core.spi.VendorPipeline;
import io.secopskit.testkit.FakeResponse;
import java.net.URI;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 12 §4–7: server values read safely, memory bounded, caller input cannot move a request, credentials masked. */
class ResponseAndInputTest {
    private static final Operation LIST = Operation.builder("acme", "ListThings", "GET", "/things").build();
    private static final Operation GET = Operation.builder("acme", "GetThing", "GET", "/things/{id}").build();
    private static final TypeReference<List<Map<String, Object>>> LIST_TYPE = new TypeReference<>() {
    };
    private final OpenFake fake = new OpenFake();

    @AfterEach
    void tearDown() {
        fake.close();
    }

    private VendorPipeline pipeline(ClientOptions.Builder options) {
        return VendorPipeline.builder("acme").endpoint(fake.baseUri())
                .options(options.sleeper(d -> { }).retryPolicy(RetryPolicy.none()).build()).build();
    }

    private ServerException listFails(FakeResponse answer) {
        fake.stub("GET", "/things", r -> answer);
        return assertThrows(ServerException.class,
                () -> pipeline(ClientOptions.builder()).call(ApiRequest.of(LIST).build(), LIST_TYPE));
    }

    @Test
    void jsonNullOnAList_isATypedEmptyBody() {
        ServerException e = listFails(FakeResponse.text(200, "application/json", "null"));
        assertEquals("EMPTY_BODY", e.vendorCode());
        assertEquals("ListThings", e.operation());
        assertEquals("localhost", e.host());
    }

    @Test
    void emptyBody_isATypedEmptyBody() {
        assertEquals("EMPTY_BODY", listFails(FakeResponse.text(200, "application/json", "")).vendorCode());
    }

    @Test
    void htmlPage_isAnUnexpectedContentType_withAHint() {
        ServerException e = listFails(FakeResponse.text(200, "text/html; charset=utf-8", "<html>Instance hibernating</html>"));
        assertEquals("UNEXPECTED_CONTENT_TYPE", e.vendorCode());
        assertTrue(e.getMessage().contains("text/html") && e.getMessage().contains("check the endpoint"), e.getMessage());
    }

    @Test
    void truncatedJson_isUnreadable_andTheMessageQuotesNoBodyText() {
        ServerException e = listFails(FakeResponse.text(200, "application/json",
                "[{\"id\":\"1\",\"credential\":\"SECRET-IN-BODY-123\"},{\"id\":\"2\",\"credential\":\"SEC"));
        assertEquals("UNREADABLE_BODY", e.vendorCode());
        assertFalse(e.getMessage().contains("SECRET-IN-BODY"), e.getMessage());
    }

    @Test
    void wrongShape_isUnreadable_namingTheTypeNotTheValue() {
        fake.stub("GET", "/things", r -> FakeResponse.text(200, "application/json", "[{\"token\":\"SECRET-VALUE-77\"}]"));
        ServerException e = assertThrows(ServerException.class, () -> pipeline(ClientOptions.builder())
                .call(ApiRequest.of(LIST).build(), new TypeReference<List<Integer>>() { }));
        assertEquals("UNREADABLE_BODY", e.vendorCode());
        assertTrue(e.getMessage().contains("MismatchedInputException at [0]"), e.getMessage());
        assertFalse(e.getMessage().contains("SECRET-VALUE-77"), e.getMessage());
    }

    @Test
    void bodyLargerThanTheLimit_failsTypedBeforeTheHeapDoes() {
        String big = "[" + "{\"id\":\"0123456789012345678901234567890123456789\"},".repeat(60_000) + "{}]";
        fake.stub("GET", "/things", r -> FakeResponse.text(200, "application/json", big));

        ServerException streamed = assertThrows(ServerException.class, () -> pipeline(ClientOptions.builder()
                .maxResponseBytes(1024 * 1024)).call(ApiRequest.of(LIST).build(), LIST_TYPE));
        ServerException whole = assertThrows(ServerException.class, () -> pipeline(ClientOptions.builder()
                .maxResponseBytes(1024 * 1024)).execute(ApiRequest.of(LIST).build()));

        assertEquals("RESPONSE_TOO_LARGE", streamed.vendorCode());
        assertEquals("RESPONSE_TOO_LARGE", whole.vendorCode());
        assertTrue(streamed.getMessage().contains("1048576"), streamed.getMessage());
        assertEquals(60_001, pipeline(ClientOptions.builder()).call(ApiRequest.of(LIST).build(), LIST_TYPE).size(),
                "the same answer under the default 64 MiB limit reads fine");
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "..", "a\nb", "a\rb", "x\u0000y", "tab\tid", "\u2028"})
    void idThatWouldMoveTheRequest_isRefusedBeforeSending(String id) {
        fake.stub("GET", "/things/{id}", r -> FakeResponse.json(200, "{}"));

        ValidationException e = assertThrows(ValidationException.class,
                () -> pipeline(ClientOptions.builder()).execute(ApiRequest.of(GET).path("id", id).build()));

        assertEquals("id", e.field());
        assertEquals("GetThing", e.operation());
        assertEquals(0, fake.requests().size());
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), "control characters are escaped");
    }

    @Test
    void overLongId_isRefused_andTheMessageQuotesAtMost64Characters() {
        String id = "a".repeat(600);

        ValidationException e = assertThrows(ValidationException.class, () -> ApiRequest.of(GET).path("id", id));

        assertTrue(e.getMessage().contains("\"" + "a".repeat(64) + "\"… (600 characters)"), e.getMessage());
        assertFalse(e.getMessage().contains("a".repeat(65)));
    }

    @Test
    void headerValueWithCrLf_isAValidationException_notOkHttpsIllegalArgument() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> ApiRequest.of(LIST).header("X-Tenant-Context", "t1\r\nX-Evil: 1"));
        assertEquals("X-Tenant-Context", e.field());
        ValidationException q = assertThrows(ValidationException.class, () -> ApiRequest.of(LIST).query("q", "a\u0007"));
        assertEquals("q", q.field());
    }

    @Test
    void dotLikeIdsThatAreNotDotSegments_areSentEncodedAsOneSegment() {
        fake.stub("GET", "/things/{id}", r -> FakeResponse.json(200, "{}"));
        VendorPipeline p = pipeline(ClientOptions.builder());

        p.execute(ApiRequest.of(GET).path("id", "...").build());
        p.execute(ApiRequest.of(GET).path("id", "a/../b").build());
        p.execute(ApiRequest.of(GET).path("id", "%2e%2e").build());

        assertEquals(List.of("/things/...", "/things/a%2F..%2Fb", "/things/%252e%252e"),
                fake.requests().stream().map(r -> r.path()).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1", "127.255.1.9", "::1", "[::1]", "0:0:0:0:0:0:0:1"})
    void loopback_isExactlyLocalhostAnd127Slash8AndIpv6One(String host) {
        assertTrue(Hosts.isLoopback(host));
    }

    @ParameterizedTest
    @ValueSource(strings = {"api.localhost", "localhost.evil.com", "127.0.0.256", "128.0.0.1", "1.127.0.0.1", "example.com"})
    void notLoopback_includingNamesUnderDotLocalhost(String host) {
        assertFalse(Hosts.isLoopback(host));
        assertThrows(ConfigurationException.class, () -> VendorPipeline.builder("acme")
                .endpoint(URI.create("http://" + host + ":8080/")).build());
    }

    @Test
    void customCredentialHeader_isMaskedInTraceLogs_evenWhenTheUserListsIt() {
        fake.stub("GET", "/things", r -> FakeResponse.json(200, "[]"));
        ch.qos.logback.classic.Logger http = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.secopskit.http");
        ch.qos.logback.classic.Level before = http.getLevel();
        http.setLevel(ch.qos.logback.classic.Level.TRACE);
        try (LogCapture logs = new LogCapture()) {
            VendorPipeline p = VendorPipeline.builder("acme").endpoint(fake.baseUri())
                    .auth(ApiKeyHeaderAuth.of("X-Custom-Key", Secret.of("CUSTOM-KEY-VALUE-42")))
                    .options(ClientOptions.builder().loggedHeaders("X-Custom-Key").build()).build();

            p.call(ApiRequest.of(LIST).build(), LIST_TYPE);

            assertEquals("CUSTOM-KEY-VALUE-42", fake.lastRequest().header("X-Custom-Key"), "the key is sent");
            assertTrue(logs.all().contains("X-Custom-Key=<redacted>"), logs.all());
            assertFalse(logs.all().contains("CUSTOM-KEY-VALUE-42"), logs.all());
        } finally {
            http.setLevel(before);
        }
    }

    @Test
    void close_releasesTheOwnedPool_laterCallsFail_butADonatedClientIsLeftRunning() {
        fake.stub("GET", "/things", r -> FakeResponse.json(200, "[]"));
        VendorPipeline owned = pipeline(ClientOptions.builder());
        owned.call(ApiRequest.of(LIST).build(), LIST_TYPE);
        owned.close();
        owned.close();
        assertThrows(IllegalStateException.class, () -> owned.call(ApiRequest.of(LIST).build(), LIST_TYPE));

        OkHttpClient donated = new OkHttpClient();
        VendorPipeline borrowing = pipeline(ClientOptions.builder().httpClient(donated));
        borrowing.close();
        assertFalse(donated.dispatcher().executorService().isShutdown(), "a donated client is not shut down");
    }
}
