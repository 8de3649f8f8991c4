package io.secopskit.chronicle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.chronicle.model.CreateCustomerRequest;
import io.secopskit.core.Secret;
import io.secopskit.core.provisioning.PlannedAction;
import io.secopskit.core.provisioning.ProvisionedTenant;
import io.secopskit.core.provisioning.TenantSpec;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChronicleTenantProvisionerTest extends ChronicleTestBase {
    static final TenantSpec ACME = TenantSpec.builder().displayName("Acme Corp").customerCode("acme-corp").retentionMonths(6).build();
    static final String GET = "/v1/partner/customer/getcustomer";
    ChronicleTenantProvisioner provisioner;

    @BeforeEach
    void provisioner() {
        provisioner = ChronicleTenantProvisioner.legacy(env.client());
    }

    @Test
    void provision_createsWithTheCodeAsSubdomain_andReturnsTheCredentialsByType_withTheCodeAsTenantId() {
        ProvisionedTenant t = provisioner.provision(ACME);

        assertEquals("acme-corp", t.tenantId());
        assertEquals("acme-corp", t.attributes().get(ProvisionedTenant.CUSTOMER_CODE));
        assertEquals(env.fake.customer("acme-corp").path("id").asText(), t.attributes().get("instance_id"));
        assertEquals(List.of("BACKSTORY_API", "BIGQUERY_API", "INGESTION_API"), t.secrets().keySet().stream().sorted()
                .collect(Collectors.toList()));
        String body = env.fake.requests("POST", "/v1/partner/customer/createcustomer").get(0).body();
        assertTrue(body.contains("\"retention_duration\":\"SIX_MONTHS\"") && body.contains("\"customer_code\":\"acme-corp\""), body);
    }

    @Test
    void find_whenGetCustomerCarriesCredentials_returnsThemWithoutListing() {
        // the document's text says GetCustomer returns the stored credentials although its sample shows none
        env.fake.strictness().disable(io.secopskit.testkit.FakeChronicle.Rule.DOCUMENTED_RESPONSE_SHAPES);
        customers.create(CreateCustomerRequest.builder().customerName("Acme Corp").customerCode("acme-corp").build());

        ProvisionedTenant t = provisioner.find(ACME).orElseThrow();

        assertEquals(3, t.secrets().size());
        assertEquals(0, env.fake.requests("GET", "/v1/partner/customer/listcustomers").size());
    }

    @Test
    void find_whenGetCustomerAnswersInTheDocumentedShapeWithoutCredentials_readsThemFromListCustomers() {
        customers.create(CreateCustomerRequest.builder().customerName("Acme Corp").customerCode("acme-corp").build());
        String ingestion = env.fake.customer("acme-corp").path("credentials").path(1).path("credential").asText();
        env.fake.faults().nextCalls(1, "GET", GET).respond(200, "{\"customerCode\":\"acme-corp\",\"customerName\":\"Acme Corp\","
                + "\"customerSubdomains\":[\"acme-corp\"],\"id\":\"a216c252\",\"retentionDuration\":\"ONE_YEAR\"}");

        ProvisionedTenant t = provisioner.find(ACME).orElseThrow();

        assertEquals(ingestion, t.secrets().get("INGESTION_API").reveal());
        assertEquals(1, env.fake.requests("GET", "/v1/partner/customer/listcustomers").size());
        assertEquals("acme-corp", t.attributes().get(ProvisionedTenant.CUSTOMER_CODE));
    }

    @Test
    void find_whenNeitherAnswerCarriesCredentials_returnsTheTenantWithoutSecrets() {
        customers.create(CreateCustomerRequest.builder().customerName("Acme Corp").customerCode("acme-corp").build());
        env.fake.faults().nextCalls(1, "GET", GET).respond(200, "{\"customerCode\":\"acme-corp\",\"id\":\"x\"}");
        env.fake.faults().nextCalls(1, "GET", "/v1/partner/customer/listcustomers").respond(200, "{\"customers\":[]}");

        ProvisionedTenant t = provisioner.find(ACME).orElseThrow();

        assertTrue(t.secrets().isEmpty());
    }

    @Test
    void find_whenTheCustomerDoesNotExist_isEmpty() {
        assertTrue(provisioner.find(ACME).isEmpty());
        assertTrue(provisioner.findBound(ACME, "acme-corp").isEmpty());
    }

    @Test
    void credentials_ofUnknownOrRepeatedTypes_neverOverwriteEachOther() {
        customers.create(CreateCustomerRequest.builder().customerName("Acme Corp").customerCode("acme-corp").build());
        env.fake.faults().nextCalls(1, "GET", GET).respond(200, "{\"customerCode\":\"acme-corp\",\"credentials\":["
                + "{\"id\":\"c1\",\"credential_type\":\"ADMIN\",\"credential\":\"admin-one\"},"
                + "{\"id\":\"c2\",\"credential_type\":\"SOMETHING_NEW\",\"credential\":\"new-two\"},"
                + "{\"id\":\"c3\",\"credential_type\":\"BACKSTORY_API\",\"credential\":\"bs-1\"},"
                + "{\"id\":\"c4\",\"credential_type\":\"BACKSTORY_API\",\"credential\":\"bs-2\"}]}");

        Map<String, Secret> secrets = provisioner.find(ACME).orElseThrow().secrets();

        assertEquals(4, secrets.size(), secrets.keySet().toString());
        assertEquals(List.of("admin-one", "bs-1", "bs-2", "new-two"),
                secrets.values().stream().map(Secret::reveal).sorted().collect(Collectors.toList()));
        assertEquals("bs-1", secrets.get("BACKSTORY_API").reveal());
        assertEquals("bs-2", secrets.get("BACKSTORY_API:c4").reveal());
    }

    @Test
    void plannedCreate_namesOperationAndHost_andSaysItCannotBeUndone() {
        PlannedAction a = provisioner.plannedCreate(ACME);

        assertEquals("chronicle.CreateCustomer", a.operation());
        assertEquals(env.fake.baseUri().getHost(), a.host());
        assertTrue(a.irreversible());
        assertEquals("customer code", provisioner.tenantIdLabel());
        assertTrue(provisioner.issuesCredentials());
        assertTrue(env.fake.requests().isEmpty(), "planning sends nothing");
    }
}
