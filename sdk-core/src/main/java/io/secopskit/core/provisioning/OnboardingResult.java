package io.secopskit.core.provisioning;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What an onboarding run did, step by step, in the declared order of the steps.
 *
 * @param customerCode the customer
 * @param runId        the run's id, as written in the journal
 * @param steps        one entry per step, in declared order
 */
public record OnboardingResult(String customerCode, String runId, List<Step> steps) {
    /** How a step ended. */
    public enum Outcome {
        /** The tenant was created in this run. */
        CREATED,
        /** The tenant already existed (through its binding, or adopted by its vendor-side tag); nothing was created. */
        FOUND,
        /** Completed by an earlier, unfinished run (from the journal); the vendor was not called again. */
        RESUMED,
        /** Waits for a vendor quota; {@link Step#resetsAt()} says when it frees up. A later run resumes it. */
        DEFERRED,
        /** The step failed before anything was created; see {@link Step#error()}. */
        FAILED,
        /** Not attempted because a step it depends on did not complete. */
        SKIPPED
    }

    /** What happened to the credentials of a step. */
    public enum CredentialStatus {
        /** The step did not get as far as credentials (failed, skipped, deferred). */
        NONE,
        /** The vendor issues no credentials. */
        NOT_ISSUED,
        /** Delivered to the credential sink in this run. */
        DELIVERED,
        /** No credential sink is configured: the values are in this result only. */
        IN_RESULT_ONLY,
        /** The sink failed: the values are in this result ({@link Step#tenant()}), and nowhere else. */
        UNDELIVERED,
        /** Delivered by an earlier run, as the journal records ({@link Step#note()} says when and where). */
        DELIVERED_EARLIER,
        /**
         * The vendor issued credentials to an earlier run, the journal holds no delivery and the vendor does not
         * give them back: they must be re-issued at the vendor.
         */
        NOT_RECOVERED
    }

    /**
     * One step.
     *
     * @param vendor          vendor id
     * @param outcome         how it ended
     * @param tenantId        the tenant id, when known
     * @param tenant          the tenant with any credentials (CREATED and FOUND only)
     * @param duration        how long the step took
     * @param error           why it FAILED; for a completed step that could not be recorded, the store's error
     * @param recorded        whether the binding and journal entry were written (false: CREATED or FOUND but not
     *                        recorded — the credentials, if any, are in {@code tenant})
     * @param credentials     what happened to credentials
     * @param credentialError why the sink refused them (UNDELIVERED only), else null
     * @param resetsAt        when a DEFERRED step's quota frees up, else null
     * @param note            a human-readable remark (earlier delivery, adoption, dependency), or null
     */
    public record Step(String vendor, Outcome outcome, String tenantId, ProvisionedTenant tenant, Duration duration,
                       RuntimeException error, boolean recorded, CredentialStatus credentials, RuntimeException credentialError,
                       Instant resetsAt, String note) {
        /** Checks the required fields. */
        public Step {
            Objects.requireNonNull(vendor, "vendor");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(duration, "duration");
            Objects.requireNonNull(credentials, "credentials");
        }

        /**
         * Returns the failure, when the step failed.
         *
         * @return the error, or empty
         */
        public Optional<RuntimeException> failure() {
            return outcome == Outcome.FAILED ? Optional.ofNullable(error) : Optional.empty();
        }

        /**
         * Returns whether the tenant exists and nothing more is needed: CREATED, FOUND or RESUMED, recorded, and
         * no credentials left undelivered.
         *
         * @return true when complete
         */
        public boolean complete() {
            return (outcome == Outcome.CREATED || outcome == Outcome.FOUND || outcome == Outcome.RESUMED) && recorded
                    && credentials != CredentialStatus.UNDELIVERED;
        }

        /**
         * Returns whether the tenant exists at the vendor after this step (CREATED, FOUND or RESUMED, recorded or not).
         *
         * @return true when the tenant exists
         */
        public boolean tenantExists() {
            return outcome == Outcome.CREATED || outcome == Outcome.FOUND || outcome == Outcome.RESUMED;
        }
    }

    /** Copies the steps. */
    public OnboardingResult {
        Objects.requireNonNull(customerCode, "customerCode");
        steps = List.copyOf(steps);
    }

    /**
     * Returns whether every step is complete (see {@link Step#complete()}).
     *
     * @return true when the customer is fully onboarded and recorded
     */
    public boolean succeeded() {
        return steps.stream().allMatch(Step::complete);
    }

    /**
     * Returns the steps that need a person's attention although the tenant exists: not recorded, or with
     * credentials that reached no sink.
     *
     * @return the steps
     */
    public List<Step> needsAttention() {
        return steps.stream().filter(s -> s.tenantExists() && !s.complete()).collect(Collectors.toList());
    }

    /**
     * Returns the deferred steps.
     *
     * @return the steps
     */
    public List<Step> deferred() {
        return steps.stream().filter(s -> s.outcome() == Outcome.DEFERRED).collect(Collectors.toList());
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
