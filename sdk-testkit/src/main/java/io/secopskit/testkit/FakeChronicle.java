package io.secopskit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stateful fake of the Google Security Operations partner Customer Management API.
 *
 * <ul>
 *   <li>Token endpoint {@code POST /token} accepting the JWT-bearer grant google-auth-library sends:
 *       checks the grant type, that the assertion is a well-formed JWT whose {@code iss} is a registered
 *       service account and whose {@code scope} includes {@code chronicle-backstory} (the signature is not
 *       verified). {@link #newServiceAccountKeyJson(String)} registers an account and returns a key file
 *       whose {@code token_uri} points here.</li>
 *   <li>All 13 operations under {@code /v1/partner/customer/} over in-memory customers: unique codes,
 *       ListCustomers reflects creates, GetCustomer answers 404 NOT_FOUND for unknown codes; responses
 *       in the documented mix of snake_case and camelCase.</li>
 *   <li>The CreateCustomer quota (30 per UTC day of the fake's clock): over it, 429 RESOURCE_EXHAUSTED.</li>
 *   <li>{@link #failNextCreatesRetryably(int)}: the documented "creation may be retried" failure.</li>
 * </ul>
 * Errors use Google's envelope {@code {"error":{"code","message","status"}}}.
 */
public final class FakeChronicle extends FakeVendor {
    /** The path of the token endpoint. */
    public static final String TOKEN_PATH = "/token";
    /** The documented message of a CreateCustomer failure that may be repeated. */
    public static final String RETRYABLE_CREATE_MESSAGE =
            "customer creation failed, creation may be retried by rerunning with the same parameters";

    private static final String BASE = "/v1/partner/customer/";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Set<String> serviceAccounts = ConcurrentHashMap.newKeySet();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> customers = new LinkedHashMap<>();
    private final Map<LocalDate, AtomicInteger> createsPerDay = new ConcurrentHashMap<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private volatile int createQuotaPerDay = 30;

    /** Creates the fake; call {@link #start()} before use. */
    public FakeChronicle() {
        anonymousRoute("POST", TOKEN_PATH, this::token);
        route("POST", BASE + "createcustomer", this::createCustomer);
        route("GET", BASE + "getcustomer", r -> withCustomerCode(r.queryParam("customer_code"), FakeChronicle::camel));
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
                customers.values().forEach(list::add);
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
            requireMatch(b, "gcp_project", "projects/[a-z0-9-]+");
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
            requireMatch(b, "auth_version", "AUTH_VERSION_[34]");
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
            requireMatch(b, "provider_id", "locations/global/workforcePools/[^/]+/providers/[^/]+");
            requireField(b, "customer_subdomain");
            c.put("provider_id", b.get("provider_id").asText());
            return MAPPER.createObjectNode().put("providerId", b.get("provider_id").asText());
        }));
    }

    /**
     * Registers a service account and returns a key file for it: a freshly generated RSA key, the given
     * client e-mail, and {@code token_uri} pointing at this fake. Start the fake first.
     *
     * @param clientEmail the service account's e-mail
     * @return the key file JSON
     */
    public String newServiceAccountKeyJson(String clientEmail) {
        serviceAccounts.add(clientEmail);
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(gen.generateKeyPair().getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            ObjectNode key = MAPPER.createObjectNode()
                    .put("type", "service_account")
                    .put("project_id", "partner-project")
                    .put("private_key_id", UUID.randomUUID().toString().replace("-", ""))
                    .put("private_key", pem)
                    .put("client_email", clientEmail)
                    .put("client_id", "1" + Math.abs(RANDOM.nextLong()))
                    .put("token_uri", baseUri() + TOKEN_PATH);
            return MAPPER.writeValueAsString(key);
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("cannot create a service-account key", e);
        }
    }

    /**
     * Sets the CreateCustomer quota per UTC day (default 30).
     *
     * @param value calls per day
     */
    public void createQuotaPerDay(int value) {
        this.createQuotaPerDay = value;
    }

    /**
     * Makes the next {@code calls} CreateCustomer calls fail with the documented retryable error, creating
     * nothing.
     *
     * @param calls how many
     */
    public void failNextCreatesRetryably(int calls) {
        faults().nextCalls(calls, "POST", BASE + "createcustomer").respond(error(500, "INTERNAL", RETRYABLE_CREATE_MESSAGE));
    }

    /** Returns how many access tokens the token endpoint issued. */
    public int tokensIssued() {
        return tokensIssued.get();
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
        if (auth == null || !auth.startsWith("Bearer ") || !tokens.containsKey(auth.substring(7))) {
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

    private FakeResponse token(FakeRequest r) {
        Map<String, String> form = r.form();
        if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type"))) {
            return FakeResponse.json(400, "{\"error\":\"unsupported_grant_type\",\"error_description\":\"Invalid grant_type\"}");
        }
        JsonNode claims = jwtClaims(form.get("assertion"));
        if (claims == null) {
            return FakeResponse.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT\"}");
        }
        if (!serviceAccounts.contains(claims.path("iss").asText())) {
            return FakeResponse.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}");
        }
        if (!claims.path("scope").asText().contains("chronicle-backstory")) {
            return FakeResponse.json(400, "{\"error\":\"invalid_scope\",\"error_description\":\"chronicle-backstory scope required\"}");
        }
        byte[] raw = new byte[24];
        RANDOM.nextBytes(raw);
        String token = "ya29.fake-" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        tokens.put(token, claims.path("iss").asText());
        tokensIssued.incrementAndGet();
        return FakeResponse.json(200, MAPPER.createObjectNode().put("access_token", token)
                .put("token_type", "Bearer").put("expires_in", 3600));
    }

    private static JsonNode jwtClaims(String assertion) {
        if (assertion == null) {
            return null;
        }
        String[] parts = assertion.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            JsonNode header = MAPPER.readTree(Base64.getUrlDecoder().decode(parts[0]));
            JsonNode claims = MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return header.has("alg") && claims.isObject() ? claims : null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private FakeResponse createCustomer(FakeRequest r) {
        JsonNode b = r.json();
        String code = b.path("customer_code").asText("");
        if (!code.matches("[a-z][a-z0-9-]{0,17}") || code.endsWith("-")) {
            return error(400, "INVALID_ARGUMENT", "invalid customer_code");
        }
        if (b.path("customer_name").asText("").isBlank()) {
            return error(400, "INVALID_ARGUMENT", "customer_name is required");
        }
        String retention = b.path("retention_duration").asText("ONE_YEAR");
        if (!retention.equals("ONE_YEAR") && !retention.equals("SIX_MONTHS")) {
            return error(400, "INVALID_ARGUMENT", "invalid retention_duration");
        }
        LocalDate today = LocalDate.ofInstant(clock().instant(), ZoneOffset.UTC);
        AtomicInteger used = createsPerDay.computeIfAbsent(today, d -> new AtomicInteger());
        if (used.incrementAndGet() > createQuotaPerDay) {
            used.decrementAndGet();
            return error(429, "RESOURCE_EXHAUSTED", "Quota exceeded for quota metric 'CreateCustomer' (30 per day).");
        }
        synchronized (customers) {
            if (customers.containsKey(code)) {
                used.decrementAndGet();
                return error(409, "ALREADY_EXISTS", "customer with code " + code + " already exists");
            }
            ObjectNode c = MAPPER.createObjectNode()
                    .put("id", UUID.randomUUID().toString())
                    .put("customer_id", Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)).substring(0, 24))
                    .put("customer_code", code)
                    .put("customer_name", b.get("customer_name").asText())
                    .put("retention_duration", retention);
            c.putArray("forwarders").add(UUID.randomUUID().toString());
            ArrayNode subs = c.putArray("customer_subdomains");
            JsonNode given = b.path("customer_subdomains");
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
            ArrayNode creds = c.putArray("credentials");
            for (String type : new String[] {"BACKSTORY_API", "INGESTION_API", "BIGQUERY_API"}) {
                byte[] raw = new byte[16];
                RANDOM.nextBytes(raw);
                creds.addObject().put("id", UUID.randomUUID().toString()).put("credential_type", type)
                        .put("credential", Base64.getEncoder().encodeToString(raw));
            }
            customers.put(code, c);
            return FakeResponse.json(200, c);
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

    private static void requireMatch(JsonNode body, String field, String regex) {
        requireField(body, field);
        if (!body.get(field).asText().matches(regex)) {
            throw new BadRequest("invalid " + field);
        }
    }

    /** A client error raised inside a handler. */
    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }
}
