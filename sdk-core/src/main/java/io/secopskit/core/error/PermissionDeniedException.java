package io.secopskit.core.error;

/**
 * The credentials are valid but lack the permission or role the operation needs (HTTP 403).
 */
public class PermissionDeniedException extends SecOpsException {
    /**
     * Creates the exception.
     *
     * @param info  what is known about the failure
     * @param cause the underlying cause, or null
     */
    public PermissionDeniedException(ErrorInfo info, Throwable cause) {
        super(info, cause);
    }

    /**
     * Creates the exception.
     *
     * @param info what is known about the failure
     */
    public PermissionDeniedException(ErrorInfo info) {
        super(info, null);
    }
}
