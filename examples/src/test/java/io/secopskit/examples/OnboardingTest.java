package io.secopskit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.carbonblack.CarbonBlackTenantProvisioner;
import io.secopskit.chronicle.CustomersClient;
import io.secopskit.chronicle.model.CreateCustomerRequest;
import io.secopskit.core.Secret;
import io.secopskit.core.http.ClientOptions;
import io.secopskit.core.http.RateLimit;
import io.secopskit.core.provisioning.BulkResult;
import io.secopskit.core.provisioning.CredentialSink;
import io.secopskit.core.provisioning.InMemoryCredentialSink;
import io.secopskit.core.provisioning.Onboarding;
import io.secopskit.core.provisioning.OnboardingResult;
import io.secopskit.core.provisioning.OnboardingResult.CredentialStatus;
import io.secopskit.core.provisioning.OnboardingResult.Outcome;
import io.secopskit.core.provisioning.Plan;
import io.secopskit.core.provisioning.PlannedAction;
import io.secopskit.core.provisioning.TenantSpec;
import io.secopskit.core.store.Binding;
import io.secopskit.core.store.JournalEntry;
import io.secopskit.servicenow.model.CiEnrichmentResult;
import io.secopskit.stellar.model.TenantRequest;
import io.secopskit.store.sqlite.SqliteProvisioningStore;
import io.secopskit.testkit.FakeTaegis;
import io.secopskit.testkit.MutableClock;
import io.secopskit.testkit.SecOpsSandbox;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnboardingTest {
    static final List<String> ORDER = List.of("chronicle", "taegis", "carbonblack", "servicenow", "stellar");
    static final TenantSpec SPEC = Onboard.demoCustomer("Acme Corp", "acme-corp");

    @TempDir
    Path dir;
    SecOpsSandbox sandbox;
    SqliteProvisioningStore store;
    InMemoryCredentialSink sink;
    Vendors vendors;

    @BeforeEach
    void setUp() {
        sandbox = SecOpsSandbox.start();
        sandbox.addServiceNowCi("Acme Corp");
        store = SqliteProvisioningStore.open(dir.resolve("secopskit.db"));
        sink = CredentialSink.inMemory();
        vendors = Vendors.sandbox(sandbox);
    }

    @AfterEach
    void tearDown() {
        store.close();
        sandbox.close();
    }

    Onboarding onboarding() {
        return Onboard.onboarding(vendors).store(store).credentialSink(sink).build();
    }

    static List<Outcome> outcomes(OnboardingResult r) {
        return r.steps().stream().map(OnboardingResult.Step::outcome).collect(Collectors.toList());
    }

    /** Every tenant (or equivalent) any fake holds for a customer code, by vendor. */
    static Map<String, Long> tenantsPerVendor(SecOpsSandbox s, String code) {
        return Map.of(
                "chronicle", (long) (s.chronicle().customer(code) == null ? 0 : 1),
                "taegis", taegisTenants(s, code),
                "carbonblack", s.carbonBlack().feeds().stream().filter(f -> f.path("feedinfo").path("name").asText()
                        .equals("secopskit-" + code)).count(),
                "servicenow", s.serviceNow().records(CiEnrichmentResult.TABLE).stream()
                        .filter(r -> r.path("u_customer_code").asText().equals(code)).count(),
                "stellar", s.stellar().tenants().stream().filter(t -> t.path("info").asText().equals("customer_code=" + code)).count());
    }

    @SuppressWarnings("unchecked")
    static long taegisTenants(SecOpsSandbox s, String code) {
        long n = 0;
        for (int id = 200000; id < 200000 + s.taegis().tenantCount() + 5; id++) {
            Map<String, Object> t = s.taegis().tenant(Integer.toString(id));
            if (t != null && ((List<Map<String, Object>>) t.get("labels")).stream()
                    .anyMatch(l -> "customer_code".equals(l.get("name")) && code.equals(l.get("value")))) {
                n++;
            }
        }
        return n;
    }

    static void assertExactlyOneEverywhere(SecOpsSandbox s, String code) {
        assertEquals(Map.of("chronicle", 1L, "taegis", 1L, "carbonblack", 1L, "servicenow", 1L, "stellar", 1L), tenantsPerVendor(s, code));
    }

    @Test
    void run_createsAtEveryVendorInDeclaredOrder_deliversChronicleCredentials_thenASecondRunFindsThroughBindings() {
        OnboardingResult first = onboarding().run(SPEC);

        assertTrue(first.succeeded(), first.toString());
        assertEquals(ORDER, first.steps().stream().map(OnboardingResult.Step::vendor).collect(Collectors.toList()));
        assertEquals(List.of(Outcome.CREATED, Outcome.CREATED, Outcome.CREATED, Outcome.CREATED, Outcome.CREATED), outcomes(first));
        assertEquals("acme-corp", first.step("chronicle").orElseThrow().tenantId(), "Chronicle's id is the customer code");
        assertEquals(CredentialStatus.DELIVERED, first.step("chronicle").orElseThrow().credentials());
        assertEquals(CredentialStatus.NOT_ISSUED, first.step("taegis").orElseThrow().credentials());
        Map<String, Secret> delivered = sink.latest("acme-corp", "chronicle").orElseThrow().credentials();
        assertEquals(List.of("BACKSTORY_API", "BIGQUERY_API", "INGESTION_API"), delivered.keySet().stream().sorted().collect(Collectors.toList()));
        assertExactlyOneEverywhere(sandbox, "acme-corp");
        for (JournalEntry e : store.journal().entries("acme-corp")) {
            for (Secret v : delivered.values()) {
                assertFalse(e.toString().contains(v.reveal()), "the journal holds no credential value");
            }
        }
        sandbox.taegis().clearJournal();

        OnboardingResult second = onboarding().run(SPEC);

        assertEquals(List.of(Outcome.FOUND, Outcome.FOUND, Outcome.FOUND, Outcome.FOUND, Outcome.FOUND), outcomes(second));
        assertExactlyOneEverywhere(sandbox, "acme-corp");
        assertEquals(first.step("stellar").orElseThrow().tenantId(), second.step("stellar").orElseThrow().tenantId());
        assertTrue(sandbox.taegis().requests().stream().noneMatch(r -> r.body().contains("labelFilter")),
                "the bound tenant is read by id, not searched by label");
    }

    @Test
    void run_whenStellarFails_reportsThatStepFailed_andARerunResumesWithoutCallingTheOthers() {
        sandbox.stellar().faults().nextCalls(1, "POST", "/connect/api/v1/tenants/")
                .respond(503, "{\"error\":\"Service Unavailable\",\"message\":\"maintenance\"}");

        OnboardingResult failed = onboarding().run(SPEC);

        assertEquals(List.of(Outcome.CREATED, Outcome.CREATED, Outcome.CREATED, Outcome.CREATED, Outcome.FAILED), outcomes(failed));
        assertTrue(failed.step("stellar").orElseThrow().error().getMessage().startsWith("[stellar.CreateTenant] HTTP 503"));
        assertEquals(1, sandbox.stellar().requests("POST", "/connect/api/v1/tenants/").size(), "a create is never resent");

        int getCustomerCalls = sandbox.chronicle().requests("GET", "/v1/partner/customer/getcustomer").size();
        OnboardingResult resumed = onboarding().run(SPEC);

        assertEquals(List.of(Outcome.RESUMED, Outcome.RESUMED, Outcome.RESUMED, Outcome.RESUMED, Outcome.CREATED), outcomes(resumed));
        assertEquals(getCustomerCalls, sandbox.chronicle().requests("GET", "/v1/partner/customer/getcustomer").size());
        assertEquals(CredentialStatus.DELIVERED_EARLIER, resumed.step("chronicle").orElseThrow().credentials());
        assertExactlyOneEverywhere(sandbox, "acme-corp");
    }

    @Test
    void run_whenTenantsWereRenamedAtTheVendors_findsThemThroughBindings_andCreatesNothing() {
        OnboardingResult first = onboarding().run(SPEC);
        vendors.taegis.tenants().rename(first.step("taegis").orElseThrow().tenantId(), "Acme Corporation (renamed)");
        vendors.stellar.tenants().update(first.step("stellar").orElseThrow().tenantId(),
                TenantRequest.builder().name("ACME renamed").info("moved to a new contract").buildForUpdate());

        OnboardingResult second = onboarding().run(SPEC);

        assertEquals(Outcome.FOUND, second.step("taegis").orElseThrow().outcome());
        assertEquals(Outcome.FOUND, second.step("stellar").orElseThrow().outcome(), "its tag is gone, its binding is not");
        assertEquals(first.step("stellar").orElseThrow().tenantId(), second.step("stellar").orElseThrow().tenantId());
        assertEquals(1, sandbox.stellar().tenants().size());
        assertEquals(1, sandbox.stellar().requests("POST", "/connect/api/v1/tenants/").size());
    }

    @Test
    void run_twoCustomersWithOneDisplayName_neverShareATenant() {
        TenantSpec twin = Onboard.demoCustomer("Acme Corp", "acme-eu");
        onboarding().run(SPEC);

        OnboardingResult clash = onboarding().run(twin);

        OnboardingResult.Step stellar = clash.step("stellar").orElseThrow();
        assertEquals(Outcome.FAILED, stellar.outcome(), "the Stellar tenant named Acme Corp belongs to acme-corp");
        assertTrue(stellar.error().getMessage().contains("hint stellar.tenant_name"), stellar.error().getMessage());
        for (String vendor : List.of("chronicle", "taegis", "carbonblack", "servicenow")) {
            OnboardingResult.Step s = clash.step(vendor).orElseThrow();
            assertEquals(Outcome.CREATED, s.outcome(), vendor);
        }

        TenantSpec named = TenantSpec.builder().displayName("Acme Corp").customerCode("acme-eu").hint("stellar.tenant_name", "Acme Corp EU")
                .build();
        assertEquals(Outcome.CREATED, onboarding().run(named).step("stellar").orElseThrow().outcome());
        assertEquals(2, sandbox.stellar().tenants().size());
        assertExactlyOneEverywhere(sandbox, "acme-corp");
        assertExactlyOneEverywhere(sandbox, "acme-eu");
    }

    @Test
    void run_adoptsTenantsCreatedBeforeBindingsExisted_fromTheirCustomerCodeTags() {
        CustomersClient chronicle = vendors.chronicle.customers();
        chronicle.create(CreateCustomerRequest.builder().customerName("Acme Corp").customerCode("acme-corp")
                .customerSubdomain("acme-corp").build());
        String taegisId = vendors.taegis.tenants().create(io.secopskit.taegis.model.TenantRequest.builder().name("Some other name")
                .parentTenantId(FakeTaegis.PARTNER_TENANT_ID).label("customer_code", "acme-corp").build()).id();
        vendors.stellar.tenants().create(TenantRequest.builder().name("Legacy Acme").info("customer_code=acme-corp").buildForCreate());

        OnboardingResult r = onboarding().run(SPEC);

        assertEquals(List.of(Outcome.FOUND, Outcome.FOUND, Outcome.CREATED, Outcome.CREATED, Outcome.FOUND), outcomes(r));
        assertEquals(taegisId, r.step("taegis").orElseThrow().tenantId());
        assertEquals(Binding.Origin.ADOPTED, store.bindings().get("acme-corp", "taegis").orElseThrow().origin());
        assertEquals(CredentialStatus.DELIVERED, r.step("chronicle").orElseThrow().credentials(),
                "Chronicle's credentials are read back and delivered");
        assertExactlyOneEverywhere(sandbox, "acme-corp");
    }

    @Test
    void find_whenGetCustomerCarriesNoCredentials_readsThemFromListCustomers() {
        vendors.chronicle.customers().create(CreateCustomerRequest.builder().customerName("Acme Corp").customerCode("acme-corp")
                .customerSubdomain("acme-corp").build());
        String stored = sandbox.chronicle().customer("acme-corp").path("credentials").path(0).path("credential").asText();
        sandbox.chronicle().faults().nextCalls(1, "GET", "/v1/partner/customer/getcustomer").respond(200,
                "{\"customerCode\":\"acme-corp\",\"customerId\":\"1GVjfYUMQ/Gjzkv2/jvz3w==\",\"customerName\":\"Acme Corp\","
                        + "\"customerSubdomains\":[\"acme-corp\"],\"forwarders\":[],\"id\":\"a216c252\",\"retentionDuration\":\"ONE_YEAR\"}");

        OnboardingResult r = Onboarding.builder().step(io.secopskit.chronicle.ChronicleTenantProvisioner.legacy(vendors.chronicle))
                .store(store).credentialSink(sink).build().run(SPEC);

        assertEquals(Outcome.FOUND, r.steps().get(0).outcome());
        assertEquals(1, sandbox.chronicle().requests("GET", "/v1/partner/customer/listcustomers").size());
        assertEquals(stored, sink.latest("acme-corp", "chronicle").orElseThrow().credentials().get("BACKSTORY_API").reveal());
    }

    @Test
    void runAll_whenChroniclesDailyQuotaIsUsedUp_defersTheRestWithNothingSent_andTheNextDayResumesThem() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-02T08:00:00Z"));
        Vendors limited = Vendors.sandbox(Vendors.SandboxAddresses.of(sandbox), ClientOptions.builder().clock(clock)
                .rateLimit(RateLimit.perDay(CustomersClient.CREATE_CUSTOMER_LIMIT, 1)).build());
        for (String name : List.of("Customer 1", "Customer 2", "Customer 3")) {
            sandbox.addServiceNowCi(name);
        }
        List<TenantSpec> customers = List.of(Onboard.demoCustomer("Customer 1", "cust-1"), Onboard.demoCustomer("Customer 2", "cust-2"),
                Onboard.demoCustomer("Customer 3", "cust-3"));
        Onboarding onboarding = Onboard.onboarding(limited).store(store).credentialSink(sink).clock(clock).build();

        BulkResult first = onboarding.runAll(customers, 2, null);

        assertEquals(1, sandbox.chronicle().requests("POST", "/v1/partner/customer/createcustomer").size(),
                "the SDK's quota: one create sent, the others refused before sending");
        assertEquals(2, first.deferred().size());
        for (String code : first.deferred()) {
            OnboardingResult.Step s = first.runs().stream().filter(x -> x.customerCode().equals(code)).findFirst().orElseThrow().result()
                    .step("chronicle").orElseThrow();
            assertEquals(Outcome.DEFERRED, s.outcome());
            assertTrue(s.resetsAt().isAfter(clock.instant()), s.resetsAt().toString());
        }
        assertEquals(2, store.deferrals().all().size());

        clock.advance(Duration.ofHours(25));
        BulkResult nextDay = onboarding.resumeDeferred(2, null);

        assertEquals(1, nextDay.succeeded().size(), "one create a day: one deferred customer completes");
        assertEquals(1, nextDay.deferred().size(), "the other waits for the next day again");
        assertEquals(2, sandbox.chronicle().customerCount());

        clock.advance(Duration.ofHours(25));
        BulkResult dayAfter = onboarding.resumeDeferred(2, null);

        assertEquals(1, dayAfter.succeeded().size());
        assertEquals(3, sandbox.chronicle().customerCount());
        assertEquals(3, sandbox.chronicle().requests("POST", "/v1/partner/customer/createcustomer").size());
        assertTrue(store.deferrals().all().isEmpty());
        for (TenantSpec c : customers) {
            assertExactlyOneEverywhere(sandbox, c.customerCode());
        }
    }

    @Test
    void run_whenChronicleAnswersResourceExhausted_defers() {
        sandbox.chronicle().createCustomerQuota(0);

        OnboardingResult r = onboarding().run(SPEC);

        OnboardingResult.Step s = r.step("chronicle").orElseThrow();
        assertEquals(Outcome.DEFERRED, s.outcome(), s.toString());
        assertTrue(store.deferrals().get("acme-corp").isPresent());
        assertEquals(Outcome.CREATED, r.step("taegis").orElseThrow().outcome());
    }

    @Test
    void plan_readsOnly_namesOperationAndHost_andSaysChronicleCannotBeUndone() {
        Plan plan = onboarding().plan(SPEC);

        assertEquals(List.of("chronicle.CreateCustomer", "taegis.createTenant", "carbonblack.CreateFeed", "servicenow.postCiEnrichment",
                "stellar.CreateTenant"), plan.writes().stream().map(PlannedAction::operation).collect(Collectors.toList()));
        PlannedAction chronicle = plan.actions().get(0);
        assertEquals(sandbox.chronicle().baseUri().getHost(), chronicle.host());
        assertTrue(chronicle.irreversible());
        assertTrue(chronicle.note().contains("has no delete"), chronicle.note());
        assertEquals(0, sandbox.chronicle().requests("POST", "/v1/partner/customer/createcustomer").size());
        assertEquals(0, sandbox.stellar().requests("POST", "/connect/api/v1/tenants/").size());
        assertEquals(0, sandbox.carbonBlack().feeds().size());
        assertEquals(1, sandbox.taegis().tenantCount(), "only the partner tenant");
    }

    @Test
    void carbonBlackKeyWithoutFeedAccess_failsItsStepWithTheAccessExplanation() {
        Onboarding wrongKey = Onboarding.builder()
                .step(new CarbonBlackTenantProvisioner(io.secopskit.carbonblack.CarbonBlackClient.builder()
                        .endpoint(sandbox.carbonBlack().defenseUri()).apiEndpoint(sandbox.carbonBlack().apiUri())
                        .apiKey("NOPE", Secret.of("NOPE")).orgKey(SecOpsSandbox.CARBON_BLACK_ORG_KEY).build()))
                .store(store).build();

        String message = wrongKey.run(SPEC).step("carbonblack").orElseThrow().error().getMessage();

        assertTrue(message.contains("CB-TH (/threathunter)"), message);
    }

    @Test
    void main_withARealConfigButNoCustomer_printsOneLineExits2AndSendsNothing() throws Exception {
        Path config = Files.writeString(dir.resolve("real.properties"), "taegis.region=US1\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Onboard.run(new String[] {config.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(2, code);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().collect(Collectors.toList());
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("onboard: no customer named"), lines.get(0));
    }

    @Test
    void print_namesCredentialsButNeverShowsTheirValues() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        OnboardingResult r = onboarding().run(SPEC);
        Onboard.print(new PrintStream(buf, true, StandardCharsets.UTF_8), "t", r, Map.of());
        String printed = buf.toString(StandardCharsets.UTF_8);
        for (Secret v : r.step("chronicle").orElseThrow().tenant().secrets().values()) {
            assertFalse(printed.contains(v.reveal()));
        }
        assertEquals(3, r.step("chronicle").orElseThrow().tenant().secrets().size());
        assertTrue(printed.contains("chronicle returned 3 credentials"), printed);
    }
}
