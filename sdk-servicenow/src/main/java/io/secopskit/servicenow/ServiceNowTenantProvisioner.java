package io.secopskit.servicenow;

import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.NotFoundException;
import io.secopskit.core.provisioning.ProvisionedTenant;
import io.secopskit.core.provisioning.TenantProvisioner;
import io.secopskit.core.provisioning.TenantSpec;
import io.secopskit.servicenow.model.CiEnrichmentResult;
import io.secopskit.servicenow.model.TableQuery;
import io.secopskit.servicenow.model.WriteOptions;
import io.secopskit.servicenow.model.WriteResult;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Records a customer's onboarding in ServiceNow Security Operations as a CI enrichment result on the
 * customer's configuration item (the {@code cmdb_ci} record named like the customer, or the one named by
 * the hint {@code servicenow.ci_name}), tagged with column {@code u_customer_code}. Find queries that
 * table through the Table API; {@link #deprovision} deletes the record.
 */
public final class ServiceNowTenantProvisioner implements TenantProvisioner {
    /** The {@code source} written on onboarding records. */
    public static final String SOURCE = "SecOpsKit onboarding";

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
                .encodedQuery("u_customer_code=" + spec.customerCode()).fields("sys_id").pageSize(1).build()).iterator();
        return it.hasNext() ? Optional.of(ProvisionedTenant.found(vendor(), String.valueOf(it.next().get("sys_id"))))
                : Optional.empty();
    }

    @Override
    public ProvisionedTenant provision(TenantSpec spec) {
        String ciName = spec.hint("servicenow.ci_name") != null ? spec.hint("servicenow.ci_name") : spec.displayName();
        Iterator<Map<String, Object>> ci = client.table("cmdb_ci").list(TableQuery.builder().encodedQuery("name=" + ciName)
                .fields("sys_id", "name").pageSize(1).build()).iterator();
        if (!ci.hasNext()) {
            throw new NotFoundException(ErrorInfo.of("servicenow", "Onboard").withVendorMessage(
                    "no configuration item named '" + ciName + "' in cmdb_ci; create it or set the hint servicenow.ci_name"));
        }
        String ciSysId = String.valueOf(ci.next().get("sys_id"));
        WriteResult written = client.secOpsIntegration().postCiEnrichment(CiEnrichmentResult.builder().ci(ciSysId)
                .source(SOURCE).result("Onboarded " + spec.displayName() + " (" + spec.customerCode() + ")")
                .field("u_customer_code", spec.customerCode()).build(), WriteOptions.defaults());
        return new ProvisionedTenant(vendor(), written.sysId(), ProvisionedTenant.Status.CREATED, Map.of("ci", ciSysId), Map.of());
    }

    @Override
    public void deprovision(ProvisionedTenant tenant) {
        client.table(CiEnrichmentResult.TABLE).delete(tenant.tenantId());
    }
}
