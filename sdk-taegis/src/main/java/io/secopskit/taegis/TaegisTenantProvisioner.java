package io.secopskit.taegis;

import io.secopskit.core.provisioning.ProvisionedTenant;
import io.secopskit.core.provisioning.TenantProvisioner;
import io.secopskit.core.provisioning.TenantSpec;
import io.secopskit.taegis.generated.InputTenantLabel;
import io.secopskit.taegis.generated.Tenant;
import io.secopskit.taegis.generated.TenantCreateInput;
import io.secopskit.taegis.generated.TenantEnvironment;
import io.secopskit.taegis.generated.TenantLabelFilter;
import io.secopskit.taegis.generated.TenantsQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Onboards a customer to Taegis XDR as a child tenant of the partner tenant, labelled
 * {@code customer_code=<code>} (plus the spec's labels); the hint {@code taegis.environment} (for example
 * {@code echo}) enables that environment. Find looks for the label under the partner's hierarchy.
 * {@link #deprovision} disables the tenant (every environment off).
 */
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
        List<Tenant> found = client.tenants().tenants(TenantsQuery.builder().setMaxResults(1)
                .setForHierarchies(List.of(partnerTenantId))
                .setLabelFilter(TenantLabelFilter.builder().setLabel_name(CODE_LABEL).setLabel_value(spec.customerCode()).build())
                .build()).getResults();
        return found == null || found.isEmpty() ? Optional.empty()
                : Optional.of(ProvisionedTenant.found(vendor(), found.get(0).getId()));
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
                Map.of("parent", partnerTenantId), Map.of());
    }

    @Override
    public void deprovision(ProvisionedTenant tenant) {
        client.tenants().disable(tenant.tenantId());
    }
}
