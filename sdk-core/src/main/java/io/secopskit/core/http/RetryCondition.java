package io.secopskit.core.http;

/**
 * Decides whether a failed attempt of a <em>non-idempotent</em> operation may be repeated because the
 * vendor documents the failure as safe to retry (for example Chronicle's "customer creation failed,
 * creation may be retried by rerunning with the same parameters"). Idempotent operations are retried
 * on transient failures without consulting a condition.
 */
@FunctionalInterface
public interface RetryCondition {
    /** Never retries. The default for non-idempotent operations. */
    RetryCondition NEVER = (status, body) -> false;

    /**
     * Returns whether the attempt that got this response may be repeated with the same request.
     *
     * @param httpStatus the HTTP status of the failed attempt
     * @param body       the start of the response body (at most 64 KiB), never null
     * @return true when the vendor documents this failure as safe to retry
     */
    boolean isRetrySafe(int httpStatus, String body);
}
