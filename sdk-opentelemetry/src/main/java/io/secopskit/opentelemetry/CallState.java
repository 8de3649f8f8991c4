package io.secopskit.opentelemetry;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.ContextKey;
import io.secopskit.core.http.Operation;

/**
 * What the per-call policy puts in the OpenTelemetry context while a call runs: its operation span, for the
 * listener's retry and throttle events, and the number of attempts, which the per-attempt policy updates.
 * Everything runs on the calling thread.
 */
final class CallState {
    /** The context key. */
    static final ContextKey<CallState> KEY = ContextKey.named("io.secopskit.opentelemetry.call");

    final Operation operation;
    final Span span;
    int attempts;

    CallState(Operation operation, Span span) {
        this.operation = operation;
        this.span = span;
    }
}
