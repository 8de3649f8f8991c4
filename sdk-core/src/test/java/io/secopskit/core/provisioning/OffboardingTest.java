package io.secopskit.core.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.secopskit.core.LogCapture;
import io.secopskit.core.Secret;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.provisioning.OffboardingRequest.Mode;
import io.secopskit.core.provisioning.OffboardingResult.Outcome;
import io.secopskit.core.provisioning.OffboardingResult.Status;
import io.secopskit.core.store.Binding;
import io.secopskit.core.store.BindingTransition;
import io.secopskit.core.store.Deferral;
import io.secopskit.core.store.EvidenceEntry;
import io.secopskit.core.store.EvidenceEntry.Kind;
import io.secopskit.core.store.JournalEntry;
import io.secopskit.core.store.ProvisioningStore;
import io.secopskit.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OffboardingTest {
    static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");
    static final Duration GRACE = Duration.ofDays(30);

    MutableClock clock;
    FaultyStore store;
    InMemoryCredentialSink sink;
    /** Suspends and removes (Taegis-like). */
    FakeOffboarder alpha;
    /** Cannot suspend, removes (Stellar-like). */
    FakeOffboarder beta;
    /** Suspends, cannot remove (Chronicle-like). */
    FakeOffboarder gamma;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(T0);
        store = new FaultyStore(ProvisioningStore.inMemory());
        sink = CredentialSink.inMemory();
        alpha = new FakeOffboarder("alpha", true, true);
        beta = new FakeOffboarder("beta", false, true);
        gamma = new FakeOffboarder("gamma", true, false);
        bind("acme", "a-1", "b-1", "g-acme");
        bind("acme-corp", "a-2", "b-2", "g-acme-corp");
    }

    void bind(String code, String a, String b, String g) {
        alpha.tenant(a, code);
        beta.tenant(b, code);
        gamma.tenant(g, code);
        store.bindings().put(new Binding(code, "alpha", a, Binding.State.ACTIVE, Binding.Origin.CREATED, T0.minusSeconds(60), T0.minusSeconds(60)));
        store.bindings().put(new Binding(code, "beta", b, Binding.State.ACTIVE, Binding.Origin.CREATED, T0.minusSeconds(60), T0.minusSeconds(60)));
        store.bindings().put(new Binding(code, "gamma", g, Binding.State.ACTIVE, Binding.Origin.CREATED, T0.minusSeconds(60), T0.minusSeconds(60)));
    }

    Offboarding.Builder builder() {
        return Offboarding.builder().step(alpha).step(beta).step(gamma).store(store).allowInMemoryStore(true).credentialSink(sink)
                .operator("ops@mssp.example").gracePeriod(GRACE).clock(clock).sleeper(clock::advance).lockTimeout(Duration.ofSeconds(5));
    }

    static OffboardingRequest request(String code, Mode mode) {
        return OffboardingRequest.builder(code).reason("contract ended").approver("lead@mssp.example").mode(mode).confirmed(true).build();
    }

    Binding.State state(String code, String vendor) {
        return store.bindings().get(code, vendor).orElseThrow().state();
    }

    int allWrites() {
        return alpha.writes.size() + beta.writes.size() + gamma.writes.size();
    }

    String snapshot(String code) {
        StringBuilder sb = new StringBuilder();
        for (FakeOffboarder f : List.of(alpha, beta, gamma)) {
            f.tenants.entrySet().stream().filter(e -> code.equals(e.getValue().tag)).sorted(Map.Entry.comparingByKey())
                    .forEach(e -> sb.append(f.vendor).append(':').append(e.getKey()).append('=').append(e.getValue().snapshot()).append(';'));
        }
        store.bindings().forCustomer(code).forEach(b -> sb.append(b.vendor()).append('=').append(b.state()).append(';'));
        return sb.toString();
    }

    // ------------------------------------------------------------------ plan, confirmation, builder

    @Test
    void plan_readsOnly_saysSuspendWhereTheVendorCanAndThatOthersStayUsable_andWritesNothing() {
        int journalBefore = store.journal().entries("acme").size();

        Plan plan = builder().build().plan(OffboardingRequest.builder("acme").build());

        assertEquals(List.of("alpha SUSPEND a-1", "beta CANNOT b-1", "gamma SUSPEND g-acme"), plan.actions().stream()
                .map(a -> a.vendor() + " " + a.action() + " " + a.tenantId()).collect(Collectors.toList()));
        assertEquals("alpha.switchOff", plan.actions().get(0).operation());
        assertEquals("alpha.example", plan.actions().get(0).host());
        assertTrue(plan.actions().get(1).note().contains("beta cannot suspend: the tenant id stays usable until removal"),
                plan.actions().get(1).note());
        assertTrue(plan.render().contains("alpha.example, tenant a-1"), plan.render());
        assertEquals(0, allWrites());
        assertEquals(List.of("inspect a-1"), alpha.reads);
        assertEquals(journalBefore, store.journal().entries("acme").size());
        assertTrue(store.offboarding().evidence().entries("acme").isEmpty());
        assertEquals(Binding.State.ACTIVE, state("acme", "alpha"));
    }

    @Test
    void plan_removeNow_showsRemoveAsIrreversible_andManualRevocationWhereTheVendorHasNoRemoval() {
        Plan plan = builder().build().plan(OffboardingRequest.builder("acme").mode(Mode.REMOVE_NOW).build());

        assertEquals(List.of("alpha SUSPEND", "alpha REMOVE", "beta CANNOT", "beta REMOVE", "gamma SUSPEND", "gamma CANNOT"),
                plan.actions().stream().map(a -> a.vendor() + " " + a.action()).collect(Collectors.toList()));
        assertTrue(plan.actions().get(1).irreversible());
        assertTrue(plan.actions().get(5).note().contains("offers no removal"), plan.actions().get(5).note());
        assertEquals(4, plan.writes().size());
        assertEquals(0, allWrites());
    }

    @Test
    void run_withoutConfirmation_refusesBeforeReadingOrWriting() {
        Offboarding off = builder().build();

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> off.run(OffboardingRequest.builder("acme").reason("r").build()));

        assertTrue(e.getMessage().contains("confirmed(true)"), e.getMessage());
        assertTrue(alpha.reads.isEmpty());
        assertEquals(0, allWrites());
        assertTrue(store.offboarding().evidence().entries("acme").isEmpty());
    }

    @Test
    void run_withoutReason_isRejectedNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder().build().run(OffboardingRequest.builder("acme").confirmed(true).build()));
        assertTrue(e.getMessage().contains("reason is required"), e.getMessage());
        assertEquals(0, allWrites());
    }

    @Test
    void build_refusesTheInMemoryStoreUnlessATestAsks_andNeedsAnOperator() {
        IllegalArgumentException memory = assertThrows(IllegalArgumentException.class,
                () -> Offboarding.builder().step(alpha).store(ProvisioningStore.inMemory()).operator("x").build());
        assertTrue(memory.getMessage().contains("keeps nothing beyond this process"), memory.getMessage());

        IllegalArgumentException operator = assertThrows(IllegalArgumentException.class,
                () -> Offboarding.builder().step(alpha).store(store).allowInMemoryStore(true).build());
        assertTrue(operator.getMessage().contains("operator is required"), operator.getMessage());

        assertThrows(IllegalArgumentException.class, () -> Offboarding.builder().operator("bad\nname"));
        assertThrows(IllegalArgumentException.class, () -> builder().step(new FakeOffboarder("alpha", true, true)));
    }

    @Test
    void build_refusesAStoreWithoutOffboardingRecords() {
        ProvisioningStore old = new ProvisioningStore() {
            final ProvisioningStore inner = ProvisioningStore.inMemory();

            @Override
            public io.secopskit.core.store.LeaseStore leases() {
                return inner.leases();
            }

            @Override
            public io.secopskit.core.store.JournalStore journal() {
                return inner.journal();
            }

            @Override
            public io.secopskit.core.store.BindingStore bindings() {
                return inner.bindings();
            }

            @Override
            public io.secopskit.core.store.DeferralStore deferrals() {
                return inner.deferrals();
            }

            @Override
            public String location() {
                return "old-store";
            }
        };

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Offboarding.builder().step(alpha).store(old).operator("x").build());

        assertTrue(e.getMessage().contains("old-store keeps no offboarding records"), e.getMessage());
    }

    @Test
    void request_rejectsBadFieldsNamingThem() {
        assertThrows(IllegalArgumentException.class, () -> OffboardingRequest.builder("../x").build());
        IllegalArgumentException reason = assertThrows(IllegalArgumentException.class,
                () -> OffboardingRequest.builder("acme").reason("a\r\nb").build());
        assertTrue(reason.getMessage().startsWith("reason"), reason.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OffboardingRequest.builder("acme").approver(" ").build());
    }

    // ------------------------------------------------------------------ suspend, purge, restore

    @Test
    void run_suspend_writesOnlyWhereTheVendorCan_recordsSuspendTimes_andLeavesOtherCustomersUnchanged() {
        String otherBefore = snapshot("acme-corp");

        OffboardingResult r = builder().build().run(request("acme", Mode.SUSPEND));

        assertEquals(Status.DONE, r.status());
        assertEquals(List.of("alpha.switchOff a-1", "alpha.supportOff a-1"), alpha.writes);
        assertEquals(List.of(), beta.writes);
        assertEquals(List.of("gamma.switchOff g-acme", "gamma.supportOff g-acme"), gamma.writes);
        assertEquals(Outcome.DONE, r.step("alpha").orElseThrow().outcome());
        assertEquals(Outcome.NOT_POSSIBLE, r.step("beta").orElseThrow().outcome());
        assertEquals(T0.plus(GRACE), r.step("beta").orElseThrow().removableAt());
        for (String v : List.of("alpha", "beta", "gamma")) {
            assertEquals(Binding.State.SUSPENDED, state("acme", v));
        }
        List<BindingTransition> transitions = store.offboarding().transitions("acme");
        assertEquals(3, transitions.size());
        assertTrue(transitions.stream().allMatch(t -> t.at().equals(T0) && t.from() == Binding.State.ACTIVE));
        assertEquals("echo,charlie", transitions.get(0).details().get("undo.envs"), "what a restore needs is kept");
        assertEquals(otherBefore, snapshot("acme-corp"), "acme-corp is untouched");
        assertEquals(r.writes(), 4);
    }

    @Test
    void run_purge_removesNothingBeforeTheGracePeriodEnds_exactlyOncePerRemovableVendorAtIt_andNothingWithoutTheOption() {
        Offboarding off = builder().build();
        off.run(request("acme", Mode.SUSPEND));
        alpha.writes.clear();
        gamma.writes.clear();

        clock.set(T0.plus(GRACE).minusSeconds(1));
        OffboardingResult early = off.run(request("acme", Mode.REMOVE_AFTER_GRACE));
        assertEquals(0, allWrites());
        assertEquals(Outcome.WAITING, early.step("alpha").orElseThrow().outcome());
        assertEquals(T0.plus(GRACE), early.step("alpha").orElseThrow().removableAt());

        clock.set(T0.plus(GRACE));
        OffboardingResult noOption = off.run(request("acme", Mode.SUSPEND));
        assertEquals(0, allWrites(), "without the explicit option nothing is removed");
        assertEquals(Outcome.WAITING, noOption.step("beta").orElseThrow().outcome());

        OffboardingResult due = builder().build().run(request("acme", Mode.REMOVE_AFTER_GRACE)); // a new engine: a restart
        assertEquals(List.of("alpha.delete a-1"), alpha.writes);
        assertEquals(List.of("beta.delete b-1"), beta.writes);
        assertEquals(List.of(), gamma.writes, "gamma offers no removal");
        assertEquals(Outcome.NOT_POSSIBLE, due.step("gamma").orElseThrow().outcome());
        for (String v : List.of("alpha", "beta", "gamma")) {
            assertEquals(Binding.State.REMOVED, state("acme", v));
        }

        OffboardingResult again = builder().build().run(request("acme", Mode.REMOVE_AFTER_GRACE));
        assertEquals(2, allWrites(), "a later run removes nothing twice");
        assertTrue(again.steps().stream().allMatch(s -> s.outcome() == Outcome.NOTHING_TO_DO), again.toString());
    }

    @Test
    void run_removeNow_suspendsAndRemovesInOneRun_listsWhatMustBeRevokedByHand_andTellsTheSinkToForget() {
        gamma.credentialIds.addAll(List.of("cred-1", "cred-2"));
        sink.deliver(new CredentialDelivery("acme", "gamma", "g-acme", Map.of("API_KEY", Secret.of("s3cr3t-value")), T0));
        sink.deliver(new CredentialDelivery("acme-corp", "gamma", "g-acme-corp", Map.of("API_KEY", Secret.of("other")), T0));

        OffboardingResult r = builder().build().run(request("acme", Mode.REMOVE_NOW));

        assertEquals(Status.DONE, r.status());
        assertEquals(List.of("alpha.switchOff a-1", "alpha.supportOff a-1", "alpha.delete a-1"), alpha.writes);
        assertEquals(List.of("beta.delete b-1"), beta.writes);
        assertEquals(List.of("cred-1", "cred-2"), r.manualRevocations().stream().map(ManualRevocation::id).collect(Collectors.toList()));
        assertTrue(r.credentials().startsWith("FORGOTTEN"), r.credentials());
        assertTrue(sink.latest("acme", "gamma").isEmpty());
        assertTrue(sink.latest("acme-corp", "gamma").isPresent(), "only this customer is forgotten");
        List<EvidenceEntry> ev = store.offboarding().evidence().entries("acme");
        assertEquals(2, ev.stream().filter(e -> e.kind() == Kind.CREDENTIALS && "MANUAL_REVOCATION".equals(e.action())).count());
        assertEquals(1, ev.stream().filter(e -> e.kind() == Kind.CREDENTIALS && "FORGET".equals(e.action())).count());

        builder().build().run(request("acme", Mode.REMOVE_NOW));
        assertEquals(1, store.offboarding().evidence().entries("acme").stream()
                .filter(e -> e.kind() == Kind.CREDENTIALS && "FORGET".equals(e.action())).count(), "forgotten once");
    }

    @Test
    void run_whenTheSinkCannotForget_theEvidenceSaysItKeptThem() {
        CredentialSink keeping = new CredentialSink() {
            @Override
            public String name() {
                return "vault:kv/secopskit";
            }

            @Override
            public void deliver(CredentialDelivery delivery) {
            }
        };

        OffboardingResult r = builder().credentialSink(keeping).build().run(request("acme", Mode.REMOVE_NOW));

        assertTrue(r.credentials().startsWith("KEPT: the sink vault:kv/secopskit cannot forget"), r.credentials());
        assertTrue(store.offboarding().evidence().entries("acme").stream().anyMatch(e -> "KEPT".equals(e.outcome())));
    }

    @Test
    void restore_duringGrace_bringsBackWhatWasOnBeforeTheSuspend_andBindingsBecomeActive() {
        String before = snapshot("acme");
        Offboarding off = builder().build();
        off.run(request("acme", Mode.SUSPEND));
        assertFalse(before.equals(snapshot("acme")));
        alpha.writes.clear();
        gamma.writes.clear();
        clock.advance(Duration.ofDays(3));

        Plan plan = off.planRestore(request("acme", Mode.SUSPEND));
        assertEquals(List.of("alpha RESTORE", "beta NO_OP", "gamma RESTORE"), plan.actions().stream()
                .map(a -> a.vendor() + " " + a.action()).collect(Collectors.toList()));
        OffboardingResult r = off.restore(request("acme", Mode.SUSPEND));

        assertEquals(Status.DONE, r.status());
        assertEquals(List.of("alpha.switchOn a-1", "alpha.supportOn a-1"), alpha.writes);
        assertEquals(List.of(), beta.writes);
        assertEquals(before, snapshot("acme"), "vendor state and bindings as before the suspend");
    }

    @Test
    void restore_afterRemoval_cannotBringARemovedTenantBack() {
        Offboarding off = builder().build();
        off.run(request("acme", Mode.REMOVE_NOW));
        int writes = allWrites();

        OffboardingResult r = off.restore(request("acme", Mode.SUSPEND));

        assertEquals(writes, allWrites());
        assertTrue(r.steps().stream().allMatch(s -> s.outcome() == Outcome.NOT_POSSIBLE), r.toString());
        assertTrue(r.step("alpha").orElseThrow().note().contains("allowReonboarding"));
    }

    // ------------------------------------------------------------------ safety

    @Test
    void run_whenABindingPointsAtAnotherCustomersTaggedTenant_writesNothingForTheCustomer_andReports() {
        store.bindings().put(new Binding("acme", "beta", "b-2", Binding.State.ACTIVE, Binding.Origin.CREATED, T0, T0));
        String other = snapshot("acme-corp");

        OffboardingResult r = builder().build().run(request("acme", Mode.REMOVE_NOW));

        assertEquals(Status.REFUSED, r.status());
        assertEquals(0, allWrites());
        assertTrue(r.report().contains("beta: the bound tenant id b-2 carries the customer code 'acme-corp', not 'acme'"), r.report());
        assertTrue(store.offboarding().transitions("acme").isEmpty());
        assertEquals(Binding.State.ACTIVE, state("acme", "alpha"));
        assertEquals(other, snapshot("acme-corp"));
        List<EvidenceEntry> ev = store.offboarding().evidence().entries("acme");
        assertEquals(List.of(Kind.RUN_STARTED, Kind.REFUSED, Kind.RUN_FINISHED), ev.stream().map(EvidenceEntry::kind).collect(Collectors.toList()));
    }

    @Test
    void run_whenTheCustomerHasNoBinding_reportsNothingBound_writesNothing_andCancelsItsDeferral() {
        store.deferrals().put(new Deferral("globex", "{}", List.of("gamma"), T0.plus(Duration.ofHours(3)), T0));

        OffboardingResult r = builder().build().run(request("globex", Mode.SUSPEND));

        assertEquals(Status.NOTHING_BOUND, r.status());
        assertEquals(0, allWrites());
        assertTrue(store.deferrals().get("globex").isEmpty(), "no later run resumes it");
        assertEquals(JournalEntry.Event.ONBOARDING_CANCELLED, store.journal().entries("globex").stream()
                .filter(e -> e.event() == JournalEntry.Event.ONBOARDING_CANCELLED).findFirst().orElseThrow().event());
    }

    @Test
    void run_cancelsAnUnfinishedOnboarding_andWarnsOfACreateWhoseOutcomeWasNeverRecorded() {
        store.journal().append(JournalEntry.of("acme", null, "old", JournalEntry.Event.RUN_STARTED, null, T0, Map.of()));
        store.journal().append(JournalEntry.of("acme", "delta", "old", JournalEntry.Event.CREATE_STARTED, null, T0, Map.of()));

        OffboardingResult r = builder().build().run(request("acme", Mode.SUSPEND));

        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).contains("began a create at delta"), r.warnings().get(0));
        assertTrue(store.journal().entries("acme").stream().anyMatch(e -> e.event() == JournalEntry.Event.ONBOARDING_CANCELLED));
    }

    @Test
    void run_whenTheLeaseIsLostBeforeAWrite_sendsNothing_andTheStepFails() {
        store.failing.add("lose-lease");

        OffboardingResult r = builder().build().run(request("acme", Mode.SUSPEND));

        assertEquals(0, alpha.writes.size());
        assertEquals(0, gamma.writes.size());
        assertInstanceOf(LeaseLostException.class, r.step("alpha").orElseThrow().error());
        assertEquals(Binding.State.ACTIVE, state("acme", "alpha"));
        assertEquals(Status.INCOMPLETE, r.status());
    }

    @Test
    void run_whenAnotherRunHoldsTheCustomer_failsWithTheHolder_andWritesNothing() {
        store.leases().tryAcquire("acme", new io.secopskit.core.store.LeaseHolder("elsewhere", 1, null, "other-run"), T0,
                Duration.ofHours(1), -1);

        CustomerLockedException e = assertThrows(CustomerLockedException.class,
                () -> builder().lockTimeout(Duration.ofSeconds(1)).build().run(request("acme", Mode.SUSPEND)));

        assertTrue(e.getMessage().contains("elsewhere"), e.getMessage());
        assertEquals(0, allWrites());
    }

    // ------------------------------------------------------------------ crashes and unknown outcomes

    @Test
    void run_afterACrashBetweenTheVendorWriteAndTheRecord_confirmsByAReadAndSendsNothingAgain_keepingTheUndoFacts() {
        alpha.afterWrite = w -> {
            if (w.startsWith("alpha.supportOff")) {
                throw new Crash();
            }
        };
        assertThrows(Crash.class, () -> builder().build().run(request("acme", Mode.SUSPEND)));
        assertEquals(List.of("alpha.switchOff a-1", "alpha.supportOff a-1"), alpha.writes);
        assertEquals(Binding.State.ACTIVE, state("acme", "alpha"), "the crash came before the record");
        alpha.afterWrite = w -> { };
        store.leases().current("acme").ifPresent(l -> store.leases().release(l)); // the dead process's lease

        OffboardingResult r = builder().build().run(request("acme", Mode.SUSPEND));

        assertEquals(2, alpha.writes.size(), "nothing sent twice");
        assertEquals(Outcome.DONE, r.step("alpha").orElseThrow().outcome());
        assertTrue(r.step("alpha").orElseThrow().note().contains("confirmed by a read"));
        assertEquals(Binding.State.SUSPENDED, state("acme", "alpha"));
        BindingTransition t = store.offboarding().transitions("acme").get(0);
        assertEquals("echo,charlie", t.details().get("undo.envs"), "taken from the journal, not from the switched-off tenant");
        assertTrue(store.offboarding().evidence().entries("acme").stream().anyMatch(e -> e.kind() == Kind.RESOLVED));
    }

    @Test
    void run_afterAWriteFailedHalfway_sendsOnlyWhatIsMissing() {
        alpha.beforeWrite = w -> {
            if (w.startsWith("alpha.supportOff")) {
                throw new ServerException(ErrorInfo.of("alpha", "supportOff").withVendorMessage("upstream timeout"));
            }
        };
        OffboardingResult first = builder().build().run(request("acme", Mode.SUSPEND));
        assertEquals(Outcome.FAILED, first.step("alpha").orElseThrow().outcome());
        assertEquals(Binding.State.ACTIVE, state("acme", "alpha"));
        alpha.beforeWrite = w -> { };

        OffboardingResult second = builder().build().run(request("acme", Mode.SUSPEND));

        assertEquals(List.of("alpha.switchOff a-1", "alpha.supportOff a-1"), alpha.writes, "switchOff not repeated");
        assertEquals(Outcome.DONE, second.step("alpha").orElseThrow().outcome());
        assertEquals("echo,charlie", store.offboarding().transitions("acme").stream().filter(t -> t.vendor().equals("alpha"))
                .findFirst().orElseThrow().details().get("undo.envs"));
        EvidenceEntry failed = store.offboarding().evidence().entries("acme").stream()
                .filter(e -> e.kind() == Kind.WRITE && "FAILED".equals(e.outcome())).findFirst().orElseThrow();
        assertTrue(failed.detail(EvidenceEntry.DETAIL_ERROR).startsWith("ServerException"), failed.toString());
    }

    @Test
    void run_whenADeleteAnswers404_countsItAsDone() {
        Offboarding off = builder().build();
        off.run(request("acme", Mode.SUSPEND));
        beta.beforeWrite = w -> beta.tenants.remove("b-1"); // someone removed it between our read and our delete
        clock.set(T0.plus(GRACE));

        OffboardingResult r = off.run(request("acme", Mode.REMOVE_AFTER_GRACE));

        assertEquals(Outcome.DONE, r.step("beta").orElseThrow().outcome());
        assertEquals(Binding.State.REMOVED, state("acme", "beta"));
        assertTrue(store.offboarding().evidence().entries("acme").stream()
                .anyMatch(e -> e.kind() == Kind.WRITE && "GONE".equals(e.outcome()) && "beta".equals(e.vendor())));
    }

    @Test
    void run_whenTheBoundTenantIsGone_marksTheBindingRemovedWithoutWriting() {
        beta.tenants.remove("b-1");

        OffboardingResult r = builder().build().run(request("acme", Mode.SUSPEND));

        assertEquals(Outcome.GONE, r.step("beta").orElseThrow().outcome());
        assertEquals(Binding.State.REMOVED, state("acme", "beta"));
        assertEquals(0, beta.writes.size());
    }

    @Test
    void run_whenTheStoreCannotRecordAfterTheWrite_reportsItAndTheNextRunSendsNothingTwice() {
        store.failing.add("transition");
        OffboardingResult first = builder().build().run(request("acme", Mode.SUSPEND));
        assertEquals(Outcome.FAILED, first.step("alpha").orElseThrow().outcome());
        assertTrue(first.step("alpha").orElseThrow().note().contains("the vendor was written"));
        store.failing.remove("transition");

        builder().build().run(request("acme", Mode.SUSPEND));

        assertEquals(2, alpha.writes.size());
        assertEquals(Binding.State.SUSPENDED, state("acme", "alpha"));
    }

    // ------------------------------------------------------------------ no resurrection

    @Test
    void onboarding_afterOffboarding_isRefusedUnlessAllowed_thenFollowsTheBindingsState() {
        builder().build().run(request("acme", Mode.SUSPEND));
        FakeProvisioner p = new FakeProvisioner("beta", false);
        TenantSpec spec = TenantSpec.builder().displayName("Acme").customerCode("acme").build();
        Onboarding plain = Onboarding.builder().step(p).store(store).clock(clock).build();

        assertThrows(CustomerOffboardedException.class, () -> plain.run(spec));
        assertEquals(0, p.creates.get());

        Onboarding allowed = Onboarding.builder().step(p).store(store).clock(clock).allowReonboarding(true).build();
        OnboardingResult suspended = allowed.run(spec);
        assertEquals(OnboardingResult.Outcome.FAILED, suspended.step("beta").orElseThrow().outcome());
        assertTrue(suspended.step("beta").orElseThrow().failure().orElseThrow().getMessage().contains("Offboarding.restore"));
        assertEquals(0, p.creates.get());

        clock.set(T0.plus(GRACE));
        builder().build().run(request("acme", Mode.REMOVE_AFTER_GRACE));
        OnboardingResult removed = allowed.run(spec);
        assertEquals(OnboardingResult.Outcome.CREATED, removed.step("beta").orElseThrow().outcome());
        assertEquals(Binding.State.ACTIVE, state("acme", "beta"));
    }

    // ------------------------------------------------------------------ evidence

    @Test
    void evidence_hasOneWriteEntryPerVendorWrite_validatesAgainstTheSchema_andHoldsNoSecret() throws Exception {
        sink.deliver(new CredentialDelivery("acme", "gamma", "g-acme", Map.of("API_KEY", Secret.of("S3CRET-VALUE-123")), T0));
        gamma.credentialIds.add("cred-9");
        OffboardingResult r;
        String json;
        try (LogCapture logs = new LogCapture()) {
            Offboarding off = builder().build();
            off.run(request("acme", Mode.SUSPEND));
            clock.set(T0.plus(GRACE));
            r = off.run(request("acme", Mode.REMOVE_AFTER_GRACE));
            json = off.exportEvidence("acme");
            assertFalse(logs.all().contains("S3CRET-VALUE-123"));
        }
        assertFalse(json.contains("S3CRET-VALUE-123"));
        assertFalse(r.toString().contains("S3CRET-VALUE-123"));

        List<EvidenceEntry> ev = store.offboarding().evidence().entries("acme");
        long writeEntries = ev.stream().filter(e -> e.kind() == Kind.WRITE).count();
        assertEquals(allWrites(), writeEntries, "one WRITE entry per vendor write");
        assertEquals(ev.stream().filter(e -> e.kind() == Kind.INTENT).count(), writeEntries);
        EvidenceEntry start = ev.get(0);
        assertEquals(Kind.RUN_STARTED, start.kind());
        assertEquals("ops@mssp.example", start.operator());
        assertEquals("contract ended", start.detail(EvidenceEntry.DETAIL_REASON));
        assertEquals("lead@mssp.example", start.detail(EvidenceEntry.DETAIL_APPROVER));
        assertTrue(ev.stream().filter(e -> e.kind() == Kind.WRITE).allMatch(e -> EvidenceEntry.NOT_CAPTURED.equals(e.requestId())),
                "these fake vendors make no HTTP calls, so no request id is captured");

        JsonNode doc = new ObjectMapper().readTree(json);
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(Offboarding.evidenceSchema());
        Set<ValidationMessage> errors = schema.validate(doc);
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals(ev.size(), doc.get("entries").size());
        assertEquals(6, doc.get("transitions").size());
    }

    @Test
    void evidenceSchema_rejectsAWriteWithoutRequestIdOrWithAnUnknownField() throws Exception {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(Offboarding.evidenceSchema());
        String base = "{\"schema\":\"" + Offboarding.EVIDENCE_SCHEMA_ID + "\",\"customerCode\":\"acme\",\"exportedAt\":\"2026-11-02T08:00:00Z\","
                + "\"operatorOfExport\":\"ops\",\"transitions\":[],\"entries\":[%s]}";
        String write = "{\"sequence\":1,\"at\":\"2026-11-02T08:00:00Z\",\"runId\":\"r\",\"kind\":\"WRITE\",\"operator\":\"ops\","
                + "\"vendor\":\"alpha\",\"action\":\"SUSPEND\",\"operation\":\"alpha.x\",\"target\":\"a-1\",\"outcome\":\"DONE\"%s,\"details\":{}}";
        ObjectMapper m = new ObjectMapper();

        assertTrue(schema.validate(m.readTree(String.format(base, String.format(write, ",\"requestId\":\"none returned\"")))).isEmpty());
        assertFalse(schema.validate(m.readTree(String.format(base, String.format(write, "")))).isEmpty());
        assertFalse(schema.validate(m.readTree(String.format(base, String.format(write, ",\"requestId\":\"x\",\"secret\":\"y\"")))).isEmpty());
    }

    @Test
    void evidenceStore_isAppendOnly_entriesCannotBeChangedThroughTheList() {
        builder().build().run(request("acme", Mode.SUSPEND));
        List<EvidenceEntry> ev = store.offboarding().evidence().entries("acme");

        assertThrows(UnsupportedOperationException.class, () -> ev.remove(0));
        assertThrows(UnsupportedOperationException.class, () -> ev.set(0, ev.get(1)));
        assertEquals(ev, store.offboarding().evidence().entries("acme"));
        List<Long> seq = ev.stream().map(EvidenceEntry::sequence).collect(Collectors.toList());
        assertEquals(seq.stream().sorted().collect(Collectors.toList()), seq);
    }

    @Test
    void transition_whenTheBindingIsNotInTheExpectedState_writesNothing() {
        BindingTransition t = new BindingTransition(0, "acme", "alpha", "a-1", Binding.State.SUSPENDED, Binding.State.REMOVED, T0, "r",
                Map.of());
        int journal = store.journal().entries("acme").size();

        assertTrue(store.offboarding().transition(t, JournalEntry.of("acme", "alpha", "r", JournalEntry.Event.ACTION_DONE, "a-1", T0,
                Map.of())).isEmpty());
        assertEquals(journal, store.journal().entries("acme").size());
        assertTrue(store.offboarding().transitions("acme").isEmpty());
        assertNull(null);
    }

    @Test
    void listener_hearsOneLinePerStep_andAFailingListenerChangesNothing() {
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        OffboardingResult r = builder().listener(new OffboardingListener() {
            @Override
            public void stepFinished(OffboardingResult.Step s) {
                lines.add(s.describe());
                throw new IllegalStateException("listener broke");
            }
        }).build().run(request("acme", Mode.SUSPEND));

        assertEquals(Status.DONE, r.status());
        assertEquals(3, lines.size());
        assertEquals("alpha SUSPEND DONE tenant a-1 (2 writes, binding SUSPENDED, removable from 2026-12-02T08:00:00Z)", lines.get(0));
    }

    @Test
    void runAll_offboardsAListOfCustomers_oneFailureDoesNotStopTheOthers() {
        store.failing.add("bindings");
        List<Offboarding.CustomerRun> runs = builder().build().runAll(List.of(request("acme", Mode.SUSPEND), request("acme-corp", Mode.SUSPEND)));
        assertEquals(2, runs.size());
        assertTrue(runs.stream().allMatch(c -> c.error() != null));
        store.failing.remove("bindings");

        runs = builder().build().runAll(List.of(request("acme", Mode.SUSPEND), request("acme-corp", Mode.SUSPEND)));

        assertTrue(runs.stream().allMatch(c -> c.result().status() == Status.DONE));
        assertEquals(Binding.State.SUSPENDED, state("acme-corp", "alpha"));
    }

    /** Simulates a process killed at this point. */
    static final class Crash extends Error {
        private static final long serialVersionUID = 1L;
    }
}
