package io.secopskit.servicenow;

import io.secopskit.core.Beta;
import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.NotFoundException;
import io.secopskit.core.provisioning.PlannedAction;
import io.secopskit.core.provisioning.ProvisionedTenant;
import io.secopskit.core.provisioning.TenantProvisioner;
import io.secopskit.core.provisioning.TenantSpec;
import io.secopskit.servicenow.model.CiEnrichmentResult;
import io.secopskit.servicenow.model.TableQuery;
import io.secopskit.servicenow.model.WriteOptions;
import io.secopskit.servicenow.model.WriteResult;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Records a customer's onboarding in ServiceNow Security Operations as a CI enrichment result on the
 * customer's configuration item (the {@code cmdb_ci} record named like the customer, or the one named by
 * the hint {@code servicenow.ci_name}), tagged with the column {@code u_customer_code}.
 *
 * <ul>
 *   <li>{@link #find}: the record whose {@code u_customer_code} equals the code (Table API) — that column is the
 *       vendor-side tag; {@link #findBound}: the bound record by {@code sys_id}.</li>
 *   <li>ServiceNow issues no credentials. {@link #deprovision} deletes the record (needs delete rights on the
 *       table).</li>
 * </ul>
 */
@Beta
public final class ServiceNowTenantProvisioner implements TenantProvisioner {
    /** The {@code source} written on onboarding records. */
    public static final String SOURCE = "SecOpsKit onboarding";
    /** The column holding the customer code. */
    public static final String CODE_COLUMN = "u_customer_code";

    private final ServiceNowClient client;

    /**
     * Creates the provisioner.
     *
     * @param client the ServiceNow client
     */
    public ServiceNowTenantProvisioner(ServiceNowClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public String vendor() {
        return "servicenow";
    }

    @Override
    public Optional<ProvisionedTenant> find(TenantSpec spec) {
        Iterator<Map<String, Object>> it = client.table(CiEnrichmentResult.TABLE).list(TableQuery.builder()
                .where(CODE_COLUMN, TableQuery.Op.EQ, spec.customerCode()).fields("sys_id", CODE_COLUMN).pageSize(10).build()).iterator();
        while (it.hasNext()) {
            Map<String, Object> row = it.next();
            if (spec.customerCode().equals(String.valueOf(row.get(CODE_COLUMN)))) {
                return Optional.of(toFound(row));
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<ProvisionedTenant> findBound(TenantSpec spec, String tenantId) {
        try {
            return Optional.of(toFound(client.table(CiEnrichmentResult.TABLE).get(tenantId)));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private ProvisionedTenant toFound(Map<String, Object> row) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Object code = row.get(CODE_COLUMN);
        if (code != null && !String.valueOf(code).isEmpty()) {
            attributes.put(ProvisionedTenant.CUSTOMER_CODE, String.valueOf(code));
        }
        return new ProvisionedTenant(vendor(), String.valueOf(row.get("sys_id")), ProvisionedTenant.Status.FOUND, attributes, Map.of());
    }

    @Override
    public ProvisionedTenant provision(TenantSpec spec) {
        String ciName = spec.hint("servicenow.ci_name") != null ? spec.hint("servicenow.ci_name") : spec.displayName();
        Iterator<Map<String, Object>> ci = client.table("cmdb_ci").list(TableQuery.builder().where("name", TableQuery.Op.EQ, ciName)
                .fields("sys_id", "name").pageSize(1).build()).iterator();
        if (!ci.hasNext()) {
            throw new NotFoundException(ErrorInfo.of("servicenow", "Onboard").withVendorMessage(
                    "no configuration item named '" + ciName + "' in cmdb_ci; create it or set the hint servicenow.ci_name"));
        }
        String ciSysId = String.valueOf(ci.next().get("sys_id"));
        WriteResult written = client.secOpsIntegration().postCiEnrichment(CiEnrichmentResult.builder().ci(ciSysId)
                .source(SOURCE).result("Onboarded " + spec.displayName() + " (" + spec.customerCode() + ")")
                .field(CODE_COLUMN, spec.customerCode()).build(), WriteOptions.defaults());
        return new ProvisionedTenant(vendor(), written.sysId(), ProvisionedTenant.Status.CREATED,
                Map.of(ProvisionedTenant.CUSTOMER_CODE, spec.customerCode(), "ci", ciSysId), Map.of());
    }

    @Override
    public PlannedAction plannedCreate(TenantSpec spec) {
        return PlannedAction.create(spec.customerCode(), vendor(), "servicenow.postCiEnrichment", client.endpoint().getHost(), false,
                "writes a CI enrichment record tagged " + CODE_COLUMN + "=" + spec.customerCode());
    }

    @Override
    public String tenantIdLabel() {
        return "record sys_id";
    }

    @Override
    public void deprovision(ProvisionedTenant tenant) {
        client.table(CiEnrichmentResult.TABLE).delete(tenant.tenantId());
    }
}
