package io.secopskit.core.provisioning;

import io.secopskit.core.Beta;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link TenantOffboarder} read about a bound tenant before offboarding writes anything: the customer code
 * its vendor-side tag holds (so a binding pointing at another customer's tenant is caught), whether it is
 * suspended, and further non-secret facts the offboarder needs later (environments, SSO connection ids ...).
 *
 * @param vendor       vendor id
 * @param tenantId     the vendor's id of the resource
 * @param customerCode the customer code of the tenant's tag, or null when it carries none
 * @param suspended    whether the tenant is suspended at the vendor; null when the vendor does not say
 * @param attributes   non-secret facts, never credentials
 */
@Beta
public record TenantState(String vendor, String tenantId, String customerCode, Boolean suspended, Map<String, String> attributes) {
    /** Checks the fields and copies the attributes. */
    public TenantState {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(tenantId, "tenantId");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /**
     * Returns an attribute.
     *
     * @param name its name
     * @return the value, or null
     */
    public String attribute(String name) {
        return attributes.get(name);
    }
}
