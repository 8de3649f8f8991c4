package io.secopskit.chronicle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.chronicle.model.AuthVersion;
import io.secopskit.chronicle.model.ComplianceCertification;
import io.secopskit.chronicle.model.CredentialType;
import io.secopskit.chronicle.model.Customer;
import io.secopskit.chronicle.model.ForwarderConfigs;
import io.secopskit.chronicle.model.RetentionDuration;
import io.secopskit.chronicle.model.SsoConfig;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Proves the models read the documented and real Google response bodies. */
class FixturesTest {
    private static <T> T read(String name, Class<T> type) throws IOException {
        try (InputStream in = FixturesTest.class.getResourceAsStream("/fixtures/chronicle/" + name)) {
            return TestJson.MAPPER.readValue(in, type);
        }
    }

    @Test
    void createCustomerResponse_parsesWithSecretCredentials() throws IOException {
        Customer c = read("createcustomer_response.json", Customer.class);
        assertEquals("a216c252-adf8-4c65-b034-bb01b0619c8d", c.id());
        assertEquals("CODE", c.customerCode());
        assertEquals(RetentionDuration.ONE_YEAR, c.retentionDuration());
        assertEquals("DEPLOYED", c.ssoConfig().state());
        assertEquals(Instant.parse("2018-09-14T20:10:27.157476Z"), c.ssoConfig().createTime());
        assertEquals(3, c.credentials().size());
        assertEquals(CredentialType.BIGQUERY_API, c.credentials().get(2).credentialType());
        assertEquals("14GVjfYUMQ+=", c.credentials().get(2).credential().reveal());
        assertEquals("projects/PROJECT_ID", c.credentials().get(2).gcpProject());
        assertTrue(!c.toString().contains("12GVjfYUMQ+="));
    }

    @Test
    void getCustomerResponse_camelCase_parses() throws IOException {
        Customer c = read("getcustomer_response.json", Customer.class);
        assertEquals("CODE", c.customerCode());
        assertEquals("1GVjfYUMQ/Gjzkv2/jvz3w==", c.customerId());
        assertEquals(List.of("domain1", "domain2"), c.customerSubdomains());
        assertEquals(List.of("7f675b71-e7c5-4f2a-b621-d1f0f78a0029"), c.forwarders());
    }

    @Test
    void listCustomersResponse_parses() throws IOException {
        CustomersClient.CustomerList list = read("listcustomers_response.json", CustomersClient.CustomerList.class);
        assertEquals(1, list.customers().size());
        assertEquals("13GVjfYUMQ+=", list.customers().get(0).credentials().get(1).credential().reveal());
    }

    @Test
    void smallResponses_parse() throws IOException {
        assertEquals(2, read("forwarder_getconfigs_response.json", ForwarderConfigs.class).configs().size());
        assertEquals("DEPLOYED", read("updatessoconfig_response.json", SsoConfig.class).state());
        assertTrue(read("setuistate_response.json", CustomersClient.UiState.class).state());
        assertEquals(AuthVersion.AUTH_VERSION_2, read("setauthversion_response.json",
                CustomersClient.AuthVersionResult.class).authVersion());
        assertEquals(List.of(ComplianceCertification.COMPLIANCE_CERTIFICATION_FEDRAMP_MODERATE),
                read("setcompliancerequirements_response.json", CustomersClient.ComplianceResult.class)
                        .complianceCertifications());
        assertEquals("locations/global/workforcePools/workforce-pool-id-foo/providers/workforce-provider-id-bar",
                read("setworkforcepoolprovider_response.json", CustomersClient.ProviderResult.class).providerId());
        assertEquals(1, read("generateiammigrationcommands_response.json", CustomersClient.MigrationList.class)
                .migrations().size());
        assertTrue(read("generateidpmetadata_response.json", CustomersClient.IdpMetadata.class).metadata()
                .contains("EntityDescriptor"));
        read("setgcpprojectlink_response.json", CustomersClient.UiState.class);
        read("enableiam_response.json", CustomersClient.UiState.class);
    }

    @Test
    void realPermissionDeniedError_mapsToPermissionException() throws IOException {
        String body;
        try (InputStream in = FixturesTest.class.getResourceAsStream("/fixtures/chronicle/error_403_service_disabled.json")) {
            body = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        var response = new io.secopskit.core.spi.ErrorResponse(CustomersClient.LIST_CUSTOMERS, 403,
                "application/json", body, null, null);
        var e = io.secopskit.core.spi.StandardErrorDecoder.INSTANCE.decode(response);
        assertTrue(e instanceof io.secopskit.core.error.PermissionDeniedException);
        assertEquals("PERMISSION_DENIED", e.vendorCode());
        assertTrue(e.getMessage().startsWith("[chronicle.ListCustomers] HTTP 403 PERMISSION_DENIED: Backstory API has not been used"));
    }
}
