package io.secopskit.chronicle.tenants;

import io.secopskit.chronicle.internal.Rules;
import io.secopskit.chronicle.internal.TenantRules;
import io.secopskit.core.Beta;
import io.secopskit.core.error.ConflictException;
import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.SecOpsException;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.error.ValidationException;
import io.secopskit.core.paging.PagedIterable;
import io.secopskit.core.spi.Pager;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The tenants of the partner's instance ({@code /v1alpha/{instance}/tenants}). Obtain it from
 * {@link TenantServiceClient#tenants()}; it shares the client's pipeline. Thread-safe.
 *
 * <p>Google's operations map to {@link #create} ({@code tenants.create}), {@link #list} ({@code tenants.list})
 * and {@link #update} ({@code tenants.patch}); {@link #ensure} and {@link #findByCustomerCode} are SecOpsKit's
 * find-before-create on top of them.
 */
@Beta
public final class TenantsClient {
    private final TenantServiceClient client;

    TenantsClient(TenantServiceClient client) {
        this.client = client;
    }

    /**
     * tenants.create ({@code POST /v1alpha/{parent}/tenants}): asks Google to create and provision a
     * tenant; returns the long-running operation at once. Reaches Google once, unless a documented resend
     * happens (a 408, 429, 500, 502, 503 or 504 answer, resent with the same body within the retry policy; see
     * {@link TenantServiceClient}); a dropped connection or a timeout is never resent. To never create twice,
     * prefer {@link #ensure}.
     *
     * @param request the tenant; every field the client's doc revision requires must be set
     * @return the operation (usually not yet done)
     * @throws ValidationException when a required field is missing (nothing is sent)
     * @throws TenantAlreadyExistsException when Google answers ALREADY_EXISTS and the request has a
     *         customer code: says whether the tenant is provisioned or which fields differ
     */
    public TenantOperation create(CreateTenantRequest request) {
        Objects.requireNonNull(request, "request");
        request.requireFields(client.requiredFields());
        TenantServiceClient.OperationJson json;
        try {
            json = client.pipeline().call(client.underInstance(TenantServiceClient.CREATE_TENANT).json(request).build(),
                    TenantServiceClient.OperationJson.class);
        } catch (ConflictException e) {
            if (request.customerCode() != null && "ALREADY_EXISTS".equals(e.vendorCode())) {
                throw explainAlreadyExists(request, e);
            }
            throw e;
        }
        return client.toOperation(json, TenantServiceClient.CREATE_TENANT);
    }

    private TenantAlreadyExistsException explainAlreadyExists(CreateTenantRequest request, ConflictException e) {
        String code = request.customerCode();
        Tenant existing;
        try {
            existing = findByCustomerCode(code).orElse(null);
        } catch (SecOpsException listFailure) {
            TenantAlreadyExistsException ex = alreadyExists(e.info(), TenantAlreadyExistsException.Reason.NOT_VISIBLE,
                    code, null, List.of(), e);
            ex.addSuppressed(listFailure);
            return ex;
        }
        if (existing == null) {
            return alreadyExists(e.info(), TenantAlreadyExistsException.Reason.NOT_VISIBLE, code, null, List.of(), e);
        }
        List<String> differing = request.differingFields(existing);
        return alreadyExists(e.info(), differing.isEmpty() ? TenantAlreadyExistsException.Reason.ALREADY_PROVISIONED
                : TenantAlreadyExistsException.Reason.FIELDS_DIFFER, code, existing, differing, e);
    }

    private static TenantAlreadyExistsException alreadyExists(ErrorInfo base, TenantAlreadyExistsException.Reason reason,
                                                              String code, Tenant existing, List<String> differing,
                                                              Throwable cause) {
        String why = switch (reason) {
            case ALREADY_PROVISIONED -> "tenant " + existing.name() + " already exists for customer code '" + code
                    + "' with the same fields (state " + existing.state() + ")";
            case FIELDS_DIFFER -> "tenant " + existing.name() + " exists for customer code '" + code
                    + "' with different values for " + differing;
            case NOT_VISIBLE -> "a tenant exists for customer code '" + code + "' but tenants.list does not show it";
        };
        String vendor = base.vendorMessage();
        ErrorInfo info = base.withVendorCode("ALREADY_EXISTS").withRetryable(false)
                .withVendorMessage((vendor == null || cause == null ? "" : vendor + " — ") + why);
        return new TenantAlreadyExistsException(info, reason, code, existing, differing, cause);
    }

    /**
     * Finds the customer code's tenant, or creates it and waits for it — never a second tenant for one
     * code. Steps: list tenants until one has the code ({@code tenants.list}, lazily, 100 per page); if it
     * is {@code ACTIVE}, return it ({@code FOUND}, with any fields that differ from the request reported as
     * drift, never as an error — a tenant renamed at Google is still the customer's tenant); otherwise
     * send {@code tenants.create} with the request's fields — which Google documents as retrying a workflow
     * stuck in ERROR or CANCELLED — and {@link TenantOperation#await await} the tenant ({@code CREATED}).
     * If Google answers ALREADY_EXISTS and the tenant carries the same fields (its workflow is still
     * running, or finished meanwhile), it is returned as {@code FOUND}.
     *
     * <p>{@code ACTIVE} as the provisioned state is a guess (Google lists no state values); if Google uses
     * another word, the only effect is one resend per call, answered with ALREADY_EXISTS.
     *
     * @param request the tenant; must carry a customer code
     * @param timeout how long to wait for the operation
     * @return the tenant and what happened
     * @throws ValidationException when the request has no customer code or lacks a required field
     * @throws TenantAlreadyExistsException when the code's tenant is not active and Google refuses the resend
     *         because other field values differ ({@code FIELDS_DIFFER}: correct the request to match and run again)
     * @throws TenantOperationFailedException when the creation workflow fails (ERROR, CANCELLED or an error)
     * @throws TenantOperationTimeoutException when the workflow is still running at the deadline
     */
    public EnsuredTenant ensure(CreateTenantRequest request, Duration timeout) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(timeout, "timeout");
        if (request.customerCode() == null) {
            throw new ValidationException(Rules.VENDOR, CreateTenantRequest.OP, "customerCode",
                    "is required by ensure: it is the idempotency key that prevents a second tenant");
        }
        request.requireFields(client.requiredFields());
        Optional<Tenant> found = findByCustomerCode(request.customerCode());
        if (found.isPresent() && found.get().isActive()) {
            return new EnsuredTenant(found.get(), EnsuredTenant.Outcome.FOUND, null, request.differingFields(found.get()));
        }
        TenantOperation op;
        try {
            op = create(request);
        } catch (TenantAlreadyExistsException e) {
            if (e.reason() == TenantAlreadyExistsException.Reason.ALREADY_PROVISIONED) {
                return new EnsuredTenant(e.existingTenant().orElseThrow(), EnsuredTenant.Outcome.FOUND, null, List.of());
            }
            throw e;
        }
        return new EnsuredTenant(op.await(timeout), EnsuredTenant.Outcome.CREATED, op.name(), List.of());
    }

    /**
     * tenants.list, {@value TenantServiceClient#MAX_PAGE_SIZE} tenants per page (the documented maximum).
     *
     * @return the partner's tenants, fetched lazily page by page
     */
    public PagedIterable<Tenant> list() {
        return list(TenantQuery.defaults());
    }

    /**
     * tenants.list ({@code GET /v1alpha/{parent}/tenants?pageSize=&pageToken=}): the partner's tenants,
     * fetched lazily; each iteration starts from the first page, and every page but the last carries a
     * continuation token ({@code byPage()}, {@code resumeFrom(token)}) to resume a long listing later. A page
     * that comes back empty but with a next-page token is followed (Google may do that); a token that repeats
     * is a server fault and fails the iteration instead of looping. Idempotent: retried on transient failures.
     *
     * @param query the page size
     * @return the tenants
     */
    public PagedIterable<Tenant> list(TenantQuery query) {
        Objects.requireNonNull(query, "query");
        int pageSize = query.pageSize();
        return Pager.token(Rules.VENDOR + "." + TenantServiceClient.LIST_TENANTS.name(), token -> {
            String current = token;
            while (true) {
                TenantServiceClient.TenantList page = client.pipeline().call(client.underInstance(
                        TenantServiceClient.LIST_TENANTS).query("pageSize", pageSize).query("pageToken", current).build(),
                        TenantServiceClient.TenantList.class);
                String next = page.nextPageToken();
                if (next != null && !next.isEmpty() && next.equals(current)) {
                    throw new ServerException(ErrorInfo.of(Rules.VENDOR, TenantServiceClient.LIST_TENANTS.name())
                            .withHost(client.endpoint().getHost()).withVendorCode("PAGING_LOOP")
                            .withVendorMessage("tenants.list returned the page token it was sent as the next one"));
                }
                if (!page.tenants().isEmpty() || next == null || next.isEmpty()) {
                    return new Pager.Step<>(page.tenants(), next, -1);
                }
                current = next;   // an empty page with a next token: follow it within this step
            }
        });
    }

    /**
     * Finds the tenant with a customer code by paging through {@code tenants.list} (stops at the first
     * match). The tenant service has no documented filter or get-by-code, so this costs up to one request
     * per 100 tenants.
     *
     * @param customerCode the customer code
     * @return the tenant, or empty when no tenant has that code
     * @throws ValidationException when the code breaks the customer-code rule
     */
    public Optional<Tenant> findByCustomerCode(String customerCode) {
        TenantRules.customerCode(TenantServiceClient.LIST_TENANTS.name(), customerCode);
        for (Tenant t : list()) {
            if (customerCode.equals(t.customerCode())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /**
     * tenants.patch ({@code PATCH /v1alpha/{tenant.name}?updateMask=...}): changes the auth method and/or
     * the workforce pool provider ids — the only fields Google documents as updatable. The mask names
     * exactly the fields the update sets. Idempotent (it sets values): retried on transient failures.
     *
     * @param tenantName the tenant, {@code <this client's instance>/tenants/<tenant id>}
     * @param update     the change
     * @return the tenant as Google returns it
     * @throws ValidationException when the name is not a tenant of this client's instance
     */
    public Tenant update(String tenantName, TenantUpdate update) {
        Objects.requireNonNull(update, "update");
        String prefix = client.instance() + "/tenants/";
        if (tenantName == null || !tenantName.startsWith(prefix)) {
            throw new ValidationException(Rules.VENDOR, TenantUpdate.OP, "tenant.name",
                    "must be '" + prefix + "<tenant id>' (was '" + TenantRules.printable(tenantName) + "')");
        }
        String tenantId = TenantRules.serverId(TenantUpdate.OP, "tenant.name", tenantName.substring(prefix.length()));
        return client.pipeline().call(client.underInstance(TenantServiceClient.UPDATE_TENANT).path("tenant", tenantId)
                .query("updateMask", String.join(",", update.updateMask())).json(update.body()).build(), Tenant.class);
    }
}
