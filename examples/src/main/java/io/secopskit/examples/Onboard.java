package io.secopskit.examples;

import io.secopskit.carbonblack.CarbonBlackTenantProvisioner;
import io.secopskit.chronicle.ChronicleTenantProvisioner;
import io.secopskit.chronicle.CustomersClient;
import io.secopskit.core.http.ClientOptions;
import io.secopskit.core.http.RateLimit;
import io.secopskit.core.provisioning.CredentialSink;
import io.secopskit.core.provisioning.Onboarding;
import io.secopskit.core.provisioning.OnboardingListener;
import io.secopskit.core.provisioning.OnboardingResult;
import io.secopskit.core.provisioning.Plan;
import io.secopskit.core.provisioning.StepEvent;
import io.secopskit.core.provisioning.TenantProvisioner;
import io.secopskit.core.provisioning.TenantSpec;
import io.secopskit.servicenow.ServiceNowTenantProvisioner;
import io.secopskit.stellar.StellarTenantProvisioner;
import io.secopskit.core.store.ProvisioningStore;
import io.secopskit.store.postgres.PostgresProvisioningStore;
import io.secopskit.store.sqlite.SqliteProvisioningStore;
import io.secopskit.taegis.TaegisTenantProvisioner;
import io.secopskit.testkit.SecOpsSandbox;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The main job: onboards a customer to every configured vendor, exactly once.
 *
 * <p>Without a configuration it runs the demo against the embedded sandbox (all five vendor fakes on loopback):
 * the plan, an onboarding of the demo customer "Acme Corp", the same onboarding again (nothing is created twice),
 * then sequential against parallel onboarding time with a fixed 200 ms latency per request at every fake. Its
 * SQLite store and credential files live in a temporary folder that is removed at the end. With {@code --postgres} the
 * demo keeps its store in an embedded PostgreSQL 17 instead (its data in the temporary folder, stopped at the end) —
 * the store several replicas share — and counts Chronicle's CreateCustomer quota there, marked shared.
 *
 * <p>With a properties file (argument or {@code SECOPSKIT_CONFIG}) it works on the real vendors configured there
 * ({@link Vendors#configured}), and nothing is created that the user did not name:
 * <pre>
 * Onboard config.properties --customer-code acme --customer-name "Acme Corp" [--dry-run | --yes]
 *         [--store secopskit.db] [--credentials credentials/]
 * </pre>
 * The customer comes from these flags or the file's {@code customer.code} / {@code customer.name} — there is no
 * default; without one the program prints one line and exits 2 before any request. It prints the plan (vendor,
 * operation, host, customer, and what cannot be undone) and creates only with {@code --yes}; {@code --dry-run}
 * (the default without {@code --yes}) sends nothing but reads.
 */
public final class Onboard {
    /** The latency per request the demo's timing comparison injects at every fake. */
    public static final Duration DEMO_LATENCY = Duration.ofMillis(200);

    private Onboard() {
    }

    /**
     * Runs the demo or a real onboarding; exits with the code of {@link #run} when it is not 0.
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
     * Runs the demo or a real onboarding.
     *
     * @param args see the class description
     * @param out  where results go
     * @param err  where usage errors go
     * @return 0 when done (or planned), 1 when a step did not complete, 2 for a usage error
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> flags = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--dry-run") || a.equals("--yes") || a.equals("--postgres")) {
                flags.put(a, "true");
            } else if (a.startsWith("--") && a.contains("=")) {
                flags.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else if (a.startsWith("--")) {
                if (i + 1 >= args.length) {
                    err.println("onboard: " + a + " needs a value");
                    return 2;
                }
                flags.put(a, args[++i]);
            } else {
                positional.add(a);
            }
        }
        String config = !positional.isEmpty() ? positional.get(0) : System.getenv("SECOPSKIT_CONFIG");
        if (config == null) {
            demo(out, flags.containsKey("--postgres"));
            return 0;
        }
        if (flags.containsKey("--postgres")) {
            err.println("onboard: --postgres runs the demo on an embedded PostgreSQL; against real vendors, build a"
                    + " PostgresProvisioningStore over your own DataSource (README: Running several instances); nothing was sent");
            return 2;
        }
        Properties file = load(Path.of(config));
        String code = flags.getOrDefault("--customer-code", file.getProperty("customer.code"));
        String name = flags.getOrDefault("--customer-name", file.getProperty("customer.name"));
        if (code == null || name == null) {
            err.println("onboard: no customer named: pass --customer-code CODE --customer-name NAME (or customer.code and"
                    + " customer.name in " + config + "); nothing was sent");
            return 2;
        }
        TenantSpec spec;
        try {
            spec = TenantSpec.builder().displayName(name).customerCode(code).build();
        } catch (RuntimeException e) {
            err.println("onboard: " + e.getMessage() + "; nothing was sent");
            return 2;
        }
        Vendors vendors = Vendors.configured(Path.of(config));
        try (SqliteProvisioningStore store = SqliteProvisioningStore.open(Path.of(flags.getOrDefault("--store", "secopskit.db")))) {
            Onboarding onboarding = onboarding(vendors).store(store).listener(printer(out))
                    .credentialSink(CredentialSink.ownerOnlyFiles(Path.of(flags.getOrDefault("--credentials", "credentials"))))
                    .build();
            Plan plan = onboarding.plan(spec);
            out.println("Plan for " + spec.displayName() + " (" + spec.customerCode() + "):");
            out.print(plan.render());
            if (!flags.containsKey("--yes") || flags.containsKey("--dry-run")) {
                out.println(flags.containsKey("--dry-run") ? "Dry run: nothing was created."
                        : "Nothing was created: run again with --yes to carry out this plan.");
                return 0;
            }
            OnboardingResult result = onboarding.run(spec);
            print(out, "Onboarding " + spec.displayName(), result, idLabels(vendors));
            return result.succeeded() ? 0 : 1;
        }
    }

    private static Properties load(Path file) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return p;
    }

    /** The demo customer of the sandbox demo. */
    static TenantSpec demoCustomer(String name, String code) {
        return TenantSpec.builder().displayName(name).customerCode(code).retentionMonths(12)
                .contact("Jo Doe", "soc@" + code + ".example").label("tier", "gold").hint("taegis.environment", "echo").build();
    }

    private static void demo(PrintStream out, boolean postgres) {
        TenantSpec spec = demoCustomer("Acme Corp", "acme-corp");
        Path tmp;
        try {
            tmp = Files.createTempDirectory("secopskit-demo");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EmbeddedPostgres pg = null;
        try (SecOpsSandbox sandbox = SecOpsSandbox.start()) {
            ProvisioningStore store;
            ClientOptions options = ClientOptions.defaults();
            String storeNote;
            if (postgres) {
                pg = EmbeddedPostgres.builder().setDataDirectory(tmp.resolve("pgdata")).start();
                PostgresProvisioningStore shared = PostgresProvisioningStore.open(pg.getPostgresDatabase());
                store = shared;
                // every replica counts Chronicle's 30 CreateCustomer calls a day once, in the shared store
                options = ClientOptions.builder().quotaStore(shared.quotas())
                        .rateLimit(RateLimit.perDay(CustomersClient.CREATE_CUSTOMER_LIMIT, 30).asShared()).build();
                storeNote = " (embedded PostgreSQL 17; Chronicle's CreateCustomer quota counted there, shared)";
            } else {
                store = SqliteProvisioningStore.open(tmp.resolve("secopskit.db"));
                storeNote = "";
            }
            try {
                sandbox.addServiceNowCi(spec.displayName());
                Vendors vendors = Vendors.sandbox(Vendors.SandboxAddresses.of(sandbox), options);
                CredentialSink sink = CredentialSink.ownerOnlyFiles(tmp.resolve("credentials"));
                Onboarding onboarding = onboarding(vendors).store(store).credentialSink(sink).listener(printer(out)).build();
                Map<String, String> labels = idLabels(vendors);
                out.println("SecOpsKit onboarding demo — embedded sandbox (five vendor fakes on 127.0.0.1)");
                out.println("Store: " + store.location() + storeNote + "   Credentials: " + sink.name() + " (owner-only files)");
                out.println();
                out.println("Plan for " + spec.displayName() + " (" + spec.customerCode() + "):");
                out.print(onboarding.plan(spec).render());
                out.println();
                out.println("Run 1: onboard " + spec.displayName() + " (" + spec.customerCode() + ")");
                print(out, "Run 1 result", onboarding.run(spec), labels);
                out.println();
                out.println("Run 2: the same onboarding again (bindings first: nothing is created twice)");
                print(out, "Run 2 result", onboarding.run(spec), labels);
                timing(out, sandbox, vendors, store, sink);
            } finally {
                store.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        } finally {
            if (pg != null) {
                try {
                    pg.close();
                } catch (IOException e) {
                    out.println("warning: the embedded PostgreSQL did not stop cleanly: " + e.getMessage());
                }
            }
            deleteTree(tmp);
        }
    }

    /** Sequential against parallel onboarding of fresh customers, after warm-up, with a fixed latency per request. */
    private static void timing(PrintStream out, SecOpsSandbox sandbox, Vendors vendors, ProvisioningStore store,
                               CredentialSink sink) {
        TenantSpec sequentialCustomer = demoCustomer("Globex", "globex");
        TenantSpec parallelCustomer = demoCustomer("Initech", "initech");
        sandbox.addServiceNowCi(sequentialCustomer.displayName());
        sandbox.addServiceNowCi(parallelCustomer.displayName());
        sandbox.latency(DEMO_LATENCY);
        try {
            Onboarding sequentialRun = onboarding(vendors).store(store).credentialSink(sink).parallelism(1).build();
            Onboarding parallelRun = onboarding(vendors).store(store).credentialSink(sink).build();
            long t0 = System.nanoTime();
            OnboardingResult sequential = sequentialRun.run(sequentialCustomer);
            long seq = Duration.ofNanos(System.nanoTime() - t0).toMillis();
            long t1 = System.nanoTime();
            OnboardingResult parallel = parallelRun.run(parallelCustomer);
            long par = Duration.ofNanos(System.nanoTime() - t1).toMillis();
            long slowest = parallel.steps().stream().mapToLong(s -> s.duration().toMillis()).max().orElse(1);
            out.println();
            out.println("Timing: a new customer at five vendors, every fake answering after " + DEMO_LATENCY.toMillis()
                    + " ms per request (after warm-up)");
            out.printf("  sequential: %5d ms (%s)%n", seq, sequential.succeeded() ? "done" : "incomplete");
            out.printf("  parallel:   %5d ms (%s); slowest single step %d ms; parallel / slowest step = %.2f%n", par,
                    parallel.succeeded() ? "done" : "incomplete", slowest, (double) par / Math.max(1, slowest));
        } finally {
            sandbox.latency(Duration.ZERO);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the demo folder " + root, e);
        }
    }

    /**
     * The provisioners of every configured vendor, in the documented order.
     *
     * @param v the clients
     * @return the provisioners
     */
    public static List<TenantProvisioner> provisioners(Vendors v) {
        List<TenantProvisioner> out = new ArrayList<>();
        if (v.chronicle != null) {
            out.add(ChronicleTenantProvisioner.legacy(v.chronicle));
        }
        if (v.taegis != null) {
            out.add(new TaegisTenantProvisioner(v.taegis, v.taegisPartnerTenantId));
        }
        if (v.carbonBlack != null) {
            out.add(new CarbonBlackTenantProvisioner(v.carbonBlack));
        }
        if (v.serviceNow != null) {
            out.add(new ServiceNowTenantProvisioner(v.serviceNow));
        }
        if (v.stellar != null) {
            out.add(new StellarTenantProvisioner(v.stellar));
        }
        return out;
    }

    /**
     * Starts an onboarding with every configured vendor as an independent step (they run in parallel).
     *
     * @param v the clients
     * @return the builder; add the store, sink and listener
     */
    public static Onboarding.Builder onboarding(Vendors v) {
        Onboarding.Builder b = Onboarding.builder();
        provisioners(v).forEach(b::step);
        return b;
    }

    private static Map<String, String> idLabels(Vendors v) {
        Map<String, String> labels = new LinkedHashMap<>();
        provisioners(v).forEach(p -> labels.put(p.vendor(), p.tenantIdLabel()));
        return labels;
    }

    /**
     * A listener that prints one line per step event.
     *
     * @param out where to print
     * @return the listener
     */
    public static OnboardingListener printer(PrintStream out) {
        return new OnboardingListener() {
            @Override
            public void stepStarted(StepEvent e) {
                out.println("  . " + e.describe());
            }

            @Override
            public void stepFinished(StepEvent e) {
                out.println("  + " + e.describe());
            }

            @Override
            public void stepSkipped(StepEvent e) {
                out.println("  - " + e.describe());
            }

            @Override
            public void stepDeferred(StepEvent e) {
                out.println("  ~ " + e.describe());
            }

            @Override
            public void stepFailed(StepEvent e) {
                out.println("  ! " + e.describe());
            }
        };
    }

    /**
     * Prints a result as a table: vendor, outcome, what the id is, the id, duration, credentials; then remarks.
     *
     * @param out    where to print
     * @param title  the heading
     * @param result the result
     * @param labels what each vendor's id is (for example "feed id")
     */
    public static void print(PrintStream out, String title, OnboardingResult result, Map<String, String> labels) {
        out.println(title);
        String line = "+-------------+----------+---------------+--------------------------------------+-------+--------------------+";
        out.println(line);
        out.printf("| %-11s | %-8s | %-13s | %-36s | %5s | %-18s |%n", "vendor", "outcome", "id is", "id", "ms", "credentials");
        out.println(line);
        for (OnboardingResult.Step s : result.steps()) {
            out.printf("| %-11s | %-8s | %-13s | %-36s | %5d | %-18s |%n", s.vendor(), s.outcome(),
                    labels.getOrDefault(s.vendor(), "tenant id"), s.tenantId() == null ? "-" : s.tenantId(), s.duration().toMillis(),
                    s.credentials());
        }
        out.println(line);
        for (OnboardingResult.Step s : result.steps()) {
            s.failure().ifPresent(e -> out.println("  " + s.vendor() + " failed: " + e.getMessage()));
            if (s.tenant() != null && !s.tenant().secrets().isEmpty()) {
                out.println("  " + s.vendor() + " returned " + s.tenant().secrets().size() + " credentials "
                        + s.tenant().secrets().keySet() + " (values not printed)");
            }
            if (!s.recorded() && s.tenantExists()) {
                out.println("  " + s.vendor() + " was created but NOT recorded: " + s.note());
            }
        }
        out.println(result.succeeded() ? "Result: every vendor done." : "Result: incomplete; run again to resume.");
    }
}
