package io.secopskit.taegis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.secopskit.testkit.FakeTaegis;
import io.secopskit.testkit.FakeTaegis.Principal;
import io.secopskit.testkit.FakeTaegis.Principal.Permission;
import io.secopskit.testkit.FakeTaegis.Rule;
import io.secopskit.testkit.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * FakeTaegis enforces each rule of the Tenants API document, and stops when the rule is switched off. These
 * are raw GraphQL requests (what the vendor receives), not SDK calls; the SDK side is in
 * {@link DocumentRulesSdkTest}.
 */
class FakeTaegisRulesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final OkHttpClient HTTP = new OkHttpClient();
    private static final String TENANT = "{ id name enabled parent is_partner support_enabled expires_at "
            + "labels { id name value owner_partner_tenant_id } environments { name enabled } }";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T12:00:00Z"));
    private FakeTaegis fake;
    private String childA;
    private String childB;
    private String grandchild;

    @BeforeEach
    void start() {
        fake = new FakeTaegis();
        fake.start();
        fake.clock(clock);
        fake.issuer().client("admin", "admin-secret");
        List<String> children = fake.seedTenants(2);
        childA = children.get(0);
        childB = children.get(1);
        grandchild = fake.seedTenants(1, childA).get(0);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private String token(String clientId, String secret) {
        Request request = new Request.Builder().url(fake.baseUri() + "/auth/api/v2/auth/token")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret)
                        .getBytes(StandardCharsets.UTF_8)))
                .post(RequestBody.create("grant_type=client_credentials", MediaType.get("application/x-www-form-urlencoded")))
                .build();
        try (Response r = HTTP.newCall(request).execute()) {
            JsonNode body = MAPPER.readTree(r.body().string());
            return body.get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String as(String clientId, Principal principal) {
        fake.client(clientId, clientId + "-secret", principal);
        return token(clientId, clientId + "-secret");
    }

    private String admin() {
        return token("admin", "admin-secret");
    }

    private JsonNode gql(String token, String context, String query, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        Request.Builder b = new Request.Builder().url(fake.baseUri() + "/public/query").header("Authorization", "Bearer " + token);
        if (context != null) {
            b.header("X-Tenant-Context", context);
        }
        try (Response r = HTTP.newCall(b.post(RequestBody.create(MAPPER.writeValueAsString(body),
                MediaType.get("application/json"))).build()).execute()) {
            assertEquals(200, r.code());
            return MAPPER.readTree(r.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String error(JsonNode answer) {
        assertTrue(answer.path("errors").size() > 0, "expected an error, got " + answer);
        return answer.path("errors").get(0).path("message").asText();
    }

    private static JsonNode data(JsonNode answer, String field) {
        assertTrue(answer.path("errors").isMissingNode() || answer.path("errors").isEmpty(), answer.toString());
        return answer.path("data").path(field);
    }

    private List<String> visibleIds(String token) {
        JsonNode results = data(gql(token, null, "query q($q: TenantsQuery!) { tenants(tenantsQuery: $q) { results { id } } }",
                Map.of("q", Map.of("maxResults", 100))), "tenants").path("results");
        List<String> ids = new ArrayList<>();
        results.forEach(t -> ids.add(t.get("id").asText()));
        return ids;
    }

    private JsonNode rename(String token, String tenantId, String name) {
        return gql(token, null, "mutation u($id: ID!, $in: TenantUpdateInput!) { updateTenant(tenantID: $id, tenantUpdate: $in) "
                + TENANT + " }", Map.of("id", tenantId, "in", Map.of("name", name)));
    }

    private JsonNode createTenant(String token, Map<String, Object> input) {
        return gql(token, null, "mutation c($t: TenantCreateInput!) { createTenant(newTenant: $t) " + TENANT + " }",
                Map.of("t", input));
    }

    // ---------------------------------------------------------------- READ_SCOPE (L16-18)

    @Test
    void readScope_tenantReadToken_seesItsOwnAndRelatedTenantsOnly() {
        String reader = as("reader", Principal.withPermissions(childA, Permission.TENANT_READ));

        assertEquals(List.of(childA, grandchild), visibleIds(reader));
        assertEquals(List.of(FakeTaegis.PARTNER_TENANT_ID, childA, childB, grandchild), visibleIds(admin()));
        String secureworks = as("scwx", Principal.secureworks());
        assertEquals(List.of(FakeTaegis.PARTNER_TENANT_ID), visibleIds(secureworks), "children only with support enabled");
        data(gql(admin(), null, "mutation s($id: ID!) { enableTenantSupport(tenantID: $id) { id } }", Map.of("id", childB)),
                "enableTenantSupport");
        assertEquals(List.of(FakeTaegis.PARTNER_TENANT_ID, childB), visibleIds(secureworks));
    }

    @Test
    void readScope_switchedOff_aTenantReadTokenSeesEverything() {
        String reader = as("reader", Principal.withPermissions(childA, Permission.TENANT_READ));
        fake.strictness().disable(Rule.READ_SCOPE);
        assertEquals(4, visibleIds(reader).size());
    }

    // ---------------------------------------------------------------- MUTATION_RIGHTS (L19-20)

    @Test
    void mutationRights_readOnlyTokenCannotUpdate_updateTokenCan_tenantAdminCoversItsHierarchy() {
        String reader = as("reader", Principal.withPermissions(childA, Permission.TENANT_READ));
        assertEquals("permission denied: Tenant:update is required on tenant " + childA, error(rename(reader, childA, "x")));
        assertTrue(error(rename(reader, childB, "x")).contains("not found or not accessible"), "others look absent");

        String updater = as("updater", Principal.withPermissions(childA, Permission.TENANT_READ, Permission.TENANT_UPDATE));
        assertEquals("Renamed A", data(rename(updater, childA, "Renamed A"), "updateTenant").path("name").asText());

        assertEquals("Renamed G", data(rename(admin(), grandchild, "Renamed G"), "updateTenant").path("name").asText(),
                "the partner's TenantAdmin reaches a grandchild");
        String childAdmin = as("child-admin", Principal.tenantAdmin(childA));
        assertTrue(error(rename(childAdmin, childB, "x")).contains("not found or not accessible"));
    }

    @Test
    void mutationRights_switchedOff_aReadOnlyTokenRenames() {
        String reader = as("reader", Principal.withPermissions(childA, Permission.TENANT_READ));
        fake.strictness().disable(Rule.MUTATION_RIGHTS);
        assertEquals("x", data(rename(reader, childA, "x"), "updateTenant").path("name").asText());
    }

    // ---------------------------------------------------------------- CREATE_UNDER_ACCESSIBLE_PARENT (L188, L203)

    @Test
    void createUnderAccessibleParent_otherPartnersParentIsRefused() {
        String otherPartner = fake.seedPartner("Other Partner", null);
        String otherAdmin = as("other", Principal.tenantAdmin(otherPartner));

        String refused = error(createTenant(otherAdmin, Map.of("name", "Sneaky", "parentTenantID", FakeTaegis.PARTNER_TENANT_ID)));

        assertTrue(refused.contains("not found or not accessible"), refused);
        assertEquals(otherPartner, data(createTenant(otherAdmin, Map.of("name", "Mine", "parentTenantID", otherPartner)),
                "createTenant").path("parent").asText());
        String creator = as("creator", Principal.withPermissions(childA, Permission.TENANT_READ, Permission.TENANT_CREATE));
        assertTrue(error(createTenant(creator, Map.of("name", "x", "parentTenantID", FakeTaegis.PARTNER_TENANT_ID)))
                .contains("not found or not accessible"));
        assertEquals(childA, data(createTenant(creator, Map.of("name", "Under A", "parentTenantID", childA)), "createTenant")
                .path("parent").asText());
    }

    @Test
    void createUnderAccessibleParent_switchedOff_anotherPartnersAdminCreatesThere() {
        String otherAdmin = as("other", Principal.tenantAdmin(fake.seedPartner("Other Partner", null)));
        fake.strictness().disable(Rule.CREATE_UNDER_ACCESSIBLE_PARENT);
        assertEquals(FakeTaegis.PARTNER_TENANT_ID, data(createTenant(otherAdmin, Map.of("name", "Sneaky",
                "parentTenantID", FakeTaegis.PARTNER_TENANT_ID)), "createTenant").path("parent").asText());
    }

    // ---------------------------------------------------------------- NO_PARTNER_CREATION (L189)

    @Test
    void noPartnerCreation_onlySecureworksCreatesPartners() {
        Map<String, Object> partner = Map.of("name", "New Partner", "parentTenantID", FakeTaegis.PARTNER_TENANT_ID, "isPartner", true);
        assertTrue(error(createTenant(admin(), partner)).contains("only Secureworks"));
        assertTrue(data(createTenant(as("scwx", Principal.secureworks()), partner), "createTenant").path("is_partner").asBoolean());
        fake.strictness().disable(Rule.NO_PARTNER_CREATION);
        assertTrue(data(createTenant(admin(), partner), "createTenant").path("is_partner").asBoolean());
    }

    // ---------------------------------------------------------------- LABEL_OWNER_IS_PARENT, LABEL_AUDIENCE (L203)

    private JsonNode createLabel(String token, String tenantId, Map<String, Object> label) {
        return gql(token, null, "mutation l($t: ID!, $l: InputTenantLabel!) { createTenantLabel(tenant_id: $t, label_input: $l) "
                + "{ id name value owner_partner_tenant_id } }", Map.of("t", tenantId, "l", label));
    }

    @Test
    void labelOwner_canOnlyBeTheParent() {
        String refused = error(createLabel(admin(), grandchild, Map.of("name", "tier", "value", "gold",
                "owner_partner_tenant_id", FakeTaegis.PARTNER_TENANT_ID)));
        assertTrue(refused.contains("can only be the parent tenant (" + childA + ")"), refused);
        assertEquals(childA, data(createLabel(admin(), grandchild, Map.of("name", "tier", "value", "gold",
                "owner_partner_tenant_id", childA)), "createTenantLabel").path("owner_partner_tenant_id").asText());
        assertTrue(error(createTenant(admin(), Map.of("name", "x", "parentTenantID", childA, "labels",
                List.of(Map.of("name", "n", "value", "v", "owner_partner_tenant_id", childB))))).contains("parent tenant"));

        fake.strictness().disable(Rule.LABEL_OWNER_IS_PARENT);
        assertEquals(FakeTaegis.PARTNER_TENANT_ID, data(createLabel(admin(), grandchild, Map.of("name", "tier", "value", "x",
                "owner_partner_tenant_id", FakeTaegis.PARTNER_TENANT_ID)), "createTenantLabel").path("owner_partner_tenant_id").asText());
    }

    @Test
    void labelAudience_partnerOnlyLabelsAreHiddenFromTheChildsOwnToken() {
        data(createLabel(admin(), childA, Map.of("name", "partner_only", "value", "v", "owner_partner_tenant_id",
                FakeTaegis.PARTNER_TENANT_ID)), "createTenantLabel");
        data(createLabel(admin(), childA, Map.of("name", "public", "value", "v")), "createTenantLabel");
        String reader = as("reader", Principal.withPermissions(childA, Permission.TENANT_READ));
        String q = "query q($q: TenantsQuery!) { tenants(tenantsQuery: $q) { results { id labels { name } } } }";
        Map<String, Object> vars = Map.of("q", Map.of("ids", List.of(childA)));

        JsonNode seenByChild = data(gql(reader, null, q, vars), "tenants").path("results").get(0).path("labels");
        JsonNode seenByPartner = data(gql(admin(), null, q, vars), "tenants").path("results").get(0).path("labels");

        assertEquals("[{\"name\":\"public\"}]", seenByChild.toString());
        assertEquals(2, seenByPartner.size());
        fake.strictness().disable(Rule.LABEL_AUDIENCE);
        assertEquals(2, data(gql(reader, null, q, vars), "tenants").path("results").get(0).path("labels").size());
    }

    // ---------------------------------------------------------------- RESTRICTED_LABELS (L278-279)

    @Test
    void restrictedLabels_refuseUpdateAndDelete_untilSwitchedOff() {
        String labelId = fake.seedRestrictedLabel(childA, "scwx_managed", "true");
        String update = "mutation u($l: ID!, $t: ID!, $in: InputTenantLabel!) { updateTenantLabel(label_id: $l, tenant_id: $t, "
                + "label_input: $in) { id value } }";
        String delete = "mutation d($l: ID!, $t: ID!) { deleteTenantLabel(label_id: $l, tenant_id: $t) { id } }";

        assertTrue(error(gql(admin(), null, update, Map.of("l", labelId, "t", childA, "in", Map.of("name", "scwx_managed",
                "value", "false")))).contains("restricted"));
        assertTrue(error(gql(admin(), null, delete, Map.of("l", labelId, "t", childA))).contains("restricted"));

        fake.strictness().disable(Rule.RESTRICTED_LABELS);
        assertEquals("false", data(gql(admin(), null, update, Map.of("l", labelId, "t", childA, "in", Map.of("name",
                "scwx_managed", "value", "false"))), "updateTenantLabel").path("value").asText());
        assertEquals(labelId, data(gql(admin(), null, delete, Map.of("l", labelId, "t", childA)), "deleteTenantLabel")
                .path("id").asText());
    }

    // ---------------------------------------------------------------- ENABLED_IFF_ENVIRONMENT (L220, L235-237)

    private JsonNode setEnvironments(String tenantId, List<Map<String, Object>> envs) {
        return gql(admin(), null, "mutation u($id: ID!, $in: TenantUpdateInput!) { updateTenant(tenantID: $id, tenantUpdate: $in) "
                + TENANT + " }", Map.of("id", tenantId, "in", Map.of("environments", envs)));
    }

    @Test
    void enabledIffEnvironment_turningTheLastEnvironmentOffDisables_andOneOnEnables() {
        JsonNode created = data(createTenant(admin(), Map.of("name", "No envs given")), "createTenant");
        assertEquals("[{\"name\":\"charlie\",\"enabled\":true}]", created.path("environments").toString(),
                "created tenants are enabled in at least one environment");
        assertTrue(created.path("enabled").asBoolean());

        JsonNode off = data(setEnvironments(childA, List.of(Map.of("name", "charlie", "enabled", false))), "updateTenant");
        assertFalse(off.path("enabled").asBoolean());
        JsonNode on = data(setEnvironments(childA, List.of(Map.of("name", "echo", "enabled", true))), "updateTenant");
        assertTrue(on.path("enabled").asBoolean());
    }

    @Test
    void enabledIffEnvironment_switchedOff_aTenantWithNoEnvironmentOnStaysEnabled() {
        fake.strictness().disable(Rule.ENABLED_IFF_ENVIRONMENT);
        JsonNode off = data(setEnvironments(childA, List.of(Map.of("name", "charlie", "enabled", false))), "updateTenant");
        assertTrue(off.path("enabled").asBoolean());
    }

    // ---------------------------------------------------------------- EXPIRY_AUTODISABLE (L252)

    private JsonNode readTenant(String id) {
        return data(gql(admin(), null, "query q($q: TenantsQuery!) { tenants(tenantsQuery: $q) { results " + TENANT + " } }",
                Map.of("q", Map.of("ids", List.of(id)))), "tenants").path("results").get(0);
    }

    @Test
    void expiryAutodisable_sixtyDaysAfterTheExpiryOnTheFakesClock() {
        data(gql(admin(), null, "mutation u($id: ID!, $in: TenantUpdateInput!) { updateTenant(tenantID: $id, tenantUpdate: $in) { id } }",
                Map.of("id", childA, "in", Map.of("expiresAt", "2026-12-01T00:00:00Z"))), "updateTenant");

        clock.set(Instant.parse("2026-12-01T00:00:00Z").plus(Duration.ofDays(60)).minusSeconds(1));
        assertTrue(readTenant(childA).path("enabled").asBoolean(), "59 days 23:59:59 after the expiry");
        clock.advance(Duration.ofSeconds(1));
        JsonNode expired = readTenant(childA);
        assertFalse(expired.path("enabled").asBoolean());
        assertEquals("[{\"name\":\"charlie\",\"enabled\":false}]", expired.path("environments").toString());
        assertTrue(readTenant(childB).path("enabled").asBoolean(), "tenants without expiry are untouched");
    }

    @Test
    void expiryAutodisable_switchedOff_anExpiredTenantStaysEnabled() {
        fake.strictness().disable(Rule.EXPIRY_AUTODISABLE);
        data(gql(admin(), null, "mutation u($id: ID!, $in: TenantUpdateInput!) { updateTenant(tenantID: $id, tenantUpdate: $in) { id } }",
                Map.of("id", childA, "in", Map.of("expiresAt", "2023-12-31T00:00:00Z"))), "updateTenant");
        assertTrue(readTenant(childA).path("enabled").asBoolean());
    }

    // ---------------------------------------------------------------- SUBSCRIPTION_DELETE_UNASSIGNED (L297)

    @Test
    void deleteSubscription_whileAssigned_fails_afterUnassign_succeeds() {
        String subId = data(gql(admin(), null, "mutation c($in: NewSubscription!) { createSubscription(input: $in) { id } }",
                Map.of("in", Map.of("name", "MDR"))), "createSubscription").path("id").asText();
        String assign = "mutation a($t: ID!, $s: ID!) { assignSubscription(tenant_id: $t, subscription_id: $s) { id } }";
        String unassign = "mutation a($t: ID!, $s: ID!) { unassignSubscription(tenant_id: $t, subscription_id: $s) { id } }";
        String delete = "mutation d($id: ID!) { deleteSubscription(id: $id) { id } }";
        data(gql(admin(), null, assign, Map.of("t", childA, "s", subId)), "assignSubscription");

        assertTrue(error(gql(admin(), null, delete, Map.of("id", subId))).contains("is assigned to tenant " + childA));

        data(gql(admin(), null, unassign, Map.of("t", childA, "s", subId)), "unassignSubscription");
        assertEquals(subId, data(gql(admin(), null, delete, Map.of("id", subId)), "deleteSubscription").path("id").asText());
    }

    @Test
    void deleteSubscription_switchedOff_anAssignedOneIsDeleted() {
        fake.strictness().disable(Rule.SUBSCRIPTION_DELETE_UNASSIGNED);
        String subId = data(gql(admin(), null, "mutation c($in: NewSubscription!) { createSubscription(input: $in) { id } }",
                Map.of("in", Map.of("name", "MDR"))), "createSubscription").path("id").asText();
        data(gql(admin(), null, "mutation a($t: ID!, $s: ID!) { assignSubscription(tenant_id: $t, subscription_id: $s) { id } }",
                Map.of("t", childA, "s", subId)), "assignSubscription");
        assertEquals(subId, data(gql(admin(), null, "mutation d($id: ID!) { deleteSubscription(id: $id) { id } }",
                Map.of("id", subId)), "deleteSubscription").path("id").asText());
    }

    // ---------------------------------------------------------------- CURSOR_BOUND_TO_SORT (L148)

    private JsonNode page(Map<String, Object> query) {
        return gql(admin(), null, "query q($q: TenantsQuery!) { tenants(tenantsQuery: $q) { results { id } cursorPos hasMore } }",
                Map.of("q", query));
    }

    @Test
    void cursor_issuedUnderOneSort_isRefusedUnderAnother() {
        String cursor = data(page(Map.of("maxResults", 2)), "tenants").path("cursorPos").asText();
        assertEquals("id|" + childA, new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8),
                "the default sort's cursor has the document's shape (aWR8... = id|...)");

        String refused = error(page(Map.of("maxResults", 2, "cursorPos", cursor, "orderBy", "Name", "orderDir", "desc")));
        assertTrue(refused.contains("changing orderBy or orderDir changes the cursor"), refused);
        assertEquals(2, data(page(Map.of("maxResults", 2, "cursorPos", cursor)), "tenants").path("results").size());

        fake.strictness().disable(Rule.CURSOR_BOUND_TO_SORT);
        assertTrue(page(Map.of("maxResults", 2, "cursorPos", cursor, "orderBy", "Name", "orderDir", "desc")).path("errors").isMissingNode());
    }

    // ---------------------------------------------------------------- TIME_FORMAT (L25-29)

    @Test
    void timeFormat_withoutAnOffset_isRefused_untilSwitchedOff() {
        Map<String, Object> q = Map.of("createdTimeFilter", Map.of("startTime", "2019-07-04T15:00:22", "endTime", "2030-01-01T00:00:00Z"));
        assertTrue(error(page(q)).contains("RFC 3339"));
        fake.strictness().disable(Rule.TIME_FORMAT);
        assertEquals(4, data(page(Map.of("createdTimeFilter", q.get("createdTimeFilter"), "maxResults", 10)), "tenants")
                .path("results").size());
    }

    // ---------------------------------------------------------------- SSO (L344..., L349, L376, L393, L395, L415)

    private static final String SSO = "{ id name type status certName tenantID domains ssoConnectionIDPConfig "
            + "{ samlConnectionConfiguration { signInEndpoint signingCert } } }";

    private JsonNode createSso(String token, String context, Map<String, Object> input) {
        return gql(token, context, "mutation c($in: NewSSOConnectionInput!) { createSSOConnection(newConnection: $in) " + SSO + " }",
                Map.of("in", input));
    }

    private JsonNode updateSso(String context, Map<String, Object> input) {
        return gql(admin(), context, "mutation u($in: UpdateSSOConnectionInput!) { updateSSOConnection(updatedConnection: $in) "
                + SSO + " }", Map.of("in", input));
    }

    private static Map<String, Object> validSso() {
        return Map.of("name", "Acme Okta", "type", "saml", "domains", List.of("acme.example"));
    }

    @Test
    void ssoTenantContext_isRequired_scopesConnections_andNeedsRightsOnTheTenant() {
        assertTrue(error(createSso(admin(), null, validSso())).contains("X-Tenant-Context header is required"));
        String id = data(createSso(admin(), childA, validSso()), "createSSOConnection").path("id").asText();
        String get = "query g($id: ID!) { getSSOConnection(id: $id) { id } }";

        assertTrue(gql(admin(), childB, get, Map.of("id", id)).path("data").path("getSSOConnection").isNull(),
                "a connection of tenant A is not visible in tenant B's context");
        assertEquals(id, data(gql(admin(), childA, get, Map.of("id", id)), "getSSOConnection").path("id").asText());
        String reader = as("reader", Principal.withPermissions(childA, Permission.TENANT_READ));
        assertTrue(error(createSso(reader, childA, validSso())).contains("needs update rights"));
        assertTrue(error(createSso(reader, childB, validSso())).contains("not found or not accessible"));

        fake.strictness().disable(Rule.SSO_TENANT_CONTEXT);
        assertEquals(id, data(gql(admin(), childB, get, Map.of("id", id)), "getSSOConnection").path("id").asText());
        assertEquals("Acme Okta", data(createSso(admin(), null, validSso()), "createSSOConnection").path("name").asText());
    }

    @Test
    void ssoCreateRequired_typeSamlAndDomains_untilSwitchedOff() {
        assertTrue(error(createSso(admin(), childA, Map.of("name", "n", "domains", List.of("a.example")))).contains("type"));
        assertTrue(error(createSso(admin(), childA, Map.of("name", "n", "type", "unknown", "domains", List.of("a.example"))))
                .contains("must be saml"));
        assertTrue(error(createSso(admin(), childA, Map.of("name", "n", "type", "saml"))).contains("domains"));
        assertEquals("Draft", data(createSso(admin(), childA, validSso()), "createSSOConnection").path("status").asText());
        fake.strictness().disable(Rule.SSO_CREATE_REQUIRED);
        assertEquals("n", data(createSso(admin(), childA, Map.of("name", "n")), "createSSOConnection").path("name").asText());
    }

    @Test
    void ssoConfigComplete_signingCertNeedsSignInEndpoint_untilSwitchedOff() {
        String id = data(createSso(admin(), childA, validSso()), "createSSOConnection").path("id").asText();
        Map<String, Object> certOnly = Map.of("id", id, "connectionConfiguration", Map.of("samlConfiguration",
                Map.of("signingCert", "MIIC")));
        assertTrue(error(updateSso(childA, certOnly)).contains("signInEndpoint is required"));
        fake.strictness().disable(Rule.SSO_CONFIG_COMPLETE);
        assertEquals("Draft", data(updateSso(childA, certOnly), "updateSSOConnection").path("status").asText());
    }

    @Test
    void ssoConfiguredTesting_completingTheConfigurationMovesToTesting_andKeepsCertName() {
        String id = data(createSso(admin(), childA, validSso()), "createSSOConnection").path("id").asText();

        JsonNode updated = data(updateSso(childA, Map.of("id", id, "connectionConfiguration", Map.of("samlConfiguration",
                Map.of("metadataURL", "https://idp.acme.example/metadata", "signingCertName", "issuer.pem")))), "updateSSOConnection");

        assertEquals("Testing", updated.path("status").asText());
        assertEquals("issuer.pem", updated.path("certName").asText());
        JsonNode manual = data(updateSso(childA, Map.of("id", id, "connectionConfiguration", Map.of("samlConfiguration",
                Map.of("signingCert", "MIIC", "signInEndpoint", "https://idp/sso")))), "updateSSOConnection");
        assertEquals("https://idp/sso", manual.path("ssoConnectionIDPConfig").path("samlConnectionConfiguration")
                .path("signInEndpoint").asText());
    }

    @Test
    void ssoConfiguredTesting_switchedOff_theConnectionStaysDraft() {
        fake.strictness().disable(Rule.SSO_CONFIGURED_TESTING);
        String id = data(createSso(admin(), childA, validSso()), "createSSOConnection").path("id").asText();
        assertEquals("Draft", data(updateSso(childA, Map.of("id", id, "connectionConfiguration", Map.of("samlConfiguration",
                Map.of("metadataURL", "https://idp.acme.example/metadata")))), "updateSSOConnection").path("status").asText());
    }

    @Test
    void ssoStatusValues_draftIsRefused_enabledDisabledTestingAccepted() {
        String id = data(createSso(admin(), childA, validSso()), "createSSOConnection").path("id").asText();
        assertTrue(error(updateSso(childA, Map.of("id", id, "status", "Draft"))).contains("Enabled, Disabled or Testing"));
        for (String status : List.of("Testing", "Enabled", "Disabled")) {
            assertEquals(status, data(updateSso(childA, Map.of("id", id, "status", status)), "updateSSOConnection")
                    .path("status").asText());
        }
        fake.strictness().disable(Rule.SSO_STATUS_VALUES);
        assertEquals("Draft", data(updateSso(childA, Map.of("id", id, "status", "Draft")), "updateSSOConnection")
                .path("status").asText());
    }

    // ---------------------------------------------------------------- tokens

    @Test
    void tokens_areJwtsWithExp_andTheAnswerHasNoExpiresIn() throws IOException {
        Request request = new Request.Builder().url(fake.baseUri() + "/auth/api/v2/auth/token")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin-secret".getBytes(StandardCharsets.UTF_8)))
                .post(RequestBody.create("grant_type=client_credentials", MediaType.get("application/x-www-form-urlencoded"))).build();
        try (Response r = HTTP.newCall(request).execute()) {
            JsonNode body = MAPPER.readTree(r.body().string());
            assertFalse(body.has("expires_in"));
            JsonNode claims = MAPPER.readTree(Base64.getUrlDecoder().decode(body.get("access_token").asText().split("\\.")[1]));
            assertEquals(clock.instant().plus(Duration.ofHours(1)).getEpochSecond(), claims.get("exp").asLong());
            assertEquals("admin", claims.get("sub").asText());
        }
    }
}
