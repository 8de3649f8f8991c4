package io.secopskit.core.provisioning;

/**
 * Told after each customer of a bulk onboarding ends. Called from the worker threads, one call at a time
 * per customer; an exception thrown here is logged and otherwise ignored.
 */
@FunctionalInterface
public interface BulkProgress {
    /**
     * One customer ended.
     *
     * @param done         customers ended so far (this one included)
     * @param total        customers in the bulk run
     * @param customerRun  how this customer's run ended
     */
    void customerDone(int done, int total, BulkResult.CustomerRun customerRun);
}
