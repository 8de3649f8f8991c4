package io.secopskit.core.provisioning;

import io.secopskit.core.error.ConflictException;
import io.secopskit.core.error.QuotaExhaustedException;
import io.secopskit.core.error.RateLimitedException;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.error.TransportException;
import io.secopskit.core.http.Sleeper;
import io.secopskit.core.internal.provisioning.CustomerLock;
import io.secopskit.core.internal.provisioning.CustomerLock.Held;
import io.secopskit.core.internal.provisioning.JournalView;
import io.secopskit.core.internal.provisioning.SpecCodec;
import io.secopskit.core.internal.provisioning.Threads;
import io.secopskit.core.provisioning.OnboardingResult.CredentialStatus;
import io.secopskit.core.provisioning.OnboardingResult.Outcome;
import io.secopskit.core.provisioning.OnboardingResult.Step;
import io.secopskit.core.store.Binding;
import io.secopskit.core.store.Deferral;
import io.secopskit.core.store.JournalEntry;
import io.secopskit.core.store.JournalEntry.Event;
import io.secopskit.core.store.ProvisioningStore;
import io.secopskit.core.store.StoreCorruptedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Onboards customers to several vendors, creating each customer's tenant at each vendor exactly once —
 * across threads, processes sharing a store, and crashes:
 * <ul>
 *   <li><b>one run per customer at a time</b> — a per-customer lock in this process plus a lease with a fencing
 *       token in the {@link ProvisioningStore}, shared by every process using that store. A second run waits up
 *       to {@link Builder#lockTimeout}, then fails with {@link CustomerLockedException} naming the holder. A lease
 *       whose holder process on this machine is gone is taken over at once. The fence is re-checked (and the lease
 *       renewed) before every vendor create; a heartbeat renews it meanwhile;</li>
 *   <li><b>bindings first</b> — a customer's binding to a vendor resource is consulted before the vendor is
 *       searched; without one, the vendor is searched by the tag holding the customer code (adoption); only then
 *       is anything created. The binding is written when a tenant is created or found and kept afterwards;</li>
 *   <li><b>credentials never lost</b> — credentials a vendor returns go to the {@link CredentialSink} before the
 *       step counts as complete. If the sink or the store fails after the vendor created the tenant, the step is
 *       CREATED but not recorded (or UNDELIVERED) and carries the credentials — never FAILED. The journal records
 *       issuance and delivery (when, to which sink), never values, so a later run that finds the tenant says so;</li>
 *   <li><b>vendors in parallel</b> — steps run concurrently (bounded; virtual threads where the JDK has them)
 *       unless one declares that it depends on another; results come in declared order;</li>
 *   <li><b>quotas defer, not fail</b> — a vendor quota that is used up ({@link QuotaExhaustedException}, or the
 *       vendor's 429 {@code RESOURCE_EXHAUSTED}) makes the step DEFERRED with the time it frees up; the customer is
 *       stored and {@link #resumeDeferred} (or any {@link #runAll}) picks it up later without being told again.</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class Onboarding {
    private static final Logger LOG = LoggerFactory.getLogger("io.secopskit.onboarding");

    private final List<StepDef> steps;
    private final ProvisioningStore store;
    private final CredentialSink sink;
    private final OnboardingListener listener;
    private final int parallelism;
    private final boolean virtualThreads;
    private final Duration lockTimeout;
    private final Duration leaseTtl;
    private final Duration lockPollInterval;
    private final Clock clock;
    private final Sleeper sleeper;
    private final boolean reonboard;

    private record StepDef(TenantProvisioner provisioner, List<String> dependsOn) {
        String vendor() {
            return provisioner.vendor();
        }
    }

    private Onboarding(Builder b) {
        if (b.steps.isEmpty()) {
            throw new IllegalArgumentException("at least one step (provisioner) is required");
        }
        this.steps = List.copyOf(b.steps);
        this.store = b.store != null ? b.store : ProvisioningStore.inMemory();
        this.sink = b.sink;
        this.listener = b.listener;
        this.parallelism = b.parallelism;
        this.virtualThreads = b.virtualThreads;
        this.lockTimeout = b.lockTimeout;
        this.leaseTtl = b.leaseTtl;
        this.lockPollInterval = b.lockPollInterval;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.reonboard = b.reonboard;
    }

    /**
     * Starts a builder (in-memory store, no credential sink, system clock).
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the store. */
    public ProvisioningStore store() {
        return store;
    }

    /**
     * Onboards one customer. Vendor errors do not escape: each step's outcome is in the result.
     *
     * @param spec the customer
     * @return what happened at each vendor, in declared order
     * @throws CustomerLockedException     if another run holds the customer beyond the lock timeout
     * @throws CustomerOffboardedException if the customer was offboarded
     * @throws io.secopskit.core.store.StoreException if the store cannot be read before any vendor call
     */
    public OnboardingResult run(TenantSpec spec) {
        return runCustomer(Objects.requireNonNull(spec, "spec"), new QuotaGate());
    }

    /**
     * Onboards many customers, at most {@code concurrency} at a time, after first resuming the deferred customers
     * whose quota has freed up. When a vendor's quota runs out, the remaining customers' steps at that vendor are
     * DEFERRED without further calls; their other vendors proceed. A customer that appears twice runs once.
     *
     * @param specs       the customers
     * @param concurrency how many customers at a time (each runs its vendor steps as configured)
     * @param progress    told after each customer, or null
     * @return one entry per customer, and the deferred customers not yet due
     */
    public BulkResult runAll(Collection<TenantSpec> specs, int concurrency, BulkProgress progress) {
        Objects.requireNonNull(specs, "specs");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        Set<String> named = specs.stream().map(TenantSpec::customerCode).collect(Collectors.toSet());
        Instant now = clock.instant();
        List<BulkResult.CustomerRun> unreadable = new ArrayList<>();
        List<Deferral> waiting = new ArrayList<>();
        List<TenantSpec> todo = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (Deferral d : store.deferrals().all()) {
            if (named.contains(d.customerCode())) {
                continue;
            }
            if (d.resetsAt().isAfter(now)) {
                waiting.add(d);
                continue;
            }
            try {
                TenantSpec s = SpecCodec.read(d.spec());
                if (codes.add(s.customerCode())) {
                    todo.add(s);
                }
            } catch (IllegalArgumentException e) {
                unreadable.add(new BulkResult.CustomerRun(d.customerCode(), null,
                        new StoreCorruptedException(store.location(), "deferral of customer " + d.customerCode(), e)));
            }
        }
        for (TenantSpec s : specs) {
            if (codes.add(s.customerCode())) {
                todo.add(s);
            }
        }
        int total = unreadable.size() + todo.size();
        List<BulkResult.CustomerRun> runs = new ArrayList<>(unreadable);
        AtomicInteger done = new AtomicInteger();
        ReentrantLock progressLock = new ReentrantLock();
        for (BulkResult.CustomerRun r : unreadable) {
            tellProgress(progress, progressLock, done, total, r);
        }
        QuotaGate gate = new QuotaGate();
        ExecutorService pool = Threads.bounded("secopskit-bulk-", Math.min(concurrency, Math.max(1, todo.size())), virtualThreads);
        try {
            List<Future<BulkResult.CustomerRun>> futures = new ArrayList<>();
            for (TenantSpec s : todo) {
                futures.add(pool.submit(() -> {
                    BulkResult.CustomerRun r;
                    try {
                        r = new BulkResult.CustomerRun(s.customerCode(), runCustomer(s, gate), null);
                    } catch (RuntimeException e) {
                        r = new BulkResult.CustomerRun(s.customerCode(), null, e);
                    }
                    tellProgress(progress, progressLock, done, total, r);
                    return r;
                }));
            }
            for (Future<BulkResult.CustomerRun> f : futures) {
                runs.add(join(f));
            }
        } finally {
            pool.shutdown();
        }
        return new BulkResult(runs, waiting);
    }

    /**
     * Resumes the deferred customers whose quota has freed up, without being told who they are.
     *
     * @param concurrency how many customers at a time
     * @param progress    told after each customer, or null
     * @return the runs, and the deferred customers not yet due
     */
    public BulkResult resumeDeferred(int concurrency, BulkProgress progress) {
        return runAll(List.of(), concurrency, progress);
    }

    /**
     * Returns the deferred customers, earliest first.
     *
     * @return the deferrals
     */
    public List<Deferral> deferrals() {
        return store.deferrals().all();
    }

    /**
     * Plans the onboarding of a customer by reads only: per step, whether the tenant exists (NO_OP), would be
     * created (CREATE: operation, host, and whether the vendor can delete it) or needs a person (CANNOT).
     *
     * @param spec the customer
     * @return the plan, in step order
     */
    public Plan plan(TenantSpec spec) {
        Objects.requireNonNull(spec, "spec");
        String code = spec.customerCode();
        Map<String, Binding> bindings = new HashMap<>();
        store.bindings().forCustomer(code).forEach(b -> bindings.put(b.vendor(), b));
        List<PlannedAction> actions = new ArrayList<>();
        for (StepDef d : steps) {
            TenantProvisioner p = d.provisioner();
            Binding b = bindings.get(p.vendor());
            if (b != null && b.state() == Binding.State.REMOVED && reonboard) {
                b = null;
            }
            if (b != null && b.state() != Binding.State.ACTIVE) {
                actions.add(new PlannedAction(code, p.vendor(), PlannedAction.Action.CANNOT, null, null, b.tenantId(), false,
                        "the customer was offboarded here (" + b.state() + ")"));
            } else if (b != null) {
                Optional<ProvisionedTenant> t = p.findBound(spec, b.tenantId());
                actions.add(t.isPresent()
                        ? new PlannedAction(code, p.vendor(), PlannedAction.Action.NO_OP, null, null, b.tenantId(), false, null)
                        : new PlannedAction(code, p.vendor(), PlannedAction.Action.CANNOT, null, null, b.tenantId(), false,
                        "the vendor no longer has the bound tenant; remove the binding to create it again"));
            } else {
                Optional<ProvisionedTenant> t = p.find(spec);
                actions.add(t.isPresent()
                        ? new PlannedAction(code, p.vendor(), PlannedAction.Action.NO_OP, null, null, t.get().tenantId(), false,
                        "exists with the customer's tag; will be adopted")
                        : p.plannedCreate(spec));
            }
        }
        return new Plan(actions);
    }

    // ---------------------------------------------------------------------------------------------------------
    // one customer

    private OnboardingResult runCustomer(TenantSpec spec, QuotaGate gate) {
        String code = spec.customerCode();
        String runId = UUID.randomUUID().toString();
        Held guard = acquire(code, runId);
        try {
            Map<String, Binding> bindings = new HashMap<>();
            List<String> offboarded = new ArrayList<>();
            for (Binding b : store.bindings().forCustomer(code)) {
                if (b.state() != Binding.State.ACTIVE) {
                    offboarded.add(b.vendor() + " " + b.state());
                }
                if (b.state() != Binding.State.REMOVED || !reonboard) {
                    bindings.put(b.vendor(), b); // with re-onboarding allowed, a removed tenant is found or created anew
                }
            }
            if (!offboarded.isEmpty() && !reonboard) {
                try {
                    store.deferrals().remove(code);
                } catch (RuntimeException e) {
                    LOG.warn("onboarding {}: cannot cancel the deferral of an offboarded customer: {}", code, e.toString());
                }
                throw new CustomerOffboardedException(code, String.join(", ", offboarded));
            }
            JournalView view = JournalView.of(store.journal().entries(code));
            Optional<Deferral> deferral = store.deferrals().get(code);
            store.journal().append(JournalEntry.of(code, null, runId, Event.RUN_STARTED, null, clock.instant(),
                    Map.of(JournalEntry.DETAIL_FENCE, Long.toString(guard.fence()))));
            Run run = new Run(spec, runId, guard, view, bindings, gate);
            List<Step> results = execute(run);
            finish(run, results, deferral.isPresent());
            return new OnboardingResult(code, runId, results);
        } finally {
            guard.release();
        }
    }

    private List<Step> execute(Run run) {
        int threads = Math.min(parallelism, steps.size());
        if (threads <= 1) {
            Map<String, Step> done = new HashMap<>();
            List<Step> out = new ArrayList<>();
            for (StepDef d : steps) {
                Step s = runStep(run, d, done);
                done.put(d.vendor(), s);
                out.add(s);
            }
            return out;
        }
        ExecutorService pool = Threads.bounded("secopskit-onboarding-", threads, virtualThreads);
        try {
            Map<String, CompletableFuture<Step>> futures = new LinkedHashMap<>();
            for (StepDef d : steps) {
                List<CompletableFuture<Step>> deps = d.dependsOn().stream().map(futures::get).collect(Collectors.toList());
                CompletableFuture<Step> f = CompletableFuture.allOf(deps.toArray(new CompletableFuture<?>[0]))
                        .thenApplyAsync(ignored -> {
                            Map<String, Step> done = new HashMap<>();
                            for (String dep : d.dependsOn()) {
                                done.put(dep, futures.get(dep).join());
                            }
                            return runStep(run, d, done);
                        }, pool);
                futures.put(d.vendor(), f);
            }
            List<Step> out = new ArrayList<>();
            for (CompletableFuture<Step> f : futures.values()) {
                out.add(join(f));
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }

    private static <T> T join(Future<T> f) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true; // finish the steps in flight: abandoning them would lose their outcome
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
                        cause = cause.getCause();
                    }
                    if (cause instanceof RuntimeException) {
                        throw (RuntimeException) cause;
                    }
                    if (cause instanceof Error) {
                        throw (Error) cause;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Step runStep(Run run, StepDef d, Map<String, Step> deps) {
        TenantProvisioner p = d.provisioner();
        String vendor = p.vendor();
        Instant started = clock.instant();
        for (String dep : d.dependsOn()) {
            Step ds = deps.get(dep);
            if (ds == null || !ds.tenantExists()) {
                String note = "depends on " + dep + ", which is " + (ds == null ? "missing" : ds.outcome());
                Step s = new Step(vendor, Outcome.SKIPPED, null, null, Duration.ZERO, null, false, CredentialStatus.NONE, null,
                        null, note);
                tell(l -> l.stepSkipped(event(run, s)));
                return s;
            }
        }
        JournalView.Completed completed = run.view.completed(vendor);
        if (completed != null) {
            Evidence ev = evidence(p, run.view.credentials(vendor));
            Step s = new Step(vendor, Outcome.RESUMED, completed.tenantId(), null, Duration.ZERO, null, true, ev.status, null, null,
                    ev.note);
            tell(l -> l.stepFinished(event(run, s)));
            return s;
        }
        tell(l -> l.stepStarted(new StepEvent(run.code, run.runId, vendor, null, Duration.ZERO, null, null, null, null)));
        try {
            Binding bound = run.bindings.get(vendor);
            Optional<ProvisionedTenant> existing;
            if (bound != null && bound.state() == Binding.State.SUSPENDED) {
                throw new CustomerOffboardedException(run.code, vendor + " SUSPENDED: tenant " + bound.tenantId()
                        + " is suspended; restore it with Offboarding.restore instead of onboarding it again");
            }
            if (bound != null) {
                existing = p.findBound(run.spec, bound.tenantId());
                if (existing.isEmpty()) {
                    throw new BindingMismatchException(run.code, vendor, bound.tenantId(), "the vendor no longer has");
                }
            } else {
                existing = p.find(run.spec);
            }
            if (existing.isPresent()) {
                return found(run, p, existing.get(), bound, started, bound == null ? "adopted by its customer-code tag" : null);
            }
            Instant blocked = run.gate.blockedUntil(vendor, clock.instant());
            if (blocked != null) {
                return deferred(run, vendor, blocked, started, "the vendor's quota ran out earlier in this bulk run; nothing sent");
            }
            run.guard.checkFence(vendor);
            store.journal().append(JournalEntry.of(run.code, vendor, run.runId, Event.CREATE_STARTED, null, clock.instant(),
                    Map.of(JournalEntry.DETAIL_FENCE, Long.toString(run.guard.fence()))));
            ProvisionedTenant created;
            try {
                created = p.provision(run.spec);
            } catch (QuotaExhaustedException e) {
                run.gate.block(vendor, e.resetsAt());
                return deferred(run, vendor, e.resetsAt(), started, e.getMessage());
            } catch (RateLimitedException e) {
                if (!"RESOURCE_EXHAUSTED".equals(e.vendorCode())) {
                    throw e;
                }
                Instant resetsAt = clock.instant().plus(e.retryAfter().orElse(Duration.ofHours(24)));
                run.gate.block(vendor, resetsAt);
                return deferred(run, vendor, resetsAt, started, e.getMessage());
            } catch (RuntimeException e) {
                if (!outcomeUnknown(e)) {
                    throw e;
                }
                Optional<ProvisionedTenant> after = findAfterUnknownOutcome(p, run.spec);
                if (after.isEmpty()) {
                    throw e;
                }
                return found(run, p, after.get(), null, started, "the create answered " + e.getClass().getSimpleName()
                        + "; the tenant exists (found by its customer-code tag)");
            }
            return created(run, p, created, started);
        } catch (RuntimeException e) {
            return failed(run, vendor, e, started);
        }
    }

    /**
     * Whether the tenant may exist although the create failed: the outcome is unknown (no answer, a server error)
     * or the vendor says it already exists (a run outside this store's reach created it meanwhile).
     */
    private static boolean outcomeUnknown(RuntimeException e) {
        return e instanceof TransportException || e instanceof ServerException || e instanceof ConflictException;
    }

    private static Optional<ProvisionedTenant> findAfterUnknownOutcome(TenantProvisioner p, TenantSpec spec) {
        try {
            return p.find(spec);
        } catch (RuntimeException ignored) {
            return Optional.empty();
        }
    }

    private Step found(Run run, TenantProvisioner p, ProvisionedTenant t, Binding bound, Instant started, String note) {
        String vendor = p.vendor();
        String tag = t.attributes().get(ProvisionedTenant.CUSTOMER_CODE);
        if (tag != null && !tag.equals(run.code)) {
            throw new BindingMismatchException(run.code, vendor, t.tenantId(), "carries the customer code '" + tag + "'");
        }
        Instant now = clock.instant();
        JournalView.CredentialEvidence earlier = run.view.credentials(vendor);
        boolean deliveredBefore = earlier != null && earlier.deliveredAt() != null;
        // credentials read back from the vendor go to the sink unless an earlier run already delivered them
        Evidence ev = t.secrets().isEmpty() || deliveredBefore ? evidence(p, earlier) : deliver(run, vendor, t, now);
        Binding binding = new Binding(run.code, vendor, t.tenantId(), Binding.State.ACTIVE,
                bound != null ? bound.origin() : Binding.Origin.ADOPTED, bound != null ? bound.createdAt() : now, now);
        RuntimeException recordError = record(binding, JournalEntry.of(run.code, vendor, run.runId, Event.FOUND, t.tenantId(), now,
                ev.details));
        Step s = new Step(vendor, Outcome.FOUND, t.tenantId(), t, Duration.between(started, clock.instant()), recordError,
                recordError == null, ev.status, ev.error, null, join(note, ev.note, recordNote(recordError)));
        tell(l -> l.stepFinished(event(run, s)));
        return s;
    }

    /** Never throws and never reports FAILED: the vendor has created the tenant. */
    private Step created(Run run, TenantProvisioner p, ProvisionedTenant t, Instant started) {
        String vendor = p.vendor();
        try {
            Instant now = clock.instant();
            Evidence ev = t.secrets().isEmpty()
                    ? new Evidence(CredentialStatus.NOT_ISSUED, null, Map.of(), p.issuesCredentials() ? "the vendor returned none" : null)
                    : deliver(run, vendor, t, now);
            Binding binding = new Binding(run.code, vendor, t.tenantId(), Binding.State.ACTIVE, Binding.Origin.CREATED, now, now);
            RuntimeException recordError = record(binding, JournalEntry.of(run.code, vendor, run.runId, Event.CREATED, t.tenantId(),
                    now, ev.details));
            if (recordError != null) {
                LOG.error("onboarding {}: {} created tenant {} but the store could not record it ({}); the result carries it",
                        run.code, vendor, t.tenantId(), recordError.toString());
            }
            Step s = new Step(vendor, Outcome.CREATED, t.tenantId(), t, Duration.between(started, clock.instant()), recordError,
                    recordError == null, ev.status, ev.error, null, join(ev.note, recordNote(recordError)));
            tell(l -> l.stepFinished(event(run, s)));
            return s;
        } catch (RuntimeException unexpected) {
            LOG.error("onboarding {}: {} created tenant {}, then: {}", run.code, vendor, t.tenantId(), unexpected.toString());
            return new Step(vendor, Outcome.CREATED, t.tenantId(), t, Duration.between(started, clock.instant()), unexpected, false,
                    t.secrets().isEmpty() ? CredentialStatus.NOT_ISSUED : CredentialStatus.UNDELIVERED, null, null,
                    "created, not recorded");
        }
    }

    private Step failed(Run run, String vendor, RuntimeException e, Instant started) {
        boolean journaled = record(null, JournalEntry.of(run.code, vendor, run.runId, Event.FAILED, null, clock.instant(),
                Map.of(JournalEntry.DETAIL_ERROR, e.getClass().getSimpleName()))) == null;
        Step s = new Step(vendor, Outcome.FAILED, null, null, Duration.between(started, clock.instant()), e, journaled,
                CredentialStatus.NONE, null, null, null);
        tell(l -> l.stepFailed(event(run, s)));
        return s;
    }

    private Step deferred(Run run, String vendor, Instant resetsAt, Instant started, String note) {
        boolean journaled = record(null, JournalEntry.of(run.code, vendor, run.runId, Event.DEFERRED, null, clock.instant(),
                Map.of(JournalEntry.DETAIL_RESETS_AT, resetsAt.toString()))) == null;
        Step s = new Step(vendor, Outcome.DEFERRED, null, null, Duration.between(started, clock.instant()), null, journaled,
                CredentialStatus.NONE, null, resetsAt, note);
        tell(l -> l.stepDeferred(event(run, s)));
        return s;
    }

    /** Writes a binding (if any) and a journal entry; returns the store's error instead of throwing it. */
    private RuntimeException record(Binding binding, JournalEntry entry) {
        try {
            if (binding != null) {
                store.record(binding, entry);
            } else {
                store.journal().append(entry);
            }
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static String recordNote(RuntimeException recordError) {
        return recordError == null ? null : "not recorded: " + recordError.getMessage();
    }

    private static String join(String... notes) {
        String s = java.util.Arrays.stream(notes).filter(Objects::nonNull).collect(Collectors.joining("; "));
        return s.isEmpty() ? null : s;
    }

    private record Evidence(CredentialStatus status, RuntimeException error, Map<String, String> details, String note) {
    }

    private Evidence deliver(Run run, String vendor, ProvisionedTenant t, Instant issuedAt) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put(JournalEntry.DETAIL_CREDENTIALS_ISSUED, String.join(",", new TreeSet<>(t.secrets().keySet())));
        if (sink == null) {
            return new Evidence(CredentialStatus.IN_RESULT_ONLY, null, details,
                    "no credential sink configured: the credentials are in this result only");
        }
        try {
            sink.deliver(new CredentialDelivery(run.code, vendor, t.tenantId(), t.secrets(), issuedAt));
            Instant at = clock.instant();
            details.put(JournalEntry.DETAIL_CREDENTIALS_SINK, sink.name());
            details.put(JournalEntry.DETAIL_CREDENTIALS_DELIVERED_AT, at.toString());
            return new Evidence(CredentialStatus.DELIVERED, null, details, "credentials delivered to " + sink.name());
        } catch (RuntimeException e) {
            details.put(JournalEntry.DETAIL_CREDENTIALS_UNDELIVERED, e.getClass().getName());
            LOG.error("onboarding {}: {} credentials could not be delivered to {} ({}); the result carries them", run.code, vendor,
                    sink.name(), e.getClass().getName());
            return new Evidence(CredentialStatus.UNDELIVERED, e, details, "credentials NOT delivered to " + sink.name()
                    + ": they are in this result only");
        }
    }

    private static Evidence evidence(TenantProvisioner p, JournalView.CredentialEvidence ev) {
        if (ev != null && ev.deliveredAt() != null) {
            return new Evidence(CredentialStatus.DELIVERED_EARLIER, null, Map.of(), "credentials delivered to " + ev.sink() + " at "
                    + ev.deliveredAt());
        }
        if (ev != null) {
            return new Evidence(CredentialStatus.NOT_RECOVERED, null, Map.of(), "credentials (" + ev.issued() + ") were issued at "
                    + ev.issuedAt() + " and never delivered; the vendor does not return them again: re-issue them at the vendor");
        }
        if (p.issuesCredentials()) {
            return new Evidence(CredentialStatus.NOT_RECOVERED, null, Map.of(),
                    "the journal holds no delivery of this tenant's credentials and the vendor returned none");
        }
        return new Evidence(CredentialStatus.NOT_ISSUED, null, Map.of(), null);
    }

    private void finish(Run run, List<Step> results, boolean hadDeferral) {
        try {
            boolean complete = results.stream().allMatch(Step::complete);
            List<Step> deferredSteps = results.stream().filter(s -> s.outcome() == Outcome.DEFERRED).collect(Collectors.toList());
            if (complete) {
                store.journal().append(JournalEntry.of(run.code, null, run.runId, Event.RUN_FINISHED, null, clock.instant(), Map.of()));
                if (hadDeferral) {
                    store.deferrals().remove(run.code);
                }
            } else if (!deferredSteps.isEmpty() || hadDeferral) {
                Instant now = clock.instant();
                Instant resetsAt = deferredSteps.stream().map(Step::resetsAt).min(Instant::compareTo).orElse(now);
                store.deferrals().put(new Deferral(run.code, SpecCodec.write(run.spec),
                        deferredSteps.stream().map(Step::vendor).collect(Collectors.toList()), resetsAt, now));
            }
        } catch (RuntimeException e) {
            LOG.error("onboarding {}: the end of the run could not be recorded ({}); the next run resumes from the journal",
                    run.code, e.toString());
        }
    }

    private StepEvent event(Run run, Step s) {
        return new StepEvent(run.code, run.runId, s.vendor(), s.outcome(), s.duration(), s.tenantId(), s.note(),
                s.outcome() == Outcome.FAILED ? s.error() : null, s.resetsAt());
    }

    private void tell(java.util.function.Consumer<OnboardingListener> call) {
        if (listener == null) {
            return;
        }
        try {
            call.accept(listener);
        } catch (RuntimeException e) {
            LOG.warn("onboarding listener failed: {}", e.toString());
        }
    }

    /** Counts and reports under one lock, so a progress bar never goes backwards. */
    private static void tellProgress(BulkProgress progress, ReentrantLock lock, AtomicInteger done, int total,
                                     BulkResult.CustomerRun r) {
        lock.lock();
        try {
            int n = done.incrementAndGet();
            if (progress != null) {
                progress.customerDone(n, total, r);
            }
        } catch (RuntimeException e) {
            LOG.warn("bulk progress callback failed: {}", e.toString());
        } finally {
            lock.unlock();
        }
    }

    /** One customer's run. */
    private static final class Run {
        final TenantSpec spec;
        final String code;
        final String runId;
        final Held guard;
        final JournalView view;
        final Map<String, Binding> bindings;
        final QuotaGate gate;

        Run(TenantSpec spec, String runId, Held guard, JournalView view, Map<String, Binding> bindings, QuotaGate gate) {
            this.spec = spec;
            this.code = spec.customerCode();
            this.runId = runId;
            this.guard = guard;
            this.view = view;
            this.bindings = bindings;
            this.gate = gate;
        }
    }

    /** Vendors whose quota ran out during a bulk run, until when. */
    private static final class QuotaGate {
        private final ConcurrentHashMap<String, Instant> blocked = new ConcurrentHashMap<>();

        void block(String vendor, Instant until) {
            blocked.merge(vendor, until, (a, b) -> a.isAfter(b) ? a : b);
        }

        Instant blockedUntil(String vendor, Instant now) {
            Instant until = blocked.get(vendor);
            return until != null && until.isAfter(now) ? until : null;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // the customer lock: a claim in this process plus the store's lease (shared with offboarding)

    private Held acquire(String code, String runId) {
        return CustomerLock.acquire(new CustomerLock.Settings(store, clock, sleeper, lockTimeout, leaseTtl, lockPollInterval,
                "onboarding"), code, runId);
    }

    /** Builds an {@link Onboarding}. */
    public static final class Builder {
        private final List<StepDef> steps = new ArrayList<>();
        private ProvisioningStore store;
        private CredentialSink sink;
        private OnboardingListener listener;
        private int parallelism = 8;
        private boolean virtualThreads = true;
        private Duration lockTimeout = Duration.ofSeconds(30);
        private Duration leaseTtl = Duration.ofMinutes(5);
        private Duration lockPollInterval = Duration.ofMillis(100);
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private boolean reonboard;

        private Builder() {
        }

        /**
         * Allows onboarding customers that were offboarded (default false: such a run throws
         * {@link CustomerOffboardedException} and cancels the customer's deferral). When allowed, a run follows each
         * binding's state: a vendor whose tenant was removed is searched by its customer-code tag and created anew
         * when none is found; a vendor whose tenant is only suspended fails its step, because suspended tenants are
         * brought back with {@code Offboarding.restore}, never onboarded a second time.
         *
         * @param value whether to onboard offboarded customers again
         * @return this builder
         */
        public Builder allowReonboarding(boolean value) {
            this.reonboard = value;
            return this;
        }

        /**
         * Adds a step. Steps run concurrently unless {@code dependsOn} names earlier steps (by vendor id) that
         * must have a tenant first; a step whose dependency did not complete is SKIPPED.
         *
         * @param provisioner the vendor's provisioner
         * @param dependsOn   vendor ids of earlier steps this one needs
         * @return this builder
         * @throws IllegalArgumentException for a second step of the same vendor or an unknown dependency
         */
        public Builder step(TenantProvisioner provisioner, String... dependsOn) {
            Objects.requireNonNull(provisioner, "provisioner");
            String vendor = Objects.requireNonNull(provisioner.vendor(), "provisioner.vendor()");
            Set<String> known = steps.stream().map(StepDef::vendor).collect(Collectors.toSet());
            if (known.contains(vendor)) {
                throw new IllegalArgumentException("a step for vendor '" + vendor + "' is already configured");
            }
            for (String dep : dependsOn) {
                if (!known.contains(dep)) {
                    throw new IllegalArgumentException("step '" + vendor + "' depends on '" + dep
                            + "', which is not an earlier step");
                }
            }
            steps.add(new StepDef(provisioner, List.of(dependsOn)));
            return this;
        }

        /**
         * Sets the store of leases, journal, bindings and deferrals (default: a new in-memory store). Share one
         * store between every process that may onboard the same customers.
         *
         * @param value the store
         * @return this builder
         */
        public Builder store(ProvisioningStore value) {
            this.store = Objects.requireNonNull(value, "store");
            return this;
        }

        /**
         * Sets where credentials returned by vendors are delivered (default none: they are in the result only).
         *
         * @param value the sink
         * @return this builder
         */
        public Builder credentialSink(CredentialSink value) {
            this.sink = Objects.requireNonNull(value, "credentialSink");
            return this;
        }

        /**
         * Sets the listener told about every step (default none).
         *
         * @param value the listener
         * @return this builder
         */
        public Builder listener(OnboardingListener value) {
            this.listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        /**
         * Sets how many steps of one customer run at once (default 8; 1 runs them one after the other in declared
         * order).
         *
         * @param value at least 1
         * @return this builder
         */
        public Builder parallelism(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("parallelism must be at least 1");
            }
            this.parallelism = value;
            return this;
        }

        /**
         * Sets whether steps and bulk customers run on virtual threads where the JDK has them (default true;
         * platform threads otherwise).
         *
         * @param value whether to prefer virtual threads
         * @return this builder
         */
        public Builder virtualThreads(boolean value) {
            this.virtualThreads = value;
            return this;
        }

        /**
         * Sets how long a run waits for a customer held by another run (default 30 s; zero tries once).
         *
         * @param value the wait
         * @return this builder
         */
        public Builder lockTimeout(Duration value) {
            if (value == null || value.isNegative()) {
                throw new IllegalArgumentException("lockTimeout must be zero or positive");
            }
            this.lockTimeout = value;
            return this;
        }

        /**
         * Sets how long a lease lasts without renewal (default 5 minutes; renewed every third of it and before every
         * vendor write). A holder that dies on another machine blocks its customers this long.
         *
         * @param value at least one second
         * @return this builder
         */
        public Builder leaseTtl(Duration value) {
            if (value == null || value.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("leaseTtl must be at least 1 second");
            }
            this.leaseTtl = value;
            return this;
        }

        /**
         * Sets how often a waiting run asks for the customer again (default 100 ms).
         *
         * @param value a positive duration
         * @return this builder
         */
        public Builder lockPollInterval(Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("lockPollInterval must be positive");
            }
            this.lockPollInterval = value;
            return this;
        }

        /**
         * Sets the clock for step timings, leases and journal times.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Sets how a waiting run waits between lock attempts (tests inject one that advances a clock).
         *
         * @param value the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        /**
         * Builds the orchestrator.
         *
         * @return the orchestrator
         */
        public Onboarding build() {
            return new Onboarding(this);
        }
    }
}
