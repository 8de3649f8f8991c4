package io.secopskit.core.internal.auth;

import io.secopskit.core.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A bearer token and its lifetime. Internal.
 *
 * @param value        the token
 * @param issuedAt     when the SDK received it
 * @param expiresAt    when the vendor stops accepting it
 * @param refreshToken the OAuth refresh token that came with it, or null
 */
public record AccessToken(Secret value, Instant issuedAt, Instant expiresAt, Secret refreshToken) {
    /** Validates the token. */
    public AccessToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /**
     * A token without a refresh token.
     *
     * @param value     the token
     * @param issuedAt  when the SDK received it
     * @param expiresAt when the vendor stops accepting it
     */
    public AccessToken(Secret value, Instant issuedAt, Instant expiresAt) {
        this(value, issuedAt, expiresAt, null);
    }

    /** Returns the lifetime, at least one millisecond. */
    public Duration lifetime() {
        Duration d = Duration.between(issuedAt, expiresAt);
        return d.isNegative() || d.isZero() ? Duration.ofMillis(1) : d;
    }

    /**
     * Returns when the token becomes stale: a refresh starts, while the token is still served.
     *
     * @param refreshAhead how long before expiry to refresh; capped at half the lifetime
     * @return the instant
     */
    public Instant staleAt(Duration refreshAhead) {
        Duration half = lifetime().dividedBy(2);
        return expiresAt.minus(refreshAhead.compareTo(half) < 0 ? refreshAhead : half);
    }

    /**
     * Returns when the token must no longer be sent, leaving a margin for clock skew and transit.
     *
     * @param safety the margin; capped at a tenth of the lifetime
     * @return the instant
     */
    public Instant unusableAt(Duration safety) {
        Duration tenth = lifetime().dividedBy(10);
        return expiresAt.minus(safety.compareTo(tenth) < 0 ? safety : tenth);
    }

    /** Never shows the token value. */
    @Override
    public String toString() {
        return "AccessToken{issuedAt=" + issuedAt + ", expiresAt=" + expiresAt + ", refreshToken=" + (refreshToken == null ? "none" : "<redacted>") + "}";
    }
}
