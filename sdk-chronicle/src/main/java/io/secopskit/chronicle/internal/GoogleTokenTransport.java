package io.secopskit.chronicle.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.LowLevelHttpRequest;
import com.google.api.client.http.LowLevelHttpResponse;
import com.google.auth.http.HttpTransportFactory;
import io.secopskit.core.Secret;
import io.secopskit.core.auth.AuthContext;
import io.secopskit.core.auth.TokenEndpointResponse;
import io.secopskit.core.error.AuthenticationException;
import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.InvalidRequestException;
import io.secopskit.core.error.SecOpsException;
import io.secopskit.core.spi.ErrorMapping;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP transport google-auth-library is given for one token request: it hands the request to
 * {@link AuthContext#post}, that is to the SecOpsKit client's own OkHttp pipeline and connection pool, so
 * Google's token call obeys the rules of every SecOpsKit token call — https unless loopback, no redirects
 * (the signed assertion is never sent anywhere but the key's {@code token_uri}), a size limit on the answer,
 * the attempt timeout, redacting logs, errors that name the host.
 *
 * <p>Only 2xx answers are handed back to google-auth-library. Every other answer is turned into a typed
 * {@link SecOpsException} right here and thrown unchecked, which google-http-client does not catch: so its
 * own retry and back-off loop (which would resend the assertion and sleep on a real clock) never runs, and
 * {@link io.secopskit.core.auth.TokenAuthStrategy}'s failure backoff decides when the next attempt is made.
 * One instance serves one token request. Internal.
 */
public final class GoogleTokenTransport extends HttpTransport implements HttpTransportFactory {
    /** The one request header of google-auth-library that is passed on: its client metrics header. */
    static final String METRICS_HEADER = "x-goog-api-client";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final AuthContext context;
    private volatile TokenEndpointResponse answer;
    private volatile String host;

    /**
     * Creates the transport for one token request.
     *
     * @param context the client's auth context
     */
    public GoogleTokenTransport(AuthContext context) {
        this.context = context;
    }

    @Override
    public HttpTransport create() {
        return this;
    }

    @Override
    public boolean supportsMethod(String method) {
        return "POST".equals(method);
    }

    @Override
    protected LowLevelHttpRequest buildRequest(String method, String url) {
        return new Request(method, url);
    }

    /**
     * Returns the token endpoint's answer, or null when none arrived.
     *
     * @return the token endpoint's answer, or null when none arrived
     */
    public TokenEndpointResponse answer() {
        return answer;
    }

    /**
     * Returns the token endpoint's host, or null before the request.
     *
     * @return the token endpoint's host, or null before the request
     */
    public String host() {
        return host;
    }

    /**
     * Reads {@code expires_in} from a successful answer.
     *
     * @param body the answer's body
     * @return the lifetime, or null when absent, not a positive number, or unreadable
     */
    public static Duration expiresIn(String body) {
        try {
            JsonNode root = MAPPER.readTree(body);
            JsonNode v = root == null ? null : root.get("expires_in");
            if (v != null && (v.isNumber() || v.isTextual())) {
                double seconds = v.isNumber() ? v.doubleValue() : Double.parseDouble(v.asText().trim());
                if (seconds > 0 && Double.isFinite(seconds)) {
                    return Duration.ofMillis((long) Math.min(seconds * 1000, Duration.ofDays(1).toMillis()));
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /**
     * Maps a token endpoint's answer that is not 2xx: a redirect, or Google's OAuth error
     * {@code {"error":"invalid_grant","error_description":...}} with its status and code kept.
     *
     * @param vendor   vendor id
     * @param host     the token endpoint's host
     * @param response the answer
     * @return the exception to throw
     */
    public static SecOpsException error(String vendor, String host, TokenEndpointResponse response) {
        int status = response.status();
        if (response.isRedirect()) {
            return new AuthenticationException(new ErrorInfo(vendor, "token", status, "REDIRECT",
                    "Google's token endpoint answered with a redirect" + (response.redirectLocation() == null ? ""
                            : " to " + response.redirectLocation()) + "; redirects are never followed for token calls, so "
                            + "the signed assertion goes nowhere but the key's token_uri (check token_uri in the key file)",
                    null, false, host));
        }
        String code = null;
        String message = "token request refused";
        JsonNode root = tree(response.body());
        if (root != null && root.isObject()) {
            JsonNode err = root.get("error");
            if (err != null && err.isTextual()) {
                code = err.asText();
            } else if (err != null && err.isObject()) {
                code = err.path("status").asText(null);
                message = err.path("message").asText(message);
            }
            JsonNode description = root.get("error_description");
            if (description != null && description.isTextual()) {
                message = description.asText();
            }
        } else if (response.contentType() != null && response.contentType().toLowerCase(Locale.ROOT).contains("html")) {
            message = "an HTML page instead of Google's JSON answer (a proxy or a wrong token_uri?)";
        }
        message = abbreviate(message) + hint(status, code, message);
        ErrorInfo info = new ErrorInfo(vendor, "token", status, code, message, null, ErrorMapping.isTransient(status), host);
        if (status == 400 || status == 401 || status == 403 || isCredentialCode(code)) {
            return new AuthenticationException(info.withRetryable(false));
        }
        return ErrorMapping.forStatus(info, null);
    }

    private static String hint(int status, String code, String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        if ("invalid_grant".equals(code) && (lower.contains("timeframe") || lower.contains("short-lived")
                || lower.contains("iat and exp"))) {
            return " (hint: Google refused the signed assertion's time: this machine's clock is probably off by more "
                    + "than a few minutes; synchronise it)";
        }
        if ("invalid_grant".equals(code)) {
            return " (hint: Google refused the service-account key itself: it may be deleted or disabled, or the key "
                    + "file is not the one Google SecOps issued for the partner)";
        }
        if ("invalid_scope".equals(code)) {
            return " (hint: the requested OAuth scope is not valid for this service account)";
        }
        if (status == 401 || "invalid_client".equals(code) || "unauthorized_client".equals(code)) {
            return " (hint: the service account is unknown to Google or not allowed to obtain tokens)";
        }
        return "";
    }

    private static boolean isCredentialCode(String code) {
        return code != null && (code.equals("invalid_client") || code.equals("invalid_grant")
                || code.equals("unauthorized_client") || code.equals("access_denied") || code.equals("invalid_scope"));
    }

    private static JsonNode tree(String body) {
        try {
            return body == null || body.isBlank() ? null : MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String abbreviate(String s) {
        String folded = s.replaceAll("\\s+", " ").trim();
        return folded.length() > 300 ? folded.substring(0, 300) + "..." : folded;
    }

    /** google-http-client's view of the one POST. */
    private final class Request extends LowLevelHttpRequest {
        private final String method;
        private final String url;
        private final Map<String, Secret> headers = new LinkedHashMap<>();

        Request(String method, String url) {
            this.method = method;
            this.url = url;
        }

        @Override
        public void addHeader(String name, String value) {
            // google-http-client adds its own User-Agent and "Accept-Encoding: gzip" (OkHttp would then hand back
            // the compressed bytes); the SDK sends its own User-Agent. Only the library's metrics header passes.
            if (METRICS_HEADER.equalsIgnoreCase(name) && value != null) {
                headers.put(METRICS_HEADER, Secret.of(value));
            }
        }

        @Override
        public LowLevelHttpResponse execute() throws IOException {
            URI uri;
            try {
                uri = new URI(url);
            } catch (URISyntaxException e) {
                throw new InvalidRequestException(ErrorInfo.of(context.vendor(), "token")
                        .withVendorMessage("the key's token_uri is not a valid URL"));
            }
            host = uri.getHost();
            if (!"POST".equals(method)) {
                throw new InvalidRequestException(ErrorInfo.of(context.vendor(), "token").withHost(host)
                        .withVendorMessage("google-auth-library asked for " + method + "; only the POST token request is sent"));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (getStreamingContent() != null) {
                getStreamingContent().writeTo(out);
            }
            TokenEndpointResponse r = context.post(uri, headers, getContentType(),
                    Secret.of(out.toString(StandardCharsets.UTF_8)));
            answer = r;
            if (!r.isSuccessful()) {
                throw error(context.vendor(), host, r);
            }
            return new Response(r);
        }
    }

    /** A 2xx answer as google-http-client reads it. */
    private static final class Response extends LowLevelHttpResponse {
        private final TokenEndpointResponse answer;
        private final byte[] body;

        Response(TokenEndpointResponse answer) {
            this.answer = answer;
            this.body = answer.body().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public InputStream getContent() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public String getContentEncoding() {
            return null;
        }

        @Override
        public long getContentLength() {
            return body.length;
        }

        @Override
        public String getContentType() {
            return answer.contentType();
        }

        @Override
        public String getStatusLine() {
            return "HTTP/1.1 " + answer.status();
        }

        @Override
        public int getStatusCode() {
            return answer.status();
        }

        @Override
        public String getReasonPhrase() {
            return null;
        }

        @Override
        public int getHeaderCount() {
            return answer.contentType() == null ? 0 : 1;
        }

        @Override
        public String getHeaderName(int index) {
            return "Content-Type";
        }

        @Override
        public String getHeaderValue(int index) {
            return answer.contentType();
        }
    }
}
