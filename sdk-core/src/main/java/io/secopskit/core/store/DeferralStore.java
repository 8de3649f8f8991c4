package io.secopskit.core.store;

import io.secopskit.core.Beta;
import java.util.List;
import java.util.Optional;

/** Customers whose onboarding waits for a vendor quota. Thread-safe. */
@Beta
public interface DeferralStore {
    /**
     * Writes a deferral, replacing the customer's earlier one.
     *
     * @param deferral the deferral
     * @throws StoreException if the store cannot be reached
     */
    void put(Deferral deferral);

    /**
     * Returns a customer's deferral.
     *
     * @param customerCode the customer
     * @return the deferral, or empty
     * @throws StoreException if the store cannot be reached
     */
    Optional<Deferral> get(String customerCode);

    /**
     * Returns every deferral, earliest {@code resetsAt} first.
     *
     * @return the deferrals
     * @throws StoreException if the store cannot be reached
     */
    List<Deferral> all();

    /**
     * Removes a customer's deferral; does nothing when there is none.
     *
     * @param customerCode the customer
     * @throws StoreException if the store cannot be reached
     */
    void remove(String customerCode);
}
