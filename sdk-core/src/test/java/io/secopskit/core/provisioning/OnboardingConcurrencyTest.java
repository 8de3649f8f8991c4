package io.secopskit.core.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.internal.provisioning.ProcessIdentity;
import io.secopskit.core.provisioning.OnboardingResult.Outcome;
import io.secopskit.core.store.Lease;
import io.secopskit.core.store.LeaseHolder;
import io.secopskit.core.store.ProvisioningStore;
import io.secopskit.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OnboardingConcurrencyTest {
    static final TenantSpec ACME = OnboardingTest.ACME;
    static final Instant T0 = OnboardingTest.T0;

    MutableClock clock;
    FakeProvisioner taegis;
    ProvisioningStore store;
    ExecutorService threads;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(T0);
        taegis = new FakeProvisioner("taegis", false);
        store = ProvisioningStore.inMemory();
        threads = Executors.newCachedThreadPool();
    }

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
    }

    @Test
    void run_whenTwoOnboardingInstancesRaceForOneCustomer_createsOneTenant_andTheSecondFindsIt() throws Exception {
        CountDownLatch inCreate = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        taegis.beforeCreate = s -> {
            inCreate.countDown();
            await(release);
        };
        // two instances, each with its own in-memory store: only the in-process customer lock keeps them apart
        Onboarding first = Onboarding.builder().step(taegis).store(store).build();
        Onboarding second = Onboarding.builder().step(taegis).store(ProvisioningStore.inMemory()).lockPollInterval(Duration.ofMillis(5))
                .build();

        Future<OnboardingResult> a = threads.submit(() -> first.run(ACME));
        assertTrue(inCreate.await(10, TimeUnit.SECONDS));
        Future<OnboardingResult> b = threads.submit(() -> second.run(ACME));
        release.countDown();

        assertEquals(Outcome.CREATED, a.get(10, TimeUnit.SECONDS).steps().get(0).outcome());
        assertEquals(Outcome.FOUND, b.get(10, TimeUnit.SECONDS).steps().get(0).outcome());
        assertEquals(1, taegis.creates.get());
        assertEquals(List.of("taegis-1"), taegis.tenantsOf("acme"));
    }

    @Test
    void run_whenTheCustomerIsHeldInThisProcessBeyondTheTimeout_failsNamingTheHolder() throws Exception {
        CountDownLatch inCreate = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        taegis.beforeCreate = s -> {
            inCreate.countDown();
            await(release);
        };
        Onboarding holder = Onboarding.builder().step(taegis).store(store).build();
        Future<OnboardingResult> held = threads.submit(() -> holder.run(ACME));
        assertTrue(inCreate.await(10, TimeUnit.SECONDS));

        Onboarding waiter = Onboarding.builder().step(taegis).store(store).clock(clock).sleeper(clock::advance)
                .lockTimeout(Duration.ofSeconds(3)).lockPollInterval(Duration.ofMillis(500)).build();
        CustomerLockedException e = assertThrows(CustomerLockedException.class, () -> waiter.run(ACME));

        release.countDown();
        held.get(10, TimeUnit.SECONDS);
        assertEquals(T0.plusSeconds(3), clock.instant(), "waited exactly the timeout, on the injected clock");
        assertTrue(e.getMessage().contains("customer acme is held by host " + ProcessIdentity.host() + ", pid " + ProcessIdentity.pid()),
                e.getMessage());
        assertTrue(e.getMessage().contains("a run in this process, thread"), e.getMessage());
        assertTrue(e.getMessage().contains("waited 3000 ms"), e.getMessage());
        assertEquals(1, taegis.calls.stream().filter("provision"::equals).count(), "the waiter called no vendor");
    }

    @Test
    void run_whenAnotherMachineHoldsTheLease_waitsThenFailsNamingHostPidAndSince() {
        LeaseHolder remote = new LeaseHolder("soc-worker-7", 4242, Instant.parse("2026-11-01T00:00:00Z"), "other-run");
        store.leases().tryAcquire("acme", remote, T0.minusSeconds(60), Duration.ofMinutes(5), -1).orElseThrow();
        Onboarding waiter = Onboarding.builder().step(taegis).store(store).clock(clock).sleeper(clock::advance)
                .lockTimeout(Duration.ofSeconds(2)).build();

        CustomerLockedException e = assertThrows(CustomerLockedException.class, () -> waiter.run(ACME));

        assertEquals(remote, e.holder());
        assertEquals(T0.minusSeconds(60), e.since());
        assertTrue(e.getMessage().contains("held by host soc-worker-7, pid 4242"), e.getMessage());
        assertTrue(taegis.calls.isEmpty());
    }

    @Test
    void run_whenTheRemoteLeaseExpires_takesItWithAGreaterFence() {
        LeaseHolder remote = new LeaseHolder("soc-worker-7", 4242, null, "other-run");
        Lease old = store.leases().tryAcquire("acme", remote, T0, Duration.ofSeconds(2), -1).orElseThrow();
        Onboarding waiter = Onboarding.builder().step(taegis).store(store).clock(clock).sleeper(clock::advance)
                .lockTimeout(Duration.ofSeconds(10)).build();

        OnboardingResult r = waiter.run(ACME);

        assertEquals(Outcome.CREATED, r.steps().get(0).outcome());
        assertEquals(T0.plusSeconds(2), clock.instant(), "took the lease as soon as it expired");
        assertTrue(store.leases().current("acme").isEmpty(), "released after the run");
        Lease next = store.leases().tryAcquire("acme", remote, clock.instant(), Duration.ofSeconds(1), -1).orElseThrow();
        assertEquals(old.fence() + 2, next.fence(), "fences only grow");
    }

    @Test
    void run_whenTheHolderProcessOnThisHostIsDead_takesOverAtOnce() throws Exception {
        Process gone = new ProcessBuilder(javaBin(), "-version").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        Instant started = gone.toHandle().info().startInstant().map(i -> i.truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
                .orElse(null);
        long pid = gone.pid();
        assertTrue(gone.waitFor(30, TimeUnit.SECONDS));
        LeaseHolder dead = new LeaseHolder(ProcessIdentity.host(), pid, started, "killed-run");
        store.leases().tryAcquire("acme", dead, T0, Duration.ofHours(1), -1).orElseThrow();
        Onboarding next = Onboarding.builder().step(taegis).store(store).clock(clock).sleeper(d -> {
            throw new AssertionError("must not wait for a dead holder");
        }).build();

        assertEquals(Outcome.CREATED, next.run(ACME).steps().get(0).outcome());
    }

    @Test
    void run_runsIndependentVendorsConcurrently_andReportsInDeclaredOrder() throws Exception {
        CyclicBarrier bothInFind = new CyclicBarrier(3);
        FakeProvisioner a = new FakeProvisioner("chronicle", false);
        FakeProvisioner b = new FakeProvisioner("stellar", false);
        FakeProvisioner c = new FakeProvisioner("servicenow", false);
        for (FakeProvisioner p : List.of(a, b, c)) {
            p.onFind = s -> {
                try {
                    bothInFind.await(10, TimeUnit.SECONDS); // only passes if all three finds run at once
                } catch (Exception e) {
                    throw new IllegalStateException("steps did not run concurrently", e);
                }
            };
        }
        b.beforeCreate = s -> clock.advance(Duration.ofMillis(1)); // finishes in a different order than declared

        OnboardingResult r = Onboarding.builder().step(a).step(b).step(c).store(store).parallelism(3).build().run(ACME);

        assertEquals(List.of("chronicle", "stellar", "servicenow"), r.steps().stream().map(OnboardingResult.Step::vendor)
                .collect(Collectors.toList()));
        assertTrue(r.succeeded(), r.toString());
    }

    @Test
    void run_whenAStepDependsOnAnother_startsItOnlyAfterThatOneCompleted() {
        FakeProvisioner a = new FakeProvisioner("chronicle", false);
        List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
        a.afterCreate = s -> order.add("chronicle created");
        taegis.onFind = s -> order.add("taegis find");

        Onboarding.builder().step(a).step(taegis, "chronicle").store(store).parallelism(4).build().run(ACME);

        assertEquals(List.of("chronicle created", "taegis find"), order);
    }

    @Test
    void run_whenInterruptedWhileWaitingForTheLock_restoresTheFlagAndFailsTyped() throws Exception {
        LeaseHolder remote = new LeaseHolder("soc-worker-7", 4242, null, "other-run");
        store.leases().tryAcquire("acme", remote, T0, Duration.ofHours(1), -1).orElseThrow();
        Onboarding waiter = Onboarding.builder().step(taegis).store(store).clock(clock).sleeper(d -> {
            throw new InterruptedException();
        }).build();

        Future<Boolean> f = threads.submit(() -> {
            assertThrows(CustomerLockedException.class, () -> waiter.run(ACME));
            return Thread.currentThread().isInterrupted();
        });

        assertTrue(f.get(10, TimeUnit.SECONDS));
    }

    @Test
    void run_whenCalledAgainForTheSameCustomerOnTheSameThread_failsInsteadOfDeadlocking() {
        Onboarding[] self = new Onboarding[1];
        RuntimeException[] inner = new RuntimeException[1];
        taegis.onFind = s -> {
            try {
                self[0].run(ACME);
            } catch (RuntimeException e) {
                inner[0] = e;
            }
        };
        self[0] = Onboarding.builder().step(taegis).store(store).parallelism(1).build();

        self[0].run(ACME);

        assertInstanceOf(IllegalStateException.class, inner[0]);
    }

    static String javaBin() {
        return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
