package io.secopskit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.secopskit.carbonblack.CarbonBlackClient;
import io.secopskit.carbonblack.CarbonBlackTenantOffboarder;
import io.secopskit.core.Secret;
import io.secopskit.core.http.ClientOptions;
import io.secopskit.core.http.RateLimit;
import io.secopskit.chronicle.CustomersClient;
import io.secopskit.core.provisioning.CredentialSink;
import io.secopskit.core.provisioning.InMemoryCredentialSink;
import io.secopskit.core.provisioning.Offboarding;
import io.secopskit.core.provisioning.OffboardingRequest;
import io.secopskit.core.provisioning.OffboardingRequest.Mode;
import io.secopskit.core.provisioning.OffboardingResult;
import io.secopskit.core.provisioning.OffboardingResult.Outcome;
import io.secopskit.core.provisioning.OffboardingResult.Status;
import io.secopskit.core.provisioning.Plan;
import io.secopskit.core.provisioning.PlannedAction;
import io.secopskit.core.provisioning.RequestIdRecorder;
import io.secopskit.core.provisioning.TenantSpec;
import io.secopskit.core.store.Binding;
import io.secopskit.core.store.EvidenceEntry;
import io.secopskit.store.sqlite.SqliteProvisioningStore;
import io.secopskit.taegis.model.SsoConnectionRequest;
import io.secopskit.taegis.model.SsoConnectionType;
import io.secopskit.testkit.MutableClock;
import io.secopskit.testkit.SecOpsSandbox;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Offboarding against the five strict vendor fakes with the SQLite store: the exact requests per vendor and phase,
 * dry runs, restore, the purge on an injected clock, isolation between customers, refusal, evidence.
 */
class OffboardingSandboxTest {
    static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");
    static final Duration GRACE = Duration.ofDays(30);
    static final List<String> CODES = List.of("acme", "acme-corp", "initech-1", "initech-2");

    @TempDir
    Path dir;
    SecOpsSandbox sandbox;
    SqliteProvisioningStore store;
    InMemoryCredentialSink sink;
    Vendors vendors;
    MutableClock clock;
    final Map<String, String> sso = new LinkedHashMap<>();

    static TenantSpec spec(String code) {
        String name = switch (code) {
            case "acme" -> "Acme";
            case "acme-corp" -> "Acme Corp";
            default -> "Initech"; // two customers, one display name
        };
        return Onboard.demoCustomer(name, code);
    }

    static ClientOptions options() {
        return RequestIdRecorder.install(ClientOptions.builder().rateLimit(RateLimit.perDay(CustomersClient.CREATE_CUSTOMER_LIMIT,
                100_000))).build();
    }

    @BeforeEach
    void setUp() {
        sandbox = SecOpsSandbox.start();
        sandbox.stellar().allowDuplicateTenantNames(true); // the two Initech customers get a tenant each, by tag
        List.of("Acme", "Acme Corp", "Initech").forEach(sandbox::addServiceNowCi);
        store = SqliteProvisioningStore.open(dir.resolve("secopskit.db"));
        sink = CredentialSink.inMemory();
        vendors = Vendors.sandbox(Vendors.SandboxAddresses.of(sandbox), options());
        clock = new MutableClock(T0);
        for (String code : CODES) {
            assertTrue(Onboard.onboarding(vendors).store(store).credentialSink(sink).build().run(spec(code)).succeeded(), code);
            String taegis = store.bindings().get(code, "taegis").orElseThrow().tenantId();
            vendors.taegis.tenants().enableSupport(taegis);
            sso.put(code, vendors.taegis.sso(taegis).create(SsoConnectionRequest.builder().name(code + " SSO")
                    .type(SsoConnectionType.SAML).domains(List.of(code + ".example")).build()).id());
        }
        FakeTraffic.clear(sandbox);
    }

    @AfterEach
    void tearDown() {
        store.close();
        sandbox.close();
    }

    Offboarding offboarding() {
        return Offboard.offboarding(vendors).store(store).credentialSink(sink).operator("ops@mssp.example").gracePeriod(GRACE)
                .clock(clock).build();
    }

    static OffboardingRequest request(String code, Mode mode, boolean yes) {
        return OffboardingRequest.builder(code).reason("contract ended").approver("lead@mssp.example").mode(mode).confirmed(yes).build();
    }

    Map<String, String> snapshots(String except) {
        Map<String, String> out = new TreeMap<>();
        for (String code : CODES) {
            if (!code.equals(except)) {
                out.put(code, FakeTraffic.snapshot(sandbox, store, code, sso.get(code)));
            }
        }
        return out;
    }

