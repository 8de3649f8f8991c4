package io.secopskit.core.http;

import java.time.Clock;
import io.secopskit.core.internal.Checks;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import okhttp3.OkHttpClient;

/**
 * Settings every SecOpsKit client shares: timeouts, retries, client-side rate limits, the clock and
 * sleeper, logging redaction and an optional OkHttp base client. Immutable; build with {@link #builder()}
 * and pass to a vendor client builder's {@code options(...)}.
 *
 * <p>Defaults: connect 10 s, read 30 s, write 30 s, whole call 120 s; {@link RetryPolicy#defaults()};
 * the vendor's documented rate limits; a permit wait of at most 30 s before failing fast with
 * {@link io.secopskit.core.error.QuotaExhaustedException}; the UTC system clock; the blocking sleeper.
 */
public final class ClientOptions {
    private static final ClientOptions DEFAULTS = builder().build();

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration writeTimeout;
    private final Duration callTimeout;
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

    private ClientOptions(Builder b) {
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.writeTimeout = b.writeTimeout;
        this.callTimeout = b.callTimeout;
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
    }

    /**
     * Returns the default options.
     *
     * @return the defaults
     */
    public static ClientOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Starts a builder holding the defaults.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder initialised from these options.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        b.writeTimeout = writeTimeout;
        b.callTimeout = callTimeout;
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
        return b;
    }

    /** Returns the TCP connect timeout. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Returns the socket read timeout. */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** Returns the socket write timeout. */
    public Duration writeTimeout() {
        return writeTimeout;
    }

    /** Returns the timeout for one attempt from start to the end of the response body. */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** Returns the retry policy. */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** Returns the rate limits set here, by key; they replace the vendor's defaults for the same key. */
    public Map<String, RateLimit> rateLimits() {
        return rateLimits;
    }

    /** Returns the rate-limit keys switched off client-side. */
    public Set<String> disabledRateLimits() {
        return disabledRateLimits;
    }

    /** Returns the longest time a call waits for a rate-limit permit before failing fast. */
    public Duration maxPermitWait() {
        return maxPermitWait;
    }

    /** Returns the clock used for token expiry, rate-limit windows and retry budgets. */
    public Clock clock() {
        return clock;
    }

    /** Returns the sleeper used for every wait. */
    public Sleeper sleeper() {
        return sleeper;
    }

    /** Returns the OkHttp client whose connection pool and dispatcher are shared, when one was given. */
    public Optional<OkHttpClient> httpClient() {
        return Optional.ofNullable(httpClient);
    }

    /** Returns the application id appended to the {@code User-Agent}, when one was given. */
    public Optional<String> applicationId() {
        return Optional.ofNullable(applicationId);
    }

    /** Returns extra JSON field names whose values are redacted in logs. */
    public Set<String> secretJsonFields() {
        return secretJsonFields;
    }

    /** Returns extra response and request header names that may appear in logs. */
    public Set<String> loggedHeaders() {
        return loggedHeaders;
    }

    /** Builds {@link ClientOptions}. */
    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration writeTimeout = Duration.ofSeconds(30);
        private Duration callTimeout = Duration.ofSeconds(120);
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

        private Builder() {
        }

        /**
         * Sets the TCP connect timeout.
         *
         * @param value positive duration
         * @return this builder
         */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = Checks.positive(value, "connectTimeout");
            return this;
        }

        /**
         * Sets the socket read timeout.
         *
         * @param value positive duration
         * @return this builder
         */
        public Builder readTimeout(Duration value) {
            this.readTimeout = Checks.positive(value, "readTimeout");
            return this;
        }

        /**
         * Sets the socket write timeout.
         *
         * @param value positive duration
         * @return this builder
         */
        public Builder writeTimeout(Duration value) {
            this.writeTimeout = Checks.positive(value, "writeTimeout");
            return this;
        }

        /**
         * Sets the timeout of one attempt, from start to the end of the response body.
         *
         * @param value positive duration
         * @return this builder
         */
        public Builder callTimeout(Duration value) {
            this.callTimeout = Checks.positive(value, "callTimeout");
            return this;
        }

        /**
         * Sets the retry policy.
         *
         * @param value the policy; {@link RetryPolicy#none()} switches retries off
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy value) {
            this.retryPolicy = Objects.requireNonNull(value, "retryPolicy");
            return this;
        }

        /**
         * Sets a client-side rate limit, replacing the vendor default with the same key.
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
         * Switches a client-side rate limit off (the vendor still enforces its own).
         *
         * @param key the rate-limit key
         * @return this builder
         */
        public Builder disableRateLimit(String key) {
            Objects.requireNonNull(key, "key");
            this.rateLimits.remove(key);
            this.disabledRateLimits.add(key);
            return this;
        }

        /**
         * Sets the longest wait for a rate-limit permit; when the next permit is further away the call
         * fails fast with {@link io.secopskit.core.error.QuotaExhaustedException}.
         *
         * @param value zero or positive duration
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
         * Sets the clock (tests inject a fixed or stepping clock).
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Sets the sleeper used for every wait (tests inject a recording one).
         *
         * @param value the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        /**
         * Shares an existing OkHttp client's connection pool, dispatcher, proxy and TLS settings. The SDK
         * derives its own client from it with {@code newBuilder()}; the given client is not changed. Its
         * application interceptors are not used (the SDK's pipeline order is fixed), its retry-on-failure
         * and redirect settings are switched off, and its timeouts are replaced by these options'. Its
         * network interceptors stay and see credential headers, so they must not log them.
         *
         * @param value the base client
         * @return this builder
         */
        public Builder httpClient(OkHttpClient value) {
            this.httpClient = Objects.requireNonNull(value, "httpClient");
            return this;
        }

        /**
         * Sets an application id appended to the {@code User-Agent} header.
         *
         * @param value printable ASCII without spaces, for example {@code acme-soc/2.1}
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
         * Adds JSON field names whose values are redacted wherever bodies are logged.
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
         * Adds header names that may be written to logs (credential headers never are).
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
         * Builds the options.
         *
         * @return the options
         */
        public ClientOptions build() {
            return new ClientOptions(this);
        }
    }
}
