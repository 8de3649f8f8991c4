package io.secopskit.chronicle.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.error.ValidationException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every rule is checked before anything is sent: the fake must receive no request at all (not even a
 * token request). One fake for the class (its journal is cleared before each test): nothing here changes
 * its state.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantValidationTest {
    TenantServiceTestSupport env;
    TenantServiceClient client;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        env = new TenantServiceTestSupport(dir);
        client = env.client();
    }

    @BeforeEach
    void clear() {
        env.fake.clearJournal();
    }

    @AfterAll
    void stop() {
        env.close();
    }

    private void assertNothingSent() {
        assertEquals(0, env.fake.requests().size(), "requests reached the fake: " + env.fake.requests());
    }

    private ValidationException rejected(UnaryOperator<CreateTenantRequest.Builder> change) {
        ValidationException e = assertThrows(ValidationException.class,
                () -> client.tenants().create(change.apply(TenantServiceTestSupport.full("acme")).build()));
        assertNothingSent();
        return e;
    }

    @ParameterizedTest
    @ValueSource(strings = {"displayName", "customerCode", "tenantGcpProject", "retentionDuration", "authMethod",
            "frontendPathConfigs", "billingAccount"})
    void createTenant_currentRevision_missingEachRequiredField_failsNamingItBeforeSending(String field) {
        CreateTenantRequest.Builder b = CreateTenantRequest.builder();
        if (!field.equals("displayName")) {
            b.displayName("Acme");
        }
        if (!field.equals("customerCode")) {
            b.customerCode("acme");
        }
        if (!field.equals("tenantGcpProject")) {
            b.tenantGcpProject("projects/acme-byop");
        }
        if (!field.equals("retentionDuration")) {
            b.retentionDuration(TenantRetentionDuration.ONE_YEAR);
        }
        if (!field.equals("authMethod")) {
            b.authMethod(AuthMethod.CLOUD_IDENTITY);
        }
        if (!field.equals("frontendPathConfigs")) {
            b.frontendPath("acme");
        }
        if (!field.equals("billingAccount")) {
            b.billingAccount(TenantServiceTestSupport.BILLING);
        }
        CreateTenantRequest request = b.build();

        ValidationException e = assertThrows(ValidationException.class, () -> client.tenants().create(request));

        assertEquals(field, e.field());
        assertTrue(e.rule().contains("CURRENT"), e.rule());
        assertEquals("CreateTenant", e.operation());
        assertNothingSent();
    }

    @Test
    void createTenant_olderRevision_requiresOnlyItsThreeFields() {
        TenantServiceClient older = env.client(b -> b.requiredFields(TenantFieldRevision.OLDER));
        ValidationException e = assertThrows(ValidationException.class, () -> older.tenants().create(CreateTenantRequest.builder()
                .displayName("Acme").retentionDuration(TenantRetentionDuration.ONE_YEAR).build()));
        assertEquals("tenantGcpProject", e.field());
        assertTrue(e.rule().contains("OLDER"), e.rule());
        assertNothingSent();
        assertEquals(java.util.List.of("displayName", "tenantGcpProject", "retentionDuration"),
                TenantFieldRevision.OLDER.requiredFields());
    }

    @Test
    void ensureTenant_withoutCustomerCode_isRefusedEvenUnderTheOlderRevision() {
        TenantServiceClient older = env.client(b -> b.requiredFields(TenantFieldRevision.OLDER));
        ValidationException e = assertThrows(ValidationException.class, () -> older.tenants().ensure(CreateTenantRequest.builder()
                .displayName("Acme").tenantGcpProject("projects/acme-byop").retentionDuration(TenantRetentionDuration.ONE_YEAR)
                .build(), java.time.Duration.ofMinutes(1)));
        assertEquals("customerCode", e.field());
        assertNothingSent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Acme", "1acme", "acme-", "abcdefghijklmnopqrs", "ac me", "acme\n", "acme_1", "ácme", "-acme"})
    void build_badCustomerCode_failsWithTheRule(String code) {
        ValidationException e = rejected(b -> b.customerCode(code));
        assertEquals("customerCode", e.field());
        assertTrue(e.getMessage().contains("1-18 characters"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "control characters are escaped in messages");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "abcdefghijklmnopqr", "acme-01", "a1"})
    void build_goodCustomerCode_isAccepted(String code) {
        assertEquals(code, TenantServiceTestSupport.full(code).frontendPath("x").build().customerCode());
    }

    @Test
    void build_unspecifiedOrUnknownEnums_areRefused() {
        assertEquals("retentionDuration",
                rejected(b -> b.retentionDuration(TenantRetentionDuration.RETENTION_DURATION_UNSPECIFIED)).field());
        assertEquals("retentionDuration", rejected(b -> b.retentionDuration(TenantRetentionDuration.UNRECOGNIZED)).field());
        assertEquals("authMethod", rejected(b -> b.authMethod(AuthMethod.AUTH_METHOD_UNSPECIFIED)).field());
        assertEquals("authMethod", rejected(b -> b.authMethod(AuthMethod.UNRECOGNIZED)).field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme-byop", "projects/", "projects/Acme", "projects/acme/../x", "projects/abc", "folders/123",
            "projects/acme-byop/locations/us"})
    void build_badTenantGcpProject_isRefused(String project) {
        assertEquals("tenantGcpProject", rejected(b -> b.tenantGcpProject(project)).field());
    }

    @Test
    void build_projectNumber_isAccepted() {
        assertEquals("projects/123456789012",
                TenantServiceTestSupport.full("acme").tenantGcpProject("projects/123456789012").build().tenantGcpProject());
    }

    @ParameterizedTest
    @ValueSource(strings = {"okta", "locations/global/workforcePools/p", "projects/p/locations/global/workforcePools/p/providers/q",
            "locations/global/workforcePools/p/providers/q/extra", "locations/global/workforcePools/../providers/q/x",
            "locations/GLOBAL/workforcePools/p/providers/q"})
    void build_badWorkforcePoolProviderId_isRefused(String provider) {
        assertEquals("frontendPathConfigs.workforcePoolProviderId", rejected(b -> b.frontendPath("soc", provider)).field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Acme", "acme.soc", "-acme", "acme/x", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void build_badFrontendPath_isRefused(String path) {
        assertEquals("frontendPathConfigs.frontendPath", rejected(b -> b.frontendPath(path)).field());
    }

    @Test
    void build_duplicateFrontendPath_isRefused() {
        assertEquals("frontendPathConfigs", rejected(b -> b.frontendPath("acme")).field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "Acme\u0000Corp", "Acme\r\nX-Injected: 1", "Acme\tCorp"})
    void build_badDisplayName_isRefused(String name) {
        assertEquals("displayName", rejected(b -> b.displayName(name)).field());
    }

    @Test
    void build_overLongDisplayName_isRefusedWithItsLength() {
        ValidationException e = rejected(b -> b.displayName("x".repeat(256)));
        assertTrue(e.rule().contains("256"), e.rule());
        assertEquals(255, TenantServiceTestSupport.full("a").displayName("x".repeat(255)).build().displayName().length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"012345-6789ab-CDEF01", "0123456789ABCDEF01", "billingAccounts/", "billing/012345-6789AB-CDEF01",
            "012345-6789AB-CDEF01 "})
    void build_badBillingAccount_isRefused(String account) {
        assertEquals("billingAccount", rejected(b -> b.billingAccount(account)).field());
    }

    @Test
    void build_badProvisioningFlow_isRefused() {
        assertEquals("provisioningFlow", rejected(b -> b.provisioningFlow(" ")).field());
        assertEquals("provisioningFlow", rejected(b -> b.provisioningFlow("A\nB")).field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"projects/p/locations/us", "projects/../locations/us/instances/i", "projects/partner-project/locations/US/instances/i",
            "projects/partner-project/locations/us/instances/a/b", "projects/partner-project/locations/us/instances/..",
            "projects/partner-project/locations/us/instances/", "project/partner-project/locations/us/instances/i", ""})
    void instanceName_malformed_isRefused(String name) {
        assertThrows(ValidationException.class, () -> InstanceName.parse(name));
        io.secopskit.core.error.ConfigurationException e = assertThrows(io.secopskit.core.error.ConfigurationException.class,
                () -> TenantServiceClient.builder().instance(name).serviceAccountKey(env.keyFile).build());
        assertEquals("instance", e.setting());
        assertNothingSent();
    }

    @Test
    void instanceName_roundTripsAndBuildsTenantNames() {
        InstanceName n = InstanceName.parse("projects/partner-project/locations/europe-west2/instances/abc-123");
        assertEquals(InstanceName.of("partner-project", "europe-west2", "abc-123"), n);
        assertEquals("projects/partner-project/locations/europe-west2/instances/abc-123", n.toString());
        assertEquals(n + "/tenants/t1", n.tenantName("t1"));
        assertThrows(ValidationException.class, () -> n.tenantName("../x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"projects/partner-project/locations/us/instances/other/tenants/t1", "t1",
            "projects/partner-project/locations/us/instances/3f0ac524-5ae1-4bfd-b86d-53afc953e7e6/tenants/..",
            "projects/partner-project/locations/us/instances/3f0ac524-5ae1-4bfd-b86d-53afc953e7e6/tenants/a/b",
            "projects/partner-project/locations/us/instances/3f0ac524-5ae1-4bfd-b86d-53afc953e7e6/tenants/"})
    void updateTenant_nameOutsideThisInstanceOrMalformed_isRefused(String name) {
        ValidationException e = assertThrows(ValidationException.class, () -> client.tenants().update(name,
                TenantUpdate.builder().authMethod(AuthMethod.CLOUD_IDENTITY).build()));
        assertEquals("tenant.name", e.field());
        assertNothingSent();
    }

    @Test
    void tenantUpdate_emptyOrInvalid_isRefused() {
        assertEquals("updateMask", assertThrows(ValidationException.class, () -> TenantUpdate.builder().build()).field());
        assertEquals("authMethod", assertThrows(ValidationException.class,
                () -> TenantUpdate.builder().authMethod(AuthMethod.AUTH_METHOD_UNSPECIFIED).build()).field());
        assertEquals("frontendPathConfigs.workforcePoolProviderId", assertThrows(ValidationException.class,
                () -> TenantUpdate.builder().workforcePoolProviderId("acme", null).build()).field());
        assertEquals("frontendPathConfigs", assertThrows(ValidationException.class,
                () -> TenantUpdate.builder().workforcePoolProviderId("acme", TenantServiceTestSupport.PROVIDER)
                        .workforcePoolProviderId("acme", TenantServiceTestSupport.PROVIDER).build()).field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"operations/x", "projects/partner-project/locations/eu/instances/i/operations/o",
            "projects/partner-project/locations/us/instances/i/operations/..",
            "projects/partner-project/locations/us/instances/i/operations/a%2Fb/c",
            "projects/partner-project/locations/us/instances/i/tenants/t", "projects/p/locations/us/operations/o"})
    void getOperation_malformedOrOtherLocation_isRefused(String name) {
        assertThrows(ValidationException.class, () -> client.operations().get(name));
        assertNothingSent();
    }

    @Test
    void listTenants_pageSizeOutsideOneToHundred_isRefused() {
        assertEquals("pageSize", assertThrows(ValidationException.class, () -> client.tenants().list(TenantQuery.builder().pageSize(101).build())).field());
        assertEquals("pageSize", assertThrows(ValidationException.class, () -> client.tenants().list(TenantQuery.builder().pageSize(0).build())).field());
        assertEquals("customerCode", assertThrows(ValidationException.class,
                () -> client.tenants().findByCustomerCode("Bad Code")).field());
        assertNothingSent();
    }

    @Test
    void builder_missingInstanceOrCredentials_failsAtBuild() {
        assertEquals("instance", assertThrows(io.secopskit.core.error.ConfigurationException.class,
                () -> TenantServiceClient.builder().serviceAccountKey(env.keyFile).build()).setting());
        assertEquals("auth", assertThrows(io.secopskit.core.error.ConfigurationException.class,
                () -> TenantServiceClient.builder().instance(env.fake.partnerInstance()).build()).setting());
        assertThrows(io.secopskit.core.error.ConfigurationException.class, () -> TenantServiceClient.builder()
                .instance(env.fake.partnerInstance()).serviceAccountKey(env.keyFile)
                .endpoint(java.net.URI.create("http://example.com")).build(), "plain http only to loopback");
        assertEquals("pollInterval", assertThrows(io.secopskit.core.error.ConfigurationException.class, () -> TenantServiceClient
                .builder().instance(env.fake.partnerInstance()).serviceAccountKey(env.keyFile)
                .pollInterval(java.time.Duration.ZERO, java.time.Duration.ofSeconds(1)).build()).setting());
        assertEquals("pollInterval", assertThrows(io.secopskit.core.error.ConfigurationException.class, () -> TenantServiceClient
                .builder().instance(env.fake.partnerInstance()).serviceAccountKey(env.keyFile)
                .pollInterval(java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(1)).build()).setting());
        assertNothingSent();
    }
}
