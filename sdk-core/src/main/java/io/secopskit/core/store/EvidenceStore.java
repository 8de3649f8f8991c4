package io.secopskit.core.store;

import io.secopskit.core.Beta;
import java.util.List;

/**
 * The offboarding evidence: append-only. There is no way to change or remove an entry through this interface,
 * and durable stores refuse it below the interface too (the SQLite store's triggers abort any UPDATE or DELETE
 * of the table). Thread-safe; an append is durable when it returns.
 */
@Beta
public interface EvidenceStore {
    /**
     * Appends an entry.
     *
     * @param entry the entry (its sequence is ignored)
     * @return the entry with the sequence the store gave it
     * @throws StoreException if the store cannot be reached
     */
    EvidenceEntry append(EvidenceEntry entry);

    /**
     * Returns a customer's entries in the order they were appended.
     *
     * @param customerCode the customer
     * @return the entries
     * @throws StoreCorruptedException if one of this customer's entries cannot be read (naming it)
     * @throws StoreException          if the store cannot be reached
     */
    List<EvidenceEntry> entries(String customerCode);
}
