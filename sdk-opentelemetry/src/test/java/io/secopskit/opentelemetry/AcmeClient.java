package io.secopskit.opentelemetry;

import io.secopskit.core.Secret;
import io.secopskit.core.VendorClient;
import io.secopskit.core.VendorClientBuilder;
import io.secopskit.core.auth.AuthStrategy;
import io.secopskit.core.auth.OAuth2ClientCredentialsAuth;
import io.secopskit.core.http.Operation;
import io.secopskit.core.http.RateLimit;
import io.secopskit.core.spi.ApiRequest;
import io.secopskit.core.spi.ApiResponse;
import io.secopskit.core.spi.VendorPipeline;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * A vendor client built exactly the way the vendor modules build theirs (VendorClientBuilder, VendorPipeline,
 * OAuth2 client credentials), for tests against {@code FakeOAuth2Server}.
 */
final class AcmeClient implements VendorClient {
    static final String VENDOR = "acme";
    static final Operation GET_TENANT = Operation.builder(VENDOR, "GetTenant", "GET", "/v1/tenants/{tenantId}").build();
    static final Operation LIST_ASSETS = Operation.builder(VENDOR, "ListAssets", "GET", "/v1/tenants/{tenantId}/assets")
            .rateLimitKey("acme.assets").build();
    static final Operation CREATE_TENANT = Operation.builder(VENDOR, "CreateTenant", "POST", "/v1/tenants")
            .rateLimitKey("acme.create").build();
    /** Acme's documented limit on asset listing: one call every two seconds. */
    static final RateLimit ASSETS_LIMIT = RateLimit.throttle("acme.assets", 1, Duration.ofSeconds(2));

    private final VendorPipeline pipeline;

    private AcmeClient(VendorPipeline pipeline) {
        this.pipeline = pipeline;
    }

    static Builder builder() {
        return new Builder();
    }

    ApiResponse getTenant(String tenantId) {
        return pipeline.execute(ApiRequest.of(GET_TENANT).path("tenantId", tenantId).build());
    }

    ApiResponse listAssets(String tenantId, String filter) {
        return pipeline.execute(ApiRequest.of(LIST_ASSETS).path("tenantId", tenantId).query("filter", filter).build());
    }

    ApiResponse createTenant(Map<String, Object> body) {
        return pipeline.execute(ApiRequest.of(CREATE_TENANT).json(body).build());
    }

    @Override
    public String vendor() {
        return VENDOR;
    }

    @Override
    public void close() {
        pipeline.close();
    }

    static final class Builder extends VendorClientBuilder<Builder, AcmeClient> {
        private AuthStrategy credentials;

        private Builder() {
            super(VENDOR);
        }

        Builder clientCredentials(URI tokenEndpoint, String clientId, Secret clientSecret) {
            this.credentials = OAuth2ClientCredentialsAuth.builder().tokenEndpoint(tokenEndpoint)
                    .credentials(clientId, clientSecret).build();
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected AcmeClient buildClient() {
            AuthStrategy auth = resolveAuth(credentials, "clientCredentials(...)");
            URI endpoint = resolveEndpoint(null, "endpoint(...)");
            return new AcmeClient(pipeline().endpoint(endpoint).auth(auth).defaultRateLimit(ASSETS_LIMIT).build());
        }
    }
}
