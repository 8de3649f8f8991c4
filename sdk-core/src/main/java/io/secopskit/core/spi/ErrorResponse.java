package io.secopskit.core.spi;

import io.secopskit.core.Beta;
import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.http.Operation;
import java.time.Duration;
import java.util.Locale;

/**
 * A non-2xx answer, as an {@link ErrorDecoder} sees it: the operation, status, content type, the first
 * 64 KiB of the body, the vendor's request id, the host and the parsed (and clamped) {@code Retry-After}.
 *
 * @param operation   the operation
 * @param status      the HTTP status
 * @param contentType the {@code Content-Type}, or null
 * @param body        the body text (at most 64 KiB; never null)
 * @param requestId   the vendor's request id, or null
 * @param retryAfter  the {@code Retry-After} delay, clamped to the retry policy's cap, or null
 * @param host        the host that answered, or null
 */
@Beta
public record ErrorResponse(Operation operation, int status, String contentType, String body, String requestId,
                            Duration retryAfter, String host) {

    /**
     * An error answer without a host (tests, fixtures).
     *
     * @param operation   the operation
     * @param status      the HTTP status
     * @param contentType the content type, or null
     * @param body        the body text
     * @param requestId   the request id, or null
     * @param retryAfter  the delay, or null
     */
    public ErrorResponse(Operation operation, int status, String contentType, String body, String requestId,
                         Duration retryAfter) {
        this(operation, status, contentType, body, requestId, retryAfter, null);
    }

    /** Returns the error information before any vendor-specific reading: vendor, operation, status, host. */
    public ErrorInfo baseInfo() {
        return new ErrorInfo(operation.vendor(), operation.name(), status, null, null, requestId,
                ErrorMapping.isTransient(status) && operation.idempotent(), host);
    }

    /** Returns whether the content type is JSON. */
    public boolean isJson() {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json");
    }

    /** Returns the body with whitespace folded, cut to 300 characters. */
    public String bodySnippet() {
        String folded = body.replaceAll("\\s+", " ").trim();
        return folded.length() > 300 ? folded.substring(0, 300) + "..." : folded;
    }
}
