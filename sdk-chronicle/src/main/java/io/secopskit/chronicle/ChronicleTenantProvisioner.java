package io.secopskit.chronicle;

import io.secopskit.chronicle.model.CreateCustomerRequest;
import io.secopskit.chronicle.model.Credential;
import io.secopskit.chronicle.model.Customer;
import io.secopskit.chronicle.model.RetentionDuration;
import io.secopskit.core.Secret;
import io.secopskit.core.error.NotFoundException;
import io.secopskit.core.provisioning.ProvisionedTenant;
import io.secopskit.core.provisioning.TenantProvisioner;
import io.secopskit.core.provisioning.TenantSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Onboards a customer to Google Security Operations: find by GetCustomer (customer code), create with
 * CreateCustomer (subdomain = customer code; retention SIX_MONTHS for 6 months or less, else ONE_YEAR).
 * The returned credentials are handed back as secrets named by credential type. The API has no delete:
 * {@link #deprovision} switches the customer's web application off (SetUIState false).
 */
public final class ChronicleTenantProvisioner implements TenantProvisioner {
    private final ChronicleClient client;

    /**
     * Creates the provisioner.
     *
     * @param client the Chronicle client
     */
    public ChronicleTenantProvisioner(ChronicleClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public String vendor() {
        return "chronicle";
    }

    @Override
    public Optional<ProvisionedTenant> find(TenantSpec spec) {
        try {
            Customer c = client.customers().getCustomer(spec.customerCode());
            return Optional.of(new ProvisionedTenant(vendor(), c.id() != null ? c.id() : spec.customerCode(),
                    ProvisionedTenant.Status.FOUND, Map.of("customer_code", spec.customerCode()), Map.of()));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public ProvisionedTenant provision(TenantSpec spec) {
        Customer c = client.customers().createCustomer(CreateCustomerRequest.builder()
                .customerName(spec.displayName())
                .customerCode(spec.customerCode())
                .customerSubdomain(spec.customerCode())
                .retentionDuration(spec.retentionMonths() <= 6 ? RetentionDuration.SIX_MONTHS : RetentionDuration.ONE_YEAR)
                .build());
        Map<String, Secret> secrets = new LinkedHashMap<>();
        for (Credential credential : c.credentials()) {
            if (credential.credential() != null) {
                secrets.put(String.valueOf(credential.credentialType()), credential.credential());
            }
        }
        return new ProvisionedTenant(vendor(), c.id(), ProvisionedTenant.Status.CREATED,
                Map.of("customer_code", spec.customerCode()), secrets);
    }

    @Override
    public void deprovision(ProvisionedTenant tenant) {
        client.customers().setUiState(tenant.attributes().getOrDefault("customer_code", tenant.tenantId()), false);
    }
}
