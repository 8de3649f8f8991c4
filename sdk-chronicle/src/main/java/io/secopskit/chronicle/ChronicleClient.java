package io.secopskit.chronicle;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import io.secopskit.chronicle.internal.LegacySunsetWarning;
import io.secopskit.chronicle.internal.Rules;
import io.secopskit.chronicle.tenants.TenantServiceClient;
import io.secopskit.core.auth.AuthStrategy;
import io.secopskit.core.http.ClientOptions;
import io.secopskit.core.http.RateLimit;
import io.secopskit.core.spi.VendorPipeline;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Client for the Google Security Operations (Chronicle / Backstory) partner Customer Management API.
 * Build one per partner service account and share it: it is immutable and thread-safe, and its
 * client-side CreateCustomer quota (30 per day) is counted per client instance.
 *
 * <pre>{@code
 * ChronicleClient chronicle = ChronicleClient.builder()
 *     .region(ChronicleRegion.EUROPE)
 *     .serviceAccountKey(Path.of("partner-key.json"))
 *     .build();
 * Customer acme = chronicle.customers().createCustomer(CreateCustomerRequest.builder()
 *     .customerName("Acme").customerCode("acme").build());
 * }</pre>
 *
 * <p><strong>Deprecation notice:</strong> Google states that the legacy Backstory APIs, including
 * Customer Management, stop working by 2027-07-20; the successor is the Chronicle API's tenant service
 * ({@link TenantServiceClient}, obtainable with the same credentials from {@link #tenantServiceBuilder()}). From
 * {@link Builder#legacyApiWarningFrom(LocalDate)} on (default {@value #DEFAULT_LEGACY_WARNING_FROM}) the
 * first legacy call of each client logs a warning.
 */
public final class ChronicleClient {
    /** The default first day (UTC) on which legacy API use logs a warning: six months before Google's shutdown. */
    public static final String DEFAULT_LEGACY_WARNING_FROM = "2027-01-20";

    private final VendorPipeline pipeline;
    private final CustomersClient customers;
    private final GoogleCredentials credentials;
    private final ClientOptions options;
    private final URI endpoint;

    private ChronicleClient(Builder b) {
        URI endpoint = b.endpoint != null ? b.endpoint : b.region.endpoint();
        this.endpoint = endpoint;
        if (b.auth == null) {
            throw new IllegalArgumentException("credentials are required: call serviceAccountKey(...) or credentials(...)");
        }
        this.pipeline = VendorPipeline.builder(Rules.VENDOR)
                .endpoint(endpoint)
                .auth(new LegacySunsetWarning(b.auth, b.legacyApiWarningFrom))
                .options(b.options)
                .defaultRateLimit(RateLimit.perDay(CustomersClient.CREATE_CUSTOMER_LIMIT, 30))
                .secretJsonFields("credential", "sso_config", "ssoConfig", "config", "private_key")
                .build();
        this.customers = new CustomersClient(pipeline);
        this.credentials = b.credentials;
        this.options = b.options;
    }

    /**
     * Starts a builder. The region defaults to {@link ChronicleRegion#US}.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the Customer Management API endpoint this client talks to (for plans and messages).
     *
     * @return the URI
     */
    public URI endpoint() {
        return endpoint;
    }

    /** Returns the Customer Management operations. */
    public CustomersClient customers() {
        return customers;
    }

    /**
     * Starts a builder for the successor API's client ({@link TenantServiceClient}, {@code @Beta}) with
     * this client's Google credentials (re-scoped to the Chronicle API) and options. Set the partner
     * instance (and, for tests, the endpoint), then build.
     *
     * @return a pre-filled builder
     */
    public TenantServiceClient.Builder tenantServiceBuilder() {
        return TenantServiceClient.builder().credentials(credentials).options(options);
    }

    /** Builds a {@link ChronicleClient}. */
    public static final class Builder {
        private ChronicleRegion region = ChronicleRegion.US;
        private URI endpoint;
        private AuthStrategy auth;
        private ClientOptions options = ClientOptions.defaults();
        private GoogleCredentials credentials;
        private LocalDate legacyApiWarningFrom = LocalDate.parse(DEFAULT_LEGACY_WARNING_FROM);

        private Builder() {
        }

        /**
         * Sets the region whose host the client talks to (default US multi-region).
         *
         * @param value the region
         * @return this builder
         */
        public Builder region(ChronicleRegion value) {
            this.region = Objects.requireNonNull(value, "region");
            return this;
        }

        /**
         * Overrides the endpoint (tests, proxies, private endpoints). Must be https unless loopback.
         *
         * @param value the endpoint, for example {@code https://backstory.googleapis.com}
         * @return this builder
         */
        public Builder endpoint(URI value) {
            this.endpoint = Objects.requireNonNull(value, "endpoint");
            return this;
        }

        /**
         * Reads a service-account key file (JSON) issued by Google SecOps.
         *
         * @param keyFile the key file
         * @return this builder
         * @throws UncheckedIOException if the file cannot be read or is not a service-account key
         */
        public Builder serviceAccountKey(Path keyFile) {
            try (InputStream in = Files.newInputStream(keyFile)) {
                return serviceAccountKey(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read service-account key file " + keyFile, e);
            }
        }

        /**
         * Reads a service-account key (JSON) from a stream; the stream is not closed.
         *
         * @param keyJson the key
         * @return this builder
         * @throws UncheckedIOException if the key cannot be parsed
         */
        public Builder serviceAccountKey(InputStream keyJson) {
            try {
                return credentials(ServiceAccountCredentials.fromStream(keyJson));
            } catch (IOException e) {
                throw new UncheckedIOException("not a valid service-account key: " + e.getClass().getSimpleName(), e);
            }
        }

        /**
         * Uses existing Google credentials, scoped to {@value GoogleServiceAccountAuth#SCOPE}.
         *
         * @param value the credentials
         * @return this builder
         */
        public Builder credentials(GoogleCredentials value) {
            this.auth = GoogleServiceAccountAuth.of(value);
            this.credentials = value;
            return this;
        }

        /**
         * Sets the first day (UTC, by the options' clock) on which using the legacy API logs a warning,
         * once per client (default {@value ChronicleClient#DEFAULT_LEGACY_WARNING_FROM}, six months before
         * Google's 2027-07-20 shutdown). Pass {@link LocalDate#MAX} to never warn.
         *
         * @param value the date
         * @return this builder
         */
        public Builder legacyApiWarningFrom(LocalDate value) {
            this.legacyApiWarningFrom = Objects.requireNonNull(value, "legacyApiWarningFrom");
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
         * @throws IllegalArgumentException if credentials are missing or the endpoint is not acceptable
         */
        public ChronicleClient build() {
            return new ChronicleClient(this);
        }
    }
}
