package io.secopskit.taegis;

import io.secopskit.core.Beta;
import io.secopskit.core.provisioning.PlannedAction;
import io.secopskit.core.provisioning.ProvisionedTenant;
import io.secopskit.core.provisioning.TenantProvisioner;
import io.secopskit.core.provisioning.TenantSpec;
import io.secopskit.taegis.model.Tenant;
import io.secopskit.taegis.model.TenantEnvironment;
import io.secopskit.taegis.model.TenantLabel;
import io.secopskit.taegis.model.TenantQuery;
import io.secopskit.taegis.model.TenantRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Onboards a customer to Taegis XDR as a child tenant of the partner tenant, labelled
 * {@code customer_code=<code>} (plus the spec's labels); the hint {@code taegis.environment} (for example
 * {@code echo}) enables that environment.
 *
 * <ul>
 *   <li>{@link #find}: tenants under the partner's hierarchy whose label {@code customer_code} equals the code —
 *       the label is the vendor-side tag that adoption trusts; a tenant's name never is.</li>
 *   <li>{@link #findBound}: the bound tenant by id, whatever its name or labels now are (drift never creates a
 *       second tenant); its label, when present, is reported so a tenant of another customer is caught.</li>
 *   <li>Taegis issues no credentials. It has no tenant delete: {@link #deprovision} disables the tenant (every
 *       environment off), and a plan says so.</li>
 * </ul>
 */
@Beta
public final class TaegisTenantProvisioner implements TenantProvisioner {
    /** The label that ties a tenant to its customer code. */
    public static final String CODE_LABEL = "customer_code";

    private final TaegisClient client;
    private final String partnerTenantId;

    /**
     * Creates the provisioner.
     *
     * @param client          the Taegis client
     * @param partnerTenantId the partner tenant new tenants go under
     */
    public TaegisTenantProvisioner(TaegisClient client, String partnerTenantId) {
        this.client = Objects.requireNonNull(client, "client");
        this.partnerTenantId = Objects.requireNonNull(partnerTenantId, "partnerTenantId");
    }

    /** Returns {@value TaegisClient#VENDOR}. */
    @Override
    public String vendor() {
        return TaegisClient.VENDOR;
    }

    /**
     * Finds the tenant labelled with the spec's customer code under the partner's hierarchy
     * ({@code tenants} with {@code forHierarchies} and {@code labelFilter}, paged by cursor). A tenant's name is
     * never trusted.
     *
     * @param spec the customer
     * @return the tenant, when one carries the code
     */
    @Override
    public Optional<ProvisionedTenant> find(TenantSpec spec) {
        return client.tenants().list(TenantQuery.builder().pageSize(10).forHierarchies(partnerTenantId)
                        .label(CODE_LABEL, spec.customerCode()).build()).stream()
                .filter(t -> spec.customerCode().equals(codeLabel(t))).findFirst().map(this::toFound);
    }

    /**
     * Reads the bound tenant by id ({@code tenants} with {@code ids}), whatever its name or labels now are.
     *
     * @param spec     the customer
     * @param tenantId the bound tenant
     * @return the tenant, or empty when this client cannot see it
     */
    @Override
    public Optional<ProvisionedTenant> findBound(TenantSpec spec, String tenantId) {
        return client.tenants().list(TenantQuery.builder().pageSize(1).ids(tenantId).build()).stream()
                .filter(t -> tenantId.equals(t.id())).findFirst().map(this::toFound);
    }

    private ProvisionedTenant toFound(Tenant t) {
        Map<String, String> attributes = new LinkedHashMap<>();
        String code = codeLabel(t);
        if (code != null) {
            attributes.put(ProvisionedTenant.CUSTOMER_CODE, code);
        }
        attributes.put("parent", partnerTenantId);
        if (t.name() != null) {
            attributes.put("name", t.name());
        }
        return new ProvisionedTenant(vendor(), t.id(), ProvisionedTenant.Status.FOUND, attributes, Map.of());
    }

    private static String codeLabel(Tenant t) {
        if (t.labels() == null) {
            return null;
        }
        for (TenantLabel l : t.labels()) {
            if (CODE_LABEL.equals(l.name())) {
                return l.value();
            }
        }
        return null;
    }

    /**
     * Creates the tenant under the partner ({@code createTenant}), labelled {@code customer_code=<code>} and with
     * the spec's labels; the hint {@code taegis.environment} enables that environment.
     *
     * @param spec the customer
     * @return the created tenant
     */
    @Override
    public ProvisionedTenant provision(TenantSpec spec) {
        TenantRequest.Builder input = TenantRequest.builder().name(spec.displayName()).parentTenantId(partnerTenantId)
                .label(CODE_LABEL, spec.customerCode());
        spec.labels().forEach(input::label);
        String environment = spec.hint("taegis.environment");
        if (environment != null) {
            input.environment(TenantEnvironment.of(environment));
        }
        Tenant t = client.tenants().create(input.build());
        return new ProvisionedTenant(vendor(), t.id(), ProvisionedTenant.Status.CREATED,
                Map.of(ProvisionedTenant.CUSTOMER_CODE, spec.customerCode(), "parent", partnerTenantId), Map.of());
    }

    /**
     * Plans a {@code createTenant} on the tenants host; irreversible, since Taegis has no tenant delete.
     *
     * @param spec the customer
     * @return the planned action
     */
    @Override
    public PlannedAction plannedCreate(TenantSpec spec) {
        return PlannedAction.create(spec.customerCode(), vendor(), "taegis.createTenant", client.endpoint().getHost(), true,
                "Taegis has no tenant delete: the tenant can later only be disabled");
    }

    /**
     * Disables the tenant (every environment off); Taegis has no tenant delete.
     *
     * @param tenant the tenant
     */
    @Override
    public void deprovision(ProvisionedTenant tenant) {
        client.tenants().disable(tenant.tenantId());
    }
}
