package io.secopskit.stellar;

import io.secopskit.core.http.Operation;
import io.secopskit.core.paging.PagedIterable;
import io.secopskit.core.spi.ApiRequest;
import io.secopskit.core.spi.Pager;
import io.secopskit.core.spi.VendorPipeline;
import io.secopskit.stellar.internal.Envelopes;
import io.secopskit.stellar.internal.StellarRules;
import io.secopskit.stellar.model.Tenant;
import io.secopskit.stellar.model.TenantRequest;

/**
 * Stellar Cyber tenants ({@code /connect/api/v1/tenants}). Obtain it from {@link StellarClient#tenants()}.
 * Thread-safe.
 *
 * <p>Reads, the update (it sets values) and the delete are retried on transient failures within the
 * client's retry policy; a create is never resent. Tenant ids ({@code cust_id}) are checked before
 * anything is sent: not empty, not {@code .} or {@code ..}, no control characters, {@code /}, {@code \} or
 * whitespace, at most 512 characters ({@link io.secopskit.core.error.ValidationException}, field
 * {@code tenant_id}).
 *
 * <p>A tenant's {@code info} ({@link TenantRequest.Builder#info(String)}, {@link Tenant#info()}) is free
 * text that Stellar Cyber stores and returns; onboarding keeps the customer's code there
 * ({@code customer_code=<code>}), because tenant names are display names, not identities.
 */
public final class TenantsClient {
    private static final String BASE = "/connect/api/v1/tenants";
    static final Operation LIST = Operation.builder(StellarClient.VENDOR, "ListTenants", "GET", BASE).build();
    static final Operation GET = Operation.builder(StellarClient.VENDOR, "GetTenant", "GET", BASE + "/{id}").build();
    static final Operation CREATE = Operation.builder(StellarClient.VENDOR, "CreateTenant", "POST", BASE + "/").build();
    static final Operation UPDATE = Operation.builder(StellarClient.VENDOR, "UpdateTenant", "PATCH", BASE + "/{id}")
            .idempotent(true).build();
    static final Operation DELETE = Operation.builder(StellarClient.VENDOR, "DeleteTenant", "DELETE", BASE + "/{id}")
            .build();

    private final VendorPipeline pipeline;

    TenantsClient(VendorPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /**
     * Lists the tenants the credentials can see ({@code GET /connect/api/v1/tenants}). The vendor documents no
     * filters or paging and returns every tenant in one answer, so the list has one page (without a
     * continuation token), fetched when iteration starts.
     *
     * @return the tenants
     * @throws io.secopskit.core.error.SecOpsException while iterating, for any failure of the request
     */
    public PagedIterable<Tenant> list() {
        return Pager.single(LIST.qualifiedName(), () -> Envelopes.list(pipeline, ApiRequest.of(LIST).build(), Tenant.class));
    }

    /**
     * Reads one tenant ({@code GET /connect/api/v1/tenants/{id}}).
     *
     * @param tenantId the tenant id ({@code cust_id})
     * @return the tenant
     * @throws io.secopskit.core.error.ValidationException if the id breaks a rule (nothing is sent)
     * @throws io.secopskit.core.error.NotFoundException   when there is no such tenant
     */
    public Tenant get(String tenantId) {
        String id = StellarRules.id(GET.name(), "tenant_id", tenantId);
        return Envelopes.data(pipeline, ApiRequest.of(GET).path("id", id).build(), Tenant.class);
    }

    /**
     * Creates a tenant ({@code POST /connect/api/v1/tenants/}). Sent at most once: a repeat could create a
     * second tenant, so a failure after sending (dropped connection, timeout, 5xx, 429) surfaces and is never
     * resent — look the tenant up (for example by the tag in {@code info}) before trying again.
     *
     * @param request built with {@link TenantRequest.Builder#buildForCreate()}
     * @return the created tenant with its id
     * @throws io.secopskit.core.error.ValidationException if the request lacks {@code cust_name} (nothing is sent)
     * @throws io.secopskit.core.error.ConflictException   when the vendor refuses a duplicate
     */
    public Tenant create(TenantRequest request) {
        StellarRules.present(CREATE.name(), "request", request);
        StellarRules.required(CREATE.name(), "cust_name", request.name());
        return Envelopes.data(pipeline, ApiRequest.of(CREATE).json(request).build(), Tenant.class);
    }

    /**
     * Changes a tenant ({@code PATCH /connect/api/v1/tenants/{id}}); it sets the given fields, so a repeat has
     * the same effect and it is retried on transient failures.
     *
     * @param tenantId the tenant id
     * @param request  built with {@link TenantRequest.Builder#buildForUpdate()}
     * @return the tenant after the change
     * @throws io.secopskit.core.error.ValidationException if the id breaks a rule (nothing is sent)
     * @throws io.secopskit.core.error.NotFoundException   when there is no such tenant
     */
    public Tenant update(String tenantId, TenantRequest request) {
        String id = StellarRules.id(UPDATE.name(), "tenant_id", tenantId);
        StellarRules.present(UPDATE.name(), "request", request);
        return Envelopes.data(pipeline, ApiRequest.of(UPDATE).path("id", id).json(request).build(), Tenant.class);
    }

    /**
     * Deletes a tenant ({@code DELETE /connect/api/v1/tenants/{id}}). Retried on transient failures; a
     * {@link io.secopskit.core.error.NotFoundException} after such a retry may mean the first attempt
     * already deleted it.
     *
     * @param tenantId the tenant id
     * @throws io.secopskit.core.error.ValidationException if the id breaks a rule (nothing is sent)
     * @throws io.secopskit.core.error.NotFoundException   when there is no such tenant
     */
    public void delete(String tenantId) {
        String id = StellarRules.id(DELETE.name(), "tenant_id", tenantId);
        pipeline.execute(ApiRequest.of(DELETE).path("id", id).build());
    }
}
