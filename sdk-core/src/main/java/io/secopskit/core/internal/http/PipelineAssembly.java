package io.secopskit.core.internal.http;

import com.fasterxml.jackson.databind.JavaType;
import io.secopskit.core.auth.AuthStrategy;
import io.secopskit.core.error.ConfigurationException;
import io.secopskit.core.http.ClientOptions;
import io.secopskit.core.http.HttpPolicy;
import io.secopskit.core.http.Operation;
import io.secopskit.core.http.RateLimit;
import io.secopskit.core.spi.ApiResponse;
import io.secopskit.core.spi.ErrorDecoder;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import okhttp3.Authenticator;
import okhttp3.CookieJar;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Assembles one client's pipeline from its options: the OkHttp client (own pool unless one was donated;
 * OkHttp's own retries, redirects, authenticators, cache and cookies off; the send guard first among the
 * network interceptors), the per-attempt interceptors (user policies, auth, logging), the token caller and
 * the call executor. Internal.
 */
public final class PipelineAssembly {
    /** Response headers that carry a vendor request id, in order of preference. */
    public static final List<String> DEFAULT_REQUEST_ID_HEADERS = List.of("x-request-id", "x-correlation-id",
            "x-transaction-id", "request-id", "x-goog-request-id", "x-cloud-trace-context");

    private final String vendor;
    private final ClientOptions options;
    private final OkHttpClient client;
    private final boolean ownsClient;
    private final CallExecutor executor;
    private final String userAgent;
    private final Listeners listeners;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Assembles a pipeline.
     *
     * @param vendor           vendor id
     * @param options          the client's options
     * @param auth             the auth strategy, or null
     * @param limits           the effective rate limits by key
     * @param decoder          the vendor's error decoder
     * @param holdAll          whether a 429 holds every call of the client
     * @param requestIdHeaders request-id header names
     * @param secretFields     JSON field names masked in logs
     * @param transport        a benchmark-only innermost interceptor, or null
     */
    public PipelineAssembly(String vendor, ClientOptions options, AuthStrategy auth, Map<String, RateLimit> limits,
                            ErrorDecoder decoder, boolean holdAll, List<String> requestIdHeaders, Set<String> secretFields,
                            Object transport) {
        this.vendor = vendor;
        this.options = options;
        this.listeners = Listeners.of(options.listeners());
        String app = options.applicationId().orElse(null);
        this.userAgent = app == null ? SdkVersion.userAgent() : SdkVersion.userAgent() + " " + app;
        Set<String> credentialHeaders = ConcurrentHashMap.newKeySet();
        LoggingInterceptor logging = new LoggingInterceptor(new Redactor(secretFields), options.loggedHeaders(),
                requestIdHeaders, credentialHeaders);

        OkHttpClient donated = options.httpClient().orElse(null);
        this.ownsClient = donated == null;
        OkHttpClient.Builder common = (donated == null ? new OkHttpClient.Builder() : donated.newBuilder())
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .authenticator(Authenticator.NONE)
                .cache(null)
                .cookieJar(CookieJar.NO_COOKIES)
                .connectTimeout(options.connectTimeout())
                .readTimeout(options.readTimeout())
                .writeTimeout(options.writeTimeout())
                .callTimeout(Duration.ZERO);
        common.interceptors().clear();
        common.networkInterceptors().add(0, SendGuard.INSTANCE);
        options.proxy().ifPresent(common::proxy);
        options.trustManager().ifPresent(tm -> trust(common, tm));
        OkHttpClient base = common.build();

        OkHttpClient.Builder token = base.newBuilder().addInterceptor(logging);
        if (transport != null) {
            token.addInterceptor((Interceptor) transport);
        }
        TokenCaller tokenCaller = new TokenCaller(vendor, options.clock(), token.build(), userAgent,
                options.maxTokenResponseBytes(), options.attemptTimeout(), listeners);

        OkHttpClient.Builder main = base.newBuilder();
        List<HttpPolicy> perAttempt = options.policies(HttpPolicy.Slot.PER_ATTEMPT);
        if (!perAttempt.isEmpty()) {
            main.addInterceptor(new PolicyInterceptor(perAttempt));
        }
        if (auth != null) {
            main.addInterceptor(new AuthInterceptor(auth, tokenCaller, credentialHeaders));
        }
        main.addInterceptor(logging);
        if (transport != null) {
            main.addInterceptor((Interceptor) transport);
        }
        this.client = main.build();
        HoldGate gate = holdAll ? new HoldGate() : null;
        RateLimitStep step = limits.isEmpty() && gate == null ? null
                : new RateLimitStep(limits, options.quotaStore().orElse(null), gate, options.maxPermitWait(),
                options.clock(), options.sleeper(), listeners);
        this.executor = new CallExecutor(vendor, client, options.retryPolicy(), options.clock(), options.sleeper(),
                options.attemptTimeout(), options.totalTimeout(), step, options.policies(HttpPolicy.Slot.PER_CALL),
                listeners, decoder, requestIdHeaders.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList());
    }

    private void trust(OkHttpClient.Builder builder, X509TrustManager tm) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new javax.net.ssl.TrustManager[] {tm}, null);
            builder.sslSocketFactory(context.getSocketFactory(), tm);
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException(vendor, "trustManager", "cannot initialise TLS with it: " + e, e);
        }
    }

    /**
     * Checks an endpoint given to a builder.
     *
     * @param vendor  vendor id
     * @param setting the builder setting
     * @param uri     the endpoint
     * @return the endpoint
     */
    public static URI checkEndpoint(String vendor, String setting, URI uri) {
        return Hosts.requireEndpoint(vendor, setting, uri);
    }

    /** Returns the {@code User-Agent} value. */
    public String userAgent() {
        return userAgent;
    }

    /**
     * Runs a call and streams its JSON answer into a type.
     *
     * @param request the encoded request
     * @param type    the type
     * @param <T>     the type
     * @return the value
     */
    public <T> T call(Request request, JavaType type) {
        requireOpen();
        long max = options.maxResponseBytes();
        return executor.execute(request, (response, call) -> {
            long[] counter = call == null ? null : new long[1];
            try {
                return ResponseReader.readJson(request.tag(Operation.class), request.url().host(), response, type, max,
                        executor.requestId(response), counter);
            } finally {
                if (call != null) {
                    listeners.responseRead(call, counter[0]);
                }
            }
        });
    }

    /**
     * Runs a call and reads its answer whole.
     *
     * @param request the encoded request
     * @return the answer
     */
    public ApiResponse execute(Request request) {
        requireOpen();
        long max = options.maxResponseBytes();
        return executor.execute(request, (response, call) -> {
            Operation op = request.tag(Operation.class);
            byte[] body = ResponseReader.readBytes(op, request.url().host(), response, max, executor.requestId(response));
            if (call != null) {
                listeners.responseRead(call, body.length);
            }
            return new ApiResponse(op, request.url().host(), response.code(), response.headers().toMultimap(),
                    executor.requestId(response), body);
        });
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException(vendor + " client is closed");
        }
    }

    /** Releases the pool and dispatcher if the pipeline owns them. Idempotent. */
    public void close() {
        if (closed.compareAndSet(false, true) && ownsClient) {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }
}
