package io.secopskit.taegis;

import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.NotFoundException;
import io.secopskit.core.error.ValidationException;
import io.secopskit.core.paging.PagedIterable;
import io.secopskit.core.spi.Pager;
import io.secopskit.taegis.internal.Documents;
import io.secopskit.taegis.internal.GraphQLTransport;
import io.secopskit.taegis.internal.GraphQLTransport.NullResult;
import io.secopskit.taegis.internal.Projections;
import io.secopskit.taegis.internal.TaegisIds;
import io.secopskit.taegis.internal.generated.CreateTenantMutationRequest;
import io.secopskit.taegis.internal.generated.DisableTenantSupportMutationRequest;
import io.secopskit.taegis.internal.generated.EnableTenantSupportMutationRequest;
import io.secopskit.taegis.internal.generated.PartnershipFilter;
import io.secopskit.taegis.internal.generated.TenantEnvironmentFilter;
import io.secopskit.taegis.internal.generated.TenantLabelFilter;
import io.secopskit.taegis.internal.generated.TenantsQuery;
import io.secopskit.taegis.internal.generated.TenantsQueryRequest;
import io.secopskit.taegis.internal.generated.TimeFilter;
import io.secopskit.taegis.internal.generated.UpdateTenantMutationRequest;
import io.secopskit.taegis.internal.wire.TenantPage;
import io.secopskit.taegis.model.OrderDir;
import io.secopskit.taegis.model.Tenant;
import io.secopskit.taegis.model.TenantEnvironment;
import io.secopskit.taegis.model.TenantLabelRequest;
import io.secopskit.taegis.model.TenantOrderField;
import io.secopskit.taegis.model.TenantPaging;
import io.secopskit.taegis.model.TenantQuery;
import io.secopskit.taegis.model.TenantRequest;
import io.secopskit.taegis.model.TenantUpdate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Tenants API's tenant operations: {@link #list(TenantQuery)}, {@link #get(String)}, {@link #create},
 * {@link #update} with intent-named helpers (rename, environments, enable/disable, expiry, support access) and
 * {@link #labels(String) labels}. Every argument travels as a GraphQL variable; unset input fields are left out.
 * Queries are retried on transient failures within the client's retry policy; mutations are sent at most once,
 * whatever the failure (a dropped connection, a timeout, 502, 503, 429 all leave the outcome unknown and are
 * reported, never repeated). Answers select the client's {@link TenantFields field set}. Thread-safe.
 */
public final class TenantsClient {
    private static final Map<String, String> TENANTS_ARGS = Documents.types("tenantsQuery", "TenantsQuery!");
    private static final Map<String, String> CREATE_ARGS = Documents.types("newTenant", "TenantCreateInput!");
    private static final Map<String, String> UPDATE_ARGS = Documents.types("tenantID", "ID!", "tenantUpdate",
            "TenantUpdateInput!");
    private static final Map<String, String> TENANT_ID_ARG = Documents.types("tenantID", "ID!");

    private final GraphQLTransport transport;

    TenantsClient(GraphQLTransport transport) {
        this.transport = transport;
    }

    /**
     * Every tenant matching the query, lazily, one page of {@code pageSize} (default 100) at a time —
     * {@code tenants(tenantsQuery:)} with {@code maxResults} and {@code cursorPos} (the default,
     * {@link TenantPaging#CURSOR}) or {@code pageNum} ({@link TenantPaging#PAGE_NUMBER}, which assumes the first
     * page is 1). Nothing is fetched before iteration. Every page carries a continuation token
     * ({@code byPage()}, {@code resumeFrom(token)}); a cursor token names the sort it was issued under and is
     * refused under another. The document: reads return only tenants the client may read.
     *
     * @param query filters, sort, page size, paging mode and field set ({@link TenantQuery#all()} for everything)
     * @return the tenants
     * @throws ValidationException      before sending, when the page size is below 1 or a filter breaks a rule
     * @throws TaegisGraphQLException   when the API answers with GraphQL errors
     * @throws TaegisUnknownFieldException when the server does not know a field of the field set
     * @throws io.secopskit.core.error.ServerException when an answer says there is more but gives no cursor, or
     *                                                 is not readable
     */
    public PagedIterable<Tenant> list(TenantQuery query) {
        Objects.requireNonNull(query, "query");
        if (query.pageSize() < 1) {
            throw new ValidationException(TaegisClient.VENDOR, "tenants", "pageSize", "must be at least 1 (was "
                    + query.pageSize() + ")");
        }
        TenantPaging paging = query.paging() == null ? TenantPaging.CURSOR : query.paging();
        wire(query); // checks the filters before anything is sent
        TenantFields fields = query.fields() == null ? transport.fields() : query.fields();
        String sort = "orderBy=" + (query.orderBy() == null ? TenantOrderField.ID : query.orderBy()).wireValue()
                + ",orderDir=" + (query.orderDir() == null ? OrderDir.ASC : query.orderDir()).wireValue();
        if (paging == TenantPaging.PAGE_NUMBER) {
            return Pager.pageNumber(TaegisClient.VENDOR + ".tenants(pageNum," + sort + ")", 1, query.pageSize(),
                    (page, size) -> {
                        TenantsQuery q = wire(query);
                        q.setPageNum(Math.toIntExact(page));
                        TenantPage p = fetch(q, fields);
                        return new Pager.Slice<>(results(p), p.hasMore(), p.totalCount() == null ? -1 : p.totalCount());
                    });
        }
        return Pager.token(TaegisClient.VENDOR + ".tenants(cursor," + sort + ")", cursor -> {
            TenantsQuery q = wire(query);
            q.setCursorPos(cursor);
            TenantPage p = fetch(q, fields);
            List<Tenant> items = results(p);
            boolean more = Boolean.TRUE.equals(p.hasMore()) && !items.isEmpty();
            if (more && (p.cursorPos() == null || p.cursorPos().isEmpty() || p.cursorPos().equals(cursor))) {
                throw new io.secopskit.core.error.ServerException(new ErrorInfo(TaegisClient.VENDOR, "tenants", 200,
                        "MISSING_FIELD", "the answer says hasMore but gives " + (p.cursorPos() == null || p.cursorPos().isEmpty()
                        ? "no cursorPos" : "the same cursorPos again") + ": the list cannot continue", null, false, transport.host()));
            }
            return new Pager.Step<>(items, more ? p.cursorPos() : null, p.totalCount() == null ? -1 : p.totalCount());
        });
    }

    private static List<Tenant> results(TenantPage p) {
        return p.results() == null ? List.of() : p.results().stream().filter(Objects::nonNull).toList();
    }

    private TenantPage fetch(TenantsQuery q, TenantFields fields) {
        TenantsQueryRequest request = new TenantsQueryRequest();
        request.setTenantsQuery(q);
        return transport.run(request, TENANTS_ARGS, Projections.tenantResults(fields), fields, null, TenantPage.class,
                NullResult.MISSING);
    }

    private static TenantsQuery wire(TenantQuery query) {
        String op = "tenants";
        if (query.ids() != null) {
            query.ids().forEach(id -> TaegisIds.tenantId(op, "tenantsQuery.ids", id));
        }
        if (query.forHierarchies() != null) {
            query.forHierarchies().forEach(id -> TaegisIds.tenantId(op, "tenantsQuery.forHierarchies", id));
        }
        if (query.labelName() == null && query.labelValue() != null) {
            throw new ValidationException(TaegisClient.VENDOR, op, "tenantsQuery.labelFilter.label_name",
                    "is required when a label value is given");
        }
        if (query.environmentName() == null && query.environmentEnabled() != null) {
            throw new ValidationException(TaegisClient.VENDOR, op, "tenantsQuery.environmentFilter.name",
                    "is required when enabled is given");
        }
        TenantsQuery q = new TenantsQuery();
        q.setMaxResults(query.pageSize());
        q.setName(query.name());
        q.setIds(query.ids());
        q.setForHierarchies(query.forHierarchies());
        q.setWithService(query.withService());
        q.setWithServices(query.withServices());
        q.setWithRequestedServices(query.withRequestedServices());
        q.setWithPartnerSubscription(query.withPartnerSubscription());
        q.setWithPartnerSubscriptions(query.withPartnerSubscriptions());
        q.setIsPartner(query.isPartner());
        q.setIsOrganization(query.isOrganization());
        q.setWithSupport(query.withSupport());
        q.setWithPendingPostDisablement(query.withPendingPostDisablement());
        q.setEnabledInProduction(query.enabledInProduction());
        q.setEnabledInPilot(query.enabledInPilot());
        q.setWithDataRetentionMonths(query.withDataRetentionMonths());
        q.setWithMDRProviderIDs(query.withMdrProviderIds());
        if (query.environmentName() != null) {
            q.setEnvironmentFilter(new TenantEnvironmentFilter(query.environmentName().value(), query.environmentEnabled()));
        }
        if (query.labelName() != null) {
            q.setLabelFilter(new TenantLabelFilter(query.labelName(), query.labelValue()));
        }
        if (query.partnershipWithSubscription() != null) {
            q.setPartnership(new PartnershipFilter(query.partnershipWithSubscription()));
        }
        q.setCreatedTimeFilter(timeFilter(query.createdAfter(), query.createdBefore()));
        q.setModifiedTimeFilter(timeFilter(query.modifiedAfter(), query.modifiedBefore()));
        q.setOrderBy(query.orderBy());
        q.setOrderDir(query.orderDir());
        return q;
    }

    private static TimeFilter timeFilter(Instant after, Instant before) {
        if (after == null && before == null) {
            return null;
        }
        if (after != null && before != null && !after.isBefore(before)) {
            throw new ValidationException(TaegisClient.VENDOR, "tenants", "tenantsQuery.timeFilter",
                    "startTime must be before endTime (got " + after + " and " + before + ")");
        }
        return new TimeFilter(after, before);
    }

    /**
     * One tenant by id: {@code tenants(tenantsQuery: {ids: [id]})}. A query: retried on transient failures.
     *
     * @param tenantId the tenant id
     * @return the tenant, with the client's field set
     * @throws ValidationException before sending, when the id breaks a rule
     * @throws NotFoundException   when no tenant with that id is visible to this client (the document: reads
     *                             return only tenants the client may read)
     */
    public Tenant get(String tenantId) {
        TaegisIds.tenantId("tenants", "tenantsQuery.ids", tenantId);
        TenantsQuery q = new TenantsQuery();
        q.setIds(List.of(tenantId));
        q.setMaxResults(1);
        TenantFields fields = transport.fields();
        for (Tenant t : results(fetch(q, fields))) {
            if (tenantId.equals(t.id())) {
                return t;
            }
        }
        throw new NotFoundException(new ErrorInfo(TaegisClient.VENDOR, "tenants", 200, "NOT_FOUND",
                "no tenant " + tenantId + " among the tenants this client may read", null, false, transport.host()));
    }

    /**
     * Creates a tenant: {@code createTenant(newTenant:)}. The document: only under a parent (partner) the client
     * can access as TenantAdmin; no new partners unless the client is Secureworks'; a new tenant is enabled in at
     * least one environment; a label's owner can only be the tenant's parent. Sent at most once.
     *
     * @param request name (required), parent, environments, labels, expiry ...
     * @return the created tenant
     * @throws ValidationException    before sending, when the name is blank or an id breaks a rule
     * @throws TaegisGraphQLException when the API refuses it
     */
    public Tenant create(TenantRequest request) {
        Objects.requireNonNull(request, "request");
        String op = "createTenant";
        TaegisIds.text(op, "newTenant.name", request.name());
        TaegisIds.optionalTenantId(op, "newTenant.parentTenantID", request.parentTenantId());
        if (request.labels() != null) {
            for (TenantLabelRequest l : request.labels()) {
                TaegisIds.text(op, "newTenant.labels.name", l.name());
                TaegisIds.optionalTenantId(op, "newTenant.labels.owner_partner_tenant_id", l.ownerPartnerTenantId());
            }
        }
        CreateTenantMutationRequest r = new CreateTenantMutationRequest();
        r.setNewTenant(request);
        return transport.run(r, CREATE_ARGS, Projections.tenant(transport.fields()), transport.fields(), null, Tenant.class,
                NullResult.MISSING);
    }

    /**
     * Changes a tenant: {@code updateTenant(tenantID:, tenantUpdate:)}. Sent at most once.
     *
     * @param tenantId the tenant
     * @param update   the changes (only the fields set are sent; {@code clearExpiration} clears the expiry)
     * @return the tenant after the change
     * @throws ValidationException    before sending, when the id breaks a rule, nothing would change, the name is
     *                                blank, or an expiry is both set and cleared
     * @throws TaegisGraphQLException when the API refuses it
     */
    public Tenant update(String tenantId, TenantUpdate update) {
        Objects.requireNonNull(update, "update");
        String op = "updateTenant";
        TaegisIds.tenantId(op, "tenantID", tenantId);
        if (update.isEmpty()) {
            throw new ValidationException(TaegisClient.VENDOR, op, "tenantUpdate", "must change at least one field");
        }
        TaegisIds.optionalText(op, "tenantUpdate.name", update.name());
        TaegisIds.optionalTenantId(op, "tenantUpdate.parentTenantID", update.parentTenantId());
        if (update.expiresAt() != null && Boolean.TRUE.equals(update.clearExpiration())) {
            throw new ValidationException(TaegisClient.VENDOR, op, "tenantUpdate.clearExpiration",
                    "cannot be combined with expiresAt: set an expiry or clear it");
        }
        if (update.environments() != null && update.environments().isEmpty()) {
            throw new ValidationException(TaegisClient.VENDOR, op, "tenantUpdate.environments",
                    "must name at least one environment when given");
        }
        UpdateTenantMutationRequest r = new UpdateTenantMutationRequest();
        r.setTenantID(tenantId);
        r.setTenantUpdate(update);
        return transport.run(r, UPDATE_ARGS, Projections.tenant(transport.fields()), transport.fields(), null, Tenant.class,
                NullResult.MISSING);
    }

    /**
     * Renames a tenant ({@code updateTenant} with {@code name}).
     *
     * @param tenantId the tenant
     * @param name     the new name
     * @return the tenant
     * @throws ValidationException before sending, when the id or name breaks a rule
     */
    public Tenant rename(String tenantId, String name) {
        TaegisIds.text("updateTenant", "tenantUpdate.name", name);
        return update(tenantId, TenantUpdate.builder().name(name).build());
    }

    /**
     * Turns environments on or off in one request ({@code updateTenant} with {@code environments}). The document:
     * a tenant is active when it is enabled in at least one environment.
     *
     * @param tenantId     the tenant
     * @param environments environment to enabled flag (at least one)
     * @return the tenant
     * @throws ValidationException before sending, when no environment is named or the id breaks a rule
     */
    public Tenant setEnvironments(String tenantId, Map<TenantEnvironment, Boolean> environments) {
        if (environments == null || environments.isEmpty()) {
            throw new ValidationException(TaegisClient.VENDOR, "updateTenant", "tenantUpdate.environments",
                    "must name at least one environment");
        }
        TenantUpdate.Builder b = TenantUpdate.builder();
        environments.forEach((env, enabled) -> {
            if (env == null || enabled == null) {
                throw new ValidationException(TaegisClient.VENDOR, "updateTenant", "tenantUpdate.environments",
                        "must not hold a null environment or flag");
            }
            b.environment(env, enabled);
        });
        return update(tenantId, b.build());
    }

    /**
     * Enables a tenant in an environment ({@code updateTenant} with {@code environments: [{name, enabled: true}]}),
     * which makes it enabled (the document: enabled exactly when one environment is).
     *
     * @param tenantId    the tenant
     * @param environment the environment, for example {@link TenantEnvironment#ECHO}
     * @return the tenant
     * @throws ValidationException before sending, when the id breaks a rule
     */
    public Tenant enable(String tenantId, TenantEnvironment environment) {
        Objects.requireNonNull(environment, "environment");
        return update(tenantId, TenantUpdate.builder().environment(environment, true).build());
    }

    /**
     * Disables a tenant ({@code updateTenant} with {@code disable: true}: every environment is turned off).
     *
     * @param tenantId the tenant
     * @return the tenant
     * @throws ValidationException before sending, when the id breaks a rule
     */
    public Tenant disable(String tenantId) {
        return update(tenantId, TenantUpdate.builder().disable().build());
    }

    /**
     * Sets when a tenant expires ({@code updateTenant} with {@code expiresAt}).
     *
     * <p><b>A tenant with an expiry is disabled automatically after 60 days</b>, the document says. It does not
     * say where the 60 days start — at the expiry time, or when the expiry was set; SecOpsKit's
     * {@code FakeTaegis} assumes the expiry time. To keep a tenant, {@link #clearExpiry} it or move the expiry.
     *
     * @param tenantId  the tenant
     * @param expiresAt the expiry (sent as RFC 3339 in UTC)
     * @return the tenant
     * @throws ValidationException before sending, when the id breaks a rule
     */
    public Tenant setExpiry(String tenantId, Instant expiresAt) {
        Objects.requireNonNull(expiresAt, "expiresAt");
        return update(tenantId, TenantUpdate.builder().expiresAt(expiresAt).build());
    }

    /**
     * Removes a tenant's expiry ({@code clearExpiration: true}; a null expiry would be ignored, not cleared).
     *
     * @param tenantId the tenant
     * @return the tenant
     * @throws ValidationException before sending, when the id breaks a rule
     */
    public Tenant clearExpiry(String tenantId) {
        return update(tenantId, TenantUpdate.builder().clearExpiration().build());
    }

    /**
     * Lets Secureworks support access a tenant under a partner: {@code enableTenantSupport(tenantID:)}. Sent at
     * most once.
     *
     * @param tenantId the tenant
     * @return the tenant
     * @throws ValidationException before sending, when the id breaks a rule
     */
    public Tenant enableSupport(String tenantId) {
        EnableTenantSupportMutationRequest r = new EnableTenantSupportMutationRequest();
        r.setTenantID(TaegisIds.tenantId("enableTenantSupport", "tenantID", tenantId));
        return transport.run(r, TENANT_ID_ARG, Projections.tenant(transport.fields()), transport.fields(), null,
                Tenant.class, NullResult.MISSING);
    }

    /**
     * Ends Secureworks support access: {@code disableTenantSupport(tenantID:)}. Sent at most once.
     *
     * @param tenantId the tenant
     * @return the tenant
     * @throws ValidationException before sending, when the id breaks a rule
     */
    public Tenant disableSupport(String tenantId) {
        DisableTenantSupportMutationRequest r = new DisableTenantSupportMutationRequest();
        r.setTenantID(TaegisIds.tenantId("disableTenantSupport", "tenantID", tenantId));
        return transport.run(r, TENANT_ID_ARG, Projections.tenant(transport.fields()), transport.fields(), null,
                Tenant.class, NullResult.MISSING);
    }

    /**
     * Returns the label operations of one tenant.
     *
     * @param tenantId the tenant
     * @return the labels client
     * @throws ValidationException when the id breaks a rule
     */
    public TenantLabelsClient labels(String tenantId) {
        return new TenantLabelsClient(transport, TaegisIds.tenantId("labels", "tenant_id", tenantId));
    }
}
