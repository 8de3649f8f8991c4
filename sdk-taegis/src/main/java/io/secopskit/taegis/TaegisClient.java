package io.secopskit.taegis;

import io.secopskit.core.Secret;
import io.secopskit.core.VendorClient;
import io.secopskit.core.VendorClientBuilder;
import io.secopskit.core.auth.AuthStrategy;
import io.secopskit.core.auth.OAuth2ClientCredentialsAuth;
import io.secopskit.core.error.ConfigurationException;
import io.secopskit.core.http.ClientOptions;
import io.secopskit.core.spi.Inputs;
import io.secopskit.core.spi.VendorPipeline;
import io.secopskit.taegis.internal.GraphQLTransport;
import io.secopskit.taegis.internal.Regions;
import io.secopskit.taegis.internal.TaegisAuth;
import io.secopskit.taegis.internal.TaegisErrors;
import io.secopskit.taegis.internal.TaegisIds;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Client for the Secureworks Taegis XDR Tenants GraphQL API ({@code POST <tenants host>/public/query}):
 * {@link #tenants()} (with their labels), {@link #subscriptions()} and the SSO connections of a tenant
 * ({@link #sso(String)}). Authenticates with OAuth 2.0 client credentials at
 * {@code <region API host>/auth/api/v2/auth/token} (HTTP Basic {@code client_id:client_secret}); one token
 * serves every call until 15 s before its JWT {@code exp}. Immutable and thread-safe; share one per account and
 * region, and {@link #close()} it when done.
 *
 * <pre>{@code
 * try (TaegisClient taegis = TaegisClient.builder().region(TaegisRegion.US1)
 *         .clientCredentials(clientId, Secret.of(clientSecret)).build()) {
 *     for (Tenant t : taegis.tenants().list(TenantQuery.builder().name("%acme%").build())) { ... }
 * }
 * }</pre>
 */
public final class TaegisClient implements VendorClient {
    /** The vendor id: the prefix of every operation name and error ({@code taegis.createTenant}). */
    public static final String VENDOR = "taegis";
    /** The token endpoint path on the region's API host. */
    public static final String TOKEN_PATH = "/auth/api/v2/auth/token";
    /** The GraphQL endpoint path on the region's tenants host. */
    public static final String QUERY_PATH = "/public/query";

    private final VendorPipeline pipeline;
    private final URI endpoint;
    private final URI tokenEndpoint;
    private final TenantFields fields;
    private final GraphQLTransport transport;
    private final TenantsClient tenants;
    private final SubscriptionsClient subscriptions;

    private TaegisClient(VendorPipeline pipeline, URI endpoint, URI tokenEndpoint, TenantFields fields, TaegisErrors errors) {
        this.pipeline = pipeline;
        this.endpoint = endpoint;
        this.tokenEndpoint = tokenEndpoint;
        this.fields = fields;
        this.transport = new GraphQLTransport(pipeline, errors, fields);
        this.tenants = new TenantsClient(transport);
        this.subscriptions = new SubscriptionsClient(transport);
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
     * Returns the tenants API endpoint this client talks to (for plans and messages).
     *
     * @return the endpoint, for example {@code https://api.tenants.ctpx.secureworks.com}
     */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * Returns the token endpoint of {@code clientCredentials(...)}.
     *
     * @return the token endpoint, or empty when the client was built with {@code auth(...)}
     */
    public Optional<URI> tokenEndpoint() {
        return Optional.ofNullable(tokenEndpoint);
    }

    /**
     * Returns the field set this client selects unless a query chooses another.
     *
     * @return the field set
     */
    public TenantFields fields() {
        return fields;
    }

    /**
     * Returns the tenant operations. Shares this client's connection pool.
     *
     * @return the tenants client
     */
    public TenantsClient tenants() {
        return tenants;
    }

    /**
     * Returns the partner subscription operations. Shares this client's connection pool.
     *
     * @return the subscriptions client
     */
    public SubscriptionsClient subscriptions() {
        return subscriptions;
    }

    /**
     * Returns the SSO connection operations of one tenant: every call sends {@code X-Tenant-Context: <tenant id>}.
     *
     * @param tenantId the tenant the SSO operations act on
     * @return the SSO client, sharing this client's connection pool
     * @throws io.secopskit.core.error.ValidationException when the tenant id is empty, {@code .} or {@code ..}, holds
     *                                                     whitespace or control characters, or is over 64 characters
     */
    public SsoClient sso(String tenantId) {
        return new SsoClient(transport, TaegisIds.tenantId("sso", "X-Tenant-Context", tenantId));
    }

    /** Releases the connection pool this client owns; later calls fail with {@link IllegalStateException}. Idempotent. */
    @Override
    public void close() {
        pipeline.close();
    }

    /** Names the endpoint and field set; never credentials. */
    @Override
    public String toString() {
        return "TaegisClient{endpoint=" + endpoint + ", fields=" + fields + "}";
    }

    /**
     * Builds a {@link TaegisClient}. Settings may come in any order; they are resolved in {@link #build()}, and
     * every problem is a {@link ConfigurationException} naming the setting.
     *
     * <ul>
     *   <li>Where: {@link #region(TaegisRegion)} — its tenants host for queries, its API host for tokens — or
     *       {@link #endpoint(URI)} (a proxy, a test server; it wins over the region's tenants host). With an
     *       endpoint that is a known region's tenants host and no region, tokens come from that region's API host;
     *       with any other endpoint, name the token host with {@link #region} or {@link #authEndpoint(URI)}. A region
     *       and an endpoint or token host of another region are refused: tokens are valid only in their region.</li>
     *   <li>Who, exactly one of: {@link #clientCredentials(String, Secret)} (or with a {@link Supplier} of the
     *       secret, read again at every token request), or {@link #auth(AuthStrategy)}.</li>
     *   <li>Optionally {@link #options}, and {@link #fields(TenantFields)} (default {@link TenantFields#ALL}).</li>
     * </ul>
     */
    public static final class Builder extends VendorClientBuilder<Builder, TaegisClient> {
        private static final String CONVENIENCE = "clientCredentials(...)";

        private TaegisRegion region;
        private boolean regionSet;
        private URI authEndpoint;
        private boolean authEndpointSet;
        private boolean credentialsSet;
        private String clientId;
        private Supplier<Secret> clientSecret;
        private TenantFields fields = TenantFields.ALL;
        private boolean fieldsSet;

        private Builder() {
            super(VENDOR);
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Sets the tenants API endpoint, overriding the region's tenants host (tests, proxies). Must be https unless
         * the host is loopback (checked in {@link #build()}).
         *
         * @param value the endpoint, for example {@code https://api-tenants.echo.taegis.secureworks.com}
         * @return this builder
         * @throws ConfigurationException if it is null
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
         * @throws ConfigurationException if it is null
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
         * @throws ConfigurationException if it is null or an edit breaks a rule
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
         * Sets the auth strategy directly, instead of {@link #clientCredentials}; never together with it.
         *
         * @param value the strategy
         * @return this builder
         * @throws ConfigurationException if it is null
         */
        @Override
        public Builder auth(AuthStrategy value) {
            if (value == null) {
                throw invalid("auth", "must not be null");
            }
            return super.auth(value);
        }

        /**
         * Sets the region: its tenants host ({@code /public/query}) and its API host, which issues tokens.
         *
         * @param value the region
         * @return this builder
         */
        public Builder region(TaegisRegion value) {
            this.region = value;
            this.regionSet = true;
            return this;
        }

        /**
         * Sets the host that serves {@value TaegisClient#TOKEN_PATH} (tests, proxies), instead of the region's API
         * host; a base path is kept. Applies to {@link #clientCredentials} only.
         *
         * @param value the base URL, for example {@code https://api.delta.taegis.secureworks.com}
         * @return this builder
         */
        public Builder authEndpoint(URI value) {
            this.authEndpoint = value;
            this.authEndpointSet = true;
            return this;
        }

        /**
         * Authenticates with OAuth 2.0 client credentials (an API client of the region's Taegis tenant).
         *
         * @param clientId     the client id
         * @param clientSecret the client secret
         * @return this builder
         */
        public Builder clientCredentials(String clientId, Secret clientSecret) {
            return clientCredentials(clientId, clientSecret == null ? null : () -> clientSecret);
        }

        /**
         * Authenticates with OAuth 2.0 client credentials, the secret read from a supplier (a vault) at every token
         * request, so that a rotated secret needs no new client.
         *
         * @param clientId     the client id
         * @param clientSecret supplies the current client secret
         * @return this builder
         */
        public Builder clientCredentials(String clientId, Supplier<Secret> clientSecret) {
            this.credentialsSet = true;
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            return this;
        }

        /**
         * Chooses the field set this client selects in answers (default {@link TenantFields#ALL}); a
         * {@code TenantQuery} may choose another for one list. Choose {@link TenantFields#DOCUMENTED} when a server
         * refuses a field of {@code ALL} ({@link TaegisUnknownFieldException}).
         *
         * @param value the field set
         * @return this builder
         */
        public Builder fields(TenantFields value) {
            this.fields = value;
            this.fieldsSet = true;
            return this;
        }

        /**
         * Builds the client from the settings.
         *
         * @return the client
         * @throws ConfigurationException if the location or credentials are missing, contradictory or invalid
         */
        @Override
        protected TaegisClient buildClient() {
            if (regionSet && region == null) {
                throw invalid("region", "must not be null");
            }
            if (fieldsSet && fields == null) {
                throw invalid("fields", "must not be null: TenantFields.ALL (the default) or TenantFields.DOCUMENTED");
            }
            URI endpoint = resolveEndpoint(region == null ? null : region.tenantsHost(), "region(TaegisRegion)");
            Optional<TaegisRegion> endpointRegion = Regions.ofTenantsHost(endpoint);
            if (region != null && endpointOverride() != null && endpointRegion.isPresent() && endpointRegion.get() != region) {
                throw invalid("endpoint", "is the " + endpointRegion.get() + " tenants host but region(" + region
                        + ") was set: a token of one region is refused in another; drop one of the two");
            }
            if (Regions.ofApiHost(endpoint).isPresent()) {
                throw invalid("endpoint", endpoint.getHost() + " is the " + Regions.ofApiHost(endpoint).get()
                        + " API host, which issues tokens; the tenants API is at " + Regions.ofApiHost(endpoint).get().tenantsHost());
            }
            URI tokenEndpoint = null;
            AuthStrategy convenience = null;
            if (credentialsSet) {
                tokenEndpoint = tokenEndpoint(endpoint, endpointRegion);
                convenience = new TaegisAuth(credentials(tokenEndpoint));
            } else if (authEndpointSet) {
                throw invalid("authEndpoint", "applies only to clientCredentials(...), not to auth(...)");
            }
            AuthStrategy auth = resolveAuth(convenience, CONVENIENCE);
            TaegisErrors errors = new TaegisErrors(endpoint, tokenEndpoint);
            VendorPipeline pipeline = pipeline()
                    .endpoint(endpoint)
                    .auth(auth)
                    .errorDecoder(errors)
                    .requestIdHeaders("X-Request-Id")
                    .build();
            return new TaegisClient(pipeline, endpoint, tokenEndpoint, fields, errors);
        }

        private URI tokenEndpoint(URI endpoint, Optional<TaegisRegion> endpointRegion) {
            URI base;
            if (authEndpointSet) {
                base = checkAuthEndpoint();
                Optional<TaegisRegion> tokenRegion = Regions.ofApiHost(base);
                TaegisRegion queries = region != null && endpointOverride() == null ? region : endpointRegion.orElse(null);
                if (tokenRegion.isPresent() && queries != null && tokenRegion.get() != queries) {
                    throw invalid("authEndpoint", "is the " + tokenRegion.get() + " API host but the tenants API is "
                            + queries + "'s: a token of one region is refused in another");
                }
            } else if (region != null) {
                base = region.apiHost();
            } else if (endpointRegion.isPresent()) {
                base = endpointRegion.get().apiHost();
            } else {
                throw invalid("authEndpoint", "clientCredentials(...) needs the token host: set region(TaegisRegion) or"
                        + " authEndpoint(URI) (" + endpoint.getHost() + " is not a known Taegis tenants host)");
            }
            String text = base.toString();
            while (text.endsWith("/")) {
                text = text.substring(0, text.length() - 1);
            }
            return URI.create(text + TOKEN_PATH);
        }

        private URI checkAuthEndpoint() {
            URI base = authEndpoint;
            if (base == null) {
                throw invalid("authEndpoint", "must not be null");
            }
            String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
            if (!base.isAbsolute() || base.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
                throw invalid("authEndpoint", "must be an absolute http(s) URL with a host (was "
                        + Inputs.quote(String.valueOf(base)) + ")");
            }
            if (base.getRawQuery() != null || base.getRawFragment() != null || base.getRawUserInfo() != null) {
                throw invalid("authEndpoint", "must not carry a query, fragment or user info");
            }
            if (scheme.equals("http") && !isLoopback(base.getHost())) {
                throw invalid("authEndpoint", "must be https: the client secret is never sent over plain http except"
                        + " to loopback (was http://" + base.getHost() + ")");
            }
            Optional<TaegisRegion> tenantsHost = Regions.ofTenantsHost(base);
            if (tenantsHost.isPresent()) {
                throw invalid("authEndpoint", base.getHost() + " is the " + tenantsHost.get() + " tenants host; tokens come"
                        + " from the region's API host " + tenantsHost.get().apiHost());
            }
            return base;
        }

        private static boolean isLoopback(String host) {
            String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            if (h.equalsIgnoreCase("localhost")) {
                return true;
            }
            if (!h.matches("[0-9.]+") && !h.contains(":")) {
                return false;
            }
            try {
                return InetAddress.getByName(h).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }

        private OAuth2ClientCredentialsAuth credentials(URI tokenEndpoint) {
            if (clientId == null || clientId.isBlank()) {
                throw invalid("clientCredentials", "clientId must not be blank");
            }
            if (clientId.chars().anyMatch(c -> Inputs.isControl((char) c))) {
                throw invalid("clientCredentials", "clientId must not contain control characters (was "
                        + Inputs.quote(clientId) + ")");
            }
            if (clientSecret == null) {
                throw invalid("clientCredentials", "clientSecret must not be null");
            }
            Supplier<Secret> secret = clientSecret;
            return OAuth2ClientCredentialsAuth.builder()
                    .tokenEndpoint(tokenEndpoint)
                    .credentials(clientId, () -> {
                        Secret value = secret.get();
                        if (value == null) {
                            throw new ConfigurationException(VENDOR, "clientCredentials", "the clientSecret supplier returned null");
                        }
                        return value;
                    })
                    .refreshAhead(Duration.ofSeconds(15))
                    .expirySafety(Duration.ofSeconds(5))
                    .build();
        }
    }
}
