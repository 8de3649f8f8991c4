package io.secopskit.core.error;

import java.time.Duration;
import java.util.Optional;

/** The vendor refused the call because a rate limit or quota was exceeded (HTTP 429 / RESOURCE_EXHAUSTED). */
public class RateLimitedException extends SecOpsException {
    private final Duration retryAfter;

    /**
     * Creates the exception.
     *
     * @param info       what is known about the failure
     * @param retryAfter how long the vendor asked to wait, or null when it did not say
     */
    public RateLimitedException(ErrorInfo info, Duration retryAfter) {
        super(info.withRetryable(true));
        this.retryAfter = retryAfter;
    }

    /** Returns how long the vendor asked the caller to wait, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
