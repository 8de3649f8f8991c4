package io.secopskit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * A stateful fake of the Chronicle API tenant service ({@code v1alpha}) under one partner instance, on
 * its own loopback server: {@code tenants.create} (a long-running operation), {@code tenants.list},
 * {@code tenants.patch} and {@code operations.get}, plus Google's token endpoint at {@link #TOKEN_PATH}
 * (see {@link GoogleTokenEndpoint}; scopes {@code chronicle} or {@code cloud-platform}).
 *
 * <p><strong>Documented behaviour it enforces</strong> (400 {@code INVALID_ARGUMENT} in Google's error
 * envelope unless noted): required fields of the configured doc revision ({@link Revision#CURRENT}:
 * displayName, customerCode, tenantGcpProject, retentionDuration, authMethod, frontendPathConfigs,
 * billingAccount; {@link Revision#OLDER}: the first three); the 11 retention durations and the 2 auth
 * methods; {@code tenantGcpProject} as {@code projects/<id>}; workforce pool provider ids as
 * {@code locations/<l>/workforcePools/<p>/providers/<q>}; unknown body fields and unknown query
 * parameters (Google rejects both); create with query parameters; {@code pageSize} above 100 or below 0,
 * and page tokens it never issued; {@code updateMask} paths other than {@code authMethod} and
 * {@code frontendPathConfigs} (only the auth method and workforce pool provider ids are updatable);
 * another partner's instance (403 {@code PERMISSION_DENIED}); unknown tenants and operations (404
 * {@code NOT_FOUND}).
 *
 * <p><strong>Idempotency as documented:</strong> {@code customerCode} is the key. Resending the same
 * fields for a tenant whose creation workflow is stuck in {@code ERROR} or {@code CANCELLED} starts a new
 * operation for the same tenant; a tenant that is provisioned, or a resend with any field different,
 * gets 409 {@code ALREADY_EXISTS}.
 *
 * <p><strong>Guesses</strong> (the documents do not say; the SDK does not rely on them beyond what its
 * Javadoc states): the customer-code rule is the legacy API's; workflow statuses while running and after
 * success are {@code RUNNING} and {@code COMPLETED}; tenant states are {@code PROVISIONING},
 * {@code ACTIVE} and {@code ERROR}; a resend while the workflow is still running gets
 * {@code ALREADY_EXISTS}; patching {@code frontendPathConfigs} may change provider ids but not the set of
 * frontend paths; operation names are {@code <instance>/operations/<uuid>}.
 *
 * <p>Test controls: {@link #runningPolls(int)} (operations stay running for N polls),
 * {@link #nextCreates(Outcome, int)} (ERROR or CANCELLED while {@code done} stays false, or done with an
 * error), {@link #seedTenants(int)} and {@link #requiredFields(Revision)}. Thread-safe.
 */
public final class FakeChronicleTenantService extends FakeVendor {
    /** The path of the token endpoint. */
    public static final String TOKEN_PATH = "/token";
    /** The partner instance the fake serves unless another is given. */
    public static final String DEFAULT_INSTANCE =
            "projects/partner-project/locations/us/instances/3f0ac524-5ae1-4bfd-b86d-53afc953e7e6";
    /** The documented OAuth scope of the Chronicle API. */
    public static final String SCOPE_CHRONICLE = "https://www.googleapis.com/auth/chronicle";
    /** The documented Google Cloud-wide OAuth scope. */
    public static final String SCOPE_CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform";
    /** The 11 documented retention durations. */
    public static final List<String> RETENTION_DURATIONS = List.of("ONE_YEAR", "EIGHTEEN_MONTHS", "SIX_MONTHS",
            "TWO_YEARS", "THREE_YEARS", "FOUR_YEARS", "FIVE_YEARS", "THIRTEEN_MONTHS", "SIXTY_THREE_DAYS",
            "THREE_MONTHS", "UNLIMITED");
    /** The 2 documented auth methods. */
    public static final List<String> AUTH_METHODS = List.of("WORKFORCE_IDENTITY_FEDERATION", "CLOUD_IDENTITY");

    private static final String API = "/v1alpha/projects/{project}/locations/{location}/instances/{instance}";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{0,17}");
    private static final Pattern PROJECT = Pattern.compile("projects/([a-z][a-z0-9-]{4,28}[a-z0-9]|[0-9]{1,30})");
    private static final Pattern PROVIDER = Pattern.compile("locations/[a-z0-9-]+/workforcePools/[^/\\s]+/providers/[^/\\s]+");
    private static final Pattern FRONTEND_PATH = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Set<String> WRITABLE = Set.of("displayName", "customerCode", "tenantGcpProject",
            "retentionDuration", "authMethod", "frontendPathConfigs", "billingAccount", "provisioningFlow");
    private static final Set<String> OUTPUT_ONLY = Set.of("name", "state");
    private static final Set<String> COMPARED = Set.of("displayName", "tenantGcpProject", "retentionDuration",
            "authMethod", "frontendPathConfigs", "billingAccount", "provisioningFlow");

    /** The required-field set of a tenant service doc revision. */
    public enum Revision {
        /** The newer revision: displayName, customerCode, tenantGcpProject, retentionDuration, authMethod, frontendPathConfigs, billingAccount. */
        CURRENT,
        /** The older revision: displayName, tenantGcpProject, retentionDuration. */
        OLDER
    }

    /** How a creation workflow ends. */
    public enum Outcome {
        /** {@code done: true} with the tenant as {@code response}. */
        SUCCEED,
        /** The workflow status turns {@code ERROR} while {@code done} stays false (the documented failure). */
        ERROR_NOT_DONE,
        /** The workflow status turns {@code CANCELLED} while {@code done} stays false. */
        CANCELLED_NOT_DONE,
        /** {@code done: true} with {@code error} (code 13, INTERNAL). */
        FAIL_DONE
    }

    private final String instance;
    private final GoogleTokenEndpoint tokens = new GoogleTokenEndpoint(Set.of(SCOPE_CHRONICLE, SCOPE_CLOUD_PLATFORM));
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, TenantRecord> tenants = new LinkedHashMap<>();
    private final Map<String, TenantRecord> byCode = new LinkedHashMap<>();
    private final Map<String, OperationRecord> operations = new LinkedHashMap<>();
    private final Deque<Outcome> plannedOutcomes = new ArrayDeque<>();
    private final Map<String, Integer> pageTokens = new ConcurrentHashMap<>();
    private volatile int runningPolls = 2;
    private volatile Revision revision = Revision.CURRENT;

    private static final class TenantRecord {
        final String id;
        final String name;
        final ObjectNode fields;
        String state = "PROVISIONING";
        String workflow = "RUNNING";

        TenantRecord(String id, String name, ObjectNode fields) {
            this.id = id;
            this.name = name;
            this.fields = fields;
        }
    }

    private static final class OperationRecord {
        final String name;
        final TenantRecord tenant;
        final Outcome outcome;
        final int pollsBeforeOutcome;
        int polls;
        boolean done;
        boolean failed;

        OperationRecord(String name, TenantRecord tenant, Outcome outcome, int pollsBeforeOutcome) {
            this.name = name;
            this.tenant = tenant;
            this.outcome = outcome;
            this.pollsBeforeOutcome = pollsBeforeOutcome;
        }
    }

    /** Creates the fake for {@link #DEFAULT_INSTANCE}; call {@link #start()} before use. */
    public FakeChronicleTenantService() {
        this(DEFAULT_INSTANCE);
    }

    /**
     * Creates the fake for a partner instance; call {@link #start()} before use.
     *
     * @param partnerInstance {@code projects/<p>/locations/<l>/instances/<i>}
     */
    public FakeChronicleTenantService(String partnerInstance) {
        if (!partnerInstance.matches("projects/[^/]+/locations/[^/]+/instances/[^/]+")) {
            throw new IllegalArgumentException("not an instance name: " + partnerInstance);
        }
        this.instance = partnerInstance;
        anonymousRoute("POST", TOKEN_PATH, tokens::token);
        route("POST", API + "/tenants", this::createTenant);
        route("GET", API + "/tenants", this::listTenants);
        route("PATCH", API + "/tenants/{tenant}", this::patchTenant);
        route("GET", API + "/operations/{operation}", this::getOperation);
    }

    /** Returns the partner instance this fake serves. */
    public String partnerInstance() {
        return instance;
    }

    /** Returns the location of the partner instance (the second segment of its name). */
    public String location() {
        return instance.split("/")[3];
    }

    /** Returns the token endpoint (issued tokens, revocation). */
    public GoogleTokenEndpoint tokens() {
        return tokens;
    }

    /**
     * Registers a service account and returns a key file whose {@code token_uri} points at this fake.
     * Start the fake first.
     *
     * @param clientEmail the service account's e-mail
     * @return the key file JSON
     */
    public String newServiceAccountKeyJson(String clientEmail) {
        return tokens.newServiceAccountKeyJson(clientEmail, URI.create(baseUri() + TOKEN_PATH));
    }

    /**
     * Sets how many {@code operations.get} calls see a new operation still running before its outcome
     * (default 2).
     *
     * @param polls polls answered with {@code done: false} and workflow status {@code RUNNING}
     */
    public void runningPolls(int polls) {
        if (polls < 0) {
            throw new IllegalArgumentException("polls must not be negative");
        }
        this.runningPolls = polls;
    }

    /**
     * Makes the next {@code count} creation workflows (new tenants or retries) end with {@code outcome};
     * later ones succeed.
     *
     * @param outcome the outcome
     * @param count   how many workflows
     */
    public void nextCreates(Outcome outcome, int count) {
        Objects.requireNonNull(outcome, "outcome");
        lock.lock();
        try {
            for (int i = 0; i < count; i++) {
                plannedOutcomes.addLast(outcome);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Chooses which doc revision's required fields {@code tenants.create} enforces (default {@link Revision#CURRENT}).
     *
     * @param value the revision
     */
    public void requiredFields(Revision value) {
        this.revision = Objects.requireNonNull(value, "value");
    }

    /**
     * Adds provisioned tenants with customer codes {@code seed-0001}, {@code seed-0002}, ...
     *
     * @param count how many
     * @return their resource names, in list order
     */
    public List<String> seedTenants(int count) {
        List<String> names = new ArrayList<>();
        lock.lock();
        try {
            int start = tenants.size();
            for (int i = 1; i <= count; i++) {
                String code = String.format("seed-%04d", start + i);
                ObjectNode f = MAPPER.createObjectNode()
                        .put("displayName", "Seeded customer " + (start + i))
                        .put("customerCode", code)
                        .put("tenantGcpProject", "projects/" + code + "-byop")
                        .put("retentionDuration", "ONE_YEAR")
                        .put("authMethod", "CLOUD_IDENTITY")
                        .put("billingAccount", "billingAccounts/012345-6789AB-CDEF01");
                f.putArray("frontendPathConfigs").addObject().put("frontendPath", code);
                TenantRecord t = newTenant(f);
                t.state = "ACTIVE";
                t.workflow = "COMPLETED";
                names.add(t.name);
            }
        } finally {
            lock.unlock();
        }
        return names;
    }

    /** Returns how many tenants exist. */
    public int tenantCount() {
        lock.lock();
        try {
            return tenants.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns a tenant as {@code tenants.list} shows it, or null.
     *
     * @param customerCode the customer code
     * @return a copy of the tenant JSON, or null
     */
    public JsonNode tenant(String customerCode) {
        lock.lock();
        try {
            TenantRecord t = byCode.get(customerCode);
            return t == null ? null : tenantJson(t);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns the creation workflow status of a tenant's latest operation, or null for an unknown code.
     *
     * @param customerCode the customer code
     * @return for example {@code RUNNING}, {@code ERROR}, {@code COMPLETED}
     */
    public String workflowStatus(String customerCode) {
        lock.lock();
        try {
            TenantRecord t = byCode.get(customerCode);
            return t == null ? null : t.workflow;
        } finally {
            lock.unlock();
        }
    }

    /** Returns how many operations were started (new tenants and retried workflows). */
    public int operationsStarted() {
        lock.lock();
        try {
            return operations.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    protected FakeResponse authenticate(FakeRequest request) {
        if (!tokens.isValid(request.header("Authorization"))) {
            return error(401, "UNAUTHENTICATED", "Request had invalid authentication credentials. "
                    + "Expected OAuth 2 access token, login cookie or other valid authentication credential.");
        }
        return null;
    }

    @Override
    protected FakeResponse notFound(FakeRequest request) {
        return error(404, "NOT_FOUND", "The requested URL " + request.path() + " was not found on this server.");
    }

    @Override
    protected FakeResponse methodNotAllowed(FakeRequest request) {
        return error(404, "NOT_FOUND", "Method " + request.method() + " not found for " + request.path());
    }

    @Override
    protected FakeResponse internalError(FakeRequest request, RuntimeException e) {
        if (e instanceof BadRequest) {
            return error(400, "INVALID_ARGUMENT", e.getMessage());
        }
        return error(500, "INTERNAL", "fake failure: " + e.getClass().getSimpleName());
    }

    /**
     * Builds an answer in Google's error envelope {@code {"error":{"code","message","status"}}}.
     *
     * @param code    HTTP status
     * @param status  canonical status name, for example {@code ALREADY_EXISTS}
     * @param message the message
     * @return the answer
     */
    public static FakeResponse error(int code, String status, String message) {
        ObjectNode body = MAPPER.createObjectNode();
        body.putObject("error").put("code", code).put("message", message).put("status", status);
        return FakeResponse.json(code, body);
    }

    // ---------------------------------------------------------------- tenants.create

    private FakeResponse createTenant(FakeRequest r) {
        FakeResponse denied = checkParent(r, "chronicle.tenants.create");
        if (denied != null) {
            return denied;
        }
        allowQuery(r);
        ObjectNode body = bodyObject(r);
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!WRITABLE.contains(f) && !OUTPUT_ONLY.contains(f)) {
                throw new BadRequest("Invalid JSON payload received. Unknown name \"" + f + "\": Cannot find field.");
            }
        }
        ObjectNode fields = MAPPER.createObjectNode();
        for (String f : WRITABLE) {
            if (body.has(f) && !body.get(f).isNull()) {
                fields.set(f, body.get(f));
            }
        }
        validateTenantFields(fields);
        lock.lock();
        try {
            String code = fields.path("customerCode").asText(null);
            TenantRecord existing = code == null ? null : byCode.get(code);
            if (existing != null) {
                List<String> differing = new ArrayList<>();
                for (String f : COMPARED) {
                    if (!sameValue(f, existing.fields.get(f), fields.get(f))) {
                        differing.add(f);
                    }
                }
                differing.sort(null);
                if (!differing.isEmpty()) {
                    return error(409, "ALREADY_EXISTS", "Tenant with customer code '" + code
                            + "' already exists with different values for " + differing + ".");
                }
                if (existing.workflow.equals("ERROR") || existing.workflow.equals("CANCELLED")) {
                    existing.workflow = "RUNNING";
                    existing.state = "PROVISIONING";
                    return FakeResponse.json(200, operationJson(newOperation(existing)));
                }
                return error(409, "ALREADY_EXISTS", "Tenant with customer code '" + code + "' "
                        + (existing.workflow.equals("RUNNING") ? "is being provisioned." : "is already provisioned."));
            }
            if (code == null) {
                fields.put("customerCode", "c" + Long.toHexString(RANDOM.nextLong() & 0xffffffffL));
            }
            TenantRecord t = newTenant(fields);
            return FakeResponse.json(200, operationJson(newOperation(t)));
        } finally {
            lock.unlock();
        }
    }

    private void validateTenantFields(ObjectNode f) {
        List<String> required = new ArrayList<>(List.of("displayName", "tenantGcpProject", "retentionDuration"));
        if (revision == Revision.CURRENT) {
            required.addAll(List.of("customerCode", "authMethod", "frontendPathConfigs", "billingAccount"));
        }
        for (String name : List.of("displayName", "customerCode", "tenantGcpProject", "retentionDuration", "authMethod",
                "billingAccount", "provisioningFlow")) {
            if (f.has(name) && !f.get(name).isTextual()) {
                throw new BadRequest("Invalid value at 'tenant." + snake(name) + "': expected a string");
            }
        }
        for (String name : required) {
            JsonNode v = f.get(name);
            boolean missing = v == null || (v.isTextual() && v.asText().isBlank()) || (v.isArray() && v.isEmpty());
            if (missing) {
                throw new BadRequest("tenant." + snake(name) + " is required");
            }
        }
        if (f.has("displayName") && f.get("displayName").asText().chars().anyMatch(Character::isISOControl)) {
            throw new BadRequest("tenant.display_name must not contain control characters");
        }
        if (f.has("customerCode") && !(CODE.matcher(f.get("customerCode").asText()).matches()
                && !f.get("customerCode").asText().endsWith("-"))) {
            throw new BadRequest("tenant.customer_code is invalid: " + f.get("customerCode").asText());
        }
        if (f.has("tenantGcpProject") && !PROJECT.matcher(f.get("tenantGcpProject").asText()).matches()) {
            throw new BadRequest("tenant.tenant_gcp_project must be projects/{project}: " + f.get("tenantGcpProject").asText());
        }
        if (f.has("retentionDuration") && !RETENTION_DURATIONS.contains(f.get("retentionDuration").asText())) {
            throw new BadRequest("Invalid value at 'tenant.retention_duration' (type.googleapis.com/"
                    + "google.cloud.chronicle.v1alpha.RetentionDuration), \"" + f.get("retentionDuration").asText() + "\"");
        }
        if (f.has("authMethod") && !AUTH_METHODS.contains(f.get("authMethod").asText())) {
            throw new BadRequest("Invalid value at 'tenant.auth_method' (type.googleapis.com/"
                    + "google.cloud.chronicle.v1alpha.Tenant.AuthMethod), \"" + f.get("authMethod").asText() + "\"");
        }
        if (f.has("frontendPathConfigs")) {
            validateFrontendPathConfigs(f.get("frontendPathConfigs"), false);
        }
    }

    private static void validateFrontendPathConfigs(JsonNode configs, boolean providerRequired) {
        if (!configs.isArray()) {
            throw new BadRequest("Invalid value at 'tenant.frontend_path_configs': expected a list");
        }
        Set<String> paths = new HashSet<>();
        for (JsonNode c : configs) {
            if (!c.isObject()) {
                throw new BadRequest("Invalid value at 'tenant.frontend_path_configs': expected objects");
            }
            for (Iterator<String> it = c.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!name.equals("frontendPath") && !name.equals("workforcePoolProviderId")) {
                    throw new BadRequest("Invalid JSON payload received. Unknown name \"" + name
                            + "\" at 'tenant.frontend_path_configs[0]': Cannot find field.");
                }
            }
            String path = c.path("frontendPath").asText("");
            if (!FRONTEND_PATH.matcher(path).matches()) {
                throw new BadRequest("tenant.frontend_path_configs.frontend_path is invalid: '" + path + "'");
            }
            if (!paths.add(path)) {
                throw new BadRequest("tenant.frontend_path_configs has frontend path '" + path + "' twice");
            }
            JsonNode provider = c.get("workforcePoolProviderId");
            if (provider != null && !provider.isNull() && !PROVIDER.matcher(provider.asText()).matches()) {
                throw new BadRequest("tenant.frontend_path_configs.workforce_pool_provider_id must be "
                        + "locations/{location}/workforcePools/{pool}/providers/{provider}: " + provider.asText());
            }
            if (providerRequired && (provider == null || provider.isNull())) {
                throw new BadRequest("tenant.frontend_path_configs.workforce_pool_provider_id is required in an update");
            }
        }
    }

    private static boolean sameValue(String field, JsonNode a, JsonNode b) {
        boolean aAbsent = a == null || a.isNull();
        boolean bAbsent = b == null || b.isNull();
        if (aAbsent || bAbsent) {
            return aAbsent == bAbsent;
        }
        if (field.equals("frontendPathConfigs")) {
            Set<JsonNode> x = new HashSet<>();
            a.forEach(x::add);
            Set<JsonNode> y = new HashSet<>();
            b.forEach(y::add);
            return x.equals(y);
        }
        return a.equals(b);
    }

    private TenantRecord newTenant(ObjectNode fields) {
        String id = UUID.randomUUID().toString();
        TenantRecord t = new TenantRecord(id, instance + "/tenants/" + id, fields);
        tenants.put(id, t);
        byCode.put(fields.get("customerCode").asText(), t);
        return t;
    }

    private OperationRecord newOperation(TenantRecord t) {
        Outcome outcome = plannedOutcomes.isEmpty() ? Outcome.SUCCEED : plannedOutcomes.removeFirst();
        OperationRecord op = new OperationRecord(instance + "/operations/" + UUID.randomUUID(), t, outcome, runningPolls);
        operations.put(op.name, op);
        return op;
    }

    // ---------------------------------------------------------------- tenants.list

    private FakeResponse listTenants(FakeRequest r) {
        FakeResponse denied = checkParent(r, "chronicle.tenants.list");
        if (denied != null) {
            return denied;
        }
        allowQuery(r, "pageSize", "pageToken");
        if (!r.body().isEmpty()) {
            throw new BadRequest("the request body of tenants.list must be empty");
        }
        int pageSize = 10;
        String size = r.queryParam("pageSize");
        if (size != null) {
            try {
                pageSize = Integer.parseInt(size);
            } catch (NumberFormatException e) {
                throw new BadRequest("Invalid value at 'page_size' (TYPE_INT32), \"" + size + "\"");
            }
            if (pageSize < 0 || pageSize > 100) {
                throw new BadRequest("page_size must be between 0 and 100 (maximum page size - 100); was " + pageSize);
            }
            if (pageSize == 0) {
                pageSize = 10;
            }
        }
        int offset = 0;
        String token = r.queryParam("pageToken");
        if (token != null && !token.isEmpty()) {
            Integer at = pageTokens.get(token);
            if (at == null) {
                throw new BadRequest("Invalid page token: " + token);
            }
            offset = at;
        }
        ObjectNode out = MAPPER.createObjectNode();
        lock.lock();
        try {
            List<TenantRecord> all = new ArrayList<>(tenants.values());
            ArrayNode list = out.putArray("tenants");
            int end = Math.min(all.size(), offset + pageSize);
            for (int i = offset; i < end; i++) {
                list.add(tenantJson(all.get(i)));
            }
            if (end < all.size()) {
                byte[] raw = new byte[18];
                RANDOM.nextBytes(raw);
                String next = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
                pageTokens.put(next, end);
                out.put("nextPageToken", next);
            }
        } finally {
            lock.unlock();
        }
        if (out.get("tenants").isEmpty()) {
            out.remove("tenants");
        }
        return FakeResponse.json(200, out);
    }

    // ---------------------------------------------------------------- tenants.patch

    private FakeResponse patchTenant(FakeRequest r) {
        FakeResponse denied = checkParent(r, "chronicle.tenants.update");
        if (denied != null) {
            return denied;
        }
        allowQuery(r, "updateMask");
        ObjectNode body = bodyObject(r);
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!WRITABLE.contains(f) && !OUTPUT_ONLY.contains(f)) {
                throw new BadRequest("Invalid JSON payload received. Unknown name \"" + f + "\": Cannot find field.");
            }
        }
        lock.lock();
        try {
            TenantRecord t = tenants.get(r.pathVariable("tenant"));
            if (t == null) {
                return error(404, "NOT_FOUND", "Tenant " + instance + "/tenants/" + r.pathVariable("tenant")
                        + " not found.");
            }
            if (body.hasNonNull("name") && !body.get("name").asText().equals(t.name)) {
                throw new BadRequest("tenant.name in the body does not match the URL");
            }
            String mask = r.queryParam("updateMask");
            List<String> paths = new ArrayList<>();
            if (mask == null) {
                for (String f : List.of("authMethod", "frontendPathConfigs")) {
                    if (body.has(f)) {
                        paths.add(f);
                    }
                }
                for (String f : List.of("displayName", "customerCode", "tenantGcpProject", "retentionDuration",
                        "billingAccount", "provisioningFlow")) {
                    if (body.has(f) && !body.get(f).equals(t.fields.get(f))) {
                        throw new BadRequest("field " + snake(f) + " is not updatable");
                    }
                }
            } else {
                for (String p : mask.split(",", -1)) {
                    paths.add(camel(p));
                }
            }
            if (paths.isEmpty()) {
                throw new BadRequest("update_mask must name at least one field");
            }
            for (String p : new LinkedHashSet<>(paths)) {
                switch (p) {
                    case "authMethod" -> {
                        String v = body.path("authMethod").asText("");
                        if (!AUTH_METHODS.contains(v)) {
                            throw new BadRequest("Invalid value at 'tenant.auth_method': \"" + v + "\"");
                        }
                    }
                    case "frontendPathConfigs" -> {
                        JsonNode configs = body.get("frontendPathConfigs");
                        if (configs == null) {
                            throw new BadRequest("update_mask names frontend_path_configs but the body has none");
                        }
                        validateFrontendPathConfigs(configs, true);
                        Set<String> now = new HashSet<>();
                        t.fields.path("frontendPathConfigs").forEach(c -> now.add(c.path("frontendPath").asText()));
                        Set<String> asked = new HashSet<>();
                        configs.forEach(c -> asked.add(c.path("frontendPath").asText()));
                        if (!now.equals(asked)) {
                            throw new BadRequest("frontend paths cannot be changed (have " + now + ", got " + asked
                                    + "); only workforce_pool_provider_id is updatable");
                        }
                    }
                    default -> {
                        if (WRITABLE.contains(p) || OUTPUT_ONLY.contains(p)) {
                            throw new BadRequest("update_mask path '" + p + "' is not updatable; updatable: "
                                    + "auth_method, frontend_path_configs (workforce_pool_provider_id)");
                        }
                        throw new BadRequest("Invalid update_mask path: '" + p + "'");
                    }
                }
            }
            for (String p : paths) {
                t.fields.set(p, body.get(p).deepCopy());
            }
            return FakeResponse.json(200, tenantJson(t));
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- operations.get

    private FakeResponse getOperation(FakeRequest r) {
        FakeResponse denied = checkParent(r, "chronicle.operations.get");
        if (denied != null) {
            return denied;
        }
        allowQuery(r);
        lock.lock();
        try {
            OperationRecord op = operations.get(instance + "/operations/" + r.pathVariable("operation"));
            if (op == null) {
                return error(404, "NOT_FOUND", "Operation " + instance + "/operations/"
                        + r.pathVariable("operation") + " not found.");
            }
            op.polls++;
            if (!op.done && !op.failed && op.polls > op.pollsBeforeOutcome) {
                switch (op.outcome) {
                    case SUCCEED -> {
                        op.done = true;
                        op.tenant.state = "ACTIVE";
                        op.tenant.workflow = "COMPLETED";
                    }
                    case FAIL_DONE -> {
                        op.done = true;
                        op.failed = true;
                        op.tenant.state = "ERROR";
                        op.tenant.workflow = "ERROR";
                    }
                    case ERROR_NOT_DONE -> {
                        op.failed = true;
                        op.tenant.state = "ERROR";
                        op.tenant.workflow = "ERROR";
                    }
                    case CANCELLED_NOT_DONE -> {
                        op.failed = true;
                        op.tenant.state = "ERROR";
                        op.tenant.workflow = "CANCELLED";
                    }
                }
            }
            return FakeResponse.json(200, operationJson(op));
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- helpers

    private ObjectNode operationJson(OperationRecord op) {
        ObjectNode out = MAPPER.createObjectNode().put("name", op.name);
        ObjectNode metadata = out.putObject("metadata")
                .put("@type", "type.googleapis.com/google.cloud.chronicle.v1alpha.CreateTenantMetadata")
                .put("tenant", op.tenant.name);
        String workflow = !op.failed && !op.done ? "RUNNING" : op.tenant.workflow;
        metadata.put("creationWorkflowStatus", workflow);
        out.put("done", op.done);
        if (op.done && op.failed) {
            out.putObject("error").put("code", 13).put("message", "tenant provisioning failed: internal error in workflow")
                    .putArray("details");
        } else if (op.done) {
            ObjectNode response = MAPPER.createObjectNode()
                    .put("@type", "type.googleapis.com/google.cloud.chronicle.v1alpha.Tenant");
            response.setAll(tenantJson(op.tenant));
            out.set("response", response);
        }
        return out;
    }

    private static ObjectNode tenantJson(TenantRecord t) {
        ObjectNode out = MAPPER.createObjectNode().put("name", t.name);
        for (String f : List.of("tenantGcpProject")) {
            if (t.fields.has(f)) {
                out.set(f, t.fields.get(f));
            }
        }
        out.put("state", t.state);
        for (String f : List.of("displayName", "customerCode", "retentionDuration", "authMethod", "frontendPathConfigs",
                "billingAccount", "provisioningFlow")) {
            if (t.fields.has(f)) {
                out.set(f, t.fields.get(f).deepCopy());
            }
        }
        return out;
    }

    private FakeResponse checkParent(FakeRequest r, String permission) {
        String parent = "projects/" + r.pathVariable("project") + "/locations/" + r.pathVariable("location")
                + "/instances/" + r.pathVariable("instance");
        for (String segment : List.of(r.pathVariable("project"), r.pathVariable("location"), r.pathVariable("instance"))) {
            if (segment.contains("/") || segment.equals("..") || segment.equals(".")) {
                throw new BadRequest("malformed resource name: " + parent);
            }
        }
        if (r.pathVariable("tenant") != null && r.pathVariable("tenant").contains("/")) {
            throw new BadRequest("malformed tenant name");
        }
        if (!parent.equals(instance)) {
            return error(403, "PERMISSION_DENIED", "Permission '" + permission + "' denied on resource '"
                    + parent + "' (or it may not exist).");
        }
        return null;
    }

    private static void allowQuery(FakeRequest r, String... allowed) {
        Set<String> ok = Set.of(allowed);
        for (Map.Entry<String, List<String>> q : r.query().entrySet()) {
            if (!ok.contains(q.getKey())) {
                throw new BadRequest("Invalid JSON payload received. Unknown name \"" + q.getKey()
                        + "\": Cannot bind query parameter. Field '" + q.getKey() + "' could not be found in request message.");
            }
            if (q.getValue().size() > 1) {
                throw new BadRequest("Invalid JSON payload received. Duplicate query parameter \"" + q.getKey() + "\".");
            }
        }
    }

    private static ObjectNode bodyObject(FakeRequest r) {
        String type = r.header("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            throw new BadRequest("Invalid JSON payload received: expected Content-Type application/json, got " + type);
        }
        JsonNode body;
        try {
            body = MAPPER.readTree(r.body());
        } catch (IOException e) {
            throw new BadRequest("Invalid JSON payload received. Unexpected token.");
        }
        if (body == null || !body.isObject()) {
            throw new BadRequest("Invalid JSON payload received. Expected an object.");
        }
        return (ObjectNode) body;
    }

    private static String snake(String camel) {
        return camel.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }

    private static String camel(String path) {
        StringBuilder sb = new StringBuilder();
        boolean upper = false;
        for (char ch : path.toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return sb.toString();
    }

    /** A client error raised inside a handler. */
    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }
}
