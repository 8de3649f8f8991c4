package io.secopskit.core.error;

/**
 * The addressed resource does not exist (HTTP 404, or a vendor's NOT_FOUND / empty result).
 */
public class NotFoundException extends SecOpsException {
    /**
     * Creates the exception.
     *
     * @param info  what is known about the failure
     * @param cause the underlying cause, or null
     */
    public NotFoundException(ErrorInfo info, Throwable cause) {
        super(info, cause);
    }

    /**
     * Creates the exception.
     *
     * @param info what is known about the failure
     */
    public NotFoundException(ErrorInfo info) {
        super(info, null);
    }
}
