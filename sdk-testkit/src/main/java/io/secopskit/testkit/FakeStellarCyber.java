package io.secopskit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A stateful fake of the Stellar Cyber public API.
 *
 * <ul>
 *   <li>{@code POST /connect/api/v1/access_token}: {@code Basic base64(email:key)} for registered user keys,
 *       or {@code Bearer <key>} for scoped keys; answers {@code {"access_token": <JWT>, "exp": <epoch s>}}
 *       with a real HS256-signed JWT ({@code iat}, {@code exp}) whose lifetime is configurable (default
 *       600 s); {@link #tokenAnswer} reshapes the answer (expiry under {@code data}, {@code expires_in},
 *       hostile values) for tests of how clients read it.</li>
 *   <li>API calls accept a valid, unexpired JWT (checked against the fake's clock; expired → 401), or,
 *       when {@link #allowBasicAuth(boolean)} is on (5.4.0 mode), Basic with a registered key.</li>
 *   <li>Cases: list with tenantid, limit (max 500, else 400), skip, sort, order, created/modified ranges,
 *       status, severity → {@code {"data":{"cases":[...],"total":N}}}; get, update, comments.</li>
 *   <li>Tenants: list {@code {"data":[...]}}, get, create (cust_name required), update, delete.</li>
 * </ul>
 */
public final class FakeStellarCyber extends FakeVendor {
    private static final String API = "/connect/api/v1";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] signingKey = new byte[32];
    private final Map<String, String> userKeys = new ConcurrentHashMap<>();
    private final Map<String, String> scopedKeys = new ConcurrentHashMap<>();
    private final List<ObjectNode> cases = new CopyOnWriteArrayList<>();
    private volatile boolean allowDuplicateNames;
    private final Map<String, ObjectNode> tenants = new ConcurrentHashMap<>();
    private final Map<String, List<ObjectNode>> comments = new ConcurrentHashMap<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();
    private final AtomicLong ids = new AtomicLong(0x65d5ef5f7d0f9a00L);
    private volatile Duration tokenLifetime = Duration.ofSeconds(600);
    private volatile Duration issuerClockOffset = Duration.ZERO;
    private volatile boolean basicAuth;
    private volatile BiFunction<String, Long, String> tokenAnswer = FakeStellarCyber::documentedTokenAnswer;

    /** Creates the fake; call {@link #start()} before use. */
    public FakeStellarCyber() {
        RANDOM.nextBytes(signingKey);
        anonymousRoute("POST", API + "/access_token", this::token);
        route("GET", API + "/cases", this::listCases);
        route("GET", API + "/cases/{id}", r -> withCase(r, c -> FakeResponse.json(200, data(c))));
        route("PUT", API + "/cases/{id}", r -> withCase(r, c -> updateCase(c, r.json())));
        route("GET", API + "/cases/{id}/comments", r -> withCase(r, c -> {
            ArrayNode list = MAPPER.createArrayNode();
            comments.getOrDefault(c.get("_id").asText(), List.of()).forEach(list::add);
            return FakeResponse.json(200, data(list));
        }));
        route("POST", API + "/cases/{id}/comments", r -> withCase(r, c -> {
            String text = r.json().path("comment").asText("");
            if (text.isBlank()) {
                return FakeResponse.json(400, "{\"error\":\"comment is required\"}");
            }
            ObjectNode comment = MAPPER.createObjectNode().put("_id", nextId()).put("comment", text)
                    .put("created_by", "api").put("created_at", clock().millis());
            comments.computeIfAbsent(c.get("_id").asText(), k -> new CopyOnWriteArrayList<>()).add(comment);
            return FakeResponse.json(200, data(comment));
        }));
        route("GET", API + "/tenants", r -> {
            ArrayNode list = MAPPER.createArrayNode();
            tenants.values().stream().sorted(Comparator.comparing(t -> t.get("cust_name").asText())).forEach(list::add);
            return FakeResponse.json(200, data(list));
        });
        route("POST", API + "/tenants/", this::createTenant);
        route("GET", API + "/tenants/{id}", r -> withTenant(r, t -> FakeResponse.json(200, data(t))));
        route("PATCH", API + "/tenants/{id}", r -> withTenant(r, t -> {
            r.json().properties().forEach(e -> {
                if (!e.getKey().equals("cust_id")) {
                    t.set(e.getKey(), e.getValue());
                }
            });
            return FakeResponse.json(200, data(t));
        }));
        route("DELETE", API + "/tenants/{id}", r -> withTenant(r, t -> {
            tenants.remove(t.get("cust_id").asText());
            return FakeResponse.json(200, "{\"data\":\"deleted\"}");
        }));
    }

    /**
     * Registers a user API key, accepted as {@code Basic base64(email:key)}.
     *
     * @param email the user's e-mail
     * @param key   the API key
     * @return this fake
     */
    public FakeStellarCyber user(String email, String key) {
        userKeys.put(email, key);
        return this;
    }

    /**
     * Registers a 5.5+ scoped API key, accepted as {@code Bearer <key>} at the token endpoint.
     *
     * @param key the key
     * @return this fake
     */
    public FakeStellarCyber scopedKey(String key) {
        scopedKeys.put(key, "scoped");
        return this;
    }

    /**
     * Sets the lifetime of tokens issued from now on (default 600 s).
     *
     * @param value the lifetime, whole seconds
     * @return this fake
     */
    public FakeStellarCyber tokenLifetime(Duration value) {
        this.tokenLifetime = value;
        return this;
    }

    /**
     * Shapes the token endpoint's successful answer. The function gets the signed JWT and its {@code exp}
     * claim (epoch seconds) and returns the JSON text to send; the default is the documented
     * {@code {"access_token": <jwt>, "exp": <exp>}}.
     *
     * @param shape builds the answer body from the JWT and its expiry
     * @return this fake
     */
    public FakeStellarCyber tokenAnswer(BiFunction<String, Long, String> shape) {
        this.tokenAnswer = java.util.Objects.requireNonNull(shape, "shape");
        return this;
    }

    /**
     * Makes the server's clock run ahead of (positive) or behind (negative) the fake's clock when it writes
     * {@code iat} and {@code exp} into tokens and checks them, to test clients on a skewed machine.
     *
     * @param offset how far the server's clock is ahead of the fake's clock
     * @return this fake
     */
    public FakeStellarCyber issuerClockOffset(Duration offset) {
        this.issuerClockOffset = java.util.Objects.requireNonNull(offset, "offset");
        return this;
    }

    private static String documentedTokenAnswer(String jwt, Long exp) {
        return MAPPER.createObjectNode().put("access_token", jwt).put("exp", exp).toString();
    }

    private Instant serverNow() {
        return clock().instant().plus(issuerClockOffset);
    }

    /**
     * Accepts Basic auth with a user key on API calls (5.4.0 behaviour).
     *
     * @param value whether Basic is accepted
     * @return this fake
     */
    public FakeStellarCyber allowBasicAuth(boolean value) {
        this.basicAuth = value;
        return this;
    }

    /**
     * Returns how many tokens were issued.
     *
     * @return how many tokens were issued
     */
    public int tokensIssued() {
        return tokensIssued.get();
    }

    /**
     * Returns how many API calls were rejected with 401.
     *
     * @return how many API calls were rejected with 401
     */
    public int unauthorizedResponses() {
        return rejected.get();
    }

    /**
     * Adds {@code count} generated cases for a tenant, created one minute apart, scores descending.
     *
     * @param tenantId the tenant
     * @param count    how many
     * @return the ids of the cases, in creation order
     */
    public List<String> seedCases(String tenantId, int count) {
        List<String> out = new ArrayList<>(count);
        String[] statuses = {"New", "In Progress", "Escalated", "Resolved", "Cancelled"};
        String[] severities = {"Critical", "High", "Medium", "Low"};
        long start = clock().millis() - count * 60_000L;
        for (int i = 0; i < count; i++) {
            String id = nextId();
            ObjectNode c = MAPPER.createObjectNode().put("_id", id).put("name", "Case " + i)
                    .put("status", statuses[i % statuses.length]).put("severity", severities[i % severities.length])
                    .put("score", count - i).put("size", 1 + i % 7).put("assignee", "").put("cust_id", tenantId)
                    .put("tenant_name", "tenant " + tenantId).put("ticket_id", 1000 + i)
                    .put("created_at", start + i * 60_000L).put("modified_at", start + i * 60_000L)
                    .put("created_by", "System").put("modified_by", "");
            c.putArray("tags");
            cases.add(c);
            out.add(id);
        }
        return out;
    }

    /**
     * Returns a stored case, or null.
     *
     * @param caseId the id
     * @return a copy of the case JSON
     */
    public JsonNode caseById(String caseId) {
        return cases.stream().filter(c -> c.get("_id").asText().equals(caseId)).findFirst().map(ObjectNode::deepCopy).orElse(null);
    }

    /**
     * Lets tenant creation accept a name that another tenant already has (default: 409, as the vendor answers).
     * For race measures that must see every duplicate a client would create.
     *
     * @param value whether duplicate names are accepted
     */
    public void allowDuplicateTenantNames(boolean value) {
        this.allowDuplicateNames = value;
    }

    /**
     * Returns the stored tenants.
     *
     * @return copies of the tenant JSON
     */
    public List<JsonNode> tenants() {
        List<JsonNode> out = new ArrayList<>();
        tenants.values().forEach(t -> out.add(t.deepCopy()));
        return out;
    }

    @Override
    protected FakeResponse authenticate(FakeRequest request) {
        String auth = request.header("Authorization");
        if (auth != null && auth.startsWith("Bearer ") && validJwt(auth.substring(7))) {
            return null;
        }
        if (basicAuth && auth != null && auth.startsWith("Basic ") && knownUser(auth.substring(6))) {
            return null;
        }
        rejected.incrementAndGet();
        return FakeResponse.json(401, "{\"error\":\"Unauthorized\",\"message\":\"invalid or expired token\"}");
    }

    @Override
    protected FakeResponse notFound(FakeRequest request) {
        return FakeResponse.json(404, "{\"error\":\"Not Found\",\"message\":\"no such resource\"}");
    }

    private FakeResponse token(FakeRequest r) {
        String auth = r.header("Authorization");
        boolean ok = auth != null && (auth.startsWith("Basic ") && knownUser(auth.substring(6))
                || auth.startsWith("Bearer ") && scopedKeys.containsKey(auth.substring(7)));
        if (!ok) {
            return FakeResponse.json(401, "{\"error\":\"Unauthorized\"}");
        }
        Instant now = serverNow();
        long exp = now.plus(tokenLifetime).getEpochSecond();
        String jwt = sign(MAPPER.createObjectNode().put("sub", "api").put("iat", now.getEpochSecond())
                .put("exp", exp).put("jti", nextId()));
        tokensIssued.incrementAndGet();
        return FakeResponse.json(200, tokenAnswer.apply(jwt, exp));
    }

    private boolean knownUser(String basic) {
        String pair;
        try {
            pair = new String(Base64.getDecoder().decode(basic), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = pair.indexOf(':');
        return colon > 0 && pair.substring(colon + 1).equals(userKeys.get(pair.substring(0, colon)));
    }

    private String sign(ObjectNode claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + "." + b64.encodeToString(hmac(header + "." + payload));
    }

    private byte[] hmac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean validJwt(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return false;
        }
        try {
            byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
            if (!MessageDigest.isEqual(signature, hmac(parts[0] + "." + parts[1]))) {
                return false;
            }
            JsonNode claims = MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return serverNow().isBefore(Instant.ofEpochSecond(claims.path("exp").asLong()));
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private String nextId() {
        return HexFormat.of().toHexDigits(ids.incrementAndGet());
    }

    private static ObjectNode data(JsonNode value) {
        ObjectNode out = MAPPER.createObjectNode();
        out.set("data", value);
        return out;
    }

    private FakeResponse listCases(FakeRequest r) {
        int limit = intParam(r, "limit", 10);
        if (limit < 1 || limit > 500) {
            return FakeResponse.json(400, "{\"error\":\"limit must be between 1 and 500\"}");
        }
        int skip = intParam(r, "skip", 0);
        List<ObjectNode> matching = new ArrayList<>();
        for (ObjectNode c : cases) {
            if (matches(c, r)) {
                matching.add(c);
            }
        }
        String sort = r.queryParam("sort");
        if (sort != null) {
            Comparator<ObjectNode> cmp = (a, b) -> a.path(sort).isNumber() && b.path(sort).isNumber()
                    ? Double.compare(a.path(sort).asDouble(), b.path(sort).asDouble())
                    : a.path(sort).asText().compareTo(b.path(sort).asText());
            matching.sort("desc".equals(r.queryParam("order")) ? cmp.reversed() : cmp);
        }
        ObjectNode page = MAPPER.createObjectNode();
        ArrayNode list = page.putArray("cases");
        matching.stream().skip(skip).limit(limit).forEach(list::add);
        page.put("total", matching.size());
        return FakeResponse.json(200, data(page));
    }

    private static boolean matches(ObjectNode c, FakeRequest r) {
        String tenant = r.queryParam("tenantid");
        if (tenant != null && !tenant.equals(c.path("cust_id").asText())) {
            return false;
        }
        for (String f : new String[] {"status", "severity"}) {
            if (r.queryParam(f) != null && !r.queryParam(f).equals(c.path(f).asText())) {
                return false;
            }
        }
        for (String f : new String[] {"created_at", "modified_at"}) {
            long v = c.path(f).asLong();
            if (r.queryParam("FROM~" + f) != null && v < Long.parseLong(r.queryParam("FROM~" + f))) {
                return false;
            }
            if (r.queryParam("TO~" + f) != null && v > Long.parseLong(r.queryParam("TO~" + f))) {
                return false;
            }
        }
        if (r.queryParam("tags") != null) {
            for (String tag : r.queryParam("tags").split(",")) {
                boolean has = false;
                for (JsonNode t : c.path("tags")) {
                    has |= t.asText().equals(tag);
                }
                if (!has) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int intParam(FakeRequest r, String name, int fallback) {
        String v = r.queryParam(name);
        return v == null ? fallback : Integer.parseInt(v);
    }

    private FakeResponse updateCase(ObjectNode c, JsonNode body) {
        for (String f : new String[] {"status", "severity", "assignee", "resolution"}) {
            if (body.hasNonNull(f)) {
                c.put(f, body.get(f).asText());
            }
        }
        JsonNode tags = body.path("tags");
        if (tags.isObject()) {
            List<String> current = new ArrayList<>();
            c.path("tags").forEach(t -> current.add(t.asText()));
            tags.path("add").forEach(t -> {
                if (!current.contains(t.asText())) {
                    current.add(t.asText());
                }
            });
            tags.path("delete").forEach(t -> current.remove(t.asText()));
            ArrayNode out = c.putArray("tags");
            current.forEach(out::add);
        }
        c.put("modified_at", clock().millis()).put("modified_by", "api");
        return FakeResponse.json(200, data(c));
    }

    private FakeResponse withCase(FakeRequest r, java.util.function.Function<ObjectNode, FakeResponse> f) {
        String id = r.pathVariable("id");
        for (ObjectNode c : cases) {
            if (c.get("_id").asText().equals(id)) {
                synchronized (c) {
                    return f.apply(c);
                }
            }
        }
        return notFound(r);
    }

    private FakeResponse withTenant(FakeRequest r, java.util.function.Function<ObjectNode, FakeResponse> f) {
        ObjectNode t = tenants.get(r.pathVariable("id"));
        if (t == null) {
            return notFound(r);
        }
        synchronized (t) {
            return f.apply(t);
        }
    }

    private FakeResponse createTenant(FakeRequest r) {
        JsonNode body = r.json();
        String name = body.path("cust_name").asText("");
        if (name.isBlank()) {
            return FakeResponse.json(400, "{\"error\":\"cust_name is required\"}");
        }
        for (ObjectNode t : tenants.values()) {
            if (!allowDuplicateNames && t.get("cust_name").asText().equals(name)) {
                return FakeResponse.json(409, "{\"error\":\"tenant " + name + " already exists\"}");
            }
        }
        byte[] raw = new byte[16];
        RANDOM.nextBytes(raw);
        ObjectNode t = ((ObjectNode) body.deepCopy()).put("cust_id", HexFormat.of().formatHex(raw));
        tenants.put(t.get("cust_id").asText(), t);
        return FakeResponse.json(200, data(t));
    }
}
