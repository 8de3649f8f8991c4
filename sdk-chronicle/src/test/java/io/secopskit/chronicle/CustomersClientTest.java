package io.secopskit.chronicle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.secopskit.chronicle.model.AuthVersion;
import io.secopskit.chronicle.model.ComplianceCertification;
import io.secopskit.chronicle.model.CreateCustomerRequest;
import io.secopskit.chronicle.model.CredentialType;
import io.secopskit.chronicle.model.Customer;
import io.secopskit.chronicle.model.ForwarderConfigs;
import io.secopskit.chronicle.model.IamMigration;
import io.secopskit.chronicle.model.RetentionDuration;
import io.secopskit.chronicle.model.SsoConfig;
import io.secopskit.chronicle.model.UpdateSsoConfigRequest;
import io.secopskit.core.LogCapture;
import io.secopskit.core.error.ConflictException;
import io.secopskit.core.error.NotFoundException;
import io.secopskit.core.error.QuotaExhaustedException;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.paging.PagedIterable;
import io.secopskit.testkit.FakeChronicle;
import io.secopskit.testkit.FakeRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CustomersClientTest extends ChronicleTestBase {
    private static final String BASE = "/v1/partner/customer/";

    private Customer create(String code) {
        return customers.create(CreateCustomerRequest.builder().customerName("Customer " + code)
                .customerCode(code).customerSubdomain(code + "-soc").build());
    }

    private FakeRequest last(String method, String path) {
        List<FakeRequest> sent = env.fake.requests(method, BASE + path);
        assertFalse(sent.isEmpty(), "no " + method + " " + path);
        return sent.get(sent.size() - 1);
    }

    @Test
    void createCustomer_postsSnakeCaseBodyWithBearerAndReturnsSecretCredentials() {
        Customer created = customers.create(CreateCustomerRequest.builder()
                .customerName("Acme Corp").customerCode("acme-01").customerSubdomain("acme")
                .retentionDuration(RetentionDuration.SIX_MONTHS).gcpProject("projects/acme-secops")
                .providerId("locations/global/workforcePools/acme-pool/providers/okta")
                .authVersion(AuthVersion.AUTH_VERSION_3).build());

        FakeRequest sent = last("POST", "createcustomer");
        JsonNode body = sent.json();
        assertEquals("Acme Corp", body.get("customer_name").asText());
        assertEquals("acme-01", body.get("customer_code").asText());
        assertEquals("acme", body.get("customer_subdomains").get(0).asText());
        assertEquals("SIX_MONTHS", body.get("retention_duration").asText());
        assertEquals("projects/acme-secops", body.get("gcp_project").asText());
        assertEquals("locations/global/workforcePools/acme-pool/providers/okta", body.get("provider_id").asText());
        assertEquals("AUTH_VERSION_3", body.get("auth_version").asText());
        assertFalse(body.has("sso_config"), "absent optional fields are not sent");
        assertTrue(sent.header("Authorization").startsWith("Bearer ya29.fake-"));
        assertTrue(sent.header("Content-Type").startsWith("application/json"));
        assertTrue(sent.header("User-Agent").startsWith("secopskit/"));

        assertEquals("acme-01", created.customerCode());
        assertEquals(RetentionDuration.SIX_MONTHS, created.retentionDuration());
        assertEquals(3, created.credentials().size());
        assertEquals(CredentialType.BACKSTORY_API, created.credentials().get(0).credentialType());
        String value = env.fake.customer("acme-01").get("credentials").get(0).get("credential").asText();
        assertEquals(value, created.credentials().get(0).credential().reveal());
        assertFalse(created.toString().contains(value), "credential values never appear in toString");
    }

    @Test
    void createCustomer_defaultsRetentionToOneYear() {
        create("beta");
        assertEquals("ONE_YEAR", last("POST", "createcustomer").json().get("retention_duration").asText());
    }

    @Test
    void createCustomer_existingCode_raisesConflict() {
        create("dup");
        ConflictException e = assertThrows(ConflictException.class, () -> create("dup"));
        assertEquals("ALREADY_EXISTS", e.vendorCode());
    }

    @Test
    void getCustomer_sendsCodeInQueryAndReadsCamelCaseResponse() {
        Customer created = create("gamma");

        Customer got = customers.get("gamma");

        FakeRequest sent = last("GET", "getcustomer");
        assertEquals("gamma", sent.queryParam("customer_code"));
        assertEquals("", sent.body());
        assertEquals(created.id(), got.id());
        assertEquals("Customer gamma", got.customerName());
        assertEquals(List.of("gamma-soc"), got.customerSubdomains());
        assertEquals(1, got.forwarders().size());
    }

    @Test
    void getCustomer_unknownCode_raisesNotFound() {
        NotFoundException e = assertThrows(NotFoundException.class, () -> customers.get("nobody"));
        assertEquals(404, e.httpStatus());
        assertEquals("GetCustomer", e.operation());
        assertEquals("NOT_FOUND", e.vendorCode());
    }

    @Test
    void getCustomerForwarderConfigs_returnsConfigsAsSecrets() {
        create("delta");

        ForwarderConfigs configs = customers.getForwarderConfigs("delta");

        assertEquals("delta", last("GET", "forwarder/getconfigs").queryParam("customer_code"));
        assertEquals(List.of("UNIX", "WINDOWS"), configs.configs().stream().map(ForwarderConfigs.Config::platform)
                .collect(Collectors.toList()));
        assertFalse(configs.configs().get(0).config().reveal().isEmpty());
    }

    @Test
    void listCustomers_isLazyAndReflectsCreates() {
        create("one");
        create("two");
        PagedIterable<Customer> all = customers.list();
        assertTrue(env.fake.requests("GET", BASE + "listcustomers").isEmpty(), "nothing fetched before iteration");

        List<String> codes = all.stream().map(Customer::customerCode).collect(Collectors.toList());

        assertEquals(List.of("one", "two"), codes);
        assertEquals(1, env.fake.requests("GET", BASE + "listcustomers").size());
    }

    @Test
    void setUiState_postsCodeAndState() {
        create("ui");

        assertFalse(customers.setUiState("ui", false));

        JsonNode body = last("POST", "setuistate:state").json();
        assertEquals("ui", body.get("customer_code").asText());
        assertFalse(body.get("state").asBoolean());
        assertFalse(env.fake.customer("ui").get("ui_enabled").asBoolean());
    }

    @Test
    void updateSsoConfig_patchesAndReturnsDeployedConfig() {
        create("sso");

        SsoConfig sso = customers.updateSsoConfig(UpdateSsoConfigRequest.builder().customerCode("sso")
                .ssoConfig("<EntityDescriptor/>").customerSubdomain("sso-soc").updateV2Only(true).build());

        FakeRequest sent = last("PATCH", "updatessoconfig");
        assertEquals("sso", sent.json().get("customer_code").asText());
        assertEquals("<EntityDescriptor/>", sent.json().get("sso_config").asText());
        assertEquals("sso-soc", sent.json().get("customer_subdomain").asText());
        assertTrue(sent.json().get("update_v2_only").asBoolean());
        assertEquals("DEPLOYED", sso.state());
        assertEquals("<EntityDescriptor/>", sso.config().reveal());
    }

    @Test
    void setGcpProjectLink_postsProject() {
        create("proj");

        customers.setGcpProjectLink("proj", "projects/012345678901");

        JsonNode body = last("POST", "setgcpprojectlink").json();
        assertEquals("projects/012345678901", body.get("gcp_project").asText());
        assertEquals("projects/012345678901", env.fake.customer("proj").get("gcp_project").asText());
    }

    @Test
    void enableIam_postsCode() {
        create("iam");

        customers.enableIam("iam");

        assertEquals("{\"customer_code\":\"iam\"}", last("POST", "iammigration:enableIam").body());
        assertTrue(env.fake.customer("iam").get("iam_enabled").asBoolean());
    }

    @Test
    void generateIamMigrationCommands_returnsOnePerSubdomain() {
        create("mig");

        List<IamMigration> migrations = customers.generateIamMigrationCommands("mig");

        assertEquals("mig", last("POST", "iammigration:generateIamMigrationCommands").json().get("customer_code").asText());
        assertEquals(1, migrations.size());
        assertEquals("mig-soc", migrations.get(0).frontendPath());
        assertTrue(migrations.get(0).commands().startsWith("gcloud projects add-iam-policy-binding"));
    }

    @Test
    void generateIdpMetadata_postsSubdomainAndReturnsXml() {
        String xml = customers.generateIdpMetadata("customer-subdomain");

        assertEquals("customer-subdomain", last("POST", "generateidpmetadata").json().get("customer_subdomain").asText());
        assertTrue(xml.contains("https://customer-subdomain.backstory.chronicle.security/"), xml);
    }

    @Test
    void setAuthVersion_postsVersionAndReadsCamelCase() {
        create("auth");

        assertEquals(AuthVersion.AUTH_VERSION_4, customers.setAuthVersion("auth", AuthVersion.AUTH_VERSION_4));

        assertEquals("AUTH_VERSION_4", last("POST", "setauthversion").json().get("auth_version").asText());
    }

    @Test
    void setComplianceRequirements_postsListAndReadsResult() {
        create("comp");

        List<ComplianceCertification> result = customers.setComplianceRequirements("comp", List.of(
                ComplianceCertification.COMPLIANCE_CERTIFICATION_FEDRAMP_MODERATE,
                ComplianceCertification.COMPLIANCE_CERTIFICATION_PCI_DSS));

        JsonNode sent = last("POST", "setcompliancerequirements").json().get("compliance_certifications");
        assertEquals("COMPLIANCE_CERTIFICATION_FEDRAMP_MODERATE", sent.get(0).asText());
        assertEquals("COMPLIANCE_CERTIFICATION_PCI_DSS", sent.get(1).asText());
        assertEquals(2, result.size());
    }

    @Test
    void setWorkforcePoolProvider_postsAllThreeFields() {
        create("wf");
        String provider = "locations/global/workforcePools/workforce-pool-id-foo/providers/workforce-provider-id-bar";

        assertEquals(provider, customers.setWorkforcePoolProvider("wf", "wf-soc", provider));

        JsonNode body = last("POST", "setworkforcepoolprovider").json();
        assertEquals("wf", body.get("customer_code").asText());
        assertEquals("wf-soc", body.get("customer_subdomain").asText());
        assertEquals(provider, body.get("provider_id").asText());
    }

    @Test
    void tokenEndpoint_receivesJwtBearerGrant_andOneTokenServesManyCalls() {
        for (int i = 0; i < 5; i++) {
            customers.list().stream().count();
        }
        List<FakeRequest> tokenCalls = env.fake.requests("POST", FakeChronicle.TOKEN_PATH);
        assertEquals(1, tokenCalls.size());
        assertEquals("urn:ietf:params:oauth:grant-type:jwt-bearer", tokenCalls.get(0).form().get("grant_type"));
        assertEquals(3, tokenCalls.get(0).form().get("assertion").split("\\.").length);
    }

    @Test
    void createCustomer_31stInADay_failsFastClientSideWithResetTime() {
        for (int i = 0; i < 30; i++) {
            create("c" + i);
        }

        QuotaExhaustedException e = assertThrows(QuotaExhaustedException.class, () -> create("c30"));

        assertEquals(30, env.fake.requests("POST", BASE + "createcustomer").size(), "the 31st is never sent");
        assertEquals(CustomersClient.CREATE_CUSTOMER_LIMIT, e.limitKey());
        assertEquals(Instant.parse("2026-11-23T09:00:00Z"), e.resetsAt());
        assertTrue(env.sleeps.isEmpty());
    }

    @Test
    void createCustomer_withClientLimitDisabled_vendor429IsQuotaExhaustedDetectedByTheVendor_neverRetried() {
        CustomersClient unlimited = env.client(o -> o.disableRateLimit(CustomersClient.CREATE_CUSTOMER_LIMIT)).customers();
        for (int i = 0; i < 30; i++) {
            unlimited.create(CreateCustomerRequest.builder().customerName("n").customerCode("u" + i).build());
        }

        QuotaExhaustedException e = assertThrows(QuotaExhaustedException.class, () -> unlimited.create(
                CreateCustomerRequest.builder().customerName("n").customerCode("u30").build()));

        assertEquals(QuotaExhaustedException.Side.VENDOR, e.detectedBy());
        assertEquals(429, e.httpStatus());
        assertEquals("RESOURCE_EXHAUSTED", e.vendorCode());
        assertNull(e.limitKey(), "the client counts nothing here");
        assertEquals(env.clock.instant().plus(Duration.ofDays(1)), e.resetsAt());
        assertFalse(e.isRetryable());
        assertEquals(31, env.fake.requests("POST", BASE + "createcustomer").size(), "a POST 429 is not retried");
        assertTrue(env.sleeps.isEmpty());
    }

    @Test
    void createCustomer_documentedRetryableFailure_isRetriedOnceWithSameBodyAndSucceeds() {
        env.fake.failNextCreatesRetryably(1);

        Customer created = create("retry");

        List<FakeRequest> sent = env.fake.requests("POST", BASE + "createcustomer");
        assertEquals(2, sent.size());
        assertEquals(sent.get(0).body(), sent.get(1).body());
        assertEquals("retry", created.customerCode());
        assertEquals(1, env.fake.customerCount());
        assertEquals(1, env.sleeps.size());
    }

    @Test
    void createCustomer_otherServerError_isNotRetried() {
        env.fake.faults().nextCalls(1, "POST", BASE + "createcustomer")
                .respond(FakeChronicle.error(503, "UNAVAILABLE", "The service is currently unavailable."));

        ServerException e = assertThrows(ServerException.class, () -> create("nope"));

        assertEquals(503, e.httpStatus());
        assertEquals("UNAVAILABLE", e.vendorCode());
        assertEquals(1, env.fake.requests("POST", BASE + "createcustomer").size());
        assertTrue(env.sleeps.isEmpty());
    }

    @Test
    void getCustomer_unavailable_isRetriedBecauseIdempotent() {
        create("idem");
        env.fake.faults().nextCalls(1, "GET", BASE + "getcustomer")
                .respond(FakeChronicle.error(503, "UNAVAILABLE", "try again"));

        assertNotNull(customers.get("idem"));

        assertEquals(2, env.fake.requests("GET", BASE + "getcustomer").size());
    }

    @Test
    void createCustomer_logsContainNoCredentialValue() {
        try (LogCapture logs = new LogCapture()) {
            Customer created = create("logged");
            String all = logs.all();
            assertTrue(all.contains("chronicle.CreateCustomer POST /v1/partner/customer/createcustomer -> 200"), all);
            for (var credential : created.credentials()) {
                assertFalse(all.contains(credential.credential().reveal()), "credential leaked into logs");
            }
            String bearer = env.fake.requests("POST", BASE + "createcustomer").get(0).header("Authorization").substring(7);
            assertFalse(all.contains(bearer), "access token leaked into logs");
        }
    }

    @Test
    void client_retryPolicyAndClockAreInjectable_noRealWaiting() {
        env.fake.faults().nextCalls(2, "GET", BASE + "listcustomers")
                .respondWithRetryAfter(503, "4", "{\"error\":{\"code\":503,\"message\":\"busy\",\"status\":\"UNAVAILABLE\"}}");

        customers.list().stream().count();

        assertEquals(List.of(Duration.ofSeconds(4), Duration.ofSeconds(4)), env.sleeps);
    }
}
