package io.secopskit.core.store;

import io.secopskit.core.Beta;
import java.time.Instant;
import java.util.Objects;

/**
 * The lasting link between a customer and its resource at one vendor (a tenant, a feed, a record),
 * written when the resource is created or first found and kept afterwards. Onboarding consults it before
 * searching the vendor, so a tenant renamed or relabelled at the vendor never leads to a second one.
 *
 * @param customerCode the customer
 * @param vendor       vendor id
 * @param tenantId     the vendor's id of the resource
 * @param state        whether the customer is active at the vendor
 * @param origin       how the binding came about
 * @param createdAt    when it was written first
 * @param updatedAt    when it last changed
 */
@Beta
public record Binding(String customerCode, String vendor, String tenantId, State state, Origin origin, Instant createdAt,
                      Instant updatedAt) {
    /** The state of a customer at a vendor. */
    public enum State {
        /** In use. */
        ACTIVE,
        /** Switched off (offboarding's first phase); may be restored. */
        SUSPENDED,
        /** Removed at the vendor; kept as a record. */
        REMOVED
    }

    /** How a binding came about. */
    public enum Origin {
        /** SecOpsKit created the resource. */
        CREATED,
        /** SecOpsKit found an existing resource carrying the customer code in a vendor-side tag. */
        ADOPTED
    }

    /** Checks the fields. */
    public Binding {
        Objects.requireNonNull(customerCode, "customerCode");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
