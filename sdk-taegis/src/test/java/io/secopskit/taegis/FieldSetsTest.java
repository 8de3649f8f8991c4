package io.secopskit.taegis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.TypeInfo;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.secopskit.core.Secret;
import io.secopskit.taegis.internal.Projections;
import io.secopskit.taegis.model.SsoConnectionRequest;
import io.secopskit.taegis.model.SsoConnectionType;
import io.secopskit.taegis.model.SubscriptionRequest;
import io.secopskit.taegis.model.Tenant;
import io.secopskit.taegis.model.TenantQuery;
import io.secopskit.taegis.model.TenantRequest;
import io.secopskit.testkit.FakeResponse;
import io.secopskit.testkit.FakeTaegis;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 / AMENDMENTS 13 and 20: the named field sets. {@code ALL} is exactly what taegis-sdk-python 1.6.21
 * selects — its {@code build_output_string} over the types the SDL was rebuilt from, every field not deprecated,
 * recursively — computed here from the schema file; {@code DOCUMENTED} is exactly what the vendor document's own
 * queries select, read from the verbatim examples in {@code taegis-doc-examples.json}. A server without a field
 * answers "Cannot query field" and the caller gets an error naming the field and the switch.
 */
class FieldSetsTest extends TaegisTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();

    // ------------------------------------------------------------------ the selections

    /** Paths of a selection set, such as {@code labels/id}, in order. */
    static List<String> paths(String selection) {
        List<String> out = new ArrayList<>();
        List<String> stack = new ArrayList<>();
        String last = null;
        for (String token : selection.replace("{", " { ").replace("}", " } ").trim().split("\\s+")) {
            if (token.equals("{")) {
                if (last != null) {
                    out.remove(out.size() - 1);
                    stack.add(last);
                }
                last = null;
            } else if (token.equals("}")) {
                if (!stack.isEmpty()) {
                    stack.remove(stack.size() - 1);
                }
                last = null;
            } else {
                out.add(stack.isEmpty() ? token : String.join("/", stack) + "/" + token);
                last = token;
            }
        }
        return out;
    }

    /** The selection of the field {@code call} in a document: the braces after it. */
    static String selectionAfter(String document, String call) {
        int start = document.indexOf('{', document.indexOf(call) + call.length());
        int depth = 0;
        for (int i = start; i < document.length(); i++) {
            char c = document.charAt(i);
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (depth == 0) {
                return document.substring(start, i + 1);
            }
        }
        throw new IllegalArgumentException("unbalanced: " + document);
    }

    /** What taegis-sdk-python's build_output_string selects for a type: every non-deprecated field, recursively. */
    static List<String> pythonClientSelection(TypeDefinitionRegistry schema, String type, String prefix) {
        List<String> out = new ArrayList<>();
        ObjectTypeDefinition def = java.util.Objects.requireNonNull(schema.getTypeOrNull(type, ObjectTypeDefinition.class), type);
        for (FieldDefinition f : def.getFieldDefinitions()) {
            if (f.hasDirective("deprecated")) {
                continue;
            }
            String fieldType = TypeInfo.typeInfo(f.getType()).getName();
            if (schema.getTypeOrNull(fieldType, ObjectTypeDefinition.class) != null) {
                out.addAll(pythonClientSelection(schema, fieldType, prefix + f.getName() + "/"));
            } else {
                out.add(prefix + f.getName());
            }
        }
        return out;
    }

    private static TypeDefinitionRegistry schema() throws IOException {
        try (InputStream in = TaegisClient.class.getResourceAsStream("tenants.graphqls")) {
            return new SchemaParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static String docExample(String id) throws IOException {
        try (InputStream in = FieldSetsTest.class.getResourceAsStream("/taegis-doc-examples.json")) {
            for (JsonNode e : JSON.readTree(in).get("examples")) {
                if (e.get("id").asText().equals(id)) {
                    return e.get("document").asText();
                }
            }
        }
        throw new IllegalArgumentException(id);
    }

    private static Set<String> set(List<String> paths) {
        return new TreeSet<>(paths);
    }

    @Test
    void all_isWhatTheVendorsPublicClientSelects_everyFieldNotDeprecated_recursively() throws IOException {
        TypeDefinitionRegistry schema = schema();

        assertEquals(pythonClientSelection(schema, "Tenant", ""), paths(Projections.tenant(TenantFields.ALL).toString()),
                "same fields, same order");
        assertEquals(set(pythonClientSelection(schema, "TenantResults", "")),
                set(paths(Projections.tenantResults(TenantFields.ALL).toString())));
        assertEquals(pythonClientSelection(schema, "TenantLabel", ""), paths(Projections.label(TenantFields.ALL).toString()));
        assertEquals(pythonClientSelection(schema, "Service", ""), paths(Projections.service(TenantFields.ALL).toString()));
        assertEquals(pythonClientSelection(schema, "SSOConnection", ""),
                paths(Projections.ssoConnection(TenantFields.ALL).toString()));
        assertEquals(pythonClientSelection(schema, "SSOConnectionConfigResponse", ""),
                paths(Projections.ssoConfig(TenantFields.ALL).toString()));
        List<String> tenant = paths(Projections.tenant(TenantFields.ALL).toString());
        assertTrue(tenant.contains("all_services/service_id") && !tenant.contains("services/id") && !tenant.contains("partnership/parent"),
                "all_services, not the deprecated services and partnership: " + tenant);
    }

    @Test
    void documented_isWhatTheVendorDocumentsOwnQueriesSelect() throws IOException {
        assertEquals(paths(selectionAfter(docExample("E01"), "tenants(tenantsQuery: $tenantsQuery)")),
                paths(Projections.tenantResults(TenantFields.DOCUMENTED).toString()));
        List<String> sso = paths(selectionAfter(docExample("E24"), "createSSOConnection(newConnection: $newConnection)"));
        sso.removeIf(p -> p.contains("azureADConnectionConfiguration"));
        assertEquals(set(sso), set(paths(Projections.ssoConnection(TenantFields.DOCUMENTED).toString())));
        for (String[] other : new String[][] {{"E28", "updateSSOConnection(updatedConnection: $updatedConnection)"},
                {"E32", "deleteSSOConnection(connectionID: $connectionID)"}}) {
            List<String> same = paths(selectionAfter(docExample(other[0]), other[1]));
            same.removeIf(p -> p.contains("azureADConnectionConfiguration"));
            assertEquals(set(sso), set(same), other[0] + " selects the same SSO fields");
        }
        List<String> config = paths(selectionAfter(docExample("E26"), "getSSOConnectionConfig(metadataURL: $metadataURL, cert: $cert)"));
        config.removeIf(p -> p.contains("azureADConnectionConfiguration"));
        assertEquals(set(config), set(paths(Projections.ssoConfig(TenantFields.DOCUMENTED).toString())));
        List<String> services = new ArrayList<>();
        for (String p : paths(Projections.tenant(TenantFields.DOCUMENTED).toString())) {
            if (p.startsWith("services/")) {
                services.add(p.substring("services/".length()));
            }
        }
        assertEquals(services, paths(Projections.service(TenantFields.DOCUMENTED).toString()),
                "a Service as the document shows it in Tenant.services");
    }

    @Test
    void everyFieldOfBothSets_existsInTheSchema_soTheFakeAcceptsThem() {
        String tenant = fake.seedTenants(1).get(0);
        for (TenantFields f : TenantFields.values()) {
            assertEquals(tenant, taegis.tenants().list(TenantQuery.builder().ids(tenant).fields(f).build()).stream()
                    .findFirst().orElseThrow().id());
            String sso = taegis.sso(tenant).create(SsoConnectionRequest.builder().name("c-" + f).type(SsoConnectionType.SAML)
                    .domains(f.name().toLowerCase() + ".example").build()).id();
            taegis.sso(tenant).delete(sso);
        }
    }

    // ------------------------------------------------------------------ choosing a set

    @Test
    @SuppressWarnings("deprecation")
    void documentedPerQuery_selectsTheDocumentsFields_andReadsTheDeprecatedServicesAndPartnership() throws IOException {
        String tenant = fake.seedTenants(1).get(0);
        String sub = taegis.subscriptions().create(SubscriptionRequest.of("MDR")).id();
        taegis.subscriptions().assign(tenant, sub);

        Tenant documented = taegis.tenants().list(TenantQuery.builder().ids(tenant).fields(TenantFields.DOCUMENTED).build())
                .stream().findFirst().orElseThrow();

        assertEquals(paths(selectionAfter(docExample("E01"), "tenants(tenantsQuery: $tenantsQuery)")),
                paths(selectionAfter(lastBody().get("query").asText(), "tenants(tenantsQuery: $tenantsQuery)")));
        assertEquals(sub, documented.services().get(0).id());
        assertEquals(FakeTaegis.PARTNER_TENANT_ID, documented.partnership().parent());
        assertEquals("MDR", documented.partnership().subscriptions().get(0).name());
        assertNull(documented.allServices(), "not in the documented set");
        assertNull(documented.partnerName());

        Tenant all = taegis.tenants().get(tenant);
        assertEquals(sub, all.allServices().get(0).serviceId());
        assertNull(all.services(), "the deprecated field is not selected by ALL");
        assertNull(all.partnership());
    }

    @Test
    void documentedClient_selectsTheDocumentsFields_inMutationAnswersToo() throws IOException {
        try (TaegisClient documented = builder().fields(TenantFields.DOCUMENTED).clientCredentials(CLIENT_ID, Secret.of(CLIENT_SECRET))
                .build()) {
            Tenant t = documented.tenants().create(TenantRequest.builder().name("Acme").parentTenantId(FakeTaegis.PARTNER_TENANT_ID).build());

            assertEquals("Acme", t.name());
            List<String> sent = paths(selectionAfter(lastBody().get("query").asText(), "createTenant(newTenant: $newTenant)"));
            List<String> expected = new ArrayList<>();
            for (String p : paths(selectionAfter(docExample("E01"), "tenants(tenantsQuery: $tenantsQuery)"))) {
                if (p.startsWith("results/")) {
                    expected.add(p.substring("results/".length()));
                }
            }
            assertEquals(expected, sent);
        }
    }

    // ------------------------------------------------------------------ a server without a field

    @Test
    void cannotQueryField_withHttp200_namesTheFieldAndTheSwitchToDocumented() {
        fake.faults().nextCalls(1, "POST", TaegisClient.QUERY_PATH).respond(200, "{\"errors\":[{\"message\":"
                + "\"Cannot query field \\\"mdr_provider_type\\\" on type \\\"Tenant\\\". Did you mean \\\"mdr_provider_id\\\"?\","
                + "\"locations\":[{\"line\":1,\"column\":900}],\"extensions\":{\"code\":\"GRAPHQL_VALIDATION_FAILED\"}}]}");

        TaegisUnknownFieldException e = assertThrows(TaegisUnknownFieldException.class,
                () -> taegis.tenants().list(TenantQuery.all()).stream().count());

        assertEquals("mdr_provider_type", e.field());
        assertEquals("Tenant", e.type());
        assertEquals(TenantFields.ALL, e.fieldSet());
        assertEquals("GRAPHQL_VALIDATION_FAILED", e.vendorCode());
        assertEquals(fakeHost(), e.host());
        assertTrue(e.getMessage().contains("does not know field 'mdr_provider_type' of type 'Tenant'"), e.getMessage());
        assertTrue(e.getMessage().contains("TaegisClient.builder().fields(TenantFields.DOCUMENTED)"), e.getMessage());
        assertEquals(1, sent("tenants").size(), "a refused document is not retried");
    }

    @Test
    void cannotQueryField_withHttp400_fromADocumentedClient_saysNoSmallerSetExists() {
        fake.faults().nextCalls(1, "POST", TaegisClient.QUERY_PATH).respond(400, "{\"errors\":[{\"message\":"
                + "\"Cannot query field \\\"actions_approver\\\" on type \\\"Tenant\\\".\"}]}");

        TaegisUnknownFieldException e = assertThrows(TaegisUnknownFieldException.class, () -> taegis.tenants()
                .list(TenantQuery.builder().fields(TenantFields.DOCUMENTED).build()).stream().count());

        assertEquals(400, e.httpStatus());
        assertEquals("actions_approver", e.field());
        assertEquals(TenantFields.DOCUMENTED, e.fieldSet(), "the field set of the failed call");
        assertEquals("UNKNOWN_FIELD", e.vendorCode());
        assertTrue(e.getMessage().contains("no smaller field set exists"), e.getMessage());
    }

    @Test
    void cannotQueryField_onAMutation_isReportedOnce_withTheSwitch() {
        fake.faults().nextCalls(1, "POST", TaegisClient.QUERY_PATH).respond(FakeResponse.json(200,
                "{\"errors\":[{\"message\":\"Cannot query field \\\"licenseLevel\\\" on type \\\"Tenant\\\".\"}],\"data\":null}"));

        TaegisUnknownFieldException e = assertThrows(TaegisUnknownFieldException.class, () -> taegis.tenants()
                .create(TenantRequest.builder().name("Acme").build()));

        assertEquals("licenseLevel", e.field());
        assertEquals("createTenant", e.operation());
        assertEquals(1, sent("createTenant").size());
    }
}
