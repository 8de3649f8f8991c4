package io.secopskit.chronicle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.chronicle.model.AuthVersion;
import io.secopskit.chronicle.model.ComplianceCertification;
import io.secopskit.chronicle.model.CreateCustomerRequest;
import io.secopskit.chronicle.model.RetentionDuration;
import io.secopskit.chronicle.model.UpdateSsoConfigRequest;
import io.secopskit.core.error.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValidationTest extends ChronicleTestBase {
    private void assertRejected(String field, Executable call) {
        ValidationException e = assertThrows(ValidationException.class, call);
        assertEquals(field, e.field());
        assertTrue(e.getMessage().contains(field), e.getMessage());
        assertEquals("chronicle", e.vendor());
        assertEquals(0, env.fake.requests().size(), "nothing may be sent, not even a token request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Acme", "1acme", "acme-", "ac_me", "acme corp", "abcdefghijklmnopqrs", "-acme"})
    void customerCode_breakingTheRule_isRejectedBeforeSending(String code) {
        assertRejected("customer_code", () -> CreateCustomerRequest.builder().customerName("n").customerCode(code).build());
        assertRejected("customer_code", () -> customers.getCustomer(code));
    }

    @Test
    void customerCode_edgeValues_areAccepted() {
        CreateCustomerRequest.builder().customerName("n").customerCode("a").build();
        CreateCustomerRequest.builder().customerName("n").customerCode("abcdefghijklmnopqr").build();
        CreateCustomerRequest.builder().customerName("n").customerCode("a-1-b").build();
    }

    @Test
    void customerName_blank_isRejected() {
        assertRejected("customer_name", () -> CreateCustomerRequest.builder().customerName(" ").customerCode("acme").build());
    }

    @Test
    void retentionDuration_unrecognized_isRejected() {
        assertRejected("retention_duration", () -> CreateCustomerRequest.builder().customerName("n").customerCode("acme")
                .retentionDuration(RetentionDuration.UNRECOGNIZED).build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme-project", "projects/", "projects/Acme", "folders/123", "projects/a/b"})
    void gcpProject_notProjectsSlashId_isRejected(String project) {
        assertRejected("gcp_project", () -> customers.setGcpProjectLink("acme", project));
        assertRejected("gcp_project", () -> CreateCustomerRequest.builder().customerName("n").customerCode("acme")
                .gcpProject(project).build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"okta", "locations/global/workforcePools/p", "locations/us/workforcePools/p/providers/q",
            "locations/global/workforcePools/p/providers/q/extra"})
    void providerId_wrongShape_isRejected(String provider) {
        assertRejected("provider_id", () -> customers.setWorkforcePoolProvider("acme", "acme-soc", provider));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-bad", "bad-", "a.b", "a b"})
    void subdomain_emptyOrMalformed_isRejected(String subdomain) {
        assertRejected("customer_subdomain", () -> customers.generateIdpMetadata(subdomain));
        assertRejected("customer_subdomains", () -> CreateCustomerRequest.builder().customerName("n")
                .customerCode("acme").customerSubdomain(subdomain).build());
    }

    @Test
    void authVersion_otherThan3Or4_isRejected() {
        assertRejected("auth_version", () -> customers.setAuthVersion("acme", AuthVersion.AUTH_VERSION_2));
        assertRejected("auth_version", () -> customers.setAuthVersion("acme", null));
        assertRejected("auth_version", () -> CreateCustomerRequest.builder().customerName("n").customerCode("acme")
                .authVersion(AuthVersion.AUTH_VERSION_1).build());
    }

    @Test
    void complianceCertifications_emptyOrUnknown_areRejected() {
        assertRejected("compliance_certifications", () -> customers.setComplianceRequirements("acme", List.of()));
        assertRejected("compliance_certifications", () -> customers.setComplianceRequirements("acme",
                List.of(ComplianceCertification.UNRECOGNIZED)));
    }

    @Test
    void ssoConfig_missing_isRejected() {
        assertRejected("sso_config", () -> UpdateSsoConfigRequest.builder().customerCode("acme").build());
    }

    @Test
    void plainHttpEndpoint_nonLoopback_isRefused() {
        var e = assertThrows(io.secopskit.core.error.ConfigurationException.class, () -> ChronicleClient.builder()
                .endpoint(java.net.URI.create("http://backstory.example.com")).serviceAccountKey(env.keyFile).build());
        assertTrue(e.getMessage().contains("plain http"), e.getMessage());
    }
}
