package io.secopskit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stateful fake of a ServiceNow instance's Security Operations integration API and Table API.
 *
 * <ul>
 *   <li>Auth: Basic for registered users; OAuth at {@code POST /oauth_token.do} (form-encoded {@code password},
 *       {@code client_credentials} and {@code refresh_token} grants; tokens expire after
 *       {@link #tokenLifetime(Duration)}, default 1,799 s, against the fake's clock).</li>
 *   <li>The three SecOps integration resources under {@link #DEFAULT_BASE_PATH} (the same assumed paths
 *       as the SDK): role {@code sn_sec_cmn.api_write} required, per-table mandatory columns, the
 *       {@code ignore_mandatory_fields}, {@code include_wrap} and {@code simple_response} options, and the
 *       six documented error messages (the last two on demand). Posted rows land in the table store.</li>
 *   <li>Table API {@code /api/now/table/{table}}: list with {@code sysparm_limit/offset/query/fields},
 *       {@code Link} (first, prev, next, last) and {@code X-Total-Count} headers; get, create (201), PATCH,
 *       delete (204). {@code sysparm_query} understands the encoded-query operators {@code =}, {@code !=},
 *       {@code LIKE}, {@code NOT LIKE}, {@code STARTSWITH}, {@code ENDSWITH}, {@code IN}, {@code NOT IN},
 *       {@code ISEMPTY}, {@code ISNOTEMPTY}, {@code >}, {@code >=}, {@code <}, {@code <=}, joined with
 *       {@code ^}, {@code ^OR} and {@code ^NQ}, and {@code ORDERBY}/{@code ORDERBYDESC}; a clause it cannot
 *       read matches nothing.</li>
 *   <li>Answers of the API routes carry an {@code X-Transaction-ID} header, as instances send.</li>
 *   <li>{@link #hibernate(boolean)}: every request gets the HTML page of a sleeping developer instance.</li>
 * </ul>
 */
public final class FakeServiceNow extends FakeVendor {
    /** The integration API base path the fake serves (the SDK's default assumption). */
    public static final String DEFAULT_BASE_PATH = "/api/sn_sec_cmn/secops_integration";
    /** The role the integration API requires. */
    public static final String WRITE_ROLE = "sn_sec_cmn.api_write";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String TABLE_BASE = "/api/now/table/";
    private static final AtomicLong TRANSACTIONS = new AtomicLong(0xa1b2c3000000L);

    private record User(String password, Set<String> roles) {
    }

    private record Token(String user, Instant expires) {
    }

    private record Client(String secret, String runAs) {
    }

    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Map<String, Token> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, Map<String, ObjectNode>> tables = new ConcurrentHashMap<>();
    private final Map<String, List<String>> mandatory = new ConcurrentHashMap<>();
    private final Map<String, Integer> grants = new ConcurrentHashMap<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private volatile Duration tokenLifetime = Duration.ofSeconds(1799);
    private volatile boolean hibernating;
    private volatile String nextPostError;

    /** Creates the fake with the default integration paths; call {@link #start()} before use. */
    public FakeServiceNow() {
        mandatory.put("sn_sec_cmn_ci_enrichment_result", List.of("ci", "source"));
        mandatory.put("sn_ti_observable_enrichment_result", List.of("observable", "source"));
        mandatory.put("sn_ti_lookup_result", List.of("observable", "source", "result"));
        anonymousRoute("POST", "/oauth_token.do", this::token);
        route("POST", DEFAULT_BASE_PATH + "/ci_enrichment", tx(r -> integrationPost(r, "sn_sec_cmn_ci_enrichment_result")));
        route("POST", DEFAULT_BASE_PATH + "/observable_enrichment", tx(r -> integrationPost(r, "sn_ti_observable_enrichment_result")));
        route("POST", DEFAULT_BASE_PATH + "/threat_lookup", tx(r -> integrationPost(r, "sn_ti_lookup_result")));
        route("GET", TABLE_BASE + "{table}", tx(this::tableList));
        route("POST", TABLE_BASE + "{table}", tx(this::tableCreate));
        route("GET", TABLE_BASE + "{table}/{sys_id}", tx(r -> withRecord(r, rec -> FakeResponse.json(200, result(rec)))));
        route("PATCH", TABLE_BASE + "{table}/{sys_id}", tx(r -> withRecord(r, rec -> {
            r.json().properties().forEach(e -> {
                if (!e.getKey().startsWith("sys_")) {
                    rec.set(e.getKey(), e.getValue());
                }
            });
            return FakeResponse.json(200, result(rec));
        })));
        route("DELETE", TABLE_BASE + "{table}/{sys_id}", tx(r -> withRecord(r, rec -> {
            table(r.pathVariable("table")).remove(r.pathVariable("sys_id"));
            return FakeResponse.empty(204);
        })));
    }

    /**
     * Registers a user for Basic auth and the password grant.
     *
     * @param name     user name
     * @param password password
     * @param roles    roles, for example {@link #WRITE_ROLE}
     * @return this fake
     */
    public FakeServiceNow user(String name, String password, String... roles) {
        users.put(name, new User(password, Set.of(roles)));
        return this;
    }

    /**
     * Registers an OAuth application; client-credentials tokens act as {@code runAsUser}.
     *
     * @param clientId     client id
     * @param clientSecret client secret
     * @param runAsUser    the user client-credentials tokens act as
     * @return this fake
     */
    public FakeServiceNow oauthClient(String clientId, String clientSecret, String runAsUser) {
        clients.put(clientId, new Client(clientSecret, runAsUser));
        return this;
    }

    /**
     * Sets the lifetime of access tokens issued from now on.
     *
     * @param value the lifetime
     * @return this fake
     */
    public FakeServiceNow tokenLifetime(Duration value) {
        this.tokenLifetime = value;
        return this;
    }

    /**
     * Sets the mandatory columns of a table.
     *
     * @param table   table name
     * @param columns mandatory columns
     * @return this fake
     */
    public FakeServiceNow mandatoryFields(String table, String... columns) {
        mandatory.put(table, List.of(columns));
        return this;
    }

    /**
     * Puts the instance to sleep (HTML 200 for everything) or wakes it.
     *
     * @param value whether it sleeps
     */
    public void hibernate(boolean value) {
        this.hibernating = value;
    }

    /** Makes the next integration post fail with "Unable to persist record" (500). */
    public void failNextPostToPersist() {
        nextPostError = "Unable to persist record";
    }

    /** Makes the next integration post fail with "Unknown error" (500). */
    public void failNextPostUnknown() {
        nextPostError = "Unknown error";
    }

    /** Returns how many access tokens were issued. */
    public int tokensIssued() {
        return tokensIssued.get();
    }

    /**
     * Returns how many tokens were issued with a grant type.
     *
     * @param grantType for example {@code refresh_token}
     * @return the count
     */
    public int tokensIssued(String grantType) {
        return grants.getOrDefault(grantType, 0);
    }

    /**
     * Adds {@code count} generated records to a table.
     *
     * @param table table name
     * @param count how many
     */
    public void seed(String table, int count) {
        for (int i = 0; i < count; i++) {
            insert(table, MAPPER.createObjectNode().put("number", String.format("REC%07d", i)).put("short_description", "record " + i));
        }
    }

    /**
     * Inserts a record, as if created in the instance.
     *
     * @param table  table name
     * @param fields column values
     * @return the new record's {@code sys_id}
     */
    public String insert(String table, Map<String, String> fields) {
        ObjectNode record = MAPPER.createObjectNode();
        fields.forEach(record::put);
        return insert(table, record).get("sys_id").asText();
    }

    /**
     * Returns the records of a table, in insertion order.
     *
     * @param table table name
     * @return copies of the records
     */
    public List<JsonNode> records(String table) {
        List<JsonNode> out = new ArrayList<>();
        table(table).values().forEach(r -> out.add(r.deepCopy()));
        return out;
    }

    private Map<String, ObjectNode> table(String name) {
        return tables.computeIfAbsent(name, k -> java.util.Collections.synchronizedMap(new LinkedHashMap<>()));
    }

    private ObjectNode insert(String table, ObjectNode record) {
        byte[] raw = new byte[16];
        RANDOM.nextBytes(raw);
        String id = HexFormat.of().formatHex(raw);
        record.put("sys_id", id).put("sys_created_on", clock().instant().toString());
        table(table).put(id, record);
        return record;
    }

    @Override
    protected FakeResponse authenticate(FakeRequest request) {
        return currentUser(request) != null ? null
                : error(401, "User Not Authenticated", "Required to provide Auth information");
    }

    private String currentUser(FakeRequest request) {
        String auth = request.header("Authorization");
        if (auth == null) {
            return null;
        }
        if (auth.startsWith("Bearer ")) {
            Token t = accessTokens.get(auth.substring(7));
            return t != null && clock().instant().isBefore(t.expires()) ? t.user() : null;
        }
        if (auth.startsWith("Basic ")) {
            String pair = new String(Base64.getDecoder().decode(auth.substring(6)), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            User u = colon < 0 ? null : users.get(pair.substring(0, colon));
            return u != null && u.password().equals(pair.substring(colon + 1)) ? pair.substring(0, colon) : null;
        }
        return null;
    }

    @Override
    protected FakeResponse notFound(FakeRequest request) {
        return error(400, "Requested URI does not represent any resource", request.path());
    }

    private FakeResponse hibernationPage() {
        return FakeResponse.text(200, "text/html;charset=UTF-8",
                "<html><head><title>Instance Hibernating page</title></head><body>Your instance is hibernating.</body></html>");
    }

    /** Answers every request with the hibernation page while hibernating. */
    @Override
    protected FakeResponse intercept(FakeRequest request) {
        return hibernating ? hibernationPage() : null;
    }

    /** Gives every answer of a route an {@code X-Transaction-ID}, as instances do. */
    private RouteHandler tx(RouteHandler handler) {
        return r -> withTransactionId(handler.handle(r));
    }

    private static FakeResponse withTransactionId(FakeResponse response) {
        return response.withHeader("X-Transaction-ID", String.format("%012x", TRANSACTIONS.incrementAndGet()));
    }

    private static FakeResponse error(int status, String message, String detail) {
        ObjectNode body = MAPPER.createObjectNode();
        ObjectNode err = body.putObject("error").put("message", message);
        if (detail == null) {
            err.putNull("detail");
        } else {
            err.put("detail", detail);
        }
        body.put("status", "failure");
        return withTransactionId(FakeResponse.json(status, body));
    }

    private FakeResponse token(FakeRequest r) {
        Map<String, String> form = r.form();
        Client client = clients.get(form.getOrDefault("client_id", ""));
        if (client == null || !client.secret().equals(form.get("client_secret"))) {
            return FakeResponse.json(401, "{\"error_description\":\"access_denied\",\"error\":\"server_error\"}");
        }
        String grant = form.getOrDefault("grant_type", "");
        String user;
        switch (grant) {
            case "password" -> {
                User u = users.get(form.getOrDefault("username", ""));
                if (u == null || !u.password().equals(form.get("password"))) {
                    return FakeResponse.json(401, "{\"error_description\":\"access_denied\",\"error\":\"server_error\"}");
                }
                user = form.get("username");
            }
            case "client_credentials" -> user = client.runAs();
            case "refresh_token" -> {
                user = refreshTokens.remove(form.getOrDefault("refresh_token", ""));
                if (user == null) {
                    return FakeResponse.json(401, "{\"error_description\":\"access_denied\",\"error\":\"server_error\"}");
                }
            }
            default -> {
                return FakeResponse.json(400, "{\"error_description\":\"unsupported grant\",\"error\":\"invalid_request\"}");
            }
        }
        String access = randomToken();
        accessTokens.put(access, new Token(user, clock().instant().plus(tokenLifetime)));
        tokensIssued.incrementAndGet();
        grants.merge(grant, 1, Integer::sum);
        ObjectNode body = MAPPER.createObjectNode().put("access_token", access).put("scope", "useraccount")
                .put("token_type", "Bearer").put("expires_in", tokenLifetime.toSeconds());
        if (!grant.equals("client_credentials")) {
            String refresh = randomToken();
            refreshTokens.put(refresh, user);
            body.put("refresh_token", refresh);
        }
        return FakeResponse.json(200, body);
    }

    private static String randomToken() {
        byte[] raw = new byte[48];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    private FakeResponse integrationPost(FakeRequest r, String table) {
        String user = currentUser(r);
        boolean allowed = user != null && users.containsKey(user) && users.get(user).roles().contains(WRITE_ROLE);
        if (!allowed) {
            return error(403, "Insufficient access", null);
        }
        JsonNode body = r.json();
        if (!body.isObject() || body.isEmpty()) {
            return error(400, "Invalid post body", null);
        }
        boolean anyValue = false;
        for (JsonNode v : body) {
            anyValue |= !v.isNull() && !v.asText("").isBlank() || v.isContainerNode();
        }
        if (!anyValue) {
            return error(400, "No fields supplied", null);
        }
        if (!"true".equals(r.queryParam("ignore_mandatory_fields"))) {
            List<String> missing = new ArrayList<>();
            for (String col : mandatory.getOrDefault(table, List.of())) {
                if (!body.hasNonNull(col) || body.get(col).asText("").isBlank()) {
                    missing.add(col);
                }
            }
            if (!missing.isEmpty()) {
                return error(400, "Mandatory fields missing: " + String.join(",", missing), null);
            }
        }
        String failure = nextPostError;
        if (failure != null) {
            nextPostError = null;
            return error(500, failure, null);
        }
        ObjectNode record = insert(table, ((ObjectNode) body).deepCopy());
        JsonNode answer = "true".equals(r.queryParam("simple_response"))
                ? MAPPER.createObjectNode().put("success", true)
                : record.deepCopy().put("table", table);
        return FakeResponse.json(200, "true".equals(r.queryParam("include_wrap")) ? result(answer) : answer);
    }

    private static ObjectNode result(JsonNode value) {
        ObjectNode out = MAPPER.createObjectNode();
        out.set("result", value);
        return out;
    }

    private FakeResponse tableList(FakeRequest r) {
        String table = r.pathVariable("table");
        int limit = r.queryParam("sysparm_limit") == null ? 10000 : Integer.parseInt(r.queryParam("sysparm_limit"));
        int offset = r.queryParam("sysparm_offset") == null ? 0 : Integer.parseInt(r.queryParam("sysparm_offset"));
        EncodedQuery query = EncodedQuery.parse(r.queryParam("sysparm_query"));
        List<ObjectNode> matching = new ArrayList<>();
        synchronized (table(table)) {
            for (ObjectNode rec : table(table).values()) {
                if (query.matches(rec)) {
                    matching.add(rec);
                }
            }
        }
        query.sort(matching);
        ObjectNode body = MAPPER.createObjectNode();
        ArrayNode list = body.putArray("result");
        String fields = r.queryParam("sysparm_fields");
        matching.stream().skip(offset).limit(limit).forEach(rec -> list.add(project(rec, fields)));
        FakeResponse response = FakeResponse.json(200, body).withHeader("X-Total-Count", String.valueOf(matching.size()));
        String base = baseUri() + TABLE_BASE + table + "?sysparm_limit=" + limit
                + (r.queryParam("sysparm_query") == null ? "" : "&sysparm_query=" + java.net.URLEncoder.encode(
                r.queryParam("sysparm_query"), StandardCharsets.UTF_8))
                + (fields == null ? "" : "&sysparm_fields=" + fields);
        List<String> links = new ArrayList<>();
        links.add("<" + base + "&sysparm_offset=0>;rel=\"first\"");
        if (offset > 0) {
            links.add("<" + base + "&sysparm_offset=" + Math.max(0, offset - limit) + ">;rel=\"prev\"");
        }
        if (offset + limit < matching.size()) {
            links.add("<" + base + "&sysparm_offset=" + (offset + limit) + ">;rel=\"next\"");
        }
        int last = matching.isEmpty() ? 0 : ((matching.size() - 1) / limit) * limit;
        links.add("<" + base + "&sysparm_offset=" + last + ">;rel=\"last\"");
        return response.withHeader("Link", String.join(",", links));
    }

    /** A parsed {@code sysparm_query}: OR-ed groups (split by {@code ^NQ}) of AND-ed clauses, and the order. */
    private record EncodedQuery(List<List<List<String>>> groups, List<String> orders) {
        static EncodedQuery parse(String query) {
            List<List<List<String>>> groups = new ArrayList<>();
            List<String> orders = new ArrayList<>();
            if (query == null || query.isBlank()) {
                return new EncodedQuery(groups, orders);
            }
            for (String group : query.split("\\^NQ")) {
                List<List<String>> ands = new ArrayList<>();
                for (String clause : group.split("\\^")) {
                    if (clause.isEmpty()) {
                        continue;
                    }
                    if (clause.startsWith("ORDERBY")) {
                        orders.add(clause.substring("ORDERBY".length()));
                    } else if (clause.startsWith("OR") && !ands.isEmpty()) {
                        ands.get(ands.size() - 1).add(clause.substring(2));
                    } else {
                        List<String> ors = new ArrayList<>();
                        ors.add(clause);
                        ands.add(ors);
                    }
                }
                if (!ands.isEmpty()) {
                    groups.add(ands);
                }
            }
            return new EncodedQuery(groups, orders);
        }

        boolean matches(ObjectNode rec) {
            if (groups.isEmpty()) {
                return true;
            }
            for (List<List<String>> ands : groups) {
                boolean all = true;
                for (List<String> ors : ands) {
                    boolean any = false;
                    for (String clause : ors) {
                        any |= clause(rec, clause);
                    }
                    all &= any;
                }
                if (all) {
                    return true;
                }
            }
            return false;
        }

        void sort(List<ObjectNode> records) {
            java.util.Comparator<ObjectNode> order = null;
            for (String o : orders) {
                boolean desc = o.startsWith("DESC");
                String field = desc ? o.substring(4) : o;
                java.util.Comparator<ObjectNode> c = (a, b) -> compare(a.path(field).asText(), b.path(field).asText());
                c = desc ? c.reversed() : c;
                order = order == null ? c : order.thenComparing(c);
            }
            if (order != null) {
                records.sort(order);
            }
        }
    }

    private static final List<String> OPERATORS = List.of("NOT LIKE", "NOT IN", "ISNOTEMPTY", "ISEMPTY", "STARTSWITH",
            "ENDSWITH", "LIKE", "IN", "!=", ">=", "<=", "=", ">", "<");

    private static boolean clause(ObjectNode rec, String clause) {
        int i = 0;
        while (i < clause.length() && (Character.isLowerCase(clause.charAt(i)) || Character.isDigit(clause.charAt(i))
                || clause.charAt(i) == '_' || clause.charAt(i) == '.')) {
            i++;
        }
        String field = clause.substring(0, i);
        String rest = clause.substring(i);
        String actual = rec.path(field).asText("");
        for (String op : OPERATORS) {
            if (!rest.startsWith(op)) {
                continue;
            }
            String value = rest.substring(op.length());
            return switch (op) {
                case "=" -> actual.equals(value);
                case "!=" -> !actual.equals(value);
                case "LIKE" -> actual.contains(value);
                case "NOT LIKE" -> !actual.contains(value);
                case "STARTSWITH" -> actual.startsWith(value);
                case "ENDSWITH" -> actual.endsWith(value);
                case "IN" -> List.of(value.split(",")).contains(actual);
                case "NOT IN" -> !List.of(value.split(",")).contains(actual);
                case "ISEMPTY" -> actual.isEmpty();
                case "ISNOTEMPTY" -> !actual.isEmpty();
                case ">" -> compare(actual, value) > 0;
                case ">=" -> compare(actual, value) >= 0;
                case "<" -> compare(actual, value) < 0;
                default -> compare(actual, value) <= 0;
            };
        }
        return false; // an unreadable clause matches nothing
    }

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?\\d{1,15}(\\.\\d{1,15})?");

    private static int compare(String a, String b) {
        if (NUMBER.matcher(a).matches() && NUMBER.matcher(b).matches()) {
            return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
        }
        return a.compareTo(b);
    }

    private static JsonNode project(ObjectNode rec, String fields) {
        if (fields == null || fields.isBlank()) {
            return rec.deepCopy();
        }
        ObjectNode out = MAPPER.createObjectNode();
        for (String f : fields.split(",")) {
            if (rec.has(f)) {
                out.set(f, rec.get(f));
            }
        }
        return out;
    }

    private FakeResponse tableCreate(FakeRequest r) {
        JsonNode body = r.json();
        if (!body.isObject()) {
            return error(400, "Invalid body", "a JSON object is required");
        }
        return FakeResponse.json(201, result(insert(r.pathVariable("table"), ((ObjectNode) body).deepCopy())));
    }

    private FakeResponse withRecord(FakeRequest r, java.util.function.Function<ObjectNode, FakeResponse> f) {
        ObjectNode rec = table(r.pathVariable("table")).get(r.pathVariable("sys_id"));
        if (rec == null) {
            return error(404, "No Record found", "Record doesn't exist or ACL restricts the record retrieval");
        }
        synchronized (rec) {
            return f.apply(rec);
        }
    }
}
