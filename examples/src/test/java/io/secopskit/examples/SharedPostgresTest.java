package io.secopskit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.secopskit.chronicle.ChronicleClient;
import io.secopskit.chronicle.ChronicleTenantProvisioner;
import io.secopskit.chronicle.CustomersClient;
import io.secopskit.chronicle.model.CreateCustomerRequest;
import io.secopskit.core.error.QuotaExhaustedException;
import io.secopskit.core.http.ClientOptions;
import io.secopskit.core.http.RateLimit;
import io.secopskit.core.provisioning.BulkResult;
import io.secopskit.core.provisioning.CredentialSink;
import io.secopskit.core.provisioning.Onboarding;
import io.secopskit.core.provisioning.OnboardingResult;
import io.secopskit.core.provisioning.OnboardingResult.Outcome;
import io.secopskit.core.provisioning.ProvisionedTenant;
import io.secopskit.core.provisioning.TenantProvisioner;
import io.secopskit.core.provisioning.TenantSpec;
import io.secopskit.core.store.Binding;
import io.secopskit.core.store.Deferral;
import io.secopskit.core.store.JournalEntry;
import io.secopskit.core.store.QuotaStore;
import io.secopskit.core.store.StoreException;
import io.secopskit.store.postgres.PostgresProvisioningStore;
import io.secopskit.store.postgres.PostgresQuotaStore;
import io.secopskit.testkit.FakeRequest;
import io.secopskit.testkit.MutableClock;
import io.secopskit.testkit.SecOpsSandbox;
import io.secopskit.testkit.ChildJvm;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's measures against the sandbox and one real PostgreSQL 17 (embedded, started here): replicas onboarding the
 * same customers (each a JVM with its own pool, store and onboarding), Chronicle's daily quota shared by four replicas,
 * and the database stopped in the middle of a run. Default: 4 replicas × 5 customers; {@code -Pheavy}: 8 × 50.
 */
class SharedPostgresTest {
    static final boolean HEAVY = Boolean.getBoolean("secopskit.heavy");
    static final List<String> VENDORS = List.of("chronicle", "taegis", "carbonblack", "servicenow", "stellar");
    static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");
    static final Duration DAY = Duration.ofHours(24);
    static EmbeddedPg pg;

    @TempDir
    Path dir;
    SecOpsSandbox sandbox;

    @BeforeAll
    static void startDatabase() {
        pg = EmbeddedPg.start();
    }

    @AfterAll
    static void stopDatabase() {
        pg.close();
    }

