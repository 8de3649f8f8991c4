package io.secopskit.opentelemetry;

import io.opentelemetry.api.common.AttributeKey;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;

/** Attribute keys, metric names and the instrumentation scope. Every value recorded is listed here. */
final class Keys {
    /** The instrumentation scope name. */
    static final String SCOPE = "io.secopskit.opentelemetry";
    /** The instrumentation scope version (this module's version). */
    static final String VERSION = loadVersion();

    // OpenTelemetry HTTP client semantic conventions
    static final AttributeKey<String> HTTP_REQUEST_METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<Long> HTTP_RESPONSE_STATUS_CODE = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<Long> HTTP_REQUEST_RESEND_COUNT = AttributeKey.longKey("http.request.resend_count");
    static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
    static final AttributeKey<String> URL_TEMPLATE = AttributeKey.stringKey("url.template");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    // SecOpsKit's own
    static final AttributeKey<String> VENDOR = AttributeKey.stringKey("secopskit.vendor");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("secopskit.operation");
    static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("secopskit.attempt");
    static final AttributeKey<Long> ATTEMPT_COUNT = AttributeKey.longKey("secopskit.attempt.count");
    static final AttributeKey<Double> RETRY_DELAY = AttributeKey.doubleKey("secopskit.retry.delay");
    static final AttributeKey<String> RETRY_REASON = AttributeKey.stringKey("secopskit.retry.reason");
    static final AttributeKey<String> RATE_LIMIT_KEY = AttributeKey.stringKey("secopskit.rate_limit.key");
    static final AttributeKey<Double> THROTTLE_WAIT = AttributeKey.doubleKey("secopskit.throttle.wait");
    static final AttributeKey<String> TOKEN_OUTCOME = AttributeKey.stringKey("secopskit.token.outcome");

    // span events
    static final String EVENT_RETRY = "secopskit.retry";
    static final String EVENT_THROTTLE = "secopskit.throttle";

    // metrics
    static final String CALL_DURATION = "secopskit.client.call.duration";
    static final String REQUEST_DURATION = "http.client.request.duration";
    static final String RETRIES = "secopskit.client.retries";
    static final String THROTTLE_WAITS = "secopskit.client.throttle.waits";
    static final String THROTTLE_WAIT_DURATION = "secopskit.client.throttle.wait.duration";
    static final String TOKEN_REFRESHES = "secopskit.client.token.refreshes";
    static final String TOKEN_REFRESH_DURATION = "secopskit.client.token.refresh.duration";
    static final String RESPONSE_BODY_SIZE = "secopskit.client.response.body.size";

    /** The semantic conventions' advice for {@code http.client.request.duration}, in seconds. */
    static final List<Double> REQUEST_BUCKETS = List.of(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0,
            2.5, 5.0, 7.5, 10.0);
    /** Calls, waits and token requests include retries and rate-limit waits: the same, up to five minutes. */
    static final List<Double> WAIT_BUCKETS = List.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
            30.0, 60.0, 120.0, 300.0);
    /** Response body sizes in bytes, 0 to 64 MiB. */
    static final List<Long> SIZE_BUCKETS = List.of(0L, 256L, 1024L, 4096L, 16_384L, 65_536L, 262_144L, 1_048_576L,
            4_194_304L, 16_777_216L, 67_108_864L);

    /** The HTTP methods the conventions know; any other is recorded as {@code _OTHER}. */
    private static final List<String> KNOWN_METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE",
            "CONNECT", "OPTIONS", "TRACE");

    private Keys() {
    }

    /**
     * Returns the method as the conventions want it.
     *
     * @param method the request's method
     * @return the method, or {@code _OTHER}
     */
    static String method(String method) {
        return KNOWN_METHODS.contains(method) ? method : "_OTHER";
    }

    private static String loadVersion() {
        try (InputStream in = Keys.class.getResourceAsStream("/io/secopskit/opentelemetry/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
