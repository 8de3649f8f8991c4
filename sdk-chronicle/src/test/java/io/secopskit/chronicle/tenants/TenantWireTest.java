package io.secopskit.chronicle.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.LogCapture;
import io.secopskit.core.error.InvalidRequestException;
import io.secopskit.testkit.FakeChronicleTenantService;
import io.secopskit.testkit.FakeRequest;
import io.secopskit.testkit.GoogleTokenEndpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every documented field and enum value of the tenant service, checked as exact JSON on the wire. */
class TenantWireTest {
    @TempDir
    Path dir;
    TenantServiceTestSupport env;
    TenantServiceClient client;

    @BeforeEach
    void start() throws Exception {
        env = new TenantServiceTestSupport(dir);
        client = env.client();
    }

    @AfterEach
    void stop() {
        env.close();
    }

    @Test
    void createTenant_withEveryCurrentRevisionField_postsExactCamelCaseJsonAndReturnsRunningOperation() {
        TenantOperation op = client.tenants().create(CreateTenantRequest.builder()
                .displayName("Acme Corp")
                .customerCode("acme")
                .tenantGcpProject("projects/acme-byop")
                .retentionDuration(TenantRetentionDuration.ONE_YEAR)
                .authMethod(AuthMethod.WORKFORCE_IDENTITY_FEDERATION)
                .frontendPath("acme", TenantServiceTestSupport.PROVIDER)
                .billingAccount("billingAccounts/012345-6789AB-CDEF01")
                .provisioningFlow("STANDARD")
                .build());

        List<FakeRequest> sent = env.api();
        assertEquals(1, sent.size(), "exactly one API request");
        FakeRequest post = sent.get(0);
        assertEquals("POST", post.method());
        assertEquals("/v1alpha/projects/partner-project/locations/us/instances/3f0ac524-5ae1-4bfd-b86d-53afc953e7e6/tenants",
                post.path());
        assertEquals(Map.of(), post.query(), "tenants.create takes no query parameters");
        assertEquals("{\"displayName\":\"Acme Corp\",\"customerCode\":\"acme\",\"tenantGcpProject\":\"projects/acme-byop\","
                + "\"retentionDuration\":\"ONE_YEAR\",\"authMethod\":\"WORKFORCE_IDENTITY_FEDERATION\","
                + "\"frontendPathConfigs\":[{\"frontendPath\":\"acme\",\"workforcePoolProviderId\":"
                + "\"locations/global/workforcePools/acme-pool/providers/okta\"}],"
                + "\"billingAccount\":\"billingAccounts/012345-6789AB-CDEF01\",\"provisioningFlow\":\"STANDARD\"}", post.body());
        assertTrue(post.header("Content-Type").startsWith("application/json"));
        assertTrue(post.header("Authorization").startsWith("Bearer ya29.fake-"));
        assertTrue(post.header("User-Agent").startsWith("secopskit/"));

        assertFalse(op.isDone());
        assertTrue(op.name().startsWith(env.fake.partnerInstance() + "/operations/"), op.name());
        assertEquals("RUNNING", op.workflowStatus().orElseThrow().value());
        assertEquals(env.fake.tenant("acme").get("name").asText(), op.tenantName().orElseThrow());
        assertTrue(op.tenant().isEmpty());
    }

    @Test
    void createTenant_frontendPathWithoutProvider_leavesProviderOutOfTheJson() {
        client.tenants().create(TenantServiceTestSupport.full("beta").build());

        assertEquals("{\"displayName\":\"Customer beta\",\"customerCode\":\"beta\",\"tenantGcpProject\":\"projects/beta-byop\","
                + "\"retentionDuration\":\"ONE_YEAR\",\"authMethod\":\"CLOUD_IDENTITY\","
                + "\"frontendPathConfigs\":[{\"frontendPath\":\"beta\"}],\"billingAccount\":\"012345-6789AB-CDEF01\"}",
                env.api().get(0).body());
    }

