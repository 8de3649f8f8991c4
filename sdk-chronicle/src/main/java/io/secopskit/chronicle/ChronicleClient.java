package io.secopskit.chronicle;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import io.secopskit.chronicle.internal.ChronicleErrorDecoder;
import io.secopskit.chronicle.internal.GoogleCredentialFlows;
import io.secopskit.chronicle.internal.LegacySunsetWarning;
import io.secopskit.chronicle.tenants.TenantServiceClient;
import io.secopskit.core.Secret;
import io.secopskit.core.VendorClient;
import io.secopskit.core.VendorClientBuilder;
import io.secopskit.core.auth.AuthStrategy;
import io.secopskit.core.error.ConfigurationException;
import io.secopskit.core.http.ClientOptions;
import io.secopskit.core.http.RateLimit;
import io.secopskit.core.spi.VendorPipeline;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Client for the Google Security Operations (Chronicle / Backstory) partner Customer Management API:
 * {@link #customers()}. Immutable and thread-safe; build one per partner service account and region and share
 * it — its client-side CreateCustomer quota (30 in any 24 hours) is counted per client instance unless the
 * quota is shared ({@code RateLimit.asShared()}). {@link #close()} releases its connection pool.
 *
 * <pre>{@code
 * try (ChronicleClient chronicle = ChronicleClient.builder()
 *         .region(ChronicleRegion.EUROPE)
 *         .serviceAccountKey(Path.of("partner-key.json"))
 *         .build()) {
 *     Customer acme = chronicle.customers().create(CreateCustomerRequest.builder()
 *         .customerName("Acme").customerCode("acme").build());
 * }
 * }</pre>
 *
 * <p><strong>Deprecation notice:</strong> Google states that the legacy Backstory APIs, including
 * Customer Management, stop working by 2027-07-20; the successor is the Chronicle API's tenant service
 * ({@link TenantServiceClient}, obtainable with the same credentials from {@link #tenantServiceBuilder()}). From
 * {@link Builder#legacyApiWarningFrom(LocalDate)} on (default {@value #DEFAULT_LEGACY_WARNING_FROM}) the
 * first legacy call of each client logs a warning.
 */
public final class ChronicleClient implements VendorClient {
    /** The vendor id: the prefix of every operation name and error ({@code chronicle.CreateCustomer}). */
    public static final String VENDOR = "chronicle";
    /** The default first day (UTC) on which legacy API use logs a warning: six months before Google's shutdown. */
    public static final String DEFAULT_LEGACY_WARNING_FROM = "2027-01-20";

    private final VendorPipeline pipeline;
    private final CustomersClient customers;
    private final URI endpoint;
    private final ClientOptions options;
    private final GoogleCredentialFlows.Resolved credentials;

    private ChronicleClient(VendorPipeline pipeline, URI endpoint, ClientOptions options,
                            GoogleCredentialFlows.Resolved credentials) {
        this.pipeline = pipeline;
        this.endpoint = endpoint;
        this.options = options;
        this.credentials = credentials;
        this.customers = new CustomersClient(pipeline);
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
     * Returns the Customer Management API endpoint this client talks to (for plans and messages).
     *
     * @return the URI, for example {@code https://europe-backstory.googleapis.com}
     */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * Returns the Customer Management operations ({@code /v1/partner/customer/...}).
     *
     * @return the customers client, sharing this client's pipeline
     */
    public CustomersClient customers() {
        return customers;
    }

    /**
     * Starts a builder for the successor API's client ({@link TenantServiceClient}, {@code @Beta}) with this
     * client's options and Google service-account key (re-scoped to the Chronicle API; a key supplier is passed on
     * as a supplier). Set the partner instance (and, for tests, the endpoint), then build. A client built with
     * {@code auth(AuthStrategy)} passes on its options only: set the credentials on the returned builder.
     *
     * @return a pre-filled builder
     */
    public TenantServiceClient.Builder tenantServiceBuilder() {
        TenantServiceClient.Builder b = TenantServiceClient.builder().options(options);
        if (credentials != null && credentials.keySupplier() != null) {
            b.serviceAccountKey(credentials.keySupplier());
        } else if (credentials != null && credentials.credentials() != null) {
            b.credentials(credentials.credentials());
        }
        return b;
    }

    ClientOptions options() {
        return options;
    }

    /** Releases the connection pool this client owns; later calls fail with {@link IllegalStateException}. */
    @Override
    public void close() {
        pipeline.close();
    }

    /** Names the endpoint; never credentials. */
    @Override
    public String toString() {
        return "ChronicleClient{endpoint=" + endpoint + "}";
    }

    /**
     * Builds a {@link ChronicleClient}. Settings may be given in any order; they are resolved in {@link #build()},
     * and every problem — no location, no credentials, two credential flows, an unreadable or invalid key file, a
     * key whose {@code token_uri} is plain http to a host that is not loopback, a plain-http endpoint — is a
     * {@link ConfigurationException} naming the setting (never quoting the key).
     *
     * <ul>
     *   <li>Where, one of: {@link #region(ChronicleRegion)} ({@code https://<region host>}) or
     *       {@link #endpoint(URI)} (tests, proxies, private endpoints); {@code endpoint} wins when both are set.
     *       There is no default region: the partner account lives in one region, and its customers are
     *       managed only on that region's host.</li>
     *   <li>Who, exactly one of: {@link #serviceAccountKey(Path)}, {@link #serviceAccountKey(InputStream)},
     *       {@link #serviceAccountKey(Supplier)} (a vault, read at every token request), {@link #credentials}
     *       (service-account credentials), or {@link #auth(AuthStrategy)}.</li>
     *   <li>Optionally {@link #options}, {@link #legacyApiWarningFrom(LocalDate)}.</li>
     * </ul>
     */
    public static final class Builder extends VendorClientBuilder<Builder, ChronicleClient> {
        private ChronicleRegion region;
        private boolean regionSet;
        private final GoogleCredentialFlows flows = new GoogleCredentialFlows(VENDOR);
        private LocalDate legacyApiWarningFrom = LocalDate.parse(DEFAULT_LEGACY_WARNING_FROM);

        private Builder() {
            super(VENDOR);
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Sets the endpoint, overriding {@link #region(ChronicleRegion)} (tests, proxies, private endpoints). Must be
         * https unless the host is loopback (checked in {@link #build()}).
         *
         * @param value the endpoint, for example {@code https://backstory.googleapis.com}
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
         * Sets the client options (timeouts, retries, rate limits — CreateCustomer's is
         * {@link CustomersClient#CREATE_CUSTOMER_LIMIT} —, policies, listeners, proxy, trust, clock, sleeper).
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
         * Sets the auth strategy directly, instead of {@link #serviceAccountKey} or {@link #credentials}; never
         * together with one of them.
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
         * Sets the region whose host the client talks to: the region the partner account is provisioned in.
         *
         * @param value the region
         * @return this builder
         */
        public Builder region(ChronicleRegion value) {
            this.region = value;
            this.regionSet = true;
            return this;
        }

        /**
         * Reads a service-account key file (JSON) issued by Google SecOps, when {@link #build()} runs. Its
         * {@code token_uri} must be https (plain http only to loopback).
         *
         * @param keyFile the key file
         * @return this builder
         */
        public Builder serviceAccountKey(Path keyFile) {
            flows.keyFile(keyFile);
            return this;
        }

        /**
         * Reads a service-account key (JSON) from a stream now (the stream is not closed, and may be closed as soon
         * as this returns); it is checked in {@link #build()}.
         *
         * @param keyJson the key
         * @return this builder
         */
        public Builder serviceAccountKey(InputStream keyJson) {
            flows.keyStream(keyJson);
            return this;
        }

        /**
         * Reads the service-account key (JSON) from a supplier — a vault — at every token request: the first call,
         * every refresh (about hourly) and after a 401, so a rotated key needs no new client. A supplier that
         * returns null, or something that is not a service-account key, fails the call with
         * {@link ConfigurationException} naming {@code serviceAccountKey}, before anything is sent.
         *
         * @param keyJson supplies the key file's JSON text
         * @return this builder
         */
        public Builder serviceAccountKey(Supplier<Secret> keyJson) {
            flows.keySupplier(keyJson);
            return this;
        }

        /**
         * Uses existing service-account credentials ({@link ServiceAccountCredentials}), scoped to
         * {@value GoogleServiceAccountAuth#SCOPE}. Other credential kinds (Compute Engine, impersonated, external
         * account) obtain tokens outside SecOpsKit's pipeline and are refused: implement {@link AuthStrategy} for
         * them and pass it with {@link #auth(AuthStrategy)}.
         *
         * @param value the credentials
         * @return this builder
         */
        public Builder credentials(GoogleCredentials value) {
            flows.credentials(value);
            return this;
        }

        /**
         * Sets the first day (UTC, by the options' clock) on which using the legacy API logs a warning,
         * once per client (default {@value ChronicleClient#DEFAULT_LEGACY_WARNING_FROM}, six months before
         * Google's 2027-07-20 shutdown). Pass {@link LocalDate#MAX} to never warn.
         *
         * @param value the date
         * @return this builder
         * @throws ConfigurationException if it is null
         */
        public Builder legacyApiWarningFrom(LocalDate value) {
            if (value == null) {
                throw invalid("legacyApiWarningFrom", "must not be null (LocalDate.MAX never warns)");
            }
            this.legacyApiWarningFrom = value;
            return this;
        }

        /**
         * Builds the client from the settings.
         *
         * @return the client
         * @throws ConfigurationException if the location or credentials are missing, contradictory or invalid
         */
        @Override
        protected ChronicleClient buildClient() {
            if (regionSet && region == null) {
                throw invalid("region", "must not be null");
            }
            URI endpoint = resolveEndpoint(region == null ? null : region.endpoint(), "region(ChronicleRegion)");
            if (authOverride() != null && flows.isSet()) {
                throw invalid("auth", "set either auth(...) or " + GoogleCredentialFlows.NAMES + ", not both");
            }
            GoogleCredentialFlows.Resolved resolved = flows.resolve(List.of(GoogleServiceAccountAuth.SCOPE));
            AuthStrategy auth = resolveAuth(resolved == null ? null : resolved.auth(), GoogleCredentialFlows.NAMES);
            VendorPipeline pipeline = pipeline()
                    .endpoint(endpoint)
                    .auth(new LegacySunsetWarning(auth, legacyApiWarningFrom))
                    .defaultRateLimit(RateLimit.perDay(CustomersClient.CREATE_CUSTOMER_LIMIT, 30))
                    .errorDecoder(new ChronicleErrorDecoder(ChronicleErrorDecoder.Api.LEGACY, clientOptions().clock(),
                            CustomersClient.CREATE_CUSTOMER_LIMIT))
                    .secretJsonFields("credential", "sso_config", "ssoConfig", "config", "private_key", "assertion")
                    .build();
            return new ChronicleClient(pipeline, endpoint, clientOptions(), resolved);
        }
    }
}
