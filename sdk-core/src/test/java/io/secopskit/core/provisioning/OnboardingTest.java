package io.secopskit.core.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.Secret;
import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.provisioning.OnboardingResult.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnboardingTest {
    private static final TenantSpec SPEC = TenantSpec.builder().displayName("Acme").customerCode("acme").build();

    /** A vendor that keeps its tenants in a list and can be told to fail its next create. */
    private static final class StubVendor implements TenantProvisioner {
        final String name;
        final List<String> created = new ArrayList<>();
        final List<String> calls = new ArrayList<>();
        boolean failNext;

        StubVendor(String name) {
            this.name = name;
        }

        @Override
        public String vendor() {
            return name;
        }

        @Override
        public Optional<ProvisionedTenant> find(TenantSpec spec) {
            calls.add("find");
            return created.isEmpty() ? Optional.empty() : Optional.of(ProvisionedTenant.found(name, created.get(0)));
        }

        @Override
        public ProvisionedTenant provision(TenantSpec spec) {
            calls.add("provision");
            if (failNext) {
                failNext = false;
                throw new ServerException(ErrorInfo.of(name, "Create").withVendorMessage("boom"));
            }
            created.add(name + "-1");
            return new ProvisionedTenant(name, name + "-1", ProvisionedTenant.Status.CREATED, Map.of(),
                    Map.of("api_key", Secret.of("SECRET-" + name)));
        }

        @Override
        public void deprovision(ProvisionedTenant tenant) {
            created.remove(tenant.tenantId());
        }
    }

    private static List<Outcome> outcomes(OnboardingResult r) {
        return r.steps().stream().map(OnboardingResult.Step::outcome).collect(Collectors.toList());
    }

    @Test
    void run_failureStopsTheRun_laterStepsSkipped_rerunResumesAtTheFailedStep(@TempDir Path dir) throws Exception {
        StubVendor a = new StubVendor("a");
        StubVendor b = new StubVendor("b");
        StubVendor c = new StubVendor("c");
        b.failNext = true;
        Path file = dir.resolve("journal.json");
        Onboarding onboarding = Onboarding.builder().step(a).step(b).step(c).journal(OnboardingJournal.jsonFile(file)).build();

        OnboardingResult first = onboarding.run(SPEC);

        assertEquals(List.of(Outcome.CREATED, Outcome.FAILED, Outcome.SKIPPED), outcomes(first));
        assertEquals("[b.Create]: boom", first.step("b").orElseThrow().failure().orElseThrow().getMessage());
        assertTrue(c.calls.isEmpty());
        String journal = Files.readString(file);
        assertTrue(journal.contains("\"a-1\""), journal);
        assertFalse(journal.contains("SECRET-a"), "secrets never reach the journal");

        OnboardingResult second = onboarding.run(SPEC);

        assertEquals(List.of(Outcome.RESUMED, Outcome.CREATED, Outcome.CREATED), outcomes(second));
        assertEquals(List.of("find", "provision"), a.calls, "a was not called again on resume");
        assertEquals(List.of("a-1"), a.created);
        assertFalse(Files.readString(file).contains("acme"), "a finished run clears its journal entry");

        OnboardingResult third = onboarding.run(SPEC);
        assertEquals(List.of(Outcome.FOUND, Outcome.FOUND, Outcome.FOUND), outcomes(third));
        assertEquals(1, b.created.size());
        assertEquals(1, c.created.size());
    }

    @Test
    void tenantSpec_validatesFields() {
        assertThrows("customerCode", () -> TenantSpec.builder().displayName("x").customerCode("Bad_Code").build());
        assertThrows("displayName", () -> TenantSpec.builder().customerCode("ok").build());
        assertThrows("contactEmail", () -> TenantSpec.builder().displayName("x").customerCode("ok").contact("Jo", "nope").build());
        assertThrows("retentionMonths", () -> TenantSpec.builder().displayName("x").customerCode("ok").retentionMonths(0).build());
    }

    private static void assertThrows(String field, Runnable r) {
        io.secopskit.core.error.ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.secopskit.core.error.ValidationException.class, r::run);
        assertEquals(field, e.field());
    }
}
