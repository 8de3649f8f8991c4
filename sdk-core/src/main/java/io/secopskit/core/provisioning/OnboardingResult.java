package io.secopskit.core.provisioning;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What an onboarding run did, step by step.
 *
 * @param customerCode the customer
 * @param steps        one entry per provisioner, in order
 */
public record OnboardingResult(String customerCode, List<Step> steps) {
    /** How a step ended. */
    public enum Outcome {
        /** The tenant was created in this run. */
        CREATED,
        /** The tenant already existed; nothing was created. */
        FOUND,
        /** Completed by an earlier, interrupted run (from the journal); not called again. */
        RESUMED,
        /** The step failed; see {@link Step#error()}. */
        FAILED,
        /** Not attempted because an earlier step failed. */
        SKIPPED
    }

    /**
     * One step.
     *
     * @param vendor   vendor id
     * @param outcome  how it ended
     * @param tenantId the tenant id, when known
     * @param tenant   the tenant with any returned secrets (only for CREATED and FOUND)
     * @param duration how long the step took
     * @param error    why it failed (only for FAILED)
     */
    public record Step(String vendor, Outcome outcome, String tenantId, ProvisionedTenant tenant, Duration duration,
                       RuntimeException error) {
        /** Returns the failure, when the step failed. */
        public Optional<RuntimeException> failure() {
            return Optional.ofNullable(error);
        }
    }

    /** Copies the steps. */
    public OnboardingResult {
        steps = List.copyOf(steps);
    }

    /** Returns whether every step completed. */
    public boolean succeeded() {
        return steps.stream().noneMatch(s -> s.outcome() == Outcome.FAILED || s.outcome() == Outcome.SKIPPED);
    }

    /**
     * Returns the step of a vendor.
     *
     * @param vendor vendor id
     * @return the step
     */
    public Optional<Step> step(String vendor) {
        return steps.stream().filter(s -> s.vendor().equals(vendor)).findFirst();
    }
}
