package io.secopskit.core.internal.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.secopskit.core.Secret;
import io.secopskit.core.auth.AuthContext;
import io.secopskit.core.auth.AuthStrategy;
import io.secopskit.core.auth.TokenEndpointResponse;
import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.SecOpsException;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.error.TransportException;
import io.secopskit.core.http.ClientOptions;
import io.secopskit.core.http.Operation;
import io.secopskit.core.http.RateLimit;
import io.secopskit.core.internal.json.Json;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import okhttp3.Call;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The HTTP pipeline of one client: one OkHttp client composed in a fixed order — user agent, rate
 * limit, retry, auth, redacting logging — plus request building from {@link Operation}s, error decoding
 * and typed response reading. Immutable and thread-safe. Internal.
 *
 * <p>OkHttp's own silent retry on connection failure is switched off: it would resend a POST after a
 * reset the vendor may have acted on. Repeats are decided only by the retry step, per operation.
 * Redirects are not followed, so credential headers never travel to another host.
 */
public final class HttpPipeline {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final long ERROR_BODY_LIMIT = 64 * 1024;
    private static final List<String> DEFAULT_REQUEST_ID_HEADERS = List.of("x-request-id", "x-correlation-id",
            "x-transaction-id", "request-id", "x-goog-request-id", "x-cloud-trace-context");

    private final String vendor;
    private final HttpUrl defaultHost;
    private final Map<String, HttpUrl> hosts;
    private final OkHttpClient client;
    private final OkHttpClient tokenClient;
    private final ErrorDecoder errorDecoder;
    private final ClientOptions options;
    private final List<String> requestIdHeaders;
    private final Operation tokenOperation;
    private final String userAgent;

    private HttpPipeline(Builder b) {
        this.vendor = b.vendor;
        this.options = b.options;
        this.defaultHost = toHttpUrl(Hosts.requireEndpoint(vendor, "endpoint", b.endpoint));
        Map<String, HttpUrl> hostMap = new HashMap<>();
        b.hosts.forEach((k, v) -> hostMap.put(k, toHttpUrl(Hosts.requireEndpoint(vendor, k + " endpoint", v))));
        this.hosts = Map.copyOf(hostMap);
        this.errorDecoder = b.errorDecoder;
        this.requestIdHeaders = b.requestIdHeaders;
        this.tokenOperation = Operation.builder(vendor, "token", "POST", "/token").idempotent(false).build();

        Map<String, RateLimit> limits = new LinkedHashMap<>(b.defaultLimits);
        limits.putAll(options.rateLimits());
        options.disabledRateLimits().forEach(limits::remove);

        Set<String> secretFields = new HashSet<>(options.secretJsonFields());
        secretFields.addAll(b.secretJsonFields);
        Redactor redactor = new Redactor(secretFields);
        LoggingInterceptor logging = new LoggingInterceptor(redactor, options.loggedHeaders(), requestIdHeaders);
        UserAgentInterceptor userAgent = new UserAgentInterceptor(options.applicationId().orElse(null));
        this.userAgent = userAgent.value();
        HoldGate gate = b.holdAllOnRateLimit ? new HoldGate() : null;

        OkHttpClient base = options.httpClient().orElse(SharedBase.CLIENT);
        OkHttpClient.Builder common = base.newBuilder()
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .connectTimeout(options.connectTimeout())
                .readTimeout(options.readTimeout())
                .writeTimeout(options.writeTimeout())
                .callTimeout(options.callTimeout());
        common.interceptors().clear();
        OkHttpClient commonClient = common.build();
        OkHttpClient.Builder token = commonClient.newBuilder().addInterceptor(userAgent).addInterceptor(logging);
        if (b.transport != null) {
            token.addInterceptor(b.transport);
        }
        this.tokenClient = token.build();
        AuthContext authContext = new PipelineAuthContext();
        OkHttpClient.Builder main = commonClient.newBuilder().addInterceptor(userAgent);
        if (!limits.isEmpty() || gate != null) {
            main.addInterceptor(new RateLimitInterceptor(limits, gate, options.maxPermitWait(), options.clock(),
                    options.sleeper()));
        }
        main.addInterceptor(new RetryInterceptor(options.retryPolicy(), options.clock(), options.sleeper(), gate));
        if (b.auth != null) {
            main.addInterceptor(new AuthInterceptor(b.auth, authContext));
        }
        main.addInterceptor(logging);
        if (b.transport != null) {
            main.addInterceptor(b.transport);
        }
        this.client = main.build();
    }

