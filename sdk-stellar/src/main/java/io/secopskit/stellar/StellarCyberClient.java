package io.secopskit.stellar;

import io.secopskit.core.Secret;
import io.secopskit.core.auth.AuthStrategy;
import io.secopskit.core.auth.BasicAuth;
import io.secopskit.core.auth.JwtRefreshAuth;
import io.secopskit.core.http.ClientOptions;
import io.secopskit.core.spi.VendorPipeline;
import io.secopskit.stellar.internal.StellarErrorDecoder;
import io.secopskit.stellar.internal.StellarRules;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * Client for the Stellar Cyber public API: cases and tenants. Immutable and thread-safe; share one per
 * deployment and credential.
 *
 * <p>Choose exactly one auth mode:
 * <ul>
 *   <li>{@link Builder#apiKey(String, Secret)} — the default for every release: the key is exchanged at
 *       {@code POST /connect/api/v1/access_token} ({@code Basic base64(email:key)}, empty body) for a JWT
 *       valid ten minutes, sent as {@code Bearer}; refreshed ahead of expiry by one caller, single flight,
 *       401 → one refresh and one replay.</li>
 *   <li>{@link Builder#scopedApiKey(Secret)} — 5.5+ user-scoped keys: same exchange, the key sent as
 *       {@code Bearer}.</li>
 *   <li>{@link Builder#basicApiKey(String, Secret)} — 5.4.0 only: {@code Basic base64(email:key)} on
 *       every call, no token.</li>
 * </ul>
 */
public final class StellarCyberClient {
    /** The path of the token exchange. */
    public static final String TOKEN_PATH = "/connect/api/v1/access_token";

    private final CasesClient cases;
    private final TenantsClient tenants;
    private final URI endpoint;

    private StellarCyberClient(Builder b) {
        this.endpoint = b.endpoint;
        if (b.endpoint == null) {
            throw new IllegalArgumentException("host(...) or endpoint(...) is required");
        }
        if (b.auth == null) {
            throw new IllegalArgumentException("an auth mode is required: apiKey(...), scopedApiKey(...) or basicApiKey(...)");
        }
        VendorPipeline pipeline = VendorPipeline.builder(StellarRules.VENDOR)
                .endpoint(b.endpoint)
                .auth(b.auth.apply(b.endpoint.resolve(TOKEN_PATH)))
                .options(b.options)
                .errorDecoder(StellarErrorDecoder.INSTANCE)
                .secretJsonFields("access_token", "api_key", "refresh_token")
                .build();
        this.cases = new CasesClient(pipeline);
        this.tenants = new TenantsClient(pipeline);
    }

    /**
     * Returns the Stellar Cyber host this client talks to (for plans and messages).
     *
     * @return the URI
     */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * Starts a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the cases operations. */
    public CasesClient cases() {
        return cases;
    }

    /** Returns the tenants operations. */
    public TenantsClient tenants() {
        return tenants;
    }

    /** Builds a {@link StellarCyberClient}. */
    public static final class Builder {
        private URI endpoint;
        private Function<URI, AuthStrategy> auth;
        private String authMode;
        private ClientOptions options = ClientOptions.defaults();
        private Duration refreshAhead = Duration.ofSeconds(60);

        private Builder() {
        }

        /**
         * Sets the Stellar Cyber host; the client talks to {@code https://<host>}.
         *
         * @param value host name or IP, for example {@code acme.stellarcyber.cloud}
         * @return this builder
         */
        public Builder host(String value) {
            if (value == null || value.isBlank() || value.contains("/") || value.contains(":/")) {
                throw new IllegalArgumentException("host must be a bare host name, without scheme or path: " + value);
            }
            this.endpoint = URI.create("https://" + value);
            return this;
        }

        /**
         * Sets the endpoint (tests, proxies); https unless loopback.
         *
         * @param value for example {@code https://acme.stellarcyber.cloud}
         * @return this builder
         */
        public Builder endpoint(URI value) {
            this.endpoint = Objects.requireNonNull(value, "endpoint");
            return this;
        }

        /**
         * Authenticates with a user's API key exchanged for short-lived JWTs (all releases).
         *
         * @param userEmail the e-mail of the user the key belongs to
         * @param apiKey    the API key
         * @return this builder
         */
        public Builder apiKey(String userEmail, Secret apiKey) {
            BasicAuth.header(userEmail, apiKey);
            return mode("apiKey", tokenEndpoint -> JwtRefreshAuth.builder().tokenEndpoint(tokenEndpoint)
                    .basicKey(userEmail, apiKey).refreshAhead(refreshAhead).build());
        }

        /**
         * Authenticates with a 5.5+ user-scoped API key exchanged for short-lived JWTs.
         *
         * @param apiKey the scoped API key
         * @return this builder
         */
        public Builder scopedApiKey(Secret apiKey) {
            Objects.requireNonNull(apiKey, "apiKey");
            return mode("scopedApiKey", tokenEndpoint -> JwtRefreshAuth.builder().tokenEndpoint(tokenEndpoint)
                    .bearerKey(apiKey).refreshAhead(refreshAhead).build());
        }

        /**
         * Authenticates with HTTP Basic on every call (5.4.0 only, not 5.4.0s).
         *
         * @param userEmail the user's e-mail
         * @param apiKey    the API key
         * @return this builder
         */
        public Builder basicApiKey(String userEmail, Secret apiKey) {
            BasicAuth basic = BasicAuth.of(userEmail, apiKey);
            return mode("basicApiKey", tokenEndpoint -> basic);
        }

        private Builder mode(String name, Function<URI, AuthStrategy> strategy) {
            if (authMode != null && !authMode.equals(name)) {
                throw new IllegalStateException("auth mode already chosen: " + authMode + "; choose exactly one");
            }
            this.authMode = name;
            this.auth = strategy;
            return this;
        }

        /**
         * Sets how long before a JWT expires it is refreshed (default 60 s, never more than half its lifetime).
         *
         * @param value the margin
         * @return this builder
         */
        public Builder tokenRefreshAhead(Duration value) {
            this.refreshAhead = Objects.requireNonNull(value, "refreshAhead");
            return this;
        }

        /**
         * Sets timeouts, retries, rate limits, clock, sleeper and the shared OkHttp client.
         *
         * @param value the options
         * @return this builder
         */
        public Builder options(ClientOptions value) {
            this.options = Objects.requireNonNull(value, "options");
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws IllegalArgumentException when the endpoint or the auth mode is missing
         */
        public StellarCyberClient build() {
            return new StellarCyberClient(this);
        }
    }
}