    /** Writes and reads since the last call, printed as a table row for the README and the report. */
    Map<String, Long> phase(String name, StringBuilder table) {
        Map<String, Long> writes = FakeTraffic.writes(sandbox);
        Map<String, Long> reads = FakeTraffic.reads(sandbox);
        table.append(String.format("| %-28s | %-70s | %s |%n", name, writes.isEmpty() ? "none" : writes.toString(), reads));
        FakeTraffic.clear(sandbox);
        return writes;
    }

    @Test
    void offboard_requestsPerVendorAndPhase_dryRunSuspendRestorePurge_areExactly() throws Exception {
        StringBuilder table = new StringBuilder();
        Map<String, String> others = snapshots("acme");
        String taegisId = store.bindings().get("acme", "taegis").orElseThrow().tenantId();
        Map<String, Object> taegisBefore = FakeTraffic.withoutUpdateTimes(sandbox.taegis().tenant(taegisId));
        JsonNode chronicleBefore = sandbox.chronicle().customer("acme");

        Plan dry = offboarding().plan(request("acme", Mode.SUSPEND, false));
        assertEquals(List.of("chronicle SUSPEND", "taegis SUSPEND", "carbonblack CANNOT", "servicenow CANNOT", "stellar CANNOT"),
                dry.actions().stream().map(a -> a.vendor() + " " + a.action()).collect(Collectors.toList()));
        assertEquals(Map.of(), phase("dry run (SUSPEND)", table), "a dry run sends no write");
        Plan dryNow = offboarding().plan(request("acme", Mode.REMOVE_NOW, false));
        assertEquals(6, dryNow.writes().size(), "chronicle 1, taegis 2, carbonblack 1, servicenow 1, stellar 1");
        assertTrue(dryNow.actions().stream().filter(a -> a.action() == PlannedAction.Action.REMOVE).allMatch(PlannedAction::irreversible));
        assertEquals(Map.of(), phase("dry run (REMOVE_NOW)", table));

        OffboardingResult suspended = offboarding().run(request("acme", Mode.SUSPEND, true));
        assertEquals(Status.DONE, suspended.status(), suspended.toString());
        assertEquals(Map.of("chronicle setuistate:state", 1L, "taegis updateTenant", 1L, "taegis disableTenantSupport", 1L),
                phase("suspend", table));
        assertFalse(sandbox.chronicle().customer("acme").path("ui_enabled").asBoolean());
        assertEquals(false, sandbox.taegis().tenant(taegisId).get("enabled"));
        assertEquals(false, sandbox.taegis().tenant(taegisId).get("support_enabled"));

        OffboardingResult restored = offboarding().restore(request("acme", Mode.SUSPEND, true));
        assertEquals(Status.DONE, restored.status(), restored.toString());
        assertEquals(Map.of("chronicle setuistate:state", 1L, "taegis updateTenant", 1L, "taegis enableTenantSupport", 1L),
                phase("restore", table));
        assertEquals(taegisBefore, FakeTraffic.withoutUpdateTimes(sandbox.taegis().tenant(taegisId)),
                "Taegis: the tenant equals its state before the suspend (environments and support)");
        assertEquals(chronicleBefore, sandbox.chronicle().customer("acme"), "Chronicle: UI on again");
        assertTrue(store.bindings().forCustomer("acme").stream().allMatch(b -> b.state() == Binding.State.ACTIVE));

        clock.set(T0.plus(Duration.ofDays(1)));
        offboarding().run(request("acme", Mode.SUSPEND, true));
        phase("suspend again", table);
        Instant suspendedAt = T0.plus(Duration.ofDays(1));

        clock.set(suspendedAt.plus(GRACE).minusSeconds(1));
        OffboardingResult early = offboarding().run(request("acme", Mode.REMOVE_AFTER_GRACE, true));
        assertEquals(Map.of(), phase("purge at grace - 1 s", table), "0 removals before the grace period ends");
        assertEquals(Outcome.WAITING, early.step("stellar").orElseThrow().outcome());

        clock.set(suspendedAt.plus(GRACE));
        offboarding().run(request("acme", Mode.SUSPEND, true));
        assertEquals(Map.of(), phase("at grace, no removal option", table), "0 removals without the explicit option");

        store.close();
        store = SqliteProvisioningStore.open(dir.resolve("secopskit.db")); // a restart
        OffboardingResult purged = offboarding().run(request("acme", Mode.REMOVE_AFTER_GRACE, true));
        assertEquals(Status.DONE, purged.status(), purged.toString());
        assertEquals(Map.of("taegis deleteSSOConnection", 1L, "carbonblack DELETE /threathunter/feedmgr/v2/feeds/{id}", 1L,
                "servicenow DELETE table/sn_sec_cmn_ci_enrichment_result/{sys_id}", 1L, "stellar DELETE /tenants/{id}", 1L),
                phase("purge at grace (after restart)", table), "exactly one removal per removable vendor");
        assertEquals(3, purged.manualRevocations().size(), "Chronicle's three credential ids, for revocation with Google");
        assertTrue(purged.manualRevocations().stream().allMatch(m -> m.vendor().equals("chronicle") && m.type() != null));
        assertEquals("FORGOTTEN", purged.credentials().substring(0, purged.credentials().indexOf(':')));
        assertTrue(sink.latest("acme", "chronicle").isEmpty());
        assertTrue(sink.latest("acme-corp", "chronicle").isPresent());
        assertEquals(false, sandbox.taegis().tenant(taegisId).get("enabled"), "Taegis has no delete: the tenant stays disabled");
        assertEquals(null, sandbox.taegis().ssoConnection(sso.get("acme")));
        assertTrue(store.bindings().forCustomer("acme").stream().allMatch(b -> b.state() == Binding.State.REMOVED));

        offboarding().run(request("acme", Mode.REMOVE_AFTER_GRACE, true));
        assertEquals(Map.of(), phase("purge again", table), "nothing is removed twice");

        assertEquals(others, snapshots("acme"), "every other customer's state at every fake is unchanged");

        List<EvidenceEntry> evidence = offboarding().evidence("acme");
        List<EvidenceEntry> writes = evidence.stream().filter(e -> e.kind() == EvidenceEntry.Kind.WRITE).collect(Collectors.toList());
        assertEquals(3 + 3 + 3 + 4, writes.size(), "one evidence entry per write the fakes received");
        assertTrue(writes.stream().allMatch(e -> "DONE".equals(e.outcome()) && e.operator().equals("ops@mssp.example")));
        assertTrue(writes.stream().filter(e -> e.vendor().equals("servicenow")).allMatch(e -> e.requestId().matches("[0-9a-f]{12}")),
                "ServiceNow answers with an X-Transaction-ID");
        assertTrue(writes.stream().filter(e -> !e.vendor().equals("servicenow"))
                .allMatch(e -> e.requestId().equals(EvidenceEntry.NONE_RETURNED)), writes.toString());
        String json = offboarding().exportEvidence("acme");
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(Offboarding.evidenceSchema());
        var errors = schema.validate(new ObjectMapper().readTree(json));
        assertTrue(errors.isEmpty(), errors.toString());
        for (String secret : List.of(SecOpsSandbox.TAEGIS_CLIENT_SECRET, SecOpsSandbox.CARBON_BLACK_API_SECRET,
                SecOpsSandbox.SERVICENOW_PASSWORD, SecOpsSandbox.STELLAR_API_KEY)) {
            assertFalse(json.contains(secret), secret);
        }
        for (JsonNode c : sandbox.chronicle().customer("acme").path("credentials")) {
            assertFalse(json.contains(c.path("credential").asText()), "no Chronicle credential value in the evidence");
            assertTrue(json.contains(c.path("id").asText()), "its id is listed for manual revocation");
        }
        System.out.println("Requests per vendor and phase (customer acme; reads in the last column)\n" + table);
    }