    @ParameterizedTest
    @EnumSource(value = TenantRetentionDuration.class, names = {"RETENTION_DURATION_UNSPECIFIED", "UNRECOGNIZED"},
            mode = EnumSource.Mode.EXCLUDE)
    void createTenant_eachDocumentedRetention_isSentVerbatimAcceptedAndReadBack(TenantRetentionDuration retention) {
        String code = "retention-" + retention.ordinal();

        client.tenants().create(TenantServiceTestSupport.full(code).retentionDuration(retention).build());

        assertTrue(env.api().get(0).body().contains("\"retentionDuration\":\"" + retention.name() + "\""));
        assertEquals(retention.name(), env.fake.tenant(code).get("retentionDuration").asText());
        Tenant listed = client.tenants().findByCustomerCode(code).orElseThrow();
        assertEquals(retention, listed.retentionDuration());
    }

    @Test
    void retentionDurations_areExactlyTheElevenDocumentedOnes() {
        List<String> requestable = java.util.Arrays.stream(TenantRetentionDuration.values())
                .filter(TenantRetentionDuration::isRequestable).map(Enum::name).sorted().toList();
        assertEquals(FakeChronicleTenantService.RETENTION_DURATIONS.stream().sorted().toList(), requestable);
        assertEquals(11, requestable.size());
        List<String> methods = java.util.Arrays.stream(AuthMethod.values())
                .filter(AuthMethod::isRequestable).map(Enum::name).sorted().toList();
        assertEquals(FakeChronicleTenantService.AUTH_METHODS.stream().sorted().toList(), methods);
    }

    @ParameterizedTest
    @EnumSource(value = AuthMethod.class, names = {"WORKFORCE_IDENTITY_FEDERATION", "CLOUD_IDENTITY"})
    void createTenant_eachDocumentedAuthMethod_isSentVerbatimAndReadBack(AuthMethod method) {
        client.tenants().create(TenantServiceTestSupport.full("auth").authMethod(method).build());

        assertTrue(env.api().get(0).body().contains("\"authMethod\":\"" + method.name() + "\""));
        assertEquals(method, client.tenants().findByCustomerCode("auth").orElseThrow().authMethod());
    }

    @Test
    void createTenant_olderRevision_sendsOnlyTheThreeRequiredFields() {
        env.fake.requiredFields(FakeChronicleTenantService.Revision.OLDER);
        TenantServiceClient older = env.client(b -> b.requiredFields(TenantFieldRevision.OLDER));

        TenantOperation op = older.tenants().create(CreateTenantRequest.builder().displayName("Old Style")
                .tenantGcpProject("projects/old-style-byop").retentionDuration(TenantRetentionDuration.SIX_MONTHS).build());

        assertEquals("{\"displayName\":\"Old Style\",\"tenantGcpProject\":\"projects/old-style-byop\","
                + "\"retentionDuration\":\"SIX_MONTHS\"}", env.api().get(0).body());
        assertFalse(op.isDone());
        assertEquals(1, env.fake.tenantCount());
    }

