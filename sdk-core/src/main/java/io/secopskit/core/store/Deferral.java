package io.secopskit.core.store;

import io.secopskit.core.Beta;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A customer whose onboarding waits for a vendor quota (Chronicle's daily CreateCustomer quota), kept
 * with everything needed to resume it without the caller naming the customer again.
 *
 * @param customerCode the customer
 * @param spec         the customer's specification as JSON (written and read by the onboarding; no secrets)
 * @param vendors      the vendors whose steps wait
 * @param resetsAt     when the quota frees up: the run after this time resumes the customer
 * @param deferredAt   when the customer was deferred
 */
@Beta
public record Deferral(String customerCode, String spec, List<String> vendors, Instant resetsAt, Instant deferredAt) {
    /** Checks the fields and copies the vendor list. */
    public Deferral {
        Objects.requireNonNull(customerCode, "customerCode");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(resetsAt, "resetsAt");
        Objects.requireNonNull(deferredAt, "deferredAt");
        vendors = List.copyOf(vendors);
    }
}