    @Test
    void offboard_oneCustomer_leavesEveryOtherCustomerUnchangedAtEveryFake_alsoWithTheSameDisplayName() {
        Map<String, String> before = snapshots("initech-1");
        assertTrue(FakeTraffic.snapshot(sandbox, store, "initech-2", sso.get("initech-2")).contains("Initech"));

        OffboardingResult r = offboarding().run(request("initech-1", Mode.REMOVE_NOW, true));

        assertEquals(Status.DONE, r.status(), r.toString());
        assertEquals(before, snapshots("initech-1"), "initech-2 (same display name), acme and acme-corp are untouched");
        assertEquals(0, OnboardingTest.tenantsPerVendor(sandbox, "initech-1").get("stellar"));
        assertEquals(1, OnboardingTest.tenantsPerVendor(sandbox, "initech-2").get("stellar"));

        Map<String, String> beforeAcme = snapshots("acme");
        offboarding().run(request("acme", Mode.REMOVE_NOW, true));
        assertEquals(beforeAcme, snapshots("acme"), "acme-corp untouched when acme is offboarded");
    }

    @Test
    void offboard_whenABindingPointsAtAnotherCustomersTaggedTenant_sendsNoWriteAnywhere_andReports() {
        String acmeCorpStellar = store.bindings().get("acme-corp", "stellar").orElseThrow().tenantId();
        store.bindings().put(new Binding("acme", "stellar", acmeCorpStellar, Binding.State.ACTIVE, Binding.Origin.CREATED, T0, T0));
        Map<String, String> before = snapshots("nobody");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();

        int exit = Offboard.execute(offboarding(), new Offboard.Options(request("acme", Mode.REMOVE_NOW, true), false, "ops", GRACE, null),
                new PrintStream(buf, true, StandardCharsets.UTF_8));

        String out = buf.toString(StandardCharsets.UTF_8);
        assertEquals(Offboard.REFUSED, exit, out);
        assertEquals(Map.of(), FakeTraffic.writes(sandbox), "0 writes at every fake");
        assertEquals(before, snapshots("nobody"));
        assertTrue(out.contains("stellar: the bound tenant id " + acmeCorpStellar + " carries the customer code 'acme-corp', not 'acme'"),
                out);
        assertTrue(out.contains("Result: REFUSED, 0 vendor writes"), out);
    }

