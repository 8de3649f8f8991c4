package io.secopskit.core.store;

import io.secopskit.core.Beta;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A change of a binding's state (active → suspended → removed, or suspended → active on restore), kept for good:
 * offboarding counts its grace period from the recorded suspend time and restores from the facts recorded with
 * the suspend (for example the Taegis environments that were on). Holds no secret.
 *
 * @param sequence     the store's order of transitions (0 for one not yet written)
 * @param customerCode the customer
 * @param vendor       vendor id
 * @param tenantId     the bound resource
 * @param from         the state before
 * @param to           the state after
 * @param at           when
 * @param runId        the run that made the change
 * @param details      non-secret facts: what was written, what restore needs, notes
 */
@Beta
public record BindingTransition(long sequence, String customerCode, String vendor, String tenantId, Binding.State from,
                                Binding.State to, Instant at, String runId, Map<String, String> details) {
    /** Checks the fields and copies the details. */
    public BindingTransition {
        Objects.requireNonNull(customerCode, "customerCode");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(runId, "runId");
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /**
     * Returns the transition with the sequence a store gave it.
     *
     * @param value the sequence
     * @return a copy
     */
    public BindingTransition withSequence(long value) {
        return new BindingTransition(value, customerCode, vendor, tenantId, from, to, at, runId, details);
    }
}
