package io.secopskit.taegis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.secopskit.core.error.NotFoundException;
import io.secopskit.core.error.ValidationException;
import io.secopskit.core.paging.Page;
import io.secopskit.taegis.model.Environment;
import io.secopskit.taegis.model.OrderDir;
import io.secopskit.taegis.model.Service;
import io.secopskit.taegis.model.SubscriptionRequest;
import io.secopskit.taegis.model.SubscriptionUpdate;
import io.secopskit.taegis.model.Tenant;
import io.secopskit.taegis.model.TenantEnvironment;
import io.secopskit.taegis.model.TenantLabel;
import io.secopskit.taegis.model.TenantLabelRequest;
import io.secopskit.taegis.model.TenantOrderField;
import io.secopskit.taegis.model.TenantPaging;
import io.secopskit.taegis.model.TenantQuery;
import io.secopskit.taegis.model.TenantRequest;
import io.secopskit.taegis.model.TenantUpdate;
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
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void list_sendsTheQueryAsAVariable_andReadsTypedRecordsAndPagingMetadata() {
        fake.seedTenants(30);

        Page<Tenant> page = taegis.tenants().list(TenantQuery.builder().name("%0001%").pageSize(5)
                .orderBy(TenantOrderField.NAME, OrderDir.DESC).build()).byPage().iterator().next();

        JsonNode body = lastBody();
        assertTrue(body.get("query").asText().startsWith("query tenants($tenantsQuery: TenantsQuery!) { tenants(tenantsQuery: $tenantsQuery) {"),
                body.get("query").asText());
        JsonNode vars = body.get("variables").get("tenantsQuery");
        assertEquals("%0001%", vars.get("name").asText());
        assertEquals(5, vars.get("maxResults").asInt());
        assertEquals("Name", vars.get("orderBy").asText());
        assertEquals("desc", vars.get("orderDir").asText());
        assertFalse(vars.has("pageNum"), "null fields are not sent");
        assertFalse(vars.has("cursorPos"), "the first page has no cursor");
        assertEquals(5, page.items().size());
        assertEquals(11, page.total().orElseThrow(), "Tenant 00001, 00010-00019 contain 0001");
        assertTrue(page.nextToken().isPresent(), "hasMore: the page carries a continuation token");
        Tenant first = page.items().get(0);
        assertEquals("Tenant 00019", first.name());
        assertEquals(FakeTaegis.PARTNER_TENANT_ID, first.parent());
        assertEquals(Instant.class, first.createdAt().getClass());
        assertTrue(first.enabled());
        assertEquals("charlie", first.environments().get(0).name());
        assertTrue(queries().get(0).header("Authorization").startsWith("Bearer "));
        assertEquals(1, queries().size(), "one page, one request");
    }

    @ParameterizedTest
    @EnumSource(TenantPaging.class)
    void list_2500Tenants_pagesOfOneHundred_eachExactlyOnce_lazily(TenantPaging mode) {
        Set<String> seeded = new HashSet<>(fake.seedTenants(2500));
        Iterator<Tenant> it = taegis.tenants().list(TenantQuery.builder().forHierarchies(FakeTaegis.PARTNER_TENANT_ID)
                .pageSize(100).paging(mode).build()).iterator();
        assertTrue(queries().isEmpty(), "nothing is fetched before iteration");
        for (int i = 0; i < 100; i++) {
            it.next();
        }
        assertEquals(1, queries().size(), "page 2 waits until iteration reaches it");

        Set<String> seen = new HashSet<>();
        int count = 100;
        while (it.hasNext()) {
            Tenant t = it.next();
            if (!t.id().equals(FakeTaegis.PARTNER_TENANT_ID)) {
                assertTrue(seen.add(t.id()), "tenant " + t.id() + " seen twice");
            }
            count++;
        }

        assertEquals(2501, count, "2,500 children and the partner itself");
        assertEquals(26, queries().size());
        assertTrue(seeded.containsAll(seen));
        JsonNode second = queries().get(1).json().path("variables").path("tenantsQuery");
        if (mode == TenantPaging.PAGE_NUMBER) {
            assertEquals(2, second.get("pageNum").asInt(), "page-number paging assumes 1-based pages");
            assertEquals(1, queries().get(0).json().path("variables").path("tenantsQuery").get("pageNum").asInt());
            assertFalse(second.has("cursorPos"));
        } else {
            assertFalse(second.has("pageNum"));
            assertTrue(second.get("cursorPos").asText().length() > 0);
        }
    }

    @Test
    void list_everyFilter_isSentAndApplied() {
        List<String> ids = fake.seedTenants(5);
        taegis.tenants().labels(ids.get(2)).create(TenantLabelRequest.of("tier", "gold"));
        taegis.tenants().setEnvironments(ids.get(2), Map.of(TenantEnvironment.ECHO, true));

        List<Tenant> r = taegis.tenants().list(TenantQuery.builder().ids(ids).label("tier", "gold")
                .environment(TenantEnvironment.ECHO, true).isPartner(false).withSupport(false).build()).stream().toList();

        JsonNode vars = lastBody().path("variables").path("tenantsQuery");
        assertEquals("tier", vars.path("labelFilter").path("label_name").asText());
        assertEquals("gold", vars.path("labelFilter").path("label_value").asText());
        assertEquals("echo", vars.path("environmentFilter").path("name").asText());
        assertTrue(vars.path("environmentFilter").path("enabled").asBoolean());
        assertFalse(vars.path("isPartner").asBoolean(true));
        assertFalse(vars.path("withSupport").asBoolean(true));
        assertEquals(5, vars.path("ids").size());
        assertEquals(List.of(ids.get(2)), r.stream().map(Tenant::id).collect(Collectors.toList()));
    }

    @Test
    void list_timeFilters_areSentAsRfc3339InUtc() {
        fake.seedTenants(3);
        Instant after = Instant.parse("2019-07-04T15:00:22Z");

        taegis.tenants().list(TenantQuery.builder().createdBetween(after, null)
                .modifiedBetween(null, Instant.parse("2030-01-01T00:00:00Z")).build()).stream().count();

        JsonNode vars = lastBody().path("variables").path("tenantsQuery");
        assertEquals("2019-07-04T15:00:22Z", vars.path("createdTimeFilter").path("startTime").asText());
        assertFalse(vars.path("createdTimeFilter").has("endTime"));
        assertEquals("2030-01-01T00:00:00Z", vars.path("modifiedTimeFilter").path("endTime").asText());
    }

    @Test
    void get_readsOneTenantById_andNotFoundWhenInvisible() {
        String id = fake.seedTenants(2).get(1);

        Tenant t = taegis.tenants().get(id);

        assertEquals(id, t.id());
        assertEquals("[\"" + id + "\"]", lastBody().path("variables").path("tenantsQuery").path("ids").toString());
        NotFoundException e = assertThrows(NotFoundException.class, () -> taegis.tenants().get("999999"));
        assertEquals("tenants", e.operation());
        assertTrue(e.getMessage().contains("999999"), e.getMessage());
    }

    @Test
    void create_withEnvironmentsAndLabels() throws Exception {
        Tenant t = taegis.tenants().create(TenantRequest.builder().name("Acme Corp")
                .parentTenantId(FakeTaegis.PARTNER_TENANT_ID).environment(TenantEnvironment.ECHO)
                .label("customer_code", "acme").build());

        JsonNode body = lastBody();
        assertTrue(body.get("query").asText().startsWith("mutation createTenant($newTenant: TenantCreateInput!) { createTenant(newTenant: $newTenant) {"));
        assertEquals(json("{\"name\":\"Acme Corp\",\"parentTenantID\":\"" + FakeTaegis.PARTNER_TENANT_ID + "\","
                + "\"environments\":[\"echo\"],\"labels\":[{\"name\":\"customer_code\",\"value\":\"acme\"}]}"),
                body.path("variables").path("newTenant"));
        assertEquals("Acme Corp", t.name());
        assertEquals(FakeTaegis.PARTNER_TENANT_ID, t.parent());
        assertEquals("acme", t.labels().get(0).value());
        assertEquals("echo", t.environments().get(0).name());
        assertTrue(t.environments().get(0).enabled());
    }

    @Test
    void updateHelpers_renameEnvironmentsEnableDisableExpiry() throws Exception {
        String id = fake.seedTenants(1).get(0);

        assertEquals("Renamed", taegis.tenants().rename(id, "Renamed").name());
        JsonNode vars = lastBody().path("variables");
        assertEquals(id, vars.path("tenantID").asText());
        assertEquals(json("{\"name\":\"Renamed\"}"), vars.path("tenantUpdate"));

        Tenant withEnvs = taegis.tenants().setEnvironments(id, Map.of(TenantEnvironment.DELTA, true));
        assertEquals(json("[{\"enabled\":true,\"name\":\"delta\"}]"), lastBody().path("variables").path("tenantUpdate").path("environments"));
        assertTrue(withEnvs.environments().stream().anyMatch(e -> e.name().equals("delta") && e.enabled()));

        Tenant disabled = taegis.tenants().disable(id);
        assertEquals(json("{\"disable\":true}"), lastBody().path("variables").path("tenantUpdate"));
        assertFalse(disabled.enabled());
        assertTrue(disabled.environments().stream().noneMatch(Environment::enabled), "disable turns every environment off");

        Tenant enabled = taegis.tenants().enable(id, TenantEnvironment.ECHO);
        assertEquals(json("{\"environments\":[{\"name\":\"echo\",\"enabled\":true}]}"), lastBody().path("variables").path("tenantUpdate"));
        assertTrue(enabled.enabled(), "enabled exactly when one environment is");

        Instant expiry = Instant.parse("2027-01-31T00:00:00Z");
        assertEquals(expiry, taegis.tenants().setExpiry(id, expiry).expiresAt());
        assertEquals("2027-01-31T00:00:00Z", lastBody().path("variables").path("tenantUpdate").path("expiresAt").asText());
        Tenant cleared = taegis.tenants().clearExpiry(id);
        assertEquals(json("{\"clearExpiration\":true}"), lastBody().path("variables").path("tenantUpdate"));
        assertNull(cleared.expiresAt());
    }

    @Test
    void labels_createUpdateDelete() throws Exception {
        String id = fake.seedTenants(1).get(0);

        TenantLabel label = taegis.tenants().labels(id).create(TenantLabelRequest.of("env", "prod"));
        JsonNode vars = lastBody().path("variables");
        assertEquals(id, vars.path("tenant_id").asText());
        assertEquals(json("{\"name\":\"env\",\"value\":\"prod\"}"), vars.path("label_input"));
        assertEquals(id, label.tenantId());

        TenantLabel updated = taegis.tenants().labels(id).update(label.id(), TenantLabelRequest.of("env", "dev"));
        assertEquals(label.id(), lastBody().path("variables").path("label_id").asText());
        assertEquals(id, lastBody().path("variables").path("tenant_id").asText());
        assertEquals("dev", updated.value());

        assertEquals(label.id(), taegis.tenants().labels(id).delete(label.id()).id());
        assertTrue(((List<?>) fake.tenant(id).get("labels")).isEmpty());
    }

    @Test
    void subscriptions_createUpdateAssignUnassignDelete() {
        String id = fake.seedTenants(1).get(0);

        Service sub = taegis.subscriptions().create(SubscriptionRequest.of("MDR Plus").withDescription("24x7"));
        assertEquals("MDR Plus", lastBody().path("variables").path("input").path("name").asText());
        Service renamed = taegis.subscriptions().update(sub.id(), SubscriptionUpdate.rename("MDR Pro"));
        assertEquals(sub.id(), lastBody().path("variables").path("input").path("id").asText(), "the id travels inside the input");
        assertEquals("MDR Pro", renamed.name());

        Tenant assigned = taegis.subscriptions().assign(id, sub.id());
        assertEquals(sub.id(), lastBody().path("variables").path("subscription_id").asText());
        assertEquals("MDR Pro", assigned.grantedServices().get(0).name());
        assertEquals(sub.id(), assigned.allServices().get(0).serviceId(), "all_services, the successor of services");
        assertEquals(List.of(id), taegis.tenants().list(TenantQuery.builder().withService("MDR%").build()).stream()
                .map(Tenant::id).collect(Collectors.toList()));

        assertTrue(taegis.subscriptions().unassign(id, sub.id()).grantedServices().isEmpty());
        assertEquals(sub.id(), taegis.subscriptions().delete(sub.id()).id());
    }

    @Test
    void support_enableAndDisable() {
        String id = fake.seedTenants(1).get(0);
        assertTrue(taegis.tenants().enableSupport(id).supportEnabled());
        assertEquals(id, lastBody().path("variables").path("tenantID").asText());
        assertFalse(taegis.tenants().disableSupport(id).supportEnabled());
    }

    @Test
    void validation_beforeSending() {
        assertEquals("newTenant.name", assertThrows(ValidationException.class,
                () -> taegis.tenants().create(TenantRequest.builder().build())).field());
        assertEquals("tenantUpdate.name", assertThrows(ValidationException.class, () -> taegis.tenants().rename("1", " ")).field());
        assertEquals("tenantID", assertThrows(ValidationException.class, () -> taegis.tenants().rename(" ", "x")).field());
        assertEquals("tenantUpdate.environments", assertThrows(ValidationException.class,
                () -> taegis.tenants().setEnvironments("1", Map.of())).field());
        assertEquals("tenantUpdate", assertThrows(ValidationException.class,
                () -> taegis.tenants().update("1", TenantUpdate.builder().build())).field());
        assertEquals("tenantUpdate.clearExpiration", assertThrows(ValidationException.class,
                () -> taegis.tenants().update("1", TenantUpdate.builder().expiresAt(Instant.EPOCH).clearExpiration().build())).field());
        assertEquals("pageSize", assertThrows(ValidationException.class,
                () -> taegis.tenants().list(TenantQuery.builder().pageSize(0).build())).field());
        assertEquals("tenantsQuery.labelFilter.label_name", assertThrows(ValidationException.class,
                () -> taegis.tenants().list(TenantQuery.builder().label(null, "gold").build())).field());
        assertEquals("tenantsQuery.timeFilter", assertThrows(ValidationException.class,
                () -> taegis.tenants().list(TenantQuery.builder().createdBetween(Instant.EPOCH.plusSeconds(1), Instant.EPOCH).build())).field());
        assertEquals("input", assertThrows(ValidationException.class,
                () -> taegis.subscriptions().update("s-1", new SubscriptionUpdate(null, null, null, null))).field());
        assertEquals("label_input.name", assertThrows(ValidationException.class,
                () -> taegis.tenants().labels("1").create(TenantLabelRequest.of("", "v"))).field());
        assertTrue(fake.requests().isEmpty(), "nothing was sent, not even a token request");
    }

    @Test
    void twoHundredCalls_useExactlyOneToken() {
        fake.seedTenants(3);
        for (int i = 0; i < 200; i++) {
            taegis.tenants().list(TenantQuery.builder().pageSize(1).build()).byPage().iterator().next();
        }
        assertEquals(1, fake.issuer().tokensIssued());
        assertEquals(1, tokenRequests());
        assertEquals(200, queries().size());
    }
}