    @Test
    void await_whenDone_readsEveryTenantField() {
        Tenant t = client.tenants().create(CreateTenantRequest.builder().displayName("Acme Corp").customerCode("acme")
                .tenantGcpProject("projects/acme-byop").retentionDuration(TenantRetentionDuration.FIVE_YEARS)
                .authMethod(AuthMethod.WORKFORCE_IDENTITY_FEDERATION).frontendPath("acme", TenantServiceTestSupport.PROVIDER)
                .frontendPath("acme-soc").billingAccount(TenantServiceTestSupport.BILLING).provisioningFlow("STANDARD")
                .build()).await(Duration.ofMinutes(5));

        assertEquals(env.fake.tenant("acme").get("name").asText(), t.name());
        assertEquals(t.name().substring(t.name().lastIndexOf('/') + 1), t.tenantId());
        assertEquals("projects/acme-byop", t.tenantGcpProject());
        assertEquals("ACTIVE", t.state());
        assertTrue(t.isActive());
        assertEquals("Acme Corp", t.displayName());
        assertEquals("acme", t.customerCode());
        assertEquals(TenantRetentionDuration.FIVE_YEARS, t.retentionDuration());
        assertEquals(AuthMethod.WORKFORCE_IDENTITY_FEDERATION, t.authMethod());
        assertEquals(List.of(FrontendPathConfig.of("acme", TenantServiceTestSupport.PROVIDER), FrontendPathConfig.of("acme-soc")),
                t.frontendPathConfigs());
        assertEquals(TenantServiceTestSupport.BILLING, t.billingAccount());
        assertEquals("STANDARD", t.provisioningFlow());
    }

    @Test
    void tenant_withUnknownEnumValues_readsThemAsUnrecognizedInsteadOfFailing() throws Exception {
        Tenant t = io.secopskit.chronicle.TestJson.MAPPER.readValue("{\"name\":\"x/tenants/1\","
                + "\"retentionDuration\":\"SEVEN_YEARS\",\"authMethod\":\"PASSKEYS\",\"state\":\"MIGRATING\",\"extra\":1}",
                Tenant.class);
        assertEquals(TenantRetentionDuration.UNRECOGNIZED, t.retentionDuration());
        assertEquals(AuthMethod.UNRECOGNIZED, t.authMethod());
        assertEquals("MIGRATING", t.state());
        assertEquals(List.of(), t.frontendPathConfigs());
        assertFalse(t.isActive());
    }

    @Test
    void updateTenant_authMethodOnly_sendsMaskNamingOnlyThatField() {
        Tenant created = client.tenants().create(TenantServiceTestSupport.full("acme").build()).await(Duration.ofMinutes(5));
        env.fake.clearJournal();

        Tenant updated = client.tenants().update(created.name(), TenantUpdate.builder()
                .authMethod(AuthMethod.WORKFORCE_IDENTITY_FEDERATION).build());

        List<FakeRequest> sent = env.api();
        assertEquals(1, sent.size());
        FakeRequest patch = sent.get(0);
        assertEquals("PATCH", patch.method());
        assertEquals(env.base + "/tenants/" + created.tenantId(), patch.path());
        assertEquals(Map.of("updateMask", List.of("authMethod")), patch.query());
        assertEquals("{\"authMethod\":\"WORKFORCE_IDENTITY_FEDERATION\"}", patch.body());
        assertEquals(AuthMethod.WORKFORCE_IDENTITY_FEDERATION, updated.authMethod());
        assertEquals("WORKFORCE_IDENTITY_FEDERATION", env.fake.tenant("acme").get("authMethod").asText());
    }

    @Test
    void updateTenant_authMethodAndProvider_sendsBothMaskPathsAndTheWholeFrontendPathList() {
        Tenant created = client.tenants().create(TenantServiceTestSupport.full("acme").frontendPath("acme-soc").build())
                .await(Duration.ofMinutes(5));
        env.fake.clearJournal();
        String other = "locations/global/workforcePools/acme-pool/providers/entra";

        Tenant updated = client.tenants().update(created.name(), TenantUpdate.builder()
                .authMethod(AuthMethod.WORKFORCE_IDENTITY_FEDERATION)
                .workforcePoolProviderId("acme", TenantServiceTestSupport.PROVIDER)
                .workforcePoolProviderId("acme-soc", other).build());

        FakeRequest patch = env.api().get(0);
        assertEquals(List.of("authMethod,frontendPathConfigs"), patch.query().get("updateMask"));
        assertEquals("{\"authMethod\":\"WORKFORCE_IDENTITY_FEDERATION\",\"frontendPathConfigs\":["
                + "{\"frontendPath\":\"acme\",\"workforcePoolProviderId\":\"" + TenantServiceTestSupport.PROVIDER + "\"},"
                + "{\"frontendPath\":\"acme-soc\",\"workforcePoolProviderId\":\"" + other + "\"}]}", patch.body());
        assertEquals(List.of(FrontendPathConfig.of("acme", TenantServiceTestSupport.PROVIDER),
                FrontendPathConfig.of("acme-soc", other)), updated.frontendPathConfigs());
        assertEquals("Customer acme", updated.displayName(), "nothing else changes");
    }

