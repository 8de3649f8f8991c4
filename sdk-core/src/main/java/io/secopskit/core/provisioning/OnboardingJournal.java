package io.secopskit.core.provisioning;

import java.time.Instant;
import java.util.Map;

/**
 * Remembers which onboarding steps of a customer have completed, so a failed run can resume at the step
 * that failed. Stores no secrets. Implementations must be safe for use by one onboarding run at a time.
 */
public interface OnboardingJournal {
    /**
     * A completed step.
     *
     * @param vendor      vendor id
     * @param tenantId    the tenant id
     * @param status      CREATED or FOUND
     * @param completedAt when it completed
     */
    record StepRecord(String vendor, String tenantId, ProvisionedTenant.Status status, Instant completedAt) {
    }

    /**
     * Returns the completed steps of an unfinished onboarding.
     *
     * @param customerCode the customer
     * @return steps by vendor (empty when none or when the last run finished)
     */
    Map<String, StepRecord> completedSteps(String customerCode);

    /**
     * Records a completed step.
     *
     * @param customerCode the customer
     * @param step         the step
     */
    void stepCompleted(String customerCode, StepRecord step);

    /**
     * Records that every step completed: the next run starts afresh (find-before-create).
     *
     * @param customerCode the customer
     */
    void finished(String customerCode);

    /**
     * Returns a journal kept in memory.
     *
     * @return the journal
     */
    static OnboardingJournal inMemory() {
        return new io.secopskit.core.internal.provisioning.InMemoryJournal();
    }

    /**
     * Returns a journal kept in a JSON file (created when first written).
     *
     * @param file the file
     * @return the journal
     */
    static OnboardingJournal jsonFile(java.nio.file.Path file) {
        return new io.secopskit.core.internal.provisioning.JsonFileJournal(file);
    }
}
