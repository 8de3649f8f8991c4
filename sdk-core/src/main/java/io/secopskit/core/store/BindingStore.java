package io.secopskit.core.store;

import io.secopskit.core.Beta;
import java.util.List;
import java.util.Optional;

/** Customer → vendor resource bindings. Thread-safe; every write is durable when it returns. */
@Beta
public interface BindingStore {
    /**
     * Returns the binding of a customer at a vendor.
     *
     * @param customerCode the customer
     * @param vendor       vendor id
     * @return the binding, or empty
     * @throws StoreException if the store cannot be reached
     */
    Optional<Binding> get(String customerCode, String vendor);

    /**
     * Returns every binding of a customer, ordered by vendor id.
     *
     * @param customerCode the customer
     * @return the bindings
     * @throws StoreException if the store cannot be reached
     */
    List<Binding> forCustomer(String customerCode);

    /**
     * Writes a binding, replacing the one of the same customer and vendor (its {@code createdAt} is kept).
     *
     * @param binding the binding
     * @throws StoreException if the store cannot be reached
     */
    void put(Binding binding);
}
