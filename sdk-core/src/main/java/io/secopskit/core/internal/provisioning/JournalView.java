package io.secopskit.core.internal.provisioning;

import io.secopskit.core.store.JournalEntry;
import io.secopskit.core.store.JournalEntry.Event;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a customer's journal says, for one run: the steps an unfinished earlier run completed (RESUMED) and,
 * per vendor, the newest credential evidence. Internal.
 */
public final class JournalView {
    /** A step completed by the open (unfinished) run. */
    public record Completed(String tenantId, Instant at) {
    }

    /** The newest credential facts of a vendor: issued (types) and delivered (when, where). */
    public record CredentialEvidence(String issued, Instant issuedAt, Instant deliveredAt, String sink) {
    }

    private final Map<String, Completed> completed = new HashMap<>();
    private final Map<String, CredentialEvidence> credentials = new HashMap<>();

    private JournalView() {
    }

    /**
     * Reads a customer's entries (in append order).
     *
     * @param entries the entries
     * @return the view
     */
    public static JournalView of(List<JournalEntry> entries) {
        JournalView v = new JournalView();
        for (JournalEntry e : entries) {
            if (e.event() == Event.RUN_FINISHED || e.event() == Event.ONBOARDING_CANCELLED) {
                v.completed.clear();
            } else if ((e.event() == Event.CREATED || e.event() == Event.FOUND) && e.vendor() != null && e.tenantId() != null) {
                v.completed.put(e.vendor(), new Completed(e.tenantId(), e.at()));
            }
            if (e.vendor() == null) {
                continue;
            }
            String delivered = e.detail(JournalEntry.DETAIL_CREDENTIALS_DELIVERED_AT);
            String issued = e.detail(JournalEntry.DETAIL_CREDENTIALS_ISSUED);
            if (delivered != null) {
                v.credentials.put(e.vendor(), new CredentialEvidence(issued, e.at(), parse(delivered),
                        e.detail(JournalEntry.DETAIL_CREDENTIALS_SINK)));
            } else if (issued != null) {
                CredentialEvidence old = v.credentials.get(e.vendor());
                if (old == null || old.deliveredAt() == null) {
                    v.credentials.put(e.vendor(), new CredentialEvidence(issued, e.at(), null, null));
                }
            }
        }
        return v;
    }

    private static Instant parse(String s) {
        try {
            return Instant.parse(s);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Returns the step a vendor completed in the open run.
     *
     * @param vendor vendor id
     * @return the step, or null
     */
    public Completed completed(String vendor) {
        return completed.get(vendor);
    }

    /**
     * Returns a vendor's newest credential evidence.
     *
     * @param vendor vendor id
     * @return the evidence, or null when the journal never saw credentials for it
     */
    public CredentialEvidence credentials(String vendor) {
        return credentials.get(vendor);
    }
}
