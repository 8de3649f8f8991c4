package io.secopskit.core.internal.http;

import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.http.Operation;
import java.time.Duration;

/**
 * A non-2xx answer handed to an {@link ErrorDecoder}. Internal.
 *
 * @param operation   the operation
 * @param status      HTTP status
 * @param contentType the {@code Content-Type}, or null
 * @param body        the start of the body (at most 64 KiB), never null
 * @param requestId   vendor request id, or null
 * @param retryAfter  parsed {@code Retry-After}, or null
 */
public record ErrorResponse(Operation operation, int status, String contentType, String body, String requestId,
                            Duration retryAfter) {

    /** Returns error information with vendor, operation, status, request id and the retryable flag. */
    public ErrorInfo baseInfo() {
        return new ErrorInfo(operation.vendor(), operation.name(), status, null, null, requestId,
                ErrorMapping.isTransient(status) && operation.idempotent());
    }

    /** Returns whether the body claims to be JSON. */
    public boolean isJson() {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("json");
    }

    /** Returns the body with whitespace folded, cut to 300 characters, for messages. */
    public String bodySnippet() {
        String folded = body.replaceAll("\\s+", " ").trim();
        return folded.length() > 300 ? folded.substring(0, 300) + "..." : folded;
    }
}
