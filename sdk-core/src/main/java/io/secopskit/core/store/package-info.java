/**
 * The state SecOpsKit keeps between calls and between runs, behind small interfaces so that one
 * process can keep it in memory, one machine in SQLite ({@code sdk-store-sqlite}) and several replicas in
 * PostgreSQL: sliding-window quotas ({@link io.secopskit.core.store.QuotaStore}) and the provisioning
 * stores gathered by {@link io.secopskit.core.store.ProvisioningStore} — customer leases with fencing
 * tokens, the append-only journal, customer → vendor bindings, deferred customers and, for offboarding,
 * the append-only evidence and the history of binding state changes ({@link io.secopskit.core.store.OffboardingStore}).
 *
 * <p>Every interface here is {@link io.secopskit.core.Beta}: implementations written by applications keep
 * compiling, because new methods arrive as {@code default} methods.
 */
@io.secopskit.core.Beta
package io.secopskit.core.store;
