package io.secopskit.core.provisioning;

import java.util.Optional;

/**
 * Creates, finds and removes a customer's tenant at one vendor. Implementations live in the vendor
 * modules ({@code ChronicleTenantProvisioner}, ...) and must make {@link #find} reliable enough that
 * {@link Onboarding} never creates a tenant twice.
 */
public interface TenantProvisioner {
    /** Returns the vendor id, for example {@code chronicle}. */
    String vendor();

    /**
     * Looks for the customer's existing tenant.
     *
     * @param spec the customer
     * @return the tenant with status {@code FOUND}, or empty
     */
    Optional<ProvisionedTenant> find(TenantSpec spec);

    /**
     * Creates the customer's tenant.
     *
     * @param spec the customer
     * @return the tenant with status {@code CREATED} and any credentials the vendor returned
     */
    ProvisionedTenant provision(TenantSpec spec);

    /**
     * Removes or disables the tenant, as far as the vendor allows (each implementation documents what it does).
     *
     * @param tenant the tenant
     */
    void deprovision(ProvisionedTenant tenant);
}
