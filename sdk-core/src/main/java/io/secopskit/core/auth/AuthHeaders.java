package io.secopskit.core.auth;

import io.secopskit.core.Secret;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The credential headers an {@link AuthStrategy} adds to one request. Values are {@link Secret}s, so
 * {@link #toString()} shows header names only. Immutable.
 */
public final class AuthHeaders {
    private static final AuthHeaders NONE = new AuthHeaders(Map.of());

    private final Map<String, Secret> headers;

    private AuthHeaders(Map<String, Secret> headers) {
        this.headers = headers;
    }

    /**
     * Returns a single credential header.
     *
     * @param name  header name, for example {@code Authorization}
     * @param value header value
     * @return the headers
     */
    public static AuthHeaders of(String name, Secret value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        return new AuthHeaders(Map.of(name, value));
    }

    /**
     * Returns several credential headers, in the given order.
     *
     * @param headers header names to values
     * @return the headers
     */
    public static AuthHeaders of(Map<String, Secret> headers) {
        return new AuthHeaders(Collections.unmodifiableMap(new LinkedHashMap<>(headers)));
    }

    /**
     * Returns no headers, for strategies that authenticate some other way.
     *
     * @return the empty set
     */
    public static AuthHeaders none() {
        return NONE;
    }

    /** Returns the headers by name, in order. */
    public Map<String, Secret> asMap() {
        return headers;
    }

    /** Returns whether there are no headers. */
    public boolean isEmpty() {
        return headers.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthHeaders other && headers.equals(other.headers);
    }

    @Override
    public int hashCode() {
        return headers.keySet().hashCode();
    }

    /** Returns the header names only; values are never shown. */
    @Override
    public String toString() {
        return "AuthHeaders" + headers.keySet();
    }
}