    @BeforeEach
    void startSandbox() {
        sandbox = SecOpsSandbox.start();
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    // ---------------------------------------------------------------------------------------------------------
    // replicas

    @Test
    void replicasOnboardingTheSameCustomersAtOnce_createNoDuplicate_andLoseNoJournalEntry() throws Exception {
        int replicas = HEAVY ? 8 : 4;
        int customers = HEAVY ? 50 : 5;
        // every fake accepts duplicates (Taegis tenants, Carbon Black feeds and ServiceNow rows by nature, Stellar tenant
        // names by switch; Chronicle keys customers by code, so its count of CreateCustomer requests is the measure), and
        // Chronicle's own quota and the client-side one are raised above the run size
        sandbox.stellar().allowDuplicateTenantNames(true);
        sandbox.chronicle().createCustomerQuota(100_000);
        for (int i = 1; i <= customers; i++) {
            sandbox.addServiceNowCi("Race Customer " + i);
        }
        Path addresses = dir.resolve("sandbox.properties");
        Harness.writeAddresses(sandbox, addresses);
        Path ready = Files.createDirectory(dir.resolve("ready"));
        List<ChildJvm> children = new ArrayList<>();
        long t0 = System.nanoTime();
        Map<String, Integer> createdBy = new HashMap<>();
        Map<String, Integer> reported = new HashMap<>();
        try {
            for (int i = 0; i < replicas; i++) {
                children.add(ChildJvm.start(ChildJvm.java(), PostgresReplicaRun.class, addresses.toString(), pg.jdbcUrl(), "replicas",
                        dir.resolve("credentials").toString(), Integer.toString(customers), "2", ready.toString(), Integer.toString(replicas)));
            }
            List<Integer> exits = new ArrayList<>();
            for (ChildJvm c : children) {
                exits.add(c.waitFor(900));
            }
            for (ChildJvm c : children) {
                assertEquals(List.of(0), exits.stream().distinct().collect(Collectors.toList()), children.stream()
                        .map(x -> String.join("\n", x.output())).collect(Collectors.joining("\n----\n")));
                List<String> out = c.output();
                assertTrue(out.contains("DONE"), String.join("\n", out));
                assertTrue(out.stream().noneMatch(l -> l.startsWith("ERROR") || l.contains("INCOMPLETE")), String.join("\n", out));
                for (String l : out) {
                    if (l.startsWith("OUTCOME ")) {
                        String[] f = l.split(" ");
                        reported.merge(f[1] + "/" + f[2], 1, Integer::sum);
                        if (f[3].equals("CREATED")) {
                            createdBy.merge(f[1] + "/" + f[2], 1, Integer::sum);
                        }
                    }
                }
            }
        } finally {
            children.forEach(ChildJvm::close);
        }
        long ms = Duration.ofNanos(System.nanoTime() - t0).toMillis();
        System.out.println("replicas: " + replicas + " JVMs x 2 threads x " + customers + " customers on PostgreSQL in " + ms + " ms");

        assertEquals(customers * VENDORS.size(), reported.size());
        assertTrue(reported.values().stream().allMatch(n -> n == replicas), "every replica ran every customer: " + reported);
        assertEquals(customers * VENDORS.size(), createdBy.size(), "each step created by exactly one replica: " + createdBy);
        assertTrue(createdBy.values().stream().allMatch(n -> n == 1), createdBy.toString());
        PostgresProvisioningStore store = PostgresProvisioningStore.builder(pg.dataSource()).schema("replicas").build();
        int createdEntries = 0;
        for (int i = 1; i <= customers; i++) {
            String code = "race-" + i;
            assertEquals(Map.of("chronicle", 1L, "taegis", 1L, "carbonblack", 1L, "servicenow", 1L, "stellar", 1L),
                    Harness.creates(sandbox, code), code + ": 0 duplicates");
            OnboardingTest.assertExactlyOneEverywhere(sandbox, code);
            List<JournalEntry> journal = store.journal().entries(code);
            for (String vendor : VENDORS) {
                long created = journal.stream().filter(e -> vendor.equals(e.vendor()) && e.event() == JournalEntry.Event.CREATED).count();
                assertEquals(1, created, code + " " + vendor + ": one CREATED entry per create the vendor received");
                createdEntries += (int) created;
                assertEquals(Binding.State.ACTIVE, store.bindings().get(code, vendor).orElseThrow().state());
            }
            assertEquals(replicas, journal.stream().filter(e -> e.event() == JournalEntry.Event.RUN_FINISHED).count(),
                    code + ": every replica's run finished and was recorded");
        }
        assertEquals(customers * VENDORS.size(), createdEntries, "0 lost journal entries");
        assertEquals("1", pg.queryOne("SELECT count(*) FROM replicas.secopskit_schema_history"), "replicas migrated once between them");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Chronicle's daily quota shared by four replicas

    /** One replica's Chronicle client: its own pool and quota store, Chronicle's 30-a-day marked shared. */
    ChronicleClient replicaClient(HikariDataSource pool, String schema, MutableClock clock, int limit) {
        QuotaStore quotas = PostgresQuotaStore.builder(pool).schema(schema).build();
        ClientOptions options = ClientOptions.builder().clock(clock).quotaStore(quotas)
                .rateLimit(RateLimit.perDay(CustomersClient.CREATE_CUSTOMER_LIMIT, limit).asShared()).build();
        return ChronicleClient.builder().endpoint(sandbox.chronicle().baseUri())
                .serviceAccountKey(new ByteArrayInputStream(sandbox.chronicleKeyJson().getBytes(StandardCharsets.UTF_8)))
                .options(options).build();
    }

    /** CreateCustomer through a replica's client (the one place this test names the client's method). */
    static Object create(ChronicleClient client, String code) {
        return client.customers().create(CreateCustomerRequest.builder().customerName("Customer " + code).customerCode(code)
                .customerSubdomain(code).build());
    }

    /** The Chronicle provisioner of a replica (the one place this test names its constructor). */
    static TenantProvisioner provisioner(ChronicleClient client) {
        return ChronicleTenantProvisioner.legacy(client);
    }

    List<FakeRequest> creates() {
        return sandbox.chronicle().requests("POST", "/v1/partner/customer/createcustomer");
    }

    @Test
    void sharedQuota_fourReplicasRacing_sendExactly30CreatesInTheWindow_andThe31stFailsFastOnWhicheverReplicaAsks() throws Exception {
        sandbox.chronicle().createCustomerQuota(1000); // the fake's own quota is far above 30: the 30 is the SDK's
        MutableClock clock = new MutableClock(T0);
        sandbox.chronicle().clock(clock);
        String schema = "quota_race";
        List<HikariDataSource> pools = new ArrayList<>();
        List<ChronicleClient> replicas = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            pools.add(EmbeddedPg.pool(pg.jdbcUrl(), 4));
            replicas.add(replicaClient(pools.get(r), schema, clock, 30));
        }
        ExecutorService threads = Executors.newFixedThreadPool(40);
        try {
            CyclicBarrier start = new CyclicBarrier(40);
            List<Future<Object>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                ChronicleClient replica = replicas.get(i % 4);
                String code = "q-r" + (i % 4) + "-c" + i;
                results.add(threads.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    try {
                        return create(replica, code);
                    } catch (QuotaExhaustedException e) {
                        return e;
                    }
                }));
            }
            List<QuotaExhaustedException> refused = new ArrayList<>();
            int created = 0;
            for (Future<Object> f : results) {
                Object o = f.get(120, TimeUnit.SECONDS);
                if (o instanceof QuotaExhaustedException) {
                    refused.add((QuotaExhaustedException) o);
                } else {
                    created++;
                }
            }

