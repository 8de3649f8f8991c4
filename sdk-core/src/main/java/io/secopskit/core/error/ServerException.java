package io.secopskit.core.error;

/**
 * The vendor failed to handle a valid request (HTTP 5xx), or answered with a body the SDK cannot read.
 */
public class ServerException extends SecOpsException {
    /**
     * Creates the exception.
     *
     * @param info  what is known about the failure
     * @param cause the underlying cause, or null
     */
    public ServerException(ErrorInfo info, Throwable cause) {
        super(info, cause);
    }

    /**
     * Creates the exception.
     *
     * @param info what is known about the failure
     */
    public ServerException(ErrorInfo info) {
        super(info, null);
    }
}
