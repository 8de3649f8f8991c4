package io.secopskit.chronicle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.secopskit.chronicle.model.ComplianceCertification;
import io.secopskit.chronicle.model.CreateCustomerRequest;
import io.secopskit.chronicle.model.Credential;
import io.secopskit.chronicle.model.CredentialType;
import io.secopskit.chronicle.model.Customer;
import io.secopskit.core.provisioning.ProvisionedTenant;
import io.secopskit.core.provisioning.TenantSpec;
import io.secopskit.testkit.FakeChronicle;
import io.secopskit.testkit.FakeRequest;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The SDK accepts every input and answer shape the Customer Management document allows (issue 22 items 1-2). */
class DocumentConformanceTest extends ChronicleTestBase {
    private static final String BASE = "/v1/partner/customer/";

    @Test
    void getCustomer_theDocumentsOwnSampleCode_isSentAndRead() {
        env.fake.seedCustomer("CODE", "NAME", "domain1", "domain2");

        Customer c = customers.get("CODE");

        List<FakeRequest> sent = env.fake.requests("GET", BASE + "getcustomer");
        assertEquals(1, sent.size());
        assertEquals("CODE", sent.get(0).queryParam("customer_code"));
        assertEquals("NAME", c.customerName());
        assertEquals(List.of("domain1", "domain2"), c.customerSubdomains());
        assertTrue(c.credentials().isEmpty(), "the documented GetCustomer sample carries no credentials");
    }

    @Test
    void existingCodes_withCharactersTheCreationRuleForbids_reachEveryOperation() {
        env.fake.seedCustomer("Legacy_Customer 01", "Legacy");

        assertEquals("Legacy", customers.get("Legacy_Customer 01").customerName());
        assertTrue(customers.setUiState("Legacy_Customer 01", false) == false);
        assertEquals("Legacy_Customer 01", env.fake.requests("GET", BASE + "getcustomer").get(0).queryParam("customer_code"),
                "the space is encoded in the query, not refused");
    }

    @Test
    void getCustomer_documentTextShape_xmlSsoConfigAndCredentialsKeyedByType_parseIntoTheModel() {
        customers.create(CreateCustomerRequest.builder().customerName("Acme").customerCode("acme")
                .ssoConfig("<md:EntityDescriptor entityID=\"https://idp.acme.example\"/>").build());
        env.fake.getCustomerShape(FakeChronicle.GetCustomerShape.SAMPLE_WITH_TEXT_BLOCKS);

        Customer c = customers.get("acme");

        assertEquals("<md:EntityDescriptor entityID=\"https://idp.acme.example\"/>", c.ssoConfig().config().reveal());
        assertNull(c.ssoConfig().state());
        assertEquals(List.of(CredentialType.BACKSTORY_API, CredentialType.INGESTION_API, CredentialType.BIGQUERY_API),
                c.credentials().stream().map(Credential::credentialType).collect(Collectors.toList()));
        String stored = env.fake.customer("acme").get("credentials").get(1).get("credential").asText();
        assertTrue(c.credentials().get(1).credential().reveal().contains("\"private_key\":\"" + stored + "\""),
                "the service-account document is kept whole as the secret");
        assertFalse(c.toString().contains(stored));
    }

    @Test
    void createCustomer_unknownCredentialTypes_areKeptAsSent_andNeverCollapse() {
        env.fake.credentialTypes("BACKSTORY_API", "ADMIN", "SOAR_API", "SIEM_EXPORT_API");

        Customer c = customers.create(CreateCustomerRequest.builder().customerName("Acme").customerCode("acme").build());

        List<CredentialType> types = c.credentials().stream().map(Credential::credentialType).collect(Collectors.toList());
        assertEquals(List.of("BACKSTORY_API", "ADMIN", "SOAR_API", "SIEM_EXPORT_API"),
                types.stream().map(CredentialType::value).collect(Collectors.toList()));
        assertTrue(types.get(1).isKnown(), "ADMIN is listed by Google's own SecOps template");
        assertFalse(types.get(2).isKnown());
        assertNotEquals(types.get(2), types.get(3));
        assertEquals(CredentialType.of("SOAR_API"), types.get(2));
        assertEquals(4, Set.copyOf(types).size());
    }

