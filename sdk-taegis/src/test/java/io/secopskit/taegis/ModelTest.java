package io.secopskit.taegis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.secopskit.core.error.ValidationException;
import io.secopskit.taegis.model.ExternalProvider;
import io.secopskit.taegis.model.LicenseLevel;
import io.secopskit.taegis.model.MdrProviderType;
import io.secopskit.taegis.model.RetentionMonths;
import io.secopskit.taegis.model.SsoConnectionQuery;
import io.secopskit.taegis.model.SsoConnectionStatus;
import io.secopskit.taegis.model.SsoEnvironment;
import io.secopskit.taegis.model.TenantEnvironment;
import io.secopskit.taegis.model.TenantLabelRequest;
import io.secopskit.taegis.model.TenantRequest;
import io.secopskit.taegis.model.TenantUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The public model: open value types keep what the vendor sends; request records put exactly the schema's input
 * field names on the wire (checked on what the fake received, answered with a canned result so that only the
 * request matters), never a Java-side helper such as {@code isEmpty()}.
 */
class ModelTest extends TaegisTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> keys(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void openValues_constantsUnknownsAndEquality() {
        assertSame(TenantEnvironment.ECHO, TenantEnvironment.of("echo"));
        assertTrue(TenantEnvironment.ECHO.isKnown());
        TenantEnvironment newRegion = TenantEnvironment.of("lima");
        assertFalse(newRegion.isKnown());
        assertEquals(newRegion, TenantEnvironment.of("lima"));
        assertEquals("lima", newRegion.value());
        assertEquals(21, TenantEnvironment.knownValues().size(), "every TenantEnvironment value of the schema");
        assertNotEquals(SsoEnvironment.PILOT, TenantEnvironment.PILOT, "same text, different types");
        assertEquals(List.of("NONE", "MDR", "XDR_ITDR", "TAEGIS_NATIVE"), LicenseLevel.knownValues().stream().map(LicenseLevel::value).toList());
        assertEquals(List.of("Draft", "Testing", "Enabled", "Disabled"),
                SsoConnectionStatus.knownValues().stream().map(SsoConnectionStatus::toString).toList());
        assertTrue(ExternalProvider.of("OKTA").toString().equals("OKTA"));
        for (String bad : new String[] {null, "", " ", "echo\r\n"}) {
            assertThrows(ValidationException.class, () -> TenantEnvironment.of(bad), String.valueOf(bad));
        }
    }

    @Test
    void tenantUpdate_sendsExactlyTheSchemasInputFields() throws Exception {
        fake.faults().nextCalls(1, "POST", TaegisClient.QUERY_PATH).respond(200, "{\"data\":{\"updateTenant\":{\"id\":\"200000\"}}}");

        taegis.tenants().update("200000", TenantUpdate.builder().name("Acme").disable().expiresAt(Instant.parse("2027-01-01T00:00:00Z"))
                .parentTenantId("100000").environment(TenantEnvironment.ECHO, false).dataRetentionMonths(RetentionMonths.TWELVE_MONTHS)
                .mdrProviderType(MdrProviderType.TAEGIS_MDR).build());

        JsonNode sent = lastBody().path("variables").path("tenantUpdate");
        assertEquals(List.of("name", "disable", "expiresAt", "parentTenantID", "environments", "dataRetentionMonths", "mdrProviderType"),
                keys(sent));
        assertEquals(JSON.readTree("{\"name\":\"Acme\",\"disable\":true,\"expiresAt\":\"2027-01-01T00:00:00Z\",\"parentTenantID\":\"100000\","
                + "\"environments\":[{\"name\":\"echo\",\"enabled\":false}],\"dataRetentionMonths\":\"TWELVE_MONTHS\","
                + "\"mdrProviderType\":\"TAEGIS_MDR\"}"), sent);
    }

    @Test
    void tenantRequest_sendsExactlyTheSchemasInputFields() throws Exception {
        fake.faults().nextCalls(1, "POST", TaegisClient.QUERY_PATH).respond(200, "{\"data\":{\"createTenant\":{\"id\":\"200001\"}}}");

        taegis.tenants().create(TenantRequest.builder().name("Acme").parentTenantId("100000").isPartner(false).isOrganization(true)
                .expiresAt(Instant.parse("2027-01-01T10:20:30.5Z")).environment(TenantEnvironment.ECHO, TenantEnvironment.of("lima"))
                .label(TenantLabelRequest.ownedBy("tier", "gold", "100000")).mdrProviderType(MdrProviderType.of("OTHER_MDR")).build());

        assertEquals(JSON.readTree("{\"name\":\"Acme\",\"parentTenantID\":\"100000\",\"isPartner\":false,\"isOrganization\":true,"
                + "\"expiresAt\":\"2027-01-01T10:20:30.500Z\",\"environments\":[\"echo\",\"lima\"],"
                + "\"labels\":[{\"name\":\"tier\",\"value\":\"gold\",\"owner_partner_tenant_id\":\"100000\"}],"
                + "\"mdrProviderType\":\"OTHER_MDR\"}"), lastBody().path("variables").path("newTenant"));
    }

    @Test
    void ssoConnectionQuery_sendsExactlyTheSchemasInputFields() throws Exception {
        String tenant = fake.seedTenants(1).get(0);

        taegis.sso(tenant).list(SsoConnectionQuery.builder().withConnectionId("c-1").withDomain("acme.example").includeExpired(true)
                .includeAllTenants(false).withTenantHierarchy(tenant).withStatus(SsoConnectionStatus.ENABLED)
                .excludeStatus(SsoConnectionStatus.DRAFT).build()).stream().count();

        assertEquals(JSON.readTree("{\"withConnectionID\":\"c-1\",\"withDomain\":\"acme.example\",\"includeExpired\":true,"
                + "\"includeAllTenants\":false,\"withTenantHierarchy\":[\"" + tenant + "\"],\"withStatus\":[\"Enabled\"],"
                + "\"excludeStatus\":[\"Draft\"]}"), lastBody().path("variables").path("connectionQuery"));
    }

    @Test
    void requestLists_refuseNullItems_withTheFieldName() {
        List<TenantEnvironment> withNull = new ArrayList<>();
        withNull.add(null);
        ValidationException e = assertThrows(ValidationException.class, () -> TenantRequest.builder().name("x").environments(withNull).build());
        assertEquals("newTenant.environments", e.field());
    }
}
