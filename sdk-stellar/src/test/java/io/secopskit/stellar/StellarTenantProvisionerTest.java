package io.secopskit.stellar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.error.ConflictException;
import io.secopskit.core.provisioning.ProvisionedTenant;
import io.secopskit.core.provisioning.TenantSpec;
import io.secopskit.stellar.model.TenantRequest;
import org.junit.jupiter.api.Test;

class StellarTenantProvisionerTest extends StellarTestBase {
    static final TenantSpec ACME = TenantSpec.builder().displayName("Acme Corp").customerCode("acme").build();

    @Test
    void taggedCode_readsTheWholeCodeOnly() {
        assertEquals("acme", StellarTenantProvisioner.taggedCode("customer_code=acme"));
        assertEquals("acme-corp", StellarTenantProvisioner.taggedCode("moved; customer_code=acme-corp, since 2025"));
        assertNull(StellarTenantProvisioner.taggedCode("xcustomer_code=acme"));
        assertNull(StellarTenantProvisioner.taggedCode("Acme Corp"));
        assertNull(StellarTenantProvisioner.taggedCode(null));
    }

    @Test
    void find_neverMatchesByDisplayName_andAClashingNameFailsWithTheHint() {
        client.tenants().create(TenantRequest.builder().name("Acme Corp").info("customer_code=acme-corp").buildForCreate());
        StellarTenantProvisioner p = new StellarTenantProvisioner(client);

        assertTrue(p.find(ACME).isEmpty(), "same display name, other customer");
        ConflictException e = assertThrows(ConflictException.class, () -> p.provision(ACME));
        assertTrue(e.getMessage().contains("hint stellar.tenant_name"), e.getMessage());

        TenantSpec named = TenantSpec.builder().displayName("Acme Corp").customerCode("acme").hint("stellar.tenant_name", "Acme Corp (2)")
                .build();
        ProvisionedTenant created = p.provision(named);
        assertEquals(created.tenantId(), p.find(named).orElseThrow().tenantId());
        assertEquals("acme", p.findBound(named, created.tenantId()).orElseThrow().attributes().get(ProvisionedTenant.CUSTOMER_CODE));
        assertTrue(p.findBound(named, "0123456789abcdef0123456789abcdef").isEmpty());
    }
}
