package io.secopskit.store.sqlite;

import io.secopskit.core.store.ProvisioningStore;
import io.secopskit.core.store.ProvisioningStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store contract of sdk-core (the same tests the in-memory and PostgreSQL stores pass) on SQLite; "another
 * instance over the same data" opens the same file again, as a second process would.
 */
class SqliteContractTest extends ProvisioningStoreContract {
    @TempDir
    Path dir;

    @Override
    protected ProvisioningStore newStore() {
        return SqliteProvisioningStore.open(dir.resolve("contract.db"));
    }

    @Override
    protected ProvisioningStore sameData() {
        return SqliteProvisioningStore.open(dir.resolve("contract.db"));
    }
}
