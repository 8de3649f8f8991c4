package io.secopskit.core.auth;

import io.secopskit.core.Secret;
import io.secopskit.core.internal.auth.AccessToken;
import io.secopskit.core.internal.auth.TokenCache;
import io.secopskit.core.internal.auth.TokenResponses;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Exchanges a long-lived key for a short-lived JWT and sends it as {@code Authorization: Bearer}, as
 * Stellar Cyber's {@code POST /connect/api/v1/access_token} does. The exchange is a POST with an empty
 * body and the key in a header ({@link Builder#basicKey} or {@link Builder#bearerKey}). The token is read
 * from {@code access_token} (also under {@code data}); its expiry from the {@code exp} field (epoch
 * seconds, or milliseconds), else the JWT's own {@code exp} claim, else {@link Builder#defaultLifetime}.
 *
 * <p>Shares the token cache behaviour of {@link OAuth2ClientCredentialsAuth}: refresh ahead by one caller,
 * all callers wait on one refresh once expired, 401 drops the token and replays once. Thread-safe.
 */
public final class JwtRefreshAuth implements AuthStrategy {
    private final URI tokenEndpoint;
    private final Map<String, Secret> keyHeaders;
    private final List<String> tokenFields;
    private final String expiryField;
    private final Duration defaultLifetime;
    private final TokenCache cache;

    private JwtRefreshAuth(Builder b) {
        this.tokenEndpoint = Objects.requireNonNull(b.tokenEndpoint, "tokenEndpoint");
        if (b.keyHeaders.isEmpty()) {
            throw new IllegalArgumentException("a key header is required: call basicKey(...) or bearerKey(...)");
        }
        this.keyHeaders = Map.copyOf(b.keyHeaders);
        this.tokenFields = List.copyOf(b.tokenFields);
        this.expiryField = b.expiryField;
        this.defaultLifetime = b.defaultLifetime;
        this.cache = new TokenCache(b.refreshAhead, b.expirySafety);
    }

    /**
     * Starts a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public AuthHeaders authenticate(AuthContext context) {
        return cache.bearerHeaders(context.clock(), context.vendor(), () -> fetch(context));
    }

    @Override
    public boolean onUnauthorized(AuthHeaders rejected) {
        cache.invalidateBearer(rejected);
        return true;
    }

    private AccessToken fetch(AuthContext context) {
        Map<String, Secret> headers = new LinkedHashMap<>(keyHeaders);
        headers.put("Accept", Secret.of("application/json"));
        TokenEndpointResponse response = context.post(tokenEndpoint, headers, null, null);
        return TokenResponses.parse(context.vendor(), response, context.clock().instant(), tokenFields,
                expiryField, defaultLifetime);
    }

    @Override
    public String toString() {
        return "JwtRefreshAuth{tokenEndpoint=" + tokenEndpoint + ", keyHeaders=" + keyHeaders.keySet() + "}";
    }

    /** Builds a {@link JwtRefreshAuth}. */
    public static final class Builder {
        private URI tokenEndpoint;
        private final Map<String, Secret> keyHeaders = new LinkedHashMap<>();
        private List<String> tokenFields = List.of("access_token");
        private String expiryField = "exp";
        private Duration defaultLifetime = Duration.ofSeconds(600);
        private Duration refreshAhead = Duration.ofSeconds(60);
        private Duration expirySafety = Duration.ofSeconds(5);

        private Builder() {
        }

        /**
         * Sets the token exchange endpoint.
         *
         * @param value the endpoint
         * @return this builder
         */
        public Builder tokenEndpoint(URI value) {
            this.tokenEndpoint = Objects.requireNonNull(value, "tokenEndpoint");
            return this;
        }

        /**
         * Sends the key as {@code Authorization: Basic base64(user:key)}.
         *
         * @param user the user (Stellar Cyber: the user's e-mail address)
         * @param key  the long-lived key
         * @return this builder
         */
        public Builder basicKey(String user, Secret key) {
            this.keyHeaders.put("Authorization", BasicAuth.header(user, key));
            return this;
        }

        /**
         * Sends the key as {@code Authorization: Bearer <key>}.
         *
         * @param key the long-lived key
         * @return this builder
         */
        public Builder bearerKey(Secret key) {
            this.keyHeaders.put("Authorization", Secret.of("Bearer " + Objects.requireNonNull(key, "key").reveal()));
            return this;
        }

        /**
         * Sets the answer fields that may hold the token, in order (default {@code access_token}).
         *
         * @param fields field names
         * @return this builder
         */
        public Builder tokenFields(String... fields) {
            this.tokenFields = List.of(fields);
            return this;
        }

        /**
         * Sets the answer field holding the absolute expiry in epoch seconds or milliseconds (default
         * {@code exp}); null to ignore.
         *
         * @param field the field name, or null
         * @return this builder
         */
        public Builder expiryField(String field) {
            this.expiryField = field;
            return this;
        }

        /**
         * Sets the lifetime assumed when neither the answer nor the JWT says (default 600 s).
         *
         * @param value positive duration
         * @return this builder
         */
        public Builder defaultLifetime(Duration value) {
            this.defaultLifetime = Objects.requireNonNull(value, "defaultLifetime");
            return this;
        }

        /**
         * Sets how long before expiry a refresh starts (default 60 s; never more than half the lifetime).
         *
         * @param value duration
         * @return this builder
         */
        public Builder refreshAhead(Duration value) {
            this.refreshAhead = Objects.requireNonNull(value, "refreshAhead");
            return this;
        }

        /**
         * Sets how long before expiry a token is no longer sent (default 5 s; never more than a tenth of
         * the lifetime).
         *
         * @param value duration
         * @return this builder
         */
        public Builder expirySafety(Duration value) {
            this.expirySafety = Objects.requireNonNull(value, "expirySafety");
            return this;
        }

        /**
         * Builds the strategy.
         *
         * @return the strategy
         */
        public JwtRefreshAuth build() {
            return new JwtRefreshAuth(this);
        }
    }
}
