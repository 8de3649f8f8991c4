package io.secopskit.core.http;

import java.time.Duration;

/**
 * Observes a client's pipeline, read-only: calls, attempts, retries, throttling waits, token refreshes and
 * response sizes. Never given credentials, tokens, bodies or query values. Every method has an empty
 * default; implement the ones you need. Methods run on the calling thread and must be fast and
 * thread-safe; an exception thrown by a listener is logged and ignored.
 *
 * <p>Telemetry (the optional OpenTelemetry module) and onboarding progress build on it.
 */
public interface PipelineListener {
    /**
     * A call started (before rate limits and retries).
     *
     * @param call the call
     */
    default void callStarted(CallInfo call) {
    }

    /**
     * A call ended.
     *
     * @param call     the call
     * @param status   the final HTTP status, or 0 when no answer arrived
     * @param error    the exception the caller receives, or null on success
     * @param duration the call's duration, waits included
     */
    default void callFinished(CallInfo call, int status, RuntimeException error, Duration duration) {
    }

    /**
     * An attempt is about to be sent.
     *
     * @param call    the call
     * @param attempt the attempt number, from 1
     */
    default void attemptStarted(CallInfo call, int attempt) {
    }

    /**
     * An attempt ended.
     *
     * @param call     the call
     * @param attempt  the attempt number, from 1
     * @param status   the HTTP status, or 0 when no answer arrived
     * @param error    the transport failure, or null when an answer arrived
     * @param duration the attempt's duration
     */
    default void attemptFinished(CallInfo call, int attempt, int status, Throwable error, Duration duration) {
    }

    /**
     * The retry step will repeat the call after a wait.
     *
     * @param call        the call
     * @param nextAttempt the number of the coming attempt
     * @param delay       the wait before it
     * @param reason      why ({@code "HTTP 503"}, {@code "SocketTimeoutException"}, …)
     */
    default void retryScheduled(CallInfo call, int nextAttempt, Duration delay, String reason) {
    }

    /**
     * A call waits for a rate-limit permit (or for a vendor's hold to end).
     *
     * @param call     the call
     * @param limitKey the limit's key
     * @param wait     how long it waits
     */
    default void throttled(CallInfo call, String limitKey, Duration wait) {
    }

    /**
     * A token request starts.
     *
     * @param vendor the vendor id
     * @param host   the token endpoint's host
     */
    default void tokenRefreshStarted(String vendor, String host) {
    }

    /**
     * A token request ended.
     *
     * @param vendor   the vendor id
     * @param host     the token endpoint's host
     * @param duration how long it took
     * @param error    the failure, or null when a token was issued
     */
    default void tokenRefreshFinished(String vendor, String host, Duration duration, RuntimeException error) {
    }

    /**
     * A response body was read.
     *
     * @param call  the call
     * @param bytes the body's size in bytes
     */
    default void responseRead(CallInfo call, long bytes) {
    }

    /**
     * One call of an operation, as listeners see it.
     *
     * @param operation the operation (vendor, name, method, path template)
     * @param host      the host it is sent to
     * @param port      the port it is sent to
     */
    record CallInfo(Operation operation, String host, int port) {
    }
}
