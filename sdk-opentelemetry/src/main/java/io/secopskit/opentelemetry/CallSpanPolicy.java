package io.secopskit.opentelemetry;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.secopskit.core.http.HttpPolicy;
import io.secopskit.core.http.HttpRequest;
import io.secopskit.core.http.HttpResponse;
import io.secopskit.core.http.Operation;

/**
 * The per-call policy: one INTERNAL span per operation call, named {@code <vendor>.<Operation>}, current
 * while the retry and rate-limit steps and every attempt run, so the attempt spans become its children.
 * A telemetry failure never changes the call: the request goes on unchanged and exceptions from the
 * pipeline pass through as they are.
 */
final class CallSpanPolicy implements HttpPolicy {
    private final Tracer tracer;
    private final Failures failures;

    CallSpanPolicy(Tracer tracer, Failures failures) {
        this.tracer = tracer;
        this.failures = failures;
    }

    @Override
    public HttpResponse process(HttpRequest request, Next next) {
        CallState state = start(request);
        if (state == null) {
            return next.proceed(request);
        }
        Scope scope = enter(state);
        HttpResponse response;
        try {
            response = next.proceed(request);
        } catch (Throwable failure) {
            leave(scope);
            endFailed(state, failure);
            throw failure;
        }
        leave(scope);
        endAnswered(state, response);
        return response;
    }

    private CallState start(HttpRequest request) {
        try {
            Operation op = request.operation();
            Span span = tracer.spanBuilder(op.qualifiedName())
                    .setSpanKind(SpanKind.INTERNAL)
                    .setAttribute(Keys.VENDOR, op.vendor())
                    .setAttribute(Keys.OPERATION, op.name())
                    .setAttribute(Keys.HTTP_REQUEST_METHOD, Keys.method(request.method()))
                    .setAttribute(Keys.SERVER_ADDRESS, request.host())
                    .setAttribute(Keys.URL_TEMPLATE, op.pathTemplate())
                    .startSpan();
            return new CallState(op, span);
        } catch (RuntimeException e) {
            failures.note("starting an operation span", e);
            return null;
        }
    }

    private Scope enter(CallState state) {
        try {
            return Context.current().with(state.span).with(CallState.KEY, state).makeCurrent();
        } catch (RuntimeException e) {
            failures.note("making an operation span current", e);
            return null;
        }
    }

    private void leave(Scope scope) {
        if (scope == null) {
            return;
        }
        try {
            scope.close();
        } catch (RuntimeException e) {
            failures.note("closing an operation span's scope", e);
        }
    }

    private void endAnswered(CallState state, HttpResponse response) {
        try {
            Span span = state.span;
            int status = response.status();
            span.setAttribute(Keys.ATTEMPT_COUNT, state.attempts);
            span.setAttribute(Keys.HTTP_RESPONSE_STATUS_CODE, status);
            if (status >= 400) {
                span.setAttribute(Keys.ERROR_TYPE, Integer.toString(status));
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
        } catch (RuntimeException e) {
            failures.note("ending an operation span", e);
        }
    }

    private void endFailed(CallState state, Throwable failure) {
        try {
            Span span = state.span;
            span.setAttribute(Keys.ATTEMPT_COUNT, state.attempts);
            int status = ErrorTypes.statusOf(failure);
            if (status > 0) {
                span.setAttribute(Keys.HTTP_RESPONSE_STATUS_CODE, status);
            }
            span.setAttribute(Keys.ERROR_TYPE, ErrorTypes.ofCall(failure));
            span.setStatus(StatusCode.ERROR);
            span.end();
        } catch (RuntimeException e) {
            failures.note("ending an operation span", e);
        }
    }
}
