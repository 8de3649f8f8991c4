package io.secopskit.core.auth;

import io.secopskit.core.Secret;
import io.secopskit.core.internal.auth.AccessToken;
import io.secopskit.core.internal.auth.TokenResponses;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Exchanges a long-lived key for a short-lived JWT and sends it as {@code Authorization: Bearer}, as
 * Stellar Cyber's {@code POST /connect/api/v1/access_token} does. The exchange is a POST with the key in
 * a header ({@link Builder#basicKey} or {@link Builder#bearerKey}) and an empty body, optionally with a
 * content type ({@link Builder#contentType}; Stellar documents
 * {@code application/x-www-form-urlencoded}). The token is read from {@code access_token} (also under
 * {@code data}); its expiry from {@code expires_in} or an absolute {@code exp} (epoch seconds or
 * milliseconds) wherever the answer carries it, else the JWT's own {@code exp} claim, else
 * {@link Builder#defaultLifetime}. A key given as a supplier is read at every exchange.
 *
 * <p>Caching, refresh, failure backoff and 401 handling are those of {@link TokenAuthStrategy}. Thread-safe.
 */
public final class JwtRefreshAuth extends TokenAuthStrategy {
    private final URI tokenEndpoint;
    private final String keyScheme;
    private final String keyUser;
    private final Supplier<Secret> key;
    private final List<String> tokenFields;
    private final String expiryField;
    private final Duration defaultLifetime;
    private final String contentType;

    private JwtRefreshAuth(Builder b) {
        super(b);
        if (b.tokenEndpoint == null) {
            throw new IllegalArgumentException("tokenEndpoint is required");
        }
        this.tokenEndpoint = b.tokenEndpoint;
        if (b.key == null) {
            throw new IllegalArgumentException("a key is required: call basicKey(...) or bearerKey(...)");
        }
        this.keyScheme = b.keyScheme;
        this.keyUser = b.keyUser;
        this.key = b.key;
        this.tokenFields = List.copyOf(b.tokenFields);
        this.expiryField = b.expiryField;
        this.defaultLifetime = b.defaultLifetime;
        this.contentType = b.contentType;
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
    protected IssuedToken fetchToken(AuthContext context) {
        Secret current = key.get();
        if (current == null) {
            throw new io.secopskit.core.error.AuthenticationException(io.secopskit.core.error.ErrorInfo.of(context.vendor(),
                    "token").withVendorMessage("the key supplier returned null; no token request was sent"));
        }
        Map<String, Secret> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Basic".equals(keyScheme) ? BasicAuth.header(keyUser, current)
                : Secret.of("Bearer " + current.reveal()));
        headers.put("Accept", Secret.of("application/json"));
        TokenEndpointResponse response = context.post(tokenEndpoint, headers, contentType, null);
        AccessToken token = TokenResponses.parse(context.vendor(), tokenEndpoint.getHost(), response,
                context.clock().instant(), tokenFields, expiryField, defaultLifetime);
        return new IssuedToken(token.value(), token.expiresAt(), null);
    }

    @Override
    public String toString() {
        return "JwtRefreshAuth{tokenEndpoint=" + tokenEndpoint + ", key=" + keyScheme + "}";
    }

    /** Builds a {@link JwtRefreshAuth}. */
    public static final class Builder extends TokenAuthStrategy.Builder<Builder> {
        private URI tokenEndpoint;
        private String keyScheme;
        private String keyUser;
        private Supplier<Secret> key;
        private List<String> tokenFields = List.of("access_token");
        private String expiryField = "exp";
        private Duration defaultLifetime = Duration.ofSeconds(600);
        private String contentType;

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Sets the exchange endpoint.
         *
         * @param value the endpoint URI (https unless loopback)
         * @return this builder
         */
        public Builder tokenEndpoint(URI value) {
            this.tokenEndpoint = Objects.requireNonNull(value, "tokenEndpoint");
            return this;
        }

        /**
         * Sends the key as {@code Authorization: Basic base64(user:key)}.
         *
         * @param user the user (for Stellar Cyber, the user's e-mail)
         * @param key  the key
         * @return this builder
         */
        public Builder basicKey(String user, Secret key) {
            Objects.requireNonNull(key, "key");
            return basicKey(user, () -> key);
        }

        /**
         * Sends a key read from a supplier as {@code Authorization: Basic base64(user:key)}.
         *
         * @param user the user
         * @param key  supplies the current key
         * @return this builder
         */
        public Builder basicKey(String user, Supplier<Secret> key) {
            BasicAuth.header(user, Secret.of("x")); // validates the user name
            this.keyScheme = "Basic";
            this.keyUser = user;
            this.key = Objects.requireNonNull(key, "key");
            return this;
        }

        /**
         * Sends the key as {@code Authorization: Bearer <key>}.
         *
         * @param key the key
         * @return this builder
         */
        public Builder bearerKey(Secret key) {
            Objects.requireNonNull(key, "key");
            return bearerKey(() -> key);
        }

        /**
         * Sends a key read from a supplier as {@code Authorization: Bearer <key>}.
         *
         * @param key supplies the current key
         * @return this builder
         */
        public Builder bearerKey(Supplier<Secret> key) {
            this.keyScheme = "Bearer";
            this.keyUser = null;
            this.key = Objects.requireNonNull(key, "key");
            return this;
        }

        /**
         * Sets the field names that may carry the token, in order (default {@code access_token}).
         *
         * @param fields field names
         * @return this builder
         */
        public Builder tokenFields(String... fields) {
            this.tokenFields = List.of(fields);
            return this;
        }

        /**
         * Sets the absolute expiry field looked for first (default {@code exp}).
         *
         * @param field field name
         * @return this builder
         */
        public Builder expiryField(String field) {
            this.expiryField = field;
            return this;
        }

        /**
         * Sets the {@code Content-Type} of the (empty) exchange request; none by default.
         *
         * @param value the media type, for example {@code application/x-www-form-urlencoded}
         * @return this builder
         */
        public Builder contentType(String value) {
            this.contentType = value;
            return this;
        }

        /**
         * Sets the lifetime assumed when nothing in the answer says (default 600 s).
         *
         * @param value positive duration
         * @return this builder
         */
        public Builder defaultLifetime(Duration value) {
            this.defaultLifetime = io.secopskit.core.internal.Checks.positive(value, "defaultLifetime");
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
