package io.secopskit.core.error;

/**
 * The vendor did not accept the credentials (HTTP 401), or a token could not be obtained.
 */
public class AuthenticationException extends SecOpsException {
    /**
     * Creates the exception.
     *
     * @param info  what is known about the failure
     * @param cause the underlying cause, or null
     */
    public AuthenticationException(ErrorInfo info, Throwable cause) {
        super(info, cause);
    }

    /**
     * Creates the exception.
     *
     * @param info what is known about the failure
     */
    public AuthenticationException(ErrorInfo info) {
        super(info, null);
    }
}
