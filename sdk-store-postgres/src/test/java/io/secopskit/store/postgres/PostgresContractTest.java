package io.secopskit.store.postgres;

import io.secopskit.core.store.ProvisioningStore;
import io.secopskit.core.store.ProvisioningStoreContract;
import io.secopskit.core.store.QuotaStore;
import io.secopskit.core.store.QuotaStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/**
 * The store contracts of sdk-core (the same tests the in-memory and SQLite stores pass) on a real PostgreSQL 17: every
 * test in a fresh schema; "another instance over the same data" is a second store on its own data source, as a second
 * replica would have.
 */
class PostgresContractTest {
    static PgServer server;

    @BeforeAll
    static void startServer() {
        server = PgServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Nested
    class Provisioning extends ProvisioningStoreContract {
        String schema;

        @Override
        protected ProvisioningStore newStore() {
            schema = PgServer.freshSchema();
            return PostgresProvisioningStore.builder(server.dataSource()).schema(schema).build();
        }

        @Override
        protected ProvisioningStore sameData() {
            return PostgresProvisioningStore.builder(server.dataSource()).schema(schema).build();
        }
    }

    @Nested
    class Quotas extends QuotaStoreContract {
        String schema;

        @Override
        protected QuotaStore newStore() {
            schema = PgServer.freshSchema();
            return PostgresQuotaStore.builder(server.dataSource()).schema(schema).build();
        }

        @Override
        protected QuotaStore sameData(QuotaStore first) {
            return PostgresQuotaStore.builder(server.dataSource()).schema(schema).build();
        }
    }
}
