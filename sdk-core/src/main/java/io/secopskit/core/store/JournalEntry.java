package io.secopskit.core.store;

import io.secopskit.core.Beta;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One line of the provisioning journal: what a run did or was about to do. Append-only; never holds a
 * secret value — the credentials a vendor issued are recorded by type, with when and to which sink they
 * were delivered, never by value.
 *
 * @param sequence     the store's order of entries (0 for an entry not yet appended)
 * @param customerCode the customer
 * @param vendor       vendor id, or null for an entry about the whole run
 * @param runId        the run that wrote it
 * @param event        what happened
 * @param tenantId     the vendor's id of the resource, when known
 * @param at           when
 * @param details      further non-secret facts (see the {@code DETAIL_} constants)
 */
@Beta
public record JournalEntry(long sequence, String customerCode, String vendor, String runId, Event event, String tenantId,
                           Instant at, Map<String, String> details) {
    /** Detail: credential types issued, comma-separated. */
    public static final String DETAIL_CREDENTIALS_ISSUED = "credentials.issued";
    /** Detail: the name of the sink credentials were delivered to. */
    public static final String DETAIL_CREDENTIALS_SINK = "credentials.sink";
    /** Detail: when credentials were delivered (ISO-8601). */
    public static final String DETAIL_CREDENTIALS_DELIVERED_AT = "credentials.deliveredAt";
    /** Detail: why credentials were not delivered (an exception class and message, no values). */
    public static final String DETAIL_CREDENTIALS_UNDELIVERED = "credentials.undelivered";
    /** Detail: when a deferred step may be tried again (ISO-8601). */
    public static final String DETAIL_RESETS_AT = "resetsAt";
    /** Detail: the error of a failed step (exception class and message). */
    public static final String DETAIL_ERROR = "error";
    /** Detail: the fencing token of the lease the run held. */
    public static final String DETAIL_FENCE = "fence";
    /** Detail: the offboarding action (SUSPEND, REMOVE, RESTORE). */
    public static final String DETAIL_ACTION = "action";
    /** Detail prefix: facts a restore needs, recorded before a suspend writes (for example {@code undo.environments}). */
    public static final String DETAIL_UNDO_PREFIX = "undo.";

    /** What a journal entry records. */
    public enum Event {
        /** A run took the customer's lease. */
        RUN_STARTED,
        /** A vendor create is about to be sent (written before the call). */
        CREATE_STARTED,
        /** The vendor created the resource. */
        CREATED,
        /** The resource already existed (bound, or adopted by its vendor-side tag). */
        FOUND,
        /** Credentials were delivered to the sink (read back from the vendor for an existing resource). */
        CREDENTIALS_DELIVERED,
        /** The step waits for a vendor quota. */
        DEFERRED,
        /** The step failed. */
        FAILED,
        /** Every step of the run completed and was recorded. */
        RUN_FINISHED,
        /** An offboarding run took the customer's lease (details: mode, fence). */
        OFFBOARDING_STARTED,
        /**
         * An offboarding action (suspend, remove, restore) at a vendor is about to write (written before the first
         * vendor write; details: the action and what restore needs).
         */
        ACTION_STARTED,
        /** An offboarding action completed (written with the binding's state change). */
        ACTION_DONE,
        /** An offboarding action failed; the binding kept its state. */
        ACTION_FAILED,
        /**
         * The customer's deferred or unfinished onboarding was cancelled by offboarding: no later run resumes it
         * (onboarding treats it like the end of a run).
         */
        ONBOARDING_CANCELLED,
        /** An offboarding run ended. */
        OFFBOARDING_FINISHED
    }

    /** Checks the fields and copies the details. */
    public JournalEntry {
        Objects.requireNonNull(customerCode, "customerCode");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(at, "at");
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /**
     * Starts an entry to append.
     *
     * @param customerCode the customer
     * @param vendor       vendor id, or null
     * @param runId        the run
     * @param event        what happened
     * @param tenantId     resource id, or null
     * @param at           when
     * @param details      non-secret facts
     * @return the entry (sequence 0)
     */
    public static JournalEntry of(String customerCode, String vendor, String runId, Event event, String tenantId, Instant at,
                                  Map<String, String> details) {
        return new JournalEntry(0, customerCode, vendor, runId, event, tenantId, at, details);
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
