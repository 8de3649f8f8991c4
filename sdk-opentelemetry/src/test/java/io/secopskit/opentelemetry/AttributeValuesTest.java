package io.secopskit.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.TransportException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How attribute values are derived: the port without keeping the URL, error types, retry reasons, methods. */
class AttributeValuesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "https://api.example.com/v1/tenants/t-1?filter=secret|443",
        "http://127.0.0.1:8080/a|8080",
        "http://localhost/a|80",
        "https://user:pa:ss@host.example:8443/p|8443",
        "https://user:pass@host.example/p|443",
        "https://u:@host.example/p|443",
        "https://[::1]:9443/p|9443",
        "https://[::1]/p|443",
        "https://host.example:8443?q=a:b|8443",
        "https://host.example#frag:1|443",
        "https://host.example/path:8080|443",
        "https://host.example:/p|443",
        "HTTPS://host.example/p|443",
        "https://host.example:99999/p|-1",
        "https://host.example:0/p|-1",
        "https://host.example:12a/p|-1",
        "ftp://host.example/p|-1",
        "not a url|-1",
        "://host:1/|-1"
    })
    void port_readsTheExplicitPortOrTheSchemesDefault(String url, int expected) {
        assertEquals(expected, AttemptSpanPolicy.port(url));
    }

    @Test
    void ofExchange_whenStatusIs4xxOr5xx_isTheStatusCode_elseTheIoFailuresOwnClass() {
        assertEquals("404", ErrorTypes.ofExchange(404, null));
        assertEquals("400", ErrorTypes.ofExchange(400, null));
        assertNull(ErrorTypes.ofExchange(399, null));
        assertEquals("503", ErrorTypes.ofExchange(503, new IllegalStateException("ignored when a status is there")));
        assertNull(ErrorTypes.ofExchange(200, null));
        assertNull(ErrorTypes.ofExchange(302, null), "a redirect answer is not an exchange error");
        assertEquals("java.net.SocketTimeoutException",
                ErrorTypes.ofExchange(0, new UncheckedIOException(new SocketTimeoutException("timeout"))));
        TransportException transport = new TransportException(new ErrorInfo("acme", "token", 0, "TIMEOUT", "m", null, true,
                "h"), new SocketTimeoutException("read timed out"));
        assertEquals("java.net.SocketTimeoutException", ErrorTypes.ofExchange(0, transport));
        assertEquals(TransportException.class.getName(), ErrorTypes.ofCall(transport), "callers see the typed exception");
        assertEquals(IllegalStateException.class.getName(), ErrorTypes.ofExchange(0, new IllegalStateException("x")));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "HTTP 503|HTTP 503",
        "SocketTimeoutException|SocketTimeoutException",
        "SendGuard$ResendRefusedException|SendGuard$ResendRefusedException",
        "HTTP 503 for tenant t-9|_OTHER",
        "timeout: https://host/v1?token=abc|_OTHER",
        "''|_OTHER",
        "NULL|_OTHER"
    })
    void reason_keepsOnlyTheShapesThePipelineUses(String reason, String expected) {
        assertEquals(expected, ErrorTypes.reason(reason));
    }

    @Test
    void reason_whenOverLong_isOther() {
        assertEquals("_OTHER", ErrorTypes.reason("A".repeat(101)));
        assertEquals("A".repeat(100), ErrorTypes.reason("A".repeat(100)));
    }

    @Test
    void method_whenUnknownToTheConventions_isOther() {
        assertEquals("PATCH", Keys.method("PATCH"));
        assertEquals("_OTHER", Keys.method("PROPFIND"));
        assertEquals("_OTHER", Keys.method("get"));
    }
}
