package io.secopskit.chronicle.tenants;

import io.secopskit.core.Beta;
import java.util.List;

/**
 * Which revision of Google's tenant service documentation decides the fields {@code tenants.create}
 * requires. The revisions disagree; the client checks the chosen set before sending
 * ({@link TenantServiceClient.Builder#requiredFields}).
 */
@Beta
public enum TenantFieldRevision {
    /**
     * The newer revision (default): displayName, customerCode, tenantGcpProject, retentionDuration,
     * authMethod, frontendPathConfigs and billingAccount.
     */
    CURRENT(List.of("displayName", "customerCode", "tenantGcpProject", "retentionDuration", "authMethod",
            "frontendPathConfigs", "billingAccount")),
    /**
     * The older revision: displayName, tenantGcpProject and retentionDuration (there customerCode is
     * output only). SecOpsKit's find-before-create still needs a customer code: without one,
     * {@link TenantsClient#ensure} refuses to run.
     */
    OLDER(List.of("displayName", "tenantGcpProject", "retentionDuration"));

    private final List<String> required;

    TenantFieldRevision(List<String> required) {
        this.required = required;
    }

    /**
     * Returns the names of the required fields, as they appear on the wire.
     *
     * @return the names of the required fields, as they appear on the wire
     */
    public List<String> requiredFields() {
        return required;
    }
}
