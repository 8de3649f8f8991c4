package io.secopskit.carbonblack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.carbonblack.model.CreateFeedRequest;
import io.secopskit.carbonblack.model.FeedInfo;
import io.secopskit.core.provisioning.ProvisionedTenant;
import io.secopskit.core.provisioning.TenantSpec;
import org.junit.jupiter.api.Test;

/** The Carbon Black step of onboarding: a private feed named after the customer code. */
class CarbonBlackTenantProvisionerTest extends CarbonBlackTestBase {
    static final TenantSpec ACME = TenantSpec.builder().displayName("Acme Corp").customerCode("acme").build();

    @Test
    void find_matchesTheFeedNamedAfterTheCode_only() {
        cb.feeds().create(CreateFeedRequest.of(FeedInfo.of("Acme Corp", "https://acme.example", "named like the customer", "Partner")));
        cb.feeds().create(CreateFeedRequest.of(FeedInfo.of("secopskit-acme-corp", "https://acme.example", "another customer's", "Partner")));
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
        cb.feeds().updateInfo(created.tenantId(), FeedInfo.of("Acme threat intel", "https://acme.example", "renamed", "Partner"));

        ProvisionedTenant bound = p.findBound(ACME, created.tenantId()).orElseThrow();

        assertEquals(created.tenantId(), bound.tenantId());
        assertFalse(bound.attributes().containsKey(ProvisionedTenant.CUSTOMER_CODE));
        assertTrue(p.find(ACME).isEmpty(), "a search by name would no longer find it: only the binding does");
        assertTrue(p.findBound(ACME, "no-such-feed").isEmpty());
        assertEquals("carbonblack.CreateFeed", p.plannedCreate(ACME).operation());
        assertEquals("feed id", p.tenantIdLabel());
    }

    @Test
    void provision_checksDeviceAccessWithOneRow_thenPostsOneFeed_andDeprovisionDeletesIt() {
        CarbonBlackTenantProvisioner p = new CarbonBlackTenantProvisioner(cb);

        ProvisionedTenant created = p.provision(ACME);

        assertEquals(1, fake.requests("POST", DEVICES + "/_search").size());
        assertEquals(1, fake.requests("POST", DEVICES + "/_search").get(0).json().get("rows").asInt());
        assertEquals(1, fake.requests("POST", FEEDS).size());
        com.fasterxml.jackson.databind.JsonNode info = fake.requests("POST", FEEDS).get(0).json().get("feedinfo");
        assertEquals("secopskit-acme", info.get("name").asText());
        assertEquals("https://secopskit.io/customers/acme", info.get("provider_url").asText());
        assertEquals("private", info.get("access").asText());
        assertEquals("[]", fake.requests("POST", FEEDS).get(0).json().get("reports").toString());
        assertEquals(ProvisionedTenant.Status.CREATED, created.status());
        assertEquals(CarbonBlackClient.VENDOR, p.vendor());
        assertEquals(host(), p.plannedCreate(ACME).host());

        p.deprovision(created);

        assertEquals(1, fake.requests("DELETE", FEEDS + "/" + created.tenantId()).size());
        assertTrue(fake.feeds().isEmpty());
    }
}
