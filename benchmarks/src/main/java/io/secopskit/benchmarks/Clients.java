package io.secopskit.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.secopskit.core.Secret;
import io.secopskit.core.auth.ApiKeyHeaderAuth;
import io.secopskit.core.auth.AuthStrategy;
import io.secopskit.core.auth.OAuth2ClientCredentialsAuth;
import io.secopskit.core.http.Operation;
import io.secopskit.core.http.RateLimit;
import io.secopskit.core.spi.ApiRequest;
import io.secopskit.core.spi.VendorPipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** The two sides of every comparison: a full SDK pipeline and hand-written OkHttp + Jackson. */
final class Clients {
    static final Operation GET_TENANT = Operation.builder("bench", "GetTenant", "GET", "/tenants/{id}")
            .rateLimitKey("bench.GetTenant").build();

    private Clients() {
    }

    /**
     * A full SDK pipeline: OAuth token auth (cached), a rate limiter on the operation, retries, logging.
     *
     * @param base      the endpoint
     * @param transport a canned transport, or null for the network
     * @param auth      the auth strategy
     * @return the pipeline
     */
    static VendorPipeline sdk(URI base, Interceptor transport, AuthStrategy auth) {
        return VendorPipeline.builder("bench").endpoint(base).auth(auth)
                .defaultRateLimit(RateLimit.perSecond("bench.GetTenant", 1_000_000_000))
                .transport(transport).build();
    }

    static AuthStrategy oauth(URI base, long refreshAheadMillis) {
        return OAuth2ClientCredentialsAuth.builder().tokenEndpoint(base.resolve("/token"))
                .credentials("bench-client", Secret.of("bench-secret"))
                .refreshAhead(Duration.ofMillis(refreshAheadMillis)).expirySafety(Duration.ofMillis(1)).build();
    }

    static AuthStrategy staticKey() {
        return ApiKeyHeaderAuth.of("Authorization", Secret.of("Bearer static-token"));
    }

    static TenantRecord sdkCall(VendorPipeline pipeline) {
        return pipeline.call(ApiRequest.of(GET_TENANT).path("id", "200417").build(), TenantRecord.class);
    }

    /** The hand-written baseline: one OkHttp client, one Jackson reader, a static bearer header. */
    static final class Raw {
        private final OkHttpClient client;
        private final ObjectReader reader = new ObjectMapper()
                .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readerFor(TenantRecord.class);
        private final String url;

        Raw(String baseUrl, Interceptor transport) {
            OkHttpClient.Builder b = new OkHttpClient.Builder();
            if (transport != null) {
                b.addInterceptor(transport);
            }
            this.client = b.build();
            this.url = baseUrl + "/tenants/200417";
        }

        TenantRecord call() {
            Request request = new Request.Builder().url(url).header("Authorization", "Bearer static-token")
                    .header("Accept", "application/json").build();
            try (Response response = client.newCall(request).execute()) {
                if (!response.isSuccessful()) {
                    throw new IllegalStateException("HTTP " + response.code());
                }
                return reader.readValue(response.body().byteStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
