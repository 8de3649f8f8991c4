package io.secopskit.core.auth;

import io.secopskit.core.Secret;
import io.secopskit.core.error.AuthenticationException;
import io.secopskit.core.internal.auth.AccessToken;
import io.secopskit.core.internal.auth.TokenResponses;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * OAuth 2.0 token authentication with a cached bearer token: the client-credentials grant
 * ({@code grant_type=client_credentials}, Taegis XDR, ServiceNow) by default, or the resource-owner
 * password grant ({@link Builder#passwordGrant}, ServiceNow). The client authenticates to the token
 * endpoint with HTTP Basic {@code client_id:client_secret} (default) or with form fields. The token's
 * lifetime comes from {@code expires_in}, else from the JWT {@code exp} claim, else
 * {@link Builder#defaultLifetime}. When the endpoint returns a {@code refresh_token}, the next refresh
 * uses {@code grant_type=refresh_token} first and falls back to the original grant if it is refused.
 * Secrets given as suppliers are read at every token request, so a rotated secret needs no new client.
 *
 * <p>Caching, refresh, failure backoff and 401 handling are those of {@link TokenAuthStrategy}.
 * Thread-safe; share one instance per set of credentials.
 */
public final class OAuth2ClientCredentialsAuth extends TokenAuthStrategy {
    /** How the client proves its identity to the token endpoint. */
    public enum ClientAuthentication {
        /** {@code Authorization: Basic base64(client_id:client_secret)}. */
        BASIC,
        /** {@code client_id} and {@code client_secret} form fields. */
        FORM
    }

    private static final List<String> TOKEN_FIELDS = List.of("access_token");

    private final URI tokenEndpoint;
    private final String clientId;
    private final Supplier<Secret> clientSecret;
    private final ClientAuthentication clientAuthentication;
    private final Map<String, String> extraParameters;
    private final Duration defaultLifetime;
    private final String username;
    private final Supplier<Secret> password;
    private volatile Secret refreshToken;

    private OAuth2ClientCredentialsAuth(Builder b) {
        super(b);
        if (b.tokenEndpoint == null) {
            throw new IllegalArgumentException("tokenEndpoint is required");
        }
        this.tokenEndpoint = b.tokenEndpoint;
        if (b.clientId == null || b.clientId.isBlank()) {
            throw new IllegalArgumentException("clientId must not be blank");
        }
        this.clientId = b.clientId;
        this.clientSecret = Objects.requireNonNull(b.clientSecret, "clientSecret");
        this.clientAuthentication = b.clientAuthentication;
        this.extraParameters = Map.copyOf(b.extraParameters);
        this.defaultLifetime = b.defaultLifetime;
        this.username = b.username;
        this.password = b.password;
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
        Secret refresh = refreshToken;
        if (refresh != null) {
            try {
                return request(context, Map.of("grant_type", "refresh_token", "refresh_token", refresh.reveal()));
            } catch (AuthenticationException e) {
                refreshToken = null; // expired or revoked: fall back to the original grant
            }
        }
        Map<String, String> form = new LinkedHashMap<>();
        if (username != null) {
            form.put("grant_type", "password");
            form.put("username", username);
            form.put("password", supplied(context, password, "password").reveal());
        } else {
            form.put("grant_type", "client_credentials");
        }
        form.putAll(extraParameters);
        return request(context, form);
    }

    private IssuedToken request(AuthContext context, Map<String, String> form) {
        Map<String, Secret> headers = new LinkedHashMap<>();
        headers.put("Accept", Secret.of("application/json"));
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> appendForm(body, k, v));
        Secret secret = supplied(context, clientSecret, "client secret");
        if (clientAuthentication == ClientAuthentication.BASIC) {
            headers.put("Authorization", BasicAuth.header(urlEncode(clientId), Secret.of(urlEncode(secret.reveal()))));
        } else {
            appendForm(body, "client_id", clientId);
            appendForm(body, "client_secret", secret.reveal());
        }
        TokenEndpointResponse response = context.post(tokenEndpoint, headers,
                "application/x-www-form-urlencoded", Secret.of(body.toString()));
        AccessToken token = TokenResponses.parse(context.vendor(), tokenEndpoint.getHost(), response,
                context.clock().instant(), TOKEN_FIELDS, null, defaultLifetime);
        if (token.refreshToken() != null) {
            refreshToken = token.refreshToken();
        }
        return new IssuedToken(token.value(), token.expiresAt(), token.refreshToken());
    }

    private static Secret supplied(AuthContext context, Supplier<Secret> source, String what) {
        Secret s = source.get();
        if (s == null) {
            throw new AuthenticationException(io.secopskit.core.error.ErrorInfo.of(context.vendor(), "token")
                    .withVendorMessage("the " + what + " supplier returned null; no token request was sent"));
        }
        return s;
    }

    private static void appendForm(StringBuilder body, String name, String value) {
        if (body.length() > 0) {
            body.append('&');
        }
        body.append(urlEncode(name)).append('=').append(urlEncode(value));
    }

    private static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "OAuth2ClientCredentialsAuth{tokenEndpoint=" + tokenEndpoint + ", clientId=" + clientId
                + ", clientAuthentication=" + clientAuthentication
                + ", grant=" + (username == null ? "client_credentials" : "password(" + username + ")") + "}";
    }

    /** Builds an {@link OAuth2ClientCredentialsAuth}. */
    public static final class Builder extends TokenAuthStrategy.Builder<Builder> {
        private URI tokenEndpoint;
        private String clientId;
        private Supplier<Secret> clientSecret;
        private ClientAuthentication clientAuthentication = ClientAuthentication.BASIC;
        private final Map<String, String> extraParameters = new LinkedHashMap<>();
        private Duration defaultLifetime = Duration.ofMinutes(5);
        private String username;
        private Supplier<Secret> password;

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Uses the resource-owner password grant ({@code grant_type=password}) for this user instead of
         * the client-credentials grant.
         *
         * @param user   the user name
         * @param secret the user's password
         * @return this builder
         */
        public Builder passwordGrant(String user, Secret secret) {
            Objects.requireNonNull(secret, "password");
            return passwordGrant(user, () -> secret);
        }

        /**
         * Uses the password grant with a password read from a supplier at every token request.
         *
         * @param user   the user name
         * @param secret supplies the current password
         * @return this builder
         */
        public Builder passwordGrant(String user, Supplier<Secret> secret) {
            if (user == null || user.isBlank()) {
                throw new IllegalArgumentException("username must not be blank");
            }
            this.username = user;
            this.password = Objects.requireNonNull(secret, "password");
            return this;
        }

        /**
         * Sets the token endpoint.
         *
         * @param value the endpoint URI (https unless loopback)
         * @return this builder
         */
        public Builder tokenEndpoint(URI value) {
            this.tokenEndpoint = Objects.requireNonNull(value, "tokenEndpoint");
            return this;
        }

        /**
         * Sets the client id and secret.
         *
         * @param id     the client id
         * @param secret the client secret
         * @return this builder
         */
        public Builder credentials(String id, Secret secret) {
            Objects.requireNonNull(secret, "clientSecret");
            return credentials(id, () -> secret);
        }

        /**
         * Sets the client id and a supplier of the client secret, read at every token request.
         *
         * @param id     the client id
         * @param secret supplies the current client secret
         * @return this builder
         */
        public Builder credentials(String id, Supplier<Secret> secret) {
            this.clientId = id;
            this.clientSecret = Objects.requireNonNull(secret, "clientSecret");
            return this;
        }

        /**
         * Sets how the client authenticates to the token endpoint (default {@link ClientAuthentication#BASIC}).
         *
         * @param value the method
         * @return this builder
         */
        public Builder clientAuthentication(ClientAuthentication value) {
            this.clientAuthentication = Objects.requireNonNull(value, "clientAuthentication");
            return this;
        }

        /**
         * Adds a form parameter sent with every token request (for example {@code scope}).
         *
         * @param name  parameter name
         * @param value parameter value
         * @return this builder
         */
        public Builder parameter(String name, String value) {
            if ("grant_type".equals(name) || "client_secret".equals(name) || "password".equals(name)
                    || "refresh_token".equals(name)) {
                throw new IllegalArgumentException(name + " is set by the strategy");
            }
            this.extraParameters.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Sets the lifetime assumed when the answer has no {@code expires_in} and the token is not a JWT
         * with {@code exp} (default 5 minutes).
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
         * @throws IllegalArgumentException if the endpoint or credentials are missing
         */
        public OAuth2ClientCredentialsAuth build() {
            return new OAuth2ClientCredentialsAuth(this);
        }
    }
}
