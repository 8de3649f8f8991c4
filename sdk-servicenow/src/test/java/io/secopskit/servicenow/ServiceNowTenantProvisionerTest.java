package io.secopskit.servicenow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.provisioning.ProvisionedTenant;
import io.secopskit.core.provisioning.TenantSpec;
import io.secopskit.servicenow.model.CiEnrichmentResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceNowTenantProvisionerTest extends ServiceNowTestBase {
    static final TenantSpec ACME = TenantSpec.builder().displayName("Acme Corp").customerCode("acme").build();

    @Test
    void find_matchesTheCustomerCodeColumnExactly_andFindBoundReadsTheRecordBySysId() {
        fake.insert("cmdb_ci", Map.of("name", "Acme Corp"));
        fake.insert(CiEnrichmentResult.TABLE, Map.of("u_customer_code", "acme-corp", "source", "other"));
        ServiceNowTenantProvisioner p = new ServiceNowTenantProvisioner(client);

        assertTrue(p.find(ACME).isEmpty(), "acme-corp is another customer");

        ProvisionedTenant created = p.provision(ACME);
        assertEquals(created.tenantId(), p.find(ACME).orElseThrow().tenantId());
        ProvisionedTenant bound = p.findBound(ACME, created.tenantId()).orElseThrow();
        assertEquals("acme", bound.attributes().get(ProvisionedTenant.CUSTOMER_CODE));
        assertTrue(p.findBound(ACME, "0123456789abcdef0123456789abcdef").isEmpty());
        assertEquals("record sys_id", p.tenantIdLabel());
        assertEquals(fake.baseUri().getHost(), p.plannedCreate(ACME).host());
    }
}
