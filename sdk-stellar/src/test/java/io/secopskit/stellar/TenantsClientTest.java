package io.secopskit.stellar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.error.ConflictException;
import io.secopskit.core.error.NotFoundException;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.error.ValidationException;
import io.secopskit.stellar.model.Tenant;
import io.secopskit.stellar.model.TenantRequest;
import io.secopskit.core.paging.Page;
import io.secopskit.testkit.FakeRequest;
import io.secopskit.testkit.FakeResponse;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TenantsClientTest extends StellarTestBase {
    private static final String TENANTS = "/connect/api/v1/tenants";

    private Tenant createAcme() {
        return client.tenants().create(TenantRequest.builder().name("Acme").contact("Jo Doe")
                .contactEmail("jo@acme.example").contactPhone("+1 555 0100").address("1 Main St").info("gold")
                .retentionGroup("rg-365").ingestionLimit(50).sessionTimeout(30).mfaEnabled(true).buildForCreate());
    }

    @Test
    void create_postsToTrailingSlashPath_withSnakeCaseBody() {
        Tenant t = createAcme();

        FakeRequest sent = fake.requests("POST", TENANTS + "/").get(0);
        assertEquals("{\"cust_name\":\"Acme\",\"contact\":\"Jo Doe\",\"contact_email\":\"jo@acme.example\","
                + "\"contact_phone\":\"+1 555 0100\",\"address\":\"1 Main St\",\"info\":\"gold\","
                + "\"retention_group\":\"rg-365\",\"ingestion_limit\":50,\"session_timeout\":30,\"mfa_enabled\":true}",
                sent.body());
        assertTrue(t.id().matches("[0-9a-f]{32}"), t.id());
        assertEquals("Acme", t.name());
        assertEquals(50L, t.ingestionLimit());
        assertEquals(Boolean.TRUE, t.mfaEnabled());
    }

    @Test
    void create_duplicateName_isConflict_andIsNotRetried() {
        createAcme();
        assertThrows(ConflictException.class, this::createAcme);
        assertEquals(2, fake.requests("POST", TENANTS + "/").size());
    }

    @Test
    void create_after503_isNotRetried() {
        fake.faults().nextCalls(1, "POST", TENANTS).respond(503, "{\"error\":\"busy\"}");
        assertThrows(ServerException.class, this::createAcme);
        assertEquals(1, fake.requests("POST", TENANTS + "/").size());
        assertTrue(fake.tenants().isEmpty());
    }

    @Test
    void list_get_update_delete_roundTrip() {
        Tenant acme = createAcme();
        client.tenants().create(TenantRequest.builder().name("Beta").buildForCreate());

        List<String> names = client.tenants().list().stream().map(Tenant::name).collect(Collectors.toList());
        assertEquals(List.of("Acme", "Beta"), names);

        assertEquals("Acme", client.tenants().get(acme.id()).name());
        assertEquals(TENANTS + "/" + acme.id(), fake.lastRequest().path());

        Tenant renamed = client.tenants().update(acme.id(), TenantRequest.builder().name("Acme Corp").sessionTimeout(60)
                .buildForUpdate());
        FakeRequest patch = fake.requests("PATCH", TENANTS + "/" + acme.id()).get(0);
        assertEquals("{\"cust_name\":\"Acme Corp\",\"session_timeout\":60}", patch.body());
        assertEquals("Acme Corp", renamed.name());
        assertEquals(60, renamed.sessionTimeout());

        client.tenants().delete(acme.id());
        assertEquals(1, fake.requests("DELETE", TENANTS + "/" + acme.id()).size());
        assertThrows(NotFoundException.class, () -> client.tenants().get(acme.id()));
    }

    @Test
    void info_holdsTheCustomerTag_andIsReadBackByListAndGet() {
        Tenant created = client.tenants().create(TenantRequest.builder().name("Acme").info("customer_code=acme-corp")
                .buildForCreate());

        assertEquals("{\"cust_name\":\"Acme\",\"info\":\"customer_code=acme-corp\"}",
                fake.requests("POST", TENANTS + "/").get(0).body());
        assertEquals("customer_code=acme-corp", client.tenants().get(created.id()).info());
        List<Page<Tenant>> pages = new java.util.ArrayList<>();
        client.tenants().list().byPage().forEach(pages::add);
        assertEquals(1, pages.size());
        assertEquals("customer_code=acme-corp", pages.get(0).items().get(0).info());
        assertNull(pages.get(0).continuationToken(), "one answer, nothing to resume");

        client.tenants().update(created.id(), TenantRequest.builder().info("customer_code=acme-corp; tier=gold").buildForUpdate());
        assertEquals("{\"info\":\"customer_code=acme-corp; tier=gold\"}",
                fake.requests("PATCH", TENANTS + "/" + created.id()).get(0).body());
    }

    @Test
    void list_dataNotAnArray_isATypedServerError() {
        fake.faults().nextCalls(1, "GET", TENANTS).respond(200, "{\"data\":{\"cust_id\":\"x\"}}");

        ServerException e = assertThrows(ServerException.class, () -> client.tenants().list().stream().count());

        assertEquals("ListTenants", e.operation());
        assertEquals(host(), e.host());
        assertTrue(e.getMessage().contains("array"), e.getMessage());
    }

    @Test
    void get_emptyBody_isATypedServerError() {
        Tenant acme = createAcme();
        fake.faults().nextCalls(1, "GET", TENANTS + "/").respond(FakeResponse.empty(200));

        ServerException e = assertThrows(ServerException.class, () -> client.tenants().get(acme.id()));

        assertEquals("GetTenant", e.operation());
        assertEquals(host(), e.host());
    }

    @Test
    void validation_rejectsBeforeSending() {
        assertEquals("cust_name", assertThrows(ValidationException.class,
                () -> TenantRequest.builder().contact("x").buildForCreate()).field());
        assertEquals("contact_email", assertThrows(ValidationException.class,
                () -> TenantRequest.builder().name("A").contactEmail("not-an-email").buildForCreate()).field());
        assertEquals("ingestion_limit", assertThrows(ValidationException.class,
                () -> TenantRequest.builder().name("A").ingestionLimit(-1).buildForCreate()).field());
        assertEquals("session_timeout", assertThrows(ValidationException.class,
                () -> TenantRequest.builder().name("A").sessionTimeout(0).buildForCreate()).field());
        assertEquals("update", assertThrows(ValidationException.class,
                () -> TenantRequest.builder().buildForUpdate()).field());
        assertEquals("tenant_id", assertThrows(ValidationException.class,
                () -> client.tenants().get("../cases")).field());
        assertEquals("request", assertThrows(ValidationException.class, () -> client.tenants().create(null)).field());
        assertTrue(fake.requests().isEmpty());
    }
}
