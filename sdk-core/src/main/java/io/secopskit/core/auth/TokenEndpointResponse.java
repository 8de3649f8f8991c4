package io.secopskit.core.auth;

/**
 * The answer of a token endpoint, as seen by an {@link AuthStrategy}. The body usually holds an access
 * token, so {@link #toString()} leaves it out.
 *
 * @param status           HTTP status
 * @param contentType      the {@code Content-Type} header, or null
 * @param body             the response body as text (at most the client's token-answer limit), never null
 * @param redirectLocation for a 3xx answer, the origin ({@code scheme://host:port}) it pointed to, else null;
 *                         redirects are never followed for token calls
 */
public record TokenEndpointResponse(int status, String contentType, String body, String redirectLocation) {
    /**
     * An answer that is not a redirect.
     *
     * @param status      HTTP status
     * @param contentType the content type, or null
     * @param body        the body text
     */
    public TokenEndpointResponse(int status, String contentType, String body) {
        this(status, contentType, body, null);
    }

    /** Returns whether the status is 2xx. */
    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }

    /** Returns whether the status is 3xx. */
    public boolean isRedirect() {
        return status >= 300 && status < 400;
    }

    /** Returns the status and content type only. */
    @Override
    public String toString() {
        return "TokenEndpointResponse{status=" + status + ", contentType=" + contentType + ", body=<redacted>}";
    }
}
