package io.secopskit.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLContext;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
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
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A stateful fake of the Taegis XDR Tenants API, as strict as its document
 * ({@code taegis-xdr-tenants-api.ja.txt}).
 *
 * <ul>
 *   <li>{@code POST /auth/api/v2/auth/token}: OAuth client credentials (Basic), via {@link #issuer()}. Access
 *       tokens are JWTs whose {@code exp} is the only expiry the answer gives (no {@code expires_in}), so a
 *       client must read the JWT, as the vendor's own client does.</li>
 *   <li>{@code POST /public/query}: <b>every document is parsed and validated against the Tenants schema</b>
 *       (the SDK's own {@code io/secopskit/taegis/tenants.graphqls} on the classpath, or one given to the
 *       constructor) with graphql-java and executed against in-memory tenants, labels, subscriptions and
 *       SSO connections. Invalid documents get the validation errors in {@code errors}.</li>
 *   <li>Authorization as the document states it: each client acts as a {@link Principal} — by default the
 *       TenantAdmin of {@link #PARTNER_TENANT_ID}, or what {@link #client(String, String, Principal)} gives it
 *       (a {@code Tenant:read} client of one tenant, a Secureworks user ...). Queries return only what the
 *       principal may read; mutations need update or create rights.</li>
 *   <li>Semantics: name filter with {@code %} wildcards, ids, forHierarchies, environment, label,
 *       service/subscription, partnership, time, isPartner and support filters; orderBy/orderDir; page
 *       mode ({@code pageNum} from 1) and cursor mode ({@code cursorPos}, bound to the sort); {@code hasMore},
 *       {@code totalCount}; a tenant is enabled exactly when one of its environments is; expiry set, cleared
 *       and enforced; labels with owners, restricted labels; subscriptions; SSO connections inside the
 *       {@code X-Tenant-Context} tenant, moving to Testing once configured. The deprecated {@code Tenant.services}
 *       lists the assigned subscriptions as {@code Service}s (as {@code all_services} lists them as grants); a
 *       mutation on a label or subscription that does not exist answers a GraphQL error, never a bare null.</li>
 * </ul>
 * Every documented rule is a {@link Rule}, on by default; {@link #strictness()} switches single rules off.
 */
public final class FakeTaegis extends FakeVendor {
    /** The partner tenant that owns created tenants by default. */
    public static final String PARTNER_TENANT_ID = "100000";
    /** The environment a tenant is enabled in when it is created without one (the document: at least one, L220). */
    public static final String DEFAULT_ENVIRONMENT = "charlie";
    /** How long after its expiry a tenant is disabled (the document: 60 days, L252; counted from the expiry). */
    public static final Duration EXPIRY_GRACE = Duration.ofDays(60);

    /** The rules this fake enforces, cited by line of {@code taegis-xdr-tenants-api.ja.txt}. */
    public enum Rule implements DocumentedRule {
        /** Reads are limited to what the token may see. */
        READ_SCOPE("L16-18",
                "tenants and SSO queries return only tenants the principal may read: a Tenant:read client its own tenant "
                        + "and the tenants it is the partner/parent of; a TenantAdmin its whole hierarchy; Secureworks "
                        + "partner tenants and tenants with support enabled; mutations on other tenants see 'not found'"),
        /** Mutations need update or create rights. */
        MUTATION_RIGHTS("L19-20",
                "mutations need Tenant:update (Tenant:create for createTenant) on a tenant the client is related to, or "
                        + "the TenantAdmin role of a partner, which covers every tenant of its hierarchy"),
        /** Children only under partners the caller administers. */
        CREATE_UNDER_ACCESSIBLE_PARENT("L188, L203",
                "createTenant under a parent the caller cannot access as TenantAdmin (or with Tenant:create on it) fails"),
        /** No new partners. */
        NO_PARTNER_CREATION("L189", "createTenant with isPartner: true fails unless the caller is Secureworks"),
        /** Label owners. */
        LABEL_OWNER_IS_PARENT("L203", "a label's owner_partner_tenant_id can only be the tenant's parent"),
        /** Label audience. */
        LABEL_AUDIENCE("L203", "a label with an owner is shown only to tokens that can read the owner tenant"),
        /** Restricted labels. */
        RESTRICTED_LABELS("L278-279", "restricted labels (seedRestrictedLabel) refuse update and delete"),
        /** Enabled exactly when an environment is. */
        ENABLED_IFF_ENVIRONMENT("L220, L235-237",
                "a tenant is enabled exactly when one of its environments is; a new tenant is enabled in at least one "
                        + "(DEFAULT_ENVIRONMENT when none is given); disable: true turns every environment off"),
        /** Expired tenants are disabled. */
        EXPIRY_AUTODISABLE("L252",
                "a tenant whose expires_at passed 60 days ago on the fake's clock is disabled (the document does not say "
                        + "where the 60 days start; counting from the expiry is an assumption)"),
        /** Assigned subscriptions cannot be deleted. */
        SUBSCRIPTION_DELETE_UNASSIGNED("L297", "deleteSubscription of a subscription assigned to a tenant fails"),
        /** Cursors belong to one sort order. */
        CURSOR_BOUND_TO_SORT("L148",
                "a cursorPos issued under one orderBy/orderDir fails under another; the cursor depends on the sort"),
        /** Time values. */
        TIME_FORMAT("L25-29 (format of the examples) + [inference] RFC 3339",
                "Time arguments must be RFC 3339 date-times with an offset (2022-03-23T15:15:37Z)"),
        /** SSO inside the tenant context. */
        SSO_TENANT_CONTEXT("L344, L368, L389, L411, L432 (X-Tenant-Context)",
                "SSO operations need X-Tenant-Context, act only on connections of that tenant, and need rights on it"),
        /** SSO creation fields. */
        SSO_CREATE_REQUIRED("L349", "createSSOConnection requires name, type saml and at least one domain"),
        /** SSO configuration completeness. */
        SSO_CONFIG_COMPLETE("L376, L393, L415",
                "a SAML configuration needs metadataURL (or metadataXML), or signingCert with signInEndpoint"),
        /** Configured connections move to Testing. */
        SSO_CONFIGURED_TESTING("L376, L395", "a connection whose configuration is completed moves to status Testing"),
        /** SSO status values. */
        SSO_STATUS_VALUES("L415", "updateSSOConnection's status is Enabled, Disabled or Testing (not Draft)");

        private final String source;
        private final String summary;

        Rule(String source, String summary) {
            this.source = "taegis-xdr-tenants-api.ja.txt " + source;
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
     * Who a client acts as. Immutable.
     */
    public static final class Principal {
        /** The document's permissions (L16-19). */
        public enum Permission {
            /** {@code Tenant:read}. */
            TENANT_READ,
            /** {@code Tenant:update}. */
            TENANT_UPDATE,
            /** {@code Tenant:create}. */
            TENANT_CREATE
        }

        private final String homeTenant;
        private final Set<Permission> permissions;
        private final boolean tenantAdmin;
        private final boolean secureworks;

        private Principal(String homeTenant, Set<Permission> permissions, boolean tenantAdmin, boolean secureworks) {
            this.homeTenant = homeTenant;
            this.permissions = permissions;
            this.tenantAdmin = tenantAdmin;
            this.secureworks = secureworks;
        }

        /**
         * The TenantAdmin of a partner (parent) tenant: reads and updates every tenant of its hierarchy and
         * creates children under it (L19-20, L203).
         *
         * @param tenantId the partner tenant
         * @return the principal
         */
        public static Principal tenantAdmin(String tenantId) {
            return new Principal(Objects.requireNonNull(tenantId, "tenantId"),
                    Collections.unmodifiableSet(EnumSet.allOf(Permission.class)), true, false);
        }

        /**
         * A client of one tenant with the given permissions, which reach that tenant and the tenants it is the
         * partner/parent of (L16-19).
         *
         * @param tenantId    the client's own tenant
         * @param permissions its permissions
         * @return the principal
         */
        public static Principal withPermissions(String tenantId, Permission... permissions) {
            EnumSet<Permission> set = EnumSet.noneOf(Permission.class);
            set.addAll(List.of(permissions));
            return new Principal(Objects.requireNonNull(tenantId, "tenantId"), Collections.unmodifiableSet(set), false, false);
        }

        /**
         * A Secureworks user with the role to create partners: reads and updates partner tenants and tenants
         * with support enabled (L18, L189).
         *
         * @return the principal
         */
        public static Principal secureworks() {
            return new Principal(null, Collections.unmodifiableSet(EnumSet.allOf(Permission.class)), false, true);
        }

        /** Returns the client's own tenant (null for Secureworks). */
        public String homeTenant() {
            return homeTenant;
        }

        /** Returns the permissions. */
        public Set<Permission> permissions() {
            return permissions;
        }

        /** Returns whether this is a partner's TenantAdmin. */
        public boolean isTenantAdmin() {
            return tenantAdmin;
        }

        /** Returns whether this is a Secureworks user. */
        public boolean isSecureworks() {
            return secureworks;
        }

        @Override
        public String toString() {
            return secureworks ? "Principal{secureworks}" : "Principal{tenant=" + homeTenant
                    + (tenantAdmin ? ", TenantAdmin" : ", " + permissions) + "}";
        }
    }

    private static final String SCHEMA_RESOURCE = "/io/secopskit/taegis/tenants.graphqls";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String PRINCIPAL = "principal";
    private static final String TENANT_CONTEXT = "tenantContext";

    private final OAuth2TokenIssuer issuer = new OAuth2TokenIssuer(this::clock).jwt(true).expiresIn(false);
    private final Strictness<Rule> strictness = new Strictness<>(Rule.class);
    private final Map<String, Principal> principals = new ConcurrentHashMap<>();
    private final GraphQL graphQL;
    private final Map<String, Map<String, Object>> tenants = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Map<String, Object>> services = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Map<String, Object>> ssoConnections = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Set<String> restrictedLabels = ConcurrentHashMap.newKeySet();
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

    /**
     * Returns the token issuer. Clients registered there directly act as the TenantAdmin of
     * {@link #PARTNER_TENANT_ID}; use {@link #client(String, String, Principal)} for anything else.
     */
    public OAuth2TokenIssuer issuer() {
        return issuer;
    }

    /** Returns which documented rules are enforced (all by default). */
    public Strictness<Rule> strictness() {
        return strictness;
    }

    /**
     * Registers an OAuth client that acts as {@code principal}.
     *
     * @param clientId     the client id
     * @param clientSecret the client secret
     * @param principal    who the client is
     * @return this fake
     */
    public FakeTaegis client(String clientId, String clientSecret, Principal principal) {
        issuer.client(clientId, clientSecret);
        principals.put(clientId, Objects.requireNonNull(principal, "principal"));
        return this;
    }

    /**
     * Adds {@code count} tenants under the partner, named {@code Tenant 00001} ..., created one minute apart.
     *
     * @param count how many
     * @return their ids, in creation order
     */
    public List<String> seedTenants(int count) {
        return seedTenants(count, PARTNER_TENANT_ID);
    }

    /**
     * Adds {@code count} tenants under a parent, named {@code Tenant 00001} ..., created one minute apart, each
     * enabled in {@link #DEFAULT_ENVIRONMENT}.
     *
     * @param count    how many
     * @param parentId the parent tenant (it must exist)
     * @return their ids, in creation order
     */
    public synchronized List<String> seedTenants(int count, String parentId) {
        if (!tenants.containsKey(parentId)) {
            throw new IllegalArgumentException("no tenant " + parentId);
        }
        List<String> ids = new ArrayList<>(count);
        Instant start = clock().instant().minusSeconds(60L * count);
        for (int i = 1; i <= count; i++) {
            String id = String.valueOf(nextTenantId++);
            Map<String, Object> t = newTenant(id, String.format("Tenant %05d", i), parentId);
            t.put("created_at", start.plusSeconds(60L * i).toString());
            t.put("updated_at", t.get("created_at"));
            tenants.put(id, t);
            ids.add(id);
        }
        return ids;
    }

    /**
     * Adds a partner tenant (is_partner) under a parent, as Secureworks would.
     *
     * @param name     the name
     * @param parentId the parent, or null for a top-level partner
     * @return its id
     */
    public synchronized String seedPartner(String name, String parentId) {
        String id = String.valueOf(nextTenantId++);
        Map<String, Object> t = newTenant(id, name, parentId);
        t.put("is_partner", true);
        tenants.put(id, t);
        return id;
    }

    /**
     * Adds a restricted label to a tenant, as Secureworks sets them: {@code updateTenantLabel} and
     * {@code deleteTenantLabel} refuse it (L279).
     *
     * @param tenantId the tenant
     * @param name     label name
     * @param value    label value
     * @return the label id
     */
    @SuppressWarnings("unchecked")
    public synchronized String seedRestrictedLabel(String tenantId, String name, String value) {
        Map<String, Object> t = tenants.get(tenantId);
        if (t == null) {
            throw new IllegalArgumentException("no tenant " + tenantId);
        }
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("name", name);
        in.put("value", value);
        Map<String, Object> l = label(tenantId, in);
        ((List<Map<String, Object>>) t.get("labels")).add(l);
        restrictedLabels.add(l.get("id").toString());
        return l.get("id").toString();
    }

    /**
     * Returns a stored tenant as a TenantAdmin of everything sees it, or null.
     *
     * @param id the tenant id
     * @return a copy of the tenant fields ({@code enabled} as the rules compute it)
     */
    @SuppressWarnings("unchecked")
    public synchronized Map<String, Object> tenant(String id) {
        applyExpiry();
        Map<String, Object> t = tenants.get(id);
        return t == null ? null : MAPPER.convertValue(view(t, null), Map.class);
    }

    /** Returns how many tenants exist, the partner included. */
    public int tenantCount() {
        return tenants.size();
    }

    /**
     * Returns a stored SSO connection, or null.
     *
     * @param id the connection id
     * @return a copy of its fields
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> ssoConnection(String id) {
        Map<String, Object> c = ssoConnections.get(id);
        return c == null ? null : MAPPER.convertValue(c, Map.class);
    }

    @Override
    protected FakeResponse authenticate(FakeRequest request) {
        return issuer.isValidAuthorization(request.header("Authorization")) ? null
                : FakeResponse.json(401, "{\"errors\":[{\"message\":\"unauthorized: missing or invalid bearer token\"}]}");
    }

    private boolean on(Rule rule) {
        return strictness.isEnabled(rule);
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
        String clientId = issuer.clientIdOf(r.header("Authorization"));
        Principal principal = principals.getOrDefault(clientId, Principal.tenantAdmin(PARTNER_TENANT_ID));
        synchronized (this) {
            applyExpiry();
        }
        ExecutionInput input = ExecutionInput.newExecutionInput().query((String) query).variables(variables)
                .graphQLContext(b -> {
                    b.of(PRINCIPAL, principal);
                    if (tenantContext != null) {
                        b.of(TENANT_CONTEXT, tenantContext.trim());
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
                        String s = String.valueOf(input);
                        if (on(Rule.TIME_FORMAT) && !isRfc3339(s)) {
                            throw new CoercingParseValueException("Time must be an RFC 3339 date-time with an offset, "
                                    + "for example 2022-03-23T15:15:37Z (was '" + s + "')");
                        }
                        return s;
                    }

                    @Override
                    @SuppressWarnings("deprecation")
                    public Object parseLiteral(Object input) {
                        String s = input instanceof graphql.language.StringValue v ? v.getValue() : String.valueOf(input);
                        if (on(Rule.TIME_FORMAT) && !isRfc3339(s)) {
                            throw new CoercingParseLiteralException("Time must be an RFC 3339 date-time with an offset, "
                                    + "for example 2022-03-23T15:15:37Z (was '" + s + "')");
                        }
                        return s;
                    }
                }).build();
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .scalar(time)
                .type("Query", t -> t
                        .dataFetcher("tenants", this::tenantsQuery)
                        .dataFetcher("getSSOConnection", sso(false, this::getSso))
                        .dataFetcher("SSOConnections", sso(false, this::listSso))
                        .dataFetcher("getSSOConnectionConfig", sso(false, this::ssoConfig)))
                .type("Tenant", t -> t
                        .dataFetcher("partnership", env -> partnership(env.getSource(), principal(env))))
                .type("Mutation", t -> t
                        .dataFetcher("createTenant", this::createTenant)
                        .dataFetcher("updateTenant", this::updateTenant)
                        .dataFetcher("createTenantLabel", this::createLabel)
                        .dataFetcher("updateTenantLabel", this::updateLabel)
                        .dataFetcher("deleteTenantLabel", this::deleteLabel)
                        .dataFetcher("createSubscription", this::createSubscription)
                        .dataFetcher("updateSubscription", this::updateSubscription)
                        .dataFetcher("deleteSubscription", this::deleteSubscription)
                        .dataFetcher("assignSubscription", env -> assign(env, true))
                        .dataFetcher("unassignSubscription", env -> assign(env, false))
                        .dataFetcher("enableTenantSupport", env -> setSupport(env, true))
                        .dataFetcher("disableTenantSupport", env -> setSupport(env, false))
                        .dataFetcher("createSSOConnection", sso(true, this::createSso))
                        .dataFetcher("updateSSOConnection", sso(true, this::updateSso))
                        .dataFetcher("deleteSSOConnection", sso(true, this::deleteSso)))
                .build();
        return new SchemaGenerator().makeExecutableSchema(registry, wiring);
    }

    private static boolean isRfc3339(String s) {
        try {
            OffsetDateTime.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static Object error(DataFetchingEnvironment env, String message) {
        return DataFetcherResult.newResult().error(GraphqlErrorBuilder.newError(env).message(message).build()).build();
    }

    private static Principal principal(DataFetchingEnvironment env) {
        return env.getGraphQlContext().get(PRINCIPAL);
    }

    // ------------------------------------------------------------------ authorization

    private Map<String, Object> parentOf(Map<String, Object> t) {
        Object p = t.get("parent");
        return p == null ? null : tenants.get(p.toString());
    }

    /** The tenant itself or any ancestor is {@code id}. */
    private boolean inHierarchyOf(Map<String, Object> t, String id) {
        Map<String, Object> cur = t;
        int guard = 0;
        while (cur != null && guard++ < 10_000) {
            if (id.equals(cur.get("id"))) {
                return true;
            }
            cur = parentOf(cur);
        }
        return false;
    }

    /** The tenant itself or its direct partner/parent is {@code id}. */
    private static boolean related(Map<String, Object> t, String id) {
        return id.equals(t.get("id")) || id.equals(t.get("parent"));
    }

    private boolean secureworksReach(Map<String, Object> t) {
        return Boolean.TRUE.equals(t.get("is_partner")) || Boolean.TRUE.equals(t.get("support_enabled"));
    }

    private boolean canRead(Principal p, Map<String, Object> t) {
        if (p == null || !on(Rule.READ_SCOPE)) {
            return true;
        }
        if (p.isSecureworks()) {
            return secureworksReach(t);
        }
        if (p.isTenantAdmin()) {
            return inHierarchyOf(t, p.homeTenant());
        }
        return p.permissions().contains(Principal.Permission.TENANT_READ) && related(t, p.homeTenant());
    }

    private boolean canUpdate(Principal p, Map<String, Object> t) {
        if (p == null || !on(Rule.MUTATION_RIGHTS)) {
            return true;
        }
        if (p.isSecureworks()) {
            return secureworksReach(t);
        }
        if (p.isTenantAdmin()) {
            return inHierarchyOf(t, p.homeTenant());
        }
        return p.permissions().contains(Principal.Permission.TENANT_UPDATE) && related(t, p.homeTenant());
    }

    /**
     * Finds a tenant the principal may change: null and an error when it may not see it (as if it did not
     * exist) or may not change it.
     */
    private Map<String, Object> writable(DataFetchingEnvironment env, String id, List<Object> errors) {
        Principal p = principal(env);
        Map<String, Object> t = id == null ? null : tenants.get(id);
        if (t == null || !canRead(p, t) && !canUpdate(p, t)) {
            errors.add(error(env, "tenant " + id + " not found or not accessible"));
            return null;
        }
        if (!canUpdate(p, t)) {
            errors.add(error(env, "permission denied: Tenant:update is required on tenant " + id));
            return null;
        }
        return t;
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
        List<Map<String, Object>> envs = new ArrayList<>();
        envs.add(environment(id, DEFAULT_ENVIRONMENT, true));
        t.put("environments", envs);
        t.put("granted_services", new ArrayList<Map<String, Object>>());
        return t;
    }

    /** The labels of a tenant a principal may see (L203: the owner limits the audience). */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> visibleLabels(Map<String, Object> t, Principal p) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> l : (List<Map<String, Object>>) t.get("labels")) {
            Object owner = l.get("owner_partner_tenant_id");
            Map<String, Object> ownerTenant = owner == null ? null : tenants.get(owner.toString());
            if (owner == null || !on(Rule.LABEL_AUDIENCE) || ownerTenant != null && canRead(p, ownerTenant)) {
                out.add(l);
            }
        }
        return out;
    }

    /** What a principal sees of a tenant: labels filtered by audience, derived fields computed. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> view(Map<String, Object> t, Principal p) {
        Map<String, Object> v = new LinkedHashMap<>(t);
        List<Map<String, Object>> labels = new ArrayList<>();
        for (Map<String, Object> l : visibleLabels(t, p)) {
            labels.add(new LinkedHashMap<>(l));
        }
        v.put("labels", labels);
        List<Map<String, Object>> envs = new ArrayList<>();
        for (Map<String, Object> e : (List<Map<String, Object>>) t.get("environments")) {
            envs.add(new LinkedHashMap<>(e));
        }
        v.put("environments", envs);
        if (on(Rule.ENABLED_IFF_ENVIRONMENT)) {
            v.put("enabled", envs.stream().anyMatch(e -> Boolean.TRUE.equals(e.get("enabled"))));
            v.put("enabled_in_pilot", envs.stream().anyMatch(e -> Boolean.TRUE.equals(e.get("enabled"))
                    && e.get("name").toString().startsWith("pilot")));
            v.put("enabled_in_production", envs.stream().anyMatch(e -> Boolean.TRUE.equals(e.get("enabled"))
                    && !e.get("name").toString().startsWith("pilot")));
        }
        List<Map<String, Object>> granted = new ArrayList<>();
        for (Map<String, Object> g : (List<Map<String, Object>>) t.get("granted_services")) {
            granted.add(new LinkedHashMap<>(g));
        }
        v.put("granted_services", granted);
        v.put("all_services", granted);
        List<Map<String, Object>> assigned = new ArrayList<>();
        for (Map<String, Object> g : granted) {
            Map<String, Object> service = services.get(String.valueOf(g.get("service_id")));
            if (service != null) {
                assigned.add(new LinkedHashMap<>(service));
            }
        }
        v.put("services", assigned);
        return v;
    }

    /** {@code Tenant.partnership}, computed only when a document selects it. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> partnership(Map<String, Object> v, Principal p) {
        List<String> children = new ArrayList<>();
        synchronized (tenants) {
            for (Map<String, Object> c : tenants.values()) {
                if (v.get("id").equals(c.get("parent")) && canRead(p, c)) {
                    children.add(c.get("id").toString());
                }
            }
        }
        Map<String, Object> partnership = new LinkedHashMap<>();
        partnership.put("parent", v.get("parent"));
        partnership.put("is_partner", v.get("is_partner"));
        partnership.put("child_tenants", children);
        List<Map<String, Object>> subscriptions = new ArrayList<>();
        for (Map<String, Object> g : (List<Map<String, Object>>) v.get("granted_services")) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", g.get("id"));
            s.put("service_id", g.get("service_id"));
            s.put("name", g.get("name"));
            s.put("description", g.get("description"));
            s.put("created_at", g.get("granted_at"));
            s.put("updated_at", g.get("granted_at"));
            subscriptions.add(s);
        }
        partnership.put("subscriptions", subscriptions);
        return partnership;
    }

    @SuppressWarnings("unchecked")
    private void applyExpiry() {
        if (!on(Rule.EXPIRY_AUTODISABLE)) {
            return;
        }
        Instant now = clock().instant();
        synchronized (tenants) {
            for (Map<String, Object> t : tenants.values()) {
                Object expires = t.get("expires_at");
                if (expires == null) {
                    continue;
                }
                Instant at;
                try {
                    at = OffsetDateTime.parse(expires.toString()).toInstant();
                } catch (DateTimeParseException e) {
                    continue;
                }
                if (!now.isBefore(at.plus(EXPIRY_GRACE))) {
                    boolean changed = Boolean.TRUE.equals(t.get("enabled"));
                    for (Map<String, Object> e : (List<Map<String, Object>>) t.get("environments")) {
                        changed |= Boolean.TRUE.equals(e.get("enabled"));
                        e.put("enabled", false);
                    }
                    t.put("enabled", false);
                    if (changed) {
                        t.put("updated_at", now.toString());
                    }
                }
            }
        }
    }

    private Object tenantsQuery(DataFetchingEnvironment env) {
        Map<String, Object> q = env.getArgument("tenantsQuery");
        Principal p = principal(env);
        List<Map<String, Object>> matching = new ArrayList<>();
        synchronized (this) {
            synchronized (tenants) {
                for (Map<String, Object> t : tenants.values()) {
                    if (canRead(p, t) && matches(t, q, p)) {
                        matching.add(t);
                    }
                }
            }
        }
        String orderBy = q.get("orderBy") == null ? "Id" : q.get("orderBy").toString();
        String orderDir = q.get("orderDir") == null ? "asc" : q.get("orderDir").toString();
        Comparator<Map<String, Object>> byId = Comparator.comparing(t -> Long.parseLong(String.valueOf(t.get("id"))));
        Comparator<Map<String, Object>> cmp = switch (orderBy) {
            case "Name" -> Comparator.<Map<String, Object>, String>comparing(t -> String.valueOf(t.get("name"))).thenComparing(byId);
            case "CreatedAt" -> Comparator.<Map<String, Object>, String>comparing(t -> String.valueOf(t.get("created_at"))).thenComparing(byId);
            case "UpdatedAt" -> Comparator.<Map<String, Object>, String>comparing(t -> String.valueOf(t.get("updated_at"))).thenComparing(byId);
            default -> byId;
        };
        matching.sort("desc".equals(orderDir) ? cmp.reversed() : cmp);
        int max = q.get("maxResults") == null ? 10 : ((Number) q.get("maxResults")).intValue();
        String sortKey = orderBy.equals("Id") && orderDir.equals("asc") ? "id" : orderBy.toLowerCase(Locale.ROOT) + ":" + orderDir;
        int from;
        if (q.get("cursorPos") != null) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(q.get("cursorPos").toString()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return error(env, "invalid cursorPos");
            }
            int bar = decoded.indexOf('|');
            if (bar < 0) {
                return error(env, "invalid cursorPos");
            }
            if (on(Rule.CURSOR_BOUND_TO_SORT) && !decoded.substring(0, bar).equals(sortKey)) {
                return error(env, "cursorPos was issued for another sort order (" + decoded.substring(0, bar)
                        + "); changing orderBy or orderDir changes the cursor: start again without cursorPos");
            }
            String lastId = decoded.substring(bar + 1);
            from = 0;
            for (int i = 0; i < matching.size(); i++) {
                if (matching.get(i).get("id").equals(lastId)) {
                    from = i + 1;
                }
            }
        } else {
            int page = q.get("pageNum") == null ? 1 : Math.max(1, ((Number) q.get("pageNum")).intValue());
            from = (page - 1) * Math.max(max, 0);
        }
        List<Map<String, Object>> page = matching.subList(Math.min(from, matching.size()),
                Math.min(from + Math.max(max, 0), matching.size()));
        List<Map<String, Object>> results = new ArrayList<>(page.size());
        synchronized (this) {
            page.forEach(t -> results.add(view(t, p)));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("results", results);
        out.put("count", page.size());
        out.put("hasMore", from + page.size() < matching.size());
        out.put("totalCount", matching.size());
        out.put("cursorPos", page.isEmpty() ? null : Base64.getEncoder().encodeToString(
                (sortKey + "|" + page.get(page.size() - 1).get("id")).getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private boolean matches(Map<String, Object> t, Map<String, Object> q, Principal principal) {
        List<Predicate<Map<String, Object>>> checks = new ArrayList<>();
        if (q.get("name") != null) {
            Pattern p = Pattern.compile(Pattern.quote(q.get("name").toString()).replace("%", "\\E.*\\Q"), Pattern.CASE_INSENSITIVE);
            checks.add(x -> p.matcher(String.valueOf(x.get("name"))).matches() || x.get("id").equals(q.get("name")));
        }
        if (q.get("ids") != null) {
            List<String> ids = ((List<Object>) q.get("ids")).stream().map(String::valueOf).toList();
            checks.add(x -> ids.contains(String.valueOf(x.get("id"))));
        }
        if (q.get("forHierarchies") != null) {
            List<String> h = ((List<Object>) q.get("forHierarchies")).stream().map(String::valueOf).toList();
            checks.add(x -> h.stream().anyMatch(id -> inHierarchyOf(x, id)));
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
            checks.add(x -> visibleLabels(x, principal).stream().anyMatch(l ->
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
                Instant startTime = tf.get("startTime") == null ? null : instant(tf.get("startTime").toString());
                Instant endTime = tf.get("endTime") == null ? null : instant(tf.get("endTime").toString());
                checks.add(x -> {
                    Instant at = Instant.parse(String.valueOf(x.get(f[1])));
                    return (startTime == null || !at.isBefore(startTime)) && (endTime == null || !at.isAfter(endTime));
                });
            }
        }
        return checks.stream().allMatch(c -> c.test(t));
    }

    /** Reads a time filter value; without an offset (only when {@link Rule#TIME_FORMAT} is off) as UTC. */
    private static Instant instant(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return java.time.LocalDateTime.parse(s).toInstant(java.time.ZoneOffset.UTC);
        }
    }

    @SuppressWarnings("unchecked")
    private synchronized Object createTenant(DataFetchingEnvironment env) {
        Map<String, Object> in = env.getArgument("newTenant");
        Principal p = principal(env);
        if (in.get("name") == null || in.get("name").toString().isBlank()) {
            return error(env, "newTenant.name is required");
        }
        String parentId = in.get("parentTenantID") != null ? in.get("parentTenantID").toString()
                : in.get("partnerTenantID") != null ? in.get("partnerTenantID").toString()
                : p != null && p.homeTenant() != null ? p.homeTenant() : PARTNER_TENANT_ID;
        Map<String, Object> parent = tenants.get(parentId);
        if (parent == null || !canRead(p, parent) && on(Rule.CREATE_UNDER_ACCESSIBLE_PARENT)) {
            return error(env, "parent tenant " + parentId + " not found or not accessible");
        }
        if (on(Rule.MUTATION_RIGHTS) && !p.isSecureworks() && !p.isTenantAdmin()
                && !p.permissions().contains(Principal.Permission.TENANT_CREATE)) {
            return error(env, "permission denied: creating a tenant needs Tenant:create");
        }
        if (on(Rule.CREATE_UNDER_ACCESSIBLE_PARENT) && !p.isSecureworks()
                && !(p.isTenantAdmin() && inHierarchyOf(parent, p.homeTenant()))
                && !(p.permissions().contains(Principal.Permission.TENANT_CREATE) && parentId.equals(p.homeTenant()))) {
            return error(env, "permission denied: creating a child of tenant " + parentId + " needs access to it as TenantAdmin");
        }
        if (on(Rule.NO_PARTNER_CREATION) && Boolean.TRUE.equals(in.get("isPartner")) && !p.isSecureworks()) {
            return error(env, "permission denied: only Secureworks users with the appropriate role can create partner tenants");
        }
        List<Map<String, Object>> labelInputs = (List<Map<String, Object>>) in.getOrDefault("labels", List.of());
        for (Map<String, Object> l : labelInputs) {
            String badOwner = ownerProblem(l, parentId);
            if (badOwner != null) {
                return error(env, badOwner);
            }
        }
        String id = String.valueOf(nextTenantId++);
        Map<String, Object> t = newTenant(id, in.get("name").toString(), parentId);
        t.put("is_partner", Boolean.TRUE.equals(in.get("isPartner")));
        t.put("expires_at", in.get("expiresAt"));
        List<Object> envNames = (List<Object>) in.getOrDefault("environments", List.of());
        if (!envNames.isEmpty() || !on(Rule.ENABLED_IFF_ENVIRONMENT)) {
            List<Map<String, Object>> envs = new ArrayList<>();
            for (Object name : new LinkedHashSet<>(envNames)) {
                envs.add(environment(id, name.toString(), true));
            }
            t.put("environments", envs);
        }
        for (Map<String, Object> l : labelInputs) {
            ((List<Map<String, Object>>) t.get("labels")).add(label(id, l));
        }
        tenants.put(id, t);
        return view(t, p);
    }

    /** Returns why a label's owner is not allowed, or null. */
    private String ownerProblem(Map<String, Object> labelInput, String parentId) {
        Object owner = labelInput.get("owner_partner_tenant_id");
        if (owner == null || !on(Rule.LABEL_OWNER_IS_PARENT) || owner.toString().equals(parentId)) {
            return null;
        }
        return "label " + labelInput.get("name") + ": owner_partner_tenant_id can only be the parent tenant (" + parentId + ")";
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
        List<Object> errors = new ArrayList<>();
        Map<String, Object> t = writable(env, env.getArgument("tenantID"), errors);
        if (t == null) {
            return errors.get(0);
        }
        Map<String, Object> in = env.getArgument("tenantUpdate");
        if (in.get("name") != null) {
            t.put("name", in.get("name"));
            t.put("name_normalized", in.get("name").toString().toLowerCase(Locale.ROOT));
        }
        List<Map<String, Object>> envs = (List<Map<String, Object>>) t.get("environments");
        for (Object o : (List<Object>) in.getOrDefault("environments", List.of())) {
            Map<String, Object> change = (Map<String, Object>) o;
            if (change == null || change.get("name") == null) {
                continue;
            }
            Map<String, Object> existing = envs.stream().filter(e -> e.get("name").equals(change.get("name").toString()))
                    .findFirst().orElse(null);
            boolean enabled = !Boolean.FALSE.equals(change.get("enabled"));
            if (existing == null) {
                envs.add(environment(t.get("id").toString(), change.get("name").toString(), enabled));
            } else {
                existing.put("enabled", enabled);
                existing.put("updated_at", clock().instant().toString());
            }
        }
        if (Boolean.TRUE.equals(in.get("disable"))) {
            t.put("enabled", false);
            t.put("enabled_in_production", false);
            t.put("enabled_in_pilot", false);
            envs.forEach(e -> e.put("enabled", false));
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
        t.put("updated_at", clock().instant().toString());
        applyExpiry();
        return view(t, principal(env));
    }

    @SuppressWarnings("unchecked")
    private synchronized Object createLabel(DataFetchingEnvironment env) {
        List<Object> errors = new ArrayList<>();
        Map<String, Object> t = writable(env, env.getArgument("tenant_id"), errors);
        if (t == null) {
            return errors.get(0);
        }
        Map<String, Object> in = env.getArgument("label_input");
        String badOwner = ownerProblem(in, String.valueOf(t.get("parent")));
        if (badOwner != null) {
            return error(env, badOwner);
        }
        Map<String, Object> l = label(t.get("id").toString(), in);
        ((List<Map<String, Object>>) t.get("labels")).add(l);
        return new LinkedHashMap<>(l);
    }

    @SuppressWarnings("unchecked")
    private synchronized Object updateLabel(DataFetchingEnvironment env) {
        List<Object> errors = new ArrayList<>();
        Map<String, Object> t = writable(env, env.getArgument("tenant_id"), errors);
        if (t == null) {
            return errors.get(0);
        }
        Map<String, Object> in = env.getArgument("label_input");
        String labelId = env.getArgument("label_id");
        for (Map<String, Object> l : (List<Map<String, Object>>) t.get("labels")) {
            if (l.get("id").equals(labelId)) {
                if (on(Rule.RESTRICTED_LABELS) && restrictedLabels.contains(labelId)) {
                    return error(env, "label " + l.get("name") + " is restricted and cannot be changed");
                }
                String badOwner = ownerProblem(in, String.valueOf(t.get("parent")));
                if (badOwner != null) {
                    return error(env, badOwner);
                }
                l.put("name", in.get("name"));
                l.put("value", in.get("value"));
                if (in.get("owner_partner_tenant_id") != null) {
                    l.put("owner_partner_tenant_id", in.get("owner_partner_tenant_id"));
                }
                return new LinkedHashMap<>(l);
            }
        }
        return error(env, "label " + labelId + " not found on tenant " + t.get("id"));
    }

    @SuppressWarnings("unchecked")
    private synchronized Object deleteLabel(DataFetchingEnvironment env) {
        List<Object> errors = new ArrayList<>();
        Map<String, Object> t = writable(env, env.getArgument("tenant_id"), errors);
        if (t == null) {
            return errors.get(0);
        }
        String labelId = env.getArgument("label_id");
        List<Map<String, Object>> labels = (List<Map<String, Object>>) t.get("labels");
        for (Map<String, Object> l : labels) {
            if (l.get("id").equals(labelId)) {
                if (on(Rule.RESTRICTED_LABELS) && restrictedLabels.contains(labelId)) {
                    return error(env, "label " + l.get("name") + " is restricted and cannot be deleted");
                }
                labels.remove(l);
                return l;
            }
        }
        return error(env, "label " + labelId + " not found on tenant " + t.get("id"));
    }

    private synchronized Object createSubscription(DataFetchingEnvironment env) {
        Principal p = principal(env);
        Map<String, Object> in = env.getArgument("input");
        Map<String, Object> s = new LinkedHashMap<>(in);
        String owner = in.get("owner_tenant_id") != null ? in.get("owner_tenant_id").toString()
                : p.homeTenant() != null ? p.homeTenant() : PARTNER_TENANT_ID;
        List<Object> errors = new ArrayList<>();
        if (writable(env, owner, errors) == null) {
            return errors.get(0);
        }
        s.put("id", UUID.randomUUID().toString());
        s.put("owner_tenant_id", owner);
        s.put("created_at", clock().instant().toString());
        s.put("updated_at", clock().instant().toString());
        services.put(s.get("id").toString(), s);
        return new LinkedHashMap<>(s);
    }

    private synchronized Object updateSubscription(DataFetchingEnvironment env) {
        Map<String, Object> in = env.getArgument("input");
        Map<String, Object> s = services.get(String.valueOf(in.get("id")));
        if (s == null) {
            return error(env, "subscription " + in.get("id") + " not found");
        }
        List<Object> errors = new ArrayList<>();
        if (writable(env, String.valueOf(s.get("owner_tenant_id")), errors) == null) {
            return errors.get(0);
        }
        in.forEach((k, v) -> {
            if (v != null && !k.equals("id")) {
                s.put(k, v instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList()) : v);
            }
        });
        s.put("updated_at", clock().instant().toString());
        return new LinkedHashMap<>(s);
    }

    @SuppressWarnings("unchecked")
    private synchronized Object deleteSubscription(DataFetchingEnvironment env) {
        String id = env.getArgument("id");
        Map<String, Object> s = services.get(id);
        if (s == null) {
            return error(env, "subscription " + id + " not found");
        }
        List<Object> errors = new ArrayList<>();
        if (writable(env, String.valueOf(s.get("owner_tenant_id")), errors) == null) {
            return errors.get(0);
        }
        if (on(Rule.SUBSCRIPTION_DELETE_UNASSIGNED)) {
            synchronized (tenants) {
                for (Map<String, Object> t : tenants.values()) {
                    for (Map<String, Object> g : (List<Map<String, Object>>) t.get("granted_services")) {
                        if (id.equals(g.get("service_id"))) {
                            return error(env, "subscription " + id + " is assigned to tenant " + t.get("id")
                                    + " and cannot be deleted; unassign it first");
                        }
                    }
                }
            }
        }
        return services.remove(id);
    }

    @SuppressWarnings("unchecked")
    private synchronized Object assign(DataFetchingEnvironment env, boolean assign) {
        List<Object> errors = new ArrayList<>();
        Map<String, Object> t = writable(env, env.getArgument("tenant_id"), errors);
        if (t == null) {
            return errors.get(0);
        }
        Map<String, Object> s = services.get(env.<String>getArgument("subscription_id"));
        if (s == null) {
            return error(env, "subscription " + env.getArgument("subscription_id") + " not found");
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
        return view(t, principal(env));
    }

    private synchronized Object setSupport(DataFetchingEnvironment env, boolean enabled) {
        List<Object> errors = new ArrayList<>();
        Map<String, Object> t = writable(env, env.getArgument("tenantID"), errors);
        if (t == null) {
            return errors.get(0);
        }
        t.put("support_enabled", enabled);
        return view(t, principal(env));
    }

    // ------------------------------------------------------------------ SSO

    /** Checks {@code X-Tenant-Context} and the caller's rights on that tenant before an SSO operation. */
    private DataFetcher<Object> sso(boolean mutation, DataFetcher<Object> inner) {
        return env -> {
            GraphQLContext ctx = env.getGraphQlContext();
            if (!ctx.hasKey(TENANT_CONTEXT)) {
                if (on(Rule.SSO_TENANT_CONTEXT)) {
                    return error(env, "X-Tenant-Context header is required for SSO operations");
                }
                return inner.get(env);
            }
            if (on(Rule.SSO_TENANT_CONTEXT)) {
                String tenantId = ctx.get(TENANT_CONTEXT);
                Principal p = principal(env);
                Map<String, Object> t = tenants.get(tenantId);
                if (t == null || !canRead(p, t)) {
                    return error(env, "X-Tenant-Context tenant " + tenantId + " not found or not accessible");
                }
                if (mutation && !canUpdate(p, t)) {
                    return error(env, "permission denied: changing SSO connections needs update rights on tenant " + tenantId);
                }
            }
            return inner.get(env);
        };
    }

    private boolean inContext(DataFetchingEnvironment env, Map<String, Object> c) {
        if (!on(Rule.SSO_TENANT_CONTEXT)) {
            return true;
        }
        String ctx = env.getGraphQlContext().get(TENANT_CONTEXT);
        return c != null && Objects.equals(ctx, c.get("tenantID"));
    }

    private synchronized Object getSso(DataFetchingEnvironment env) {
        String id = env.getArgument("id");
        for (Map<String, Object> c : ssoConnections.values()) {
            if ((id.equals(c.get("id")) || id.equals(c.get("externalID"))) && inContext(env, c)) {
                return c;
            }
        }
        return null;
    }

    private synchronized Object listSso(DataFetchingEnvironment env) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> c : ssoConnections.values()) {
            if (inContext(env, c)) {
                out.add(c);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private synchronized Object createSso(DataFetchingEnvironment env) {
        Map<String, Object> in = env.getArgument("newConnection");
        if (on(Rule.SSO_CREATE_REQUIRED)) {
            if (in.get("name") == null || in.get("name").toString().isBlank()) {
                return error(env, "newConnection.name is required");
            }
            if (!"saml".equals(String.valueOf(in.get("type")))) {
                return error(env, "newConnection.type is required and must be saml");
            }
            if (!(in.get("domains") instanceof List<?> d) || d.isEmpty()) {
                return error(env, "newConnection.domains is required: list the e-mail domains that sign in with this connection");
            }
        }
        Map<String, Object> c = new LinkedHashMap<>();
        String id = UUID.randomUUID().toString();
        c.put("id", id);
        c.put("name", in.get("name"));
        c.put("tenantID", env.getGraphQlContext().get(TENANT_CONTEXT));
        c.put("domains", new ArrayList<>((List<Object>) in.getOrDefault("domains", List.of())));
        c.put("testers", new ArrayList<>((List<Object>) in.getOrDefault("testers", List.of())));
        c.put("type", in.get("type") == null ? "saml" : in.get("type").toString());
        c.put("status", "Draft");
        c.put("environment", "production");
        c.put("externalName", "taegis-" + id.substring(0, 8));
        c.put("externalID", "con_" + id.replace("-", "").substring(0, 16));
        c.put("createdAt", clock().instant().toString());
        c.put("updatedAt", clock().instant().toString());
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("postBackURL", "https://auth.taegis.example/login/callback?connection=" + c.get("externalName"));
        parameters.put("entityID", "urn:auth0:taegis:" + c.get("externalName"));
        parameters.put("metadataURL", "https://auth.taegis.example/samlp/metadata?connection=" + c.get("externalName"));
        c.put("ssoConnectionParameters", parameters);
        ssoConnections.put(id, c);
        Map<String, Object> config = (Map<String, Object>) in.get("connectionConfiguration");
        if (config != null && config.get("samlConfiguration") != null) {
            String problem = configure(c, (Map<String, Object>) config.get("samlConfiguration"), false);
            if (problem != null) {
                ssoConnections.remove(id);
                return error(env, problem);
            }
        }
        return c;
    }

    /**
     * Applies a SAML configuration; returns why it is incomplete, or null. {@code promote}: move the connection
     * to Testing (an update completing the configuration).
     */
    private String configure(Map<String, Object> c, Map<String, Object> saml, boolean promote) {
        String url = (String) saml.get("metadataURL");
        String xml = (String) saml.get("metadataXML");
        String cert = (String) saml.get("signingCert");
        String endpoint = (String) saml.get("signInEndpoint");
        boolean metadata = url != null && !url.isBlank() || xml != null && !xml.isBlank();
        boolean manual = cert != null && !cert.isBlank() && endpoint != null && !endpoint.isBlank();
        if (!metadata && !manual) {
            if (on(Rule.SSO_CONFIG_COMPLETE)) {
                return cert != null && !cert.isBlank()
                        ? "samlConfiguration.signInEndpoint is required with signingCert when there is no metadataURL"
                        : "samlConfiguration needs metadataURL, or signingCert and signInEndpoint";
            }
            return null;
        }
        Map<String, Object> idp = new LinkedHashMap<>();
        if (metadata) {
            idp.put("metadataURL", url);
            idp.put("inputMetadataURL", url);
            idp.put("signInEndpoint", "https://idp.example/sso/saml");
            idp.put("signingCert", "MIIC-fake-cert-from-metadata");
        } else {
            idp.put("signInEndpoint", endpoint);
            idp.put("signingCert", cert);
        }
        c.put("ssoConnectionIDPConfig", Map.of("samlConnectionConfiguration", idp));
        if (saml.get("signingCertName") != null) {
            c.put("certName", saml.get("signingCertName"));
        }
        c.put("issuer", "https://idp.example/");
        c.put("subject", "CN=idp.example");
        c.put("notBefore", clock().instant().toString());
        c.put("expiresAt", clock().instant().plus(Duration.ofDays(365)).toString());
        if (promote && on(Rule.SSO_CONFIGURED_TESTING)) {
            c.put("status", "Testing");
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private synchronized Object updateSso(DataFetchingEnvironment env) {
        Map<String, Object> in = env.getArgument("updatedConnection");
        Map<String, Object> c = ssoConnections.get(String.valueOf(in.get("id")));
        if (c == null || !inContext(env, c)) {
            return error(env, "SSO connection not found in this tenant");
        }
        if (in.get("status") != null && on(Rule.SSO_STATUS_VALUES)
                && !List.of("Enabled", "Disabled", "Testing").contains(in.get("status").toString())) {
            return error(env, "updatedConnection.status must be Enabled, Disabled or Testing (was " + in.get("status") + ")");
        }
        Map<String, Object> config = (Map<String, Object>) in.get("connectionConfiguration");
        if (config != null && config.get("samlConfiguration") != null) {
            String problem = configure(c, (Map<String, Object>) config.get("samlConfiguration"), true);
            if (problem != null) {
                return error(env, problem);
            }
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

    private synchronized Object deleteSso(DataFetchingEnvironment env) {
        Map<String, Object> c = ssoConnections.get(env.<String>getArgument("connectionID"));
        if (c == null || !inContext(env, c)) {
            return error(env, "SSO connection not found in this tenant");
        }
        return ssoConnections.remove(c.get("id").toString());
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
