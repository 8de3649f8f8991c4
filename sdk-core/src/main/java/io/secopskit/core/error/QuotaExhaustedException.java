package io.secopskit.core.error;

import java.time.Instant;

/**
 * A quota is used up: either the client's own count refused the call before anything was sent
 * ({@link Side#CLIENT}), or the vendor answered that its quota is exhausted ({@link Side#VENDOR}, for
 * example Chronicle's 429 {@code RESOURCE_EXHAUSTED} on CreateCustomer). Never retried by the SDK;
 * {@link #resetsAt()} says when a permit frees up, so callers can defer the work instead of failing it.
 */
public class QuotaExhaustedException extends SecOpsException {
    /** Which side detected the exhausted quota. */
    public enum Side {
        /** The SDK's own count; nothing was sent. */
        CLIENT,
        /** The vendor's answer. */
        VENDOR
    }

    private final String limitKey;
    private final Instant resetsAt;
    private final Side detectedBy;

    /**
     * A quota the client's own count refused; nothing was sent.
     *
     * @param vendor    vendor id
     * @param operation operation name
     * @param limitKey  the limit's key
     * @param resetsAt  when the next permit frees up
     */
    public QuotaExhaustedException(String vendor, String operation, String limitKey, Instant resetsAt) {
        super(new ErrorInfo(vendor, operation, 0, "CLIENT_QUOTA_EXHAUSTED",
                "client-side quota '" + limitKey + "' is used up; not sent; next permit at " + resetsAt, null, false));
        this.limitKey = limitKey;
        this.resetsAt = resetsAt;
        this.detectedBy = Side.CLIENT;
    }

    /**
     * A quota the vendor reported exhausted.
     *
     * @param info     the vendor's error
     * @param limitKey the limit's key, or null when the operation has none
     * @param resetsAt when the quota is expected to free up
     */
    public QuotaExhaustedException(ErrorInfo info, String limitKey, Instant resetsAt) {
        super(info.withRetryable(false).withVendorMessage((info.vendorMessage() == null ? "quota exhausted"
                : info.vendorMessage()) + "; vendor quota exhausted, expected to free up at " + resetsAt));
        this.limitKey = limitKey;
        this.resetsAt = resetsAt;
        this.detectedBy = Side.VENDOR;
    }

    /** Returns the limit's key, or null when the vendor reported a quota the client does not count. */
    public String limitKey() {
        return limitKey;
    }

    /** Returns when the next permit frees up. */
    public Instant resetsAt() {
        return resetsAt;
    }

    /** Returns which side detected the exhausted quota. */
    public Side detectedBy() {
        return detectedBy;
    }
}
