package io.secopskit.core.provisioning;

import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.SecOpsException;

/**
 * The run's customer lease lapsed and another run took it (its fencing token is newer), so this run sent no
 * further vendor write. The step fails; the run that holds the lease now finishes the work.
 */
public class LeaseLostException extends SecOpsException {
    /**
     * Creates the exception.
     *
     * @param customerCode the customer
     * @param vendor       the step that was about to write
     * @param fence        the fence this run held
     */
    public LeaseLostException(String customerCode, String vendor, long fence) {
        super(ErrorInfo.of(vendor, "onboarding.fence").withVendorMessage("the lease on customer " + customerCode
                + " (fence " + fence + ") was lost before the vendor write; nothing was sent").withRetryable(true));
    }
}
