package io.secopskit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A stateful fake of the Google Security Operations partner Customer Management API.
 *
 * <ul>
 *   <li>Token endpoint {@code POST /token} ({@link GoogleTokenEndpoint}) accepting the JWT-bearer grant
 *       google-auth-library sends: checks the grant type, that the assertion is a well-formed JWT whose
 *       {@code iss} is a registered service account and whose {@code scope} includes {@link #SCOPE} (the
 *       signature is not verified); refusals are Google's HTTP 400 {@code invalid_grant} /
 *       {@code invalid_scope} answers. {@link #newServiceAccountKeyJson(String)} registers an account and
 *       returns a key file whose {@code token_uri} points here.</li>
 *   <li>All 13 operations under {@code /v1/partner/customer/} over in-memory customers: unique codes,
 *       ListCustomers reflects creates, GetCustomer answers 404 NOT_FOUND for unknown codes; responses
 *       in the documented mix of snake_case and camelCase, with the fields the document's samples show
 *       ({@link GetCustomerShape}).</li>
 *   <li>The CreateCustomer quota: at most {@link #createCustomerQuota(int)} (30) calls in any sliding 24-hour
 *       window of the fake's clock; over it, 429 RESOURCE_EXHAUSTED.</li>
 *   <li>{@link #failNextCreatesRetryably(int)}: the documented "creation may be retried" failure.</li>
 * </ul>
 * Every documented rule is a {@link Rule}, on by default; {@link #strictness()} switches single rules off.
 * Errors use Google's envelope {@code {"error":{"code","message","status"}}}.
 */
public final class FakeChronicle extends FakeVendor {
    /**
     * The rules this fake enforces, each from the Customer Management document
     * ({@code google-secops-customer-management-api.txt}, cited by line) unless its source says otherwise.
     */
    public enum Rule implements DocumentedRule {
        /** The daily CreateCustomer quota as a sliding 24-hour window. */
        CREATE_CUSTOMER_QUOTA("L53-58 (30 QPD); window per AMENDMENTS 15",
                "at most createCustomerQuota() CreateCustomer calls (every call, whatever its outcome) in any 24 hours; "
                        + "the next gets 429 RESOURCE_EXHAUSTED"),
        /** Responses carry the fields of the document's samples only. */
        DOCUMENTED_RESPONSE_SHAPES("L144-176, L232-241, L327-366; AMENDMENTS 14",
                "CreateCustomer, GetCustomer and ListCustomers answer with the fields their samples show (ListCustomers "
                        + "also retention_duration, which the other samples show for the same customer): GetCustomer has no "
                        + "credentials list, no uiEnabled, no ssoConfig object; switched off, every stored field is sent"),
        /** Retention values. */
        RETENTION_VALUES("L109", "retention_duration is SIX_MONTHS or ONE_YEAR (absent means ONE_YEAR); others get 400"),
        /** Auth version values. */
        AUTH_VERSION_VALUES("L136, L372", "auth_version (CreateCustomer, SetAuthVersion) is AUTH_VERSION_3 or AUTH_VERSION_4; "
                + "others get 400"),
        /** Google Cloud project forms. */
        GCP_PROJECT_FORMS("L498-504 (+ [inference] domain-scoped ids)",
                "gcp_project is projects/<project id>, projects/<project number> or projects/<domain>:<project id>; "
                        + "others get 400"),
        /** Workforce pool provider form. */
        PROVIDER_ID_FORM("L122, L134-135, L448",
                "provider_id is locations/global/workforcePools/<pool>/providers/<provider>; others get 400"),
        /** The customer-code format at creation. */
        CREATE_CUSTOMER_CODE_FORMAT("NOTES.md section 1 (a creation rule; the document states none)",
                "CreateCustomer's customer_code starts with a lowercase letter, has only [a-z0-9-], does not end with '-', "
                        + "1-18 characters; other operations look any code up as sent"),
        /** Subdomains are a list. */
        SUBDOMAINS_ARRAY("L237, L338 (answers are arrays) + [vendor client] Google's SecOps Terraform template sends a list; "
                + "the L118 request sample's string is taken as a document mistake",
                "CreateCustomer's customer_subdomains must be a JSON array of strings; a bare string gets 400");

        private final String source;
        private final String summary;

        Rule(String source, String summary) {
            this.source = "google-secops-customer-management-api.txt " + source;
            this.summary = summary;
        }

        @Override
        public String source() {
            return source;
        }

        @Override
        public String summary() {
            return summary;
        }
    }

    /**
     * How GetCustomer answers while {@link Rule#DOCUMENTED_RESPONSE_SHAPES} is on. Both shapes are the
     * document's: its JSON sample, and the text that follows it.
     */
    public enum GetCustomerShape {
        /** The JSON sample (L233-241): code, id, customer id, name, subdomains, forwarders, retention. */
        SAMPLE,
        /**
         * The sample plus the text blocks after it (L242-290): {@code ssoConfig} as the SAML XML string and
         * {@code credentials} as an object keyed by credential type, each value a service-account document.
         */
        SAMPLE_WITH_TEXT_BLOCKS
    }

    /** The default CreateCustomer quota: 30 in any 24 hours. */
    public static final int DEFAULT_CREATE_CUSTOMER_QUOTA = 30;
    /** The credential types CreateCustomer issues by default, as in the document's sample. */
    public static final List<String> DEFAULT_CREDENTIAL_TYPES = List.of("BACKSTORY_API", "INGESTION_API", "BIGQUERY_API");

    /** The path of the token endpoint. */
    public static final String TOKEN_PATH = "/token";
    /** The documented message of a CreateCustomer failure that may be repeated. */
    public static final String RETRYABLE_CREATE_MESSAGE =
            "customer creation failed, creation may be retried by rerunning with the same parameters";

    private static final String BASE = "/v1/partner/customer/";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The OAuth scope of the partner API, the one scope this fake's token endpoint grants. */
    public static final String SCOPE = "https://www.googleapis.com/auth/chronicle-backstory";

    private final GoogleTokenEndpoint tokens = new GoogleTokenEndpoint(Set.of(SCOPE));
    private final Map<String, ObjectNode> customers = new LinkedHashMap<>();
    private final Deque<Instant> createSends = new ArrayDeque<>();
    private final AtomicInteger retryableFailures = new AtomicInteger();
    private final Strictness<Rule> strictness = new Strictness<>(Rule.class);
    private volatile int createCustomerQuota = DEFAULT_CREATE_CUSTOMER_QUOTA;
    private volatile GetCustomerShape getCustomerShape = GetCustomerShape.SAMPLE;
    private volatile List<String> credentialTypes = DEFAULT_CREDENTIAL_TYPES;

    private static final Duration QUOTA_WINDOW = Duration.ofHours(24);
    private static final Pattern CREATE_CODE = Pattern.compile("[a-z]([a-z0-9-]{0,16}[a-z0-9])?");
    private static final Pattern PROJECT = Pattern.compile(
            "projects/(?:[a-z][a-z0-9-]{4,28}[a-z0-9]|[0-9]{1,30}|[a-z0-9]([a-z0-9.-]{0,61}[a-z0-9])?:[a-z][a-z0-9-]{4,28}[a-z0-9])");
    private static final Pattern PROVIDER = Pattern.compile("locations/global/workforcePools/[^/\\s]+/providers/[^/\\s]+");

    /** Creates the fake; call {@link #start()} before use. */
    public FakeChronicle() {
        anonymousRoute("POST", TOKEN_PATH, tokens::token);
        route("POST", BASE + "createcustomer", this::createCustomer);
        route("GET", BASE + "getcustomer", r -> withCustomerCode(r.queryParam("customer_code"), this::getCustomerAnswer));
        route("GET", BASE + "forwarder/getconfigs", r -> withCustomerCode(r.queryParam("customer_code"), c -> {
            ObjectNode out = MAPPER.createObjectNode().put("id", c.path("forwarders").path(0).asText());
            ArrayNode configs = out.putArray("forwarder_configs");
            for (String platform : new String[] {"UNIX", "WINDOWS"}) {
                configs.addObject().put("platform", platform).put("config", Base64.getEncoder().encodeToString(
                        ("forwarder config for " + c.get("customer_code").asText()).getBytes(StandardCharsets.UTF_8)));
            }
            return out;
        }));
        route("GET", BASE + "listcustomers", r -> {
            ObjectNode out = MAPPER.createObjectNode();
            ArrayNode list = out.putArray("customers");
            synchronized (customers) {
                customers.values().forEach(c -> list.add(documented() ? pick(c, LIST_FIELDS) : c.deepCopy()));
            }
            return FakeResponse.json(200, out);
        });
        route("POST", BASE + "setuistate:state", r -> withCustomerBody(r, (c, b) -> {
            requireField(b, "state");
            c.put("ui_enabled", b.get("state").asBoolean());
            return MAPPER.createObjectNode().put("state", b.get("state").asBoolean());
        }));
        route("PATCH", BASE + "updatessoconfig", r -> withCustomerBody(r, (c, b) -> {
            requireField(b, "sso_config");
            ObjectNode sso = ssoConfig(b.get("sso_config").asText());
            c.set("sso_config", sso);
            return sso;
        }));
        route("POST", BASE + "setgcpprojectlink", r -> withCustomerBody(r, (c, b) -> {
            requireField(b, "gcp_project");
            checkGcpProject(b.get("gcp_project").asText());
            c.put("gcp_project", b.get("gcp_project").asText());
            return MAPPER.createObjectNode();
        }));
        route("POST", BASE + "iammigration:enableIam", r -> withCustomerBody(r, (c, b) -> {
            c.put("iam_enabled", true);
            return MAPPER.createObjectNode();
        }));
        route("POST", BASE + "iammigration:generateIamMigrationCommands", r -> withCustomerBody(r, (c, b) -> {
            ObjectNode out = MAPPER.createObjectNode();
            ArrayNode migrations = out.putArray("migrations");
            for (JsonNode sub : c.path("customer_subdomains")) {
                migrations.addObject().put("frontend_path", sub.asText()).put("commands",
                        "gcloud projects add-iam-policy-binding " + c.path("gcp_project").asText("my-project")
                                + " --role=roles/chronicle.viewer;");
            }
            return out;
        }));
        route("POST", BASE + "generateidpmetadata", r -> {
            JsonNode b = r.json();
            String sub = b.path("customer_subdomain").asText("");
            if (sub.isEmpty()) {
                return error(400, "INVALID_ARGUMENT", "customer_subdomain is required");
            }
            return FakeResponse.json(200, MAPPER.createObjectNode().put("metadata",
                    "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"https://" + sub
                            + ".backstory.chronicle.security/\"/>"));
        });
        route("POST", BASE + "setauthversion", r -> withCustomerBody(r, (c, b) -> {
            requireField(b, "auth_version");
            checkAuthVersion(b.get("auth_version").asText());
            c.put("auth_version", b.get("auth_version").asText());
            return MAPPER.createObjectNode().put("authVersion", b.get("auth_version").asText());
        }));
        route("POST", BASE + "setcompliancerequirements", r -> withCustomerBody(r, (c, b) -> {
            JsonNode certs = b.get("compliance_certifications");
            if (certs == null || !certs.isArray() || certs.isEmpty()) {
                throw new BadRequest("compliance_certifications must be a non-empty list");
            }
            c.set("compliance_certifications", certs);
            ObjectNode out = MAPPER.createObjectNode();
            out.set("complianceCertifications", certs);
            return out;
        }));
        route("POST", BASE + "setworkforcepoolprovider", r -> withCustomerBody(r, (c, b) -> {
            requireField(b, "provider_id");
            checkProviderId(b.get("provider_id").asText());
            requireField(b, "customer_subdomain");
            c.put("provider_id", b.get("provider_id").asText());
            return MAPPER.createObjectNode().put("providerId", b.get("provider_id").asText());
        }));
    }

    /**
     * Registers a service account and returns a key file for it: an RSA key (shared by every key file the
     * testkit makes; signatures are not verified), the given client e-mail, and {@code token_uri} pointing at
     * this fake. Start the fake first.
     *
     * @param clientEmail the service account's e-mail
     * @return the key file JSON
     */
    public String newServiceAccountKeyJson(String clientEmail) {
        return tokens.newServiceAccountKeyJson(clientEmail, java.net.URI.create(baseUri() + TOKEN_PATH));
    }

    /** Returns the token endpoint (issued tokens, grants, revocation). */
    public GoogleTokenEndpoint tokens() {
        return tokens;
    }

    /** Returns which documented rules are enforced (all by default). */
    public Strictness<Rule> strictness() {
        return strictness;
    }

    /**
     * Sets how many CreateCustomer calls are accepted in any 24 hours of the fake's clock (default 30, as
     * Google documents). Raise it when a test is about the SDK's own limit, so that the 30 the test sees is
     * the SDK's and not the fake's.
     *
     * @param value calls per sliding 24 hours, at least 0
     */
    public void createCustomerQuota(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("quota must not be negative");
        }
        this.createCustomerQuota = value;
    }

    /** Returns how many CreateCustomer calls the sliding 24-hour window holds now. */
    public int createCustomerQuotaUsed() {
        synchronized (createSends) {
            expireSends(clock().instant());
            return createSends.size();
        }
    }

    /**
     * Returns when the oldest counted CreateCustomer call leaves the window, or null when none is counted.
     *
     * @return the oldest counted call plus 24 hours, or null
     */
    public Instant createCustomerQuotaResetsAt() {
        synchronized (createSends) {
            expireSends(clock().instant());
            return createSends.isEmpty() ? null : createSends.peekFirst().plus(QUOTA_WINDOW);
        }
    }

    /**
     * Sets how GetCustomer answers while {@link Rule#DOCUMENTED_RESPONSE_SHAPES} is on (default
     * {@link GetCustomerShape#SAMPLE}).
     *
     * @param value the shape
     */
    public void getCustomerShape(GetCustomerShape value) {
        this.getCustomerShape = java.util.Objects.requireNonNull(value, "value");
    }

    /**
     * Sets the credential types CreateCustomer issues from now on (default {@link #DEFAULT_CREDENTIAL_TYPES});
     * any string, so tests can receive types the SDK does not know, such as {@code ADMIN}.
     *
     * @param types credential type names
     */
    public void credentialTypes(String... types) {
        this.credentialTypes = List.of(types);
    }

    /**
     * Makes the next {@code calls} CreateCustomer calls fail with the documented retryable error, creating
     * nothing. Each such call still counts against the quota, as every query does.
     *
     * @param calls how many
     */
    public void failNextCreatesRetryably(int calls) {
        if (calls < 1) {
            throw new IllegalArgumentException("calls must be at least 1");
        }
        retryableFailures.addAndGet(calls);
    }

    /**
     * Adds a customer directly, as if created before the SDK (for instance by the console), without the
     * creation rules: the code is stored as given, so tests can read customers such as the document's own
     * {@code CODE}.
     *
     * @param customerCode the code, any non-empty string
     * @param customerName the name
     * @param subdomains   its subdomains
     * @return the stored customer (snake_case)
     */
    public JsonNode seedCustomer(String customerCode, String customerName, String... subdomains) {
        if (customerCode == null || customerCode.isEmpty()) {
            throw new IllegalArgumentException("customerCode must not be empty");
        }
        ObjectNode c = newCustomer(customerCode, customerName, "ONE_YEAR");
        ArrayNode subs = c.putArray("customer_subdomains");
        for (String sub : subdomains) {
            subs.add(sub);
        }
        synchronized (customers) {
            if (customers.containsKey(customerCode)) {
                throw new IllegalStateException("customer " + customerCode + " exists");
            }
            customers.put(customerCode, c);
        }
        return c.deepCopy();
    }

    /** Returns how many access tokens the token endpoint issued. */
    public int tokensIssued() {
        return tokens.tokensIssued();
    }

    /**
     * Returns a stored customer as the fake keeps it (snake_case), or null.
     *
     * @param customerCode the code
     * @return the customer JSON, or null
     */
    public JsonNode customer(String customerCode) {
        synchronized (customers) {
            ObjectNode c = customers.get(customerCode);
            return c == null ? null : c.deepCopy();
        }
    }

    /** Returns how many customers exist. */
    public int customerCount() {
        synchronized (customers) {
            return customers.size();
        }
    }

    @Override
    protected FakeResponse authenticate(FakeRequest request) {
        String auth = request.header("Authorization");
        if (!tokens.isValid(auth)) {
            return error(401, "UNAUTHENTICATED", "Request had invalid authentication credentials.");
        }
        return null;
    }

    @Override
    protected FakeResponse notFound(FakeRequest request) {
        return error(404, "NOT_FOUND", "Method not found: " + request.path());
    }

    @Override
    protected FakeResponse internalError(FakeRequest request, RuntimeException e) {
        if (e instanceof BadRequest) {
            return error(400, "INVALID_ARGUMENT", e.getMessage());
        }
        return error(500, "INTERNAL", "fake failure: " + e.getClass().getSimpleName());
    }

    /**
     * Builds a Google error envelope answer.
     *
     * @param code    HTTP status
     * @param status  canonical status name
     * @param message message
     * @return the answer
     */
    public static FakeResponse error(int code, String status, String message) {
        ObjectNode body = MAPPER.createObjectNode();
        body.putObject("error").put("code", code).put("message", message).put("status", status);
        return FakeResponse.json(code, body);
    }

    private FakeResponse createCustomer(FakeRequest r) {
        if (strictness.isEnabled(Rule.CREATE_CUSTOMER_QUOTA) && !takeQuota()) {
            return error(429, "RESOURCE_EXHAUSTED", "Quota exceeded for quota metric 'CreateCustomer' and limit '"
                    + createCustomerQuota + " per day' of service 'backstory.googleapis.com'.");
        }
        if (retryableFailures.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            return error(500, "INTERNAL", RETRYABLE_CREATE_MESSAGE);
        }
        JsonNode b = r.json();
        String code = b.path("customer_code").asText("");
        if (code.isEmpty()) {
            return error(400, "INVALID_ARGUMENT", "customer_code is required");
        }
        if (strictness.isEnabled(Rule.CREATE_CUSTOMER_CODE_FORMAT) && !CREATE_CODE.matcher(code).matches()) {
            return error(400, "INVALID_ARGUMENT", "invalid customer_code");
        }
        if (b.path("customer_name").asText("").isBlank()) {
            return error(400, "INVALID_ARGUMENT", "customer_name is required");
        }
        String retention = b.path("retention_duration").asText("ONE_YEAR");
        if (strictness.isEnabled(Rule.RETENTION_VALUES) && !retention.equals("ONE_YEAR") && !retention.equals("SIX_MONTHS")) {
            return error(400, "INVALID_ARGUMENT", "invalid retention_duration");
        }
        JsonNode given = b.path("customer_subdomains");
        if (strictness.isEnabled(Rule.SUBDOMAINS_ARRAY) && !given.isMissingNode() && !given.isNull() && !given.isArray()) {
            return error(400, "INVALID_ARGUMENT", "Invalid value at 'customer_subdomains': a list of strings is expected");
        }
        if (b.hasNonNull("gcp_project")) {
            checkGcpProject(b.get("gcp_project").asText());
        }
        if (b.hasNonNull("provider_id")) {
            checkProviderId(b.get("provider_id").asText());
        }
        if (b.hasNonNull("auth_version")) {
            checkAuthVersion(b.get("auth_version").asText());
        }
        synchronized (customers) {
            if (customers.containsKey(code)) {
                return error(409, "ALREADY_EXISTS", "customer with code " + code + " already exists");
            }
            ObjectNode c = newCustomer(code, b.get("customer_name").asText(), retention);
            ArrayNode subs = c.putArray("customer_subdomains");
            if (given.isArray()) {
                given.forEach(subs::add);
            } else if (given.isTextual()) {
                subs.add(given.asText());
            }
            if (b.hasNonNull("sso_config")) {
                c.set("sso_config", ssoConfig(b.get("sso_config").asText()));
            }
            for (String f : new String[] {"gcp_project", "provider_id", "auth_version"}) {
                if (b.hasNonNull(f)) {
                    c.put(f, b.get(f).asText());
                }
            }
            customers.put(code, c);
            return FakeResponse.json(200, documented() ? pick(c, CREATE_FIELDS) : c.deepCopy());
        }
    }

    private ObjectNode newCustomer(String code, String name, String retention) {
        ObjectNode c = MAPPER.createObjectNode()
                .put("id", UUID.randomUUID().toString())
                .put("customer_id", Base64.getEncoder().encodeToString(UUID.randomUUID().toString()
                        .getBytes(StandardCharsets.UTF_8)).substring(0, 24))
                .put("customer_code", code)
                .put("customer_name", name)
                .put("retention_duration", retention)
                // a new customer's web application is on (GetCustomer's text names uiEnabled; the strict shape omits it)
                .put("ui_enabled", true);
        c.putArray("forwarders").add(UUID.randomUUID().toString());
        ArrayNode creds = c.putArray("credentials");
        for (String type : credentialTypes) {
            byte[] raw = new byte[16];
            RANDOM.nextBytes(raw);
            creds.addObject().put("id", UUID.randomUUID().toString()).put("credential_type", type)
                    .put("credential", Base64.getEncoder().encodeToString(raw));
        }
        return c;
    }

    private boolean takeQuota() {
        Instant now = clock().instant();
        synchronized (createSends) {
            expireSends(now);
            if (createSends.size() >= createCustomerQuota) {
                return false;
            }
            createSends.addLast(now);
            return true;
        }
    }

    private void expireSends(Instant now) {
        while (!createSends.isEmpty() && !createSends.peekFirst().plus(QUOTA_WINDOW).isAfter(now)) {
            createSends.removeFirst();
        }
    }

    private boolean documented() {
        return strictness.isEnabled(Rule.DOCUMENTED_RESPONSE_SHAPES);
    }

    private static final List<String> CREATE_FIELDS = List.of("id", "customer_id", "customer_code", "customer_name",
            "retention_duration", "sso_config", "credentials");
    /**
     * ListCustomers' sample fields (L329-363) plus retention_duration, which the CreateCustomer and GetCustomer
     * samples show for the same customer object.
     */
    private static final List<String> LIST_FIELDS = List.of("id", "customer_id", "customer_code", "customer_name",
            "retention_duration", "forwarders", "customer_subdomains", "sso_config", "credentials");
    private static final List<String> GET_FIELDS = List.of("customer_code", "customer_id", "customer_name",
            "customer_subdomains", "forwarders", "id", "retention_duration");
    private static final List<String> SERVICE_ACCOUNT_FIELDS = List.of("type", "project_id", "private_key_id",
            "private_key", "client_email", "client_id", "auth_uri", "token_uri", "auth_provider_x509_cert_url",
            "client_x509_cert_url");

    private static ObjectNode pick(ObjectNode c, List<String> fields) {
        ObjectNode out = MAPPER.createObjectNode();
        for (String f : fields) {
            if (c.has(f)) {
                out.set(f, c.get(f).deepCopy());
            }
        }
        return out;
    }

    private JsonNode getCustomerAnswer(ObjectNode c) {
        if (!documented()) {
            return camel(c);
        }
        ObjectNode out = camel(pick(c, GET_FIELDS));
        if (getCustomerShape == GetCustomerShape.SAMPLE_WITH_TEXT_BLOCKS) {
            if (c.path("sso_config").hasNonNull("config")) {
                out.put("ssoConfig", c.path("sso_config").path("config").asText());
            }
            ObjectNode keyed = out.putObject("credentials");
            for (JsonNode credential : c.path("credentials")) {
                ObjectNode account = MAPPER.createObjectNode();
                for (String f : SERVICE_ACCOUNT_FIELDS) {
                    account.put(f, "");
                }
                account.put("type", "service_account")
                        .put("private_key_id", credential.path("id").asText())
                        .put("private_key", credential.path("credential").asText());
                keyed.set(credential.path("credential_type").asText(), account);
            }
        }
        return out;
    }

    private void checkGcpProject(String project) {
        if (strictness.isEnabled(Rule.GCP_PROJECT_FORMS) && !PROJECT.matcher(project).matches()) {
            throw new BadRequest("invalid gcp_project: expected projects/PROJECT_ID or projects/PROJECT_NUMBER");
        }
    }

    private void checkProviderId(String providerId) {
        if (strictness.isEnabled(Rule.PROVIDER_ID_FORM) && !PROVIDER.matcher(providerId).matches()) {
            throw new BadRequest("invalid provider_id");
        }
    }

    private void checkAuthVersion(String version) {
        if (strictness.isEnabled(Rule.AUTH_VERSION_VALUES) && !version.equals("AUTH_VERSION_3")
                && !version.equals("AUTH_VERSION_4")) {
            throw new BadRequest("auth_version can only be set to AUTH_VERSION_3 or AUTH_VERSION_4");
        }
    }

    private static ObjectNode ssoConfig(String config) {
        return MAPPER.createObjectNode().put("create_time", "2026-01-01T00:00:00Z").put("deploy_time", "2026-01-01T00:01:00Z")
                .put("state", "DEPLOYED").put("config", config);
    }

    private static ObjectNode camel(ObjectNode c) {
        ObjectNode out = MAPPER.createObjectNode();
        c.properties().forEach(e -> {
            StringBuilder sb = new StringBuilder();
            boolean upper = false;
            for (char ch : e.getKey().toCharArray()) {
                if (ch == '_') {
                    upper = true;
                } else {
                    sb.append(upper ? Character.toUpperCase(ch) : ch);
                    upper = false;
                }
            }
            out.set(sb.toString(), e.getValue());
        });
        return out;
    }

    private interface CustomerHandler {
        JsonNode handle(ObjectNode customer, JsonNode body);
    }

    private FakeResponse withCustomerBody(FakeRequest r, CustomerHandler f) {
        JsonNode body = r.json();
        return withCustomerCode(body.path("customer_code").asText(null), c -> f.handle(c, body));
    }

    private FakeResponse withCustomerCode(String code, java.util.function.Function<ObjectNode, JsonNode> f) {
        if (code == null || code.isEmpty()) {
            return error(400, "INVALID_ARGUMENT", "customer_code is required");
        }
        synchronized (customers) {
            ObjectNode c = customers.get(code);
            if (c == null) {
                return error(404, "NOT_FOUND", "customer " + code + " not found");
            }
            return FakeResponse.json(200, f.apply(c));
        }
    }

    private static void requireField(JsonNode body, String field) {
        if (!body.hasNonNull(field)) {
            throw new BadRequest(field + " is required");
        }
    }

    /** A client error raised inside a handler. */
    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }
}
