package io.secopskit.core.provisioning;

import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.SecOpsException;
import io.secopskit.core.store.LeaseHolder;
import java.time.Duration;
import java.time.Instant;

/**
 * Another run holds the customer (in this process or in another one sharing the store) and did not let go
 * within the configured wait. Nothing was sent to any vendor. The message names the holder: host, process
 * id and since when.
 */
public class CustomerLockedException extends SecOpsException {
    private final String customerCode;
    private final transient LeaseHolder holder;
    private final Instant since;

    /**
     * Creates the exception.
     *
     * @param customerCode the customer
     * @param holder       who holds it, or null when unknown
     * @param since        since when, or null
     * @param waited       how long this run waited
     * @param detail       a remark (for example the holding thread of this process), or null
     */
    public CustomerLockedException(String customerCode, LeaseHolder holder, Instant since, Duration waited, String detail) {
        super(ErrorInfo.of("onboarding", "lock").withVendorMessage("customer " + customerCode + " is held by "
                + (holder == null ? "another run" : holder.toString()) + (since == null ? "" : " since " + since)
                + (detail == null ? "" : " (" + detail + ")") + "; waited " + waited.toMillis() + " ms").withRetryable(true));
        this.customerCode = customerCode;
        this.holder = holder;
        this.since = since;
    }

    /** Returns the customer. */
    public String customerCode() {
        return customerCode;
    }

    /** Returns who holds the customer, or null when unknown. */
    public LeaseHolder holder() {
        return holder;
    }

    /** Returns since when it is held, or null. */
    public Instant since() {
        return since;
    }
}
