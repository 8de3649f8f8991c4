package io.secopskit.examples;

import io.secopskit.carbonblack.CarbonBlackTenantProvisioner;
import io.secopskit.chronicle.ChronicleTenantProvisioner;
import io.secopskit.core.provisioning.Onboarding;
import io.secopskit.core.provisioning.OnboardingJournal;
import io.secopskit.core.provisioning.OnboardingResult;
import io.secopskit.core.provisioning.TenantSpec;
import io.secopskit.servicenow.ServiceNowTenantProvisioner;
import io.secopskit.stellar.StellarTenantProvisioner;
import io.secopskit.taegis.TaegisTenantProvisioner;
import io.secopskit.testkit.SecOpsSandbox;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The main job: onboards a customer to every configured vendor, safely re-runnable.
 *
 * <p>Without arguments it starts the embedded sandbox (all five vendor fakes on loopback), onboards the
 * demo customer "Acme Corp" and then runs the same onboarding again to show that nothing is created twice.
 * With a properties file as argument (or {@code SECOPSKIT_CONFIG} set) it onboards to the real vendors
 * configured there; see {@link Vendors#configured}.
 */
public final class Onboard {
    private Onboard() {
    }

    /**
     * Runs the demo or a real onboarding.
     *
     * @param args optional properties file
     * @throws IOException if the journal directory cannot be created
     */
    public static void main(String[] args) throws IOException {
        String config = args.length > 0 ? args[0] : System.getenv("SECOPSKIT_CONFIG");
        TenantSpec spec = TenantSpec.builder().displayName(System.getProperty("customer.name", "Acme Corp"))
                .customerCode(System.getProperty("customer.code", "acme-corp")).retentionMonths(12)
                .contact("Jo Doe", "soc@acme.example").label("tier", "gold").hint("taegis.environment", "echo").build();
        if (config != null) {
            Path journal = Path.of(System.getProperty("journal", "onboarding-journal.json"));
            OnboardingResult result = onboarding(Vendors.configured(Path.of(config)), OnboardingJournal.jsonFile(journal)).run(spec);
            print(System.out, "Onboarding " + spec.displayName(), result);
            System.exit(result.succeeded() ? 0 : 1);
            return;
        }
        try (SecOpsSandbox sandbox = SecOpsSandbox.start()) {
            sandbox.addServiceNowCi(spec.displayName());
            Path journal = Files.createTempDirectory("secopskit-demo").resolve("onboarding-journal.json");
            Onboarding onboarding = onboarding(Vendors.sandbox(sandbox), OnboardingJournal.jsonFile(journal));
            System.out.println("SecOpsKit onboarding demo — embedded sandbox (five vendor fakes on 127.0.0.1)");
            System.out.println("Journal: " + journal);
            print(System.out, "Run 1: onboard " + spec.displayName() + " (" + spec.customerCode() + ")", onboarding.run(spec));
            print(System.out, "Run 2: the same onboarding again (find before create)", onboarding.run(spec));
        }
    }

    /**
     * Builds the onboarding in the documented order, with every configured vendor.
     *
     * @param v       the clients
     * @param journal the journal
     * @return the orchestrator
     */
    public static Onboarding onboarding(Vendors v, OnboardingJournal journal) {
        Onboarding.Builder b = Onboarding.builder().journal(journal);
        if (v.chronicle != null) {
            b.step(new ChronicleTenantProvisioner(v.chronicle));
        }
        if (v.taegis != null) {
            b.step(new TaegisTenantProvisioner(v.taegis, v.taegisPartnerTenantId));
        }
        if (v.carbonBlack != null) {
            b.step(new CarbonBlackTenantProvisioner(v.carbonBlack));
        }
        if (v.serviceNow != null) {
            b.step(new ServiceNowTenantProvisioner(v.serviceNow));
        }
        if (v.stellar != null) {
            b.step(new StellarTenantProvisioner(v.stellar));
        }
        return b.build();
    }

    /**
     * Prints a result as a table: vendor, outcome, tenant id, duration, and the error of a failing vendor.
     *
     * @param out    where to print
     * @param title  the heading
     * @param result the result
     */
    public static void print(PrintStream out, String title, OnboardingResult result) {
        out.println();
        out.println(title);
        String line = "+-------------+----------+--------------------------------------------+----------+";
        out.println(line);
        out.printf("| %-11s | %-8s | %-42s | %8s |%n", "vendor", "outcome", "tenant id", "ms");
        out.println(line);
        for (OnboardingResult.Step s : result.steps()) {
            out.printf("| %-11s | %-8s | %-42s | %8d |%n", s.vendor(), s.outcome(),
                    s.tenantId() == null ? "-" : s.tenantId(), s.duration().toMillis());
        }
        out.println(line);
        for (OnboardingResult.Step s : result.steps()) {
            s.failure().ifPresent(e -> out.println("  " + s.vendor() + " failed: " + e.getMessage()));
            if (s.tenant() != null && !s.tenant().secrets().isEmpty()) {
                out.println("  " + s.vendor() + " returned " + s.tenant().secrets().size()
                        + " credentials " + s.tenant().secrets().keySet() + " (kept in memory, not printed)");
            }
        }
        out.println(result.succeeded() ? "Result: every vendor done." : "Result: incomplete; re-run to resume at the failed step.");
    }
}
