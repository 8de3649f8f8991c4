package io.secopskit.core.internal.http;

import java.nio.charset.StandardCharsets;
import okhttp3.Headers;

/**
 * A successful answer: status, headers and the whole body. Internal.
 *
 * @param status  HTTP status
 * @param headers response headers
 * @param body    the body bytes (empty when none)
 */
public record ApiResponse(int status, Headers headers, byte[] body) {
    /**
     * Returns a header value.
     *
     * @param name header name
     * @return the last value, or null
     */
    public String header(String name) {
        return headers.get(name);
    }

    /** Returns the body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
