package io.secopskit.examples;

import io.secopskit.carbonblack.CarbonBlackTenantOffboarder;
import io.secopskit.chronicle.ChronicleTenantOffboarder;
import io.secopskit.core.http.ClientOptions;
import io.secopskit.core.provisioning.CredentialSink;
import io.secopskit.core.provisioning.ManualRevocation;
import io.secopskit.core.provisioning.Offboarding;
import io.secopskit.core.provisioning.OffboardingListener;
import io.secopskit.core.provisioning.OffboardingRequest;
import io.secopskit.core.provisioning.OffboardingRequest.Mode;
import io.secopskit.core.provisioning.OffboardingResult;
import io.secopskit.core.provisioning.Plan;
import io.secopskit.core.provisioning.RequestIdRecorder;
import io.secopskit.core.provisioning.TenantOffboarder;
import io.secopskit.core.provisioning.TenantSpec;
import io.secopskit.core.store.EvidenceEntry;
import io.secopskit.servicenow.ServiceNowTenantOffboarder;
import io.secopskit.stellar.StellarTenantOffboarder;
import io.secopskit.store.sqlite.SqliteProvisioningStore;
import io.secopskit.taegis.TaegisTenantOffboarder;
import io.secopskit.testkit.SecOpsSandbox;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Offboards a customer from every configured vendor: a dry run by default, writes only with {@code --yes}.
 *
 * <pre>
 * Offboard config.properties --customer-code acme [--remove-after-grace | --remove-now | --restore]
 *          [--yes --reason "contract ended" --operator ops@mssp.example [--approver lead@mssp.example]]
 *          [--grace-days 30] [--store secopskit.db] [--credentials credentials/] [--evidence acme-evidence.json]
 * </pre>
 * Without {@code --yes} it prints the plan (vendor, action, operation, host, tenant id, and what cannot be undone)
 * and sends nothing but reads. With {@code --yes} it prints one line per vendor step, what must be revoked by hand,
 * and exports the customer's evidence when {@code --evidence} names a file. The operator comes from
 * {@code --operator} or {@code SECOPSKIT_OPERATOR}. Without a configuration it runs a demo against the embedded
 * sandbox (a temporary store, removed at the end).
 *
 * <p>Exit codes: 0 done (or planned), 1 a vendor step failed (run again to resume), 2 usage error (nothing sent),
 * 3 refused (a binding points at another customer's tenant, or nothing is bound: nothing written).
 */
public final class Offboard {
    /** Exit code: done, or a dry run. */
    public static final int OK = 0;
    /** Exit code: a vendor step failed. */
    public static final int INCOMPLETE = 1;
    /** Exit code: usage error. */
    public static final int USAGE = 2;
    /** Exit code: refused, nothing written. */
    public static final int REFUSED = 3;

    private static final Set<String> SWITCHES = Set.of("--yes", "--dry-run", "--remove-after-grace", "--remove-now", "--restore");

    private Offboard() {
    }

    /**
     * Runs the demo or a real offboarding; exits with the code of {@link #run} when it is not 0.
     *
     * @param args see the class description
     */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * Runs the demo or a real offboarding.
     *
     * @param args see the class description
     * @param out  where plans and results go
     * @param err  where usage errors go
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> flags = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (SWITCHES.contains(a)) {
                flags.put(a, "true");
            } else if (a.startsWith("--") && a.contains("=")) {
                flags.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else if (a.startsWith("--")) {
                if (i + 1 >= args.length) {
                    err.println("offboard: " + a + " needs a value; nothing was sent");
                    return USAGE;
                }
                flags.put(a, args[++i]);
            } else {
                positional.add(a);
            }
        }
        String config = !positional.isEmpty() ? positional.get(0) : System.getenv("SECOPSKIT_CONFIG");
        if (config == null) {
            demo(out);
            return OK;
        }
        Options o = options(flags, System.getenv("SECOPSKIT_OPERATOR"), err);
        if (o == null) {
            return USAGE;
        }
        Vendors vendors = Vendors.configured(Path.of(config), RequestIdRecorder.install(ClientOptions.builder()).build());
        try (SqliteProvisioningStore store = SqliteProvisioningStore.open(Path.of(flags.getOrDefault("--store", "secopskit.db")))) {
            Offboarding off = offboarding(vendors).store(store).operator(o.operator).gracePeriod(o.grace).listener(printer(out))
                    .credentialSink(CredentialSink.ownerOnlyFiles(Path.of(flags.getOrDefault("--credentials", "credentials")))).build();
            return execute(off, o, out);
        }
    }

    /**
     * What the command line asked for.
     *
     * @param request  the request (confirmed only with {@code --yes})
     * @param restore  whether to restore instead of offboard
     * @param operator who runs it
     * @param grace    the grace period
     * @param evidence where to export the evidence, or null
     */
    public record Options(OffboardingRequest request, boolean restore, String operator, Duration grace, Path evidence) {
    }

    /**
     * Reads and checks the flags; prints one line to {@code err} and answers null on a usage error.
     *
     * @param flags       the flags
     * @param envOperator {@code SECOPSKIT_OPERATOR}, or null
     * @param err         where the usage error goes
     * @return the options, or null
     */
    public static Options options(Map<String, String> flags, String envOperator, PrintStream err) {
        String code = flags.get("--customer-code");
        if (code == null) {
            err.println("offboard: no customer named: pass --customer-code CODE; nothing was sent");
            return null;
        }
        long modes = List.of("--remove-after-grace", "--remove-now", "--restore").stream().filter(flags::containsKey).count();
        if (modes > 1) {
            err.println("offboard: choose at most one of --remove-after-grace, --remove-now, --restore; nothing was sent");
            return null;
        }
        boolean yes = flags.containsKey("--yes") && !flags.containsKey("--dry-run");
        String operator = flags.getOrDefault("--operator", envOperator);
        if (yes && (flags.get("--reason") == null || operator == null)) {
            err.println("offboard: --yes needs --reason and an operator (--operator or SECOPSKIT_OPERATOR); nothing was sent");
            return null;
        }
        Mode mode = flags.containsKey("--remove-now") ? Mode.REMOVE_NOW
                : flags.containsKey("--remove-after-grace") ? Mode.REMOVE_AFTER_GRACE : Mode.SUSPEND;
        Duration grace;
        OffboardingRequest request;
        try {
            grace = Duration.ofDays(Long.parseLong(flags.getOrDefault("--grace-days", "30")));
            if (grace.isNegative()) {
                throw new IllegalArgumentException("--grace-days must be zero or more");
            }
            request = OffboardingRequest.builder(code).reason(flags.get("--reason")).approver(flags.get("--approver")).mode(mode)
                    .confirmed(yes).build();
        } catch (RuntimeException e) {
            err.println("offboard: " + (e instanceof NumberFormatException ? "--grace-days must be a number of days" : e.getMessage())
                    + "; nothing was sent");
            return null;
        }
        return new Options(request, flags.containsKey("--restore"), operator == null ? "dry-run" : operator, grace,
                flags.containsKey("--evidence") ? Path.of(flags.get("--evidence")) : null);
    }

    /**
     * Prints the plan, and carries it out when confirmed; the part of {@link #run} that tests drive against a sandbox.
     *
     * @param off the offboarding (its listener prints the step lines)
     * @param o   the options
     * @param out where to print
     * @return the exit code
     */
    public static int execute(Offboarding off, Options o, PrintStream out) {
        OffboardingRequest r = o.request();
        String what = o.restore() ? "restore" : r.mode().name();
        Plan plan = o.restore() ? off.planRestore(r) : off.plan(r);
        out.println("Plan for " + r.customerCode() + " (" + what + "):");
        out.print(plan.render());
        if (!r.confirmed()) {
            out.println("Dry run: nothing was written (" + plan.writes().size() + " planned writes). Run again with --yes to carry out"
                    + " this plan.");
            return OK;
        }
        out.println("Carrying out (" + what + "):");
        OffboardingResult result = o.restore() ? off.restore(r) : off.run(r);
        for (ManualRevocation m : result.manualRevocations()) {
            out.println("  revoke by hand: " + m.describe());
        }
        if (result.credentials() != null) {
            out.println("  credentials: " + result.credentials());
        }
        result.warnings().forEach(w -> out.println("  warning: " + w));
        if (result.report() != null) {
            out.println("  " + result.report());
        }
        if (o.evidence() != null) {
            try {
                Files.writeString(o.evidence(), off.exportEvidence(r.customerCode()), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the evidence to " + o.evidence(), e);
            }
            out.println("  evidence exported to " + o.evidence());
        }
        out.println("Result: " + result.status() + ", " + result.writes() + " vendor writes");
        switch (result.status()) {
            case DONE:
                return OK;
            case INCOMPLETE:
                return INCOMPLETE;
            default:
                return REFUSED;
        }
    }

    /**
     * The offboarders of every configured vendor, in the documented order.
     *
     * @param v the clients
     * @return the offboarders
     */
    public static List<TenantOffboarder> offboarders(Vendors v) {
        List<TenantOffboarder> out = new ArrayList<>();
        if (v.chronicle != null) {
            out.add(new ChronicleTenantOffboarder(v.chronicle));
        }
        if (v.taegis != null) {
            out.add(new TaegisTenantOffboarder(v.taegis));
        }
        if (v.carbonBlack != null) {
            out.add(new CarbonBlackTenantOffboarder(v.carbonBlack));
        }
        if (v.serviceNow != null) {
            out.add(new ServiceNowTenantOffboarder(v.serviceNow));
        }
        if (v.stellar != null) {
            out.add(new StellarTenantOffboarder(v.stellar));
        }
        return out;
    }

    /**
     * Starts an offboarding with every configured vendor as a step.
     *
     * @param v the clients
     * @return the builder; add store, operator, sink and listener
     */
    public static Offboarding.Builder offboarding(Vendors v) {
        Offboarding.Builder b = Offboarding.builder();
        offboarders(v).forEach(b::step);
        return b;
    }

    /**
     * A listener that prints one line per step.
     *
     * @param out where to print
     * @return the listener
     */
    public static OffboardingListener printer(PrintStream out) {
        return new OffboardingListener() {
            @Override
            public void stepFinished(OffboardingResult.Step s) {
                out.println("  " + (s.outcome() == OffboardingResult.Outcome.FAILED ? "! " : "+ ") + s.describe());
            }
        };
    }

    private static void demo(PrintStream out) {
        Path tmp;
        try {
            tmp = Files.createTempDirectory("secopskit-offboard-demo");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (SecOpsSandbox sandbox = SecOpsSandbox.start();
             SqliteProvisioningStore store = SqliteProvisioningStore.open(tmp.resolve("secopskit.db"))) {
            Vendors vendors = Vendors.sandbox(Vendors.SandboxAddresses.of(sandbox),
                    RequestIdRecorder.install(ClientOptions.builder()).build());
            CredentialSink sink = CredentialSink.ownerOnlyFiles(tmp.resolve("credentials"));
            TenantSpec acme = Onboard.demoCustomer("Acme Corp", "acme-corp");
            TenantSpec globex = Onboard.demoCustomer("Globex", "globex");
            sandbox.addServiceNowCi(acme.displayName());
            sandbox.addServiceNowCi(globex.displayName());
            out.println("SecOpsKit offboarding demo — embedded sandbox (five vendor fakes on 127.0.0.1)");
            out.println("Onboarding acme-corp and globex first ...");
            Onboard.onboarding(vendors).store(store).credentialSink(sink).build().runAll(List.of(acme, globex), 2, null);
            Offboarding off = offboarding(vendors).store(store).credentialSink(sink).operator("demo@secopskit.example")
                    .listener(printer(out)).build();
            String code = acme.customerCode();
            out.println();
            execute(off, demo(code, Mode.SUSPEND, false, false), out);
            out.println();
            execute(off, demo(code, Mode.SUSPEND, true, false), out);
            out.println();
            execute(off, demo(code, Mode.SUSPEND, true, true), out);
            out.println();
            execute(off, demo(code, Mode.REMOVE_NOW, true, false), out);
            List<EvidenceEntry> evidence = off.evidence(code);
            out.println();
            out.println("Evidence of " + code + ": " + evidence.size() + " entries, " + evidence.stream()
                    .filter(e -> e.kind() == EvidenceEntry.Kind.WRITE).count() + " vendor writes (export: Offboarding.exportEvidence,"
                    + " schema " + Offboarding.EVIDENCE_SCHEMA_ID + "); globex was not touched.");
        } finally {
            try (var walk = Files.walk(tmp)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                out.println("could not remove the demo folder " + tmp + ": " + e.getMessage());
            }
        }
    }

    private static Options demo(String code, Mode mode, boolean yes, boolean restore) {
        return new Options(OffboardingRequest.builder(code).reason("demo: contract ended").approver("lead@secopskit.example").mode(mode)
                .confirmed(yes).build(), restore, "demo@secopskit.example", Offboarding.DEFAULT_GRACE_PERIOD, null);
    }
}
