package io.secopskit.servicenow;

import io.secopskit.core.Beta;
import io.secopskit.core.error.NotFoundException;
import io.secopskit.core.provisioning.OffboardingCapabilities;
import io.secopskit.core.provisioning.TenantOffboarder;
import io.secopskit.core.provisioning.TenantState;
import io.secopskit.core.provisioning.VendorWrites;
import io.secopskit.servicenow.model.CiEnrichmentResult;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Offboards a customer from ServiceNow Security Operations, where SecOpsKit's "tenant" is the customer's CI
 * enrichment record tagged {@code u_customer_code} (see {@link ServiceNowTenantProvisioner}):
 * <ul>
 *   <li><b>Suspend</b>: none — the record has no switch; it stays until removal.</li>
 *   <li><b>Remove</b>: the record is deleted through the Table API ({@code DELETE /api/now/table/<table>/<sys_id>}).
 *       <b>Inferred</b>: the SecOps integration API documents no delete; this needs delete rights on the table.</li>
 * </ul>
 */
@Beta
public final class ServiceNowTenantOffboarder implements TenantOffboarder {
    private static final OffboardingCapabilities CAPABILITIES = new OffboardingCapabilities(null, null,
            "the customer's CI enrichment record deleted through the Table API", "servicenow.TableDelete",
            "inferred: the SecOps integration API documents no delete; needs delete rights on the table");

    private final ServiceNowClient client;

    /**
     * Creates the offboarder.
     *
     * @param client the ServiceNow client
     */
    public ServiceNowTenantOffboarder(ServiceNowClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public String vendor() {
        return "servicenow";
    }

    @Override
    public OffboardingCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public String host() {
        return client.endpoint().getHost();
    }

    @Override
    public String tenantIdLabel() {
        return "record";
    }

    /** TableGet by sys_id; {@code u_customer_code} is the tag. */
    @Override
    public Optional<TenantState> inspect(String tenantId) {
        Map<String, Object> row;
        try {
            row = client.table(CiEnrichmentResult.TABLE).get(tenantId);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        Object code = row.get(ServiceNowTenantProvisioner.CODE_COLUMN);
        String tag = code == null || String.valueOf(code).isEmpty() ? null : String.valueOf(code);
        return Optional.of(new TenantState(vendor(), tenantId, tag, null, Map.of()));
    }

    @Override
    public void remove(TenantState state, VendorWrites writes) {
        String id = state.tenantId();
        writes.sendDelete("servicenow.TableDelete", id, () -> client.table(CiEnrichmentResult.TABLE).delete(id));
    }
}
