package io.secopskit.chronicle.tenants;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import io.secopskit.chronicle.GoogleServiceAccountAuth;
import io.secopskit.chronicle.internal.Rules;
import io.secopskit.chronicle.internal.TenantRules;
import io.secopskit.core.Beta;
import io.secopskit.core.error.ConflictException;
import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.SecOpsException;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.error.ValidationException;
import io.secopskit.core.http.ClientOptions;
import io.secopskit.core.http.Operation;
import io.secopskit.core.http.Sleeper;
import io.secopskit.core.spi.ApiRequest;
import io.secopskit.core.spi.Pager;
import io.secopskit.core.spi.VendorPipeline;
import io.secopskit.core.paging.PagedIterable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Client for the Chronicle API tenant service ({@code v1alpha}), the successor of the partner Customer
 * Management API: the partner's tenants under its own instance
 * ({@code projects/<p>/locations/<l>/instances/<i>}). Immutable and thread-safe; build one per partner
 * instance and share it.
 *
 * <pre>{@code
 * TenantServiceClient tenants = TenantServiceClient.builder()
 *     .instance(InstanceName.of("partner-project", "eu", "3f0ac524-..."))   // host chronicle.eu.rep.googleapis.com
 *     .serviceAccountKey(Path.of("partner-key.json"))
 *     .build();
 * EnsuredTenant acme = tenants.ensureTenant(CreateTenantRequest.builder()
 *     .displayName("Acme Corp").customerCode("acme").tenantGcpProject("projects/acme-byop")
 *     .retentionDuration(TenantRetentionDuration.ONE_YEAR).authMethod(AuthMethod.CLOUD_IDENTITY)
 *     .frontendPath("acme").billingAccount("012345-6789AB-CDEF01").build(), Duration.ofMinutes(30));
 * }</pre>
 *
 * <table>
 * <caption>Operations</caption>
 * <tr><th>Google</th><th>HTTP</th><th>Method</th></tr>
 * <tr><td>tenants.create</td><td>{@code POST /v1alpha/{parent}/tenants}</td><td>{@link #createTenant} → {@link TenantOperation}</td></tr>
 * <tr><td>tenants.list</td><td>{@code GET /v1alpha/{parent}/tenants?pageSize=&pageToken=}</td><td>{@link #listTenants()}</td></tr>
 * <tr><td>tenants.patch</td><td>{@code PATCH /v1alpha/{tenant.name}?updateMask=}</td><td>{@link #updateTenant}</td></tr>
 * <tr><td>operations.get</td><td>{@code GET /v1alpha/{operation name}}</td><td>{@link #getOperation}, {@link TenantOperation#poll()}</td></tr>
 * </table>
 *
 * <p>Every method checks its input before sending anything ({@link ValidationException} names the field
 * and the rule). Google's errors map by status name as for the legacy client ({@code ALREADY_EXISTS} →
 * {@link ConflictException}, {@code INVALID_ARGUMENT} → {@code InvalidRequestException}, ...).
 *
 * <p><strong>Idempotency.</strong> Google documents that resending {@code tenants.create} with the same
 * displayName, customerCode and frontendPathConfigs retries a workflow stuck in ERROR or CANCELLED, and
 * that it answers ALREADY_EXISTS when the tenant is provisioned or other fields differ. So the customer
 * code is the idempotency key: {@code tenants.create} is declared safe to resend after a transient
 * failure (408, 429, 500, 502, 503, 504) within the retry policy, and {@link #ensureTenant} looks the
 * code up before creating, so SecOpsKit never asks for a second tenant for one code. A dropped
 * connection is not resent by the pipeline (it never resends a non-idempotent call after an I/O
 * failure); {@link #ensureTenant} run again finds the tenant or resends safely.
 *
 * <p>{@code @Beta}: Google's API is {@code v1alpha} and may change; so may this client.
 */
@Beta
public final class TenantServiceClient {
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
    private final InstanceName instance;
    private final TenantFieldRevision revision;
    private final Duration initialPollInterval;
    private final Duration maxPollInterval;
    private final List<String> scopes;

    private TenantServiceClient(Builder b) {
        if (b.instance == null) {
            throw new IllegalArgumentException("the partner instance is required: call instance(...)");
        }
        if (b.credentials == null) {
            throw new IllegalArgumentException("credentials are required: call serviceAccountKey(...) or credentials(...)");
        }
        this.instance = b.instance;
        this.revision = b.revision;
        this.initialPollInterval = b.initialPollInterval;
        this.maxPollInterval = b.maxPollInterval;
        this.scopes = b.scopes;
        this.pipeline = VendorPipeline.builder(Rules.VENDOR)
                .endpoint(b.endpoint != null ? b.endpoint : regionalEndpoint(instance.location()))
                .auth(GoogleServiceAccountAuth.of(b.credentials, b.scopes))
                .options(b.options)
                .secretJsonFields("private_key")
                .build();
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

    /** Returns the partner instance this client manages tenants under. */
    public InstanceName instance() {
        return instance;
    }

    /** Returns which doc revision's required fields {@link #createTenant} checks. */
    public TenantFieldRevision requiredFields() {
        return revision;
    }

    /** Returns the OAuth scopes the client's token is requested for. */
    public List<String> scopes() {
        return scopes;
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

    private ApiRequest.Builder underInstance(Operation op) {
        return ApiRequest.of(op).path("project", instance.project()).path("location", instance.location())
                .path("instance", instance.instance());
    }

    /**
     * tenants.create ({@code POST /v1alpha/{parent}/tenants}): asks Google to create and provision a
     * tenant; returns the long-running operation at once. Sends exactly one request unless a documented
     * resend happens (see the class description). To never create twice, prefer {@link #ensureTenant}.
     *
     * @param request the tenant; every field the client's doc revision requires must be set
     * @return the operation (usually not yet done)
     * @throws ValidationException when a required field is missing (nothing is sent)
     * @throws TenantAlreadyExistsException when Google answers ALREADY_EXISTS and the request has a
     *         customer code: says whether the tenant is provisioned or which fields differ
     */
    public TenantOperation createTenant(CreateTenantRequest request) {
        Objects.requireNonNull(request, "request");
        request.requireFields(revision);
        OperationJson json;
        try {
            json = pipeline.call(underInstance(CREATE_TENANT).json(request).build(), OperationJson.class);
        } catch (ConflictException e) {
            if (request.customerCode() != null && "ALREADY_EXISTS".equals(e.vendorCode())) {
                throw explainAlreadyExists(request, e);
            }
            throw e;
        }
        return toOperation(json, CREATE_TENANT);
    }

    private TenantAlreadyExistsException explainAlreadyExists(CreateTenantRequest request, ConflictException e) {
        String code = request.customerCode();
        Tenant existing;
        try {
            existing = findTenantByCustomerCode(code).orElse(null);
        } catch (SecOpsException listFailure) {
            TenantAlreadyExistsException ex = alreadyExists(e.info(), TenantAlreadyExistsException.Reason.NOT_VISIBLE,
                    code, null, List.of(), e);
            ex.addSuppressed(listFailure);
            return ex;
        }
        if (existing == null) {
            return alreadyExists(e.info(), TenantAlreadyExistsException.Reason.NOT_VISIBLE, code, null, List.of(), e);
        }
        List<String> differing = request.differingFields(existing);
        return alreadyExists(e.info(), differing.isEmpty() ? TenantAlreadyExistsException.Reason.ALREADY_PROVISIONED
                : TenantAlreadyExistsException.Reason.FIELDS_DIFFER, code, existing, differing, e);
    }

    private static TenantAlreadyExistsException alreadyExists(ErrorInfo base, TenantAlreadyExistsException.Reason reason,
                                                              String code, Tenant existing, List<String> differing,
                                                              Throwable cause) {
        String why = switch (reason) {
            case ALREADY_PROVISIONED -> "tenant " + existing.name() + " already exists for customer code '" + code
                    + "' with the same fields (state " + existing.state() + ")";
            case FIELDS_DIFFER -> "tenant " + existing.name() + " exists for customer code '" + code
                    + "' with different values for " + differing;
            case NOT_VISIBLE -> "a tenant exists for customer code '" + code + "' but tenants.list does not show it";
        };
        String vendor = base.vendorMessage();
        ErrorInfo info = base.withVendorCode("ALREADY_EXISTS").withRetryable(false)
                .withVendorMessage((vendor == null || cause == null ? "" : vendor + " — ") + why);
        return new TenantAlreadyExistsException(info, reason, code, existing, differing, cause);
    }

    /**
     * Finds the customer code's tenant, or creates it and waits for it — never a second tenant for one
     * code. Steps: list tenants until one has the code ({@code tenants.list}, lazily, 100 per page); if it
     * is {@code ACTIVE}, return it ({@code FOUND}, with any fields that differ from the request reported as
     * drift, never as an error — a tenant renamed at Google is still the customer's tenant); otherwise
     * send {@code tenants.create} with the request's fields — which Google documents as retrying a workflow
     * stuck in ERROR or CANCELLED — and {@link TenantOperation#await await} the tenant ({@code CREATED}).
     * If Google answers ALREADY_EXISTS and the tenant carries the same fields (its workflow is still
     * running, or finished meanwhile), it is returned as {@code FOUND}.
     *
     * <p>{@code ACTIVE} as the provisioned state is a guess (Google lists no state values); if Google uses
     * another word, the only effect is one resend per call, answered with ALREADY_EXISTS.
     *
     * @param request the tenant; must carry a customer code
     * @param timeout how long to wait for the operation
     * @return the tenant and what happened
     * @throws ValidationException when the request has no customer code or lacks a required field
     * @throws TenantAlreadyExistsException when the code's tenant is not active and Google refuses the resend
     *         because other field values differ ({@code FIELDS_DIFFER}: correct the request to match and run again)
     * @throws TenantOperationFailedException when the creation workflow fails (ERROR, CANCELLED or an error)
     * @throws TenantOperationTimeoutException when the workflow is still running at the deadline
     */
    public EnsuredTenant ensureTenant(CreateTenantRequest request, Duration timeout) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(timeout, "timeout");
        if (request.customerCode() == null) {
            throw new ValidationException(Rules.VENDOR, CreateTenantRequest.OP, "customerCode",
                    "is required by ensureTenant: it is the idempotency key that prevents a second tenant");
        }
        request.requireFields(revision);
        Optional<Tenant> found = findTenantByCustomerCode(request.customerCode());
        if (found.isPresent() && found.get().isActive()) {
            return new EnsuredTenant(found.get(), EnsuredTenant.Outcome.FOUND, null, request.differingFields(found.get()));
        }
        TenantOperation op;
        try {
            op = createTenant(request);
        } catch (TenantAlreadyExistsException e) {
            if (e.reason() == TenantAlreadyExistsException.Reason.ALREADY_PROVISIONED) {
                return new EnsuredTenant(e.existingTenant().orElseThrow(), EnsuredTenant.Outcome.FOUND, null, List.of());
            }
            throw e;
        }
        return new EnsuredTenant(op.await(timeout), EnsuredTenant.Outcome.CREATED, op.name(), List.of());
    }

    /**
     * tenants.list, 100 tenants per page (the documented maximum).
     *
     * @return the partner's tenants, fetched lazily page by page
     */
    public PagedIterable<Tenant> listTenants() {
        return listTenants(MAX_PAGE_SIZE);
    }

    /**
     * tenants.list ({@code GET /v1alpha/{parent}/tenants?pageSize=&pageToken=}): the partner's tenants,
     * fetched lazily; each iteration starts from the first page. A page that comes back empty but with a
     * next-page token is followed (Google may do that); a token that repeats is a server fault and fails
     * the iteration instead of looping.
     *
     * @param pageSize tenants per page, 1 to {@value #MAX_PAGE_SIZE}
     * @return the tenants
     * @throws ValidationException when the page size is out of range
     */
    public PagedIterable<Tenant> listTenants(int pageSize) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new ValidationException(Rules.VENDOR, LIST_TENANTS.name(), "pageSize",
                    "must be between 1 and " + MAX_PAGE_SIZE + " (was " + pageSize + ")");
        }
        return Pager.token(Rules.VENDOR + "." + LIST_TENANTS.name(), token -> {
            String current = token;
            while (true) {
                TenantList page = pipeline.call(underInstance(LIST_TENANTS).query("pageSize", pageSize)
                        .query("pageToken", current).build(), TenantList.class);
                String next = page.nextPageToken();
                if (next != null && !next.isEmpty() && next.equals(current)) {
                    throw new ServerException(ErrorInfo.of(Rules.VENDOR, LIST_TENANTS.name()).withVendorCode("PAGING_LOOP")
                            .withVendorMessage("tenants.list returned the page token it was sent as the next one"));
                }
                if (!page.tenants().isEmpty() || next == null || next.isEmpty()) {
                    return new Pager.Step<>(page.tenants(), next, -1);
                }
                current = next;   // an empty page with a next token: follow it within this step
            }
        });
    }

    /**
     * Finds the tenant with a customer code by paging through {@code tenants.list} (stops at the first
     * match). The tenant service has no documented filter or get-by-code, so this costs up to one request
     * per 100 tenants.
     *
     * @param customerCode the customer code
     * @return the tenant, or empty when no tenant has that code
     * @throws ValidationException when the code breaks the customer-code rule
     */
    public Optional<Tenant> findTenantByCustomerCode(String customerCode) {
        TenantRules.customerCode(LIST_TENANTS.name(), customerCode);
        for (Tenant t : listTenants()) {
            if (customerCode.equals(t.customerCode())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /**
     * tenants.patch ({@code PATCH /v1alpha/{tenant.name}?updateMask=...}): changes the auth method and/or
     * the workforce pool provider ids — the only fields Google documents as updatable. The mask names
     * exactly the fields the update sets.
     *
     * @param tenantName the tenant, {@code <this client's instance>/tenants/<tenant id>}
     * @param update     the change
     * @return the tenant as Google returns it
     * @throws ValidationException when the name is not a tenant of this client's instance
     */
    public Tenant updateTenant(String tenantName, TenantUpdate update) {
        Objects.requireNonNull(update, "update");
        String prefix = instance + "/tenants/";
        if (tenantName == null || !tenantName.startsWith(prefix)) {
            throw new ValidationException(Rules.VENDOR, TenantUpdate.OP, "tenant.name",
                    "must be '" + prefix + "<tenant id>' (was '" + TenantRules.printable(tenantName) + "')");
        }
        String tenantId = TenantRules.serverId(TenantUpdate.OP, "tenant.name", tenantName.substring(prefix.length()));
        return pipeline.call(underInstance(UPDATE_TENANT).path("tenant", tenantId)
                .query("updateMask", String.join(",", update.updateMask())).json(update.body()).build(), Tenant.class);
    }

    /**
     * operations.get ({@code GET /v1alpha/{operation name}}): the current state of a {@code tenants.create}
     * operation. This is how a new process resumes waiting: {@code getOperation(savedName).await(timeout)}.
     * Accepts {@code projects/<p>/locations/<l>/instances/<i>/operations/<id>} and
     * {@code projects/<p>/locations/<l>/operations/<id>} (Google's examples show only
     * {@code .../operations/<id>}), in this client's location.
     *
     * @param operationName the operation's resource name
     * @return the operation
     * @throws ValidationException when the name is malformed or in another location than this client's host serves
     */
    public TenantOperation getOperation(String operationName) {
        String[] p = operationName == null ? new String[0] : operationName.split("/", -1);
        ApiRequest request;
        if (p.length == 8 && p[0].equals("projects") && p[2].equals("locations") && p[4].equals("instances")
                && p[6].equals("operations")) {
            request = ApiRequest.of(GET_OPERATION).path("project", checkProject(p[1], operationName))
                    .path("location", checkLocation(p[3], operationName))
                    .path("instance", TenantRules.serverId("GetOperation", "operation.instance", p[5]))
                    .path("operation", TenantRules.serverId("GetOperation", "operation", p[7])).build();
        } else if (p.length == 6 && p[0].equals("projects") && p[2].equals("locations") && p[4].equals("operations")) {
            request = ApiRequest.of(GET_LOCATION_OPERATION).path("project", checkProject(p[1], operationName))
                    .path("location", checkLocation(p[3], operationName))
                    .path("operation", TenantRules.serverId("GetOperation", "operation", p[5])).build();
        } else {
            throw new ValidationException(Rules.VENDOR, "GetOperation", "operation",
                    "must be 'projects/<p>/locations/<l>/instances/<i>/operations/<id>' (was '"
                            + TenantRules.printable(operationName) + "')");
        }
        return toOperation(pipeline.call(request, OperationJson.class), request.operation());
    }

    private static String checkProject(String project, String name) {
        try {
            return TenantRules.projectId("operation.project", project);
        } catch (ValidationException e) {
            throw new ValidationException(Rules.VENDOR, "GetOperation", "operation",
                    "has a malformed project (was '" + TenantRules.printable(name) + "')");
        }
    }

    private String checkLocation(String location, String name) {
        if (!instance.location().equals(location)) {
            throw new ValidationException(Rules.VENDOR, "GetOperation", "operation",
                    "is in location '" + TenantRules.printable(location) + "' but this client serves '"
                            + instance.location() + "' (was '" + TenantRules.printable(name) + "')");
        }
        return location;
    }

    private TenantOperation toOperation(OperationJson json, Operation op) {
        if (json.name() == null || !json.name().contains("/operations/")) {
            throw new ServerException(ErrorInfo.of(Rules.VENDOR, op.name()).withVendorCode("MALFORMED_OPERATION")
                    .withVendorMessage("the answer is not a long-running operation (name " + json.name() + ")"));
        }
        Metadata m = json.metadata();
        return new TenantOperation(this, json.name(), Boolean.TRUE.equals(json.done()),
                m == null ? null : m.creationWorkflowStatus(), m == null ? null : m.tenant(), json.response(), json.error());
    }

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

    /** Builds a {@link TenantServiceClient}. */
    public static final class Builder {
        private InstanceName instance;
        private URI endpoint;
        private GoogleCredentials credentials;
        private List<String> scopes = List.of(SCOPE_CHRONICLE);
        private ClientOptions options = ClientOptions.defaults();
        private TenantFieldRevision revision = TenantFieldRevision.CURRENT;
        private Duration initialPollInterval = Duration.ofSeconds(1);
        private Duration maxPollInterval = Duration.ofSeconds(30);

        private Builder() {
        }

        /**
         * Sets the partner's own instance, the parent of its tenants (required). Its location also picks
         * the default host, {@code https://chronicle.<location>.rep.googleapis.com}.
         *
         * @param value the instance
         * @return this builder
         */
        public Builder instance(InstanceName value) {
            this.instance = Objects.requireNonNull(value, "instance");
            return this;
        }

        /**
         * Sets the partner's instance from its resource name.
         *
         * @param name {@code projects/<p>/locations/<l>/instances/<i>}
         * @return this builder
         * @throws ValidationException when the name is malformed
         */
        public Builder instance(String name) {
            return instance(InstanceName.parse(name));
        }

        /**
         * Overrides the endpoint (tests, proxies, or another host form such as
         * {@code https://<location>-chronicle.googleapis.com}). Must be https unless loopback.
         *
         * @param value the endpoint
         * @return this builder
         */
        public Builder endpoint(URI value) {
            this.endpoint = Objects.requireNonNull(value, "endpoint");
            return this;
        }

        /**
         * Reads a service-account key file (JSON).
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
         * Uses existing Google credentials (the same service account as the legacy client works); they are
         * re-scoped to {@link #scopes(String...)}.
         *
         * @param value the credentials
         * @return this builder
         */
        public Builder credentials(GoogleCredentials value) {
            this.credentials = Objects.requireNonNull(value, "credentials");
            return this;
        }

        /**
         * Sets the OAuth scopes (default {@value TenantServiceClient#SCOPE_CHRONICLE}); only the two
         * documented scopes are accepted.
         *
         * @param values {@link #SCOPE_CHRONICLE} and/or {@link #SCOPE_CLOUD_PLATFORM}
         * @return this builder
         * @throws IllegalArgumentException for an empty list or another scope
         */
        public Builder scopes(String... values) {
            if (values.length == 0) {
                throw new IllegalArgumentException("at least one scope is required");
            }
            for (String s : values) {
                if (!SCOPE_CHRONICLE.equals(s) && !SCOPE_CLOUD_PLATFORM.equals(s)) {
                    throw new IllegalArgumentException("scope must be " + SCOPE_CHRONICLE + " or " + SCOPE_CLOUD_PLATFORM
                            + ": " + s);
                }
            }
            this.scopes = List.of(values);
            return this;
        }

        /**
         * Sets timeouts, retries, rate limits, clock, sleeper (also used between operation polls) and the
         * shared OkHttp client.
         *
         * @param value the options
         * @return this builder
         */
        public Builder options(ClientOptions value) {
            this.options = Objects.requireNonNull(value, "options");
            return this;
        }

        /**
         * Chooses which doc revision's required fields {@code tenants.create} must carry (default
         * {@link TenantFieldRevision#CURRENT}); {@link TenantFieldRevision#OLDER} for instances that still
         * follow the older documentation.
         *
         * @param value the revision
         * @return this builder
         */
        public Builder requiredFields(TenantFieldRevision value) {
            this.revision = Objects.requireNonNull(value, "requiredFields");
            return this;
        }

        /**
         * Sets the poll interval of {@link TenantOperation#await}: it starts at {@code initial} and doubles
         * up to {@code max} (default 1 s and 30 s).
         *
         * @param initial the first interval, positive
         * @param max     the largest interval, at least {@code initial}
         * @return this builder
         */
        public Builder pollInterval(Duration initial, Duration max) {
            Objects.requireNonNull(initial, "initial");
            Objects.requireNonNull(max, "max");
            if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("poll intervals must be positive with max >= initial: " + initial + ", " + max);
            }
            this.initialPollInterval = initial;
            this.maxPollInterval = max;
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws IllegalArgumentException if the instance or credentials are missing, or the endpoint is not absolute http(s)
         * @throws io.secopskit.core.error.ConfigurationException if the endpoint is plain http to a non-loopback host
         */
        public TenantServiceClient build() {
            return new TenantServiceClient(this);
        }
    }
}
