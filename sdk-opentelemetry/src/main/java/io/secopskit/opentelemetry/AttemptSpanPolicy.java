package io.secopskit.opentelemetry;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.secopskit.core.http.HttpPolicy;
import io.secopskit.core.http.HttpRequest;
import io.secopskit.core.http.HttpResponse;
import io.secopskit.core.http.Operation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The per-attempt policy: one CLIENT span per send, following the HTTP client semantic conventions, named
 * {@code <method> <path template>}. It runs before the auth step, so it never sees credentials; it records
 * the operation's path template, never the URL (which carries ids and query values). The span ends when
 * the answer's headers are in; the body is read afterwards, inside the operation span. With propagation
 * on, the attempt's context is injected into the request headers with the configured propagators.
 */
final class AttemptSpanPolicy implements HttpPolicy {
    private final Tracer tracer;
    private final TextMapPropagator propagator;
    private final Failures failures;

    AttemptSpanPolicy(Tracer tracer, TextMapPropagator propagator, Failures failures) {
        this.tracer = tracer;
        this.propagator = propagator;
        this.failures = failures;
    }

    @Override
    public HttpResponse process(HttpRequest request, Next next) {
        Context parent = Context.current();
        countAttempt(parent, request);
        Span span = start(request, parent);
        if (span == null) {
            return next.proceed(request);
        }
        Context context = withSpan(parent, span);
        HttpRequest outgoing = propagator == null || context == null ? request : inject(request, context);
        Scope scope = context == null ? null : enter(context);
        HttpResponse response;
        try {
            response = next.proceed(outgoing);
        } catch (Throwable failure) {
            leave(scope);
            endFailed(span, failure);
            throw failure;
        }
        leave(scope);
        endAnswered(span, response);
        return response;
    }

    private void countAttempt(Context parent, HttpRequest request) {
        try {
            CallState call = parent.get(CallState.KEY);
            if (call != null && call.operation.equals(request.operation())) {
                call.attempts = Math.max(call.attempts, request.attempt());
            }
        } catch (RuntimeException e) {
            failures.note("counting an attempt", e);
        }
    }

    private Span start(HttpRequest request, Context parent) {
        try {
            Operation op = request.operation();
            String method = Keys.method(request.method());
            int attempt = request.attempt();
            SpanBuilder builder = tracer.spanBuilder(("_OTHER".equals(method) ? "HTTP" : method) + " " + op.pathTemplate())
                    .setParent(parent)
                    .setSpanKind(SpanKind.CLIENT)
                    .setAttribute(Keys.HTTP_REQUEST_METHOD, method)
                    .setAttribute(Keys.SERVER_ADDRESS, request.host())
                    .setAttribute(Keys.URL_TEMPLATE, op.pathTemplate())
                    .setAttribute(Keys.VENDOR, op.vendor())
                    .setAttribute(Keys.OPERATION, op.name())
                    .setAttribute(Keys.ATTEMPT, attempt);
            int port = port(request.url());
            if (port > 0) {
                builder.setAttribute(Keys.SERVER_PORT, port);
            }
            if (attempt > 1) {
                builder.setAttribute(Keys.HTTP_REQUEST_RESEND_COUNT, attempt - 1);
            }
            return builder.startSpan();
        } catch (RuntimeException e) {
            failures.note("starting an attempt span", e);
            return null;
        }
    }

    private Context withSpan(Context parent, Span span) {
        try {
            return parent.with(span);
        } catch (RuntimeException e) {
            failures.note("making an attempt span current", e);
            return null;
        }
    }

    private HttpRequest inject(HttpRequest request, Context context) {
        try {
            Map<String, String> headers = new LinkedHashMap<>();
            propagator.inject(context, headers, Map::put);
            HttpRequest out = request;
            for (Map.Entry<String, String> h : headers.entrySet()) {
                out = out.withHeader(h.getKey(), h.getValue());
            }
            return out;
        } catch (RuntimeException e) {
            failures.note("injecting the trace context", e);
            return request;
        }
    }

    private Scope enter(Context context) {
        try {
            return context.makeCurrent();
        } catch (RuntimeException e) {
            failures.note("making an attempt span current", e);
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
            failures.note("closing an attempt span's scope", e);
        }
    }

    private void endAnswered(Span span, HttpResponse response) {
        try {
            int status = response.status();
            span.setAttribute(Keys.HTTP_RESPONSE_STATUS_CODE, status);
            String errorType = ErrorTypes.ofExchange(status, null);
            if (errorType != null) {
                span.setAttribute(Keys.ERROR_TYPE, errorType);
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
        } catch (RuntimeException e) {
            failures.note("ending an attempt span", e);
        }
    }

    private void endFailed(Span span, Throwable failure) {
        try {
            span.setAttribute(Keys.ERROR_TYPE, ErrorTypes.ofExchange(0, failure));
            span.setStatus(StatusCode.ERROR);
            span.end();
        } catch (RuntimeException e) {
            failures.note("ending an attempt span", e);
        }
    }

    /**
     * Reads the port of an absolute http(s) URL without keeping anything else of it: the explicit port, or the
     * scheme's default.
     *
     * @param url the URL
     * @return the port, or -1 when it cannot be told
     */
    static int port(String url) {
        int schemeEnd = url.indexOf("://");
        if (schemeEnd <= 0) {
            return -1;
        }
        int start = schemeEnd + 3;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        int at = url.lastIndexOf('@', end - 1);
        int hostStart = at >= start ? at + 1 : start;
        int bracket = url.lastIndexOf(']', end - 1);
        int colon = url.lastIndexOf(':', end - 1);
        if (colon >= hostStart && colon > bracket && colon + 1 < end) {
            int port = 0;
            for (int i = colon + 1; i < end; i++) {
                char c = url.charAt(i);
                if (c < '0' || c > '9' || port > 65_535) {
                    return -1;
                }
                port = port * 10 + (c - '0');
            }
            return port >= 1 && port <= 65_535 ? port : -1;
        }
        String scheme = url.substring(0, schemeEnd);
        if (scheme.equalsIgnoreCase("https")) {
            return 443;
        }
        return scheme.equalsIgnoreCase("http") ? 80 : -1;
    }
}
