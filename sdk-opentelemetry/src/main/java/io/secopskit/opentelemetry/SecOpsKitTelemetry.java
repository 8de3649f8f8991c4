package io.secopskit.opentelemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Tracer;
import io.secopskit.core.http.ClientOptions;
import io.secopskit.core.http.HttpPolicy;
import java.util.Objects;

/**
 * OpenTelemetry tracing and metrics for SecOpsKit clients. Create one per application and install it on every
 * client's options:
 *
 * <pre>{@code
 * SecOpsKitTelemetry telemetry = SecOpsKitTelemetry.create(openTelemetry);
 * SomeVendorClient client = SomeVendorClient.builder()
 *     ...
 *     .options(telemetry::install)
 *     .build();
 * }</pre>
 *
 * <p>Each call then produces an INTERNAL span named {@code <vendor>.<Operation>} (for example
 * {@code chronicle.CreateCustomer}) with one CLIENT child span per attempt, named {@code <method> <path template>}
 * and carrying the HTTP client semantic-convention attributes; a token request made during an attempt is a
 * CLIENT span under it; retries and rate-limit waits are events on the operation span. Metrics: call and
 * attempt durations, retries, throttling waits, token requests and response sizes.
 *
 * <p>Nothing recorded can carry a credential, a token, a header value, a query value, an id from the path or a
 * body: URLs are described by the operation's path template, errors by a status code or an exception class
 * name. A failing OpenTelemetry SDK or exporter never changes a call's outcome. The trace context is not sent
 * to vendors unless {@link Builder#propagateContext(boolean)} is set. Instances are immutable and thread-safe.
 */
public final class SecOpsKitTelemetry {
    private final CallSpanPolicy callPolicy;
    private final AttemptSpanPolicy attemptPolicy;
    private final TelemetryListener listener;

    private SecOpsKitTelemetry(Builder b) {
        Tracer tracer = b.openTelemetry.tracerBuilder(Keys.SCOPE).setInstrumentationVersion(Keys.VERSION).build();
        Meter meter = b.openTelemetry.meterBuilder(Keys.SCOPE).setInstrumentationVersion(Keys.VERSION).build();
        Failures failures = new Failures();
        this.callPolicy = new CallSpanPolicy(tracer, failures);
        this.attemptPolicy = new AttemptSpanPolicy(tracer,
                b.propagateContext ? b.openTelemetry.getPropagators().getTextMapPropagator() : null, failures);
        this.listener = new TelemetryListener(tracer, meter, failures);
    }

    /**
     * Creates telemetry with the default settings (no trace context sent to vendors).
     *
     * @param openTelemetry the application's OpenTelemetry (for example its SDK instance, or
     *                      {@code GlobalOpenTelemetry.get()})
     * @return the telemetry
     * @throws NullPointerException if {@code openTelemetry} is null
     */
    public static SecOpsKitTelemetry create(OpenTelemetry openTelemetry) {
        return builder(openTelemetry).build();
    }

    /**
     * Starts telemetry with non-default settings.
     *
     * @param openTelemetry the application's OpenTelemetry
     * @return a builder
     * @throws NullPointerException if {@code openTelemetry} is null
     */
    public static Builder builder(OpenTelemetry openTelemetry) {
        return new Builder(Objects.requireNonNull(openTelemetry, "openTelemetry"));
    }

    /**
     * Adds this telemetry to a client's options: a {@link HttpPolicy.Slot#PER_CALL} policy (the operation span),
     * a {@link HttpPolicy.Slot#PER_ATTEMPT} policy (the attempt spans) and a pipeline listener (metrics, events,
     * token spans). Install it once per client, before your own policies if its spans should cover them (policies
     * of one slot run in the order added, the first outermost). Usable as
     * {@code builder.options(telemetry::install)}.
     *
     * @param options the options being built
     * @return the same options builder
     * @throws NullPointerException if {@code options} is null
     */
    public ClientOptions.Builder install(ClientOptions.Builder options) {
        Objects.requireNonNull(options, "options");
        return options.addPolicy(HttpPolicy.Slot.PER_CALL, callPolicy)
                .addPolicy(HttpPolicy.Slot.PER_ATTEMPT, attemptPolicy)
                .addListener(listener);
    }

    /** Builds {@link SecOpsKitTelemetry} with non-default settings. */
    public static final class Builder {
        private final OpenTelemetry openTelemetry;
        private boolean propagateContext;

        private Builder(OpenTelemetry openTelemetry) {
            this.openTelemetry = openTelemetry;
        }

        /**
         * Sends the attempt span's context to the vendor in request headers, with the propagators of the
         * OpenTelemetry instance (W3C {@code traceparent}, and {@code baggage} if configured — baggage entries
         * then leave your network). Off by default: vendors' APIs are third-party services that do not join
         * your traces.
         *
         * @param value whether to inject the context
         * @return this builder
         */
        public Builder propagateContext(boolean value) {
            this.propagateContext = value;
            return this;
        }

        /**
         * Builds the telemetry.
         *
         * @return the telemetry
         */
        public SecOpsKitTelemetry build() {
            return new SecOpsKitTelemetry(this);
        }
    }
}
