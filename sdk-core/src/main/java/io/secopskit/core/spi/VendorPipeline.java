package io.secopskit.core.spi;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.secopskit.core.Beta;
import io.secopskit.core.auth.AuthStrategy;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.http.ClientOptions;
import io.secopskit.core.http.Operation;
import io.secopskit.core.http.RateLimit;
import io.secopskit.core.internal.http.PipelineAssembly;
import io.secopskit.core.internal.http.RequestEncoder;
import io.secopskit.core.internal.http.ResponseReader;
import io.secopskit.core.internal.json.Json;
import java.net.URI;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * The HTTP pipeline of one vendor client, for SecOpsKit vendor modules: requests described by
 * {@link ApiRequest}s go through a fixed order of steps,
 *
 * <pre>
 *   user agent → [PER_CALL policies] → retry → rate limit → [PER_ATTEMPT policies] → auth → logging → network
 * </pre>
 *
 * and come back as typed values or typed {@link io.secopskit.core.error.SecOpsException}s. A request of an
 * operation that is not idempotent reaches the server at most once (its body is one-shot and every
 * network send needs a fresh permit that only the retry step and the 401 replay hand out); it is repeated
 * only when its {@link io.secopskit.core.http.RetryCondition} says the vendor documents the failure as
 * safe. Immutable and thread-safe; {@link #close()} releases the connection pool it owns.
 */
@Beta
public final class VendorPipeline implements AutoCloseable {
    private final String vendor;
    private final ClientOptions options;
    private final RequestEncoder encoder;
    private final PipelineAssembly engine;

    private VendorPipeline(Builder b) {
        this.vendor = b.vendor;
        this.options = b.options;
        HttpUrl defaultHost = HttpUrl.get(PipelineAssembly.checkEndpoint(vendor, "endpoint", b.endpoint).toString());
        Map<String, HttpUrl> hosts = new LinkedHashMap<>();
        b.hosts.forEach((k, v) -> hosts.put(k, HttpUrl.get(PipelineAssembly.checkEndpoint(vendor, k + "Endpoint", v).toString())));
        Map<String, RateLimit> limits = new LinkedHashMap<>(b.defaultLimits);
        limits.putAll(options.rateLimits());
        options.disabledRateLimits().forEach(limits::remove);
        Set<String> secretFields = new HashSet<>(options.secretJsonFields());
        secretFields.addAll(b.secretJsonFields);
        this.engine = new PipelineAssembly(vendor, options, b.auth, limits, b.errorDecoder, b.holdAllOnRateLimit,
                b.requestIdHeaders, secretFields, b.transport);
        this.encoder = new RequestEncoder(vendor, defaultHost, hosts, engine.userAgent());
    }

    /**
     * Starts a pipeline for a vendor.
     *
     * @param vendor vendor id
     * @return a builder
     */
    public static Builder builder(String vendor) {
        return new Builder(vendor);
    }

    /** Returns the vendor id. */
    public String vendor() {
        return vendor;
    }

    /** Returns the options the pipeline was built with. */
    public ClientOptions options() {
        return options;
    }

    /** Returns the shared JSON mapper (never reconfigure it). */
    public ObjectMapper mapper() {
        return Json.mapper();
    }

    /** Returns the client's clock. */
    public Clock clock() {
        return options.clock();
    }

    /**
     * Returns the host an operation is sent to.
     *
     * @param op the operation
     * @return the host name
     */
    public String host(Operation op) {
        return encoder.base(op).host();
    }

    /**
     * Sends a request and streams the JSON body into {@code type}.
     *
     * @param request the request
     * @param type    the result type
     * @param <T>     result type
     * @return the parsed body, never null
     * @throws io.secopskit.core.error.SecOpsException for any failure
     */
    public <T> T call(ApiRequest request, Class<T> type) {
        return call(request, Json.mapper().constructType(type));
    }

    /**
     * Sends a request and streams the JSON body into a generic type.
     *
     * @param request the request
     * @param type    the result type
     * @param <T>     result type
     * @return the parsed body, never null
     */
    public <T> T call(ApiRequest request, TypeReference<T> type) {
        return call(request, Json.mapper().constructType(type));
    }

    /**
     * Sends a request and streams the JSON body into a Jackson type.
     *
     * @param request the request
     * @param type    the result type
     * @param <T>     result type
     * @return the parsed body, never null
     */
    public <T> T call(ApiRequest request, JavaType type) {
        return engine.call(encoder.encode(request), type);
    }

    /**
     * Sends a request and returns the successful answer with its body read (within the size limit).
     *
     * @param request the request
     * @return the 2xx answer
     * @throws io.secopskit.core.error.SecOpsException for any non-2xx answer, transport failure or refusal
     */
    public ApiResponse execute(ApiRequest request) {
        return engine.execute(encoder.encode(request));
    }

    /**
     * Resolves the URL a request goes to (for logs and tests; never put it in telemetry).
     *
     * @param request the request
     * @return the URL
     */
    public URI url(ApiRequest request) {
        return encoder.url(request).uri();
    }

    /**
     * The typed error for a successful answer that lacks a field it must carry.
     *
     * @param op    the operation
     * @param field the field
     * @return the exception to throw ({@code ServerException}, code {@code MISSING_FIELD})
     */
    public ServerException missingField(Operation op, String field) {
        return ResponseReader.missingField(op, host(op), 0, null, field);
    }

    /**
     * The typed error for a successful answer the vendor module cannot read.
     *
     * @param op     the operation
     * @param detail what is wrong (never a body value)
     * @param cause  the cause, or null
     * @return the exception to throw ({@code ServerException}, code {@code UNREADABLE_BODY})
     */
    public ServerException unreadable(Operation op, String detail, Throwable cause) {
        return ResponseReader.error(op, host(op), 0, null, "UNREADABLE_BODY", detail, cause);
    }

    /**
     * Releases the connection pool and dispatcher the pipeline owns (nothing when the OkHttp client was
     * donated through {@link ClientOptions.Builder#httpClient}); later calls fail with
     * {@link IllegalStateException}. Idempotent.
     */
    @Override
    public void close() {
        engine.close();
    }

    /** Builds a {@link VendorPipeline}. */
    public static final class Builder {
        private final String vendor;
        private URI endpoint;
        private final Map<String, URI> hosts = new LinkedHashMap<>();
        private AuthStrategy auth;
        private ClientOptions options = ClientOptions.defaults();
        private final Map<String, RateLimit> defaultLimits = new LinkedHashMap<>();
        private ErrorDecoder errorDecoder = StandardErrorDecoder.INSTANCE;
        private boolean holdAllOnRateLimit;
        private List<String> requestIdHeaders = PipelineAssembly.DEFAULT_REQUEST_ID_HEADERS;
        private final Set<String> secretJsonFields = new HashSet<>();
        private Object transport;

        private Builder(String vendor) {
            this.vendor = Objects.requireNonNull(vendor, "vendor");
        }

        /**
         * Sets the default host (and optional base path) every operation is sent to.
         *
         * @param value the endpoint
         * @return this builder
         */
        public Builder endpoint(URI value) {
            this.endpoint = value;
            return this;
        }

        /**
         * Adds a named host for operations that declare {@link Operation#host()}.
         *
         * @param kind  host kind name
         * @param value the endpoint
         * @return this builder
         */
        public Builder host(String kind, URI value) {
            this.hosts.put(kind, value);
            return this;
        }

        /**
         * Sets the auth strategy (none: unauthenticated).
         *
         * @param value the strategy
         * @return this builder
         */
        public Builder auth(AuthStrategy value) {
            this.auth = value;
            return this;
        }

        /**
         * Sets the client options.
         *
         * @param value the options
         * @return this builder
         */
        public Builder options(ClientOptions value) {
            this.options = Objects.requireNonNull(value, "options");
            return this;
        }

        /**
         * Adds a vendor-documented rate limit; {@link ClientOptions} may replace or disable it.
         *
         * @param limit the limit
         * @return this builder
         */
        public Builder defaultRateLimit(RateLimit limit) {
            this.defaultLimits.put(limit.key(), limit);
            return this;
        }

        /**
         * Sets the vendor's error decoder.
         *
         * @param value the decoder
         * @return this builder
         */
        public Builder errorDecoder(ErrorDecoder value) {
            this.errorDecoder = Objects.requireNonNull(value, "errorDecoder");
            return this;
        }

        /**
         * Makes a 429 with {@code Retry-After} hold every call of the client until then (capped by the
         * retry policy's {@code maxRetryAfter}); calls during the hold fail at once with
         * {@code RateLimitedException} and nothing is sent.
         *
         * @param value whether to hold
         * @return this builder
         */
        public Builder holdAllOnRateLimit(boolean value) {
            this.holdAllOnRateLimit = value;
            return this;
        }

        /**
         * Sets the response headers that carry the vendor request id, in order of preference.
         *
         * @param names header names
         * @return this builder
         */
        public Builder requestIdHeaders(String... names) {
            this.requestIdHeaders = List.of(names);
            return this;
        }

        /**
         * Adds vendor-specific JSON fields whose values are masked in logs.
         *
         * @param names field names
         * @return this builder
         */
        public Builder secretJsonFields(String... names) {
            this.secretJsonFields.addAll(List.of(names));
            return this;
        }

        /**
         * Puts an OkHttp interceptor innermost that may answer instead of the network. For the benchmarks
         * that measure client-side cost only; never set in production clients.
         *
         * @param value an {@code okhttp3.Interceptor}
         * @return this builder
         */
        public Builder transport(Object value) {
            this.transport = value;
            return this;
        }

        /**
         * Builds the pipeline.
         *
         * @return the pipeline
         * @throws io.secopskit.core.error.ConfigurationException if an endpoint is missing or not acceptable
         */
        public VendorPipeline build() {
            return new VendorPipeline(this);
        }
    }
}
