/**
 * The cross-vendor onboarding view: {@link io.secopskit.core.provisioning.TenantSpec},
 * {@link io.secopskit.core.provisioning.TenantProvisioner} (one per vendor module), the exactly-once
 * {@link io.secopskit.core.provisioning.Onboarding} orchestrator (customer leases, bindings, journal,
 * {@link io.secopskit.core.provisioning.CredentialSink}, parallel steps, bulk runs, deferral on quotas), its
 * {@link io.secopskit.core.provisioning.OnboardingListener} and the {@link io.secopskit.core.provisioning.Plan}
 * shown before anything is created. The extension points are {@link io.secopskit.core.Beta}.
 */
package io.secopskit.core.provisioning;
