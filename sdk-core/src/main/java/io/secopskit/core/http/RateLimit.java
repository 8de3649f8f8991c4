package io.secopskit.core.http;

import java.time.Duration;
import java.util.Objects;

/**
 * A client-side rate limit: at most {@code permits} calls per {@code period} for one rate-limit key.
 * Periods are fixed windows that start when the client is built.
 *
 * @param key     the rate-limit key named by operations
 * @param permits calls allowed per period, at least 1
 * @param period  the window length, positive
 */
public record RateLimit(String key, int permits, Duration period) {
    /** Validates the limit. */
    public RateLimit {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(period, "period");
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1: " + permits);
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive: " + period);
        }
    }

    /**
     * Returns a limit of {@code permits} calls per day.
     *
     * @param key     the rate-limit key
     * @param permits calls per day
     * @return the limit
     */
    public static RateLimit perDay(String key, int permits) {
        return new RateLimit(key, permits, Duration.ofDays(1));
    }

    /**
     * Returns a limit of {@code permits} calls per second.
     *
     * @param key     the rate-limit key
     * @param permits calls per second
     * @return the limit
     */
    public static RateLimit perSecond(String key, int permits) {
        return new RateLimit(key, permits, Duration.ofSeconds(1));
    }
}
