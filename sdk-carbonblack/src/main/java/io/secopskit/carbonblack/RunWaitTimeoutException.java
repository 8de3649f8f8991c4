package io.secopskit.carbonblack;

import io.secopskit.carbonblack.model.Run;
import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.SecOpsException;

/**
 * {@link RunsClient#waitForCompletion} ran out of time before the run finished; the run keeps going on the
 * devices. Vendor code {@code WAIT_TIMEOUT}, retryable (wait again).
 */
public class RunWaitTimeoutException extends SecOpsException {
    private final transient Run lastSeen;

    /**
     * Creates the exception.
     *
     * @param lastSeen the run as last read
     */
    public RunWaitTimeoutException(Run lastSeen) {
        super(ErrorInfo.of(CarbonBlackClient.VENDOR, "WaitForRunCompletion").withVendorCode("WAIT_TIMEOUT")
                .withVendorMessage("run " + lastSeen.id() + " still " + lastSeen.status() + " when the wait ended")
                .withRetryable(true));
        this.lastSeen = lastSeen;
    }

    /**
     * Returns the run as last read.
     *
     * @return the run
     */
    public Run lastSeen() {
        return lastSeen;
    }
}
