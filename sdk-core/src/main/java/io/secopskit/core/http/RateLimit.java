package io.secopskit.core.http;

import java.time.Duration;
import java.util.Objects;

/**
 * A client-side limit on the sends of the operations that share {@code key}. Two kinds:
 * <ul>
 *   <li>a <em>throttle</em> ({@link #perSecond}, {@link #perMinute}, {@link #throttle}): at most
 *       {@code permits} sends per {@code period}, counted in this process by a resilience4j limiter; a
 *       call waits for its permit when it is at most {@link ClientOptions#maxPermitWait()} away and fails
 *       with {@link io.secopskit.core.error.QuotaExhaustedException} otherwise;</li>
 *   <li>a <em>quota</em> ({@link #perDay}, {@link #quota}): at most {@code permits} sends in any sliding
 *       window of {@code period}; a call never waits for it — when the quota is used up it fails at once
 *       with {@link io.secopskit.core.error.QuotaExhaustedException} saying when the oldest counted send
 *       leaves the window, and nothing is sent. Quotas are counted in the client's
 *       {@link io.secopskit.core.store.QuotaStore}: in memory unless the quota is {@link #asShared() shared}.</li>
 * </ul>
 * Every send counts, repeats by the retry step included. Immutable.
 *
 * @param key     the limit's key; operations name it as their rate-limit key
 * @param permits sends allowed per period (at least 1)
 * @param period  the period (throttle) or sliding window (quota)
 * @param kind    throttle or quota
 * @param shared  whether the quota is counted in the shared store of {@link ClientOptions#quotaStore()}
 *                (for example PostgreSQL) instead of in this client's memory
 */
public record RateLimit(String key, int permits, Duration period, Kind kind, boolean shared) {
    /** How a limit is counted and what a call does when it is reached. */
    public enum Kind {
        /** Wait for the next permit (up to the permit wait), counted in process. */
        THROTTLE,
        /** Never wait: a sliding window of sends, refused once used up. */
        QUOTA
    }

    /** Validates the limit. */
    public RateLimit {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(kind, "kind");
        if (key.isBlank()) {
            throw new IllegalArgumentException("key must not be blank");
        }
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1: " + permits);
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive: " + period);
        }
        if (shared && kind != Kind.QUOTA) {
            throw new IllegalArgumentException("only a quota can be shared; a throttle is counted in process: " + key);
        }
    }

    /**
     * A quota of {@code permits} sends in any 24 hours (a sliding window, not the calendar day).
     *
     * @param key     the limit's key
     * @param permits sends allowed in any 24 hours
     * @return the limit
     */
    public static RateLimit perDay(String key, int permits) {
        return quota(key, permits, Duration.ofDays(1));
    }

    /**
     * A quota of {@code permits} sends in any sliding window of {@code window}.
     *
     * @param key     the limit's key
     * @param permits sends allowed in any window
     * @param window  the window length
     * @return the limit
     */
    public static RateLimit quota(String key, int permits, Duration window) {
        return new RateLimit(key, permits, window, Kind.QUOTA, false);
    }

    /**
     * A throttle of {@code permits} sends per second.
     *
     * @param key     the limit's key
     * @param permits sends per second
     * @return the limit
     */
    public static RateLimit perSecond(String key, int permits) {
        return throttle(key, permits, Duration.ofSeconds(1));
    }

    /**
     * A throttle of {@code permits} sends per minute.
     *
     * @param key     the limit's key
     * @param permits sends per minute
     * @return the limit
     */
    public static RateLimit perMinute(String key, int permits) {
        return throttle(key, permits, Duration.ofMinutes(1));
    }

    /**
     * A throttle of {@code permits} sends per {@code period}.
     *
     * @param key     the limit's key
     * @param permits sends per period
     * @param period  the period
     * @return the limit
     */
    public static RateLimit throttle(String key, int permits, Duration period) {
        return new RateLimit(key, permits, period, Kind.THROTTLE, false);
    }

    /**
     * Returns this quota marked shared: counted once across every client (and every replica) that uses
     * the same shared {@link io.secopskit.core.store.QuotaStore}.
     *
     * @return the shared quota
     * @throws IllegalArgumentException if this limit is a throttle
     */
    public RateLimit asShared() {
        return new RateLimit(key, permits, period, kind, true);
    }
}
