package io.secopskit.core.store;

import io.secopskit.core.Beta;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of a customer's offboarding evidence: an append-only record an auditor can read of who offboarded
 * the customer, why, on whose approval, and every vendor write with its time, outcome and the vendor's request
 * id. Never holds a secret: credential values, tokens and keys are never written here (credential ids listed for
 * manual revocation are not secrets).
 *
 * @param sequence     the store's order of entries (0 for an entry not yet appended)
 * @param customerCode the customer
 * @param runId        the run that wrote it
 * @param at           when
 * @param kind         what the entry records
 * @param operator     the configured identity of who ran the offboarding
 * @param vendor       vendor id, or null for an entry about the whole run
 * @param action       what was done, for example {@code SUSPEND}, {@code REMOVE}, {@code RESTORE}; or null
 * @param operation    the vendor operation, for example {@code taegis.updateTenant}; or null
 * @param target       the vendor resource acted on (tenant id, feed id, SSO connection id); or null
 * @param outcome      how it ended, for example {@code DONE}, {@code GONE}, {@code FAILED}; or null
 * @param requestId    the vendor's request id, {@link #NONE_RETURNED}, {@link #NOT_CAPTURED}, or null for
 *                     entries that are not writes
 * @param details      further non-secret facts (reason, approver, notes)
 */
@Beta
public record EvidenceEntry(long sequence, String customerCode, String runId, Instant at, Kind kind, String operator,
                            String vendor, String action, String operation, String target, String outcome, String requestId,
                            Map<String, String> details) {
    /** The request id of a write whose answer carried none. */
    public static final String NONE_RETURNED = "none returned";
    /** The request id of a write made through a client without {@code RequestIdRecorder} in its pipeline. */
    public static final String NOT_CAPTURED = "not captured";
    /** Detail: the reason given for the offboarding. */
    public static final String DETAIL_REASON = "reason";
    /** Detail: who approved the offboarding. */
    public static final String DETAIL_APPROVER = "approver";
    /** Detail: what the run was asked to do. */
    public static final String DETAIL_MODE = "mode";
    /** Detail: a remark for people. */
    public static final String DETAIL_NOTE = "note";
    /** Detail: the error of a failed write (exception class and message; never a secret). */
    public static final String DETAIL_ERROR = "error";

    /** What an evidence entry records. */
    public enum Kind {
        /** A run started: operator, reason, approver, mode. */
        RUN_STARTED,
        /** A vendor write is about to be sent (written before the call). */
        INTENT,
        /** A vendor write was answered (or failed): outcome and request id. */
        WRITE,
        /** A later run settled, by a read, an earlier intent whose answer was never recorded. */
        RESOLVED,
        /** A binding changed state (suspended, removed, restored), with or without a vendor write. */
        STATE,
        /** The run refused to write (a binding points at another customer's tenant, nothing bound ...). */
        REFUSED,
        /** What happened to the customer's credentials: sink told to forget, ids for manual revocation. */
        CREDENTIALS,
        /** The run ended. */
        RUN_FINISHED
    }

    /** Checks the fields and copies the details. */
    public EvidenceEntry {
        Objects.requireNonNull(customerCode, "customerCode");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(operator, "operator");
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /**
     * Returns the entry with the sequence a store gave it.
     *
     * @param value the sequence
     * @return a copy
     */
    public EvidenceEntry withSequence(long value) {
        return new EvidenceEntry(value, customerCode, runId, at, kind, operator, vendor, action, operation, target, outcome,
                requestId, details);
    }

    /**
     * Returns a detail.
     *
     * @param key the detail name
     * @return the value, or null
     */
    public String detail(String key) {
        return details.get(key);
    }
}
