package io.secopskit.core.provisioning;

import io.secopskit.core.Beta;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What an onboarding or offboarding would do, shown before anything is written: {@link PlannedAction}s per
 * customer and vendor, found by reads only. Applications print it and ask for confirmation before {@code run}.
 *
 * @param actions the actions, in step order
 */
@Beta
public record Plan(List<PlannedAction> actions) {
    /** Copies the actions. */
    public Plan {
        actions = List.copyOf(actions);
    }

    /**
     * Returns the actions that write at a vendor.
     *
     * @return the writes
     */
    public List<PlannedAction> writes() {
        return actions.stream().filter(PlannedAction::writes).collect(Collectors.toList());
    }

    /**
     * Returns the plan as a text table for people: customer, vendor, action, operation, host, and the notes
     * below it.
     *
     * @return the table
     */
    public String render() {
        StringBuilder sb = new StringBuilder();
        String format = "%-18s %-12s %-7s %-34s %s%n";
        sb.append(String.format(format, "customer", "vendor", "action", "operation", "host / tenant"));
        for (PlannedAction a : actions) {
            sb.append(String.format(format, a.customerCode(), a.vendor(), a.action(),
                    a.operation() == null ? "-" : a.operation(),
                    a.tenantId() == null ? a.host() == null ? "-" : a.host()
                            : a.host() == null || !a.writes() ? "tenant " + a.tenantId() : a.host() + ", tenant " + a.tenantId()));
        }
        for (PlannedAction a : actions) {
            if (a.note() != null) {
                sb.append("  ").append(a.vendor()).append(a.irreversible() ? " (cannot be undone): " : ": ").append(a.note())
                        .append(System.lineSeparator());
            }
        }
        return sb.toString();
    }
}
