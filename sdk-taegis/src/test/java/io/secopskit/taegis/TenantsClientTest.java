package io.secopskit.taegis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.secopskit.core.error.ValidationException;
import io.secopskit.taegis.TenantsClient.PagingMode;
import io.secopskit.taegis.generated.Environment;
import io.secopskit.taegis.generated.InputTenantLabel;
import io.secopskit.taegis.generated.NewSubscription;
import io.secopskit.taegis.generated.OrderDir;
import io.secopskit.taegis.generated.Service;
import io.secopskit.taegis.generated.SubscriptionUpdate;
import io.secopskit.taegis.generated.Tenant;
import io.secopskit.taegis.generated.TenantCreateInput;
import io.secopskit.taegis.generated.TenantEnvironment;
import io.secopskit.taegis.generated.TenantEnvironmentFilter;
import io.secopskit.taegis.generated.TenantLabel;
import io.secopskit.taegis.generated.TenantLabelFilter;
import io.secopskit.taegis.generated.TenantOrderField;
import io.secopskit.taegis.generated.TenantResults;
import io.secopskit.taegis.generated.TenantsQuery;
import io.secopskit.testkit.FakeTaegis;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TenantsClientTest extends TaegisTestBase {

    @Test
    void tenants_sendsTheQueryAsAVariable_andReadsTypedResults() {
        fake.seedTenants(30);

        TenantResults page = taegis.tenants().tenants(TenantsQuery.builder().setName("%0001%").setMaxResults(5)
                .setOrderBy(TenantOrderField.Name).setOrderDir(OrderDir.desc).build());

        JsonNode body = lastBody();
        assertTrue(body.get("query").asText().startsWith("query tenants($tenantsQuery: TenantsQuery!) { tenants(tenantsQuery: $tenantsQuery) {"),
                body.get("query").asText());
        JsonNode vars = body.get("variables").get("tenantsQuery");
        assertEquals("%0001%", vars.get("name").asText());
        assertEquals(5, vars.get("maxResults").asInt());
        assertEquals("Name", vars.get("orderBy").asText());
        assertEquals("desc", vars.get("orderDir").asText());
        assertFalse(vars.has("pageNum"), "null fields are not sent");
        assertEquals(5, page.getCount());
        assertEquals(11, page.getTotalCount(), "Tenant 00001, 00010-00019 contain 0001");
        assertTrue(page.getHasMore());
        assertEquals("Tenant 00019", page.getResults().get(0).getName());
        assertTrue(queries().get(0).header("Authorization").startsWith("Bearer "));
    }

    @ParameterizedTest
    @EnumSource(PagingMode.class)
    void list_2500Tenants_pagesOfOneHundred_eachExactlyOnce_lazily(PagingMode mode) {
        Set<String> seeded = new HashSet<>(fake.seedTenants(2500));
        Iterator<Tenant> it = taegis.tenants().list(TenantsQuery.builder().setForHierarchies(List.of(FakeTaegis.PARTNER_TENANT_ID))
                .setMaxResults(100).build(), mode).iterator();
        assertTrue(queries().isEmpty(), "nothing is fetched before iteration");
        for (int i = 0; i < 100; i++) {
            it.next();
        }
        assertEquals(1, queries().size(), "page 2 waits until iteration reaches it");

        Set<String> seen = new HashSet<>();
        int count = 100;
        while (it.hasNext()) {
            Tenant t = it.next();
            if (!t.getId().equals(FakeTaegis.PARTNER_TENANT_ID)) {
                assertTrue(seen.add(t.getId()), "tenant " + t.getId() + " seen twice");
            }
            count++;
        }

        assertEquals(2501, count, "2,500 children and the partner itself");
        assertEquals(26, queries().size());
        assertTrue(seeded.containsAll(seen));
        JsonNode second = queries().get(1).json().path("variables").path("tenantsQuery");
        if (mode == PagingMode.PAGE_NUMBER) {
            assertEquals(2, second.get("pageNum").asInt());
            assertFalse(second.has("cursorPos"));
        } else {
            assertFalse(second.has("pageNum"));
            assertTrue(second.get("cursorPos").asText().length() > 0);
        }
    }

    @Test
    void tenants_everyFilter_isSentAndApplied() {
        List<String> ids = fake.seedTenants(5);
        taegis.tenants().createLabel(ids.get(2), InputTenantLabel.builder().setName("tier").setValue("gold").build());
        taegis.tenants().setEnvironments(ids.get(2), Map.of(TenantEnvironment.echo, true));

        TenantResults r = taegis.tenants().tenants(TenantsQuery.builder().setIds(ids)
                .setLabelFilter(TenantLabelFilter.builder().setLabel_name("tier").setLabel_value("gold").build())
                .setEnvironmentFilter(TenantEnvironmentFilter.builder().setName("echo").setEnabled(true).build())
                .setIsPartner(false).setWithSupport(false).build());

        JsonNode vars = lastBody().path("variables").path("tenantsQuery");
        assertEquals("tier", vars.path("labelFilter").path("label_name").asText());
        assertEquals("echo", vars.path("environmentFilter").path("name").asText());
        assertEquals(5, vars.path("ids").size());
        assertEquals(List.of(ids.get(2)), r.getResults().stream().map(Tenant::getId).collect(Collectors.toList()));
    }

    @Test
    void createTenant_withEnvironmentsAndLabels() {
        Tenant t = taegis.tenants().createTenant(TenantCreateInput.builder().setName("Acme Corp")
                .setParentTenantID(FakeTaegis.PARTNER_TENANT_ID).setEnvironments(List.of(TenantEnvironment.echo))
                .setLabels(List.of(InputTenantLabel.builder().setName("customer_code").setValue("acme").build())).build());

        JsonNode body = lastBody();
        assertTrue(body.get("query").asText().startsWith("mutation createTenant($newTenant: TenantCreateInput!) { createTenant(newTenant: $newTenant) {"));
        assertEquals("Acme Corp", body.path("variables").path("newTenant").path("name").asText());
        assertEquals("echo", body.path("variables").path("newTenant").path("environments").get(0).asText());
        assertEquals("Acme Corp", t.getName());
        assertEquals(FakeTaegis.PARTNER_TENANT_ID, t.getParent());
        assertEquals("acme", t.getLabels().get(0).getValue());
        assertEquals("echo", t.getEnvironments().get(0).getName());
        assertTrue(t.getEnvironments().get(0).getEnabled());
    }

    @Test
    void updateHelpers_renameEnvironmentsDisableExpiry() {
        String id = fake.seedTenants(1).get(0);

        assertEquals("Renamed", taegis.tenants().rename(id, "Renamed").getName());
        JsonNode vars = lastBody().path("variables");
        assertEquals(id, vars.path("tenantID").asText());
        assertEquals("{\"name\":\"Renamed\"}", vars.path("tenantUpdate").toString());

        Tenant withEnvs = taegis.tenants().setEnvironments(id, Map.of(TenantEnvironment.delta, true));
        assertEquals("[{\"enabled\":true,\"name\":\"delta\"}]", lastBody().path("variables").path("tenantUpdate").path("environments").toString());
        assertTrue(withEnvs.getEnvironments().stream().anyMatch(e -> e.getName().equals("delta") && e.getEnabled()));

        Tenant disabled = taegis.tenants().disable(id);
        assertEquals("{\"disable\":true}", lastBody().path("variables").path("tenantUpdate").toString());
        assertFalse(disabled.getEnabled());
        assertTrue(disabled.getEnvironments().stream().noneMatch(Environment::getEnabled), "disable turns every environment off");

        Instant expiry = Instant.parse("2027-01-31T00:00:00Z");
        assertEquals("2027-01-31T00:00:00Z", taegis.tenants().setExpiry(id, expiry).getExpires_at());
        Tenant cleared = taegis.tenants().clearExpiry(id);
        assertEquals("{\"clearExpiration\":true}", lastBody().path("variables").path("tenantUpdate").toString());
        assertNull(cleared.getExpires_at());
    }

    @Test
    void labels_createUpdateDelete() {
        String id = fake.seedTenants(1).get(0);

        TenantLabel label = taegis.tenants().createLabel(id, InputTenantLabel.builder().setName("env").setValue("prod").build());
        JsonNode vars = lastBody().path("variables");
        assertEquals(id, vars.path("tenant_id").asText());
        assertEquals("{\"name\":\"env\",\"value\":\"prod\"}", vars.path("label_input").toString());

        TenantLabel updated = taegis.tenants().updateLabel(label.getId(), id, InputTenantLabel.builder().setName("env").setValue("dev").build());
        assertEquals(label.getId(), lastBody().path("variables").path("label_id").asText());
        assertEquals("dev", updated.getValue());

        taegis.tenants().deleteLabel(label.getId(), id);
        assertTrue(((List<?>) fake.tenant(id).get("labels")).isEmpty());
    }

    @Test
    void subscriptions_createUpdateAssignUnassignDelete() {
        String id = fake.seedTenants(1).get(0);

        Service sub = taegis.tenants().createSubscription(NewSubscription.builder().setName("MDR Plus").setDescription("24x7").build());
        assertEquals("MDR Plus", lastBody().path("variables").path("input").path("name").asText());
        Service renamed = taegis.tenants().updateSubscription(SubscriptionUpdate.builder().setId(sub.getId()).setName("MDR Pro").build());
        assertEquals("MDR Pro", renamed.getName());

        Tenant assigned = taegis.tenants().assignSubscription(id, sub.getId());
        assertEquals(sub.getId(), lastBody().path("variables").path("subscription_id").asText());
        assertEquals("MDR Pro", assigned.getGranted_services().get(0).getName());
        assertEquals(List.of(id), taegis.tenants().tenants(TenantsQuery.builder().setWithService("MDR%").build())
                .getResults().stream().map(Tenant::getId).collect(Collectors.toList()));

        assertTrue(taegis.tenants().unassignSubscription(id, sub.getId()).getGranted_services().isEmpty());
        assertEquals(sub.getId(), taegis.tenants().deleteSubscription(sub.getId()).getId());
    }

    @Test
    void support_enableAndDisable() {
        String id = fake.seedTenants(1).get(0);
        assertTrue(taegis.tenants().enableSupport(id).getSupport_enabled());
        assertEquals(id, lastBody().path("variables").path("tenantID").asText());
        assertFalse(taegis.tenants().disableSupport(id).getSupport_enabled());
    }

    @Test
    void validation_beforeSending() {
        assertThrows(ValidationException.class, () -> taegis.tenants().createTenant(TenantCreateInput.builder().build()));
        assertThrows(ValidationException.class, () -> taegis.tenants().rename(" ", "x"));
        assertThrows(ValidationException.class, () -> taegis.tenants().setEnvironments("1", Map.of()));
        assertTrue(fake.requests().isEmpty());
    }

    @Test
    void twoHundredCalls_useExactlyOneToken() {
        fake.seedTenants(3);
        for (int i = 0; i < 200; i++) {
            taegis.tenants().tenants(TenantsQuery.builder().setMaxResults(1).build());
        }
        assertEquals(1, fake.issuer().tokensIssued());
        assertEquals(1, fake.requests("POST", "/auth/api/v2/auth/token").size());
        assertEquals(200, queries().size());
    }
}
