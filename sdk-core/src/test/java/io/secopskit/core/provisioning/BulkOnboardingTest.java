package io.secopskit.core.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.error.QuotaExhaustedException;
import io.secopskit.core.provisioning.OnboardingResult.Outcome;
import io.secopskit.core.store.Binding;
import io.secopskit.core.store.Deferral;
import io.secopskit.core.store.ProvisioningStore;
import io.secopskit.core.store.StoreCorruptedException;
import io.secopskit.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BulkOnboardingTest {
    static final Instant T0 = OnboardingTest.T0;

    MutableClock clock;
    FakeProvisioner chronicle;
    FakeProvisioner taegis;
    FaultyStore store;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(T0);
        chronicle = new FakeProvisioner("chronicle", true);
        taegis = new FakeProvisioner("taegis", false);
        store = new FaultyStore(ProvisioningStore.inMemory());
    }

    Onboarding onboarding() {
        return Onboarding.builder().step(chronicle).step(taegis).store(store).credentialSink(CredentialSink.inMemory()).clock(clock)
                .build();
    }

    static List<TenantSpec> customers(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> TenantSpec.builder().displayName("Customer " + i)
                .customerCode("cust-" + i).label("tier", "gold").contact("Jo", "jo@c" + i + ".example").build())
                .collect(Collectors.toList());
    }

    /** Chronicle's quota of {@code limit} creates; later creates throw as the client does (nothing sent). */
    void chronicleQuota(int limit, Instant resetsAt) {
        AtomicInteger used = new AtomicInteger();
        chronicle.beforeCreate = s -> {
            if (used.incrementAndGet() > limit) {
                throw new QuotaExhaustedException("chronicle", "CreateCustomer", "chronicle.CreateCustomer", resetsAt);
            }
        };
    }

    @Test
    void runAll_onboardsEveryCustomerWithBoundedConcurrency_andReportsProgress() {
        List<String> progress = new CopyOnWriteArrayList<>();

        BulkResult r = onboarding().runAll(customers(6), 3, (done, total, run) -> progress.add(done + "/" + total + " " + run.customerCode()));

        assertEquals(6, r.succeeded().size());
        assertEquals(List.of("cust-1", "cust-2", "cust-3", "cust-4", "cust-5", "cust-6"),
                r.runs().stream().map(BulkResult.CustomerRun::customerCode).collect(Collectors.toList()), "results in the given order");
        assertEquals(6, progress.size());
        assertEquals(List.of("1/6", "2/6", "3/6", "4/6", "5/6", "6/6"),
                progress.stream().map(p -> p.split(" ")[0]).collect(Collectors.toList()));
        assertEquals(6, chronicle.creates.get());
        assertEquals(6, taegis.creates.get());
    }

    @Test
    void runAll_whenChroniclesQuotaRunsOut_defersTheRestWithTheResetTime_thenTheNextRunResumesThemWithoutAList() {
        Instant resetsAt = T0.plus(Duration.ofHours(20));
        chronicleQuota(3, resetsAt);

        BulkResult first = onboarding().runAll(customers(6), 1, null);

        List<Outcome> chronicleOutcomes = first.runs().stream().map(r -> r.result().step("chronicle").orElseThrow().outcome())
                .collect(Collectors.toList());
        assertEquals(List.of(Outcome.CREATED, Outcome.CREATED, Outcome.CREATED, Outcome.DEFERRED, Outcome.DEFERRED, Outcome.DEFERRED),
                chronicleOutcomes);
        assertEquals(4, chronicle.count("provision"), "after the first refusal no further create is even tried");
        assertEquals(6, taegis.creates.get(), "other vendors proceed");
        assertEquals(List.of("cust-4", "cust-5", "cust-6"), first.deferred());
        for (BulkResult.CustomerRun run : first.runs().subList(3, 6)) {
            assertEquals(resetsAt, run.result().step("chronicle").orElseThrow().resetsAt());
        }
        assertEquals(List.of("cust-4", "cust-5", "cust-6"), store.deferrals().all().stream().map(Deferral::customerCode)
                .collect(Collectors.toList()));

        BulkResult tooEarly = onboarding().resumeDeferred(2, null);
        assertTrue(tooEarly.runs().isEmpty());
        assertEquals(3, tooEarly.stillDeferred().size());

        clock.set(resetsAt);
        chronicle.beforeCreate = s -> { };
        BulkResult resumed = onboarding().resumeDeferred(2, null);

        assertEquals(List.of("cust-4", "cust-5", "cust-6"), resumed.succeeded());
        for (BulkResult.CustomerRun run : resumed.runs()) {
            assertEquals(List.of(Outcome.CREATED, Outcome.RESUMED), OnboardingTest.outcomes(run.result()));
            TenantSpec restored = chronicle.specs.get(run.customerCode());
            String n = run.customerCode().substring(5);
            assertEquals("Customer " + n, restored.displayName(), "the stored spec is used");
            assertEquals("jo@c" + n + ".example", restored.contactEmail());
            assertEquals("gold", restored.labels().get("tier"));
        }
        assertTrue(store.deferrals().all().isEmpty());
        assertEquals(6, chronicle.creates.get());
        assertEquals(6, taegis.creates.get());
    }

    @Test
    void resumeDeferred_skipsACustomerOffboardedSinceAndCancelsIt() {
        chronicleQuota(0, T0.plusSeconds(60));
        onboarding().runAll(customers(2), 1, null);
        Binding b = store.bindings().get("cust-2", "taegis").orElseThrow();
        store.bindings().put(new Binding("cust-2", "taegis", b.tenantId(), Binding.State.REMOVED, b.origin(), b.createdAt(), T0));
        clock.advance(Duration.ofMinutes(2));
        chronicle.beforeCreate = s -> { };

        BulkResult r = onboarding().resumeDeferred(1, null);

        assertEquals(List.of("cust-1"), r.succeeded());
        BulkResult.CustomerRun cancelled = r.runs().stream().filter(x -> x.customerCode().equals("cust-2")).findFirst().orElseThrow();
        assertInstanceOf(CustomerOffboardedException.class, cancelled.error());
        assertNull(cancelled.result());
        assertTrue(store.deferrals().all().isEmpty());
        assertEquals(1, chronicle.creates.get());
    }

    @Test
    void runAll_whenOneCustomersJournalIsCorrupt_theOthersStillRun() {
        store.failing.add("corrupt:cust-2");

        BulkResult r = onboarding().runAll(customers(3), 2, null);

        assertEquals(List.of("cust-1", "cust-3"), r.succeeded());
        BulkResult.CustomerRun bad = r.runs().get(1);
        StoreCorruptedException e = assertInstanceOf(StoreCorruptedException.class, bad.error());
        assertTrue(e.getMessage().contains("test.db") && e.getMessage().contains("journal #7 (customer cust-2)"), e.getMessage());
        assertTrue(chronicle.tenantsOf("cust-2").isEmpty());
    }

    @Test
    void runAll_whenAStoredDeferralIsUnreadable_reportsItAndRunsTheRest() {
        store.deferrals().put(new Deferral("broken", "{not json", List.of("chronicle"), T0, T0));

        BulkResult r = onboarding().runAll(customers(1), 1, null);

        assertEquals(List.of("cust-1"), r.succeeded());
        assertInstanceOf(StoreCorruptedException.class, r.runs().get(0).error());
        assertEquals("broken", r.runs().get(0).customerCode());
    }

    @Test
    void runAll_whenAProgressCallbackThrows_carriesOn() {
        List<Integer> calls = new ArrayList<>();

        BulkResult r = onboarding().runAll(customers(2), 1, (done, total, run) -> {
            calls.add(done);
            throw new IllegalStateException("ui gone");
        });

        assertEquals(2, r.succeeded().size());
        assertEquals(List.of(1, 2), calls);
    }
}
