package io.secopskit.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.secopskit.core.Secret;
import io.secopskit.core.provisioning.CredentialSink;
import io.secopskit.core.provisioning.InMemoryCredentialSink;
import io.secopskit.core.provisioning.Onboarding;
import io.secopskit.core.provisioning.OnboardingResult;
import io.secopskit.core.provisioning.OnboardingResult.Outcome;
import io.secopskit.core.provisioning.ProvisionedTenant;
import io.secopskit.core.provisioning.TenantProvisioner;
import io.secopskit.core.provisioning.TenantSpec;
import io.secopskit.core.store.Binding;
import io.secopskit.core.store.JournalEntry;
import io.secopskit.core.store.JournalEntry.Event;
import io.secopskit.core.store.LeaseHolder;
import io.secopskit.core.store.StoreException;
import io.secopskit.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The database stopped under a running store (the embedded server shut down with {@code pg_ctl stop -m fast}, which
 * cuts every connection) and started again on the same data: typed failures, nothing sent to a vendor without the
 * store, nothing created twice after the restart.
 */
class PostgresOutageTest {
    static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");
    static PgServer server;

    @BeforeAll
    static void startServer() {
        server = PgServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void serverRunsAgain() {
        if (!serverUp()) {
            server.restart();
        }
    }

    static boolean serverUp() {
        try (java.sql.Connection c = server.dataSource().getConnection()) {
            return true;
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    /** A vendor whose tenants carry the customer code as a tag, that counts every call, and that can act mid-call. */
    static final class Vendor implements TenantProvisioner {
        final String name;
        final Map<String, String> tagById = new ConcurrentHashMap<>();
        final AtomicInteger finds = new AtomicInteger();
        final AtomicInteger creates = new AtomicInteger();
        volatile Consumer<String> afterCreate = code -> { };

        Vendor(String name) {
            this.name = name;
        }

        @Override
        public String vendor() {
            return name;
        }

        @Override
        public Optional<ProvisionedTenant> find(TenantSpec spec) {
            finds.incrementAndGet();
            return tagById.entrySet().stream().filter(e -> e.getValue().equals(spec.customerCode())).findFirst()
                    .map(e -> ProvisionedTenant.found(name, e.getKey()));
        }

        @Override
        public Optional<ProvisionedTenant> findBound(TenantSpec spec, String tenantId) {
            finds.incrementAndGet();
            return tagById.containsKey(tenantId) ? Optional.of(ProvisionedTenant.found(name, tenantId)) : Optional.empty();
        }

        @Override
        public ProvisionedTenant provision(TenantSpec spec) {
            String id = name + "-" + creates.incrementAndGet();
            tagById.put(id, spec.customerCode());
            afterCreate.accept(spec.customerCode());
            return new ProvisionedTenant(name, id, ProvisionedTenant.Status.CREATED, Map.of(), Map.of("API_KEY", Secret.of("key-" + id)));
        }

        @Override
        public void deprovision(ProvisionedTenant tenant) {
            tagById.remove(tenant.tenantId());
        }

        @Override
        public boolean issuesCredentials() {
            return true;
        }

        long tenantsOf(String code) {
            return tagById.values().stream().filter(code::equals).count();
        }
    }

    static TenantSpec spec(String code) {
        return TenantSpec.builder().displayName("Customer " + code).customerCode(code).build();
    }

    @Test
    void calls_whenTheServerStops_failTypedNamingTheDatabase_andWorkAgainOnTheSameDataAfterRestart() {
        String schema = PgServer.freshSchema();
        try (HikariDataSource pool = server.pool(2)) {
            PostgresProvisioningStore pooled = PostgresProvisioningStore.builder(pool).schema(schema).build();
            PostgresProvisioningStore plain = PostgresProvisioningStore.builder(server.dataSource()).schema(schema).build();
            pooled.journal().append(JournalEntry.of("acme", null, "r1", Event.RUN_STARTED, null, T0, Map.of()));
            assertTrue(pooled.quotas().tryAcquire("chronicle.CreateCustomer", 30, Duration.ofDays(1), T0).granted());

            server.stop();

            LeaseHolder h = new LeaseHolder("h", 1, null, "r");
            List<StoreException> failures = List.of(
                    assertThrows(StoreException.class, () -> plain.journal().entries("acme")),
                    assertThrows(StoreException.class, () -> plain.leases().tryAcquire("acme", h, T0, Duration.ofSeconds(30), -1)),
                    assertThrows(StoreException.class, () -> plain.record(new Binding("acme", "taegis", "t", Binding.State.ACTIVE,
                            Binding.Origin.CREATED, T0, T0), JournalEntry.of("acme", "taegis", "r1", Event.CREATED, "t", T0, Map.of()))),
                    assertThrows(StoreException.class, () -> plain.quotas().tryAcquire("chronicle.CreateCustomer", 30, Duration.ofDays(1),
                            T0.plusSeconds(1))),
                    // the pool waits its connection timeout (1 s here) for a connection that never comes
                    assertThrows(StoreException.class, () -> pooled.journal().entries("acme")),
                    assertThrows(StoreException.class, () -> pooled.quotas().tryAcquire("chronicle.CreateCustomer", 30, Duration.ofDays(1),
                            T0.plusSeconds(1))));
            for (StoreException e : failures) {
                assertTrue(e.getMessage().contains("cannot reach the database postgresql://127.0.0.1:" + server.port()
                        + "/postgres (schema " + schema + ")"), e.getMessage());
                assertTrue(e.isRetryable());
                assertEquals("store", e.vendor());
            }

            server.restart();

            assertEquals(List.of(Event.RUN_STARTED), plain.journal().entries("acme").stream().map(JournalEntry::event)
                    .collect(Collectors.toList()), "the data survived the restart");
            List<JournalEntry> throughPool = null;
            for (int attempt = 0; attempt < 10 && throughPool == null; attempt++) {
                try {
                    throughPool = pooled.journal().entries("acme"); // HikariCP re-opens connections with its own backoff
                } catch (StoreException stillReconnecting) {
                    assertTrue(stillReconnecting.isRetryable());
                }
            }
            assertEquals(1, throughPool.size(), "the pool replaced its cut connections");
            assertEquals(2, plain.quotas().tryAcquire("chronicle.CreateCustomer", 30, Duration.ofDays(1), T0.plusSeconds(2)).used(),
                    "the refused acquisitions during the outage counted nothing");
        }
    }

    @Test
    void run_whenTheDatabaseIsDownBeforeItStarts_failsTyped_andCallsNoVendor() {
        PostgresProvisioningStore store = PostgresProvisioningStore.builder(server.dataSource()).schema(PgServer.freshSchema()).build();
        Vendor taegis = new Vendor("taegis");
        Onboarding onboarding = Onboarding.builder().step(taegis).store(store).clock(new MutableClock(T0)).build();
        server.stop();

        StoreException e = assertThrows(StoreException.class, () -> onboarding.run(spec("acme")));

        assertEquals("lease.acquire", e.operation());
        assertEquals(0, taegis.finds.get() + taegis.creates.get(), "no vendor call of any kind");
    }

    @Test
    void run_whenTheDatabaseStopsRightAfterAVendorCreate_failsTheLaterStepsBeforeTheirCreate_andTheReRunCreatesNothingTwice() {
        DataSource ds = server.dataSource();
        String schema = PgServer.freshSchema();
        PostgresProvisioningStore store = PostgresProvisioningStore.builder(ds).schema(schema).build();
        MutableClock clock = new MutableClock(T0);
        Vendor chronicle = new Vendor("chronicle");
        Vendor taegis = new Vendor("taegis");
        Vendor stellar = new Vendor("stellar");
        chronicle.afterCreate = code -> server.stop(); // the database goes away while the vendor's answer is on its way
        InMemoryCredentialSink sink = CredentialSink.inMemory();
        Onboarding onboarding = Onboarding.builder().step(chronicle).step(taegis).step(stellar).parallelism(1).store(store)
                .credentialSink(sink).clock(clock).build();

        OnboardingResult first = onboarding.run(spec("acme"));

        OnboardingResult.Step c = first.step("chronicle").orElseThrow();
        assertEquals(Outcome.CREATED, c.outcome(), "the vendor created it: never FAILED");
        assertFalse(c.recorded());
        assertInstanceOf(StoreException.class, c.error());
        assertEquals("chronicle-1", c.tenantId());
        assertEquals(Secret.of("key-chronicle-1").reveal(), c.tenant().secrets().get("API_KEY").reveal(), "the credentials are in the result");
        for (String vendor : List.of("taegis", "stellar")) {
            OnboardingResult.Step s = first.step(vendor).orElseThrow();
            assertEquals(Outcome.FAILED, s.outcome(), vendor);
            assertInstanceOf(StoreException.class, s.error(), vendor);
        }
        assertEquals(0, taegis.creates.get() + stellar.creates.get(), "no create without the fencing check");

        server.restart();
        chronicle.afterCreate = code -> { };
        OnboardingResult second = onboarding.run(spec("acme"));

        assertTrue(second.succeeded(), second.toString());
        assertEquals(Outcome.FOUND, second.step("chronicle").orElseThrow().outcome(), "adopted by its customer-code tag");
        assertEquals(Outcome.CREATED, second.step("taegis").orElseThrow().outcome());
        assertEquals(Outcome.CREATED, second.step("stellar").orElseThrow().outcome());
        assertEquals(1, chronicle.tenantsOf("acme"));
        assertEquals(1, taegis.tenantsOf("acme"));
        assertEquals(1, stellar.tenantsOf("acme"));
        assertEquals(List.of("chronicle", "stellar", "taegis"), store.bindings().forCustomer("acme").stream().map(Binding::vendor)
                .collect(Collectors.toList()));
        assertEquals(Event.RUN_FINISHED, last(store.journal().entries("acme")).event());
    }

    static JournalEntry last(List<JournalEntry> entries) {
        return entries.get(entries.size() - 1);
    }
}
