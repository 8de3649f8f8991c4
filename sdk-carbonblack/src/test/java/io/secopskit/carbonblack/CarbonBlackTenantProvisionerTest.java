package io.secopskit.carbonblack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.carbonblack.model.FeedInfo;
import io.secopskit.core.provisioning.ProvisionedTenant;
import io.secopskit.core.provisioning.TenantSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class CarbonBlackTenantProvisionerTest extends CarbonBlackTestBase {
    static final TenantSpec ACME = TenantSpec.builder().displayName("Acme Corp").customerCode("acme").build();

    @Test
    void find_matchesTheFeedNamedAfterTheCode_only() {
        cb.feeds().create(FeedInfo.of("Acme Corp", "https://acme.example", "named like the customer", "Partner"), List.of());
        cb.feeds().create(FeedInfo.of("secopskit-acme-corp", "https://acme.example", "another customer's", "Partner"), List.of());
        CarbonBlackTenantProvisioner p = new CarbonBlackTenantProvisioner(cb);

        assertTrue(p.find(ACME).isEmpty());

        ProvisionedTenant created = p.provision(ACME);
        ProvisionedTenant found = p.find(ACME).orElseThrow();
        assertEquals(created.tenantId(), found.tenantId());
        assertEquals("acme", found.attributes().get(ProvisionedTenant.CUSTOMER_CODE));
    }

    @Test
    void findBound_findsTheFeedByIdAfterItWasRenamed_andReportsThatItNoLongerCarriesTheCode() {
        CarbonBlackTenantProvisioner p = new CarbonBlackTenantProvisioner(cb);
        ProvisionedTenant created = p.provision(ACME);
        cb.feeds().updateFeedInfo(created.tenantId(), FeedInfo.of("Acme threat intel", "https://acme.example", "renamed", "Partner"));

        ProvisionedTenant bound = p.findBound(ACME, created.tenantId()).orElseThrow();

        assertEquals(created.tenantId(), bound.tenantId());
        assertFalse(bound.attributes().containsKey(ProvisionedTenant.CUSTOMER_CODE));
        assertTrue(p.find(ACME).isEmpty(), "a search by name would no longer find it: only the binding does");
        assertTrue(p.findBound(ACME, "no-such-feed").isEmpty());
        assertEquals("carbonblack.CreateFeed", p.plannedCreate(ACME).operation());
        assertEquals("feed id", p.tenantIdLabel());
    }
}
