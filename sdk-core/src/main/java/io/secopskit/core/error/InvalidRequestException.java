package io.secopskit.core.error;

/**
 * The request was rejected as malformed: HTTP 400, or a vendor's INVALID_ARGUMENT, or a client-side validation failure ({@link ValidationException}).
 */
public class InvalidRequestException extends SecOpsException {
    /**
     * Creates the exception.
     *
     * @param info  what is known about the failure
     * @param cause the underlying cause, or null
     */
    public InvalidRequestException(ErrorInfo info, Throwable cause) {
        super(info, cause);
    }

    /**
     * Creates the exception.
     *
     * @param info what is known about the failure
     */
    public InvalidRequestException(ErrorInfo info) {
        super(info, null);
    }
}
