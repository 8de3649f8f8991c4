package io.secopskit.core.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.LogCapture;
import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.QuotaExhaustedException;
import io.secopskit.core.error.RateLimitedException;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.error.TransportException;
import io.secopskit.core.provisioning.OnboardingResult.CredentialStatus;
import io.secopskit.core.provisioning.OnboardingResult.Outcome;
import io.secopskit.core.store.Binding;
import io.secopskit.core.store.JournalEntry;
import io.secopskit.core.store.JournalEntry.Event;
import io.secopskit.core.store.ProvisioningStore;
import io.secopskit.core.store.StoreCorruptedException;
import io.secopskit.core.store.StoreException;
import io.secopskit.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OnboardingTest {
    static final TenantSpec ACME = TenantSpec.builder().displayName("Acme").customerCode("acme").build();
    static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");

    MutableClock clock;
    FakeProvisioner chronicle;
    FakeProvisioner taegis;
    FaultyStore store;
    InMemoryCredentialSink sink;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(T0);
        chronicle = new FakeProvisioner("chronicle", true);
        taegis = new FakeProvisioner("taegis", false);
        store = new FaultyStore(ProvisioningStore.inMemory());
        sink = CredentialSink.inMemory();
    }

    Onboarding.Builder builder() {
        return Onboarding.builder().step(chronicle).step(taegis).store(store).credentialSink(sink).clock(clock)
                .sleeper(clock::advance).lockTimeout(Duration.ofSeconds(5));
    }

    static List<Outcome> outcomes(OnboardingResult r) {
        return r.steps().stream().map(OnboardingResult.Step::outcome).collect(Collectors.toList());
    }

    List<Event> events(String vendor) {
        return store.inner.journal().entries("acme").stream().filter(e -> vendor.equals(e.vendor())).map(JournalEntry::event)
                .collect(Collectors.toList());
    }

    @Test
    void run_whenNothingExists_createsOnceDeliversCredentialsAndBinds_thenASecondRunFindsThroughTheBinding() {
        OnboardingResult first = builder().build().run(ACME);

        assertTrue(first.succeeded());
        assertEquals(List.of(Outcome.CREATED, Outcome.CREATED), outcomes(first));
        OnboardingResult.Step c = first.step("chronicle").orElseThrow();
        assertEquals(CredentialStatus.DELIVERED, c.credentials());
        assertEquals(CredentialStatus.NOT_ISSUED, first.step("taegis").orElseThrow().credentials());
        assertEquals(FakeProvisioner.secretOf("chronicle", "chronicle-1"),
                sink.latest("acme", "chronicle").orElseThrow().credentials().get("api_key").reveal());
        assertEquals("chronicle-1", store.bindings().get("acme", "chronicle").orElseThrow().tenantId());
        assertEquals(Binding.Origin.CREATED, store.bindings().get("acme", "chronicle").orElseThrow().origin());
        assertEquals(List.of(Event.CREATE_STARTED, Event.CREATED), events("chronicle"));
        JournalEntry created = store.journal().entries("acme").stream().filter(e -> e.event() == Event.CREATED
                && "chronicle".equals(e.vendor())).findFirst().orElseThrow();
        assertEquals("api_key", created.detail(JournalEntry.DETAIL_CREDENTIALS_ISSUED));
        assertEquals("memory", created.detail(JournalEntry.DETAIL_CREDENTIALS_SINK));
        assertEquals(T0.toString(), created.detail(JournalEntry.DETAIL_CREDENTIALS_DELIVERED_AT));

        OnboardingResult second = builder().build().run(ACME);

        assertEquals(List.of(Outcome.FOUND, Outcome.FOUND), outcomes(second));
        assertEquals(1, chronicle.creates.get());
        assertEquals(1, taegis.creates.get());
        assertEquals(1, chronicle.count("findBound"), "the binding is consulted, not a vendor search");
        assertEquals(1, chronicle.count("find"), "only the first run searched the vendor");
        OnboardingResult.Step again = second.step("chronicle").orElseThrow();
        assertEquals(CredentialStatus.DELIVERED_EARLIER, again.credentials());
        assertTrue(again.note().contains("delivered to memory at " + T0), again.note());
    }

    @Test
    void run_whenTheTagWasRemovedAtTheVendor_findsTheTenantThroughTheBindingAndNeverCreatesASecond() {
        builder().build().run(ACME);
        taegis.tagById.put("taegis-1", "");

        OnboardingResult r = builder().build().run(ACME);

        assertEquals(Outcome.FOUND, r.step("taegis").orElseThrow().outcome());
        assertEquals("taegis-1", r.step("taegis").orElseThrow().tenantId());
        assertEquals(1, taegis.creates.get());
        assertEquals(1, taegis.count("find"), "the second run did not search by tag");
    }

    @Test
    void run_whenTheBoundTenantCarriesAnotherCustomersCode_failsWithoutWriting() {
        builder().build().run(ACME);
        taegis.tagById.put("taegis-1", "globex");

        OnboardingResult r = builder().build().run(ACME);

        OnboardingResult.Step s = r.step("taegis").orElseThrow();
        assertEquals(Outcome.FAILED, s.outcome());
        assertInstanceOf(BindingMismatchException.class, s.error());
        assertTrue(s.error().getMessage().contains("carries the customer code 'globex'"), s.error().getMessage());
        assertEquals(1, taegis.creates.get());
    }

    @Test
    void run_whenTheBoundTenantIsGoneAtTheVendor_failsWithoutCreating() {
        builder().build().run(ACME);
        taegis.tagById.clear();

        OnboardingResult r = builder().build().run(ACME);

        OnboardingResult.Step s = r.step("taegis").orElseThrow();
        assertEquals(Outcome.FAILED, s.outcome());
        assertTrue(s.error().getMessage().contains("bound to tenant taegis-1, which the vendor no longer has"), s.error().getMessage());
        assertEquals(1, taegis.creates.get());
    }

    @Test
    void run_whenATaggedTenantExistsWithoutBinding_adoptsIt() {
        taegis.tagById.put("legacy-7", "acme");

        OnboardingResult r = builder().build().run(ACME);

        OnboardingResult.Step s = r.step("taegis").orElseThrow();
        assertEquals(Outcome.FOUND, s.outcome());
        assertEquals("legacy-7", s.tenantId());
        assertEquals(Binding.Origin.ADOPTED, store.bindings().get("acme", "taegis").orElseThrow().origin());
        assertEquals(0, taegis.creates.get());
    }

    @Test
    void run_whenTheSinkFails_reportsCreatedUndeliveredWithTheCredentials_andTheJournalHoldsNoValue() {
        RuntimeException sinkDown = new IllegalStateException("vault sealed");
        CredentialSink broken = new CredentialSink() {
            @Override
            public String name() {
                return "vault";
            }

            @Override
            public void deliver(CredentialDelivery delivery) {
                throw sinkDown;
            }
        };

        OnboardingResult r;
        try (LogCapture logs = new LogCapture()) {
            r = builder().credentialSink(broken).build().run(ACME);
            assertFalse(logs.all().contains("SECRET-"), logs.all());
        }

        OnboardingResult.Step s = r.step("chronicle").orElseThrow();
        assertEquals(Outcome.CREATED, s.outcome());
        assertTrue(s.recorded());
        assertEquals(CredentialStatus.UNDELIVERED, s.credentials());
        assertEquals(sinkDown, s.credentialError());
        assertEquals(FakeProvisioner.secretOf("chronicle", "chronicle-1"), s.tenant().secrets().get("api_key").reveal());
        assertFalse(r.succeeded());
        assertEquals(List.of(s), r.needsAttention());
        assertFalse(r.toString().contains("SECRET-"), "toString never shows a credential");
        for (JournalEntry e : store.journal().entries("acme")) {
            assertFalse(e.toString().contains("SECRET-"), e.toString());
        }
        JournalEntry created = store.journal().entries("acme").stream().filter(e -> e.event() == Event.CREATED
                && "chronicle".equals(e.vendor())).findFirst().orElseThrow();
        assertEquals(IllegalStateException.class.getName(), created.detail(JournalEntry.DETAIL_CREDENTIALS_UNDELIVERED));

        OnboardingResult later = builder().build().run(ACME);

        OnboardingResult.Step again = later.step("chronicle").orElseThrow();
        assertEquals(CredentialStatus.NOT_RECOVERED, again.credentials(), "a later run says the credentials were never delivered");
        assertTrue(again.note().contains("(api_key) were issued at " + T0 + " and never delivered"), again.note());
    }

    @Test
    void run_whenTheStoreFailsAfterTheVendorCreated_reportsCreatedNotRecordedWithCredentials_neverFailed() {
        store.failing.add("record");

        OnboardingResult r = builder().build().run(ACME);

        OnboardingResult.Step s = r.step("chronicle").orElseThrow();
        assertEquals(Outcome.CREATED, s.outcome());
        assertFalse(s.recorded());
        assertInstanceOf(StoreException.class, s.error());
        assertEquals(CredentialStatus.DELIVERED, s.credentials(), "the sink comes first");
        assertEquals(FakeProvisioner.secretOf("chronicle", "chronicle-1"), s.tenant().secrets().get("api_key").reveal());
        assertTrue(s.note().contains("not recorded"), s.note());
        assertFalse(r.succeeded());

        store.failing.clear();
        OnboardingResult rerun = builder().build().run(ACME);

        assertEquals(List.of(Outcome.FOUND, Outcome.FOUND), outcomes(rerun), "adopted by tag: nothing created twice");
        assertEquals(1, chronicle.creates.get());
        assertEquals(1, taegis.creates.get());
        assertTrue(rerun.succeeded());
    }

    @Test
    void run_whenTheVendorGivesCredentialsBack_deliversThemOnTheRunAfterACrash_andOnlyOnce() {
        chronicle.readBack = true;
        store.failing.add("record");
        CredentialSink down = new CredentialSink() {
            @Override
            public String name() {
                return "vault";
            }

            @Override
            public void deliver(CredentialDelivery delivery) {
                throw new IllegalStateException("process about to die");
            }
        };
        assertEquals(CredentialStatus.UNDELIVERED, builder().credentialSink(down).build().run(ACME).step("chronicle").orElseThrow()
                .credentials());
        store.failing.clear();

        OnboardingResult.Step after = builder().build().run(ACME).step("chronicle").orElseThrow();

        assertEquals(Outcome.FOUND, after.outcome());
        assertEquals(CredentialStatus.DELIVERED, after.credentials(), "read back from the vendor and delivered");
        assertEquals(FakeProvisioner.secretOf("chronicle", "chronicle-1"),
                sink.latest("acme", "chronicle").orElseThrow().credentials().get("api_key").reveal());

        OnboardingResult.Step again = builder().build().run(ACME).step("chronicle").orElseThrow();

        assertEquals(CredentialStatus.DELIVERED_EARLIER, again.credentials());
        assertEquals(1, sink.deliveries().size(), "not delivered twice");
        assertEquals(1, chronicle.creates.get());
    }

    @Test
    void run_whenBothSinkAndStoreFail_stillReportsCreatedWithTheCredentialsInTheResult() {
        store.failing.add("record");
        CredentialSink broken = new CredentialSink() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public void deliver(CredentialDelivery delivery) {
                throw new IllegalStateException("down");
            }
        };

        OnboardingResult.Step s = builder().credentialSink(broken).build().run(ACME).step("chronicle").orElseThrow();

        assertEquals(Outcome.CREATED, s.outcome());
        assertFalse(s.recorded());
        assertEquals(CredentialStatus.UNDELIVERED, s.credentials());
        assertEquals(FakeProvisioner.secretOf("chronicle", "chronicle-1"), s.tenant().secrets().get("api_key").reveal());
    }

    @Test
    void run_whenTheJournalCannotRecordTheIntent_failsBeforeTheVendorCall() {
        store.failing.add("append:CREATE_STARTED");

        OnboardingResult r = builder().build().run(ACME);

        assertEquals(List.of(Outcome.FAILED, Outcome.FAILED), outcomes(r));
        assertEquals(0, chronicle.count("provision"));
        assertInstanceOf(StoreException.class, r.step("chronicle").orElseThrow().error());
    }

    @Test
    void run_whenTheStoreCannotBeReadAtStart_throwsBeforeAnyVendorCall() {
        store.failing.add("bindings");

        assertThrows(StoreException.class, () -> builder().build().run(ACME));
        assertTrue(chronicle.calls.isEmpty());
        assertTrue(store.inner.leases().current("acme").isEmpty(), "the lease is given back");
    }

    @Test
    void run_whenTheEndOfTheRunCannotBeRecorded_stillSucceeds_andTheNextRunResumesWithoutVendorCalls() {
        store.failing.add("append:RUN_FINISHED");

        OnboardingResult r;
        try (LogCapture logs = new LogCapture()) {
            r = builder().build().run(ACME);
            assertTrue(logs.all().contains("the end of the run could not be recorded"), logs.all());
        }

        assertTrue(r.succeeded());
        store.failing.clear();
        int calls = chronicle.calls.size() + taegis.calls.size();
        assertEquals(List.of(Outcome.RESUMED, Outcome.RESUMED), outcomes(builder().build().run(ACME)));
        assertEquals(calls, chronicle.calls.size() + taegis.calls.size());
    }

    @Test
    void run_whenTheDeferralCannotBeStored_stillReportsDeferred_andSaysSoInTheLog() {
        store.failing.add("deferrals.put");
        chronicle.beforeCreate = s -> {
            throw new QuotaExhaustedException("chronicle", "CreateCustomer", "chronicle.CreateCustomer", T0.plusSeconds(60));
        };

        OnboardingResult r;
        try (LogCapture logs = new LogCapture()) {
            r = builder().build().run(ACME);
            assertTrue(logs.all().contains("ERROR onboarding acme: the end of the run could not be recorded"), logs.all());
        }

        assertEquals(Outcome.DEFERRED, r.step("chronicle").orElseThrow().outcome());
        assertTrue(store.deferrals().get("acme").isEmpty());
    }

    @Test
    void run_whenTheVendorFails_reportsFailed_andTheNextRunResumesWithoutCallingCompletedVendors() {
        taegis.beforeCreate = s -> {
            throw new ServerException(ErrorInfo.of("taegis", "createTenant").withVendorMessage("boom"));
        };
        OnboardingResult failed = builder().parallelism(1).build().run(ACME);
        assertEquals(List.of(Outcome.CREATED, Outcome.FAILED), outcomes(failed));
        assertEquals(0, taegis.creates.get());

        taegis.beforeCreate = s -> { };
        int chronicleCalls = chronicle.calls.size();
        OnboardingResult resumed = builder().build().run(ACME);

        assertEquals(List.of(Outcome.RESUMED, Outcome.CREATED), outcomes(resumed));
        assertEquals(chronicleCalls, chronicle.calls.size(), "a resumed step calls nothing");
        assertEquals(CredentialStatus.DELIVERED_EARLIER, resumed.step("chronicle").orElseThrow().credentials());
        assertTrue(resumed.succeeded());
        assertEquals(List.of(Outcome.FOUND, Outcome.FOUND), outcomes(builder().build().run(ACME)), "a finished run closes the journal");
    }

    @Test
    void run_whenTheCreateOutcomeIsUnknownButTheTenantExists_reportsFoundAfterAReadNotFailed() {
        taegis.afterCreate = s -> {
            throw new TransportException(ErrorInfo.of("taegis", "createTenant").withVendorMessage("read timed out"), null);
        };

        OnboardingResult.Step s = builder().build().run(ACME).step("taegis").orElseThrow();

        assertEquals(Outcome.FOUND, s.outcome());
        assertEquals("taegis-1", s.tenantId());
        assertTrue(s.note().contains("the create answered TransportException"), s.note());
        assertEquals(1, taegis.creates.get());
    }

    @Test
    void run_whenTheLeaseIsLostBeforeTheWrite_sendsNoCreate() {
        store.failing.add("lose-lease");

        OnboardingResult r = builder().build().run(ACME);

        assertEquals(List.of(Outcome.FAILED, Outcome.FAILED), outcomes(r));
        assertInstanceOf(LeaseLostException.class, r.step("chronicle").orElseThrow().error());
        assertEquals(0, chronicle.count("provision") + taegis.count("provision"));
    }

    @Test
    void run_whenAQuotaIsUsedUp_defersTheStepWithItsResetTime_andStoresTheCustomer() {
        Instant resetsAt = T0.plus(Duration.ofHours(7));
        chronicle.beforeCreate = s -> {
            throw new QuotaExhaustedException("chronicle", "CreateCustomer", "chronicle.CreateCustomer", resetsAt);
        };

        OnboardingResult r = builder().build().run(ACME);

        OnboardingResult.Step s = r.step("chronicle").orElseThrow();
        assertEquals(Outcome.DEFERRED, s.outcome());
        assertEquals(resetsAt, s.resetsAt());
        assertEquals(Outcome.CREATED, r.step("taegis").orElseThrow().outcome());
        assertEquals(resetsAt, store.deferrals().get("acme").orElseThrow().resetsAt());
        assertEquals(List.of("chronicle"), store.deferrals().get("acme").orElseThrow().vendors());
    }

    @Test
    void run_whenTheVendorAnswersResourceExhausted_defers() {
        chronicle.beforeCreate = s -> {
            throw new RateLimitedException(ErrorInfo.of("chronicle", "CreateCustomer").withVendorCode("RESOURCE_EXHAUSTED"),
                    Duration.ofHours(2));
        };

        OnboardingResult.Step s = builder().build().run(ACME).step("chronicle").orElseThrow();

        assertEquals(Outcome.DEFERRED, s.outcome());
        assertEquals(T0.plus(Duration.ofHours(2)), s.resetsAt());
    }

    @Test
    void run_whenTheCustomerWasOffboarded_refusesAndCancelsItsDeferral() {
        builder().build().run(ACME);
        Binding b = store.bindings().get("acme", "taegis").orElseThrow();
        store.bindings().put(new Binding("acme", "taegis", b.tenantId(), Binding.State.SUSPENDED, b.origin(), b.createdAt(), T0));
        store.deferrals().put(new io.secopskit.core.store.Deferral("acme", "{}", List.of("chronicle"), T0, T0));

        CustomerOffboardedException e = assertThrows(CustomerOffboardedException.class, () -> builder().build().run(ACME));

        assertTrue(e.getMessage().contains("taegis SUSPENDED"), e.getMessage());
        assertTrue(store.deferrals().get("acme").isEmpty());
    }

    @Test
    void plan_readsOnly_andSaysCreateWithOperationHostAndWhatCannotBeUndone() {
        taegis.tagById.put("t-9", "acme");

        Plan plan = builder().build().plan(ACME);

        assertEquals(List.of(PlannedAction.Action.CREATE, PlannedAction.Action.NO_OP),
                plan.actions().stream().map(PlannedAction::action).collect(Collectors.toList()));
        PlannedAction create = plan.writes().get(0);
        assertEquals("chronicle.Create", create.operation());
        assertEquals("chronicle.example", create.host());
        assertTrue(create.irreversible());
        assertEquals("t-9", plan.actions().get(1).tenantId());
        assertEquals(0, chronicle.count("provision") + taegis.count("provision"));
        String table = plan.render();
        assertTrue(table.contains("chronicle.Create") && table.contains("chronicle (cannot be undone): cannot be deleted"), table);
    }

    @Test
    void listener_getsStartedAndOneEndingPerStep_withElapsedTime_andAFailingListenerChangesNothing() {
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        taegis.beforeCreate = s -> clock.advance(Duration.ofMillis(250));
        OnboardingListener listener = new OnboardingListener() {
            @Override
            public void stepStarted(StepEvent e) {
                seen.add("started " + e.vendor());
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void stepFinished(StepEvent e) {
                seen.add(e.outcome() + " " + e.vendor() + " " + e.elapsed().toMillis());
            }
        };

        OnboardingResult r = builder().parallelism(1).listener(listener).build().run(ACME);

        assertTrue(r.succeeded());
        assertEquals(List.of("started chronicle", "CREATED chronicle 0", "started taegis", "CREATED taegis 250"), seen);
    }

    @Test
    void run_whenAStepDependsOnAFailedStep_skipsIt_andIndependentStepsStillRun() {
        FakeProvisioner stellar = new FakeProvisioner("stellar", false);
        chronicle.beforeCreate = s -> {
            throw new ServerException(ErrorInfo.of("chronicle", "CreateCustomer"));
        };

        OnboardingResult r = Onboarding.builder().step(chronicle).step(taegis, "chronicle").step(stellar).store(store).clock(clock)
                .build().run(ACME);

        assertEquals(List.of(Outcome.FAILED, Outcome.SKIPPED, Outcome.CREATED), outcomes(r));
        assertEquals("depends on chronicle, which is FAILED", r.step("taegis").orElseThrow().note());
        assertTrue(taegis.calls.isEmpty());
    }

    @Test
    void builder_rejectsDuplicateVendorsAndUnknownDependencies() {
        Onboarding.Builder b = Onboarding.builder().step(chronicle);
        assertThrows(IllegalArgumentException.class, () -> b.step(new FakeProvisioner("chronicle", false)));
        assertThrows(IllegalArgumentException.class, () -> b.step(taegis, "stellar"));
        assertThrows(IllegalArgumentException.class, () -> Onboarding.builder().build());
    }

    @Test
    void legacyImport_turnsJsonJournalEntriesIntoBindings_andNamesUnreadableOnes(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("onboarding-journal.json");
        java.nio.file.Files.writeString(file, "{\"acme\":{\"taegis\":{\"vendor\":\"taegis\",\"tenantId\":\"t-1\",\"status\":\"CREATED\","
                + "\"completedAt\":\"2026-01-01T00:00:00Z\"},\"stellar\":{\"tenantId\":null}},\"../x\":{}}");

        LegacyJournalImport.Report report = LegacyJournalImport.importFile(file, store);

        assertEquals(1, report.imported());
        assertEquals(List.of("acme/stellar", "../x/*"), report.unreadable());
        assertEquals("t-1", store.bindings().get("acme", "taegis").orElseThrow().tenantId());
        taegis.tagById.put("t-1", "acme");
        assertEquals(Outcome.RESUMED, builder().build().run(ACME).step("taegis").orElseThrow().outcome(),
                "the legacy journal held steps of unfinished runs: they resume");
        assertEquals(Outcome.FOUND, builder().build().run(ACME).step("taegis").orElseThrow().outcome());
        assertEquals(0, taegis.creates.get());

        java.nio.file.Files.writeString(file, "{\"acme\": [tru");
        StoreCorruptedException e = assertThrows(StoreCorruptedException.class, () -> LegacyJournalImport.importFile(file, store));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void result_failureIsOnlyForFailedSteps() {
        OnboardingResult r = builder().build().run(ACME);
        assertTrue(r.step("chronicle").orElseThrow().failure().isEmpty());
        assertNull(r.step("chronicle").orElseThrow().error());
        assertNotNull(r.runId());
    }

    static Map<String, Long> creates(FakeProvisioner... ps) {
        return java.util.Arrays.stream(ps).collect(Collectors.toMap(p -> p.vendor, p -> (long) p.creates.get()));
    }
}
