package io.secopskit.core.auth;

/**
 * The answer of a token endpoint, as seen by an {@link AuthStrategy}. The body usually holds an access
 * token, so {@link #toString()} leaves it out.
 *
 * @param status      HTTP status
 * @param contentType the {@code Content-Type} header, or null
 * @param body        the response body as text, never null
 */
public record TokenEndpointResponse(int status, String contentType, String body) {
    /** Returns whether the status is 2xx. */
    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }

    /** Returns the status and content type only. */
    @Override
    public String toString() {
        return "TokenEndpointResponse{status=" + status + ", contentType=" + contentType + ", body=<redacted>}";
    }
}
