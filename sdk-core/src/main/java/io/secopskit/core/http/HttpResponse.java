package io.secopskit.core.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an {@link HttpPolicy} sees of an answer: status and headers. The body is read by the client after
 * the policies return. Immutable.
 */
public final class HttpResponse {
    private final int status;
    private final Map<String, List<String>> headers;

    /**
     * Creates a response view. Built by the pipeline.
     *
     * @param status  the HTTP status
     * @param headers header names (lower case) to values
     */
    public HttpResponse(int status, Map<String, List<String>> headers) {
        this.status = status;
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((k, v) -> copy.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        this.headers = Collections.unmodifiableMap(copy);
    }

    /** Returns the HTTP status. */
    public int status() {
        return status;
    }

    /** Returns the headers, names in lower case. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * Returns the first value of a header.
     *
     * @param name header name, any case
     * @return the value, or null
     */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public String toString() {
        return "HttpResponse{status=" + status + "}";
    }
}
