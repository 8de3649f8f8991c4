package io.secopskit.core.store;

/** The store contract on {@link ProvisioningStore#inMemory()}. */
class InMemoryProvisioningStoreTest extends ProvisioningStoreContract {
    @Override
    protected ProvisioningStore newStore() {
        return ProvisioningStore.inMemory();
    }
}
