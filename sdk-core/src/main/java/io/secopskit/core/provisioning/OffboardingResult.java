package io.secopskit.core.provisioning;

import io.secopskit.core.Beta;
import io.secopskit.core.store.Binding;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an offboarding or restore run did for one customer: one {@link Step} per bound vendor, what a person must
 * still revoke by hand, what happened to the customer's credentials in the sink, and warnings.
 *
 * @param customerCode       the customer
 * @param runId              the run (the journal and evidence carry it)
 * @param status             how the run ended as a whole
 * @param steps              per vendor, in configured order
 * @param manualRevocations  what no API could revoke
 * @param credentials        what happened to the credentials in the sink, or null when the run did not get there
 * @param warnings           remarks for people (for example an unfinished onboarding that may have left a tenant
 *                           without a binding)
 * @param report             why nothing was written, for {@link Status#REFUSED} and {@link Status#NOTHING_BOUND};
 *                           else null
 */
@Beta
public record OffboardingResult(String customerCode, String runId, Status status, List<Step> steps,
                                List<ManualRevocation> manualRevocations, String credentials, List<String> warnings, String report) {
    /** How a run ended as a whole. */
    public enum Status {
        /** Every step reached what was asked (or waits for its grace period). */
        DONE,
        /** At least one step failed; run again to resume. */
        INCOMPLETE,
        /** Nothing was written: a binding points at another customer's tenant (see {@link #report()}). */
        REFUSED,
        /** Nothing was written: the customer has no active or suspended binding. */
        NOTHING_BOUND
    }

    /** How one vendor step ended. */
    public enum Outcome {
        /** The vendor writes (if any) were sent and the binding changed state. */
        DONE,
        /** Nothing to do: the binding was already where the run would take it. */
        NOTHING_TO_DO,
        /** Suspended; removal waits for the end of the grace period ({@link Step#removableAt()}). */
        WAITING,
        /** The vendor no longer has the bound tenant; the binding was marked removed. */
        GONE,
        /** The vendor cannot do this (the note says what remains); the binding changed state without a write. */
        NOT_POSSIBLE,
        /** The step failed (see {@link Step#error()}); the binding kept its state. */
        FAILED,
        /** Nothing was written for this customer (see {@link OffboardingResult#report()}). */
        REFUSED
    }

    /**
     * One vendor step.
     *
     * @param vendor      vendor id
     * @param tenantId    the bound tenant
     * @param action      what was planned
     * @param outcome     how it ended
     * @param state       the binding's state afterwards
     * @param writes      how many vendor writes were sent
     * @param removableAt when removal becomes possible, for suspended bindings; else null
     * @param note        a remark for people, or null
     * @param error       the failure of a FAILED step, else null
     */
    public record Step(String vendor, String tenantId, PlannedAction.Action action, Outcome outcome, Binding.State state,
                       int writes, Instant removableAt, String note, RuntimeException error) {
        /** Checks the required fields. */
        public Step {
            Objects.requireNonNull(vendor, "vendor");
            Objects.requireNonNull(outcome, "outcome");
        }

        /**
         * Returns one line for people, for example {@code taegis SUSPEND DONE tenant 100001 (2 writes)}.
         *
         * @return the line
         */
        public String describe() {
            StringBuilder sb = new StringBuilder(vendor).append(' ').append(action).append(' ').append(outcome);
            if (tenantId != null) {
                sb.append(" tenant ").append(tenantId);
            }
            sb.append(" (").append(writes).append(writes == 1 ? " write" : " writes");
            if (state != null) {
                sb.append(", binding ").append(state);
            }
            if (removableAt != null) {
                sb.append(", removable from ").append(removableAt);
            }
            sb.append(')');
            if (error != null) {
                sb.append(": ").append(error.getMessage());
            }
            if (note != null) {
                sb.append(" — ").append(note);
            }
            return sb.toString();
        }
    }

    /** Copies the lists. */
    public OffboardingResult {
        Objects.requireNonNull(customerCode, "customerCode");
        Objects.requireNonNull(status, "status");
        steps = List.copyOf(steps);
        manualRevocations = List.copyOf(manualRevocations);
        warnings = List.copyOf(warnings);
    }

    /**
     * Returns a vendor's step.
     *
     * @param vendor vendor id
     * @return the step, or empty
     */
    public Optional<Step> step(String vendor) {
        return steps.stream().filter(s -> s.vendor().equals(vendor)).findFirst();
    }

    /**
     * Returns how many vendor writes the run sent in all.
     *
     * @return the count
     */
    public int writes() {
        return steps.stream().mapToInt(Step::writes).sum();
    }
}