    @Test
    void updateTenant_changingAFrontendPath_isRefusedByTheServiceAsInvalidArgument() {
        Tenant created = client.tenants().create(TenantServiceTestSupport.full("acme").build()).await(Duration.ofMinutes(5));

        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> client.tenants().update(created.name(),
                TenantUpdate.builder().workforcePoolProviderId("renamed", TenantServiceTestSupport.PROVIDER).build()));

        assertEquals(400, e.httpStatus());
        assertEquals("INVALID_ARGUMENT", e.vendorCode());
        assertEquals("UpdateTenant", e.operation());
        assertEquals("acme", env.fake.tenant("acme").get("frontendPathConfigs").get(0).get("frontendPath").asText());
    }

    @Test
    void credentials_defaultScopeIsChronicle_andCloudPlatformCanBeChosen() {
        client.tenants().list().stream().count();
        GoogleTokenEndpoint.Grant grant = env.fake.tokens().grant(env.api().get(0).header("Authorization"));
        assertEquals(List.of(TenantServiceClient.SCOPE_CHRONICLE), grant.scopes());
        assertEquals(TenantServiceTestSupport.PARTNER, grant.serviceAccount());

        TenantServiceClient wide = env.client(b -> b.scopes(TenantServiceClient.SCOPE_CLOUD_PLATFORM));
        env.fake.clearJournal();
        wide.tenants().list().stream().count();
        assertEquals(List.of(TenantServiceClient.SCOPE_CLOUD_PLATFORM),
                env.fake.tokens().grant(env.api().get(0).header("Authorization")).scopes());
        io.secopskit.core.error.ConfigurationException e = assertThrows(io.secopskit.core.error.ConfigurationException.class,
                () -> TenantServiceClient.builder().instance(env.fake.partnerInstance()).serviceAccountKey(env.keyFile)
                        .scopes("https://www.googleapis.com/auth/chronicle-backstory").build());
        assertEquals("scopes", e.setting());
    }

    @Test
    void regionalEndpoint_isChronicleLocationRepHost_andRejectsHostInjection() {
        assertEquals("https://chronicle.europe-west2.rep.googleapis.com",
                TenantServiceClient.regionalEndpoint("europe-west2").toString());
        assertEquals("https://chronicle.us.rep.googleapis.com", TenantServiceClient.regionalEndpoint("us").toString());
        for (String bad : new String[] {"evil.com/x", "US", "eu.", "", "us-", "a b"}) {
            assertThrows(io.secopskit.core.error.ValidationException.class, () -> TenantServiceClient.regionalEndpoint(bad), bad);
        }
    }

    @Test
    void requests_neverLogTokensOrTheServiceAccountKey() throws Exception {
        String privateKey = io.secopskit.chronicle.TestJson.MAPPER.readTree(Files.readString(env.keyFile))
                .get("private_key").asText().split("\n")[1];
        try (LogCapture logs = new LogCapture()) {
            client.tenants().create(TenantServiceTestSupport.full("acme").build()).await(Duration.ofMinutes(5));
            String token = env.api().get(0).header("Authorization").substring("Bearer ".length());

            assertFalse(logs.all().isEmpty(), "requests are logged");
            assertFalse(logs.all().contains(token), "access token leaked into logs");
            assertFalse(logs.all().contains(privateKey), "private key leaked into logs");
        }
        assertFalse(client.toString().contains("ya29"));
    }
}
