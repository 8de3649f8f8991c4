package io.secopskit.core.store;

import io.secopskit.core.Beta;

/**
 * Everything onboarding keeps between runs, in one place: customer leases, the journal, the bindings and
 * the deferred customers. {@link #inMemory()} keeps them in this process (tests, libraries that keep no
 * state); the {@code sdk-store-sqlite} module keeps them durably on one machine, shared by every process
 * there; a PostgreSQL store shares them between machines.
 *
 * <p>Implementations are thread-safe. New operations arrive as {@code default} methods.
 */
@Beta
public interface ProvisioningStore extends AutoCloseable {
    /** Returns the customer leases. */
    LeaseStore leases();

    /** Returns the journal. */
    JournalStore journal();

    /** Returns the bindings. */
    BindingStore bindings();

    /** Returns the deferred customers. */
    DeferralStore deferrals();

    /**
     * Returns where the store keeps its data, for messages (for example {@code sqlite:/var/lib/secopskit.db});
     * never a credential.
     *
     * @return the location
     */
    String location();

    /**
     * Writes a binding and appends a journal entry, in one transaction where the store has them. The
     * default writes the binding first, then the entry.
     *
     * @param binding the binding
     * @param entry   the entry
     * @return the appended entry
     * @throws StoreException if the store cannot be reached; where the store is transactional, nothing
     *                        was then written
     */
    default JournalEntry record(Binding binding, JournalEntry entry) {
        bindings().put(binding);
        return journal().append(entry);
    }

    /** Releases the store's resources (connections, threads); the default does nothing. */
    @Override
    default void close() {
    }

    /**
     * Returns a new store that keeps everything in this process's memory, lost when the process ends.
     *
     * @return the store
     */
    static ProvisioningStore inMemory() {
        return new io.secopskit.core.internal.store.InMemoryProvisioningStore();
    }
}
