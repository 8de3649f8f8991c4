package io.secopskit.core.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What an {@link HttpPolicy} sees of a request: the operation, method, target and headers. Never holds
 * credentials: policies run before the auth step. The body is not exposed. Immutable; change headers with
 * {@link #withHeader(String, String)} and pass the copy on.
 */
public final class HttpRequest {
    private final Operation operation;
    private final String method;
    private final String host;
    private final String url;
    private final int attempt;
    private final Map<String, List<String>> headers;

    /**
     * Creates a request view. Built by the pipeline; applications normally only read it.
     *
     * @param operation the operation
     * @param method    the HTTP method
     * @param host      the target host
     * @param url       the full URL (it may carry ids and query values: never put it in telemetry; use
     *                  {@link Operation#pathTemplate()})
     * @param attempt   the attempt number (1 and up) in the per-attempt slot, 0 in the per-call slot
     * @param headers   header names (lower case) to values
     */
    public HttpRequest(Operation operation, String method, String host, String url, int attempt,
                       Map<String, List<String>> headers) {
        this.operation = Objects.requireNonNull(operation, "operation");
        this.method = Objects.requireNonNull(method, "method");
        this.host = Objects.requireNonNull(host, "host");
        this.url = Objects.requireNonNull(url, "url");
        this.attempt = attempt;
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((k, v) -> copy.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        this.headers = Collections.unmodifiableMap(copy);
    }

    /** Returns the operation (vendor, name, method, path template). */
    public Operation operation() {
        return operation;
    }

    /** Returns the HTTP method. */
    public String method() {
        return method;
    }

    /** Returns the host the request goes to. */
    public String host() {
        return host;
    }

    /** Returns the full URL, ids and query values included; never record it in telemetry. */
    public String url() {
        return url;
    }

    /** Returns the attempt number (1 and up) in the per-attempt slot, 0 in the per-call slot. */
    public int attempt() {
        return attempt;
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

    /**
     * Returns a copy with one header set (replacing earlier values). Credential headers set here are
     * replaced by the auth step's; CR, LF and other control characters are refused.
     *
     * @param name  the header name
     * @param value the value
     * @return the copy
     * @throws IllegalArgumentException if the name or value holds control characters
     */
    public HttpRequest withHeader(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
            throw new IllegalArgumentException("not a valid header name: " + name);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                throw new IllegalArgumentException("header " + name + " must not contain control characters");
            }
        }
        Map<String, List<String>> copy = new LinkedHashMap<>(headers);
        copy.put(name.toLowerCase(Locale.ROOT), List.of(value));
        return new HttpRequest(operation, method, host, url, attempt, copy);
    }

    /** Names the operation, method and host; never shows header values. */
    @Override
    public String toString() {
        return "HttpRequest{" + operation.qualifiedName() + " " + method + " " + host + ", attempt=" + attempt
                + ", headers=" + new ArrayList<>(headers.keySet()) + "}";
    }
}
