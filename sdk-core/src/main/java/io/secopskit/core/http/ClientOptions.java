package io.secopskit.core.http;

import io.secopskit.core.internal.Checks;
import io.secopskit.core.store.QuotaStore;
import java.net.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * How a client talks to its vendor: timeouts, retries, rate limits, response size limits, the clock and
 * sleeper it waits with, user policies and listeners, proxy and trust, and optionally a donated OkHttp
 * client whose connection pool and dispatcher it shares. Immutable; start from {@link #defaults()} or
 * {@link #builder()}, change with {@link #toBuilder()}.
 *
 * <p>Timeouts: {@link #attemptTimeout()} bounds one send (connect, write, wait, read the whole answer);
 * {@link #totalTimeout()} bounds the whole call — every attempt, every retry wait and every rate-limit
 * wait. No retry is scheduled whose wait would end past the total timeout, and the last attempt is cut to
 * what remains of it.
 */
public final class ClientOptions {
    private static final ClientOptions DEFAULTS = builder().build();

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration writeTimeout;
    private final Duration attemptTimeout;
    private final Duration totalTimeout;
    private final RetryPolicy retryPolicy;
    private final Map<String, RateLimit> rateLimits;
    private final Set<String> disabledRateLimits;
    private final Duration maxPermitWait;
    private final Clock clock;
    private final Sleeper sleeper;
    private final OkHttpClient httpClient;
    private final String applicationId;
    private final Set<String> secretJsonFields;
    private final Set<String> loggedHeaders;
    private final long maxResponseBytes;
    private final long maxTokenResponseBytes;
    private final List<HttpPolicy> perCallPolicies;
    private final List<HttpPolicy> perAttemptPolicies;
    private final List<PipelineListener> listeners;
    private final QuotaStore quotaStore;
    private final Proxy proxy;
    private final X509TrustManager trustManager;

    private ClientOptions(Builder b) {
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.writeTimeout = b.writeTimeout;
        this.attemptTimeout = b.attemptTimeout;
        this.totalTimeout = b.totalTimeout;
        this.retryPolicy = b.retryPolicy;
        this.rateLimits = Map.copyOf(b.rateLimits);
        this.disabledRateLimits = Set.copyOf(b.disabledRateLimits);
        this.maxPermitWait = b.maxPermitWait;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.httpClient = b.httpClient;
        this.applicationId = b.applicationId;
        this.secretJsonFields = Set.copyOf(b.secretJsonFields);
        this.loggedHeaders = Set.copyOf(b.loggedHeaders);
        this.maxResponseBytes = b.maxResponseBytes;
        this.maxTokenResponseBytes = b.maxTokenResponseBytes;
        this.perCallPolicies = List.copyOf(b.perCallPolicies);
        this.perAttemptPolicies = List.copyOf(b.perAttemptPolicies);
        this.listeners = List.copyOf(b.listeners);
        this.quotaStore = b.quotaStore;
        this.proxy = b.proxy;
        this.trustManager = b.trustManager;
    }

    /**
     * Returns the defaults: connect 10 s, read 30 s, write 30 s, attempt 60 s, total 120 s,
     * {@link RetryPolicy#defaults()}, vendor-documented rate limits, permit wait 30 s, responses up to
     * 64 MiB and token answers up to 64 KiB, the system clock and sleeper, no policies or listeners.
     *
     * @return the default options
     */
    public static ClientOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Starts a builder with the defaults.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding these options.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        b.writeTimeout = writeTimeout;
        b.attemptTimeout = attemptTimeout;
        b.totalTimeout = totalTimeout;
        b.retryPolicy = retryPolicy;
        b.rateLimits.putAll(rateLimits);
        b.disabledRateLimits.addAll(disabledRateLimits);
        b.maxPermitWait = maxPermitWait;
        b.clock = clock;
        b.sleeper = sleeper;
        b.httpClient = httpClient;
        b.applicationId = applicationId;
        b.secretJsonFields.addAll(secretJsonFields);
        b.loggedHeaders.addAll(loggedHeaders);
        b.maxResponseBytes = maxResponseBytes;
        b.maxTokenResponseBytes = maxTokenResponseBytes;
        b.perCallPolicies.addAll(perCallPolicies);
        b.perAttemptPolicies.addAll(perAttemptPolicies);
        b.listeners.addAll(listeners);
        b.quotaStore = quotaStore;
        b.proxy = proxy;
        b.trustManager = trustManager;
        return b;
    }

    /**
     * Returns a copy changed by {@code changes}.
     *
     * @param changes edits applied to a builder holding these options
     * @return the changed options
     */
    public ClientOptions with(Consumer<Builder> changes) {
        Builder b = toBuilder();
        changes.accept(b);
        return b.build();
    }

    /** Returns the TCP connect timeout. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Returns the longest wait between two reads of the answer. */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** Returns the longest wait between two writes of the request. */
    public Duration writeTimeout() {
        return writeTimeout;
    }

    /** Returns the bound on one attempt: connect, send, wait and read the whole answer. */
    public Duration attemptTimeout() {
        return attemptTimeout;
    }

    /** Returns the bound on the whole call: every attempt, retry wait and rate-limit wait. */
    public Duration totalTimeout() {
        return totalTimeout;
    }

    /** Returns the retry policy. */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** Returns the rate limits that replace or add to the vendor's documented ones, by key. */
    public Map<String, RateLimit> rateLimits() {
        return rateLimits;
    }

    /** Returns the keys of vendor-documented limits switched off. */
    public Set<String> disabledRateLimits() {
        return disabledRateLimits;
    }

    /** Returns the longest a call waits for a throttle permit before failing with {@code QuotaExhaustedException}. */
    public Duration maxPermitWait() {
        return maxPermitWait;
    }

    /** Returns the clock used for token expiry, rate limits, {@code Retry-After} dates and deadlines. */
    public Clock clock() {
        return clock;
    }

    /** Returns the sleeper every wait goes through. */
    public Sleeper sleeper() {
        return sleeper;
    }

    /** Returns the donated OkHttp client whose pool and dispatcher the client shares, if any. */
    public Optional<OkHttpClient> httpClient() {
        return Optional.ofNullable(httpClient);
    }

    /** Returns the application id appended to the {@code User-Agent}, if any. */
    public Optional<String> applicationId() {
        return Optional.ofNullable(applicationId);
    }

    /** Returns extra JSON field names whose values are masked in logs. */
    public Set<String> secretJsonFields() {
        return secretJsonFields;
    }

    /** Returns extra header names logged at TRACE (credential headers are masked whatever is listed). */
    public Set<String> loggedHeaders() {
        return loggedHeaders;
    }

    /** Returns the largest response body read, in bytes; a larger one fails the call with {@code ServerException}. */
    public long maxResponseBytes() {
        return maxResponseBytes;
    }

    /** Returns the largest token endpoint answer read, in bytes. */
    public long maxTokenResponseBytes() {
        return maxTokenResponseBytes;
    }

    /**
     * Returns the user policies of a slot, in the order they run (the first added is outermost).
     *
     * @param slot the slot
     * @return the policies
     */
    public List<HttpPolicy> policies(HttpPolicy.Slot slot) {
        return slot == HttpPolicy.Slot.PER_CALL ? perCallPolicies : perAttemptPolicies;
    }

    /** Returns the pipeline listeners. */
    public List<PipelineListener> listeners() {
        return listeners;
    }

    /** Returns the store that counts shared quotas, if one was set (otherwise shared quotas count in memory). */
    public Optional<QuotaStore> quotaStore() {
        return Optional.ofNullable(quotaStore);
    }

    /** Returns the HTTP proxy, if one was set. */
    public Optional<Proxy> proxy() {
        return Optional.ofNullable(proxy);
    }

    /** Returns the trust manager for TLS, if one was set (otherwise the JDK's default trust store). */
    public Optional<X509TrustManager> trustManager() {
        return Optional.ofNullable(trustManager);
    }

    /** Builds {@link ClientOptions}. */
    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration writeTimeout = Duration.ofSeconds(30);
        private Duration attemptTimeout = Duration.ofSeconds(60);
        private Duration totalTimeout = Duration.ofSeconds(120);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private final Map<String, RateLimit> rateLimits = new LinkedHashMap<>();
        private final Set<String> disabledRateLimits = new LinkedHashSet<>();
        private Duration maxPermitWait = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private OkHttpClient httpClient;
        private String applicationId;
        private final Set<String> secretJsonFields = new LinkedHashSet<>();
        private final Set<String> loggedHeaders = new LinkedHashSet<>();
        private long maxResponseBytes = 64L * 1024 * 1024;
        private long maxTokenResponseBytes = 64L * 1024;
        private final List<HttpPolicy> perCallPolicies = new ArrayList<>();
        private final List<HttpPolicy> perAttemptPolicies = new ArrayList<>();
        private final List<PipelineListener> listeners = new ArrayList<>();
        private QuotaStore quotaStore;
        private Proxy proxy;
        private X509TrustManager trustManager;

        private Builder() {
        }

        /**
         * Sets the TCP connect timeout (default 10 s).
         *
         * @param value positive duration
         * @return this builder
         */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = Checks.positive(value, "connectTimeout");
            return this;
        }

        /**
         * Sets the longest wait between two reads of the answer (default 30 s).
         *
         * @param value positive duration
         * @return this builder
         */
        public Builder readTimeout(Duration value) {
            this.readTimeout = Checks.positive(value, "readTimeout");
            return this;
        }

        /**
         * Sets the longest wait between two writes of the request (default 30 s).
         *
         * @param value positive duration
         * @return this builder
         */
        public Builder writeTimeout(Duration value) {
            this.writeTimeout = Checks.positive(value, "writeTimeout");
            return this;
        }

        /**
         * Sets the bound on one attempt: connect, send, wait for and read the whole answer (default 60 s).
         * A timed-out attempt of an idempotent operation is retried within the policy; of any other
         * operation it fails the call.
         *
         * @param value positive duration
         * @return this builder
         */
        public Builder attemptTimeout(Duration value) {
            this.attemptTimeout = Checks.positive(value, "attemptTimeout");
            return this;
        }

        /**
         * Sets the bound on the whole call, waits included (default 120 s).
         *
         * @param value positive duration
         * @return this builder
         */
        public Builder totalTimeout(Duration value) {
            this.totalTimeout = Checks.positive(value, "totalTimeout");
            return this;
        }

        /**
         * Sets the retry policy.
         *
         * @param value the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy value) {
            this.retryPolicy = Objects.requireNonNull(value, "retryPolicy");
            return this;
        }

        /**
         * Adds a limit, or replaces the vendor-documented one with the same key.
         *
         * @param limit the limit
         * @return this builder
         */
        public Builder rateLimit(RateLimit limit) {
            Objects.requireNonNull(limit, "limit");
            this.rateLimits.put(limit.key(), limit);
            this.disabledRateLimits.remove(limit.key());
            return this;
        }

        /**
         * Switches off a vendor-documented limit (the vendor will still enforce its own).
         *
         * @param key the limit's key
         * @return this builder
         */
        public Builder disableRateLimit(String key) {
            Objects.requireNonNull(key, "key");
            this.rateLimits.remove(key);
            this.disabledRateLimits.add(key);
            return this;
        }

        /**
         * Sets how long a call may wait for a throttle permit (default 30 s; zero: never wait).
         *
         * @param value non-negative duration
         * @return this builder
         */
        public Builder maxPermitWait(Duration value) {
            Objects.requireNonNull(value, "maxPermitWait");
            if (value.isNegative()) {
                throw new IllegalArgumentException("maxPermitWait must not be negative: " + value);
            }
            this.maxPermitWait = value;
            return this;
        }

        /**
         * Sets the clock (tests inject one).
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Sets the sleeper every wait goes through (tests inject one that records instead of sleeping).
         *
         * @param value the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        /**
         * Donates an OkHttp client whose connection pool and dispatcher the client shares; closing the
         * SecOpsKit client then leaves them alone. Its interceptors, authenticators, redirect and retry
         * settings are not used (the pipeline sets its own); its network interceptors are kept and see
         * credential headers, so only donate a client you control.
         *
         * @param value the client
         * @return this builder
         */
        public Builder httpClient(OkHttpClient value) {
            this.httpClient = Objects.requireNonNull(value, "httpClient");
            return this;
        }

        /**
         * Appends an application id to the {@code User-Agent}.
         *
         * @param value 1-64 printable ASCII characters without spaces
         * @return this builder
         */
        public Builder applicationId(String value) {
            if (value == null || !value.matches("[\\x21-\\x7E]{1,64}")) {
                throw new IllegalArgumentException("applicationId must be 1-64 printable ASCII characters without spaces");
            }
            this.applicationId = value;
            return this;
        }

        /**
         * Adds JSON field names whose values are masked in logs.
         *
         * @param names field names
         * @return this builder
         */
        public Builder secretJsonFields(String... names) {
            for (String n : names) {
                this.secretJsonFields.add(Objects.requireNonNull(n, "name"));
            }
            return this;
        }

        /**
         * Adds header names logged at TRACE. Headers the auth strategy sets are masked even when listed.
         *
         * @param names header names
         * @return this builder
         */
        public Builder loggedHeaders(String... names) {
            for (String n : names) {
                this.loggedHeaders.add(Objects.requireNonNull(n, "name"));
            }
            return this;
        }

        /**
         * Sets the largest response body the client reads (default 64 MiB); a larger answer fails the
         * call with {@code ServerException} (code {@code RESPONSE_TOO_LARGE}) before the heap fills.
         *
         * @param bytes at least 1024
         * @return this builder
         */
        public Builder maxResponseBytes(long bytes) {
            this.maxResponseBytes = atLeastKib(bytes, "maxResponseBytes");
            return this;
        }

        /**
         * Sets the largest token endpoint answer the client reads (default 64 KiB).
         *
         * @param bytes at least 1024
         * @return this builder
         */
        public Builder maxTokenResponseBytes(long bytes) {
            this.maxTokenResponseBytes = atLeastKib(bytes, "maxTokenResponseBytes");
            return this;
        }

        private static long atLeastKib(long bytes, String field) {
            if (bytes < 1024) {
                throw new IllegalArgumentException(field + " must be at least 1024: " + bytes);
            }
            return bytes;
        }

        /**
         * Adds a user policy to a slot; policies of one slot run in the order added (the first is outermost).
         *
         * @param slot   where it runs
         * @param policy the policy
         * @return this builder
         */
        public Builder addPolicy(HttpPolicy.Slot slot, HttpPolicy policy) {
            Objects.requireNonNull(slot, "slot");
            Objects.requireNonNull(policy, "policy");
            (slot == HttpPolicy.Slot.PER_CALL ? perCallPolicies : perAttemptPolicies).add(policy);
            return this;
        }

        /**
         * Adds a pipeline listener.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder addListener(PipelineListener listener) {
            this.listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Sets the store in which {@link RateLimit#asShared() shared} quotas are counted, for example the
         * PostgreSQL store several replicas use. Quotas not marked shared stay in memory.
         *
         * @param value the store
         * @return this builder
         */
        public Builder quotaStore(QuotaStore value) {
            this.quotaStore = Objects.requireNonNull(value, "quotaStore");
            return this;
        }

        /**
         * Sends every request, token requests included, through a proxy.
         *
         * @param value the proxy
         * @return this builder
         */
        public Builder proxy(Proxy value) {
            this.proxy = Objects.requireNonNull(value, "proxy");
            return this;
        }

        /**
         * Trusts the certificates this trust manager accepts instead of the JDK's default trust store (a
         * corporate CA, or the testkit fakes' certificate).
         *
         * @param value the trust manager
         * @return this builder
         */
        public Builder trustManager(X509TrustManager value) {
            this.trustManager = Objects.requireNonNull(value, "trustManager");
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws IllegalArgumentException if the attempt timeout is longer than the total timeout
         */
        public ClientOptions build() {
            if (attemptTimeout.compareTo(totalTimeout) > 0) {
                throw new IllegalArgumentException("attemptTimeout (" + attemptTimeout
                        + ") must not be longer than totalTimeout (" + totalTimeout + ")");
            }
            return new ClientOptions(this);
        }
    }
}
