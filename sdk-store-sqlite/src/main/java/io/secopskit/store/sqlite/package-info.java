/**
 * The durable single-machine provisioning store: {@link io.secopskit.store.sqlite.SqliteProvisioningStore},
 * one SQLite file (WAL, {@code synchronous=FULL}) shared by every process on the machine.
 */
@io.secopskit.core.Beta
package io.secopskit.store.sqlite;
