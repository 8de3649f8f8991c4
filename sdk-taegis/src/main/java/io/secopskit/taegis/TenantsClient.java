package io.secopskit.taegis;

import com.kobylynskyi.graphql.codegen.model.graphql.GraphQLOperationRequest;
import com.kobylynskyi.graphql.codegen.model.graphql.GraphQLResponseProjection;
import io.secopskit.core.error.ValidationException;
import io.secopskit.core.spi.Pager;
import io.secopskit.core.paging.PagedIterable;
import io.secopskit.taegis.generated.AssignSubscriptionMutationRequest;
import io.secopskit.taegis.generated.CreateSubscriptionMutationRequest;
import io.secopskit.taegis.generated.CreateTenantLabelMutationRequest;
import io.secopskit.taegis.generated.CreateTenantMutationRequest;
import io.secopskit.taegis.generated.DeleteSubscriptionMutationRequest;
import io.secopskit.taegis.generated.DeleteTenantLabelMutationRequest;
import io.secopskit.taegis.generated.DisableTenantSupportMutationRequest;
import io.secopskit.taegis.generated.EnableTenantSupportMutationRequest;
import io.secopskit.taegis.generated.InputTenantLabel;
import io.secopskit.taegis.generated.NewSubscription;
import io.secopskit.taegis.generated.Service;
import io.secopskit.taegis.generated.SubscriptionUpdate;
import io.secopskit.taegis.generated.Tenant;
import io.secopskit.taegis.generated.TenantCreateInput;
import io.secopskit.taegis.generated.TenantEnvironment;
import io.secopskit.taegis.generated.TenantEnvironmentUpdateInput;
import io.secopskit.taegis.generated.TenantLabel;
import io.secopskit.taegis.generated.TenantResults;
import io.secopskit.taegis.generated.TenantUpdateInput;
import io.secopskit.taegis.generated.TenantsQuery;
import io.secopskit.taegis.generated.TenantsQueryRequest;
import io.secopskit.taegis.generated.UnassignSubscriptionMutationRequest;
import io.secopskit.taegis.generated.UpdateSubscriptionMutationRequest;
import io.secopskit.taegis.generated.UpdateTenantLabelMutationRequest;
import io.secopskit.taegis.generated.UpdateTenantMutationRequest;
import io.secopskit.taegis.internal.Documents;
import io.secopskit.taegis.internal.GraphQLTransport;
import io.secopskit.taegis.internal.Projections;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Tenants GraphQL API's tenant operations: query and page tenants, create and update them (with
 * intent-named helpers), labels, subscriptions and support access. Inputs and results are the types
 * generated from the schema ({@code io.secopskit.taegis.generated}). Every argument travels as a GraphQL
 * variable; null input fields are left out. Queries are retried on transient failures; mutations are not.
 * Thread-safe.
 */
public final class TenantsClient {
    /** How {@link #list(TenantsQuery, PagingMode)} walks the results. Prefer {@link #CURSOR}. */
    public enum PagingMode {
        /**
         * {@code pageNum} 1, 2, 3 ... with {@code maxResults} per page. The document never says whether pages
         * count from 0 or 1; SecOpsKit <b>assumes 1-based pages</b> (its page-number example asks for
         * {@code pageNum: 2} after a first page). Pages shift when tenants are added or removed meanwhile.
         */
        PAGE_NUMBER,
        /**
         * {@code cursorPos} from each answer — the recommended mode and the one the examples use: it does not
         * depend on where pages start. A cursor is only valid for the sort it was issued under (the document:
         * changing the order changes the cursor), which {@code list} keeps by sending the same
         * {@code orderBy}/{@code orderDir} with every page.
         */
        CURSOR
    }

    private final GraphQLTransport transport;

    TenantsClient(GraphQLTransport transport) {
        this.transport = transport;
    }

    private <T> T run(GraphQLOperationRequest request, Map<String, String> types, GraphQLResponseProjection projection,
                      Class<T> type) {
        return transport.run(request, types, projection, null, type);
    }

    private static Map<String, String> types(String... nameTypePairs) {
        return Documents.types(nameTypePairs);
    }

