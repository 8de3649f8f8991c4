package io.secopskit.core.store;

import io.secopskit.core.Beta;
import java.util.List;

/**
 * The append-only provisioning journal. Thread-safe; an append is durable when it returns. One
 * customer's unreadable entry never keeps another customer's entries from being read.
 */
@Beta
public interface JournalStore {
    /**
     * Appends an entry.
     *
     * @param entry the entry (its sequence is ignored)
     * @return the entry with the sequence the store gave it
     * @throws StoreException if the store cannot be reached
     */
    JournalEntry append(JournalEntry entry);

    /**
     * Returns a customer's entries in the order they were appended.
     *
     * @param customerCode the customer
     * @return the entries
     * @throws StoreCorruptedException if one of this customer's entries cannot be read (naming it)
     * @throws StoreException          if the store cannot be reached
     */
    List<JournalEntry> entries(String customerCode);
}
