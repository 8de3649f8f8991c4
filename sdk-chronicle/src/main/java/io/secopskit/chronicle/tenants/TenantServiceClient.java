package io.secopskit.chronicle.tenants;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.google.auth.oauth2.GoogleCredentials;
import io.secopskit.chronicle.ChronicleClient;
import io.secopskit.chronicle.internal.ChronicleErrorDecoder;
import io.secopskit.chronicle.internal.GoogleCredentialFlows;
import io.secopskit.chronicle.internal.Rules;
import io.secopskit.chronicle.internal.TenantRules;
import io.secopskit.core.Beta;
import io.secopskit.core.Secret;
import io.secopskit.core.VendorClient;
import io.secopskit.core.VendorClientBuilder;
import io.secopskit.core.auth.AuthStrategy;
import io.secopskit.core.error.ConfigurationException;
import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.error.ValidationException;
import io.secopskit.core.http.ClientOptions;
import io.secopskit.core.http.Operation;
import io.secopskit.core.http.Sleeper;
import io.secopskit.core.spi.ApiRequest;
import io.secopskit.core.spi.VendorPipeline;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Client for the Chronicle API tenant service ({@code v1alpha}), the successor of the partner Customer
 * Management API: the partner's tenants under its own instance
 * ({@code projects/<p>/locations/<l>/instances/<i>}). Immutable and thread-safe; build one per partner
 * instance and share it; {@link #close()} releases its connection pool.
 *
 * <pre>{@code
 * try (TenantServiceClient service = TenantServiceClient.builder()
 *         .instance("projects/partner-project/locations/eu/instances/3f0ac524-...")  // host chronicle.eu.rep.googleapis.com
 *         .serviceAccountKey(Path.of("partner-key.json"))
 *         .build()) {
 *     EnsuredTenant acme = service.tenants().ensure(CreateTenantRequest.builder()
 *         .displayName("Acme Corp").customerCode("acme").tenantGcpProject("projects/acme-byop")
 *         .retentionDuration(TenantRetentionDuration.ONE_YEAR).authMethod(AuthMethod.CLOUD_IDENTITY)
 *         .frontendPath("acme").billingAccount("012345-6789AB-CDEF01").build(), Duration.ofMinutes(30));
 * }
 * }</pre>
 *
 * <table>
 * <caption>Operations</caption>
 * <tr><th>Google</th><th>HTTP</th><th>Method</th></tr>
 * <tr><td>tenants.create</td><td>{@code POST /v1alpha/{parent}/tenants}</td><td>{@link TenantsClient#create} → {@link TenantOperation}; {@link TenantsClient#ensure}</td></tr>
 * <tr><td>tenants.list</td><td>{@code GET /v1alpha/{parent}/tenants?pageSize=&pageToken=}</td><td>{@link TenantsClient#list()}, {@link TenantsClient#list(TenantQuery)}</td></tr>
 * <tr><td>tenants.patch</td><td>{@code PATCH /v1alpha/{tenant.name}?updateMask=}</td><td>{@link TenantsClient#update}</td></tr>
 * <tr><td>operations.get</td><td>{@code GET /v1alpha/{operation name}}</td><td>{@link OperationsClient#get}, {@link TenantOperation#poll()}</td></tr>
 * </table>
 *
 * <p>Every method checks its input before sending anything ({@link ValidationException} names the field
 * and the rule). Google's errors map by status name as for the legacy client ({@code ALREADY_EXISTS} →
 * {@code ConflictException}, {@code INVALID_ARGUMENT} → {@code InvalidRequestException}, ...), each naming the
 * operation and host, with hints for 401, 403 and 404.
 *
 * <p><strong>Idempotency.</strong> Google documents that resending {@code tenants.create} with the same
 * displayName, customerCode and frontendPathConfigs retries a workflow stuck in ERROR or CANCELLED, and
 * that it answers ALREADY_EXISTS when the tenant is provisioned or other fields differ. So the customer
 * code is the idempotency key: {@code tenants.create} is declared safe to resend after a transient
 * answer (408, 429, 500, 502, 503, 504) within the retry policy, and {@link TenantsClient#ensure} looks the
 * code up before creating, so SecOpsKit never asks for a second tenant for one code. A dropped
 * connection or a timeout is not resent by the pipeline (it never resends a non-idempotent call after an I/O
 * failure); {@link TenantsClient#ensure} run again finds the tenant or resends safely.
 *
 * <p>{@code @Beta}: Google's API is {@code v1alpha} and may change; so may this client.
 */
@Beta
public final class TenantServiceClient implements VendorClient {
    /** The Chronicle API's OAuth scope (default). */
    public static final String SCOPE_CHRONICLE = "https://www.googleapis.com/auth/chronicle";
    /** The Google Cloud-wide OAuth scope, also accepted by the tenant service. */
    public static final String SCOPE_CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform";
    /** The largest page size Google documents for {@code tenants.list}. */
    public static final int MAX_PAGE_SIZE = 100;
    /** The rate-limit key of {@code tenants.create} (no limit by default: Google documents none). */
    public static final String CREATE_TENANT_LIMIT = "chronicle.CreateTenant";

    private static final String PARENT = "/v1alpha/projects/{project}/locations/{location}/instances/{instance}";
    private static final Set<Integer> RESEND_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

    static final Operation CREATE_TENANT = Operation.builder(Rules.VENDOR, CreateTenantRequest.OP, "POST",
                    PARENT + "/tenants")
            .rateLimitKey(CREATE_TENANT_LIMIT)
            // documented: resending the same fields retries a stuck workflow or answers ALREADY_EXISTS
            .retryCondition((status, body) -> RESEND_STATUSES.contains(status))
            .build();
    static final Operation LIST_TENANTS = Operation.builder(Rules.VENDOR, "ListTenants", "GET", PARENT + "/tenants").build();
    static final Operation UPDATE_TENANT = Operation.builder(Rules.VENDOR, TenantUpdate.OP, "PATCH",
            PARENT + "/tenants/{tenant}").idempotent(true).build();
    static final Operation GET_OPERATION = Operation.builder(Rules.VENDOR, "GetOperation", "GET",
            PARENT + "/operations/{operation}").build();
    static final Operation GET_LOCATION_OPERATION = Operation.builder(Rules.VENDOR, "GetOperation", "GET",
            "/v1alpha/projects/{project}/locations/{location}/operations/{operation}").build();

    private final VendorPipeline pipeline;
    private final URI endpoint;
    private final InstanceName instance;
    private final TenantFieldRevision revision;
    private final Duration initialPollInterval;
    private final Duration maxPollInterval;
    private final List<String> scopes;
    private final TenantsClient tenants;
    private final OperationsClient operations;

    private TenantServiceClient(Builder b, VendorPipeline pipeline, URI endpoint, InstanceName instance) {
        this.pipeline = pipeline;
        this.endpoint = endpoint;
        this.instance = instance;
        this.revision = b.revision;
        this.initialPollInterval = b.initialPollInterval;
        this.maxPollInterval = b.maxPollInterval;
        this.scopes = b.scopes;
        this.tenants = new TenantsClient(this);
        this.operations = new OperationsClient(this);
    }

    /**
     * Starts a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns Google's regional endpoint for a location, {@code https://chronicle.<location>.rep.googleapis.com}.
     *
     * @param location for example {@code us}, {@code eu} or {@code europe-west2}
     * @return the endpoint
     * @throws ValidationException when the location is not a location name
     */
    public static URI regionalEndpoint(String location) {
        return URI.create("https://chronicle." + TenantRules.location("location", location) + ".rep.googleapis.com");
    }

    /** Returns {@value ChronicleClient#VENDOR}: the tenant service's errors and operations are Chronicle's. */
    @Override
    public String vendor() {
        return ChronicleClient.VENDOR;
    }

    /**
     * Returns the endpoint this client talks to (for plans and messages).
     *
     * @return the URI, for example {@code https://chronicle.eu.rep.googleapis.com}
     */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * Returns the partner instance this client manages tenants under.
     *
     * @return the instance name
     */
    public InstanceName instance() {
        return instance;
    }

    /**
     * Returns which doc revision's required fields {@code tenants.create} checks.
     *
     * @return the revision
     */
    public TenantFieldRevision requiredFields() {
        return revision;
    }

    /**
     * Returns the OAuth scopes the client's token is requested for.
     *
     * @return the scopes
     */
    public List<String> scopes() {
        return scopes;
    }

    /**
     * Returns the tenants of the partner's instance: {@code tenants.create}, {@code tenants.list},
     * {@code tenants.patch}.
     *
     * @return the tenants client, sharing this client's pipeline
     */
    public TenantsClient tenants() {
        return tenants;
    }

    /**
     * Returns the long-running operations ({@code operations.get}): how a new process resumes waiting for a
     * {@code tenants.create} from the operation's name alone.
     *
     * @return the operations client, sharing this client's pipeline
     */
    public OperationsClient operations() {
        return operations;
    }

    /** Releases the connection pool this client owns; later calls fail with {@link IllegalStateException}. */
    @Override
    public void close() {
        pipeline.close();
    }

    VendorPipeline pipeline() {
        return pipeline;
    }

    Clock clock() {
        return pipeline.clock();
    }

    Sleeper sleeper() {
        return pipeline.options().sleeper();
    }

    Duration initialPollInterval() {
        return initialPollInterval;
    }

    Duration maxPollInterval() {
        return maxPollInterval;
    }

    ApiRequest.Builder underInstance(Operation op) {
        return ApiRequest.of(op).path("project", instance.project()).path("location", instance.location())
                .path("instance", instance.instance());
    }

    TenantOperation toOperation(OperationJson json, Operation op) {
        if (json.name() == null || !json.name().contains("/operations/")) {
            throw new ServerException(ErrorInfo.of(Rules.VENDOR, op.name()).withHost(endpoint.getHost())
                    .withVendorCode("MALFORMED_OPERATION")
                    .withVendorMessage("the answer is not a long-running operation (name " + json.name() + ")"));
        }
        Metadata m = json.metadata();
        return new TenantOperation(this, json.name(), Boolean.TRUE.equals(json.done()),
                m == null ? null : m.creationWorkflowStatus(), m == null ? null : m.tenant(), json.response(), json.error());
    }

    /** Names the instance, revision and scopes; never credentials. */
    @Override
    public String toString() {
        return "TenantServiceClient{instance=" + instance + ", requiredFields=" + revision + ", scopes=" + scopes + "}";
    }

    record OperationJson(@JsonProperty("name") String name, @JsonProperty("metadata") Metadata metadata,
                         @JsonProperty("done") Boolean done, @JsonProperty("response") Tenant response,
                         @JsonProperty("error") OperationError error) {
    }

    record Metadata(@JsonProperty("tenant") String tenant,
                    @JsonProperty("creationWorkflowStatus") CreationWorkflowStatus creationWorkflowStatus) {
    }

    record TenantList(@JsonProperty("tenants") List<Tenant> tenants, @JsonProperty("nextPageToken") String nextPageToken) {
        TenantList {
            tenants = tenants == null ? List.of() : tenants;
        }
    }

    /**
     * Builds a {@link TenantServiceClient}. Settings may be given in any order; they are resolved in
     * {@link #build()}, and every problem — no instance, no credentials, two credential flows, an unreadable
     * or invalid key, a malformed instance name, a scope other than the two documented ones, bad poll
     * intervals, a plain-http endpoint — is a {@link ConfigurationException} naming the setting.
     *
     * <ul>
     *   <li>Where: {@link #instance(InstanceName)} or {@link #instance(String)} (required; its location picks
     *       the host {@code https://chronicle.<location>.rep.googleapis.com}), or additionally
     *       {@link #endpoint(URI)} for another host form, a proxy or a test server.</li>
     *   <li>Who, exactly one of: {@link #serviceAccountKey(Path)}, {@link #serviceAccountKey(InputStream)},
     *       {@link #serviceAccountKey(Supplier)}, {@link #credentials}, or {@link #auth(AuthStrategy)}.</li>
     *   <li>Optionally {@link #scopes}, {@link #options}, {@link #requiredFields}, {@link #pollInterval}.</li>
     * </ul>
     */
    public static final class Builder extends VendorClientBuilder<Builder, TenantServiceClient> {
        private InstanceName instance;
        private String instanceText;
        private boolean instanceSet;
        private final GoogleCredentialFlows flows = new GoogleCredentialFlows(ChronicleClient.VENDOR);
        private List<String> scopes = List.of(SCOPE_CHRONICLE);
        private String scopeProblem;
        private TenantFieldRevision revision = TenantFieldRevision.CURRENT;
        private Duration initialPollInterval = Duration.ofSeconds(1);
        private Duration maxPollInterval = Duration.ofSeconds(30);
        private String pollProblem;

        private Builder() {
            super(ChronicleClient.VENDOR);
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Overrides the endpoint (tests, proxies, or another host form such as
         * {@code https://<location>-chronicle.googleapis.com}). Must be https unless loopback.
         *
         * @param value the endpoint
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
         * Sets timeouts, retries, rate limits, clock, sleeper (also used between operation polls), policies,
         * listeners, proxy and trust.
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
                throw new ConfigurationException(ChronicleClient.VENDOR, "options", e.getMessage() == null
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
         * Sets the partner's own instance, the parent of its tenants (required). Its location also picks
         * the default host, {@code https://chronicle.<location>.rep.googleapis.com}.
         *
         * @param value the instance
         * @return this builder
         */
        public Builder instance(InstanceName value) {
            this.instance = value;
            this.instanceText = null;
            this.instanceSet = true;
            return this;
        }

        /**
         * Sets the partner's instance from its resource name (checked in {@link #build()}).
         *
         * @param name {@code projects/<p>/locations/<l>/instances/<i>}
         * @return this builder
         */
        public Builder instance(String name) {
            this.instance = null;
            this.instanceText = name;
            this.instanceSet = true;
            return this;
        }

        /**
         * Reads a service-account key file (JSON) when {@link #build()} runs; its {@code token_uri} must be https
         * (plain http only to loopback).
         *
         * @param keyFile the key file
         * @return this builder
         */
        public Builder serviceAccountKey(Path keyFile) {
            flows.keyFile(keyFile);
            return this;
        }

        /**
         * Reads a service-account key (JSON) from a stream now (not closed; it may be closed as soon as this
         * returns); it is checked in {@link #build()}.
         *
         * @param keyJson the key
         * @return this builder
         */
        public Builder serviceAccountKey(InputStream keyJson) {
            flows.keyStream(keyJson);
            return this;
        }

        /**
         * Reads the service-account key (JSON) from a supplier — a vault — at every token request (the first call,
         * each refresh, after a 401), so a rotated key needs no new client.
         *
         * @param keyJson supplies the key file's JSON text
         * @return this builder
         */
        public Builder serviceAccountKey(Supplier<Secret> keyJson) {
            flows.keySupplier(keyJson);
            return this;
        }

        /**
         * Uses existing service-account credentials (the same service account as the legacy client works); they
         * are re-scoped to {@link #scopes(String...)}. Other credential kinds are refused (use
         * {@link #auth(AuthStrategy)}).
         *
         * @param value the credentials
         * @return this builder
         */
        public Builder credentials(GoogleCredentials value) {
            flows.credentials(value);
            return this;
        }

        /**
         * Sets the OAuth scopes (default {@value TenantServiceClient#SCOPE_CHRONICLE}); only the two
         * documented scopes are accepted (checked in {@link #build()}).
         *
         * @param values {@link #SCOPE_CHRONICLE} and/or {@link #SCOPE_CLOUD_PLATFORM}
         * @return this builder
         */
        public Builder scopes(String... values) {
            scopeProblem = null;
            if (values == null || values.length == 0) {
                scopeProblem = "at least one scope is required";
                return this;
            }
            for (String s : values) {
                if (!SCOPE_CHRONICLE.equals(s) && !SCOPE_CLOUD_PLATFORM.equals(s)) {
                    scopeProblem = "must be " + SCOPE_CHRONICLE + " or " + SCOPE_CLOUD_PLATFORM + " (was '"
                            + TenantRules.printable(s) + "')";
                    return this;
                }
            }
            this.scopes = List.of(values);
            return this;
        }

        /**
         * Chooses which doc revision's required fields {@code tenants.create} must carry (default
         * {@link TenantFieldRevision#CURRENT}); {@link TenantFieldRevision#OLDER} for instances that still
         * follow the older documentation.
         *
         * @param value the revision
         * @return this builder
         * @throws ConfigurationException if it is null
         */
        public Builder requiredFields(TenantFieldRevision value) {
            if (value == null) {
                throw invalid("requiredFields", "must not be null");
            }
            this.revision = value;
            return this;
        }

        /**
         * Sets the poll interval of {@link TenantOperation#await}: it starts at {@code initial} and doubles
         * up to {@code max} (default 1 s and 30 s). Checked in {@link #build()}: both positive, max at least initial.
         *
         * @param initial the first interval
         * @param max     the largest interval
         * @return this builder
         */
        public Builder pollInterval(Duration initial, Duration max) {
            pollProblem = null;
            if (initial == null || max == null || initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
                pollProblem = "intervals must be positive with max >= initial (was " + initial + ", " + max + ")";
                return this;
            }
            this.initialPollInterval = initial;
            this.maxPollInterval = max;
            return this;
        }

        /**
         * Builds the client from the settings.
         *
         * @return the client
         * @throws ConfigurationException if the instance or credentials are missing, contradictory or invalid
         */
        @Override
        protected TenantServiceClient buildClient() {
            InstanceName resolvedInstance = resolveInstance();
            if (scopeProblem != null) {
                throw invalid("scopes", scopeProblem);
            }
            if (pollProblem != null) {
                throw invalid("pollInterval", pollProblem);
            }
            URI endpoint = resolveEndpoint(regionalEndpoint(resolvedInstance.location()), "instance(...)");
            if (authOverride() != null && flows.isSet()) {
                throw invalid("auth", "set either auth(...) or " + GoogleCredentialFlows.NAMES + ", not both");
            }
            GoogleCredentialFlows.Resolved resolved = flows.resolve(scopes);
            AuthStrategy auth = resolveAuth(resolved == null ? null : resolved.auth(), GoogleCredentialFlows.NAMES);
            VendorPipeline pipeline = pipeline()
                    .endpoint(endpoint)
                    .auth(auth)
                    .errorDecoder(new ChronicleErrorDecoder(ChronicleErrorDecoder.Api.TENANT_SERVICE,
                            clientOptions().clock(), null))
                    .secretJsonFields("private_key", "assertion")
                    .build();
            return new TenantServiceClient(this, pipeline, endpoint, resolvedInstance);
        }

        private InstanceName resolveInstance() {
            if (!instanceSet) {
                throw invalid("instance", "is required: call instance(\"projects/<p>/locations/<l>/instances/<i>\")");
            }
            if (instance != null) {
                return instance;
            }
            if (instanceText == null) {
                throw invalid("instance", "must not be null");
            }
            try {
                return InstanceName.parse(instanceText);
            } catch (ValidationException e) {
                throw new ConfigurationException(ChronicleClient.VENDOR, "instance", e.vendorMessage(), e);
            }
        }
    }
}