    private static String id(String operation, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(GraphQLTransport.VENDOR, operation, field, "is required and must not be blank");
        }
        return value;
    }

    /**
     * One page of {@code tenants(tenantsQuery:)} with every filter and sort of {@link TenantsQuery}
     * (name with {@code %} wildcards, ids, forHierarchies, environmentFilter, labelFilter, withService(s),
     * withPartnerSubscription(s), partnership, created/modified time filters, isPartner, withSupport,
     * orderBy, orderDir, maxResults, pageNum or cursorPos).
     *
     * @param query the query
     * @return the page with its paging metadata
     */
    public TenantResults tenants(TenantsQuery query) {
        Objects.requireNonNull(query, "query");
        TenantsQueryRequest request = new TenantsQueryRequest();
        request.setTenantsQuery(query);
        return run(request, types("tenantsQuery", "TenantsQuery!"), Projections.tenantResults(), TenantResults.class);
    }

    /**
     * Every tenant matching the query, lazily, one page of {@code maxResults} (default 100) at a time —
     * by cursor (recommended) or by page number, which assumes the first page is {@code pageNum} 1. The
     * query's own {@code pageNum} / {@code cursorPos} are ignored.
     *
     * @param query filters, sort and page size
     * @param mode  page-number or cursor paging
     * @return the tenants
     */
    public PagedIterable<Tenant> list(TenantsQuery query, PagingMode mode) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(mode, "mode");
        int pageSize = query.getMaxResults() == null ? 100 : query.getMaxResults();
        if (pageSize < 1) {
            throw new ValidationException(GraphQLTransport.VENDOR, "tenants", "maxResults", "must be at least 1");
        }
        if (mode == PagingMode.PAGE_NUMBER) {
            return Pager.of("taegis.tenants.pages", 1L, Pager.StateCodec.LONG, (Long page) -> {
                TenantsQuery q = copy(query, pageSize);
                q.setPageNum(Math.toIntExact(page));
                TenantResults r = tenants(q);
                List<Tenant> items = r.getResults() == null ? List.of() : r.getResults();
                boolean more = Boolean.TRUE.equals(r.getHasMore()) && !items.isEmpty();
                return new Pager.Step<>(items, more ? page + 1 : null, r.getTotalCount() == null ? -1 : r.getTotalCount());
            });
        }
        return Pager.token("taegis.tenants", cursor -> {
            TenantsQuery q = copy(query, pageSize);
            q.setCursorPos(cursor);
            TenantResults r = tenants(q);
            List<Tenant> items = r.getResults() == null ? List.of() : r.getResults();
            boolean more = Boolean.TRUE.equals(r.getHasMore()) && !items.isEmpty();
            return new Pager.Step<>(items, more ? r.getCursorPos() : null, r.getTotalCount() == null ? -1 : r.getTotalCount());
        });
    }

    private TenantsQuery copy(TenantsQuery query, int pageSize) {
        TenantsQuery q = transport.mapper().convertValue(query, TenantsQuery.class);
        q.setMaxResults(pageSize);
        q.setPageNum(null);
        q.setCursorPos(null);
        return q;
    }

    /**
     * {@code createTenant(newTenant:)}: creates a tenant under a partner the caller can access.
     *
     * @param input name (required), parentTenantID, environments, labels, expiresAt ...
     * @return the created tenant
     */
    public Tenant createTenant(TenantCreateInput input) {
        Objects.requireNonNull(input, "input");
        id("createTenant", "newTenant.name", input.getName());
        CreateTenantMutationRequest request = new CreateTenantMutationRequest();
        request.setNewTenant(input);
        return run(request, types("newTenant", "TenantCreateInput!"), Projections.tenant(), Tenant.class);
    }

    /**
     * {@code updateTenant(tenantID:, tenantUpdate:)}.
     *
     * @param tenantId the tenant
     * @param update   the changes (null fields are not sent; use {@code clearExpiration} to clear the expiry)
     * @return the tenant after the change
     */
    public Tenant updateTenant(String tenantId, TenantUpdateInput update) {
        Objects.requireNonNull(update, "update");
        UpdateTenantMutationRequest request = new UpdateTenantMutationRequest();
        request.setTenantID(id("updateTenant", "tenantID", tenantId));
        request.setTenantUpdate(update);
        return run(request, types("tenantID", "ID!", "tenantUpdate", "TenantUpdateInput!"), Projections.tenant(), Tenant.class);
    }

    /**
     * Renames a tenant.
     *
     * @param tenantId the tenant
     * @param name     the new name
     * @return the tenant
     */
    public Tenant rename(String tenantId, String name) {
        return updateTenant(tenantId, TenantUpdateInput.builder().setName(id("updateTenant", "name", name)).build());
    }

    /**
     * Turns environments on or off.
     *
     * @param tenantId     the tenant
     * @param environments environment to enabled flag
     * @return the tenant
     */
    public Tenant setEnvironments(String tenantId, Map<TenantEnvironment, Boolean> environments) {
        if (environments == null || environments.isEmpty()) {
            throw new ValidationException(GraphQLTransport.VENDOR, "updateTenant", "environments", "must name at least one environment");
        }
        List<TenantEnvironmentUpdateInput> list = new ArrayList<>();
        environments.forEach((env, enabled) -> list.add(TenantEnvironmentUpdateInput.builder().setName(env)
                .setEnabled(enabled).build()));
        return updateTenant(tenantId, TenantUpdateInput.builder().setEnvironments(list).build());
    }

    /**
     * Disables a tenant ({@code disable: true}: every environment is turned off).
     *
     * @param tenantId the tenant
     * @return the tenant
     */
    public Tenant disable(String tenantId) {
        return updateTenant(tenantId, TenantUpdateInput.builder().setDisable(true).build());
    }

    /**
     * Sets when a tenant expires ({@code updateTenant} with {@code expiresAt}).
     *
     * <p><b>A tenant with an expiry is disabled automatically after 60 days</b>, the document says. It does
     * not say where the 60 days start — at the expiry time, or when the expiry was set; SecOpsKit's
     * {@code FakeTaegis} assumes the expiry time. To keep a tenant, {@link #clearExpiry} it or move the expiry.
     *
     * @param tenantId  the tenant
     * @param expiresAt the expiry
     * @return the tenant
     */
    public Tenant setExpiry(String tenantId, Instant expiresAt) {
        Objects.requireNonNull(expiresAt, "expiresAt");
        return updateTenant(tenantId, TenantUpdateInput.builder().setExpiresAt(expiresAt.toString()).build());
    }

    /**
     * Removes a tenant's expiry ({@code clearExpiration: true}; sending a null expiry would be ignored).
     *
     * @param tenantId the tenant
     * @return the tenant
     */
    public Tenant clearExpiry(String tenantId) {
        return updateTenant(tenantId, TenantUpdateInput.builder().setClearExpiration(true).build());
    }

    /**
     * {@code createTenantLabel(tenant_id:, label_input:)}.
     *
     * @param tenantId the tenant
     * @param label    name and value
     * @return the label
     */
    public TenantLabel createLabel(String tenantId, InputTenantLabel label) {
        Objects.requireNonNull(label, "label");
        id("createTenantLabel", "label_input.name", label.getName());
        CreateTenantLabelMutationRequest request = new CreateTenantLabelMutationRequest();
        request.setTenant_id(id("createTenantLabel", "tenant_id", tenantId));
        request.setLabel_input(label);
        return run(request, types("tenant_id", "ID!", "label_input", "InputTenantLabel!"), Projections.label(), TenantLabel.class);
    }

    /**
     * {@code updateTenantLabel(label_id:, tenant_id:, label_input:)}.
     *
     * @param labelId  the label
     * @param tenantId the tenant
     * @param label    the new name and value
     * @return the label
     */
    public TenantLabel updateLabel(String labelId, String tenantId, InputTenantLabel label) {
        Objects.requireNonNull(label, "label");
        UpdateTenantLabelMutationRequest request = new UpdateTenantLabelMutationRequest();
        request.setLabel_id(id("updateTenantLabel", "label_id", labelId));
        request.setTenant_id(id("updateTenantLabel", "tenant_id", tenantId));
        request.setLabel_input(label);
        return run(request, types("label_id", "ID!", "tenant_id", "ID!", "label_input", "InputTenantLabel!"),
                Projections.label(), TenantLabel.class);
    }

    /**
     * {@code deleteTenantLabel(label_id:, tenant_id:)}.
     *
     * @param labelId  the label
     * @param tenantId the tenant
     * @return the deleted label
     */
    public TenantLabel deleteLabel(String labelId, String tenantId) {
        DeleteTenantLabelMutationRequest request = new DeleteTenantLabelMutationRequest();
        request.setLabel_id(id("deleteTenantLabel", "label_id", labelId));
        request.setTenant_id(id("deleteTenantLabel", "tenant_id", tenantId));
        return run(request, types("label_id", "ID!", "tenant_id", "ID!"), Projections.label(), TenantLabel.class);
    }

    /**
     * {@code createSubscription(input:)}: a partner service that can be assigned to tenants.
     *
     * @param input name, description, owner
     * @return the subscription (a {@code Service})
     */
    public Service createSubscription(NewSubscription input) {
        Objects.requireNonNull(input, "input");
        id("createSubscription", "input.name", input.getName());
        CreateSubscriptionMutationRequest request = new CreateSubscriptionMutationRequest();
        request.setInput(input);
        return run(request, types("input", "NewSubscription!"), Projections.service(), Service.class);
    }

    /**
     * {@code updateSubscription(input:)}.
     *
     * @param input the id and changes
     * @return the subscription
     */
    public Service updateSubscription(SubscriptionUpdate input) {
        Objects.requireNonNull(input, "input");
        id("updateSubscription", "input.id", input.getId());
        UpdateSubscriptionMutationRequest request = new UpdateSubscriptionMutationRequest();
        request.setInput(input);
        return run(request, types("input", "SubscriptionUpdate!"), Projections.service(), Service.class);
    }

    /**
     * {@code deleteSubscription(id:)}.
     *
     * @param subscriptionId the subscription
     * @return the deleted subscription
     */
    public Service deleteSubscription(String subscriptionId) {
        DeleteSubscriptionMutationRequest request = new DeleteSubscriptionMutationRequest();
        request.setId(id("deleteSubscription", "id", subscriptionId));
        return run(request, types("id", "ID!"), Projections.service(), Service.class);
    }

    /**
     * {@code assignSubscription(tenant_id:, subscription_id:)}.
     *
     * @param tenantId       the tenant
     * @param subscriptionId the subscription
     * @return the tenant
     */
    public Tenant assignSubscription(String tenantId, String subscriptionId) {
        AssignSubscriptionMutationRequest request = new AssignSubscriptionMutationRequest();
        request.setTenant_id(id("assignSubscription", "tenant_id", tenantId));
        request.setSubscription_id(id("assignSubscription", "subscription_id", subscriptionId));
        return run(request, types("tenant_id", "ID!", "subscription_id", "ID!"), Projections.tenant(), Tenant.class);
    }

    /**
     * {@code unassignSubscription(tenant_id:, subscription_id:)}.
     *
     * @param tenantId       the tenant
     * @param subscriptionId the subscription
     * @return the tenant
     */
    public Tenant unassignSubscription(String tenantId, String subscriptionId) {
        UnassignSubscriptionMutationRequest request = new UnassignSubscriptionMutationRequest();
        request.setTenant_id(id("unassignSubscription", "tenant_id", tenantId));
        request.setSubscription_id(id("unassignSubscription", "subscription_id", subscriptionId));
        return run(request, types("tenant_id", "ID!", "subscription_id", "ID!"), Projections.tenant(), Tenant.class);
    }

    /**
     * {@code enableTenantSupport(tenantID:)}: lets Secureworks support access a tenant under a partner.
     *
     * @param tenantId the tenant
     * @return the tenant
     */
    public Tenant enableSupport(String tenantId) {
        EnableTenantSupportMutationRequest request = new EnableTenantSupportMutationRequest();
        request.setTenantID(id("enableTenantSupport", "tenantID", tenantId));
        return run(request, types("tenantID", "ID!"), Projections.tenant(), Tenant.class);
    }

    /**
     * {@code disableTenantSupport(tenantID:)}.
     *
     * @param tenantId the tenant
     * @return the tenant
     */
    public Tenant disableSupport(String tenantId) {
        DisableTenantSupportMutationRequest request = new DisableTenantSupportMutationRequest();
        request.setTenantID(id("disableTenantSupport", "tenantID", tenantId));
        return run(request, types("tenantID", "ID!"), Projections.tenant(), Tenant.class);
    }
}
