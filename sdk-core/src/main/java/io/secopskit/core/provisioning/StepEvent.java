package io.secopskit.core.provisioning;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A step of an onboarding run started or ended, as told to an {@link OnboardingListener}. Holds no secret.
 *
 * @param customerCode the customer
 * @param runId        the run
 * @param vendor       the step's vendor id
 * @param outcome      how it ended; null for a start
 * @param elapsed      time since the step started (zero for a start)
 * @param tenantId     the tenant id, when known
 * @param note         a remark (why skipped, credentials delivered ...), or null
 * @param error        the failure of a FAILED step, else null
 * @param resetsAt     when a DEFERRED step's quota frees up, else null
 */
public record StepEvent(String customerCode, String runId, String vendor, OnboardingResult.Outcome outcome, Duration elapsed,
                        String tenantId, String note, RuntimeException error, Instant resetsAt) {
    /** Checks the required fields. */
    public StepEvent {
        Objects.requireNonNull(customerCode, "customerCode");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /**
     * Returns one line for people, for example {@code acme-corp taegis CREATED tenant 200000 in 41 ms}.
     *
     * @return the line
     */
    public String describe() {
        StringBuilder sb = new StringBuilder().append(customerCode).append(' ').append(vendor).append(' ')
                .append(outcome == null ? "started" : outcome.name());
        if (tenantId != null) {
            sb.append(" tenant ").append(tenantId);
        }
        if (outcome != null) {
            sb.append(" in ").append(elapsed.toMillis()).append(" ms");
        }
        if (resetsAt != null) {
            sb.append(", quota frees up at ").append(resetsAt);
        }
        if (error != null) {
            sb.append(": ").append(error.getMessage());
        }
        if (note != null) {
            sb.append(" (").append(note).append(')');
        }
        return sb.toString();
    }
}
