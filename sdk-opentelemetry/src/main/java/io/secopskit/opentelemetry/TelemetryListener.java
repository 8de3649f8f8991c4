package io.secopskit.opentelemetry;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.secopskit.core.http.Operation;
import io.secopskit.core.http.PipelineListener;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The listener side: every metric, the retry and throttle events on the operation span, and a span per token
 * request. Reads only what the pipeline hands listeners (operation, host, statuses, durations, exception
 * classes, rate-limit keys); a telemetry failure is noted once and never reaches the call.
 */
final class TelemetryListener implements PipelineListener {
    private static final int MAX_CACHED_CALLS = 1024;

    private final Tracer tracer;
    private final Failures failures;
    private final DoubleHistogram callDuration;
    private final DoubleHistogram requestDuration;
    private final LongCounter retries;
    private final LongCounter throttleWaits;
    private final DoubleHistogram throttleWaitDuration;
    private final LongCounter tokenRefreshes;
    private final DoubleHistogram tokenRefreshDuration;
    private final LongHistogram responseBodySize;
    private final ThreadLocal<Span> tokenSpan = new ThreadLocal<>();
    private final ConcurrentMap<CallInfo, Attributes> callAttributes = new ConcurrentHashMap<>();

    TelemetryListener(Tracer tracer, Meter meter, Failures failures) {
        this.tracer = tracer;
        this.failures = failures;
        this.callDuration = meter.histogramBuilder(Keys.CALL_DURATION).setUnit("s")
                .setDescription("Duration of SecOpsKit operation calls, retries and rate-limit waits included.")
                .setExplicitBucketBoundariesAdvice(Keys.WAIT_BUCKETS).build();
        this.requestDuration = meter.histogramBuilder(Keys.REQUEST_DURATION).setUnit("s")
                .setDescription("Duration of HTTP client requests (one per attempt).")
                .setExplicitBucketBoundariesAdvice(Keys.REQUEST_BUCKETS).build();
        this.retries = meter.counterBuilder(Keys.RETRIES).setUnit("{retry}")
                .setDescription("Attempts the retry step scheduled after a failed attempt.").build();
        this.throttleWaits = meter.counterBuilder(Keys.THROTTLE_WAITS).setUnit("{wait}")
                .setDescription("Times a call waited for a client-side rate-limit permit.").build();
        this.throttleWaitDuration = meter.histogramBuilder(Keys.THROTTLE_WAIT_DURATION).setUnit("s")
                .setDescription("How long calls waited for a client-side rate-limit permit.")
                .setExplicitBucketBoundariesAdvice(Keys.WAIT_BUCKETS).build();
        this.tokenRefreshes = meter.counterBuilder(Keys.TOKEN_REFRESHES).setUnit("{refresh}")
                .setDescription("Token requests, by outcome.").build();
        this.tokenRefreshDuration = meter.histogramBuilder(Keys.TOKEN_REFRESH_DURATION).setUnit("s")
                .setDescription("Duration of token requests.")
                .setExplicitBucketBoundariesAdvice(Keys.WAIT_BUCKETS).build();
        this.responseBodySize = meter.histogramBuilder(Keys.RESPONSE_BODY_SIZE).ofLongs().setUnit("By")
                .setDescription("Size of the response bodies calls read.")
                .setExplicitBucketBoundariesAdvice(Keys.SIZE_BUCKETS).build();
    }

    @Override
    public void callFinished(CallInfo call, int status, RuntimeException error, Duration duration) {
        try {
            AttributesBuilder b = base(call).toBuilder();
            if (status > 0) {
                b.put(Keys.HTTP_RESPONSE_STATUS_CODE, status);
            }
            if (error != null) {
                b.put(Keys.ERROR_TYPE, ErrorTypes.ofCall(error));
            }
            callDuration.record(seconds(duration), b.build());
        } catch (RuntimeException e) {
            failures.note("recording a call", e);
        }
    }

    @Override
    public void attemptFinished(CallInfo call, int attempt, int status, Throwable error, Duration duration) {
        try {
            AttributesBuilder b = base(call).toBuilder().put(Keys.URL_TEMPLATE, call.operation().pathTemplate());
            if (status > 0) {
                b.put(Keys.HTTP_RESPONSE_STATUS_CODE, status);
            }
            String errorType = ErrorTypes.ofExchange(status, error);
            if (errorType != null) {
                b.put(Keys.ERROR_TYPE, errorType);
            }
            requestDuration.record(seconds(duration), b.build());
        } catch (RuntimeException e) {
            failures.note("recording an attempt", e);
        }
    }

