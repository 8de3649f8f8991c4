package io.secopskit.core.error;

/**
 * No usable response arrived: connection failure, timeout, reset or interruption. The request may or may not have reached the vendor.
 */
public class TransportException extends SecOpsException {
    /**
     * Creates the exception.
     *
     * @param info  what is known about the failure
     * @param cause the underlying cause, or null
     */
    public TransportException(ErrorInfo info, Throwable cause) {
        super(info, cause);
    }

    /**
     * Creates the exception.
     *
     * @param info what is known about the failure
     */
    public TransportException(ErrorInfo info) {
        super(info, null);
    }
}
