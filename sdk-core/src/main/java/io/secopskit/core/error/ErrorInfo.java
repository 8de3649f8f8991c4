package io.secopskit.core.error;

/**
 * What is known about a failed vendor call: who, which operation, where, and what the vendor answered.
 *
 * @param vendor        vendor id, for example {@code chronicle}
 * @param operation     operation name, for example {@code CreateCustomer}; may be null for client-side setup errors
 * @param httpStatus    HTTP status, or 0 when no response was received
 * @param vendorCode    the vendor's error code or status name (for example {@code RESOURCE_EXHAUSTED}), or null
 * @param vendorMessage the vendor's error message, or null; never contains secrets sent by the SDK
 * @param requestId     the vendor's request or transaction id from the response headers, or null
 * @param retryable     whether repeating the same call later may succeed
 * @param host          the host the call went to (never a path or query), or null when none was reached
 */
public record ErrorInfo(
        String vendor,
        String operation,
        int httpStatus,
        String vendorCode,
        String vendorMessage,
        String requestId,
        boolean retryable,
        String host) {

    /**
     * Error information without a host.
     *
     * @param vendor        vendor id
     * @param operation     operation name, or null
     * @param httpStatus    HTTP status, or 0
     * @param vendorCode    the vendor's code, or null
     * @param vendorMessage the vendor's message, or null
     * @param requestId     the request id, or null
     * @param retryable     whether a later repeat may succeed
     */
    public ErrorInfo(String vendor, String operation, int httpStatus, String vendorCode, String vendorMessage,
                     String requestId, boolean retryable) {
        this(vendor, operation, httpStatus, vendorCode, vendorMessage, requestId, retryable, null);
    }

    /**
     * Starts error information for a vendor operation with no response.
     *
     * @param vendor    vendor id
     * @param operation operation name, or null
     * @return error information with no status
     */
    public static ErrorInfo of(String vendor, String operation) {
        return new ErrorInfo(vendor, operation, 0, null, null, null, false, null);
    }

    /**
     * Returns a copy with the given vendor message.
     *
     * @param message the message
     * @return the copy
     */
    public ErrorInfo withVendorMessage(String message) {
        return new ErrorInfo(vendor, operation, httpStatus, vendorCode, message, requestId, retryable, host);
    }

    /**
     * Returns a copy with the given vendor code.
     *
     * @param code the code
     * @return the copy
     */
    public ErrorInfo withVendorCode(String code) {
        return new ErrorInfo(vendor, operation, httpStatus, code, vendorMessage, requestId, retryable, host);
    }

    /**
     * Returns a copy with the given retryable flag.
     *
     * @param value whether the call may be repeated later
     * @return the copy
     */
    public ErrorInfo withRetryable(boolean value) {
        return new ErrorInfo(vendor, operation, httpStatus, vendorCode, vendorMessage, requestId, value, host);
    }

    /**
     * Returns a copy naming the host the call went to.
     *
     * @param value the host name (no scheme, path or query)
     * @return the copy
     */
    public ErrorInfo withHost(String value) {
        return new ErrorInfo(vendor, operation, httpStatus, vendorCode, vendorMessage, requestId, retryable, value);
    }

    String qualifiedOperation() {
        return operation == null ? vendor : vendor + "." + operation;
    }
}
