package io.secopskit.chronicle.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.error.ValidationException;
import io.secopskit.core.provisioning.Onboarding;
import io.secopskit.core.provisioning.OnboardingResult;
import io.secopskit.core.provisioning.ProvisionedTenant;
import io.secopskit.core.provisioning.TenantSpec;
import io.secopskit.testkit.FakeChronicleTenantService.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChronicleTenantServiceProvisionerTest {
    @TempDir
    Path dir;
    TenantServiceTestSupport env;
    ChronicleTenantServiceProvisioner provisioner;

    @BeforeEach
    void start() throws Exception {
        env = new TenantServiceTestSupport(dir);
        provisioner = ChronicleTenantServiceProvisioner.builder(env.client())
                .tenantGcpProject(spec -> "projects/" + spec.customerCode() + "-secops")
                .billingAccount(TenantServiceTestSupport.BILLING)
                .authMethod(AuthMethod.CLOUD_IDENTITY)
                .awaitTimeout(Duration.ofMinutes(20))
                .build();
    }

    @AfterEach
    void stop() {
        env.close();
    }

    private static TenantSpec spec(String code) {
        return TenantSpec.builder().displayName("Customer " + code).customerCode(code).retentionMonths(12).build();
    }

    @Test
    void provision_thenFind_createsOnceAndFindsByCustomerCode() {
        assertTrue(provisioner.find(spec("acme")).isEmpty());

        ProvisionedTenant created = provisioner.provision(spec("acme"));
        ProvisionedTenant found = provisioner.find(spec("acme")).orElseThrow();

        assertEquals(ProvisionedTenant.Status.CREATED, created.status());
        assertEquals("chronicle", created.vendor());
        assertEquals(env.fake.tenant("acme").get("name").asText(), created.tenantId());
        assertEquals(Map.of("customer_code", "acme", "tenant_name", created.tenantId(), "state", "ACTIVE",
                "api", "chronicle-tenant-service", "credentials", "none-issued"), created.attributes());
        assertEquals(Map.of(), created.secrets());
        assertEquals(ProvisionedTenant.Status.FOUND, found.status());
        assertEquals(created.tenantId(), found.tenantId());
        assertEquals("{\"displayName\":\"Customer acme\",\"customerCode\":\"acme\",\"tenantGcpProject\":\"projects/acme-secops\","
                + "\"retentionDuration\":\"ONE_YEAR\",\"authMethod\":\"CLOUD_IDENTITY\",\"frontendPathConfigs\":[{\"frontendPath\":"
                + "\"acme\"}],\"billingAccount\":\"012345-6789AB-CDEF01\"}", env.api("POST", "/tenants").get(0).body());
        assertEquals(1, env.fake.tenantCount());
    }

    @Test
    void onboarding_runTwice_createsThenFinds_neverASecondTenant() {
        Onboarding onboarding = Onboarding.builder().step(provisioner).clock(env.clock).build();

        OnboardingResult first = onboarding.run(spec("acme"));
        OnboardingResult second = onboarding.run(spec("acme"));

        assertEquals(OnboardingResult.Outcome.CREATED, first.step("chronicle").orElseThrow().outcome());
        assertEquals(OnboardingResult.Outcome.FOUND, second.step("chronicle").orElseThrow().outcome());
        assertEquals(1, env.fake.tenantCount());
        assertEquals(1, env.api("POST", "/tenants").size());
    }

    @Test
    void onboarding_afterAStuckWorkflow_nextRunRetriesItWithTheSameFields() {
        env.fake.nextCreates(Outcome.ERROR_NOT_DONE, 1);
        Onboarding onboarding = Onboarding.builder().step(provisioner).clock(env.clock).build();

        OnboardingResult failed = onboarding.run(spec("acme"));
        assertEquals(OnboardingResult.Outcome.FAILED, failed.step("chronicle").orElseThrow().outcome());
        assertTrue(failed.step("chronicle").orElseThrow().failure().orElseThrow() instanceof TenantOperationFailedException);
        assertTrue(provisioner.find(spec("acme")).isEmpty(), "a tenant in ERROR is not reported as found");

        OnboardingResult retried = onboarding.run(spec("acme"));

        assertEquals(OnboardingResult.Outcome.CREATED, retried.step("chronicle").orElseThrow().outcome());
        assertEquals(1, env.fake.tenantCount());
        assertEquals(2, env.fake.operationsStarted());
    }

    @Test
    void request_hintsOverrideBuilderDefaults() {
        TenantSpec spec = TenantSpec.builder().displayName("Acme").customerCode("acme").retentionMonths(24)
                .hint(ChronicleTenantServiceProvisioner.HINT_TENANT_GCP_PROJECT, "projects/acme-own")
                .hint(ChronicleTenantServiceProvisioner.HINT_BILLING_ACCOUNT, "billingAccounts/ABCDEF-ABCDEF-ABCDEF")
                .hint(ChronicleTenantServiceProvisioner.HINT_AUTH_METHOD, "WORKFORCE_IDENTITY_FEDERATION")
                .hint(ChronicleTenantServiceProvisioner.HINT_FRONTEND_PATH, "acme-soc")
                .hint(ChronicleTenantServiceProvisioner.HINT_WORKFORCE_POOL_PROVIDER_ID, TenantServiceTestSupport.PROVIDER)
                .build();

        CreateTenantRequest r = provisioner.request(spec);

        assertEquals("projects/acme-own", r.tenantGcpProject());
        assertEquals("billingAccounts/ABCDEF-ABCDEF-ABCDEF", r.billingAccount());
        assertEquals(AuthMethod.WORKFORCE_IDENTITY_FEDERATION, r.authMethod());
        assertEquals(java.util.List.of(FrontendPathConfig.of("acme-soc", TenantServiceTestSupport.PROVIDER)),
                r.frontendPathConfigs());
        assertEquals(TenantRetentionDuration.TWO_YEARS, r.retentionDuration());
    }

    @Test
    void request_badAuthMethodHint_namesTheHint() {
        TenantSpec spec = TenantSpec.builder().displayName("Acme").customerCode("acme")
                .hint(ChronicleTenantServiceProvisioner.HINT_AUTH_METHOD, "PASSWORD").build();
        assertEquals(ChronicleTenantServiceProvisioner.HINT_AUTH_METHOD,
                assertThrows(ValidationException.class, () -> provisioner.request(spec)).field());
    }

    @Test
    void provision_withoutProjectOrBilling_failsBeforeSending() {
        ChronicleTenantServiceProvisioner bare = ChronicleTenantServiceProvisioner.builder(env.client())
                .authMethod(AuthMethod.CLOUD_IDENTITY).build();
        assertEquals("tenantGcpProject", assertThrows(ValidationException.class, () -> bare.provision(spec("acme"))).field());
        assertEquals(0, env.api("POST", "/tenants").size());
    }

    @ParameterizedTest
    @CsvSource({"1,SIXTY_THREE_DAYS", "2,SIXTY_THREE_DAYS", "3,THREE_MONTHS", "4,SIX_MONTHS", "6,SIX_MONTHS", "7,ONE_YEAR",
            "12,ONE_YEAR", "13,THIRTEEN_MONTHS", "14,EIGHTEEN_MONTHS", "18,EIGHTEEN_MONTHS", "19,TWO_YEARS", "24,TWO_YEARS",
            "36,THREE_YEARS", "48,FOUR_YEARS", "60,FIVE_YEARS", "61,UNLIMITED", "120,UNLIMITED"})
    void retention_isTheShortestDocumentedDurationKeepingAtLeastTheMonths(int months, TenantRetentionDuration expected) {
        assertEquals(expected, ChronicleTenantServiceProvisioner.retention(months));
    }

    @Test
    void deprovision_isRefusedBecauseTheServiceHasNoDelete() {
        ProvisionedTenant t = provisioner.provision(spec("acme"));
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> provisioner.deprovision(t));
        assertTrue(e.getMessage().contains("no delete"));
        assertEquals(1, env.fake.tenantCount());
    }
}
