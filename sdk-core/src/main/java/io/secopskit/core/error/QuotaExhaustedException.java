package io.secopskit.core.error;

import java.time.Instant;

/**
 * A client-side rate limit has no permit within the configured wait, so the call failed fast
 * without sending anything (for example the 31st Chronicle CreateCustomer in a day).
 */
public class QuotaExhaustedException extends SecOpsException {
    private final String limitKey;
    private final Instant resetsAt;

    /**
     * Creates the exception.
     *
     * @param vendor    vendor id
     * @param operation operation name
     * @param limitKey  the rate-limit key whose quota is used up
     * @param resetsAt  when the next permit becomes available
     */
    public QuotaExhaustedException(String vendor, String operation, String limitKey, Instant resetsAt) {
        super(new ErrorInfo(vendor, operation, 0, "CLIENT_QUOTA_EXHAUSTED",
                "client-side limit '" + limitKey + "' is used up; next permit at " + resetsAt, null, true));
        this.limitKey = limitKey;
        this.resetsAt = resetsAt;
    }

    /** Returns the rate-limit key whose quota is used up. */
    public String limitKey() {
        return limitKey;
    }

    /** Returns when the next permit becomes available. */
    public Instant resetsAt() {
        return resetsAt;
    }
}
