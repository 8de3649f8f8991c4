/**
 * The cross-vendor onboarding view: {@link io.secopskit.core.provisioning.TenantSpec},
 * {@link io.secopskit.core.provisioning.TenantProvisioner} (one per vendor module) and the re-runnable
 * {@link io.secopskit.core.provisioning.Onboarding} orchestrator with its journal.
 */
package io.secopskit.core.provisioning;
