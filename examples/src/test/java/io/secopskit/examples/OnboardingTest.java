package io.secopskit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.carbonblack.CarbonBlackTenantProvisioner;
import io.secopskit.core.Secret;
import io.secopskit.core.provisioning.Onboarding;
import io.secopskit.core.provisioning.OnboardingJournal;
import io.secopskit.core.provisioning.OnboardingResult;
import io.secopskit.core.provisioning.OnboardingResult.Outcome;
import io.secopskit.core.provisioning.TenantSpec;
import io.secopskit.servicenow.model.CiEnrichmentResult;
import io.secopskit.testkit.FakeTaegis;
import io.secopskit.testkit.SecOpsSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnboardingTest {
    private static final List<String> ORDER = List.of("chronicle", "taegis", "carbonblack", "servicenow", "stellar");
    private static final TenantSpec SPEC = TenantSpec.builder().displayName("Acme Corp").customerCode("acme-corp")
            .contact("Jo Doe", "soc@acme.example").label("tier", "gold").hint("taegis.environment", "echo").build();

    @TempDir
    Path dir;
    private SecOpsSandbox sandbox;
    private Path journalFile;
    private Onboarding onboarding;

    @BeforeEach
    void setUp() {
        sandbox = SecOpsSandbox.start();
        sandbox.addServiceNowCi("Acme Corp");
        journalFile = dir.resolve("journal.json");
        onboarding = Onboard.onboarding(Vendors.sandbox(sandbox), OnboardingJournal.jsonFile(journalFile));
    }

    @AfterEach
    void tearDown() {
        sandbox.close();
    }

    private static List<Outcome> outcomes(OnboardingResult r) {
        return r.steps().stream().map(OnboardingResult.Step::outcome).collect(Collectors.toList());
    }

    /** Asserts that each vendor holds exactly one tenant (or equivalent) for the customer. */
    @SuppressWarnings("unchecked")
    private void assertExactlyOneTenantEverywhere() {
        assertEquals(1, sandbox.chronicle().customerCount());
        assertEquals("Acme Corp", sandbox.chronicle().customer("acme-corp").get("customer_name").asText());
        assertEquals(2, sandbox.taegis().tenantCount(), "the partner and one child");
        Map<String, Object> child = sandbox.taegis().tenant("200000");
        assertEquals("Acme Corp", child.get("name"));
        assertEquals(FakeTaegis.PARTNER_TENANT_ID, child.get("parent"));
        assertTrue(((List<Map<String, Object>>) child.get("labels")).stream()
                .anyMatch(l -> "customer_code".equals(l.get("name")) && "acme-corp".equals(l.get("value"))));
        assertEquals(List.of("secopskit-acme-corp"), sandbox.carbonBlack().feeds().stream()
                .map(f -> f.path("feedinfo").path("name").asText()).collect(Collectors.toList()));
        assertEquals(1, sandbox.serviceNow().records(CiEnrichmentResult.TABLE).size());
        assertEquals("acme-corp", sandbox.serviceNow().records(CiEnrichmentResult.TABLE).get(0).path("u_customer_code").asText());
        assertEquals(List.of("Acme Corp"), sandbox.stellar().tenants().stream().map(t -> t.path("cust_name").asText())
                .collect(Collectors.toList()));
    }

    @Test
    void onboarding_createsInEveryVendor_thenASecondRunFindsEverythingAndCreatesNothing() {
        OnboardingResult first = onboarding.run(SPEC);

        assertTrue(first.succeeded());
        assertEquals(ORDER, first.steps().stream().map(OnboardingResult.Step::vendor).collect(Collectors.toList()));
        assertEquals(List.of(Outcome.CREATED, Outcome.CREATED, Outcome.CREATED, Outcome.CREATED, Outcome.CREATED), outcomes(first));
        assertEquals(3, first.step("chronicle").orElseThrow().tenant().secrets().size(), "Chronicle credentials come back");
        assertExactlyOneTenantEverywhere();
        assertFalse(Files.exists(journalFile) && readJournal().contains("acme-corp"), "a finished run leaves no journal entry");

        OnboardingResult second = onboarding.run(SPEC);

        assertEquals(List.of(Outcome.FOUND, Outcome.FOUND, Outcome.FOUND, Outcome.FOUND, Outcome.FOUND), outcomes(second));
        assertEquals(first.step("stellar").orElseThrow().tenantId(), second.step("stellar").orElseThrow().tenantId());
        assertExactlyOneTenantEverywhere();
    }

    @Test
    void faultAtStellar_failsThatStepClearly_andARerunResumesThereWithoutDuplicates() {
        sandbox.stellar().faults().nextCalls(1, "POST", "/connect/api/v1/tenants/")
                .respond(503, "{\"error\":\"Service Unavailable\",\"message\":\"maintenance\"}");

        OnboardingResult failed = onboarding.run(SPEC);

        assertFalse(failed.succeeded());
        assertEquals(List.of(Outcome.CREATED, Outcome.CREATED, Outcome.CREATED, Outcome.CREATED, Outcome.FAILED), outcomes(failed));
        RuntimeException error = failed.step("stellar").orElseThrow().failure().orElseThrow();
        assertTrue(error.getMessage().startsWith("[stellar.CreateTenant] HTTP 503"), error.getMessage());
        assertEquals(1, sandbox.stellar().requests("POST", "/connect/api/v1/tenants/").size(), "a create is never retried");
        assertTrue(sandbox.stellar().tenants().isEmpty());
        String journal = readJournal();
        for (String vendor : List.of("chronicle", "taegis", "carbonblack", "servicenow")) {
            assertTrue(journal.contains("\"" + vendor + "\""), journal);
        }
        assertFalse(journal.contains("\"stellar\""), journal);
        for (Secret credential : failed.step("chronicle").orElseThrow().tenant().secrets().values()) {
            assertFalse(journal.contains(credential.reveal()), "the journal holds no secret value");
        }

        OnboardingResult resumed = onboarding.run(SPEC);

        assertTrue(resumed.succeeded());
        assertEquals(List.of(Outcome.RESUMED, Outcome.RESUMED, Outcome.RESUMED, Outcome.RESUMED, Outcome.CREATED), outcomes(resumed));
        assertEquals(1, sandbox.chronicle().requests("GET", "/v1/partner/customer/getcustomer").size(),
                "resumed steps are not called again");
        assertExactlyOneTenantEverywhere();
    }

    @Test
    void carbonBlackKeyWithoutFeedAccess_failsItsStepWithTheAccessExplanation() {
        Onboarding withWrongKey = Onboarding.builder()
                .step(new CarbonBlackTenantProvisioner(io.secopskit.carbonblack.CarbonBlackClient.builder()
                        .defenseEndpoint(sandbox.carbonBlack().defenseUri()).apiEndpoint(sandbox.carbonBlack().apiUri())
                        .apiKey("NOPE", Secret.of("NOPE")).orgKey(SecOpsSandbox.CARBON_BLACK_ORG_KEY).build()))
                .build();

        OnboardingResult r = withWrongKey.run(SPEC);

        String message = r.step("carbonblack").orElseThrow().failure().orElseThrow().getMessage();
        assertTrue(message.contains("CB-TH (/threathunter)"), message);
    }

    private String readJournal() {
        try {
            return Files.exists(journalFile) ? Files.readString(journalFile) : "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
