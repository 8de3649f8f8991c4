package io.secopskit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stateful fake of Carbon Black Cloud on two loopback hosts: the defense host ({@code /appservices},
 * {@code /threathunter}, {@code /livequery}; this object) and the API host ({@code /integrationServices};
 * {@link #apiHost()}). Each host refuses the other's paths.
 *
 * <ul>
 *   <li>Checks {@code X-Auth-Token: <secret>/<id>} against registered keys, their access level and, for
 *       Custom keys, each permission's operations, as the vendor's document says: Live Query needs Custom
 *       with {@code livequery.manage}; feeds need Custom with {@code threathunter.feeds} or API; device
 *       routes need Custom with {@code device}; notifications need SIEM; other {@code /integrationServices}
 *       routes need API or Live Response. A Custom permission grants only the operations given
 *       ({@link Op}): creating a run needs Create, reading runs and results Read, cancelling Update,
 *       deleting Delete. Anything else answers 401 {@code {"success":false,"message":"User is not authenticated"}}.</li>
 *   <li>Live Query runs, results ({@code _search} with 0-based start, capped at 10,000 rows; {@code _scroll}
 *       with {@code search_after}), run history, cancel and delete; runs complete on demand or after N polls.</li>
 *   <li>Device search (1-based start, 10,000 cap, {@code _scroll}) and device by id; feeds (list with
 *       {@code include_public} in any case, get, create, delete, feedinfo, reports read and replace) and the
 *       read-once notifications queue.</li>
 *   <li>Searches honour {@code query} strings ({@code field:value} terms joined by {@code AND} / {@code OR},
 *       parentheses, quoted values, {@code *} wildcards) and {@code criteria} with dotted keys such as
 *       {@code device.os}; a malformed query gets 400 {@code reason: query_malformed_syntax}.</li>
 *   <li>A missing run, feed or device gets 404 {@code {"success":false,"error_code":"NOT_FOUND","message":…}}.</li>
 * </ul>
 * Every rule is a {@link Rule}, on by default; {@link #strictness()} switches single rules off.
 */
public final class FakeCarbonBlack extends FakeVendor {
    /** API key access levels. */
    public enum AccessLevel {
        /** Custom: permissions as given. */
        CUSTOM,
        /** API: everything but notifications and Live Response. */
        API,
        /** SIEM: notifications only. */
        SIEM,
        /** Live Response. */
        LIVE_RESPONSE
    }

    /** The operations a Custom key's permission can grant (the document's C, R, U, D, E). */
    public enum Op {
        /** Create. */
        CREATE,
        /** Read. */
        READ,
        /** Update. */
        UPDATE,
        /** Delete. */
        DELETE,
        /** Execute. */
        EXECUTE
    }

    /**
     * A permission of a Custom key's access level: its {@code .notation} name and the operations granted.
     *
     * @param name       for example {@code livequery.manage}
     * @param operations the operations granted
     */
    public record Permission(String name, Set<Op> operations) {
        /** Copies the operations. */
        public Permission {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("permission name is required");
            }
            operations = operations == null || operations.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(operations));
        }

        /**
         * A permission with the given operations; with none given, every operation.
         *
         * @param name       the permission name
         * @param operations the operations
         * @return the permission
         */
        public static Permission of(String name, Op... operations) {
            return new Permission(name, operations.length == 0 ? EnumSet.allOf(Op.class) : EnumSet.copyOf(List.of(operations)));
        }
    }

    /**
     * The rules this fake enforces, from the Carbon Black Cloud API access document
     * ({@code carbonblack-cloud-api-access.txt}, cited by line) unless the source says otherwise.
     */
    public enum Rule implements DocumentedRule {
        /** The service-category to access-level table. */
        ACCESS_LEVEL_TABLE("carbonblack-cloud-api-access.txt L74-85, L150-165",
                "a key whose access level the table does not permit for the route's service category gets 401: /livequery "
                        + "and /appservices Custom; /threathunter Custom or API; /integrationServices/v3/notification SIEM; "
                        + "other /integrationServices API or Live Response"),
        /** Per-operation permissions of Custom keys. */
        PERMISSION_OPERATIONS("carbonblack-cloud-api-access.txt L111-148 (device: [inference])",
                "a Custom key needs the route's permission with the route's operation: livequery.manage Create to start a "
                        + "run, Read for runs and results, Update to cancel, Delete to delete; threathunter.feeds Create, "
                        + "Read, Update (feedinfo, reports), Delete; device Read. The document's example key (Create and "
                        + "Read only) gets 401 on update and delete"),
        /** Query strings filter searches. */
        QUERY_STRINGS("NOTES.md section 2 [vendor client]",
                "_search honours query: field:value terms (dotted fields, quoted values, * wildcards) joined by AND / OR, "
                        + "AND binding tighter, adjacent terms ANDed, parentheses"),
        /** Malformed query strings are refused. */
        QUERY_SYNTAX("NOTES.md section 2 [vendor client]",
                "a malformed query (unbalanced parentheses or quotes, a dangling AND/OR, an empty field or value) gets "
                        + "400 reason query_malformed_syntax"),
        /** Dotted criteria keys. */
        DOTTED_CRITERIA("NOTES.md section 2 [vendor client]",
                "criteria keys address nested fields with dots (device.os: [\"WINDOWS\"])");

        private final String source;
        private final String summary;

        Rule(String source, String summary) {
            this.source = source;
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

    /** The name of the API key in the document's example (L136-148). */
    public static final String DOC_EXAMPLE_KEY_NAME = "developer.example";
    /** The access level of the document's example: livequery.manage and threathunter.feeds, Create and Read. */
    public static final List<Permission> DOC_EXAMPLE_PERMISSIONS = List.of(
            Permission.of("livequery.manage", Op.CREATE, Op.READ),
            Permission.of("threathunter.feeds", Op.CREATE, Op.READ));

    private record Key(String secret, AccessLevel level, Map<String, Set<Op>> permissions) {
    }

    /** What a route needs: its service category, and for Custom keys a permission and an operation. */
    private record Need(String category, String permission, Op op) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int CAP = 10_000;

    private final String orgKey;
    private final ApiHost apiHost = new ApiHost();
    private final Map<String, Key> keys = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> runs = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, List<ObjectNode>> results = new ConcurrentHashMap<>();
    private final Map<String, Integer> pollsUntilComplete = new ConcurrentHashMap<>();
    private final List<ObjectNode> devices = new CopyOnWriteArrayList<>();
    private final Map<String, ObjectNode> feeds = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<ObjectNode> notifications = new CopyOnWriteArrayList<>();
    private final Strictness<Rule> strictness = new Strictness<>(Rule.class);

    /**
     * Creates the fake for one organization; call {@link #start()} before use.
     *
     * @param orgKey the organization key paths must carry
     */
    public FakeCarbonBlack(String orgKey) {
        this.orgKey = orgKey;
        String lq = "/livequery/v1/orgs/{org}/runs";
        route("POST", lq, r -> withOrg(r, () -> createRun(r)));
        route("GET", lq + "/{id}", r -> withOrg(r, () -> withRun(r, run -> {
            Integer left = pollsUntilComplete.computeIfPresent(run.get("id").asText(), (k, v) -> v - 1);
            if (left != null && left <= 0) {
                pollsUntilComplete.remove(run.get("id").asText());
                run.put("status", "COMPLETE");
            }
            return FakeResponse.json(200, run);
        })));
        route("PUT", lq + "/{id}/status", r -> withOrg(r, () -> withRun(r, run -> {
            if (!"CANCELLED".equals(r.json().path("status").asText())) {
                return error(400, "invalid_status", "status must be CANCELLED");
            }
            run.put("status", "CANCELLED").put("cancellation_time", clock().instant().toString());
            return FakeResponse.json(200, run);
        })));
        route("DELETE", lq + "/{id}", r -> withOrg(r, () -> withRun(r, run -> {
            runs.remove(run.get("id").asText());
            results.remove(run.get("id").asText());
            return FakeResponse.empty(204);
        })));
        route("POST", lq + "/_search", r -> withOrg(r, () -> {
            List<ObjectNode> all;
            synchronized (runs) {
                all = new ArrayList<>(runs.values());
            }
            return search(r, all, 0);
        }));
        route("POST", lq + "/{id}/results/_search", r -> withOrg(r, () -> withRun(r,
                run -> search(r, results.getOrDefault(run.get("id").asText(), List.of()), 0))));
        route("POST", lq + "/results/_scroll", r -> withOrg(r, () -> {
            String runId = r.json().path("criteria").path("run_id").path(0).asText("");
            if (!runs.containsKey(runId)) {
                return error(400, "invalid_criteria", "criteria.run_id must name a run");
            }
            return scroll(r, results.getOrDefault(runId, List.of()));
        }));
        String dev = "/appservices/v6/orgs/{org}/devices";
        route("POST", dev + "/_search", r -> withOrg(r, () -> search(r, devices, 1)));
        route("POST", dev + "/_scroll", r -> withOrg(r, () -> scroll(r, devices)));
        route("GET", dev + "/{id}", r -> withOrg(r, () -> {
            for (ObjectNode d : devices) {
                if (d.path("id").asText().equals(r.pathVariable("id"))) {
                    return FakeResponse.json(200, d);
                }
            }
            return notFoundError("device " + r.pathVariable("id") + " not found");
        }));
        String fm = "/threathunter/feedmgr/v2/orgs/{org}/feeds";
        route("GET", fm, r -> withOrg(r, () -> {
            ObjectNode body = MAPPER.createObjectNode();
            ArrayNode list = body.putArray("results");
            synchronized (feeds) {
                feeds.values().forEach(f -> list.add(f.get("feedinfo")));
            }
            if ("true".equalsIgnoreCase(r.queryParam("include_public"))) {
                list.addObject().put("id", "public-feed-1").put("name", "AlienVault").put("owner", "CB")
                        .put("provider_url", "https://otx.alienvault.com").put("summary", "public").put("category", "Partner")
                        .put("access", "public");
            }
            return FakeResponse.json(200, body);
        }));
        route("POST", fm, r -> withOrg(r, () -> createFeed(r)));
        route("GET", fm + "/{id}", r -> withOrg(r, () -> withFeed(r, f -> FakeResponse.json(200, f))));
        route("DELETE", fm + "/{id}", r -> withOrg(r, () -> withFeed(r, f -> {
            feeds.remove(r.pathVariable("id"));
            return FakeResponse.empty(204);
        })));
        route("PUT", fm + "/{id}/feedinfo", r -> withOrg(r, () -> withFeed(r, f -> {
            ObjectNode info = ((ObjectNode) r.json().deepCopy()).put("id", r.pathVariable("id")).put("owner", orgKey);
            f.set("feedinfo", info);
            return FakeResponse.json(200, info);
        })));
        route("GET", fm + "/{id}/reports", r -> withOrg(r, () -> withFeed(r, f -> {
            ObjectNode body = MAPPER.createObjectNode();
            body.set("results", f.path("reports").deepCopy());
            return FakeResponse.json(200, body);
        })));
        route("POST", fm + "/{id}/reports", r -> withOrg(r, () -> withFeed(r, f -> {
            f.set("reports", r.json().path("reports").deepCopy());
            return FakeResponse.json(200, "{\"success\":true}");
        })));
    }

    /** The API host: {@code /integrationServices}. */
    public final class ApiHost extends FakeVendor {
        private ApiHost() {
            route("GET", "/integrationServices/v3/notification", r -> {
                ObjectNode body = MAPPER.createObjectNode().put("message", "Success").put("success", true);
                ArrayNode list = body.putArray("notifications");
                synchronized (notifications) {
                    notifications.forEach(list::add);
                    notifications.clear();
                }
                return FakeResponse.json(200, body);
            });
        }

        @Override
        protected FakeResponse authenticate(FakeRequest request) {
            return FakeCarbonBlack.this.authenticate(request);
        }

        @Override
        protected FakeResponse notFound(FakeRequest request) {
            return FakeCarbonBlack.this.notFound(request);
        }
    }

    @Override
    public synchronized FakeCarbonBlack start() {
        super.start();
        apiHost.start();
        return this;
    }

    /** Serves HTTPS on both hosts; call before {@link #start()}. */
    @Override
    public synchronized FakeCarbonBlack useHttps() {
        super.useHttps();
        apiHost.useHttps();
        return this;
    }

    /** Returns which documented rules are enforced (all by default). */
    public Strictness<Rule> strictness() {
        return strictness;
    }

    @Override
    public void close() {
        apiHost.close();
        super.close();
    }

    /** Returns the defense host base URI. */
    public URI defenseUri() {
        return baseUri();
    }

    /** Returns the API host base URI. */
    public URI apiUri() {
        return apiHost.baseUri();
    }

    /** Returns the API host fake (its journal and faults). */
    public ApiHost apiHost() {
        return apiHost;
    }

    /**
     * Registers an API key. For {@link AccessLevel#CUSTOM}, each named permission grants every operation
     * (Create, Read, Update, Delete, Execute); use {@link #apiKey(String, String, Permission...)} for fewer.
     *
     * @param apiId       the API ID
     * @param secret      the API secret key
     * @param level       its access level
     * @param permissions for {@link AccessLevel#CUSTOM}: permission names such as {@code livequery.manage}
     * @return this fake
     */
    public FakeCarbonBlack apiKey(String apiId, String secret, AccessLevel level, String... permissions) {
        Map<String, Set<Op>> granted = new LinkedHashMap<>();
        for (String p : permissions) {
            granted.put(p, EnumSet.allOf(Op.class));
        }
        keys.put(apiId, new Key(secret, level, granted));
        return this;
    }

    /**
     * Registers a Custom API key whose access level grants exactly these permissions and operations.
     *
     * @param apiId       the API ID
     * @param secret      the API secret key
     * @param permissions the permissions, each with its operations
     * @return this fake
     */
    public FakeCarbonBlack apiKey(String apiId, String secret, Permission... permissions) {
        Map<String, Set<Op>> granted = new LinkedHashMap<>();
        for (Permission p : permissions) {
            granted.merge(p.name(), p.operations(), (a, b) -> {
                EnumSet<Op> all = a.isEmpty() ? EnumSet.noneOf(Op.class) : EnumSet.copyOf(a);
                all.addAll(b);
                return all;
            });
        }
        keys.put(apiId, new Key(secret, AccessLevel.CUSTOM, granted));
        return this;
    }

    /**
     * Registers the document's example key ({@value #DOC_EXAMPLE_KEY_NAME}, access level "Help Desk Scripts"):
     * Custom, with livequery.manage and threathunter.feeds, each Create and Read only. It may start runs,
     * read runs and results, create and read feeds — and gets 401 when it cancels or deletes a run, or
     * updates or deletes a feed.
     *
     * @param apiId  the API ID
     * @param secret the API secret key
     * @return this fake
     */
    public FakeCarbonBlack docExampleKey(String apiId, String secret) {
        return apiKey(apiId, secret, DOC_EXAMPLE_PERMISSIONS.toArray(new Permission[0]));
    }

    /**
     * Adds {@code count} result rows to a run and marks it COMPLETE.
     *
     * @param runId the run
     * @param count how many rows
     */
    public void seedRunResults(String runId, int count) {
        List<ObjectNode> rows = results.computeIfAbsent(runId, k -> new CopyOnWriteArrayList<>());
        List<ObjectNode> batch = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ObjectNode row = MAPPER.createObjectNode().put("id", runId).put("status", "matched")
                    .put("time_received", clock().instant().toString()).put("device_message", "");
            row.putObject("device").put("id", 1_000_000 + i % 500).put("name", "host-" + (i % 500))
                    .put("policy_id", 6525).put("policy_name", "default").put("os", i % 2 == 0 ? "WINDOWS" : "LINUX");
            row.putObject("fields").put("row", rows.size() + i).put("path", "/usr/bin/tool-" + i);
            batch.add(row);
        }
        rows.addAll(batch);
        ObjectNode run = runs.get(runId);
        if (run != null) {
            run.put("status", "COMPLETE").put("total_results", rows.size()).put("match_count", rows.size());
        }
    }

    /**
     * Makes a run COMPLETE after it has been read {@code polls} times.
     *
     * @param runId the run
     * @param polls how many GETs it stays ACTIVE for
     */
    public void completeRunAfterPolls(String runId, int polls) {
        pollsUntilComplete.put(runId, polls);
    }

    /**
     * Adds {@code count} generated devices.
     *
     * @param count how many
     */
    public void seedDevices(int count) {
        List<ObjectNode> batch = new ArrayList<>(count);
        int base = devices.size();
        for (int i = 0; i < count; i++) {
            batch.add(MAPPER.createObjectNode().put("id", 5_000_000 + base + i).put("name", "endpoint-" + (base + i))
                    .put("os", (base + i) % 3 == 0 ? "MAC" : "WINDOWS").put("status", "REGISTERED").put("policy_id", 6525)
                    .put("policy_name", "default").put("quarantined", false).put("last_contact_time", "2026-11-22T00:00:00Z"));
        }
        devices.addAll(batch);
    }

    /**
     * Queues a notification for the SIEM queue.
     *
     * @param type    notification type, for example {@code THREAT}
     * @param message text
     */
    public void pushNotification(String type, String message) {
        notifications.add(MAPPER.createObjectNode().put("type", type).put("eventDescription", message)
                .put("eventTime", clock().millis()));
    }

    /** Returns the stored runs. */
    public List<JsonNode> runs() {
        synchronized (runs) {
            return new ArrayList<>(runs.values());
        }
    }

    /** Returns the stored feeds (each {@code {feedinfo, reports}}). */
    public List<JsonNode> feeds() {
        synchronized (feeds) {
            return new ArrayList<>(feeds.values());
        }
    }

    @Override
    protected FakeResponse authenticate(FakeRequest request) {
        String token = request.header("X-Auth-Token");
        int slash = token == null ? -1 : token.lastIndexOf('/');
        Key key = slash < 0 ? null : keys.get(token.substring(slash + 1));
        if (key == null || !key.secret().equals(token.substring(0, slash)) || !allowed(key, need(request))) {
            return FakeResponse.json(401, "{\"success\":false,\"message\":\"User is not authenticated\"}");
        }
        return null;
    }

    private static Need need(FakeRequest request) {
        String path = request.path();
        String method = request.method();
        if (path.startsWith("/integrationServices/v3/notification")) {
            return new Need("notification", null, null);
        }
        if (path.startsWith("/integrationServices")) {
            return new Need("integrationServices", null, null);
        }
        if (path.startsWith("/livequery")) {
            Op op = switch (method) {
                case "POST" -> path.endsWith("/runs") ? Op.CREATE : Op.READ;
                case "PUT" -> Op.UPDATE;
                case "DELETE" -> Op.DELETE;
                default -> Op.READ;
            };
            return new Need("livequery", "livequery.manage", op);
        }
        if (path.startsWith("/threathunter")) {
            Op op = switch (method) {
                case "POST" -> path.endsWith("/reports") ? Op.UPDATE : Op.CREATE;
                case "PUT" -> Op.UPDATE;
                case "DELETE" -> Op.DELETE;
                default -> Op.READ;
            };
            return new Need("threathunter", "threathunter.feeds", op);
        }
        return new Need("appservices", "device", Op.READ);
    }

    private boolean allowed(Key key, Need need) {
        boolean table = strictness.isEnabled(Rule.ACCESS_LEVEL_TABLE);
        boolean levelOk = switch (need.category()) {
            case "notification" -> key.level() == AccessLevel.SIEM;
            case "integrationServices" -> key.level() == AccessLevel.API || key.level() == AccessLevel.LIVE_RESPONSE;
            case "threathunter" -> key.level() == AccessLevel.API || key.level() == AccessLevel.CUSTOM;
            default -> key.level() == AccessLevel.CUSTOM;
        };
        if (table && !levelOk) {
            return false;
        }
        if (key.level() != AccessLevel.CUSTOM || need.permission() == null) {
            return true;
        }
        Set<Op> granted = key.permissions().get(need.permission());
        if (granted == null) {
            return !table;
        }
        return !strictness.isEnabled(Rule.PERMISSION_OPERATIONS) || granted.contains(need.op());
    }

    @Override
    protected FakeResponse notFound(FakeRequest request) {
        boolean apiPath = request.path().startsWith("/integrationServices");
        return FakeResponse.json(404, MAPPER.createObjectNode().put("success", false).put("message",
                "no route for " + request.path() + (apiPath ? " (served by the API host)" : " (served by the defense host)")));
    }

    /**
     * A missing run, feed or device: 404 with {@code error_code: NOT_FOUND}, the code the vendor's own client
     * reads from a 404 (carbon-black-cloud-sdk-python {@code live_response_api.py}).
     */
    private static FakeResponse notFoundError(String message) {
        return FakeResponse.json(404, MAPPER.createObjectNode().put("success", false).put("error_code", "NOT_FOUND")
                .put("message", message));
    }

    private static FakeResponse error(int status, String reason, String message) {
        return FakeResponse.json(status, MAPPER.createObjectNode().put("success", false).put("reason", reason)
                .put("message", message));
    }

    private FakeResponse withOrg(FakeRequest r, java.util.function.Supplier<FakeResponse> f) {
        if (!orgKey.equals(r.pathVariable("org"))) {
            return FakeResponse.json(403, "{\"success\":false,\"message\":\"org key does not match the API key's org\"}");
        }
        return f.get();
    }

    private FakeResponse withRun(FakeRequest r, java.util.function.Function<ObjectNode, FakeResponse> f) {
        ObjectNode run = runs.get(r.pathVariable("id"));
        if (run == null) {
            return notFoundError("run " + r.pathVariable("id") + " not found");
        }
        synchronized (run) {
            return f.apply(run);
        }
    }

    private FakeResponse withFeed(FakeRequest r, java.util.function.Function<ObjectNode, FakeResponse> f) {
        ObjectNode feed = feeds.get(r.pathVariable("id"));
        if (feed == null) {
            return notFoundError("feed " + r.pathVariable("id") + " not found");
        }
        synchronized (feed) {
            return f.apply(feed);
        }
    }

    private static String newId() {
        byte[] raw = new byte[12];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    private FakeResponse createRun(FakeRequest r) {
        JsonNode body = r.json();
        if (body.path("sql").asText("").isBlank()) {
            return error(400, "invalid_sql", "sql is required");
        }
        Instant now = clock().instant();
        String id = newId();
        ObjectNode run = MAPPER.createObjectNode().put("org_key", orgKey).put("name", body.path("name").asText(null))
                .put("id", id).put("sql", body.get("sql").asText()).put("created_by", "APIKEY")
                .put("create_time", now.toString()).put("timeout_time", now.plusSeconds(7 * 86_400).toString())
                .put("notify_on_finish", body.path("notify_on_finish").asBoolean(false)).put("status", "ACTIVE")
                .put("total_results", 0).put("match_count", 0).put("no_match_count", 0).put("error_count", 0)
                .put("in_progress_count", 0).put("not_started_count", 0);
        run.putArray("destinations").add("LQ");
        run.set("device_filter", body.has("device_filter") ? body.get("device_filter") : MAPPER.createObjectNode());
        run.set("schedule", body.has("schedule") ? body.get("schedule") : MAPPER.nullNode());
        runs.put(id, run);
        return FakeResponse.json(201, run);
    }

    private FakeResponse search(FakeRequest r, List<ObjectNode> all, int base) {
        JsonNode body = r.json();
        SearchQuery query;
        try {
            query = query(body);
        } catch (SearchQuery.MalformedQueryException e) {
            return error(400, "query_malformed_syntax", "Error parsing query: " + body.path("query").asText(""));
        }
        long start = body.path("start").asLong(base);
        int rows = body.path("rows").asInt(10);
        if (start < base || rows < 1 || rows > CAP || start - base + rows > CAP) {
            return error(400, "invalid_page", "start + rows must not pass " + CAP + " (use _scroll)");
        }
        List<ObjectNode> matching = filter(all, body.path("criteria"), query);
        ObjectNode out = MAPPER.createObjectNode().put("org_key", orgKey).put("num_found", matching.size());
        ArrayNode list = out.putArray("results");
        matching.stream().skip(start - base).limit(rows).forEach(list::add);
        return FakeResponse.json(200, out);
    }

    private FakeResponse scroll(FakeRequest r, List<ObjectNode> all) {
        JsonNode body = r.json();
        SearchQuery query;
        try {
            query = query(body);
        } catch (SearchQuery.MalformedQueryException e) {
            return error(400, "query_malformed_syntax", "Error parsing query: " + body.path("query").asText(""));
        }
        int rows = body.path("rows").asInt(10);
        if (rows < 1 || rows > CAP) {
            return error(400, "invalid_page", "rows must be 1 to " + CAP);
        }
        String after = body.path("search_after").asText("");
        int from = after.isEmpty() ? 0 : Integer.parseInt(after);
        ObjectNode criteria = body.path("criteria").isObject() ? ((ObjectNode) body.get("criteria")).deepCopy()
                : MAPPER.createObjectNode();
        criteria.remove("run_id");
        List<ObjectNode> matching = filter(all, criteria, query);
        int to = Math.min(matching.size(), from + rows);
        ObjectNode out = MAPPER.createObjectNode().put("num_found", matching.size())
                .put("num_remaining", matching.size() - to).put("search_after", to < matching.size() ? String.valueOf(to) : "");
        ArrayNode list = out.putArray("results");
        matching.subList(Math.min(from, to), to).forEach(list::add);
        return FakeResponse.json(200, out);
    }

    private SearchQuery query(JsonNode body) {
        String text = body.path("query").asText("");
        SearchQuery parsed;
        try {
            parsed = SearchQuery.parse(text);
        } catch (SearchQuery.MalformedQueryException e) {
            if (strictness.isEnabled(Rule.QUERY_SYNTAX)) {
                throw e;
            }
            parsed = SearchQuery.parse("");
        }
        return strictness.isEnabled(Rule.QUERY_STRINGS) ? parsed : SearchQuery.parse("");
    }

    private List<ObjectNode> filter(List<ObjectNode> all, JsonNode criteria, SearchQuery query) {
        boolean dotted = strictness.isEnabled(Rule.DOTTED_CRITERIA);
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode row : all) {
            boolean keep = query.matches(row);
            if (keep && criteria != null && criteria.isObject()) {
                for (Map.Entry<String, JsonNode> c : criteria.properties()) {
                    JsonNode actual = dotted ? SearchQuery.resolve(row, c.getKey()) : row.path(c.getKey());
                    boolean any = false;
                    for (JsonNode v : c.getValue().isArray() ? c.getValue() : MAPPER.createArrayNode().add(c.getValue())) {
                        any |= equalsAny(actual, v.asText());
                    }
                    keep &= any;
                }
            }
            if (keep) {
                out.add(row);
            }
        }
        return out;
    }

    private static boolean equalsAny(JsonNode actual, String value) {
        if (actual.isArray()) {
            for (JsonNode a : actual) {
                if (a.isValueNode() && a.asText().equals(value)) {
                    return true;
                }
            }
            return false;
        }
        return actual.isValueNode() && actual.asText().equals(value);
    }

    private FakeResponse createFeed(FakeRequest r) {
        JsonNode body = r.json();
        JsonNode info = body.path("feedinfo");
        for (String f : new String[] {"name", "provider_url", "summary", "category"}) {
            if (info.path(f).asText("").isBlank()) {
                return error(400, "invalid_feed", "feedinfo." + f + " is required");
            }
        }
        String id = newId();
        ObjectNode stored = MAPPER.createObjectNode();
        stored.set("feedinfo", ((ObjectNode) info.deepCopy()).put("id", id).put("owner", orgKey));
        stored.set("reports", body.path("reports").isArray() ? body.get("reports").deepCopy() : MAPPER.createArrayNode());
        feeds.put(id, stored);
        return FakeResponse.json(200, stored.get("feedinfo"));
    }
}
