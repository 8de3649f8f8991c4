package io.secopskit.stellar;

import io.secopskit.core.Secret;
import io.secopskit.core.VendorClient;
import io.secopskit.core.VendorClientBuilder;
import io.secopskit.core.auth.AuthStrategy;
import io.secopskit.core.auth.BasicAuth;
import io.secopskit.core.auth.JwtRefreshAuth;
import io.secopskit.core.error.ConfigurationException;
import io.secopskit.core.http.ClientOptions;
import io.secopskit.core.spi.Inputs;
import io.secopskit.core.spi.VendorPipeline;
import io.secopskit.stellar.internal.StellarAuth;
import io.secopskit.stellar.internal.StellarErrorDecoder;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Client for the Stellar Cyber public API ({@code https://<host>/connect/api/v1}): {@link #cases()} and
 * {@link #tenants()}. Immutable and thread-safe; build one per Stellar Cyber deployment and credential and
 * share it. {@link #close()} releases its connection pool.
 *
 * <pre>{@code
 * StellarClient stellar = StellarClient.builder()
 *     .host("acme.stellarcyber.cloud")
 *     .apiKey("soc-bot@partner.example", Secret.of(apiKey))
 *     .build();
 * }</pre>
 *
 * <p>Choose exactly one auth flow on the builder (each also takes a {@code Supplier<Secret>}, read again at
 * every token exchange and after a 401, so a rotated key needs no new client):
 * <ul>
 *   <li>{@link Builder#apiKey(String, Secret)} — every release: the key is exchanged at
 *       {@code POST /connect/api/v1/access_token} ({@code Authorization: Basic base64(email:key)},
 *       {@code Content-Type: application/x-www-form-urlencoded}, empty body) for a JWT valid ten minutes,
 *       sent as {@code Bearer}; refreshed ahead of expiry by one caller (single flight); a 401 gives one
 *       refresh and one replay.</li>
 *   <li>{@link Builder#scopedApiKey(Secret)} — 5.4.1+ with user-scoped API keys enabled: the same exchange,
 *       the key sent as {@code Authorization: Bearer <key>}.</li>
 *   <li>{@link Builder#basicAuth(String, Secret)} — 5.4.0 only (not 5.4.0s):
 *       {@code Basic base64(email:key)} on every call, no token.</li>
 * </ul>
 */
public final class StellarClient implements VendorClient {
    /** The vendor id: the prefix of every operation name ({@code stellar.CreateTenant}) and error. */
    public static final String VENDOR = "stellar";
    /** The path of the API-key-to-JWT exchange. */
    public static final String TOKEN_PATH = "/connect/api/v1/access_token";
    /** The {@code Content-Type} the vendor's document sends on the token exchange. */
    public static final String TOKEN_CONTENT_TYPE = "application/x-www-form-urlencoded";

    private final URI endpoint;
    private final VendorPipeline pipeline;
    private final CasesClient cases;
    private final TenantsClient tenants;

    private StellarClient(URI endpoint, VendorPipeline pipeline) {
        this.endpoint = endpoint;
        this.pipeline = pipeline;
        this.cases = new CasesClient(pipeline);
        this.tenants = new TenantsClient(pipeline);
    }

    /**
     * Starts a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns {@value #VENDOR}. */
    @Override
    public String vendor() {
        return VENDOR;
    }

    /**
     * Returns the Stellar Cyber endpoint this client talks to ({@code https://<host>}, or the
     * {@code endpoint(URI)} given), for plans and messages.
     *
     * @return the endpoint
     */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * Returns the cases operations ({@code /connect/api/v1/cases}).
     *
     * @return the cases client, sharing this client's pipeline
     */
    public CasesClient cases() {
        return cases;
    }

    /**
     * Returns the tenants operations ({@code /connect/api/v1/tenants}).
     *
     * @return the tenants client, sharing this client's pipeline
     */
    public TenantsClient tenants() {
        return tenants;
    }

    /** Releases the connection pool this client owns; later calls fail with {@link IllegalStateException}. */
    @Override
    public void close() {
        pipeline.close();
    }

    @Override
    public String toString() {
        return "StellarClient{endpoint=" + endpoint + "}";
    }

    /**
     * Builds a {@link StellarClient}. Settings may be given in any order; they are resolved in
     * {@link #build()}, and every problem — no location, no credentials, two auth flows, a malformed host, a
     * plain-http endpoint that is not loopback — is a {@link io.secopskit.core.error.ConfigurationException}
     * naming the setting.
     */
    public static final class Builder extends VendorClientBuilder<Builder, StellarClient> {
        private static final String FLOWS = "apiKey(...), scopedApiKey(...) or basicAuth(...)";

        private String host;
        private final List<String> flows = new ArrayList<>();
        private String userEmail;
        private Supplier<Secret> key;
        private Duration refreshAhead;

        private Builder() {
            super(VENDOR);
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Sets the endpoint, overriding {@link #host(String)} (tests, proxies; a base path is kept for every
         * call and for the token exchange). Must be https unless the host is loopback (checked in
         * {@link #build()}).
         *
         * @param value the endpoint, for example {@code https://acme.stellarcyber.cloud}
         * @return this builder
         * @throws io.secopskit.core.error.ConfigurationException if it is null
         */
        @Override
        public Builder endpoint(URI value) {
            if (value == null) {
                throw invalid("endpoint", "must not be null");
            }
            return super.endpoint(value);
        }

        /**
         * Sets the client options (timeouts, retries, rate limits, policies, listeners, proxy, trust).
         *
         * @param value the options
         * @return this builder
         * @throws io.secopskit.core.error.ConfigurationException if it is null
         */
        @Override
        public Builder options(ClientOptions value) {
            if (value == null) {
                throw invalid("options", "must not be null");
            }
            return super.options(value);
        }

        /**
         * Changes the current options: {@code .options(o -> o.readTimeout(Duration.ofSeconds(5)))}.
         *
         * @param changes edits applied to a builder holding the current options
         * @return this builder
         * @throws io.secopskit.core.error.ConfigurationException if it is null or an edit breaks a rule
         */
        @Override
        public Builder options(Consumer<ClientOptions.Builder> changes) {
            if (changes == null) {
                throw invalid("options", "must not be null");
            }
            try {
                return super.options(changes);
            } catch (IllegalArgumentException | IllegalStateException | NullPointerException e) {
                throw new ConfigurationException(VENDOR, "options", e.getMessage() == null
                        ? e.getClass().getSimpleName() : e.getMessage(), e);
            }
        }

        /**
         * Sets the auth strategy directly, instead of {@link #apiKey}, {@link #scopedApiKey} or
         * {@link #basicAuth}; never together with one of them.
         *
         * @param value the strategy
         * @return this builder
         * @throws io.secopskit.core.error.ConfigurationException if it is null
         */
        @Override
        public Builder auth(AuthStrategy value) {
            if (value == null) {
                throw invalid("auth", "must not be null");
            }
            return super.auth(value);
        }

        /**
         * Sets the Stellar Cyber host; the client talks to {@code https://<host>}. {@link #endpoint(URI)}, when
         * also given, wins (tests, proxies).
         *
         * @param hostName host name or IP address, optionally with {@code :port}, for example
         *                 {@code acme.stellarcyber.cloud}; no scheme, path or credentials
         * @return this builder
         * @throws io.secopskit.core.error.ConfigurationException if it is blank or not a bare host
         */
        public Builder host(String hostName) {
            if (hostName == null || hostName.isBlank()) {
                throw invalid("host", "must be a host name such as acme.stellarcyber.cloud (was "
                        + Inputs.quote(hostName) + ")");
            }
            for (int i = 0; i < hostName.length(); i++) {
                char c = hostName.charAt(i);
                if (Inputs.isControl(c) || Character.isWhitespace(c) || "/?#@\\".indexOf(c) >= 0) {
                    throw invalid("host", "must be a bare host name without scheme, path, credentials or spaces"
                            + " (was " + Inputs.quote(hostName) + "); use endpoint(URI) for a full URL");
                }
            }
            try {
                URI uri = new URI("https://" + hostName);
                if (uri.getHost() == null) {
                    throw invalid("host", "is not a valid host name (was " + Inputs.quote(hostName) + ")");
                }
            } catch (URISyntaxException e) {
                throw invalid("host", "is not a valid host name (was " + Inputs.quote(hostName) + ")");
            }
            this.host = hostName;
            return this;
        }

        /**
         * Authenticates with a user's API key exchanged for short-lived JWTs (every release; the default).
         *
         * @param userEmail the e-mail of the local user the key belongs to (SSO users cannot use the API)
         * @param apiKey    the API key (System | Users → API Access)
         * @return this builder
         * @throws io.secopskit.core.error.ConfigurationException if the e-mail is blank or holds {@code :},
         *                                                        or the key is null
         */
        public Builder apiKey(String userEmail, Secret apiKey) {
            return apiKey(userEmail, fixed("apiKey", apiKey));
        }

        /**
         * Like {@link #apiKey(String, Secret)} with the key read from a supplier (a vault) at every token
         * exchange.
         *
         * @param userEmail the user's e-mail
         * @param apiKey    supplies the current API key
         * @return this builder
         * @throws io.secopskit.core.error.ConfigurationException if the e-mail is blank or holds {@code :},
         *                                                        or the supplier is null
         */
        public Builder apiKey(String userEmail, Supplier<Secret> apiKey) {
            return flow("apiKey(...)", checkEmail("apiKey", userEmail), apiKey, "apiKey");
        }

        /**
         * Authenticates with a user-scoped API key (5.4.1+ with scoped API keys enabled) exchanged for
         * short-lived JWTs; the key is limited by its user's privileges and tenancy.
         *
         * @param apiKey the scoped API key (the user's API Keys tab)
         * @return this builder
         * @throws io.secopskit.core.error.ConfigurationException if the key is null
         */
        public Builder scopedApiKey(Secret apiKey) {
            return scopedApiKey(fixed("scopedApiKey", apiKey));
        }

        /**
         * Like {@link #scopedApiKey(Secret)} with the key read from a supplier at every token exchange.
         *
         * @param apiKey supplies the current scoped API key
         * @return this builder
         * @throws io.secopskit.core.error.ConfigurationException if the supplier is null
         */
        public Builder scopedApiKey(Supplier<Secret> apiKey) {
            return flow("scopedApiKey(...)", null, apiKey, "scopedApiKey");
        }

        /**
         * Authenticates with HTTP Basic ({@code email:key}) on every call, without a token: 5.4.0 only (not
         * 5.4.0s or later releases).
         *
         * @param userEmail the user's e-mail
         * @param apiKey    the API key
         * @return this builder
         * @throws io.secopskit.core.error.ConfigurationException if the e-mail is blank or holds {@code :},
         *                                                        or the key is null
         */
        public Builder basicAuth(String userEmail, Secret apiKey) {
            return basicAuth(userEmail, fixed("basicAuth", apiKey));
        }

        /**
         * Like {@link #basicAuth(String, Secret)} with the key read from a supplier once, and again after a
         * 401 (a rotated key is then used for one replay).
         *
         * @param userEmail the user's e-mail
         * @param apiKey    supplies the current API key
         * @return this builder
         * @throws io.secopskit.core.error.ConfigurationException if the e-mail is blank or holds {@code :},
         *                                                        or the supplier is null
         */
        public Builder basicAuth(String userEmail, Supplier<Secret> apiKey) {
            return flow("basicAuth(...)", checkEmail("basicAuth", userEmail), apiKey, "basicAuth");
        }

        /**
         * Sets how long before a JWT expires it is refreshed (default 60 s; never more than half the token's
         * lifetime). Applies to {@link #apiKey} and {@link #scopedApiKey} only.
         *
         * @param value a positive duration
         * @return this builder
         * @throws io.secopskit.core.error.ConfigurationException if it is null, zero or negative
         */
        public Builder tokenRefreshAhead(Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw invalid("tokenRefreshAhead", "must be a positive duration (was " + value + ")");
            }
            this.refreshAhead = value;
            return this;
        }

        private Supplier<Secret> fixed(String setting, Secret value) {
            if (value == null) {
                throw invalid(setting, "the API key must not be null");
            }
            return () -> value;
        }

        private String checkEmail(String setting, String email) {
            boolean control = email != null && email.chars().anyMatch(c -> Inputs.isControl((char) c));
            if (email == null || email.isBlank() || email.indexOf(':') >= 0 || control) {
                throw invalid(setting, "the user e-mail must be non-blank, without ':' or control characters (was "
                        + Inputs.quote(email) + ")");
            }
            return email;
        }

        private Builder flow(String name, String email, Supplier<Secret> apiKey, String setting) {
            if (apiKey == null) {
                throw invalid(setting, "the API key supplier must not be null");
            }
            flows.remove(name);
            flows.add(name);
            this.userEmail = email;
            this.key = apiKey;
            return this;
        }

        @Override
        protected StellarClient buildClient() {
            if (flows.size() > 1) {
                throw invalid("auth", "choose exactly one of " + FLOWS + "; got " + String.join(" and ", flows));
            }
            URI endpoint = resolveEndpoint(host == null ? null : URI.create("https://" + host), "host(...)");
            String flow = flows.isEmpty() ? null : flows.get(0);
            if (refreshAhead != null && !"apiKey(...)".equals(flow) && !"scopedApiKey(...)".equals(flow)) {
                throw invalid("tokenRefreshAhead", "applies only to apiKey(...) and scopedApiKey(...), not to "
                        + (flow == null ? "auth(...)" : flow));
            }
            AuthStrategy auth = resolveAuth(flow == null ? null : convenience(flow, tokenEndpoint(endpoint)), FLOWS);
            StellarAuth.Flow mode = flow == null ? StellarAuth.Flow.CUSTOM
                    : flow.startsWith("apiKey") ? StellarAuth.Flow.API_KEY
                    : flow.startsWith("scoped") ? StellarAuth.Flow.SCOPED_API_KEY : StellarAuth.Flow.BASIC;
            StellarAuth hinting = new StellarAuth(auth, mode);
            VendorPipeline pipeline = pipeline()
                    .endpoint(endpoint)
                    .auth(mode == StellarAuth.Flow.CUSTOM ? auth : hinting)
                    .errorDecoder(new StellarErrorDecoder(mode, hinting.skew()))
                    .secretJsonFields("access_token", "api_key", "refresh_token")
                    .build();
            return new StellarClient(endpoint, pipeline);
        }

        private AuthStrategy convenience(String flow, URI tokenEndpoint) {
            if (flow.startsWith("basicAuth")) {
                return BasicAuth.of(userEmail, key);
            }
            JwtRefreshAuth.Builder jwt = JwtRefreshAuth.builder().tokenEndpoint(tokenEndpoint)
                    .contentType(TOKEN_CONTENT_TYPE).tokenFields("access_token").expiryField("exp");
            if (refreshAhead != null) {
                jwt.refreshAhead(refreshAhead);
            }
            return (flow.startsWith("apiKey") ? jwt.basicKey(userEmail, key) : jwt.bearerKey(key)).build();
        }

        /** The token endpoint under the endpoint, keeping a base path (a proxy's prefix) if there is one. */
        private static URI tokenEndpoint(URI endpoint) {
            String base = endpoint.toString();
            while (base.endsWith("/")) {
                base = base.substring(0, base.length() - 1);
            }
            return URI.create(base + TOKEN_PATH);
        }
    }
}