    @Test
    void provisioner_deliversTwoUnknownCredentialTypes_underTwoKeys() {
        env.fake.credentialTypes("SOAR_API", "SIEM_EXPORT_API");
        ChronicleTenantProvisioner provisioner = ChronicleTenantProvisioner.legacy(env.client());

        ProvisionedTenant t = provisioner.provision(TenantSpec.builder().displayName("Acme").customerCode("acme").build());

        assertEquals(Set.of("SOAR_API", "SIEM_EXPORT_API"), t.secrets().keySet());
    }

    @Test
    void setComplianceRequirements_aCertificationTheSdkDoesNotName_isSentAndReadBack() {
        customers.create(CreateCustomerRequest.builder().customerName("Acme").customerCode("acme").build());
        ComplianceCertification hipaa = ComplianceCertification.of("COMPLIANCE_CERTIFICATION_HIPAA");

        List<ComplianceCertification> result = customers.setComplianceRequirements("acme",
                List.of(hipaa, ComplianceCertification.COMPLIANCE_CERTIFICATION_PCI_DSS));

        JsonNode sent = env.fake.requests("POST", BASE + "setcompliancerequirements").get(0).json();
        assertEquals("[\"COMPLIANCE_CERTIFICATION_HIPAA\",\"COMPLIANCE_CERTIFICATION_PCI_DSS\"]",
                sent.get("compliance_certifications").toString());
        assertEquals(List.of(hipaa, ComplianceCertification.COMPLIANCE_CERTIFICATION_PCI_DSS), result);
        assertFalse(result.get(0).isKnown());
        assertTrue(result.get(1) == ComplianceCertification.COMPLIANCE_CERTIFICATION_PCI_DSS, "known values are the constants");
    }

    @Test
    void setGcpProjectLink_domainScopedProject_isSentAndAccepted() {
        customers.create(CreateCustomerRequest.builder().customerName("Acme").customerCode("acme").build());

        customers.setGcpProjectLink("acme", "projects/example.com:acme-secops");

        assertEquals("projects/example.com:acme-secops", env.fake.customer("acme").get("gcp_project").asText());
    }

    @Test
    void createCustomer_sendsCustomerSubdomainsAsAnArray_evenForOne() {
        customers.create(CreateCustomerRequest.builder().customerName("Acme").customerCode("acme")
                .customerSubdomain("acme").build());

        JsonNode sent = env.fake.requests("POST", BASE + "createcustomer").get(0).json().get("customer_subdomains");
        assertTrue(sent.isArray());
        assertEquals("[\"acme\"]", sent.toString());
    }

    @Test
    void customerModel_readsEveryShape_listKeyedSingleAndString() throws Exception {
        Customer keyed = TestJson.MAPPER.readValue("{\"customerCode\":\"CODE\",\"ssoConfig\":\"<xml/>\",\"credentials\":"
                + "{\"INGESTION_API\":{\"type\":\"service_account\",\"private_key\":\"k1\"},\"NEW_API\":\"plain-secret\"}}", Customer.class);
        assertEquals("<xml/>", keyed.ssoConfig().config().reveal());
        assertEquals(CredentialType.INGESTION_API, keyed.credentials().get(0).credentialType());
        assertEquals("{\"type\":\"service_account\",\"private_key\":\"k1\"}", keyed.credentials().get(0).credential().reveal());
        assertEquals("NEW_API", keyed.credentials().get(1).credentialType().value());
        assertEquals("plain-secret", keyed.credentials().get(1).credential().reveal());

        Customer single = TestJson.MAPPER.readValue("{\"credentials\":{\"credentialType\":\"BACKSTORY_API\",\"credential\":\"s1\"}}",
                Customer.class);
        assertEquals(1, single.credentials().size());
        assertEquals("s1", single.credentials().get(0).credential().reveal());

        Customer object = TestJson.MAPPER.readValue("{\"sso_config\":{\"state\":\"DEPLOYED\",\"config\":\"c\"},\"credentials\":null,"
                + "\"customer_subdomains\":\"only-one\"}", Customer.class);
        assertEquals("DEPLOYED", object.ssoConfig().state());
        assertTrue(object.credentials().isEmpty());
        assertEquals(List.of("only-one"), object.customerSubdomains());
    }
}
