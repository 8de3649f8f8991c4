package io.secopskit.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLContext;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.Coercing;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A stateful fake of the Taegis XDR Tenants API.
 *
 * <ul>
 *   <li>{@code POST /auth/api/v2/auth/token}: OAuth client credentials (Basic), via {@link #issuer()}.</li>
 *   <li>{@code POST /public/query}: <b>every document is parsed and validated against the Tenants schema</b>
 *       (the SDK's own {@code io/secopskit/taegis/tenants.graphqls} on the classpath, or one given to the
 *       constructor) with graphql-java and executed against in-memory tenants, labels, subscriptions and
 *       SSO connections. Invalid documents get the validation errors in {@code errors}.</li>
 *   <li>Semantics: name filter with {@code %} wildcards, ids, forHierarchies, environment, label,
 *       service/subscription, partnership, time, isPartner and support filters; orderBy/orderDir; page
 *       mode ({@code pageNum} from 1) and cursor mode ({@code cursorPos}); {@code hasMore},
 *       {@code totalCount}; {@code disable} turns every environment off; expiry set and cleared;
 *       SSO operations require {@code X-Tenant-Context}.</li>
 * </ul>
 */
public final class FakeTaegis extends FakeVendor {
    /** The partner tenant that owns created tenants by default. */
    public static final String PARTNER_TENANT_ID = "100000";
    private static final String SCHEMA_RESOURCE = "/io/secopskit/taegis/tenants.graphqls";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final OAuth2TokenIssuer issuer = new OAuth2TokenIssuer(this::clock);
    private final GraphQL graphQL;
    private final Map<String, Map<String, Object>> tenants = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Map<String, Object>> services = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Map<String, Object>> ssoConnections = Collections.synchronizedMap(new LinkedHashMap<>());
    private long nextTenantId = 200_000;

    /** Creates the fake with the schema from the classpath (the sdk-taegis jar); call {@link #start()}. */
    public FakeTaegis() {
        this(loadSchema());
    }

    /**
     * Creates the fake with the given schema SDL; call {@link #start()}.
     *
     * @param schemaSdl the Tenants API schema
     */
    public FakeTaegis(String schemaSdl) {
        this.graphQL = GraphQL.newGraphQL(buildSchema(schemaSdl)).build();
        anonymousRoute("POST", "/auth/api/v2/auth/token", issuer::handle);
        route("POST", "/public/query", this::query);
        Map<String, Object> partner = newTenant(PARTNER_TENANT_ID, "Partner Root", null);
        partner.put("is_partner", true);
        tenants.put(PARTNER_TENANT_ID, partner);
    }

    private static String loadSchema() {
        try (InputStream in = FakeTaegis.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA_RESOURCE + " is not on the classpath: add sdk-taegis, or pass the SDL");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the token issuer (register clients, count tokens). */
    public OAuth2TokenIssuer issuer() {
        return issuer;
    }

    /**
     * Adds {@code count} tenants under the partner, named {@code Tenant 00001} ..., created one minute apart.
     *
     * @param count how many
     * @return their ids, in creation order
     */
    public synchronized List<String> seedTenants(int count) {
        List<String> ids = new ArrayList<>(count);
        Instant start = clock().instant().minusSeconds(60L * count);
        for (int i = 1; i <= count; i++) {
            String id = String.valueOf(nextTenantId++);
            Map<String, Object> t = newTenant(id, String.format("Tenant %05d", i), PARTNER_TENANT_ID);
            t.put("created_at", start.plusSeconds(60L * i).toString());
            t.put("updated_at", t.get("created_at"));
            tenants.put(id, t);
            ids.add(id);
        }
        return ids;
    }

    /**
     * Returns a stored tenant as the fake keeps it, or null.
     *
     * @param id the tenant id
     * @return a copy of the tenant fields
     */
    public Map<String, Object> tenant(String id) {
        Map<String, Object> t = tenants.get(id);
        return t == null ? null : MAPPER.convertValue(t, Map.class);
    }

    /** Returns how many tenants exist, the partner included. */
    public int tenantCount() {
        return tenants.size();
    }

    @Override
    protected FakeResponse authenticate(FakeRequest request) {
        return issuer.isValidAuthorization(request.header("Authorization")) ? null
                : FakeResponse.json(401, "{\"errors\":[{\"message\":\"unauthorized: missing or invalid bearer token\"}]}");
    }

    // ------------------------------------------------------------------ execution

    private FakeResponse query(FakeRequest r) {
        Map<String, Object> body;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> parsed = MAPPER.readValue(r.body(), Map.class);
            body = parsed;
        } catch (IOException e) {
            return FakeResponse.json(400, "{\"errors\":[{\"message\":\"body is not JSON\"}]}");
        }
        Object query = body.get("query");
        if (!(query instanceof String)) {
            return FakeResponse.json(400, "{\"errors\":[{\"message\":\"query is required\"}]}");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> variables = body.get("variables") instanceof Map ? (Map<String, Object>) body.get("variables") : Map.of();
        String tenantContext = r.header("X-Tenant-Context");
        ExecutionInput input = ExecutionInput.newExecutionInput().query((String) query).variables(variables)
                .graphQLContext(b -> {
                    if (tenantContext != null) {
                        b.of("tenantContext", tenantContext);
                    }
                }).build();
        ExecutionResult result = graphQL.execute(input);
        return FakeResponse.json(200, result.toSpecification());
    }

    private GraphQLSchema buildSchema(String sdl) {
        TypeDefinitionRegistry registry = new SchemaParser().parse(sdl);
        GraphQLScalarType time = GraphQLScalarType.newScalar().name("Time").description("RFC 3339 time").coercing(
                new Coercing<Object, Object>() {
                    @Override
                    @SuppressWarnings("deprecation")
                    public Object serialize(Object dataFetcherResult) {
                        return String.valueOf(dataFetcherResult);
                    }

                    @Override
                    @SuppressWarnings("deprecation")
                    public Object parseValue(Object input) {
                        return String.valueOf(input);
                    }

                    @Override
                    @SuppressWarnings("deprecation")
                    public Object parseLiteral(Object input) {
                        return input instanceof graphql.language.StringValue s ? s.getValue() : String.valueOf(input);
                    }
                }).build();
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .scalar(time)
                .type("Query", t -> t
                        .dataFetcher("tenants", this::tenantsQuery)
                        .dataFetcher("getSSOConnection", sso(env -> ssoConnections.get(env.<String>getArgument("id"))))
                        .dataFetcher("SSOConnections", sso(env -> {
                            String ctx = env.getGraphQlContext().get("tenantContext");
                            List<Map<String, Object>> out = new ArrayList<>();
                            synchronized (ssoConnections) {
                                ssoConnections.values().stream().filter(c -> ctx.equals(c.get("tenantID"))).forEach(out::add);
                            }
                            return out;
                        }))
                        .dataFetcher("getSSOConnectionConfig", sso(this::ssoConfig)))
                .type("Mutation", t -> t
                        .dataFetcher("createTenant", this::createTenant)
                        .dataFetcher("updateTenant", this::updateTenant)
                        .dataFetcher("createTenantLabel", this::createLabel)
                        .dataFetcher("updateTenantLabel", this::updateLabel)
                        .dataFetcher("deleteTenantLabel", this::deleteLabel)
                        .dataFetcher("createSubscription", this::createSubscription)
                        .dataFetcher("updateSubscription", this::updateSubscription)
                        .dataFetcher("deleteSubscription", env -> services.remove(env.<String>getArgument("id")))
                        .dataFetcher("assignSubscription", env -> assign(env, true))
                        .dataFetcher("unassignSubscription", env -> assign(env, false))
                        .dataFetcher("enableTenantSupport", env -> setSupport(env, true))
                        .dataFetcher("disableTenantSupport", env -> setSupport(env, false))
                        .dataFetcher("createSSOConnection", sso(this::createSso))
                        .dataFetcher("updateSSOConnection", sso(this::updateSso))
                        .dataFetcher("deleteSSOConnection", sso(env -> ssoConnections.remove(env.<String>getArgument("connectionID")))))
                .build();
        return new SchemaGenerator().makeExecutableSchema(registry, wiring);
    }

    /** Rejects SSO operations without {@code X-Tenant-Context}, as the service does. */
    private static DataFetcher<Object> sso(DataFetcher<Object> inner) {
        return env -> {
            GraphQLContext ctx = env.getGraphQlContext();
            if (!ctx.hasKey("tenantContext")) {
                return DataFetcherResult.newResult().error(GraphqlErrorBuilder.newError(env)
                        .message("X-Tenant-Context header is required for SSO operations").build()).build();
            }
            return inner.get(env);
        };
    }

    private static Object error(DataFetchingEnvironment env, String message) {
        return DataFetcherResult.newResult().error(GraphqlErrorBuilder.newError(env).message(message).build()).build();
    }

    // ------------------------------------------------------------------ tenants

    private Map<String, Object> newTenant(String id, String name, String parent) {
        String now = clock().instant().toString();
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("id", id);
        t.put("name", name);
        t.put("name_normalized", name.toLowerCase(Locale.ROOT));
        t.put("created_at", now);
        t.put("updated_at", now);
        t.put("enabled", true);
        t.put("parent", parent);
        t.put("partner", parent);
        t.put("is_partner", false);
        t.put("is_organization", false);
        t.put("support_enabled", false);
        t.put("enabled_in_production", true);
        t.put("enabled_in_pilot", false);
        t.put("labels", new ArrayList<Map<String, Object>>());
        t.put("environments", new ArrayList<Map<String, Object>>());
        t.put("granted_services", new ArrayList<Map<String, Object>>());
        return t;
    }

    private Object tenantsQuery(DataFetchingEnvironment env) {
        Map<String, Object> q = env.getArgument("tenantsQuery");
        List<Map<String, Object>> matching = new ArrayList<>();
        synchronized (tenants) {
            for (Map<String, Object> t : tenants.values()) {
                if (matches(t, q)) {
                    matching.add(t);
                }
            }
        }
        String orderBy = q.get("orderBy") == null ? "Id" : q.get("orderBy").toString();
        Comparator<Map<String, Object>> cmp = switch (orderBy) {
            case "Name" -> Comparator.comparing(t -> String.valueOf(t.get("name")));
            case "CreatedAt" -> Comparator.comparing(t -> String.valueOf(t.get("created_at")));
            case "UpdatedAt" -> Comparator.comparing(t -> String.valueOf(t.get("updated_at")));
            default -> Comparator.comparing(t -> Long.parseLong(String.valueOf(t.get("id"))));
        };
        matching.sort("desc".equals(String.valueOf(q.get("orderDir"))) ? cmp.reversed() : cmp);
        int max = q.get("maxResults") == null ? 10 : ((Number) q.get("maxResults")).intValue();
        int from;
        if (q.get("cursorPos") != null) {
            String lastId = new String(Base64.getDecoder().decode(q.get("cursorPos").toString()), StandardCharsets.UTF_8)
                    .replaceFirst("^id\\|", "");
            from = 0;
            for (int i = 0; i < matching.size(); i++) {
                if (matching.get(i).get("id").equals(lastId)) {
                    from = i + 1;
                }
            }
        } else {
            int page = q.get("pageNum") == null ? 1 : Math.max(1, ((Number) q.get("pageNum")).intValue());
            from = (page - 1) * max;
        }
        List<Map<String, Object>> page = matching.subList(Math.min(from, matching.size()), Math.min(from + max, matching.size()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("results", new ArrayList<>(page));
        out.put("count", page.size());
        out.put("hasMore", from + page.size() < matching.size());
        out.put("totalCount", matching.size());
        out.put("cursorPos", page.isEmpty() ? null : Base64.getEncoder().encodeToString(
                ("id|" + page.get(page.size() - 1).get("id")).getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static boolean matches(Map<String, Object> t, Map<String, Object> q) {
        List<Predicate<Map<String, Object>>> checks = new ArrayList<>();
        if (q.get("name") != null) {
            Pattern p = Pattern.compile(Pattern.quote(q.get("name").toString()).replace("%", "\\E.*\\Q"), Pattern.CASE_INSENSITIVE);
            checks.add(x -> p.matcher(String.valueOf(x.get("name"))).matches() || x.get("id").equals(q.get("name")));
        }
        if (q.get("ids") != null) {
            checks.add(x -> ((List<Object>) q.get("ids")).contains(x.get("id")));
        }
        if (q.get("forHierarchies") != null) {
            List<Object> h = (List<Object>) q.get("forHierarchies");
            checks.add(x -> h.contains(x.get("id")) || h.contains(x.get("parent")));
        }
        if (q.get("isPartner") != null) {
            checks.add(x -> q.get("isPartner").equals(x.get("is_partner")));
        }
        if (q.get("withSupport") != null) {
            checks.add(x -> q.get("withSupport").equals(x.get("support_enabled")));
        }
        if (q.get("environmentFilter") instanceof Map<?, ?> ef) {
            checks.add(x -> ((List<Map<String, Object>>) x.get("environments")).stream().anyMatch(e ->
                    (ef.get("name") == null || ef.get("name").equals(e.get("name")))
                            && (ef.get("enabled") == null || ef.get("enabled").equals(e.get("enabled")))));
        }
        if (q.get("labelFilter") instanceof Map<?, ?> lf) {
            checks.add(x -> ((List<Map<String, Object>>) x.get("labels")).stream().anyMatch(l ->
                    (lf.get("label_name") == null || lf.get("label_name").equals(l.get("name")))
                            && (lf.get("label_value") == null || lf.get("label_value").equals(l.get("value")))));
        }
        List<Object> serviceNames = new ArrayList<>();
        for (String key : new String[] {"withService", "withPartnerSubscription"}) {
            if (q.get(key) != null) {
                serviceNames.add(q.get(key));
            }
        }
        for (String key : new String[] {"withServices", "withPartnerSubscriptions"}) {
            if (q.get(key) != null) {
                serviceNames.addAll((List<Object>) q.get(key));
            }
        }
        if (q.get("partnership") instanceof Map<?, ?> pf && pf.get("withSubscription") != null) {
            serviceNames.add(pf.get("withSubscription"));
        }
        for (Object name : serviceNames) {
            Pattern p = Pattern.compile(Pattern.quote(name.toString()).replace("%", "\\E.*\\Q"), Pattern.CASE_INSENSITIVE);
            checks.add(x -> ((List<Map<String, Object>>) x.get("granted_services")).stream()
                    .anyMatch(s -> p.matcher(String.valueOf(s.get("name"))).matches()));
        }
        for (String[] f : new String[][] {{"createdTimeFilter", "created_at"}, {"modifiedTimeFilter", "updated_at"}}) {
            if (q.get(f[0]) instanceof Map<?, ?> tf) {
                checks.add(x -> {
                    Instant at = Instant.parse(String.valueOf(x.get(f[1])));
                    return (tf.get("startTime") == null || !at.isBefore(Instant.parse(tf.get("startTime").toString())))
                            && (tf.get("endTime") == null || !at.isAfter(Instant.parse(tf.get("endTime").toString())));
                });
            }
        }
        return checks.stream().allMatch(c -> c.test(t));
    }

    @SuppressWarnings("unchecked")
    private synchronized Object createTenant(DataFetchingEnvironment env) {
        Map<String, Object> in = env.getArgument("newTenant");
        if (in.get("name") == null || in.get("name").toString().isBlank()) {
            return error(env, "newTenant.name is required");
        }
        String parent = in.get("parentTenantID") != null ? in.get("parentTenantID").toString()
                : in.get("partnerTenantID") != null ? in.get("partnerTenantID").toString() : PARTNER_TENANT_ID;
        if (!tenants.containsKey(parent)) {
            return error(env, "parent tenant " + parent + " not found or not accessible");
        }
        String id = String.valueOf(nextTenantId++);
        Map<String, Object> t = newTenant(id, in.get("name").toString(), parent);
        t.put("is_partner", Boolean.TRUE.equals(in.get("isPartner")));
        t.put("expires_at", in.get("expiresAt"));
        for (Object env0 : (List<Object>) in.getOrDefault("environments", List.of())) {
            ((List<Map<String, Object>>) t.get("environments")).add(environment(id, env0.toString(), true));
        }
        for (Object l : (List<Object>) in.getOrDefault("labels", List.of())) {
            ((List<Map<String, Object>>) t.get("labels")).add(label(id, (Map<String, Object>) l));
        }
        tenants.put(id, t);
        return t;
    }

    private Map<String, Object> environment(String tenantId, String name, boolean enabled) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", UUID.randomUUID().toString());
        e.put("tenant_id", tenantId);
        e.put("name", name);
        e.put("enabled", enabled);
        e.put("created_at", clock().instant().toString());
        e.put("updated_at", clock().instant().toString());
        return e;
    }

    private static Map<String, Object> label(String tenantId, Map<String, Object> in) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("id", UUID.randomUUID().toString());
        l.put("tenant_id", tenantId);
        l.put("name", in.get("name"));
        l.put("value", in.get("value"));
        l.put("owner_partner_tenant_id", in.get("owner_partner_tenant_id"));
        return l;
    }

    @SuppressWarnings("unchecked")
    private synchronized Object updateTenant(DataFetchingEnvironment env) {
        Map<String, Object> t = tenants.get(env.<String>getArgument("tenantID"));
        if (t == null) {
            return null;
        }
        Map<String, Object> in = env.getArgument("tenantUpdate");
        if (in.get("name") != null) {
            t.put("name", in.get("name"));
            t.put("name_normalized", in.get("name").toString().toLowerCase(Locale.ROOT));
        }
        if (Boolean.TRUE.equals(in.get("disable"))) {
            t.put("enabled", false);
            t.put("enabled_in_production", false);
            t.put("enabled_in_pilot", false);
            ((List<Map<String, Object>>) t.get("environments")).forEach(e -> e.put("enabled", false));
        }
        if (in.get("expiresAt") != null) {
            t.put("expires_at", in.get("expiresAt"));
        }
        if (Boolean.TRUE.equals(in.get("clearExpiration"))) {
            t.put("expires_at", null);
        }
        if (in.get("dataRetentionMonths") != null) {
            t.put("data_retention_months", in.get("dataRetentionMonths"));
        }
        for (Object o : (List<Object>) in.getOrDefault("environments", List.of())) {
            Map<String, Object> change = (Map<String, Object>) o;
            List<Map<String, Object>> envs = (List<Map<String, Object>>) t.get("environments");
            Map<String, Object> existing = envs.stream().filter(e -> e.get("name").equals(change.get("name").toString()))
                    .findFirst().orElse(null);
            boolean enabled = !Boolean.FALSE.equals(change.get("enabled"));
            if (existing == null) {
                envs.add(environment(t.get("id").toString(), change.get("name").toString(), enabled));
            } else {
                existing.put("enabled", enabled);
            }
        }
        t.put("updated_at", clock().instant().toString());
        return t;
    }

    @SuppressWarnings("unchecked")
    private synchronized Object createLabel(DataFetchingEnvironment env) {
        Map<String, Object> t = tenants.get(env.<String>getArgument("tenant_id"));
        if (t == null) {
            return error(env, "tenant not found");
        }
        Map<String, Object> l = label(t.get("id").toString(), env.getArgument("label_input"));
        ((List<Map<String, Object>>) t.get("labels")).add(l);
        return l;
    }

    @SuppressWarnings("unchecked")
    private synchronized Object updateLabel(DataFetchingEnvironment env) {
        Map<String, Object> t = tenants.get(env.<String>getArgument("tenant_id"));
        if (t == null) {
            return error(env, "tenant not found");
        }
        Map<String, Object> in = env.getArgument("label_input");
        for (Map<String, Object> l : (List<Map<String, Object>>) t.get("labels")) {
            if (l.get("id").equals(env.getArgument("label_id"))) {
                l.put("name", in.get("name"));
                l.put("value", in.get("value"));
                return l;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private synchronized Object deleteLabel(DataFetchingEnvironment env) {
        Map<String, Object> t = tenants.get(env.<String>getArgument("tenant_id"));
        if (t == null) {
            return error(env, "tenant not found");
        }
        List<Map<String, Object>> labels = (List<Map<String, Object>>) t.get("labels");
        for (Map<String, Object> l : labels) {
            if (l.get("id").equals(env.getArgument("label_id"))) {
                labels.remove(l);
                return l;
            }
        }
        return null;
    }

    private synchronized Object createSubscription(DataFetchingEnvironment env) {
        Map<String, Object> in = env.getArgument("input");
        Map<String, Object> s = new LinkedHashMap<>(in);
        s.put("id", UUID.randomUUID().toString());
        s.putIfAbsent("owner_tenant_id", PARTNER_TENANT_ID);
        s.put("created_at", clock().instant().toString());
        s.put("updated_at", clock().instant().toString());
        services.put(s.get("id").toString(), s);
        return s;
    }

    private synchronized Object updateSubscription(DataFetchingEnvironment env) {
        Map<String, Object> in = env.getArgument("input");
        Map<String, Object> s = services.get(String.valueOf(in.get("id")));
        if (s == null) {
            return null;
        }
        in.forEach((k, v) -> {
            if (v != null && !k.equals("id")) {
                s.put(k, v instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList()) : v);
            }
        });
        s.put("updated_at", clock().instant().toString());
        return s;
    }

    @SuppressWarnings("unchecked")
    private synchronized Object assign(DataFetchingEnvironment env, boolean assign) {
        Map<String, Object> t = tenants.get(env.<String>getArgument("tenant_id"));
        Map<String, Object> s = services.get(env.<String>getArgument("subscription_id"));
        if (t == null || s == null) {
            return error(env, "tenant or subscription not found");
        }
        List<Map<String, Object>> granted = (List<Map<String, Object>>) t.get("granted_services");
        granted.removeIf(g -> g.get("service_id").equals(s.get("id")));
        if (assign) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("id", UUID.randomUUID().toString());
            g.put("service_id", s.get("id"));
            g.put("name", s.get("name"));
            g.put("description", s.get("description"));
            g.put("granted_at", clock().instant().toString());
            granted.add(g);
        }
        return t;
    }

    private synchronized Object setSupport(DataFetchingEnvironment env, boolean enabled) {
        Map<String, Object> t = tenants.get(env.<String>getArgument("tenantID"));
        if (t != null) {
            t.put("support_enabled", enabled);
        }
        return t;
    }

    // ------------------------------------------------------------------ SSO

    @SuppressWarnings("unchecked")
    private synchronized Object createSso(DataFetchingEnvironment env) {
        Map<String, Object> in = env.getArgument("newConnection");
        Map<String, Object> c = new LinkedHashMap<>();
        String id = UUID.randomUUID().toString();
        c.put("id", id);
        c.put("name", in.get("name"));
        c.put("tenantID", env.getGraphQlContext().get("tenantContext"));
        c.put("domains", new ArrayList<>((List<Object>) in.getOrDefault("domains", List.of())));
        c.put("testers", new ArrayList<>((List<Object>) in.getOrDefault("testers", List.of())));
        c.put("type", in.getOrDefault("type", "saml"));
        c.put("status", "Draft");
        c.put("environment", "production");
        c.put("createdAt", clock().instant().toString());
        c.put("updatedAt", clock().instant().toString());
        c.put("ssoConnectionParameters", Map.of("postBackURL", "https://auth.taegis.example/login/callback?connection=" + id,
                "entityID", "urn:taegis:" + id));
        ssoConnections.put(id, c);
        return c;
    }

    @SuppressWarnings("unchecked")
    private synchronized Object updateSso(DataFetchingEnvironment env) {
        Map<String, Object> in = env.getArgument("updatedConnection");
        Map<String, Object> c = ssoConnections.get(String.valueOf(in.get("id")));
        if (c == null || !c.get("tenantID").equals(env.getGraphQlContext().get("tenantContext"))) {
            return error(env, "SSO connection not found in this tenant");
        }
        if (in.get("name") != null) {
            c.put("name", in.get("name"));
        }
        if (in.get("status") != null) {
            c.put("status", in.get("status").toString());
        }
        for (String[] f : new String[][] {{"addDomains", "removeDomains", "domains"}, {"addTesters", "removeTesters", "testers"}}) {
            List<Object> list = (List<Object>) c.get(f[2]);
            ((List<Object>) in.getOrDefault(f[0], List.of())).forEach(v -> {
                if (!list.contains(v)) {
                    list.add(v);
                }
            });
            list.removeAll((List<Object>) in.getOrDefault(f[1], List.of()));
        }
        c.put("updatedAt", clock().instant().toString());
        return c;
    }

    private Object ssoConfig(DataFetchingEnvironment env) {
        String url = env.getArgument("metadataURL");
        String xml = env.getArgument("metadataXML");
        String cert = env.getArgument("cert");
        if ((url == null ? 0 : 1) + (xml == null ? 0 : 1) + (cert == null ? 0 : 1) != 1) {
            return error(env, "exactly one of metadataURL, metadataXML or cert is required");
        }
        Map<String, Object> saml = new LinkedHashMap<>();
        saml.put("metadataURL", url);
        saml.put("signInEndpoint", "https://idp.example/sso/saml");
        saml.put("signingCert", cert == null ? "MIIC-fake-cert" : cert);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("issuer", "https://idp.example/");
        out.put("subject", "CN=idp.example");
        out.put("expiresAt", clock().instant().plusSeconds(365L * 86400).toString());
        out.put("notBefore", clock().instant().toString());
        out.put("ssoConnectionConfiguration", Map.of("samlConnectionConfiguration", saml));
        return out;
    }
}
