package io.secopskit.core.http;

/**
 * A user-supplied step of a client's pipeline, placed in one of two {@link Slot}s around the fixed steps:
 *
 * <pre>
 *   user agent → [PER_CALL policies] → retry → rate limit → [PER_ATTEMPT policies] → auth → logging → network
 * </pre>
 *
 * <ul>
 *   <li>{@link Slot#PER_CALL}: runs once per call, around every attempt, wait and repeat; sees the
 *       final answer (or the final exception). Good for a span per operation or a per-call header.</li>
 *   <li>{@link Slot#PER_ATTEMPT}: runs once per send, after the retry and rate-limit steps, before the auth
 *       step; {@link HttpRequest#attempt()} says which attempt. Good for a span per attempt.</li>
 * </ul>
 * Neither slot ever sees credentials (they are added after both) or bodies. A policy calls
 * {@link Next#proceed} exactly once and returns what it returned (it may add headers to the request
 * first); calling it twice, or returning another response, fails the call with
 * {@link IllegalStateException} — a policy can never make the SDK send a request twice. Exceptions from
 * later steps pass through the policy unchanged. Policies must be thread-safe.
 */
@FunctionalInterface
public interface HttpPolicy {
    /** Where a policy runs in the pipeline. */
    enum Slot {
        /** Once per call, before the retry step. */
        PER_CALL,
        /** Once per attempt, after the retry and rate-limit steps and before the auth step. */
        PER_ATTEMPT
    }

    /**
     * Processes one pass through the slot.
     *
     * @param request the request (no credentials, no body)
     * @param next    the rest of the pipeline
     * @return the answer {@code next} returned
     */
    HttpResponse process(HttpRequest request, Next next);

    /** The rest of the pipeline after a policy. */
    @FunctionalInterface
    interface Next {
        /**
         * Sends the request through the remaining steps. Call it exactly once.
         *
         * @param request the request to send (the one given to the policy, or a copy with added headers)
         * @return the answer
         * @throws io.secopskit.core.error.SecOpsException when a later step or the vendor fails the call
         */
        HttpResponse proceed(HttpRequest request);
    }
}
