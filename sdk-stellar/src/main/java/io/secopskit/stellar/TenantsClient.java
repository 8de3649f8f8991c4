package io.secopskit.stellar;

import io.secopskit.core.http.Operation;
import io.secopskit.core.spi.ApiRequest;
import io.secopskit.core.spi.VendorPipeline;
import io.secopskit.core.spi.Pager;
import io.secopskit.core.paging.PagedIterable;
import io.secopskit.stellar.internal.Envelopes;
import io.secopskit.stellar.internal.StellarRules;
import io.secopskit.stellar.model.Tenant;
import io.secopskit.stellar.model.TenantRequest;
import java.util.Objects;

/**
 * Stellar Cyber tenants ({@code /connect/api/v1/tenants}). Obtain it from
 * {@link StellarCyberClient#tenants()}. Thread-safe.
 */
public final class TenantsClient {
    private static final String BASE = "/connect/api/v1/tenants";
    static final Operation LIST = Operation.builder(StellarRules.VENDOR, "ListTenants", "GET", BASE).build();
    static final Operation GET = Operation.builder(StellarRules.VENDOR, "GetTenant", "GET", BASE + "/{id}").build();
    static final Operation CREATE = Operation.builder(StellarRules.VENDOR, "CreateTenant", "POST", BASE + "/").build();
    static final Operation UPDATE = Operation.builder(StellarRules.VENDOR, "UpdateTenant", "PATCH", BASE + "/{id}")
            .idempotent(true).build();
    static final Operation DELETE = Operation.builder(StellarRules.VENDOR, "DeleteTenant", "DELETE", BASE + "/{id}").build();

    private final VendorPipeline pipeline;

    TenantsClient(VendorPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /**
     * Lists the tenants the key can see ({@code GET /connect/api/v1/tenants}); the API returns them in one
     * answer, fetched when iteration starts.
     *
     * @return the tenants
     */
    public PagedIterable<Tenant> list() {
        return Pager.single(LIST.qualifiedName(), () -> Envelopes.list(pipeline, ApiRequest.of(LIST).build(), Tenant.class));
    }

    /**
     * Reads one tenant ({@code GET /connect/api/v1/tenants/{id}}).
     *
     * @param tenantId the tenant id ({@code cust_id})
     * @return the tenant
     * @throws io.secopskit.core.error.NotFoundException when there is no such tenant
     */
    public Tenant get(String tenantId) {
        return Envelopes.data(pipeline, ApiRequest.of(GET).path("id", StellarRules.id(GET.name(), "tenant_id", tenantId))
                .build(), Tenant.class);
    }

    /**
     * Creates a tenant ({@code POST /connect/api/v1/tenants/}). Not retried: a repeat could create a
     * second tenant.
     *
     * @param request built with {@link TenantRequest.Builder#buildForCreate()}
     * @return the created tenant with its id
     */
    public Tenant create(TenantRequest request) {
        Objects.requireNonNull(request, "request");
        StellarRules.required(CREATE.name(), "cust_name", request.name());
        return Envelopes.data(pipeline, ApiRequest.of(CREATE).json(request).build(), Tenant.class);
    }

    /**
     * Changes a tenant ({@code PATCH /connect/api/v1/tenants/{id}}); sets the given fields, so a repeat has
     * the same effect.
     *
     * @param tenantId the tenant id
     * @param request  built with {@link TenantRequest.Builder#buildForUpdate()}
     * @return the tenant after the change
     */
    public Tenant update(String tenantId, TenantRequest request) {
        Objects.requireNonNull(request, "request");
        return Envelopes.data(pipeline, ApiRequest.of(UPDATE).path("id", StellarRules.id(UPDATE.name(), "tenant_id", tenantId))
                .json(request).build(), Tenant.class);
    }

    /**
     * Deletes a tenant ({@code DELETE /connect/api/v1/tenants/{id}}).
     *
     * @param tenantId the tenant id
     */
    public void delete(String tenantId) {
        pipeline.execute(ApiRequest.of(DELETE).path("id", StellarRules.id(DELETE.name(), "tenant_id", tenantId)).build());
    }
}
