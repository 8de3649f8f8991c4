package io.secopskit.chronicle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.chronicle.ChronicleTenantProvisioner.Api;
import io.secopskit.chronicle.tenants.AuthMethod;
import io.secopskit.chronicle.tenants.ChronicleTenantServiceProvisioner;
import io.secopskit.chronicle.tenants.TenantServiceClient;
import io.secopskit.core.error.ConfigurationException;
import io.secopskit.core.provisioning.Onboarding;
import io.secopskit.core.provisioning.OnboardingResult;
import io.secopskit.core.provisioning.PlannedAction;
import io.secopskit.core.provisioning.ProvisionedTenant;
import io.secopskit.core.provisioning.TenantSpec;
import io.secopskit.core.store.ProvisioningStore;
import io.secopskit.testkit.FakeChronicleTenantService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 item 5: the Chronicle provisioner targets the legacy partner API or the Chronicle API tenant service,
 * chosen on its builder (legacy by default until Google's shutdown date); find-before-create works on both, keyed
 * by the customer code, and a binding written by the legacy provisioner is adopted by the tenant service one.
 */
class ProvisionerApiChoiceTest extends ChronicleTestBase {
    private static final TenantSpec ACME = TenantSpec.builder().displayName("Acme Corp").customerCode("acme-corp")
            .retentionMonths(12).build();

    private FakeChronicleTenantService modernFake;
    private TenantServiceClient modernClient;
    private ChronicleTenantServiceProvisioner modern;
    private ChronicleClient legacy;

    @BeforeEach
    void startModern() throws Exception {
        modernFake = new FakeChronicleTenantService();
        modernFake.start();
        modernFake.clock(env.clock);
        modernFake.runningPolls(1);
        Path key = dir.resolve("modern-key.json");
        Files.writeString(key, modernFake.newServiceAccountKeyJson(ChronicleTestSupport.PARTNER));
        modernClient = TenantServiceClient.builder().instance(modernFake.partnerInstance()).endpoint(modernFake.baseUri())
                .serviceAccountKey(key).options(o -> o.clock(env.clock).sleeper(d -> env.clock.advance(d))).build();
        modern = ChronicleTenantServiceProvisioner.builder(modernClient)
                .tenantGcpProject(spec -> "projects/" + spec.customerCode() + "-secops")
                .billingAccount("012345-6789AB-CDEF01").authMethod(AuthMethod.CLOUD_IDENTITY).build();
        legacy = env.client();
    }

    @AfterEach
    void stopModern() {
        modernClient.close();
        legacy.close();
        modernFake.close();
    }

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    @Test
    void legacyAndTenantServiceFactories_sayWhichApiTheyUse() {
        assertEquals(Api.LEGACY, ChronicleTenantProvisioner.legacy(legacy).api());
        assertEquals(Api.TENANT_SERVICE, ChronicleTenantProvisioner.tenantService(modern).api());
        ChronicleTenantProvisioner withDefaults = ChronicleTenantProvisioner.tenantService(modernClient, d -> d
                .tenantGcpProject(spec -> "projects/" + spec.customerCode() + "-secops").billingAccount("012345-6789AB-CDEF01")
                .authMethod(AuthMethod.CLOUD_IDENTITY));
        assertEquals(Api.TENANT_SERVICE, withDefaults.api());
        assertEquals("chronicle", withDefaults.vendor());
        assertEquals("tenant name", withDefaults.tenantIdLabel());
        assertEquals("customer code", ChronicleTenantProvisioner.legacy(legacy).tenantIdLabel());
    }

    @Test
    void builderWithBoth_defaultsToLegacyBeforeGooglesShutdown_andToTheTenantServiceFromThatDay() {
        assertEquals(Api.LEGACY, ChronicleTenantProvisioner.builder().legacy(legacy).tenantService(modern)
                .clock(at("2027-07-19T23:59:59Z")).build().api());
        assertEquals(Api.TENANT_SERVICE, ChronicleTenantProvisioner.builder().legacy(legacy).tenantService(modern)
                .clock(at("2027-07-20T00:00:00Z")).build().api());
        assertEquals(Api.LEGACY, ChronicleTenantProvisioner.builder().legacy(legacy).tenantService(modern).build().api(),
                "by the legacy client's clock (2026-11-22 in these tests)");
        assertEquals(Api.TENANT_SERVICE, ChronicleTenantProvisioner.builder().legacy(legacy).tenantService(modern)
                .api(Api.TENANT_SERVICE).clock(at("2026-01-01T00:00:00Z")).build().api(), "an explicit choice wins");
        assertEquals(Api.LEGACY, ChronicleTenantProvisioner.builder().legacy(legacy).clock(at("2030-01-01T00:00:00Z"))
                .build().api(), "only legacy configured: legacy, whatever the date");
    }

    @Test
    void builder_withNothingOrAnUnconfiguredChoice_isAConfigurationError() {
        assertEquals("api", assertThrows(ConfigurationException.class, () -> ChronicleTenantProvisioner.builder().build())
                .setting());
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ChronicleTenantProvisioner.builder().legacy(legacy).api(Api.TENANT_SERVICE).build());
        assertTrue(e.getMessage().contains("TENANT_SERVICE needs tenantService"), e.getMessage());
        assertEquals("legacy", assertThrows(ConfigurationException.class,
                () -> ChronicleTenantProvisioner.builder().legacy(null).build()).setting());
        assertTrue(env.fake.requests().isEmpty() && modernFake.requests().isEmpty());
    }

    @Test
    void onboardingTwice_onEachApi_createsOnce_thenFindsByTheCustomerCode() {
        for (ChronicleTenantProvisioner p : new ChronicleTenantProvisioner[] {
                ChronicleTenantProvisioner.legacy(legacy), ChronicleTenantProvisioner.tenantService(modern)}) {
            Onboarding onboarding = Onboarding.builder().step(p).clock(env.clock).build();

            OnboardingResult first = onboarding.run(ACME);
            OnboardingResult second = onboarding.run(ACME);

            assertEquals(OnboardingResult.Outcome.CREATED, first.step("chronicle").orElseThrow().outcome(), p.toString());
            assertEquals(OnboardingResult.Outcome.FOUND, second.step("chronicle").orElseThrow().outcome(), p.toString());
        }
        assertEquals(1, env.fake.requests("POST", "/v1/partner/customer/createcustomer").size());
        assertEquals(1, modernFake.requests("POST", "/v1alpha/" + modernFake.partnerInstance() + "/tenants").size());
        assertEquals(1, modernFake.tenantCount());
    }

    @Test
    void legacy_foundCustomer_readsTheCredentialsBack_theTenantServiceIssuesNone() {
        ProvisionedTenant created = ChronicleTenantProvisioner.legacy(legacy).provision(ACME);
        ProvisionedTenant found = ChronicleTenantProvisioner.legacy(legacy).find(ACME).orElseThrow();

        assertEquals(created.secrets().keySet(), found.secrets().keySet());
        assertEquals(created.secrets().get("BACKSTORY_API").reveal(), found.secrets().get("BACKSTORY_API").reveal());
        assertTrue(ChronicleTenantProvisioner.legacy(legacy).issuesCredentials());

        ChronicleTenantProvisioner tenantService = ChronicleTenantProvisioner.tenantService(modern);
        ProvisionedTenant modernTenant = tenantService.provision(ACME);
        assertTrue(modernTenant.secrets().isEmpty());
        assertEquals("none-issued", modernTenant.attributes().get("credentials"));
        assertFalse(tenantService.issuesCredentials());
    }

    @Test
    void switchingFromLegacyToTheTenantService_adoptsTheLegacyBinding_insteadOfCreatingAgain() {
        ProvisioningStore store = ProvisioningStore.inMemory();
        OnboardingResult onLegacy = Onboarding.builder().step(ChronicleTenantProvisioner.legacy(legacy)).store(store)
                .clock(env.clock).build().run(ACME);
        assertEquals("acme-corp", onLegacy.step("chronicle").orElseThrow().tenantId(), "the legacy binding holds the code");
        String migrated = modernClient.tenants().ensure(modern.request(ACME), Duration.ofMinutes(5)).tenant().name();
        int creates = modernFake.operationsStarted();

        OnboardingResult onTenantService = Onboarding.builder().step(ChronicleTenantProvisioner.tenantService(modern))
                .store(store).clock(env.clock).build().run(ACME);

        assertEquals(OnboardingResult.Outcome.FOUND, onTenantService.step("chronicle").orElseThrow().outcome());
        assertEquals(migrated, onTenantService.step("chronicle").orElseThrow().tenantId());
        assertEquals(creates, modernFake.operationsStarted(), "no tenants.create");
    }

    @Test
    void tenantService_findBound_byTenantName_orByALegacyBindingsCode_activeOnly() {
        ChronicleTenantProvisioner p = ChronicleTenantProvisioner.tenantService(modern);
        String name = p.provision(ACME).tenantId();

        assertEquals(name, p.findBound(ACME, name).orElseThrow().tenantId());
        assertEquals(name, p.findBound(ACME, "acme-corp").orElseThrow().tenantId());
        assertTrue(p.findBound(ACME, modernFake.partnerInstance() + "/tenants/not-there").isEmpty());
        assertTrue(p.findBound(ACME, "someone-else").isEmpty());
    }

    @Test
    void plans_nameEachApisOperationAndHost_andSayNeitherCanBeUndone() {
        PlannedAction onLegacy = ChronicleTenantProvisioner.legacy(legacy).plannedCreate(ACME);
        PlannedAction onTenantService = ChronicleTenantProvisioner.tenantService(modern).plannedCreate(ACME);

        assertEquals("chronicle.CreateCustomer", onLegacy.operation());
        assertEquals(env.fake.baseUri().getHost(), onLegacy.host());
        assertTrue(onLegacy.irreversible());
        assertEquals("chronicle.CreateTenant", onTenantService.operation());
        assertEquals(modernFake.baseUri().getHost(), onTenantService.host());
        assertTrue(onTenantService.irreversible());
        assertTrue(onTenantService.note().contains("no delete or disable"), onTenantService.note());
        assertTrue(env.fake.requests().isEmpty() && modernFake.requests().isEmpty(), "planning sends nothing");
    }
}
