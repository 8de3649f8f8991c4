package io.secopskit.core.provisioning;

import io.secopskit.core.store.Deferral;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a bulk onboarding did.
 *
 * @param runs           one entry per customer attempted, in the order given (deferred customers resumed first)
 * @param stillDeferred  deferred customers whose quota has not freed up yet (not attempted)
 */
public record BulkResult(List<CustomerRun> runs, List<Deferral> stillDeferred) {
    /**
     * One customer of a bulk run.
     *
     * @param customerCode the customer
     * @param result       the run's result, or null when it could not start
     * @param error        why it could not start (locked, offboarded, store unreachable), else null
     */
    public record CustomerRun(String customerCode, OnboardingResult result, RuntimeException error) {
        /** Checks the fields. */
        public CustomerRun {
            Objects.requireNonNull(customerCode, "customerCode");
            if ((result == null) == (error == null)) {
                throw new IllegalArgumentException("exactly one of result and error");
            }
        }
    }

    /** Copies the lists. */
    public BulkResult {
        runs = List.copyOf(runs);
        stillDeferred = List.copyOf(stillDeferred);
    }

    /**
     * Returns the customers whose run completed every step.
     *
     * @return customer codes
     */
    public List<String> succeeded() {
        return runs.stream().filter(r -> r.result() != null && r.result().succeeded()).map(CustomerRun::customerCode)
                .collect(Collectors.toList());
    }

    /**
     * Returns the customers with at least one step DEFERRED in this run.
     *
     * @return customer codes
     */
    public List<String> deferred() {
        return runs.stream().filter(r -> r.result() != null && !r.result().deferred().isEmpty()).map(CustomerRun::customerCode)
                .collect(Collectors.toList());
    }
}
