package io.secopskit.chronicle.tenants;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.secopskit.core.Beta;
import java.util.List;

/**
 * A tenant of the partner, as {@code tenants.list}, {@code tenants.patch} and a finished
 * {@code tenants.create} operation return it. Fields Google does not send are null (lists empty).
 *
 * @param name                the resource name,
 *                            {@code projects/<p>/locations/<l>/instances/<i>/tenants/<tenant id>} (assigned by Google)
 * @param tenantGcpProject    the tenant's own ("bring your own") project, {@code projects/<id>}
 * @param state               the tenant's state, output only; Google does not document its values here, so it
 *                            is kept as the string Google sends (the fake uses {@code PROVISIONING},
 *                            {@code ACTIVE} and {@code ERROR} — a guess)
 * @param displayName         the display name (the legacy {@code customer_name})
 * @param customerCode        the customer code (the legacy {@code customer_code}); SecOpsKit's idempotency key
 * @param retentionDuration   the data retention
 * @param authMethod          how users sign in, or null
 * @param frontendPathConfigs frontend paths and their workforce pool providers
 * @param billingAccount      the billing account, when Google returns it (newer doc revision)
 * @param provisioningFlow    the provisioning flow, when Google returns it (newer doc revision; values undocumented)
 */
@Beta
public record Tenant(
        @JsonProperty("name") String name,
        @JsonProperty("tenantGcpProject") String tenantGcpProject,
        @JsonProperty("state") String state,
        @JsonProperty("displayName") String displayName,
        @JsonProperty("customerCode") String customerCode,
        @JsonProperty("retentionDuration") TenantRetentionDuration retentionDuration,
        @JsonProperty("authMethod") AuthMethod authMethod,
        @JsonProperty("frontendPathConfigs") List<FrontendPathConfig> frontendPathConfigs,
        @JsonProperty("billingAccount") String billingAccount,
        @JsonProperty("provisioningFlow") String provisioningFlow) {

    /** The state the SDK treats as fully provisioned; a guess, since the documents list no values. */
    public static final String STATE_ACTIVE = "ACTIVE";

    /**
     * Replaces an absent list with an empty one.
     *
     * @param name                the resource name,
     *                            {@code projects/<p>/locations/<l>/instances/<i>/tenants/<tenant id>} (assigned by Google)
     * @param tenantGcpProject    the tenant's own ("bring your own") project, {@code projects/<id>}
     * @param state               the tenant's state, output only; Google does not document its values here, so it
     *                            is kept as the string Google sends (the fake uses {@code PROVISIONING},
 *                            {@code ACTIVE} and {@code ERROR} — a guess)
     * @param displayName         the display name (the legacy {@code customer_name})
     * @param customerCode        the customer code (the legacy {@code customer_code}); SecOpsKit's idempotency key
     * @param retentionDuration   the data retention
     * @param authMethod          how users sign in, or null
     * @param frontendPathConfigs frontend paths and their workforce pool providers
     * @param billingAccount      the billing account, when Google returns it (newer doc revision)
     * @param provisioningFlow    the provisioning flow, when Google returns it (newer doc revision; values undocumented)
     */
    public Tenant {
        frontendPathConfigs = frontendPathConfigs == null ? List.of() : List.copyOf(frontendPathConfigs);
    }

    /**
     * Returns the tenant id: the last segment of {@link #name()}, or null when there is no name.
     *
     * @return the tenant id: the last segment of {@link #name()}, or null when there is no name
     */
    public String tenantId() {
        if (name == null) {
            return null;
        }
        int slash = name.lastIndexOf('/');
        return slash < 0 ? name : name.substring(slash + 1);
    }

    /**
     * Returns whether {@link #state()} is {@value #STATE_ACTIVE} (see there: the value is a guess).
     *
     * @return whether {@link #state()} is {@value #STATE_ACTIVE} (see there: the value is a guess)
     */
    public boolean isActive() {
        return STATE_ACTIVE.equals(state);
    }
}
