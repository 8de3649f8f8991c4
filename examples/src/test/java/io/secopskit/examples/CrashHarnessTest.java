package io.secopskit.examples;

import io.secopskit.testkit.ChildJvm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.secopskit.core.provisioning.CredentialSink;
import io.secopskit.core.provisioning.OnboardingResult;
import io.secopskit.core.provisioning.OnboardingResult.CredentialStatus;
import io.secopskit.core.provisioning.OnboardingResult.Outcome;
import io.secopskit.core.store.Binding;
import io.secopskit.core.store.JournalEntry;
import io.secopskit.store.sqlite.SqliteProvisioningStore;
import io.secopskit.testkit.SecOpsSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 14's crash harness: a child JVM onboards a customer against the sandbox (which lives in this JVM) and is
 * killed with SIGKILL ({@code destroyForcibly}) at a step boundary of one vendor — before the vendor call, after the
 * vendor created the tenant but before the journal recorded it, after the record. A re-run in this JVM must then
 * create nothing twice, find every tenant, read the journal, and have the credentials delivered (or report them
 * undelivered). The default suite kills at Chronicle's three boundaries and after Taegis' create; {@code -Pheavy}
 * runs all 3 boundaries × 5 vendors.
 */
class CrashHarnessTest {
    static final List<String> ORDER = List.of("chronicle", "taegis", "carbonblack", "servicenow", "stellar");

    @TempDir
    static Path dir;
    static SecOpsSandbox sandbox;
    static Path addresses;
    static Path db;
    static Path credentials;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = SecOpsSandbox.start();
        addresses = dir.resolve("sandbox.properties");
        Harness.writeAddresses(sandbox, addresses);
        db = dir.resolve("secopskit.db");
        credentials = dir.resolve("credentials");
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    static Stream<Arguments> killPoints() {
        List<Arguments> out = new ArrayList<>();
        if (Boolean.getBoolean("secopskit.heavy")) {
            for (String vendor : ORDER) {
                for (Harness.Boundary b : Harness.Boundary.values()) {
                    out.add(Arguments.of(vendor, b));
                }
            }
        } else {
            for (Harness.Boundary b : Harness.Boundary.values()) {
                out.add(Arguments.of("chronicle", b));
            }
            out.add(Arguments.of("taegis", Harness.Boundary.AFTER_CREATE));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "kill at {0} {1}")
    @MethodSource("killPoints")
    void rerun_afterAKillAtAStepBoundary_createsNothingTwice_findsEveryTenant_andLosesNoCredential(String vendor, Harness.Boundary b)
            throws Exception {
        String code = ("k-" + vendor + "-" + b.ordinal()).substring(0, Math.min(18, ("k-" + vendor + "-" + b.ordinal()).length()));
        String name = "Kill " + vendor + " " + b;
        sandbox.addServiceNowCi(name);
        try (ChildJvm child = ChildJvm.start(ChildJvm.java(), CrashRun.class, addresses.toString(), db.toString(), credentials.toString(),
                code, name, vendor, b.name())) {
            child.await("AT " + vendor + " " + b, 90);
            child.kill();
        }
        int killedAt = ORDER.indexOf(vendor);
        Map<String, Long> before = Harness.creates(sandbox, code);
        for (int i = 0; i < ORDER.size(); i++) {
            long expected = i < killedAt || i == killedAt && b != Harness.Boundary.BEFORE_CREATE ? 1 : 0;
            assertEquals(expected, before.get(ORDER.get(i)), "creates before the re-run at " + ORDER.get(i));
        }

        OnboardingResult rerun;
        long ms;
        try (SqliteProvisioningStore store = SqliteProvisioningStore.open(db)) {
            long t0 = System.nanoTime();
            rerun = Onboard.onboarding(Vendors.sandbox(Vendors.SandboxAddresses.of(sandbox), Harness.raisedQuota())).store(store)
                    .credentialSink(CredentialSink.ownerOnlyFiles(credentials)).lockTimeout(Duration.ofSeconds(10)).build()
                    .run(Onboard.demoCustomer(name, code));
            ms = Duration.ofNanos(System.nanoTime() - t0).toMillis();

            List<JournalEntry> journal = store.journal().entries(code);
            assertEquals(JournalEntry.Event.RUN_FINISHED, journal.get(journal.size() - 1).event(), "the journal parses and is closed");
            assertEquals(ORDER.size(), store.bindings().forCustomer(code).stream().filter(x -> x.state() == Binding.State.ACTIVE).count());
        }
        System.out.println("kill at " + vendor + " " + b + ": re-run " + ms + " ms, outcomes " + rerun.steps().stream()
                .map(s -> s.vendor() + "=" + s.outcome()).collect(Collectors.joining(",")));

        assertTrue(rerun.succeeded(), rerun.toString());
        Outcome expectedAtKill = b == Harness.Boundary.BEFORE_CREATE ? Outcome.CREATED
                : b == Harness.Boundary.AFTER_CREATE ? Outcome.FOUND : Outcome.RESUMED;
        assertEquals(expectedAtKill, rerun.step(vendor).orElseThrow().outcome());
        assertEquals(Map.of("chronicle", 1L, "taegis", 1L, "carbonblack", 1L, "servicenow", 1L, "stellar", 1L), Harness.creates(sandbox, code),
                "every vendor received exactly one create for the customer");
        OnboardingTest.assertExactlyOneEverywhere(sandbox, code);

        OnboardingResult.Step chronicle = rerun.step("chronicle").orElseThrow();
        Path file = credentials.resolve(code).resolve("chronicle.json");
        if (Files.exists(file)) {
            JsonNode delivered = new ObjectMapper().readTree(file.toFile()).path("credentials");
            JsonNode issued = sandbox.chronicle().customer(code).path("credentials");
            assertEquals(issued.size(), delivered.size());
            for (JsonNode c : issued) {
                assertEquals(c.path("credential").asText(), delivered.path(c.path("credential_type").asText()).asText(),
                        "the delivered credential is the one Chronicle issued");
            }
            assertTrue(List.of(CredentialStatus.DELIVERED, CredentialStatus.DELIVERED_EARLIER).contains(chronicle.credentials()),
                    chronicle.toString());
        } else {
            assertTrue(List.of(CredentialStatus.UNDELIVERED, CredentialStatus.NOT_RECOVERED).contains(chronicle.credentials()),
                    "credentials neither delivered nor reported undelivered: " + chronicle);
        }
    }
}