    @Test
    void carbonBlack_withTheDocumentsLeastPrivilegeKey_removalFailsNamingThePermissionItNeeds() {
        CarbonBlackClient docKey = CarbonBlackClient.builder().endpoint(sandbox.carbonBlack().defenseUri())
                .apiEndpoint(sandbox.carbonBlack().apiUri()).options(options())
                .apiKey(SecOpsSandbox.CARBON_BLACK_DOC_EXAMPLE_API_ID, Secret.of(SecOpsSandbox.CARBON_BLACK_DOC_EXAMPLE_API_SECRET))
                .orgKey(SecOpsSandbox.CARBON_BLACK_ORG_KEY).build();
        Offboarding off = Offboarding.builder().step(new CarbonBlackTenantOffboarder(docKey)).store(store).operator("ops").clock(clock)
                .build();

        OffboardingResult r = off.run(request("acme", Mode.REMOVE_NOW, true));

        OffboardingResult.Step step = r.step("carbonblack").orElseThrow();
        assertEquals(Status.INCOMPLETE, r.status());
        assertEquals(Outcome.FAILED, step.outcome());
        assertTrue(step.error().getMessage().contains("threathunter.feeds permission and its Delete operation"), step.error().getMessage());
        assertEquals(1, OnboardingTest.tenantsPerVendor(sandbox, "acme").get("carbonblack"), "the feed is still there");
        assertEquals(Binding.State.SUSPENDED, store.bindings().get("acme", "carbonblack").orElseThrow().state());
        EvidenceEntry failed = off.evidence("acme").stream().filter(e -> e.kind() == EvidenceEntry.Kind.WRITE).findFirst().orElseThrow();
        assertEquals("FAILED", failed.outcome());
        assertNotEquals(null, failed.detail(EvidenceEntry.DETAIL_ERROR));
    }

    @Test
    void offboardExample_isADryRunByDefault_printsOneLinePerStep_andNoSecret() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        Offboarding off = Offboard.offboarding(vendors).store(store).credentialSink(sink).operator("ops").gracePeriod(GRACE).clock(clock)
                .listener(Offboard.printer(out)).build();
        ByteArrayOutputStream errBuf = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(errBuf, true, StandardCharsets.UTF_8);

        Offboard.Options dry = Offboard.options(Map.of("--customer-code", "acme", "--remove-now", "true"), null, err);
        assertEquals(Offboard.OK, Offboard.execute(off, dry, out));
        assertEquals(Map.of(), FakeTraffic.writes(sandbox));
        assertTrue(buf.toString(StandardCharsets.UTF_8).contains("Dry run: nothing was written (6 planned writes)"));

        assertEquals(null, Offboard.options(Map.of("--customer-code", "acme", "--yes", "true"), "ops", err));
        assertEquals(null, Offboard.options(Map.of("--customer-code", "acme", "--restore", "true", "--remove-now", "true"), "ops", err));
        assertEquals(null, Offboard.options(Map.of("--yes", "true"), "ops", err));
        assertEquals(3, errBuf.toString(StandardCharsets.UTF_8).lines().count(), "one line per usage error");

        buf.reset();
        Offboard.Options yes = Offboard.options(Map.of("--customer-code", "acme", "--yes", "true", "--reason", "churn"), "ops@mssp", err);
        assertEquals(Offboard.OK, Offboard.execute(off, yes, out));
        List<String> stepLines = buf.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("  + ")).collect(Collectors.toList());
        assertEquals(5, stepLines.size(), buf.toString(StandardCharsets.UTF_8));
        assertTrue(stepLines.get(1).startsWith("  + taegis SUSPEND DONE tenant "), stepLines.get(1));
        String all = buf.toString(StandardCharsets.UTF_8);
        for (String secret : List.of(SecOpsSandbox.TAEGIS_CLIENT_SECRET, SecOpsSandbox.CARBON_BLACK_API_SECRET,
                SecOpsSandbox.SERVICENOW_PASSWORD, SecOpsSandbox.STELLAR_API_KEY)) {
            assertFalse(all.contains(secret));
        }
    }
}
