package io.secopskit.taegis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.provisioning.ProvisionedTenant;
import io.secopskit.core.provisioning.TenantSpec;
import io.secopskit.taegis.model.TenantRequest;
import io.secopskit.testkit.FakeTaegis;
import org.junit.jupiter.api.Test;

class TaegisTenantProvisionerTest extends TaegisTestBase {
    static final TenantSpec ACME = TenantSpec.builder().displayName("Acme Corp").customerCode("acme-corp").label("tier", "gold")
            .hint("taegis.environment", "echo").build();

    TaegisTenantProvisioner provisioner() {
        return new TaegisTenantProvisioner(taegis, FakeTaegis.PARTNER_TENANT_ID);
    }

    @Test
    void find_matchesOnlyTheCustomerCodeLabel_neverTheName() {
        taegis.tenants().create(TenantRequest.builder().name("Acme Corp").parentTenantId(FakeTaegis.PARTNER_TENANT_ID).build());
        taegis.tenants().create(TenantRequest.builder().name("Acme Corp").parentTenantId(FakeTaegis.PARTNER_TENANT_ID)
                .label("customer_code", "acme-corp-eu").build());

        assertTrue(provisioner().find(ACME).isEmpty(), "same name, other or no code: not this customer's tenant");

        String tagged = taegis.tenants().create(TenantRequest.builder().name("Whatever").parentTenantId(FakeTaegis.PARTNER_TENANT_ID)
                .label("customer_code", "acme-corp").build()).id();
        ProvisionedTenant found = provisioner().find(ACME).orElseThrow();
        assertEquals(tagged, found.tenantId());
        assertEquals("acme-corp", found.attributes().get(ProvisionedTenant.CUSTOMER_CODE));
        assertEquals("acme-corp", lastBody().path("variables").path("tenantsQuery").path("labelFilter").path("label_value").asText());
        assertEquals(FakeTaegis.PARTNER_TENANT_ID, lastBody().path("variables").path("tenantsQuery").path("forHierarchies").get(0).asText());
    }

    @Test
    void provision_labelsTheTenant_andFindBoundFindsItByIdAfterARename() {
        ProvisionedTenant created = provisioner().provision(ACME);
        taegis.tenants().rename(created.tenantId(), "Renamed by hand");

        ProvisionedTenant bound = provisioner().findBound(ACME, created.tenantId()).orElseThrow();

        assertEquals(created.tenantId(), bound.tenantId());
        assertEquals("acme-corp", bound.attributes().get(ProvisionedTenant.CUSTOMER_CODE));
        assertEquals("Renamed by hand", bound.attributes().get("name"));
        String createBody = fake.requests().stream().filter(r -> r.body().contains("createTenant")).findFirst().orElseThrow().body();
        assertTrue(createBody.contains("\"customer_code\"") && createBody.contains("\"tier\""), createBody);
        assertTrue(createBody.contains("\"environments\":[\"echo\"]"), createBody);
        assertTrue(provisioner().findBound(ACME, "999999").isEmpty());
        assertFalse(provisioner().issuesCredentials());
        assertTrue(provisioner().plannedCreate(ACME).irreversible(), "Taegis has no tenant delete");
    }

    @Test
    void deprovision_disablesTheTenant() {
        ProvisionedTenant created = provisioner().provision(ACME);

        provisioner().deprovision(created);

        assertEquals("{\"disable\":true}", lastBody().path("variables").path("tenantUpdate").toString());
        assertEquals(false, fake.tenant(created.tenantId()).get("enabled"));
    }
}