    @Override
    public void retryScheduled(CallInfo call, int nextAttempt, Duration delay, String reason) {
        try {
            String why = ErrorTypes.reason(reason);
            retries.add(1, base(call).toBuilder().put(Keys.RETRY_REASON, why).build());
            Span span = operationSpan(call);
            if (span != null) {
                span.addEvent(Keys.EVENT_RETRY, Attributes.of(Keys.ATTEMPT, (long) nextAttempt,
                        Keys.RETRY_DELAY, seconds(delay), Keys.RETRY_REASON, why));
            }
        } catch (RuntimeException e) {
            failures.note("recording a retry", e);
        }
    }

    @Override
    public void throttled(CallInfo call, String limitKey, Duration wait) {
        try {
            Attributes attributes = base(call).toBuilder().put(Keys.RATE_LIMIT_KEY, limitKey).build();
            throttleWaits.add(1, attributes);
            throttleWaitDuration.record(seconds(wait), attributes);
            Span span = operationSpan(call);
            if (span != null) {
                span.addEvent(Keys.EVENT_THROTTLE, Attributes.of(Keys.RATE_LIMIT_KEY, limitKey,
                        Keys.THROTTLE_WAIT, seconds(wait)));
            }
        } catch (RuntimeException e) {
            failures.note("recording a throttle wait", e);
        }
    }

    @Override
    public void tokenRefreshStarted(String vendor, String host) {
        try {
            tokenSpan.set(tracer.spanBuilder(vendor + ".token")
                    .setSpanKind(SpanKind.CLIENT)
                    .setAttribute(Keys.VENDOR, vendor)
                    .setAttribute(Keys.SERVER_ADDRESS, host)
                    .startSpan());
        } catch (RuntimeException e) {
            failures.note("starting a token span", e);
        }
    }

    @Override
    public void tokenRefreshFinished(String vendor, String host, Duration duration, RuntimeException error) {
        Span span = tokenSpan.get();
        tokenSpan.remove();
        int status = ErrorTypes.statusOf(error);
        String errorType = error == null ? null : ErrorTypes.ofExchange(status, error);
        try {
            AttributesBuilder b = Attributes.builder().put(Keys.VENDOR, vendor).put(Keys.SERVER_ADDRESS, host)
                    .put(Keys.TOKEN_OUTCOME, error == null ? "success" : "failure");
            if (errorType != null) {
                b.put(Keys.ERROR_TYPE, errorType);
            }
            Attributes attributes = b.build();
            tokenRefreshes.add(1, attributes);
            tokenRefreshDuration.record(seconds(duration), attributes);
        } catch (RuntimeException e) {
            failures.note("recording a token request", e);
        }
        if (span == null) {
            return;
        }
        try {
            if (error != null) {
                if (status > 0) {
                    span.setAttribute(Keys.HTTP_RESPONSE_STATUS_CODE, status);
                }
                span.setAttribute(Keys.ERROR_TYPE, errorType);
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
        } catch (RuntimeException e) {
            failures.note("ending a token span", e);
        }
    }

    @Override
    public void responseRead(CallInfo call, long bytes) {
        try {
            responseBodySize.record(bytes, base(call));
        } catch (RuntimeException e) {
            failures.note("recording a response size", e);
        }
    }

    /** The operation span of this call, when the per-call policy made one current. */
    private static Span operationSpan(CallInfo call) {
        CallState state = Context.current().get(CallState.KEY);
        return state != null && state.operation.equals(call.operation()) ? state.span : null;
    }

    /** Vendor, operation, method, host and port: the attributes every call metric carries. */
    private Attributes base(CallInfo call) {
        Attributes cached = callAttributes.get(call);
        if (cached != null) {
            return cached;
        }
        Operation op = call.operation();
        Attributes attributes = Attributes.of(Keys.VENDOR, op.vendor(), Keys.OPERATION, op.name(),
                Keys.HTTP_REQUEST_METHOD, Keys.method(op.method()), Keys.SERVER_ADDRESS, call.host(),
                Keys.SERVER_PORT, (long) call.port());
        if (callAttributes.size() < MAX_CACHED_CALLS) {
            callAttributes.putIfAbsent(call, attributes);
        }
        return attributes;
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
