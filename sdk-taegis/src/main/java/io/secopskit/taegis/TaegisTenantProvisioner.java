package io.secopskit.taegis;

import io.secopskit.core.Beta;
import io.secopskit.core.provisioning.PlannedAction;
import io.secopskit.core.provisioning.ProvisionedTenant;
import io.secopskit.core.provisioning.TenantProvisioner;
import io.secopskit.core.provisioning.TenantSpec;
import io.secopskit.taegis.generated.InputTenantLabel;
import io.secopskit.taegis.generated.Tenant;
import io.secopskit.taegis.generated.TenantCreateInput;
import io.secopskit.taegis.generated.TenantEnvironment;
import io.secopskit.taegis.generated.TenantLabel;
import io.secopskit.taegis.generated.TenantLabelFilter;
import io.secopskit.taegis.generated.TenantsQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    @Override
    public String vendor() {
        return "taegis";
    }

    @Override
    public Optional<ProvisionedTenant> find(TenantSpec spec) {
        List<Tenant> found = client.tenants().tenants(TenantsQuery.builder().setMaxResults(10)
                .setForHierarchies(List.of(partnerTenantId))
                .setLabelFilter(TenantLabelFilter.builder().setLabel_name(CODE_LABEL).setLabel_value(spec.customerCode()).build())
                .build()).getResults();
        if (found == null) {
            return Optional.empty();
        }
        return found.stream().filter(t -> spec.customerCode().equals(codeLabel(t))).findFirst().map(this::toFound);
    }

    @Override
    public Optional<ProvisionedTenant> findBound(TenantSpec spec, String tenantId) {
        List<Tenant> found = client.tenants().tenants(TenantsQuery.builder().setMaxResults(1).setIds(List.of(tenantId)).build())
                .getResults();
        return found == null ? Optional.empty() : found.stream().filter(t -> tenantId.equals(t.getId())).findFirst().map(this::toFound);
    }

    private ProvisionedTenant toFound(Tenant t) {
        Map<String, String> attributes = new LinkedHashMap<>();
        String code = codeLabel(t);
        if (code != null) {
            attributes.put(ProvisionedTenant.CUSTOMER_CODE, code);
        }
        attributes.put("parent", partnerTenantId);
        if (t.getName() != null) {
            attributes.put("name", t.getName());
        }
        return new ProvisionedTenant(vendor(), t.getId(), ProvisionedTenant.Status.FOUND, attributes, Map.of());
    }

    private static String codeLabel(Tenant t) {
        if (t.getLabels() == null) {
            return null;
        }
        for (TenantLabel l : t.getLabels()) {
            if (l != null && CODE_LABEL.equals(l.getName())) {
                return l.getValue();
            }
        }
        return null;
    }

    @Override
    public ProvisionedTenant provision(TenantSpec spec) {
        List<InputTenantLabel> labels = new ArrayList<>();
        labels.add(InputTenantLabel.builder().setName(CODE_LABEL).setValue(spec.customerCode()).build());
        spec.labels().forEach((k, v) -> labels.add(InputTenantLabel.builder().setName(k).setValue(v).build()));
        TenantCreateInput.Builder input = TenantCreateInput.builder().setName(spec.displayName())
                .setParentTenantID(partnerTenantId).setLabels(labels);
        String environment = spec.hint("taegis.environment");
        if (environment != null) {
            input.setEnvironments(List.of(TenantEnvironment.valueOf(environment)));
        }
        Tenant t = client.tenants().createTenant(input.build());
        return new ProvisionedTenant(vendor(), t.getId(), ProvisionedTenant.Status.CREATED,
                Map.of(ProvisionedTenant.CUSTOMER_CODE, spec.customerCode(), "parent", partnerTenantId), Map.of());
    }

    @Override
    public PlannedAction plannedCreate(TenantSpec spec) {
        return PlannedAction.create(spec.customerCode(), vendor(), "taegis.createTenant", client.endpoint().getHost(), true,
                "Taegis has no tenant delete: the tenant can later only be disabled");
    }

    @Override
    public void deprovision(ProvisionedTenant tenant) {
        client.tenants().disable(tenant.tenantId());
    }
}
