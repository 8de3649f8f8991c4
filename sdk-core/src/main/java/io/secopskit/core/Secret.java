package io.secopskit.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A sensitive value: an API secret, client secret, password, refresh or access token, or a credential
 * returned by a vendor.
 *
 * <p>{@link #toString()} never shows the value; the only way to read it is {@link #reveal()}, which makes
 * every place that needs the clear value easy to find. Secrets compare by value in constant time.
 * Instances are immutable and thread-safe.
 */
public final class Secret {
    private static final String REDACTED = "Secret[redacted]";

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * Wraps a sensitive value.
     *
     * @param value the clear value; must not be null or empty
     * @return the secret
     * @throws IllegalArgumentException if {@code value} is null or empty
     */
    public static Secret of(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("secret value must not be null or empty");
        }
        return new Secret(value);
    }

    /**
     * Wraps a sensitive value that may be absent.
     *
     * @param value the clear value, or null
     * @return the secret, or null when {@code value} is null or empty
     */
    public static Secret ofNullable(String value) {
        return value == null || value.isEmpty() ? null : new Secret(value);
    }

    /**
     * Returns the clear value. Call it only where the value leaves the process to the party it belongs to.
     *
     * @return the clear value
     */
    public String reveal() {
        return value;
    }

    /**
     * Returns whether this secret holds exactly {@code candidate}, comparing in constant time.
     *
     * @param candidate the clear value to compare with
     * @return true when equal
     */
    public boolean matches(String candidate) {
        return candidate != null
                && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns a fixed text that never contains the value. */
    @Override
    public String toString() {
        return REDACTED;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && matches(other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(value.length());
    }
}
