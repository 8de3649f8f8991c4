package io.secopskit.core.http;

import io.secopskit.core.internal.Checks;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How failed attempts are repeated. Only idempotent operations, or operations whose
 * {@link RetryCondition} says the vendor documents the failure as safe, are ever retried.
 *
 * <p>A {@code Retry-After} header on 429 and 503 answers (seconds or HTTP date) sets the delay, capped
 * by {@link #maxRetryAfter()} (a longer or unreadable value is clamped to it and logged as a warning:
 * no server can make a client wait longer); otherwise the delay is exponential backoff with full
 * jitter: a random duration between zero and {@code min(maxBackoff, initialBackoff * 2^(attempt-1))}.
 * Retrying stops after {@link #maxAttempts()} attempts, or when the next wait would end past the call's
 * {@link ClientOptions#totalTimeout() total timeout}. Immutable.
 */
public final class RetryPolicy {
    private static final Set<Integer> DEFAULT_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxRetryAfter;
    private final Set<Integer> retryableStatuses;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.maxRetryAfter = b.maxRetryAfter;
        this.retryableStatuses = Set.copyOf(b.retryableStatuses);
    }

    /**
     * Returns the default policy: 3 attempts, 250 ms initial backoff, 8 s maximum backoff,
     * {@code Retry-After} honoured up to 60 s, statuses 408, 429, 500, 502, 503 and 504.
     *
     * @return the default policy
     */
    public static RetryPolicy defaults() {
        return builder().build();
    }

    /**
     * Returns a policy that never retries.
     *
     * @return a single-attempt policy
     */
    public static RetryPolicy none() {
        return builder().maxAttempts(1).build();
    }

    /**
     * Starts a builder holding the default values.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the maximum number of attempts, including the first. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** Returns the backoff ceiling for the first retry. */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** Returns the largest backoff ceiling. */
    public Duration maxBackoff() {
        return maxBackoff;
    }


    /** Returns the largest {@code Retry-After} delay honoured; a longer one ends retrying. */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /** Returns the HTTP statuses treated as transient for idempotent operations. */
    public Set<Integer> retryableStatuses() {
        return retryableStatuses;
    }

    /**
     * Returns a builder initialised from this policy.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxAttempts = maxAttempts;
        b.initialBackoff = initialBackoff;
        b.maxBackoff = maxBackoff;
        b.maxRetryAfter = maxRetryAfter;
        b.retryableStatuses = retryableStatuses;
        return b;
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff
                + ", maxBackoff=" + maxBackoff
                + ", maxRetryAfter=" + maxRetryAfter + ", retryableStatuses=" + retryableStatuses + '}';
    }

    /** Builds a {@link RetryPolicy}. */
    public static final class Builder {
        private int maxAttempts = 3;
        private Duration initialBackoff = Duration.ofMillis(250);
        private Duration maxBackoff = Duration.ofSeconds(8);
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private Set<Integer> retryableStatuses = DEFAULT_STATUSES;

        private Builder() {
        }

        /**
         * Sets the maximum number of attempts, including the first.
         *
         * @param value at least 1
         * @return this builder
         */
        public Builder maxAttempts(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1: " + value);
            }
            this.maxAttempts = value;
            return this;
        }

        /**
         * Sets the backoff ceiling for the first retry.
         *
         * @param value positive duration
         * @return this builder
         */
        public Builder initialBackoff(Duration value) {
            this.initialBackoff = Checks.positive(value, "initialBackoff");
            return this;
        }

        /**
         * Sets the largest backoff ceiling.
         *
         * @param value positive duration
         * @return this builder
         */
        public Builder maxBackoff(Duration value) {
            this.maxBackoff = Checks.positive(value, "maxBackoff");
            return this;
        }


        /**
         * Sets the longest {@code Retry-After} the client waits for; a longer one surfaces the error.
         *
         * @param value positive duration
         * @return this builder
         */
        public Builder maxRetryAfter(Duration value) {
            this.maxRetryAfter = Checks.positive(value, "maxRetryAfter");
            return this;
        }

        /**
         * Sets the HTTP statuses treated as transient for idempotent operations.
         *
         * @param statuses the statuses
         * @return this builder
         */
        public Builder retryableStatuses(Set<Integer> statuses) {
            this.retryableStatuses = Set.copyOf(Objects.requireNonNull(statuses, "statuses"));
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the policy
         */
        public RetryPolicy build() {
            return new RetryPolicy(this);
        }
    }
}
