package io.secopskit.core.store;

/** The quota contract on {@link QuotaStore#inMemory()}. */
class InMemoryQuotaStoreTest extends QuotaStoreContract {
    @Override
    protected QuotaStore newStore() {
        return QuotaStore.inMemory();
    }
}