            assertEquals(30, created);
            assertEquals(30, creates().size(), "the fake received exactly 30 CreateCustomer requests");
            assertEquals(30, sandbox.chronicle().customerCount());
            assertEquals(10, refused.size());
            for (QuotaExhaustedException e : refused) {
                assertEquals(QuotaExhaustedException.Side.CLIENT, e.detectedBy());
                assertEquals(T0.plus(DAY), e.resetsAt(), "the oldest counted send plus 24 h");
                assertEquals(CustomersClient.CREATE_CUSTOMER_LIMIT, e.limitKey());
                assertFalse(e.isRetryable());
            }

            // the 31st, on whichever replica asks: fails fast with nothing sent (no token request either)
            int before = sandbox.chronicle().requests().size();
            clock.advance(Duration.ofHours(23));
            for (int r = 0; r < 4; r++) {
                int replica = r;
                QuotaExhaustedException e = assertThrows(QuotaExhaustedException.class,
                        () -> create(replicas.get(replica), "late-" + replica));
                assertEquals(T0.plus(DAY), e.resetsAt());
            }
            assertEquals(before, sandbox.chronicle().requests().size(), "0 requests for the refused calls");

            // a sliding window: at T0 + 24 h every send of T0 leaves it, and the replicas share what frees up
            clock.set(T0.plus(DAY));
            create(replicas.get(2), "next-day-1");
            assertEquals(31, creates().size());
        } finally {
            threads.shutdownNow();
            pools.forEach(HikariDataSource::close);
        }
    }

    @Test
    void sharedQuota_fourReplicasOnboarding_create30_andDeferTheRestWithTheResetTime_inTheSharedStore() throws Exception {
        sandbox.chronicle().createCustomerQuota(1000);
        MutableClock clock = new MutableClock(T0);
        sandbox.chronicle().clock(clock);
        String schema = "quota_onboarding";
        List<HikariDataSource> pools = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<BulkResult>> runs = new ArrayList<>();
            CyclicBarrier start = new CyclicBarrier(4);
            for (int r = 0; r < 4; r++) {
                HikariDataSource pool = EmbeddedPg.pool(pg.jdbcUrl(), 6);
                pools.add(pool);
                Onboarding onboarding = Onboarding.builder().step(provisioner(replicaClient(pool, schema, clock, 30)))
                        .store(PostgresProvisioningStore.builder(pool).schema(schema).build()).clock(clock).build();
                List<TenantSpec> mine = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    mine.add(TenantSpec.builder().displayName("Replica " + r + " customer " + i).customerCode("o-r" + r + "-c" + i).build());
                }
                runs.add(threads.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return onboarding.runAll(mine, 3, null);
                }));
            }
            Map<Outcome, Integer> outcomes = new HashMap<>();
            for (Future<BulkResult> f : runs) {
                for (BulkResult.CustomerRun run : f.get(180, TimeUnit.SECONDS).runs()) {
                    assertNull(run.error(), run.customerCode() + ": " + run.error());
                    OnboardingResult.Step s = run.result().step("chronicle").orElseThrow();
                    outcomes.merge(s.outcome(), 1, Integer::sum);
                    if (s.outcome() == Outcome.DEFERRED) {
                        assertEquals(T0.plus(DAY), s.resetsAt());
                    }
                }
            }

            assertEquals(Map.of(Outcome.CREATED, 30, Outcome.DEFERRED, 10), outcomes);
            assertEquals(30, creates().size());
            PostgresProvisioningStore shared = PostgresProvisioningStore.builder(pg.dataSource()).schema(schema).build();
            List<Deferral> deferred = shared.deferrals().all();
            assertEquals(10, deferred.size(), "every replica sees the deferred customers");
            assertTrue(deferred.stream().allMatch(d -> d.resetsAt().equals(T0.plus(DAY)) && d.vendors().equals(List.of("chronicle"))));
        } finally {
            threads.shutdownNow();
            pools.forEach(HikariDataSource::close);
        }
    }

    @Test
    void sharedQuota_countsEverySend_theDocumentedRetryIncluded_andGooglesOwn429IsTheSameExceptionType() {
        MutableClock clock = new MutableClock(T0);
        sandbox.chronicle().clock(clock);
        try (HikariDataSource pool = EmbeddedPg.pool(pg.jdbcUrl(), 2)) {
            ChronicleClient replica = replicaClient(pool, "quota_sends", clock, 3);
            sandbox.chronicle().createCustomerQuota(1000);
            sandbox.chronicle().failNextCreatesRetryably(1);

            create(replica, "retried"); // failed once with the documented message, then resent
            assertEquals(2, creates().size());
            clock.advance(Duration.ofMinutes(1));
            create(replica, "third-send");
            QuotaExhaustedException sdk = assertThrows(QuotaExhaustedException.class, () -> create(replica, "x"));

            assertEquals(QuotaExhaustedException.Side.CLIENT, sdk.detectedBy());
            assertEquals(3, creates().size(), "two sends for the retried call, one for the next: the quota of 3 is spent");

            // Google's own count runs out first (the fake's quota set below what the SDK allows): the same exception type
            ChronicleClient generous = replicaClient(pool, "quota_vendor", clock, 30);
            sandbox.chronicle().createCustomerQuota(3); // three sends already in the fake's window
            clock.advance(Duration.ofMinutes(1));
            QuotaExhaustedException google = assertThrows(QuotaExhaustedException.class,
                    () -> create(generous, "google-says-no"));

            assertEquals(QuotaExhaustedException.Side.VENDOR, google.detectedBy());
            assertEquals(429, google.httpStatus());
            assertEquals("RESOURCE_EXHAUSTED", google.vendorCode());
            assertEquals(T0.plusSeconds(120).plus(DAY), google.resetsAt(), "the oldest send this shared quota counted, plus 24 h");
            assertEquals(4, creates().size(), "sent once, not retried");
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // the database stopped mid-run

    @Test
    void databaseStoppedMidRun_failsTyped_sendsNothingWithoutTheStore_andAfterRestartNothingIsCreatedTwice() {
        sandbox.chronicle().createCustomerQuota(1000);
        List<TenantSpec> specs = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            specs.add(Onboard.demoCustomer("Outage Customer " + i, "outage-" + i));
            sandbox.addServiceNowCi("Outage Customer " + i);
        }
        Vendors vendors = Vendors.sandbox(Vendors.SandboxAddresses.of(sandbox), Harness.raisedQuota());
        PostgresProvisioningStore store = PostgresProvisioningStore.builder(pg.dataSource()).schema("outage").build();
        Onboarding.Builder b = Onboarding.builder().store(store).credentialSink(CredentialSink.ownerOnlyFiles(dir.resolve("credentials")))
                .parallelism(1);
        for (TenantProvisioner p : Onboard.provisioners(vendors)) {
            // the database goes away right after Taegis created the second customer's tenant
            b.step(p.vendor().equals("taegis") ? stopDatabaseAfterCreate(p, "outage-2") : p);
        }
        Onboarding onboarding = b.build();
        try {
            BulkResult first = onboarding.runAll(specs, 1, null);

            Map<String, BulkResult.CustomerRun> runs = first.runs().stream().collect(Collectors.toMap(BulkResult.CustomerRun::customerCode, r -> r));
            assertTrue(runs.get("outage-1").result().succeeded());
            OnboardingResult second = runs.get("outage-2").result();
            assertEquals(Outcome.CREATED, second.step("chronicle").orElseThrow().outcome());
            assertEquals(Outcome.CREATED, second.step("taegis").orElseThrow().outcome(), "created by the vendor: never FAILED");
            assertFalse(second.step("taegis").orElseThrow().recorded());
            for (String vendor : List.of("carbonblack", "servicenow", "stellar")) {
                OnboardingResult.Step s = second.step(vendor).orElseThrow();
                assertEquals(Outcome.FAILED, s.outcome(), vendor);
                assertInstanceOf(StoreException.class, s.error(), vendor);
            }
            for (String code : List.of("outage-3", "outage-4")) {
                assertInstanceOf(StoreException.class, runs.get(code).error(), code);
                assertTrue(runs.get(code).error().getMessage().contains("cannot reach the database postgresql://localhost:" + pg.port()),
                        runs.get(code).error().getMessage());
                assertTrue(requestsMentioning(code).isEmpty(), code + ": nothing was sent to any vendor: " + requestsMentioning(code));
            }
            assertEquals(Map.of("chronicle", 1L, "taegis", 1L, "carbonblack", 0L, "servicenow", 0L, "stellar", 0L),
                    Harness.creates(sandbox, "outage-2"));
        } finally {
            pg.restart();
        }

        BulkResult again = onboarding.runAll(specs, 1, null);

        for (BulkResult.CustomerRun run : again.runs()) {
            assertNull(run.error(), run.customerCode());
            assertTrue(run.result().succeeded(), run.result().toString());
        }
        assertEquals(Outcome.FOUND, again.runs().stream().filter(r -> r.customerCode().equals("outage-2")).findFirst().orElseThrow()
                .result().step("taegis").orElseThrow().outcome(), "adopted by its customer-code label, not created again");
        for (TenantSpec s : specs) {
            assertEquals(Map.of("chronicle", 1L, "taegis", 1L, "carbonblack", 1L, "servicenow", 1L, "stellar", 1L),
                    Harness.creates(sandbox, s.customerCode()), s.customerCode() + ": nothing created twice");
            OnboardingTest.assertExactlyOneEverywhere(sandbox, s.customerCode());
        }
    }

    @Test
    void sharedQuota_whenTheDatabaseIsDown_failsTyped_andSendsNothing() {
        MutableClock clock = new MutableClock(T0);
        try (HikariDataSource pool = EmbeddedPg.pool(pg.jdbcUrl(), 2)) {
            ChronicleClient replica = replicaClient(pool, "quota_down", clock, 30);
            pg.stop();
            try {
                StoreException e = assertThrows(StoreException.class, () -> create(replica, "while-down"));

                assertEquals("quota.acquire", e.operation());
                assertTrue(e.isRetryable());
                assertEquals(0, sandbox.chronicle().requests().size(), "not even a token request");
            } finally {
                pg.restart();
            }
        }
    }

    /** Taegis' provisioner, stopping the database right after the vendor created the named customer's tenant. */
    TenantProvisioner stopDatabaseAfterCreate(TenantProvisioner p, String code) {
        return new TenantProvisioner() {
            @Override
            public String vendor() {
                return p.vendor();
            }

            @Override
            public Optional<ProvisionedTenant> find(TenantSpec spec) {
                return p.find(spec);
            }

            @Override
            public Optional<ProvisionedTenant> findBound(TenantSpec spec, String tenantId) {
                return p.findBound(spec, tenantId);
            }

            @Override
            public ProvisionedTenant provision(TenantSpec spec) {
                ProvisionedTenant t = p.provision(spec);
                if (spec.customerCode().equals(code)) {
                    pg.stop();
                }
                return t;
            }

            @Override
            public void deprovision(ProvisionedTenant tenant) {
                p.deprovision(tenant);
            }

            @Override
            public boolean issuesCredentials() {
                return p.issuesCredentials();
            }
        };
    }

    List<String> requestsMentioning(String code) {
        List<FakeRequest> all = new ArrayList<>();
        all.addAll(sandbox.chronicle().requests());
        all.addAll(sandbox.taegis().requests());
        all.addAll(sandbox.carbonBlack().requests());
        all.addAll(sandbox.serviceNow().requests());
        all.addAll(sandbox.stellar().requests());
        return all.stream().filter(r -> (r.path() + " " + r.query() + " " + r.body()).contains(code)).map(r -> r.method() + " " + r.path())
                .collect(Collectors.toList());
    }
}
