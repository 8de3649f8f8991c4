package io.secopskit.core.auth;

import io.secopskit.core.Secret;
import java.time.Instant;
import java.util.Objects;

/**
 * A token a {@link TokenAuthStrategy} obtained: its value, when it stops being accepted, and the refresh
 * token that came with it, if any. {@link #toString()} never shows the values.
 *
 * @param value        the access token
 * @param expiresAt    when the vendor stops accepting it
 * @param refreshToken the refresh token issued with it, or null
 */
public record IssuedToken(Secret value, Instant expiresAt, Secret refreshToken) {
    /** Validates the token. */
    public IssuedToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Never shows the token values. */
    @Override
    public String toString() {
        return "IssuedToken{expiresAt=" + expiresAt + ", refreshToken=" + (refreshToken == null ? "none" : "<redacted>") + "}";
    }
}
