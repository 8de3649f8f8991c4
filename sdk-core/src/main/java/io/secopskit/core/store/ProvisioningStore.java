package io.secopskit.core.store;

import io.secopskit.core.Beta;

/**
 * Everything onboarding and offboarding keep between runs, in one place: customer leases, the journal, the
 * bindings, the deferred customers and (for offboarding) the evidence and binding history. {@link #inMemory()} keeps them in this process (tests, libraries that keep no
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

    /**
     * Returns the offboarding records: append-only evidence, binding transitions, cancelled deferrals. Stores
     * written before offboarding existed do not have them: the default throws, and {@code Offboarding} refuses
     * such a store when it is built.
     *
     * @return the offboarding part of the store
     * @throws UnsupportedOperationException when this store keeps no offboarding records
     */
    default OffboardingStore offboarding() {
        throw new UnsupportedOperationException("the store " + location() + " keeps no offboarding records"
                + " (evidence, binding transitions); use a store that does, for example sdk-store-sqlite");
    }

    /**
     * Returns whether what this store keeps outlives the process (a database file or server). Offboarding
     * refuses a store that does not, unless a test asks for it: its evidence must survive the run.
     *
     * @return true, unless the store keeps everything in memory
     */
    default boolean durable() {
        return true;
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
