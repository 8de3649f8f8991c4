package io.secopskit.core.provisioning;

import io.secopskit.core.Beta;
import java.util.Optional;

/**
 * Creates, finds and removes a customer's tenant (or equivalent resource) at one vendor. Implementations
 * live in the vendor modules ({@code ChronicleTenantProvisioner}, ...); {@link Onboarding} drives them
 * with its guarantees (one run per customer, bindings, journal, credential sink).
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li>{@link #find} matches a tenant only by a vendor-side tag that holds the customer code (a label, a
 *       field, a name derived from the code) — never by display name alone: two customers may share a
 *       display name. The tenant it returns carries the tag's code as the attribute
 *       {@link ProvisionedTenant#CUSTOMER_CODE}, so a binding that points at another customer's tenant is
 *       detected.</li>
 *   <li>{@link #findBound} looks a tenant up by the id recorded in the customer's binding, so a tenant
 *       renamed or relabelled at the vendor is still found and never created twice.</li>
 *   <li>Credentials a vendor returns go into {@link ProvisionedTenant#secrets()}; a vendor that can read
 *       them back returns them from {@code find} and {@code findBound} too.</li>
 * </ul>
 * New methods arrive as {@code default} methods.
 */
@Beta
public interface TenantProvisioner {
    /**
     * Returns the vendor id, for example {@code chronicle}.
     *
     * @return the vendor id
     */
    String vendor();

    /**
     * Looks for the customer's existing tenant by its vendor-side customer-code tag.
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

    /**
     * Looks up the tenant a binding points at, by its vendor id. The default calls {@link #find} and keeps
     * the answer only when its id matches; vendor modules look the id up directly, so that a tenant whose
     * tag was changed at the vendor is still found.
     *
     * @param spec     the customer
     * @param tenantId the vendor id recorded in the binding
     * @return the tenant with status {@code FOUND}, or empty when the vendor no longer has it
     */
    default Optional<ProvisionedTenant> findBound(TenantSpec spec, String tenantId) {
        return find(spec).filter(t -> t.tenantId().equals(tenantId));
    }

    /**
     * Returns whether the vendor issues credentials when the tenant is created (for example Chronicle's API
     * keys), so that a result can say "none issued" for the others.
     *
     * @return true when {@link #provision} returns credentials
     */
    default boolean issuesCredentials() {
        return false;
    }

    /**
     * Describes the create this provisioner would send for a customer, for a plan shown before anything is
     * created: the operation, the host it goes to and what cannot be undone.
     *
     * @param spec the customer
     * @return the planned create
     */
    default PlannedAction plannedCreate(TenantSpec spec) {
        return PlannedAction.create(spec.customerCode(), vendor(), vendor() + ".provision", null, false, null);
    }

    /**
     * Returns what this vendor's tenant id is, for summaries (for example "customer code", "feed id",
     * "record sys_id").
     *
     * @return a short label
     */
    default String tenantIdLabel() {
        return "tenant id";
    }
}
