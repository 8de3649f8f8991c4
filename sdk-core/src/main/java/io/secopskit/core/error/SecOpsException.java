package io.secopskit.core.error;

import java.util.Objects;

/**
 * Root of every exception the SDK throws. Unchecked.
 *
 * <p>Carries the vendor, the operation, the HTTP status (0 when no response arrived), the vendor's
 * error code and message, the vendor request id and whether the call may succeed if repeated. The
 * message reads {@code [vendor.Operation] HTTP 403 PERMISSION_DENIED: text (request id ...)} and never
 * contains credentials.
 */
public class SecOpsException extends RuntimeException {
    private final ErrorInfo info;

    /**
     * Creates an exception from error information.
     *
     * @param info  what is known about the failure
     * @param cause the underlying cause, or null
     */
    public SecOpsException(ErrorInfo info, Throwable cause) {
        super(format(Objects.requireNonNull(info, "info")), cause);
        this.info = info;
    }

    /**
     * Creates an exception from error information.
     *
     * @param info what is known about the failure
     */
    public SecOpsException(ErrorInfo info) {
        this(info, null);
    }

    private static String format(ErrorInfo info) {
        StringBuilder sb = new StringBuilder(96).append('[').append(info.qualifiedOperation()).append(']');
        if (info.httpStatus() > 0) {
            sb.append(" HTTP ").append(info.httpStatus());
        }
        if (info.vendorCode() != null) {
            sb.append(' ').append(info.vendorCode());
        }
        if (info.vendorMessage() != null) {
            sb.append(": ").append(info.vendorMessage());
        }
        if (info.host() != null || info.requestId() != null) {
            sb.append(" (");
            if (info.host() != null) {
                sb.append("host ").append(info.host());
            }
            if (info.requestId() != null) {
                sb.append(info.host() != null ? ", " : "").append("request id ").append(info.requestId());
            }
            sb.append(')');
        }
        return sb.toString();
    }

    /** Returns all error details. */
    public ErrorInfo info() {
        return info;
    }

    /** Returns the vendor id, for example {@code chronicle}. */
    public String vendor() {
        return info.vendor();
    }

    /** Returns the operation name, or null when the failure is not tied to one operation. */
    public String operation() {
        return info.operation();
    }

    /** Returns the HTTP status, or 0 when no response was received. */
    public int httpStatus() {
        return info.httpStatus();
    }

    /** Returns the vendor error code or status name, or null. */
    public String vendorCode() {
        return info.vendorCode();
    }

    /** Returns the vendor's error message, or null. */
    public String vendorMessage() {
        return info.vendorMessage();
    }

    /** Returns the vendor request id, or null. */
    public String requestId() {
        return info.requestId();
    }

    /** Returns the host the call went to, or null when none was reached. */
    public String host() {
        return info.host();
    }

    /** Returns whether repeating the same call later may succeed. */
    public boolean isRetryable() {
        return info.retryable();
    }
}
