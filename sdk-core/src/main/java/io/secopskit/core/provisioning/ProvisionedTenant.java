package io.secopskit.core.provisioning;

import io.secopskit.core.Secret;
import java.util.Map;
import java.util.Objects;

/**
 * A customer's tenant (or equivalent) at one vendor.
 *
 * @param vendor     vendor id
 * @param tenantId   the vendor's id for it
 * @param status     whether this run created it or found it
 * @param attributes non-secret details (names, hosts, ids of related records)
 * @param secrets    credentials the vendor returned (on creation, or read back where the vendor allows);
 *                   never logged or journaled
 */
public record ProvisionedTenant(String vendor, String tenantId, Status status, Map<String, String> attributes,
                                Map<String, Secret> secrets) {
    /**
     * The attribute holding the customer code read from the tenant's vendor-side tag (label, field,
     * name); onboarding compares it with the customer's code before trusting a binding.
     */
    public static final String CUSTOMER_CODE = "customer_code";

    /** How the tenant came about in this run. */
    public enum Status {
        /** Created by this run. */
        CREATED,
        /** Already existed; nothing was created. */
        FOUND
    }

    /** Copies the maps. */
    public ProvisionedTenant {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(status, "status");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
    }

    /**
     * A tenant that already existed.
     *
     * @param vendor   vendor id
     * @param tenantId the id
     * @return the record
     */
    public static ProvisionedTenant found(String vendor, String tenantId) {
        return new ProvisionedTenant(vendor, tenantId, Status.FOUND, Map.of(), Map.of());
    }
}
