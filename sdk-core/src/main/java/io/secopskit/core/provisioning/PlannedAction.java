package io.secopskit.core.provisioning;

import io.secopskit.core.Beta;
import java.util.Objects;

/**
 * One line of a {@link Plan}: what would be done for a customer at a vendor, where, and what cannot be undone.
 *
 * @param customerCode the customer
 * @param vendor       vendor id
 * @param action       what would be done
 * @param operation    the vendor operation that would be sent, for example {@code chronicle.CreateCustomer};
 *                     null when nothing is sent
 * @param host         the host it goes to, when known
 * @param tenantId     the existing tenant, for NO_OP, CANNOT and the offboarding actions
 * @param irreversible whether the vendor offers no way to delete what the action creates
 * @param note         a remark for people (what cannot be undone, why nothing is done), or null
 */
@Beta
public record PlannedAction(String customerCode, String vendor, Action action, String operation, String host, String tenantId,
                            boolean irreversible, String note) {
    /** What a plan would do. */
    public enum Action {
        /** Create the tenant (a write). */
        CREATE,
        /** Nothing: the tenant exists. */
        NO_OP,
        /** Nothing can be done automatically; the note says why. */
        CANNOT,
        /** Suspend the tenant reversibly (a write; offboarding). */
        SUSPEND,
        /** Remove the tenant irreversibly (a write; offboarding). */
        REMOVE,
        /** Bring a suspended tenant back (a write; offboarding's undo). */
        RESTORE
    }

    /** Checks the required fields. */
    public PlannedAction {
        Objects.requireNonNull(customerCode, "customerCode");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(action, "action");
    }

    /**
     * A planned create.
     *
     * @param customerCode the customer
     * @param vendor       vendor id
     * @param operation    the operation that would be sent
     * @param host         the host it goes to, or null
     * @param irreversible whether the vendor cannot delete what it creates
     * @param note         a remark, or null
     * @return the action
     */
    public static PlannedAction create(String customerCode, String vendor, String operation, String host, boolean irreversible,
                                       String note) {
        return new PlannedAction(customerCode, vendor, Action.CREATE, operation, host, null, irreversible, note);
    }

    /**
     * Returns whether carrying out this action writes at the vendor.
     *
     * @return true for CREATE, SUSPEND, REMOVE and RESTORE
     */
    public boolean writes() {
        return action == Action.CREATE || action == Action.SUSPEND || action == Action.REMOVE || action == Action.RESTORE;
    }
}
