package io.secopskit.core.error;

/**
 * The resource already exists or was changed concurrently (HTTP 409, or ALREADY_EXISTS).
 */
public class ConflictException extends SecOpsException {
    /**
     * Creates the exception.
     *
     * @param info  what is known about the failure
     * @param cause the underlying cause, or null
     */
    public ConflictException(ErrorInfo info, Throwable cause) {
        super(info, cause);
    }

    /**
     * Creates the exception.
     *
     * @param info what is known about the failure
     */
    public ConflictException(ErrorInfo info) {
        super(info, null);
    }
}
