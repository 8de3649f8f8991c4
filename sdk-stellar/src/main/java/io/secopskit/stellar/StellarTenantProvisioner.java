package io.secopskit.stellar;

import io.secopskit.core.provisioning.ProvisionedTenant;
import io.secopskit.core.provisioning.TenantProvisioner;
import io.secopskit.core.provisioning.TenantSpec;
import io.secopskit.stellar.model.Tenant;
import io.secopskit.stellar.model.TenantRequest;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Onboards a customer to Stellar Cyber as a tenant named like the customer ({@code cust_name}), with the
 * spec's contact and the hint {@code stellar.retention_group}. Find looks the name up in the tenant list;
 * {@link #deprovision} deletes the tenant.
 */
public final class StellarTenantProvisioner implements TenantProvisioner {
    private final StellarClient client;

    /**
     * Creates the provisioner.
     *
     * @param client the Stellar Cyber client
     */
    public StellarTenantProvisioner(StellarClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public String vendor() {
        return "stellar";
    }

    @Override
    public Optional<ProvisionedTenant> find(TenantSpec spec) {
        return client.tenants().list().stream().filter(t -> spec.displayName().equals(t.name())).findFirst()
                .map(t -> ProvisionedTenant.found(vendor(), t.id()));
    }

    @Override
    public ProvisionedTenant provision(TenantSpec spec) {
        TenantRequest.Builder request = TenantRequest.builder().name(spec.displayName())
                .info("customer_code=" + spec.customerCode());
        if (spec.contactName() != null) {
            request.contact(spec.contactName());
        }
        if (spec.contactEmail() != null) {
            request.contactEmail(spec.contactEmail());
        }
        if (spec.hint("stellar.retention_group") != null) {
            request.retentionGroup(spec.hint("stellar.retention_group"));
        }
        Tenant t = client.tenants().create(request.buildForCreate());
        return new ProvisionedTenant(vendor(), t.id(), ProvisionedTenant.Status.CREATED, Map.of(), Map.of());
    }

    @Override
    public void deprovision(ProvisionedTenant tenant) {
        client.tenants().delete(tenant.tenantId());
    }
}
