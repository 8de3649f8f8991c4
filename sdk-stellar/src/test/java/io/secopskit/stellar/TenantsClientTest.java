package io.secopskit.stellar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.error.ConflictException;
import io.secopskit.core.error.NotFoundException;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.error.ValidationException;
import io.secopskit.stellar.model.Tenant;
import io.secopskit.stellar.model.TenantRequest;
import io.secopskit.testkit.FakeRequest;
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
        assertTrue(fake.requests().isEmpty());
    }
}
