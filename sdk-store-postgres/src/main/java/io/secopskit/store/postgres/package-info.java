/**
 * The PostgreSQL stores for several replicas: {@link io.secopskit.store.postgres.PostgresProvisioningStore} (customer
 * leases with fencing tokens, the journal, bindings and deferred customers) and
 * {@link io.secopskit.store.postgres.PostgresQuotaStore} (shared sliding-window quotas), over a
 * {@link javax.sql.DataSource} the application supplies, in a schema of their own that they create and migrate.
 */
@io.secopskit.core.Beta
package io.secopskit.store.postgres;
