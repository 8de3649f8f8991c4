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
    @ValueSource(strings = {"", "Acme", "1acme", "acme-", "ac_me", "acme corp", "abcdefghijklmnopqrs", "-acme", "CODE"})
    void newCustomerCode_breakingTheCreationRule_isRejectedBeforeSending(String code) {
        assertRejected("customer_code", () -> CreateCustomerRequest.builder().customerName("n").customerCode(code).build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/b", "a?b", "a#b", "a&b=c", "100%", "a\\b", "line\nbreak", "tab\tcode", "nul\u0000",
            "del\u007f", "sep\u2028"})
    void existingCustomerCode_emptyOrWithControlOrPathQueryCharacters_isRejectedOnEveryOtherOperation(String code) {
        assertRejected("customer_code", () -> customers.get(code));
        assertRejected("customer_code", () -> customers.getForwarderConfigs(code));
        assertRejected("customer_code", () -> customers.setUiState(code, true));
        assertRejected("customer_code", () -> customers.enableIam(code));
        assertRejected("customer_code", () -> UpdateSsoConfigRequest.builder().customerCode(code).ssoConfig("<x/>").build());
    }

    @Test
    void existingCustomerCode_overLong_isRejected() {
        assertRejected("customer_code", () -> customers.get("a".repeat(257)));
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
    @ValueSource(strings = {"acme-project", "projects/", "projects/Acme", "folders/123", "projects/a/b", "projects/ab",
            "projects/example.com:", "projects/:my-project", "projects/my-project-"})
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
    @ValueSource(strings = {"", " ", "a b", "a..b", ".a", "a.", "a/b", "a:443", "\u00fcber", "x\ny"})
    void subdomain_breakingWhatDnsRequires_isRejected(String subdomain) {
        assertRejected("customer_subdomain", () -> customers.generateIdpMetadata(subdomain));
        assertRejected("customer_subdomains", () -> CreateCustomerRequest.builder().customerName("n")
                .customerCode("acme").customerSubdomain(subdomain).build());
    }

    @Test
    void subdomain_dnsLimits_63PerLabelAnd253InAll() {
        String label63 = "a".repeat(63);
        String name253 = String.join(".", label63, label63, label63, "a".repeat(61));
        assertEquals(253, name253.length());
        CreateCustomerRequest.builder().customerName("n").customerCode("acme").customerSubdomain(label63)
                .customerSubdomain(name253).customerSubdomain("-edge-").customerSubdomain("soc.acme").customerSubdomain("_x").build();
        assertRejected("customer_subdomains", () -> CreateCustomerRequest.builder().customerName("n").customerCode("acme")
                .customerSubdomain("a".repeat(64)).build());
        assertRejected("customer_subdomains", () -> CreateCustomerRequest.builder().customerName("n").customerCode("acme")
                .customerSubdomain(name253 + "a").build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"projects/my-project", "projects/012345678901", "projects/example.com:my-project",
            "projects/a1b2c3"})
    void gcpProject_documentedFormsAndDomainScoped_areAccepted(String project) {
        CreateCustomerRequest r = CreateCustomerRequest.builder().customerName("n").customerCode("acme").gcpProject(project).build();
        assertEquals(project, r.gcpProject());
    }

    @Test
    void authVersion_otherThan3Or4_isRejected() {
        assertRejected("auth_version", () -> customers.setAuthVersion("acme", AuthVersion.AUTH_VERSION_2));
        assertRejected("auth_version", () -> customers.setAuthVersion("acme", null));
        assertRejected("auth_version", () -> CreateCustomerRequest.builder().customerName("n").customerCode("acme")
                .authVersion(AuthVersion.AUTH_VERSION_1).build());
    }

    @Test
    void complianceCertifications_emptyOrBlank_areRejected() {
        assertRejected("compliance_certifications", () -> customers.setComplianceRequirements("acme", List.of()));
        assertRejected("compliance_certifications", () -> customers.setComplianceRequirements("acme",
                List.of(ComplianceCertification.of(" "))));
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
