package io.secopskit.taegis;

import io.secopskit.core.Secret;
import io.secopskit.core.auth.OAuth2ClientCredentialsAuth;
import io.secopskit.core.http.ClientOptions;
import io.secopskit.core.spi.VendorPipeline;
import io.secopskit.taegis.internal.GraphQLTransport;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Client for the Secureworks Taegis XDR Tenants GraphQL API ({@code POST <tenants host>/public/query}).
 * Authenticates with OAuth 2.0 client credentials at {@code <region API host>/auth/api/v2/auth/token}
 * (HTTP Basic {@code client_id:client_secret}); one token serves every call until 15 s before its JWT
 * {@code exp}. Immutable and thread-safe.
 *
 * <pre>{@code
 * TaegisClient taegis = TaegisClient.builder().region(TaegisRegion.US1)
 *     .clientCredentials(clientId, Secret.of(clientSecret)).build();
 * for (Tenant t : taegis.tenants().list(TenantsQuery.builder().setName("%acme%").build(), PagingMode.CURSOR)) { ... }
 * }</pre>
 */
public final class TaegisClient {
    /** The token endpoint path on the region's API host. */
    public static final String TOKEN_PATH = "/auth/api/v2/auth/token";

    private final GraphQLTransport transport;
    private final TenantsClient tenants;
    private final URI endpoint;

    private TaegisClient(Builder b) {
        URI tenantsHost = b.endpoint != null ? b.endpoint : b.region.tenantsHost();
        URI authHost = b.authEndpoint != null ? b.authEndpoint : b.region.apiHost();
        this.endpoint = tenantsHost;
        if (b.clientId == null) {
            throw new IllegalArgumentException("clientCredentials(clientId, clientSecret) is required");
        }
        OAuth2ClientCredentialsAuth auth = OAuth2ClientCredentialsAuth.builder()
                .tokenEndpoint(authHost.resolve(TOKEN_PATH))
                .credentials(b.clientId, b.clientSecret)
                .refreshAhead(Duration.ofSeconds(15))
                .expirySafety(Duration.ofSeconds(5))
                .build();
        VendorPipeline pipeline = VendorPipeline.builder(GraphQLTransport.VENDOR)
                .endpoint(tenantsHost)
                .auth(auth)
                .options(b.options)
                .errorDecoder(GraphQLTransport.ERROR_DECODER)
                .build();
        this.transport = new GraphQLTransport(pipeline);
        this.tenants = new TenantsClient(transport);
    }

    /**
     * Returns the Tenants API endpoint this client talks to (for plans and messages).
     *
     * @return the URI
     */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * Starts a builder; the region defaults to {@link TaegisRegion#US1}.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the tenant operations. */
    public TenantsClient tenants() {
        return tenants;
    }

    /**
     * Returns the SSO connection operations of one tenant ({@code X-Tenant-Context}).
     *
     * @param tenantId the tenant the SSO operations act on
     * @return the SSO client
     * @throws io.secopskit.core.error.ValidationException when the tenant id is blank
     */
    public SsoClient sso(String tenantId) {
        return new SsoClient(transport, tenantId);
    }

    /** Builds a {@link TaegisClient}. */
    public static final class Builder {
        private TaegisRegion region = TaegisRegion.US1;
        private URI endpoint;
        private URI authEndpoint;
        private String clientId;
        private Secret clientSecret;
        private ClientOptions options = ClientOptions.defaults();

        private Builder() {
        }

        /**
         * Sets the region (default US1).
         *
         * @param value the region
         * @return this builder
         */
        public Builder region(TaegisRegion value) {
            this.region = Objects.requireNonNull(value, "region");
            return this;
        }

        /**
         * Overrides the tenants API host.
         *
         * @param value the base URL
         * @return this builder
         */
        public Builder endpoint(URI value) {
            this.endpoint = Objects.requireNonNull(value, "endpoint");
            return this;
        }

        /**
         * Overrides the host serving {@value TaegisClient#TOKEN_PATH}.
         *
         * @param value the base URL
         * @return this builder
         */
        public Builder authEndpoint(URI value) {
            this.authEndpoint = Objects.requireNonNull(value, "authEndpoint");
            return this;
        }

        /**
         * Sets the OAuth client credentials.
         *
         * @param id     the client id
         * @param secret the client secret
         * @return this builder
         */
        public Builder clientCredentials(String id, Secret secret) {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("clientId must not be blank");
            }
            this.clientId = id;
            this.clientSecret = Objects.requireNonNull(secret, "clientSecret");
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
         */
        public TaegisClient build() {
            return new TaegisClient(this);
        }
    }
}
