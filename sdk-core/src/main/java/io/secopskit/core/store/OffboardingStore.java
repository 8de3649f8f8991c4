package io.secopskit.core.store;

import io.secopskit.core.Beta;
import java.util.List;
import java.util.Optional;

/**
 * What offboarding keeps besides leases, journal and bindings: the append-only evidence, the history of binding
 * state changes, and the cancelling of deferred onboardings. Part of a {@link ProvisioningStore}
 * ({@link ProvisioningStore#offboarding()}); thread-safe; every write is durable when it returns.
 */
@Beta
public interface OffboardingStore {
    /**
     * Returns the append-only evidence.
     *
     * @return the evidence store
     */
    EvidenceStore evidence();

    /**
     * Moves a binding from {@code transition.from()} to {@code transition.to()} (its {@code updatedAt} becomes
     * {@code transition.at()}), records the transition and appends the journal entry, in one transaction where
     * the store has them. Nothing is written when the binding is not in state {@code from} or is bound to another
     * tenant (another run changed it meanwhile).
     *
     * @param transition the change
     * @param entry      the journal entry that goes with it
     * @return the binding after the change, or empty when nothing was written
     * @throws StoreException if the store cannot be reached
     */
    Optional<Binding> transition(BindingTransition transition, JournalEntry entry);

    /**
     * Returns a customer's binding transitions in the order they were written.
     *
     * @param customerCode the customer
     * @return the transitions
     * @throws StoreException if the store cannot be reached
     */
    List<BindingTransition> transitions(String customerCode);

    /**
     * Removes a customer's deferred onboarding and appends the journal entry saying so, in one transaction where
     * the store has them; the entry is appended even when there was nothing deferred.
     *
     * @param customerCode the customer
     * @param entry        the journal entry
     * @return the deferral that was cancelled, or empty
     * @throws StoreException if the store cannot be reached
     */
    Optional<Deferral> cancelDeferral(String customerCode, JournalEntry entry);
}