    /** The connection pool and dispatcher every client shares when none is given; created on first use. */
    private static final class SharedBase {
        static final OkHttpClient CLIENT = new OkHttpClient();
    }

    private static HttpUrl toHttpUrl(URI uri) {
        return HttpUrl.get(uri.toString());
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

    /** Returns the shared JSON mapper. */
    public ObjectMapper mapper() {
        return Json.mapper();
    }

    /** Returns the clock. */
    public Clock clock() {
        return options.clock();
    }

    /**
     * Sends a request and reads the body into {@code type}.
     *
     * @param request the request
     * @param type    the result type
     * @param <T>     result type
     * @return the parsed body
     */
    public <T> T call(ApiRequest request, Class<T> type) {
        return call(request, Json.mapper().constructType(type));
    }

    /**
     * Sends a request and reads the body into a generic type.
     *
     * @param request the request
     * @param type    the result type
     * @param <T>     result type
     * @return the parsed body
     */
    public <T> T call(ApiRequest request, TypeReference<T> type) {
        return call(request, Json.mapper().constructType(type));
    }

    /**
     * Sends a request and reads the body into a Jackson type.
     *
     * @param request the request
     * @param type    the result type
     * @param <T>     result type
     * @return the parsed body
     */
    public <T> T call(ApiRequest request, JavaType type) {
        return exchange(request, response -> readJson(request.operation(), response, type));
    }

    /** Reads a 2xx answer's JSON body straight from the stream (no intermediate byte array). */
    private <T> T readJson(Operation op, Response response, JavaType type) {
        String contentType = response.header("Content-Type");
        ResponseBody body = response.body();
        if (contentType != null && !contentType.toLowerCase(Locale.ROOT).contains("json") && body.contentLength() != 0) {
            throw new ServerException(new ErrorInfo(vendor, op.name(), response.code(), "UNEXPECTED_CONTENT_TYPE",
                    "expected a JSON body but got " + contentType, requestId(response.headers()), false));
        }
        try {
            T value = Json.mapper().readValue(body.byteStream(), type);
            if (value == null) {
                throw new ServerException(new ErrorInfo(vendor, op.name(), response.code(), "EMPTY_BODY",
                        "expected a JSON body but the answer was empty", requestId(response.headers()), false));
            }
            return value;
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            boolean empty = e.getMessage() != null && e.getMessage().startsWith("No content");
            throw new ServerException(new ErrorInfo(vendor, op.name(), response.code(), empty ? "EMPTY_BODY" : "UNREADABLE_BODY",
                    empty ? "expected a JSON body but the answer was empty"
                            : "could not read the answer as " + type.getRawClass().getSimpleName() + ": " + e.getClass().getSimpleName(),
                    requestId(response.headers()), false), null);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ServerException(new ErrorInfo(vendor, op.name(), response.code(), "UNREADABLE_BODY",
                    "could not read the answer as " + type.getRawClass().getSimpleName() + ": " + e.getClass().getSimpleName(),
                    requestId(response.headers()), false), null);
        } catch (IOException e) {
            throw new TransportException(new ErrorInfo(vendor, op.name(), response.code(), null,
                    "connection failed while reading the answer: " + e.getClass().getSimpleName(), null, op.idempotent()), e);
        }
    }

    /**
     * Sends a request and returns the successful answer, or throws the decoded error.
     *
     * @param request the request
     * @return the 2xx answer with its body read
     * @throws SecOpsException for any non-2xx answer, transport failure or client-side refusal
     */
    public ApiResponse execute(ApiRequest request) {
        return exchange(request, response -> {
            try {
                return new ApiResponse(response.code(), response.headers(), response.body().bytes());
            } catch (IOException e) {
                throw new TransportException(new ErrorInfo(vendor, request.operation().name(), response.code(), null,
                        "connection failed while reading the answer: " + e.getClass().getSimpleName(), null,
                        request.operation().idempotent()), e);
            }
        });
    }

    private <T> T exchange(ApiRequest request, java.util.function.Function<Response, T> onSuccess) {
        Operation op = request.operation();
        Request http = toHttp(request);
        Call call = client.newCall(http);
        try (Response response = call.execute()) {
            if (response.isSuccessful()) {
                return onSuccess.apply(response);
            }
            throw decode(op, response);
        } catch (InterruptedIOException e) {
            throw new TransportException(ErrorInfo.of(vendor, op.name()).withVendorMessage(
                    (Thread.currentThread().isInterrupted() ? "interrupted: " : "timed out: ") + e.getMessage()), e);
        } catch (IOException e) {
            throw new TransportException(new ErrorInfo(vendor, op.name(), 0, null,
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    null, op.idempotent()), e);
        }
    }

    private SecOpsException decode(Operation op, Response response) throws IOException {
        String body = response.peekBody(ERROR_BODY_LIMIT).string();
        ErrorResponse error = new ErrorResponse(op, response.code(), response.header("Content-Type"), body,
                requestId(response.headers()), RetryAfter.parse(response.header("Retry-After"), clock().instant()));
        if (response.code() >= 300 && response.code() < 400) {
            return new ServerException(error.baseInfo().withVendorCode("REDIRECT").withVendorMessage(
                    "unexpected redirect to " + response.header("Location") + " (redirects are not followed)"));
        }
        return errorDecoder.decode(error);
    }

    private String requestId(okhttp3.Headers headers) {
        for (String name : requestIdHeaders) {
            String v = headers.get(name);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    /**
     * Resolves the URL a request goes to: the operation's host, its path template with encoded path
     * parameters, then the query.
     *
     * @param request the request
     * @return the URL
     */
    public HttpUrl url(ApiRequest request) {
        Operation op = request.operation();
        HttpUrl base = op.host() == null ? defaultHost : hosts.get(op.host());
        if (base == null) {
            throw new IllegalStateException("no endpoint configured for host kind " + op.host());
        }
        HttpUrl.Builder url;
        if (request.absoluteUrl() != null) {
            HttpUrl given = HttpUrl.parse(request.absoluteUrl());
            if (given == null || !given.scheme().equals(base.scheme()) || !given.host().equals(base.host())
                    || given.port() != base.port()) {
                throw new ServerException(ErrorInfo.of(vendor, op.name()).withVendorMessage(
                        "refusing to follow a paging link to another origin: " + request.absoluteUrl()));
            }
            url = given.newBuilder();
        } else {
            url = base.newBuilder();
            List<String> baseSegments = base.pathSegments();
            if (!baseSegments.isEmpty() && baseSegments.get(baseSegments.size() - 1).isEmpty()) {
                url.removePathSegment(baseSegments.size() - 1);
            }
            for (String segment : op.pathSegments()) {
                if (segment.startsWith("{") && segment.endsWith("}")) {
                    String name = segment.substring(1, segment.length() - 1);
                    String value = request.pathParams().get(name);
                    if (value == null) {
                        throw new IllegalArgumentException("missing path parameter " + name + " for " + op);
                    }
                    url.addPathSegment(value);
                } else {
                    url.addEncodedPathSegment(segment);
                }
            }
        }
        for (Map.Entry<String, String> q : request.query()) {
            url.addQueryParameter(q.getKey(), q.getValue());
        }
        return url.build();
    }

    private Request toHttp(ApiRequest request) {
        Operation op = request.operation();
        Request.Builder b = new Request.Builder().url(url(request)).header("Accept", "application/json")
                .header("User-Agent", userAgent);
        request.headers().forEach(b::header);
        RequestBody body = null;
        if (request.jsonBody() != null) {
            try {
                body = RequestBody.create(Json.mapper().writeValueAsBytes(request.jsonBody()), JSON);
            } catch (IOException e) {
                throw new IllegalArgumentException("request body of " + op.qualifiedName() + " is not serialisable", e);
            }
        } else if (request.formBody() != null) {
            FormBody.Builder form = new FormBody.Builder();
            request.formBody().forEach(form::add);
            body = form.build();
        } else if ("POST".equals(op.method()) || "PUT".equals(op.method()) || "PATCH".equals(op.method())) {
            body = RequestBody.create(new byte[0], null);
        }
        b.method(op.method(), body);
        b.tag(Operation.class, op);
        return b.build();
    }

    /** The {@link AuthContext} handed to strategies: token calls over the shared pool. */
    private final class PipelineAuthContext implements AuthContext {
        @Override
        public String vendor() {
            return vendor;
        }

        @Override
        public Clock clock() {
            return options.clock();
        }

        @Override
        public TokenEndpointResponse post(URI endpoint, Map<String, Secret> headers, String contentType, Secret body) {
            Objects.requireNonNull(endpoint, "endpoint");
            HttpUrl url = HttpUrl.parse(endpoint.toString());
            if (url == null) {
                throw new IllegalArgumentException("token endpoint is not an http(s) URL: " + endpoint);
            }
            Hosts.requireSecureForCredentials(vendor, "token", url.scheme(), url.host());
            RequestBody requestBody = RequestBody.create(body == null ? "" : body.reveal(),
                    contentType == null ? null : MediaType.get(contentType));
            Request.Builder b = new Request.Builder().url(url).post(requestBody)
                    .tag(Operation.class, tokenOperation)
                    .tag(Tags.TokenRequest.class, new Tags.TokenRequest());
            headers.forEach((k, v) -> b.header(k, v.reveal()));
            try (Response response = tokenClient.newCall(b.build()).execute()) {
                return new TokenEndpointResponse(response.code(), response.header("Content-Type"),
                        response.body().string());
            } catch (IOException e) {
                if (e instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
                    throw new TransportException(ErrorInfo.of(vendor, "token").withVendorMessage("interrupted"), e);
                }
                throw new TransportException(ErrorInfo.of(vendor, "token").withVendorMessage(
                        "token endpoint unreachable: " + e.getClass().getSimpleName()), e);
            }
        }
    }

    /** Builds an {@link HttpPipeline}. */
    public static final class Builder {
        private final String vendor;
        private URI endpoint;
        private final Map<String, URI> hosts = new LinkedHashMap<>();
        private AuthStrategy auth;
        private ClientOptions options = ClientOptions.defaults();
        private final Map<String, RateLimit> defaultLimits = new LinkedHashMap<>();
        private ErrorDecoder errorDecoder = StandardErrorDecoder.INSTANCE;
        private boolean holdAllOnRateLimit;
        private List<String> requestIdHeaders = DEFAULT_REQUEST_ID_HEADERS;
        private final Set<String> secretJsonFields = new HashSet<>();
        private okhttp3.Interceptor transport;

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
         * Makes a 429 with {@code Retry-After} hold every call of the client until then.
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
         * Puts an interceptor innermost, after logging, that may answer instead of the network. For
         * benchmarks that measure client-side cost only; never set in production clients.
         *
         * @param value the interceptor
         * @return this builder
         */
        public Builder transport(okhttp3.Interceptor value) {
            this.transport = value;
            return this;
        }

        /**
         * Builds the pipeline.
         *
         * @return the pipeline
         */
        public HttpPipeline build() {
            return new HttpPipeline(this);
        }
    }
}
