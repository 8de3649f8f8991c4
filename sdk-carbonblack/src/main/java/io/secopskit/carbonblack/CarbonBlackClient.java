package io.secopskit.carbonblack;

import io.secopskit.carbonblack.internal.CarbonBlackErrorDecoder;
import io.secopskit.carbonblack.internal.FeedRules;
import io.secopskit.core.Secret;
import io.secopskit.core.auth.ApiKeyHeaderAuth;
import io.secopskit.core.http.ClientOptions;
import io.secopskit.core.spi.VendorPipeline;
import java.net.URI;
import java.util.Objects;

/**
 * Client for Carbon Black Cloud: Live Query, feeds, device search and (deprecated) notifications.
 * Requests to {@code /appservices}, {@code /threathunter} and {@code /livequery} go to the environment's
 * defense host, {@code /integrationServices} to its API host. Every request carries
 * {@code X-Auth-Token: <API secret key>/<API ID>}. A 429 with {@code Retry-After} holds every request of
 * this client until then, as the vendor asks. Immutable and thread-safe.
 *
 * <pre>{@code
 * CarbonBlackClient cb = CarbonBlackClient.builder().environment(CarbonBlackEnvironment.PROD05)
 *     .apiKey(apiId, Secret.of(apiSecret)).orgKey("ABCD1234").build();
 * Run run = cb.liveQuery().createRun(CreateRunRequest.of("select * from processes;"));
 * }</pre>
 */
public final class CarbonBlackClient {
    /** The host kind name of the API host. */
    static final String API_HOST = "api";

    private final LiveQueryClient liveQuery;
    private final FeedsClient feeds;
    private final DevicesClient devices;
    private final URI endpoint;
    @SuppressWarnings("deprecation")
    private final NotificationsClient notifications;

    @SuppressWarnings("deprecation")
    private CarbonBlackClient(Builder b) {
        if (b.auth == null) {
            throw new IllegalArgumentException("apiKey(apiId, apiSecret) is required");
        }
        if (b.orgKey == null) {
            throw new IllegalArgumentException("orgKey(...) is required");
        }
        URI defense = b.defense != null ? b.defense : b.environment == null ? null : b.environment.defenseHost();
        URI api = b.api != null ? b.api : b.environment == null ? null : b.environment.apiHost();
        this.endpoint = defense;
        if (defense == null || api == null) {
            throw new IllegalArgumentException("environment(...) or both defenseEndpoint(...) and apiEndpoint(...) are required");
        }
        VendorPipeline pipeline = VendorPipeline.builder(FeedRules.VENDOR)
                .endpoint(defense)
                .host(API_HOST, api)
                .auth(b.auth)
                .options(b.options)
                .errorDecoder(CarbonBlackErrorDecoder.INSTANCE)
                .holdAllOnRateLimit(true)
                .build();
        this.liveQuery = new LiveQueryClient(pipeline, b.orgKey);
        this.feeds = new FeedsClient(pipeline, b.orgKey);
        this.devices = new DevicesClient(pipeline, b.orgKey);
        this.notifications = new NotificationsClient(pipeline);
    }

    /**
     * Returns the defense host this client sends Live Query, feed and device calls to (for plans and messages).
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

    /** Returns Live Query. */
    public LiveQueryClient liveQuery() {
        return liveQuery;
    }

    /** Returns threat intelligence feeds. */
    public FeedsClient feeds() {
        return feeds;
    }

    /** Returns device search. */
    public DevicesClient devices() {
        return devices;
    }

    /**
     * Returns the SIEM notifications queue.
     *
     * @return the notifications client
     * @deprecated the vendor deprecated the notifications API
     */
    @Deprecated
    public NotificationsClient notifications() {
        return notifications;
    }

    /** Builds a {@link CarbonBlackClient}. */
    public static final class Builder {
        private CarbonBlackEnvironment environment;
        private URI defense;
        private URI api;
        private ApiKeyHeaderAuth auth;
        private String orgKey;
        private ClientOptions options = ClientOptions.defaults();

        private Builder() {
        }

        /**
         * Sets the environment, which gives both hosts.
         *
         * @param value the environment
         * @return this builder
         */
        public Builder environment(CarbonBlackEnvironment value) {
            this.environment = Objects.requireNonNull(value, "environment");
            return this;
        }

        /**
         * Overrides the defense host ({@code /appservices}, {@code /threathunter}, {@code /livequery}).
         *
         * @param value the base URL
         * @return this builder
         */
        public Builder defenseEndpoint(URI value) {
            this.defense = Objects.requireNonNull(value, "defenseEndpoint");
            return this;
        }

        /**
         * Overrides the API host ({@code /integrationServices}).
         *
         * @param value the base URL
         * @return this builder
         */
        public Builder apiEndpoint(URI value) {
            this.api = Objects.requireNonNull(value, "apiEndpoint");
            return this;
        }

        /**
         * Sets the API key, sent as {@code X-Auth-Token: <apiSecret>/<apiId>}.
         *
         * @param apiId     the API ID
         * @param apiSecret the API secret key
         * @return this builder
         */
        public Builder apiKey(String apiId, Secret apiSecret) {
            this.auth = ApiKeyHeaderAuth.carbonBlack(apiId, apiSecret);
            return this;
        }

        /**
         * Sets the organization key used in request paths (Settings › API Keys in the console).
         *
         * @param value letters and digits, at most 32
         * @return this builder
         */
        public Builder orgKey(String value) {
            if (value == null || !value.matches("[A-Za-z0-9]{1,32}")) {
                throw new io.secopskit.core.error.ValidationException(FeedRules.VENDOR, null, "org_key",
                        "must be 1-32 letters and digits (was '" + value + "')");
            }
            this.orgKey = value;
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
        public CarbonBlackClient build() {
            return new CarbonBlackClient(this);
        }
    }
}
