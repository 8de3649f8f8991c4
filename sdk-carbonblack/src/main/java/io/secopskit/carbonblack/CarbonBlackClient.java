package io.secopskit.carbonblack;

import io.secopskit.carbonblack.internal.Calls;
import io.secopskit.carbonblack.internal.CarbonBlackErrorDecoder;
import io.secopskit.core.Secret;
import io.secopskit.core.VendorClient;
import io.secopskit.core.VendorClientBuilder;
import io.secopskit.core.auth.ApiKeyHeaderAuth;
import io.secopskit.core.auth.AuthStrategy;
import io.secopskit.core.error.ConfigurationException;
import io.secopskit.core.http.ClientOptions;
import io.secopskit.core.spi.Inputs;
import io.secopskit.core.spi.VendorPipeline;
import java.net.URI;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Client for Carbon Black Cloud: {@link #liveQuery()} (runs and their results), {@link #feeds()} (threat
 * intelligence feeds), {@link #devices()} and the deprecated {@link #notifications()} queue. Requests to
 * {@code /appservices}, {@code /threathunter} and {@code /livequery} go to the environment's defense host,
 * {@code /integrationServices} to its API host, as the vendor's table says. Every request carries
 * {@code X-Auth-Token: <API secret key>/<API ID>}; the org key goes into the paths.
 *
 * <pre>{@code
 * try (CarbonBlackClient cb = CarbonBlackClient.builder()
 *         .environment(CarbonBlackEnvironment.PROD05)
 *         .apiKey(apiId, Secret.of(apiSecret))
 *         .orgKey("ABCD1234")
 *         .build()) {
 *     Run run = cb.liveQuery().runs().create(CreateRunRequest.of("select * from processes;"));
 * }
 * }</pre>
 *
 * <p>Carbon Black asks clients to stop all requests after a 429 until its {@code Retry-After} has passed:
 * this client does so for every operation (honouring at most the retry policy's {@code maxRetryAfter},
 * 60 s by default, with a warning when clamped); during the hold every call fails at once with
 * {@link io.secopskit.core.error.RateLimitedException} ({@code retryAfter()} = what is left) and nothing is
 * sent. Immutable and thread-safe; build one per org and key and share it. {@link #close()} releases its
 * connection pool.
 */
public final class CarbonBlackClient implements VendorClient {
    /** The vendor id: the prefix of every operation name ({@code carbonblack.CreateRun}) and error. */
    public static final String VENDOR = "carbonblack";
    /** The host kind name of the API host. */
    static final String API_HOST = "api";

    private final VendorPipeline pipeline;
    private final URI endpoint;
    private final URI apiEndpoint;
    private final String orgKey;
    private final LiveQueryClient liveQuery;
    private final FeedsClient feeds;
    private final DevicesClient devices;
    @SuppressWarnings("deprecation")
    private final NotificationsClient notifications;

    @SuppressWarnings("deprecation")
    private CarbonBlackClient(VendorPipeline pipeline, URI endpoint, URI apiEndpoint, String orgKey) {
        this.pipeline = pipeline;
        this.endpoint = endpoint;
        this.apiEndpoint = apiEndpoint;
        this.orgKey = orgKey;
        Calls calls = new Calls(pipeline);
        this.liveQuery = new LiveQueryClient(calls, orgKey);
        this.feeds = new FeedsClient(calls, orgKey);
        this.devices = new DevicesClient(calls, orgKey);
        this.notifications = new NotificationsClient(calls, apiEndpoint != null);
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
     * Returns the defense host this client sends Live Query, feed and device calls to (for plans and messages).
     *
     * @return the defense host's base URI
     */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * Returns the API host ({@code /integrationServices}), or null when none was configured (then only the
     * notifications queue is unavailable).
     *
     * @return the API host's base URI, or null
     */
    public URI apiEndpoint() {
        return apiEndpoint;
    }

    /**
     * Returns the org key this client puts into request paths.
     *
     * @return the org key
     */
    public String orgKey() {
        return orgKey;
    }

    /**
     * Returns Live Query ({@code /livequery/v1/orgs/{org}}): runs and their results.
     *
     * @return the Live Query client, sharing this client's pipeline
     */
    public LiveQueryClient liveQuery() {
        return liveQuery;
    }

    /**
     * Returns threat intelligence feeds ({@code /threathunter/feedmgr/v2/orgs/{org}/feeds}).
     *
     * @return the feeds client, sharing this client's pipeline
     */
    public FeedsClient feeds() {
        return feeds;
    }

    /**
     * Returns devices ({@code /appservices/v6/orgs/{org}/devices}).
     *
     * @return the devices client, sharing this client's pipeline
     */
    public DevicesClient devices() {
        return devices;
    }

    /**
     * Returns the SIEM notifications queue ({@code /integrationServices/v3/notification}, API host).
     *
     * @return the notifications client
     * @deprecated the vendor deprecated the notifications API in favour of the Data Forwarder
     */
    @Deprecated
    public NotificationsClient notifications() {
        return notifications;
    }

    /** Releases the connection pool this client owns; later calls fail with {@link IllegalStateException}. */
    @Override
    public void close() {
        pipeline.close();
    }

    @Override
    public String toString() {
        return "CarbonBlackClient{endpoint=" + endpoint + ", apiEndpoint=" + apiEndpoint + ", orgKey=" + orgKey + "}";
    }

    /**
     * Builds a {@link CarbonBlackClient}. Settings may be given in any order; they are resolved in
     * {@link #build()}, and every problem is a {@link ConfigurationException} naming the setting.
     *
     * <ul>
     *   <li>Where: {@link #environment(CarbonBlackEnvironment)} gives both hosts; {@link #endpoint(URI)}
     *       overrides the defense host ({@code /appservices}, {@code /threathunter}, {@code /livequery}) and
     *       {@link #apiEndpoint(URI)} the API host ({@code /integrationServices}). Without an environment,
     *       {@code endpoint} is required and {@code apiEndpoint} is needed only for the notifications queue.</li>
     *   <li>Who: {@link #apiKey(String, Secret)} (or its {@link Supplier} form, read again after a 401), or
     *       {@link #auth(AuthStrategy)}; never both.</li>
     *   <li>Which org: {@link #orgKey(String)}, required.</li>
     * </ul>
     */
    public static final class Builder extends VendorClientBuilder<Builder, CarbonBlackClient> {
        private static final Pattern ORG_KEY = Pattern.compile("[A-Za-z0-9]{1,32}");
        private static final Pattern API_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

        private CarbonBlackEnvironment environment;
        private boolean environmentSet;
        private URI apiEndpoint;
        private boolean apiEndpointSet;
        private boolean apiKeySet;
        private String apiId;
        private Supplier<Secret> apiSecret;
        private String orgKey;
        private boolean orgKeySet;

        private Builder() {
            super(VENDOR);
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Sets the environment, which gives both hosts (see {@link CarbonBlackEnvironment}).
         *
         * @param value the environment, for example {@link CarbonBlackEnvironment#PROD05}
         * @return this builder
         */
        public Builder environment(CarbonBlackEnvironment value) {
            this.environment = value;
            this.environmentSet = true;
            return this;
        }

        /**
         * Sets the defense host ({@code /appservices}, {@code /threathunter}, {@code /livequery}), overriding
         * the environment's: a proxy, a private endpoint, a UK or GovCloud host, or a test server. Must be
         * https unless the host is loopback (checked in {@link #build()}).
         *
         * @param value the base URL, for example {@code https://defense-prod05.conferdeploy.net}
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
         * Sets the API host ({@code /integrationServices}), overriding the environment's. Must be https
         * unless the host is loopback (checked in {@link #build()}).
         *
         * @param value the base URL, for example {@code https://api-prod05.conferdeploy.net}
         * @return this builder
         */
        public Builder apiEndpoint(URI value) {
            this.apiEndpoint = value;
            this.apiEndpointSet = true;
            return this;
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
         * Sets the auth strategy directly, instead of {@link #apiKey(String, Secret)}; never together with it.
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
         * Sets the API key, sent as {@code X-Auth-Token: <API secret key>/<API ID>} (Settings › API Keys
         * in the console). The key's access level decides which calls it may make; a call outside it is
         * answered 401, which the exception explains.
         *
         * @param apiId     the API ID (formerly connector ID)
         * @param apiSecret the API secret key
         * @return this builder
         */
        public Builder apiKey(String apiId, Secret apiSecret) {
            return apiKey(apiId, apiSecret == null ? null : () -> apiSecret);
        }

        /**
         * Sets the API key with the secret read from a supplier (a vault): once, and again after a 401, so a
         * rotated secret is picked up (and the call replayed once) without a new client.
         *
         * @param apiId     the API ID
         * @param apiSecret supplies the current API secret key
         * @return this builder
         */
        public Builder apiKey(String apiId, Supplier<Secret> apiSecret) {
            this.apiKeySet = true;
            this.apiId = apiId;
            this.apiSecret = apiSecret;
            return this;
        }

        /**
         * Sets the org key put into request paths ({@code /orgs/{org_key}/}; Settings › API Keys in the
         * console).
         *
         * @param value letters and digits, at most 32 (checked in {@link #build()})
         * @return this builder
         */
        public Builder orgKey(String value) {
            this.orgKey = value;
            this.orgKeySet = true;
            return this;
        }

        /**
         * Builds the client from the settings.
         *
         * @return the client
         * @throws ConfigurationException if the location, credentials or org key are missing, contradictory
         *                                or invalid
         */
        @Override
        protected CarbonBlackClient buildClient() {
            if (environmentSet && environment == null) {
                throw invalid("environment", "must not be null");
            }
            if (apiEndpointSet && apiEndpoint == null) {
                throw invalid("apiEndpoint", "must not be null");
            }
            URI defense = resolveEndpoint(environment == null ? null : environment.defenseHost(),
                    "environment(CarbonBlackEnvironment)");
            URI api = apiEndpoint != null ? apiEndpoint : environment == null ? null : environment.apiHost();
            if (!orgKeySet || orgKey == null) {
                throw invalid("orgKey", "is required: call orgKey(...) with the org key shown under Settings > API Keys");
            }
            if (!ORG_KEY.matcher(orgKey).matches()) {
                throw invalid("orgKey", "must be 1 to 32 letters and digits (was " + Inputs.quote(orgKey) + ")");
            }
            AuthStrategy auth = resolveAuth(apiKeySet ? apiKeyAuth() : null, "apiKey(apiId, apiSecret)");
            VendorPipeline.Builder pipeline = pipeline()
                    .endpoint(defense)
                    .auth(auth)
                    .errorDecoder(CarbonBlackErrorDecoder.INSTANCE)
                    .holdAllOnRateLimit(true);
            if (api != null) {
                pipeline.host(API_HOST, api);
            }
            return new CarbonBlackClient(pipeline.build(), defense, api, orgKey);
        }

        private AuthStrategy apiKeyAuth() {
            if (apiId == null || !API_ID.matcher(apiId).matches()) {
                throw invalid("apiKey", "the API ID must be 1 to 128 letters, digits, '-' or '_' (was "
                        + Inputs.quote(apiId) + ")");
            }
            if (apiSecret == null) {
                throw invalid("apiKey", "the API secret key must not be null");
            }
            Supplier<Secret> secret = apiSecret;
            return ApiKeyHeaderAuth.carbonBlack(apiId, () -> {
                Secret value = secret.get();
                if (value == null) {
                    throw new ConfigurationException(VENDOR, "apiKey", "the API secret key supplier returned null");
                }
                String revealed = value.reveal();
                if (revealed.isEmpty() || revealed.chars().anyMatch(c -> Inputs.isControl((char) c))) {
                    throw new ConfigurationException(VENDOR, "apiKey",
                            "the API secret key must be non-empty, without control characters");
                }
                return value;
            });
        }
    }
}
