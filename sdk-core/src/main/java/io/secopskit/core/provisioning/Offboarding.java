package io.secopskit.core.provisioning;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secopskit.core.Beta;
import io.secopskit.core.error.NotFoundException;
import io.secopskit.core.error.SecOpsException;
import io.secopskit.core.http.Sleeper;
import io.secopskit.core.internal.provisioning.CustomerLock;
import io.secopskit.core.provisioning.OffboardingRequest.Mode;
import io.secopskit.core.provisioning.OffboardingResult.Outcome;
import io.secopskit.core.provisioning.OffboardingResult.Status;
import io.secopskit.core.provisioning.OffboardingResult.Step;
import io.secopskit.core.provisioning.PlannedAction.Action;
import io.secopskit.core.store.Binding;
import io.secopskit.core.store.BindingTransition;
import io.secopskit.core.store.EvidenceEntry;
import io.secopskit.core.store.EvidenceEntry.Kind;
import io.secopskit.core.store.JournalEntry;
import io.secopskit.core.store.JournalEntry.Event;
import io.secopskit.core.store.OffboardingStore;
import io.secopskit.core.store.ProvisioningStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a customer off every vendor with onboarding's guarantees — and a record an auditor can read.
 *
 * <ul>
 *   <li><b>Phases.</b> A run in mode {@link Mode#SUSPEND} suspends every active binding where the vendor can
 *       (reversibly: Taegis tenant disabled and support off, Chronicle web application off); vendors that cannot
 *       suspend are only marked suspended and the plan says their tenant stays usable until removal. Removal is
 *       irreversible and waits for the grace period ({@link Builder#gracePeriod}, default 30 days) counted from each
 *       binding's recorded suspend time; it happens in a later run with {@link Mode#REMOVE_AFTER_GRACE}, or at once
 *       with {@link Mode#REMOVE_NOW}. Vendors that offer no removal list what a person must revoke.</li>
 *   <li><b>Only through bindings.</b> Tenants are found only through the customer's active or suspended
 *       bindings; a customer without one, or whose binding points at a tenant tagged for another customer, is
 *       reported and nothing is written for it.</li>
 *   <li><b>Onboarding's guarantees.</b> One run per customer at a time (the same lock as onboarding: a claim in
 *       this process plus the store's lease); the lease's fence is re-checked before every vendor write; a journal,
 *       so a killed run resumes; writes are never repeated blindly — every action reads the tenant first and writes
 *       only what is still missing (an unknown outcome is followed by a read), and a 404 to a delete counts as
 *       done.</li>
 *   <li><b>Dry run and confirmation.</b> {@link #plan} reads only; {@link #run} and {@link #restore} write only when
 *       the request is {@link OffboardingRequest#confirmed() confirmed}.</li>
 *   <li><b>No resurrection.</b> The customer's deferred or unfinished onboarding is cancelled; onboarding refuses
 *       an offboarded customer unless explicitly allowed.</li>
 *   <li><b>Credentials.</b> Once every binding is removed the {@link CredentialSink} is told to forget the
 *       customer (the evidence notes a sink that cannot); what a vendor issued and no API can revoke is listed.</li>
 *   <li><b>Evidence.</b> An append-only record per customer: operator, reason, approver, and each write with its
 *       time, vendor, action, outcome and the vendor's request id; exported as JSON ({@link #exportEvidence})
 *       against a published schema ({@link #evidenceSchema()}); never a secret.</li>
 * </ul>
 * Offboarding refuses a store that keeps nothing beyond the process (the in-memory store) unless a test asks for it
 * ({@link Builder#allowInMemoryStore}). Immutable and thread-safe.
 */
@Beta
public final class Offboarding {
    /** The classpath resource of the evidence export's JSON Schema. */
    public static final String EVIDENCE_SCHEMA_RESOURCE = "/io/secopskit/core/provisioning/offboarding-evidence.schema.json";
    /** The {@code $id} of the evidence export's JSON Schema, also the export's {@code schema} field. */
    public static final String EVIDENCE_SCHEMA_ID = "https://secopskit.io/schemas/offboarding-evidence-1.json";
    /** The default grace period between suspend and removal. */
    public static final Duration DEFAULT_GRACE_PERIOD = Duration.ofDays(30);

    private static final Logger LOG = LoggerFactory.getLogger("io.secopskit.offboarding");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<TenantOffboarder> steps;
    private final ProvisioningStore store;
    private final OffboardingStore records;
    private final CredentialSink sink;
    private final String operator;
    private final Duration grace;
    private final OffboardingListener listener;
    private final CustomerLock.Settings lock;
    private final Clock clock;

    private Offboarding(Builder b) {
        if (b.steps.isEmpty()) {
            throw new IllegalArgumentException("at least one step (offboarder) is required");
        }
        if (b.store == null) {
            throw new IllegalArgumentException("store is required: offboarding keeps its journal and evidence there");
        }
        if (!b.store.durable() && !b.allowInMemory) {
            throw new IllegalArgumentException("offboarding refuses the store " + b.store.location() + ": it keeps nothing beyond"
                    + " this process, so the evidence and the suspend times would be lost; use a durable store (sdk-store-sqlite)"
                    + " or, in tests, allowInMemoryStore(true)");
        }
        try {
            this.records = b.store.offboarding();
        } catch (UnsupportedOperationException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (b.operator == null) {
            throw new IllegalArgumentException("operator is required: the identity of who runs offboarding is recorded in the"
                    + " evidence");
        }
        this.steps = List.copyOf(b.steps);
        this.store = b.store;
        this.sink = b.sink;
        this.operator = b.operator;
        this.grace = b.grace;
        this.listener = b.listener;
        this.clock = b.clock;
        this.lock = new CustomerLock.Settings(b.store, b.clock, b.sleeper, b.lockTimeout, b.leaseTtl, b.lockPollInterval,
                "offboarding");
    }

    /**
     * Starts a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the grace period between suspend and removal. */
    public Duration gracePeriod() {
        return grace;
    }

    /** Returns the store. */
    public ProvisioningStore store() {
        return store;
    }

    // ---------------------------------------------------------------------------------------------------------
    // plans (reads only)

    /**
     * Plans an offboarding run by reads only — the dry run: per bound vendor, what would be done (SUSPEND, REMOVE,
     * NO_OP or CANNOT with the reason), the operations, host and tenant id. Sends no write and changes nothing in
     * the store; the request need not be confirmed.
     *
     * @param request the customer and mode
     * @return the plan
     * @throws io.secopskit.core.store.StoreException if the store cannot be read
     */
    public Plan plan(OffboardingRequest request) {
        Objects.requireNonNull(request, "request");
        return toPlan(request.customerCode(), decide(request.customerCode(), request.mode(), false), false);
    }

    /**
     * Plans a restore by reads only: per suspended binding, RESTORE where the vendor can, or NO_OP / CANNOT.
     *
     * @param request the customer
     * @return the plan
     */
    public Plan planRestore(OffboardingRequest request) {
        Objects.requireNonNull(request, "request");
        return toPlan(request.customerCode(), decide(request.customerCode(), request.mode(), true), true);
    }

    private Plan toPlan(String code, List<Decision> decisions, boolean restore) {
        List<PlannedAction> out = new ArrayList<>();
        if (decisions.isEmpty()) {
            out.add(new PlannedAction(code, "-", Action.CANNOT, null, null, null, false,
                    "the customer has no active or suspended binding: nothing to offboard"));
        }
        boolean refused = decisions.stream().anyMatch(d -> d.kinds.contains(Kind2.MISMATCH));
        for (Decision d : decisions) {
            for (Kind2 k : d.kinds) {
                out.add(planned(code, d, k, refused));
            }
        }
        return new Plan(out);
    }

    private PlannedAction planned(String code, Decision d, Kind2 k, boolean refused) {
        OffboardingCapabilities caps = d.offboarder == null ? null : d.offboarder.capabilities();
        String host = d.offboarder == null ? null : d.offboarder.host();
        String tenant = d.binding.tenantId();
        String v = d.binding.vendor();
        if (refused && k != Kind2.MISMATCH) {
            return new PlannedAction(code, v, Action.CANNOT, null, null, tenant, false,
                    "nothing is written for this customer: another binding points at another customer's tenant");
        }
        switch (k) {
            case SUSPEND:
                return new PlannedAction(code, v, Action.SUSPEND, caps.suspendOperations(), host, tenant, false,
                        Boolean.TRUE.equals(d.state.suspended()) ? "already suspended at the vendor: nothing will be sent"
                                : caps.suspend());
            case MARK_SUSPENDED:
                return new PlannedAction(code, v, Action.CANNOT, null, null, tenant, false, v + " cannot suspend: the "
                        + d.offboarder.tenantIdLabel() + " stays usable until removal (after the grace period of " + grace.toDays()
                        + " days with REMOVE_AFTER_GRACE, or at once with REMOVE_NOW)");
            case REMOVE:
                return new PlannedAction(code, v, Action.REMOVE, caps.removeOperations(), host, tenant, true, caps.remove()
                        + (caps.note() == null ? "" : " (" + caps.note() + ")"));
            case RETIRE:
                return new PlannedAction(code, v, Action.CANNOT, null, null, tenant, true, v + " offers no removal: the tenant"
                        + " stays as suspended; what it issued is listed for manual revocation" + (caps.note() == null ? ""
                        : " (" + caps.note() + ")"));
            case GONE:
                return new PlannedAction(code, v, Action.NO_OP, null, null, tenant, false,
                        "the vendor no longer has the bound tenant: the binding will be marked removed");
            case WAIT:
                return new PlannedAction(code, v, Action.NO_OP, null, null, tenant, false, "suspended since " + d.suspendedAt
                        + "; removable from " + d.removableAt + " with REMOVE_AFTER_GRACE");
            case NOTHING:
                return new PlannedAction(code, v, Action.NO_OP, null, null, tenant, false, d.note);
            case RESTORE:
                return new PlannedAction(code, v, Action.RESTORE, caps.suspendOperations(), host, tenant, false,
                        "brings back what was on before the suspend");
            case MARK_ACTIVE:
                return new PlannedAction(code, v, Action.NO_OP, null, null, tenant, false,
                        "nothing to send: the vendor was never suspended; the binding becomes active");
            case CANNOT_RESTORE:
                return new PlannedAction(code, v, Action.CANNOT, null, null, tenant, false, d.note);
            case MISMATCH:
                return new PlannedAction(code, v, Action.CANNOT, null, null, tenant, false, d.note);
            case UNREADABLE:
                return new PlannedAction(code, v, Action.CANNOT, null, null, tenant, false, "cannot read the tenant: "
                        + d.readError.getMessage());
            default:
                return new PlannedAction(code, v, Action.CANNOT, null, null, tenant, false, d.note);
        }
    }

    /** What a run would do for one bound vendor. */
    private enum Kind2 {
        SUSPEND, MARK_SUSPENDED, REMOVE, RETIRE, GONE, WAIT, NOTHING, RESTORE, MARK_ACTIVE, CANNOT_RESTORE, MISMATCH, UNREADABLE,
        NO_OFFBOARDER
    }

    private static final class Decision {
        final Binding binding;
        final TenantOffboarder offboarder;
        TenantState state;
        final List<Kind2> kinds = new ArrayList<>();
        Instant suspendedAt;
        Instant removableAt;
        String note;
        RuntimeException readError;

        Decision(Binding binding, TenantOffboarder offboarder) {
            this.binding = binding;
            this.offboarder = offboarder;
        }
    }

    private List<Decision> decide(String code, Mode mode, boolean restore) {
        List<Binding> bindings = store.bindings().forCustomer(code);
        Map<String, Instant> suspendedAt = new HashMap<>();
        for (BindingTransition t : records.transitions(code)) {
            if (t.to() == Binding.State.SUSPENDED) {
                suspendedAt.put(t.vendor(), t.at());
            }
        }
        Map<String, Binding> byVendor = new LinkedHashMap<>();
        bindings.forEach(b -> byVendor.put(b.vendor(), b));
        List<Decision> out = new ArrayList<>();
        List<Binding> ordered = new ArrayList<>();
        for (TenantOffboarder o : steps) {
            Binding b = byVendor.remove(o.vendor());
            if (b != null) {
                ordered.add(b);
            }
        }
        ordered.addAll(byVendor.values());
        Instant now = clock.instant();
        for (Binding b : ordered) {
            TenantOffboarder o = steps.stream().filter(s -> s.vendor().equals(b.vendor())).findFirst().orElse(null);
            Decision d = new Decision(b, o);
            out.add(d);
            if (b.state() == Binding.State.REMOVED) {
                d.kinds.add(restore ? Kind2.CANNOT_RESTORE : Kind2.NOTHING);
                d.note = restore ? "removed at " + b.updatedAt() + ": it cannot be restored; onboard the customer again"
                        + " (Onboarding.Builder.allowReonboarding) to create it anew" : "removed at " + b.updatedAt();
                continue;
            }
            if (o == null) {
                d.kinds.add(Kind2.NO_OFFBOARDER);
                d.note = "bound (" + b.state() + ") but no offboarder is configured for " + b.vendor() + ": nothing is done there";
                continue;
            }
            if (restore && b.state() == Binding.State.ACTIVE) {
                d.kinds.add(Kind2.NOTHING);
                d.note = "active: nothing to restore";
                continue;
            }
            try {
                d.state = o.inspect(b.tenantId()).orElse(null);
            } catch (RuntimeException e) {
                d.readError = e;
                d.kinds.add(Kind2.UNREADABLE);
                continue;
            }
            if (d.state != null && d.state.customerCode() != null && !d.state.customerCode().equals(code)) {
                d.kinds.add(Kind2.MISMATCH);
                d.note = "the bound " + o.tenantIdLabel() + " " + b.tenantId() + " carries the customer code '" + d.state.customerCode()
                        + "', not '" + code + "': nothing is written for this customer; fix the binding or the tag";
                continue;
            }
            d.suspendedAt = b.state() == Binding.State.SUSPENDED ? suspendedAt.getOrDefault(b.vendor(), b.updatedAt()) : null;
            d.removableAt = d.suspendedAt == null ? null : d.suspendedAt.plus(grace);
            boolean canSuspend = o.capabilities().canSuspend();
            boolean canRemove = o.capabilities().canRemove();
            if (restore) {
                if (d.state == null) {
                    d.kinds.add(Kind2.CANNOT_RESTORE);
                    d.note = "the vendor no longer has the bound tenant: nothing to restore";
                } else {
                    d.kinds.add(canSuspend ? Kind2.RESTORE : Kind2.MARK_ACTIVE);
                }
                continue;
            }
            if (d.state == null) {
                d.kinds.add(Kind2.GONE);
                continue;
            }
            if (b.state() == Binding.State.ACTIVE) {
                d.kinds.add(canSuspend ? Kind2.SUSPEND : Kind2.MARK_SUSPENDED);
                if (mode == Mode.REMOVE_NOW) {
                    d.kinds.add(canRemove ? Kind2.REMOVE : Kind2.RETIRE);
                }
            } else if (mode == Mode.REMOVE_NOW || mode == Mode.REMOVE_AFTER_GRACE && !now.isBefore(d.removableAt)) {
                d.kinds.add(canRemove ? Kind2.REMOVE : Kind2.RETIRE);
            } else {
                d.kinds.add(Kind2.WAIT);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------------------
    // runs

    /**
     * Offboards one customer as the request says (its mode). Vendor errors do not escape: each step's outcome is in
     * the result.
     *
     * @param request the customer, reason, approver, mode and confirmation
     * @return what happened at each bound vendor
     * @throws IllegalStateException      when the request is not confirmed (nothing is read or written)
     * @throws IllegalArgumentException   when the request has no reason
     * @throws CustomerLockedException    if another run holds the customer beyond the lock timeout
     * @throws io.secopskit.core.store.StoreException if the store cannot be used before any vendor write
     */
    public OffboardingResult run(OffboardingRequest request) {
        return execute(request, false);
    }

    /**
     * Restores a suspended customer where the vendors allow (Taegis re-enabled with the environments recorded at
     * suspend and support as it was, Chronicle's web application on); bindings of vendors that cannot suspend become
     * active again without a write; removed ones cannot be restored. Possible until the customer is removed.
     *
     * @param request the customer, reason, approver and confirmation (its mode is ignored)
     * @return what happened at each bound vendor
     * @throws IllegalStateException    when the request is not confirmed
     * @throws IllegalArgumentException when the request has no reason
     * @throws CustomerLockedException  if another run holds the customer beyond the lock timeout
     */
    public OffboardingResult restore(OffboardingRequest request) {
        return execute(request, true);
    }

    /**
     * One customer of a bulk offboarding: its result, or why it could not run.
     *
     * @param customerCode the customer
     * @param result       the result, or null
     * @param error        the failure (locked, store unreachable ...), or null
     */
    public record CustomerRun(String customerCode, OffboardingResult result, RuntimeException error) {
    }

    /**
     * Offboards many customers one after another (a list, no fleet file needed); one customer's failure does not
     * stop the others.
     *
     * @param requests the requests, each confirmed
     * @return one entry per request, in order
     */
    public List<CustomerRun> runAll(Collection<OffboardingRequest> requests) {
        List<CustomerRun> out = new ArrayList<>();
        for (OffboardingRequest r : requests) {
            try {
                out.add(new CustomerRun(r.customerCode(), run(r), null));
            } catch (RuntimeException e) {
                out.add(new CustomerRun(r.customerCode(), null, e));
            }
        }
        return out;
    }

    private OffboardingResult execute(OffboardingRequest request, boolean restore) {
        Objects.requireNonNull(request, "request");
        if (!request.confirmed()) {
            throw new IllegalStateException("offboarding writes need confirmation: build the request with confirmed(true)"
                    + " (a command line's --yes); plan(request) shows what would be written");
        }
        if (request.reason() == null) {
            throw new IllegalArgumentException("reason is required to " + (restore ? "restore" : "offboard")
                    + " a customer: it is recorded in the evidence");
        }
        String code = request.customerCode();
        String runId = UUID.randomUUID().toString();
        CustomerLock.Held held = CustomerLock.acquire(lock, code, runId);
        try {
            Run run = new Run(code, runId, held, request, restore);
            Map<String, String> start = new LinkedHashMap<>();
            start.put(EvidenceEntry.DETAIL_REASON, request.reason());
            if (request.approver() != null) {
                start.put(EvidenceEntry.DETAIL_APPROVER, request.approver());
            }
            start.put(EvidenceEntry.DETAIL_MODE, restore ? "RESTORE" : request.mode().name());
            start.put("fence", Long.toString(held.fence()));
            run.evidence(Kind.RUN_STARTED, null, null, null, null, null, null, start);
            journal(run, null, Event.OFFBOARDING_STARTED, null, Map.of(JournalEntry.DETAIL_ACTION, start.get(EvidenceEntry.DETAIL_MODE),
                    JournalEntry.DETAIL_FENCE, Long.toString(held.fence())));
            List<Decision> decisions = decide(code, request.mode(), restore);
            List<String> warnings = new ArrayList<>();
            if (!restore) {
                cancelOnboarding(run, warnings);
            }
            OffboardingResult result;
            List<Decision> mismatched = decisions.stream().filter(d -> d.kinds.contains(Kind2.MISMATCH)).collect(Collectors.toList());
            if (!mismatched.isEmpty()) {
                String report = mismatched.stream().map(d -> d.binding.vendor() + ": " + d.note).collect(Collectors.joining("; "));
                run.evidence(Kind.REFUSED, null, null, null, null, null, null, Map.of(EvidenceEntry.DETAIL_NOTE, report));
                List<Step> refused = decisions.stream().map(d -> new Step(d.binding.vendor(), d.binding.tenantId(), Action.CANNOT,
                        Outcome.REFUSED, d.binding.state(), 0, null, d.kinds.contains(Kind2.MISMATCH) ? d.note : null, null))
                        .collect(Collectors.toList());
                refused.forEach(this::tell);
                result = new OffboardingResult(code, runId, Status.REFUSED, refused, List.of(), null, warnings, report);
            } else if (decisions.isEmpty()) {
                String report = "customer " + code + " has no active or suspended binding: nothing to " + (restore ? "restore"
                        : "offboard") + " (tenants are found only through bindings)";
                run.evidence(Kind.REFUSED, null, null, null, null, null, null, Map.of(EvidenceEntry.DETAIL_NOTE, report));
                result = new OffboardingResult(code, runId, Status.NOTHING_BOUND, List.of(), List.of(), null, warnings, report);
            } else {
                Map<String, OpenAction> open = openActions(code);
                List<Step> done = new ArrayList<>();
                for (Decision d : decisions) {
                    Step s = step(run, d, open.get(d.binding.vendor()));
                    done.add(s);
                    tell(s);
                }
                String credentials = restore ? null : credentials(run);
                boolean failed = done.stream().anyMatch(s -> s.outcome() == Outcome.FAILED);
                result = new OffboardingResult(code, runId, failed ? Status.INCOMPLETE : Status.DONE, done, run.revocations,
                        credentials, warnings, null);
            }
            Map<String, String> end = new LinkedHashMap<>();
            end.put("status", result.status().name());
            end.put("writes", Integer.toString(result.writes()));
            run.evidence(Kind.RUN_FINISHED, null, null, null, null, result.status().name(), null, end);
            journal(run, null, Event.OFFBOARDING_FINISHED, null, Map.of("status", result.status().name()));
            return result;
        } finally {
            held.release();
        }
    }

    /** The earliest unfinished action per vendor since its last completed one (a killed or failed run's). */
    private record OpenAction(String action, Map<String, String> undo, boolean unresolved) {
    }

    private Map<String, OpenAction> openActions(String code) {
        Map<String, OpenAction> open = new HashMap<>();
        for (JournalEntry e : store.journal().entries(code)) {
            if (e.vendor() == null) {
                continue;
            }
            if (e.event() == Event.ACTION_DONE) {
                open.remove(e.vendor());
            } else if (e.event() == Event.ACTION_STARTED) {
                OpenAction earlier = open.get(e.vendor());
                Map<String, String> undo = new LinkedHashMap<>();
                e.details().forEach((k, v) -> {
                    if (k.startsWith(JournalEntry.DETAIL_UNDO_PREFIX)) {
                        undo.put(k.substring(JournalEntry.DETAIL_UNDO_PREFIX.length()), v);
                    }
                });
                String action = e.detail(JournalEntry.DETAIL_ACTION);
                if (earlier == null || !earlier.action().equals(action)) {
                    open.put(e.vendor(), new OpenAction(action, undo, true));
                } else {
                    open.put(e.vendor(), new OpenAction(action, earlier.undo(), true));
                }
            }
        }
        return open;
    }

    private void cancelOnboarding(Run run, List<String> warnings) {
        List<JournalEntry> entries = store.journal().entries(run.code);
        boolean openOnboarding = false;
        Map<String, JournalEntry> pendingCreates = new LinkedHashMap<>();
        for (JournalEntry e : entries) {
            switch (e.event()) {
                case RUN_STARTED -> openOnboarding = true;
                case RUN_FINISHED, ONBOARDING_CANCELLED -> {
                    openOnboarding = false;
                    pendingCreates.clear();
                }
                case CREATE_STARTED -> pendingCreates.put(e.vendor(), e);
                case CREATED, FOUND, FAILED, DEFERRED -> pendingCreates.remove(e.vendor());
                default -> {
                }
            }
        }
        boolean deferred = store.deferrals().get(run.code).isPresent();
        if (!openOnboarding && !deferred) {
            return;
        }
        for (JournalEntry e : pendingCreates.values()) {
            warnings.add("an unfinished onboarding began a create at " + e.vendor() + " at " + e.at() + " and never recorded its"
                    + " outcome: a tenant may exist there without a binding; look for it by the customer's tag and remove it by hand");
        }
        records.cancelDeferral(run.code, JournalEntry.of(run.code, null, run.runId, Event.ONBOARDING_CANCELLED, null, clock.instant(),
                Map.of("deferred", Boolean.toString(deferred))));
        run.evidence(Kind.STATE, null, "CANCEL_ONBOARDING", null, null, "DONE", null, Map.of(EvidenceEntry.DETAIL_NOTE,
                (deferred ? "the deferred onboarding" : "the unfinished onboarding") + " was cancelled: no later run resumes it"));
    }

    private Step step(Run run, Decision d, OpenAction open) {
        String vendor = d.binding.vendor();
        String tenant = d.binding.tenantId();
        Binding.State state = d.binding.state();
        int writes = 0;
        Step last = null;
        for (Kind2 k : d.kinds) {
            switch (k) {
                case NOTHING, NO_OFFBOARDER -> last = new Step(vendor, tenant, Action.NO_OP, Outcome.NOTHING_TO_DO, state, writes, null,
                        d.note, null);
                case WAIT -> last = new Step(vendor, tenant, Action.NO_OP, Outcome.WAITING, state, writes, d.removableAt,
                        "suspended since " + d.suspendedAt + "; removal needs REMOVE_AFTER_GRACE once the grace period ends", null);
                case UNREADABLE -> last = new Step(vendor, tenant, Action.CANNOT, Outcome.FAILED, state, writes, null,
                        "cannot read the tenant; nothing was written", d.readError);
                case CANNOT_RESTORE -> last = new Step(vendor, tenant, Action.CANNOT, Outcome.NOT_POSSIBLE, state, writes, null,
                        d.note, null);
                case GONE -> last = mark(run, d, state, Binding.State.REMOVED, Action.NO_OP, Outcome.GONE,
                        "the vendor no longer has the bound tenant; the binding is marked removed", writes);
                case MARK_SUSPENDED -> last = mark(run, d, state, Binding.State.SUSPENDED, Action.CANNOT, Outcome.NOT_POSSIBLE,
                        vendor + " cannot suspend: the " + d.offboarder.tenantIdLabel() + " stays usable until removal", writes);
                case MARK_ACTIVE -> last = mark(run, d, state, Binding.State.ACTIVE, Action.NO_OP, Outcome.DONE,
                        "the vendor was never suspended; the binding is active again", writes);
                case RETIRE -> {
                    List<ManualRevocation> items;
                    try {
                        items = d.offboarder.manualRevocations(d.state);
                    } catch (RuntimeException e) {
                        last = new Step(vendor, tenant, Action.CANNOT, Outcome.FAILED, state, writes, null,
                                "cannot list what must be revoked by hand; nothing was changed", e);
                        break;
                    }
                    for (ManualRevocation m : items) {
                        Map<String, String> details = new LinkedHashMap<>();
                        details.put(EvidenceEntry.DETAIL_NOTE, m.instruction());
                        if (m.type() != null) {
                            details.put("type", m.type());
                        }
                        details.put("kind", m.kind());
                        run.evidence(Kind.CREDENTIALS, vendor, "MANUAL_REVOCATION", null, m.id(), "LISTED", null, details);
                        run.revocations.add(m);
                    }
                    last = mark(run, d, state, Binding.State.REMOVED, Action.CANNOT, Outcome.NOT_POSSIBLE, vendor
                            + " offers no removal: nothing was removed there; " + items.size() + " item(s) listed for manual"
                            + " revocation", writes);
                }
                case SUSPEND -> last = act(run, d, state, Binding.State.SUSPENDED, Action.SUSPEND, open, writes,
                        w -> d.offboarder.suspend(d.state, w));
                case REMOVE -> {
                    if (state == Binding.State.ACTIVE) {
                        break; // the suspend before it failed
                    }
                    if (writes > 0 || last != null && last.action() == Action.SUSPEND) {
                        Optional<TenantState> now;
                        try {
                            now = d.offboarder.inspect(tenant);
                        } catch (RuntimeException e) {
                            last = new Step(vendor, tenant, Action.REMOVE, Outcome.FAILED, state, writes, null,
                                    "cannot read the tenant again before removing it", e);
                            break;
                        }
                        if (now.isEmpty()) {
                            last = mark(run, d, state, Binding.State.REMOVED, Action.NO_OP, Outcome.GONE,
                                    "the vendor no longer has the bound tenant; the binding is marked removed", writes);
                            break;
                        }
                        d.state = now.get();
                    }
                    last = act(run, d, state, Binding.State.REMOVED, Action.REMOVE, open, writes, w -> d.offboarder.remove(d.state, w));
                }
                case RESTORE -> {
                    Map<String, String> undo = undoRecorded(run.code, vendor);
                    last = act(run, d, state, Binding.State.ACTIVE, Action.RESTORE, open, writes,
                            w -> d.offboarder.restore(d.state, undo, w));
                }
                default -> last = new Step(vendor, tenant, Action.CANNOT, Outcome.REFUSED, state, writes, null, d.note, null);
            }
            if (last == null) {
                continue;
            }
            writes = last.writes();
            if (last.state() != null) {
                state = last.state();
            }
            if (last.outcome() == Outcome.FAILED) {
                break;
            }
        }
        return last;
    }

    /** A binding change without a vendor write (the vendor cannot do it, or has nothing left). */
    private Step mark(Run run, Decision d, Binding.State from, Binding.State to, Action action, Outcome outcome, String note,
                      int writes) {
        String vendor = d.binding.vendor();
        String tenant = d.binding.tenantId();
        Map<String, String> details = new LinkedHashMap<>();
        details.put(EvidenceEntry.DETAIL_NOTE, note);
        details.put("writes", "0");
        Optional<Binding> moved;
        try {
            moved = records.transition(new BindingTransition(0, run.code, vendor, tenant, from, to, clock.instant(), run.runId,
                    details), JournalEntry.of(run.code, vendor, run.runId, Event.ACTION_DONE, tenant, clock.instant(),
                    Map.of(JournalEntry.DETAIL_ACTION, to.name())));
            if (moved.isEmpty()) {
                return new Step(vendor, tenant, action, Outcome.FAILED, from, writes, null,
                        "the binding changed meanwhile (another run?); nothing was recorded", null);
            }
            run.evidence(Kind.STATE, vendor, to.name(), null, tenant, outcome.name(), null, details);
        } catch (RuntimeException e) {
            return new Step(vendor, tenant, action, Outcome.FAILED, from, writes, null, "the store could not record it", e);
        }
        Instant removable = to == Binding.State.SUSPENDED ? moved.get().updatedAt().plus(grace) : null;
        return new Step(vendor, tenant, action, outcome, to, writes, removable, note, null);
    }

    /** A vendor action with writes: journal intent (with what restore needs), the writes, then the binding change. */
    private Step act(Run run, Decision d, Binding.State from, Binding.State to, Action action, OpenAction open, int writesBefore,
                     java.util.function.Consumer<VendorWrites> body) {
        String vendor = d.binding.vendor();
        String tenant = d.binding.tenantId();
        boolean resumed = open != null && open.action().equals(action.name());
        Map<String, String> undo = Map.of();
        Writes w = new Writes(run, vendor, action.name(), tenant);
        try {
            if (action == Action.SUSPEND) {
                undo = resumed && !open.undo().isEmpty() ? open.undo() : d.offboarder.undo(d.state);
            }
            Map<String, String> intent = new LinkedHashMap<>();
            intent.put(JournalEntry.DETAIL_ACTION, action.name());
            intent.put(JournalEntry.DETAIL_FENCE, Long.toString(run.held.fence()));
            undo.forEach((k, v) -> intent.put(JournalEntry.DETAIL_UNDO_PREFIX + k, v));
            journal(run, vendor, Event.ACTION_STARTED, tenant, intent);
            body.accept(w);
        } catch (RuntimeException e) {
            try {
                journal(run, vendor, Event.ACTION_FAILED, tenant, Map.of(JournalEntry.DETAIL_ACTION, action.name(),
                        JournalEntry.DETAIL_ERROR, e.getClass().getSimpleName()));
            } catch (RuntimeException ignored) {
                LOG.warn("offboarding {}: {} {} failed and the failure could not be journalled: {}", run.code, vendor, action,
                        ignored.toString());
            }
            return new Step(vendor, tenant, action, Outcome.FAILED, from, writesBefore + w.count, null,
                    w.count > 0 ? "failed after " + w.count + " write(s); the next run reads the tenant and sends only what is missing"
                            : null, e);
        }
        Map<String, String> details = new LinkedHashMap<>();
        undo.forEach((k, v) -> details.put(JournalEntry.DETAIL_UNDO_PREFIX + k, v));
        details.put("writes", Integer.toString(w.count));
        String note = null;
        if (resumed && w.count == 0) {
            note = "an earlier run's " + action.name().toLowerCase(java.util.Locale.ROOT) + " had reached the vendor (confirmed by a"
                    + " read); nothing was sent again";
            details.put(EvidenceEntry.DETAIL_NOTE, note);
            run.evidence(Kind.RESOLVED, vendor, action.name(), null, tenant, "DONE", null, Map.of(EvidenceEntry.DETAIL_NOTE, note));
        } else if (w.count == 0) {
            note = "the vendor was already in that state (read): nothing was sent";
            details.put(EvidenceEntry.DETAIL_NOTE, note);
        }
        Optional<Binding> moved;
        try {
            moved = records.transition(new BindingTransition(0, run.code, vendor, tenant, from, to, clock.instant(), run.runId, details),
                    JournalEntry.of(run.code, vendor, run.runId, Event.ACTION_DONE, tenant, clock.instant(),
                            Map.of(JournalEntry.DETAIL_ACTION, action.name())));
        } catch (RuntimeException e) {
            LOG.error("offboarding {}: {} {} reached the vendor but the store could not record it ({}); the next run confirms it"
                    + " by a read", run.code, vendor, action, e.toString());
            return new Step(vendor, tenant, action, Outcome.FAILED, from, writesBefore + w.count, null,
                    "the vendor was written; the store could not record it: run again (it reads first and sends nothing twice)", e);
        }
        if (moved.isEmpty()) {
            return new Step(vendor, tenant, action, Outcome.FAILED, from, writesBefore + w.count, null,
                    "the binding changed meanwhile (another run?); its new state was not recorded", null);
        }
        try {
            run.evidence(Kind.STATE, vendor, to.name(), null, tenant, "DONE", null, details);
        } catch (RuntimeException e) {
            LOG.warn("offboarding {}: the evidence of {} {} could not be appended: {}", run.code, vendor, to, e.toString());
        }
        Instant removable = to == Binding.State.SUSPENDED ? moved.get().updatedAt().plus(grace) : null;
        return new Step(vendor, tenant, action, Outcome.DONE, to, writesBefore + w.count, removable, note, null);
    }

    private Map<String, String> undoRecorded(String code, String vendor) {
        Map<String, String> undo = new LinkedHashMap<>();
        for (BindingTransition t : records.transitions(code)) {
            if (t.vendor().equals(vendor) && t.to() == Binding.State.SUSPENDED) {
                undo.clear();
                t.details().forEach((k, v) -> {
                    if (k.startsWith(JournalEntry.DETAIL_UNDO_PREFIX)) {
                        undo.put(k.substring(JournalEntry.DETAIL_UNDO_PREFIX.length()), v);
                    }
                });
            }
        }
        return undo;
    }

    private String credentials(Run run) {
        List<Binding> all = store.bindings().forCustomer(run.code);
        if (all.isEmpty() || !all.stream().allMatch(b -> b.state() == Binding.State.REMOVED)) {
            return null;
        }
        for (EvidenceEntry e : records.evidence().entries(run.code)) {
            if (e.kind() == Kind.CREDENTIALS && "FORGET".equals(e.action()) && !"FAILED".equals(e.outcome())) {
                return null; // an earlier run did it
            }
        }
        String outcome;
        String note;
        if (sink == null) {
            outcome = "NO_SINK";
            note = "no credential sink is configured: SecOpsKit held no copy of the customer's credentials";
        } else {
            try {
                boolean forgot = sink.forget(run.code);
                outcome = forgot ? "FORGOTTEN" : "KEPT";
                note = forgot ? "the sink " + sink.name() + " forgot the customer's credentials"
                        : "the sink " + sink.name() + " cannot forget credentials: remove the customer's credentials from it by hand";
            } catch (RuntimeException e) {
                outcome = "FAILED";
                note = "the sink " + sink.name() + " failed to forget (" + e.getClass().getSimpleName() + "); the next run tries again";
            }
        }
        run.evidence(Kind.CREDENTIALS, null, "FORGET", null, null, outcome, null, Map.of(EvidenceEntry.DETAIL_NOTE, note));
        return outcome + ": " + note;
    }

    private void journal(Run run, String vendor, Event event, String tenantId, Map<String, String> details) {
        store.journal().append(JournalEntry.of(run.code, vendor, run.runId, event, tenantId, clock.instant(), details));
    }

    private void tell(Step s) {
        if (listener == null) {
            return;
        }
        try {
            listener.stepFinished(s);
        } catch (RuntimeException e) {
            LOG.warn("offboarding listener failed: {}", e.toString());
        }
    }

    /** One customer's run. */
    private final class Run {
        final String code;
        final String runId;
        final CustomerLock.Held held;
        final OffboardingRequest request;
        final boolean restore;
        final List<ManualRevocation> revocations = new ArrayList<>();

        Run(String code, String runId, CustomerLock.Held held, OffboardingRequest request, boolean restore) {
            this.code = code;
            this.runId = runId;
            this.held = held;
            this.request = request;
            this.restore = restore;
        }

        EvidenceEntry evidence(Kind kind, String vendor, String action, String operation, String target, String outcome,
                               String requestId, Map<String, String> details) {
            return records.evidence().append(new EvidenceEntry(0, code, runId, clock.instant(), kind, operator, vendor, action,
                    operation, target, outcome, requestId, details));
        }
    }

    /** The writes of one action: fence check, intent, call, outcome with the request id. */
    private final class Writes implements VendorWrites {
        private final Run run;
        private final String vendor;
        private final String action;
        private final String tenant;
        int count;

        Writes(Run run, String vendor, String action, String tenant) {
            this.run = run;
            this.vendor = vendor;
            this.action = action;
            this.tenant = tenant;
        }

        @Override
        public <T> T send(String operation, String target, Supplier<T> write) {
            Objects.requireNonNull(write, "write");
            return sendOne(operation, target, write, false);
        }

        @Override
        public boolean sendDelete(String operation, String target, Runnable delete) {
            Objects.requireNonNull(delete, "delete");
            return sendOne(operation, target, () -> {
                delete.run();
                return Boolean.TRUE;
            }, true) != null;
        }

        /** Fence, intent, call, outcome. For a delete, a 404 is recorded as GONE and answers null. */
        private <T> T sendOne(String operation, String target, Supplier<T> write, boolean delete) {
            Objects.requireNonNull(operation, "operation");
            run.held.checkFence(vendor);
            String on = target == null ? tenant : target;
            run.evidence(Kind.INTENT, vendor, action, operation, on, null, null, Map.of());
            T answer;
            RuntimeException failure = null;
            List<RequestIdRecorder.Call> calls;
            try (RequestIdRecorder.Recording rec = RequestIdRecorder.start()) {
                try {
                    answer = write.get();
                } catch (RuntimeException e) {
                    answer = null;
                    failure = e;
                }
                calls = rec.calls();
            }
            count++;
            if (failure instanceof NotFoundException && delete) {
                run.evidence(Kind.WRITE, vendor, action, operation, on, "GONE", requestId(calls, failure),
                        Map.of(EvidenceEntry.DETAIL_NOTE, "the vendor answered 404 to the delete: the resource is gone, which"
                                + " counts as done"));
                return null;
            }
            if (failure != null) {
                run.evidence(Kind.WRITE, vendor, action, operation, on, "FAILED", requestId(calls, failure),
                        Map.of(EvidenceEntry.DETAIL_ERROR, describe(failure)));
                throw failure;
            }
            run.evidence(Kind.WRITE, vendor, action, operation, on, "DONE", requestId(calls, null), Map.of());
            return answer;
        }

        private String requestId(List<RequestIdRecorder.Call> calls, RuntimeException e) {
            if (e instanceof SecOpsException s && s.requestId() != null) {
                return s.requestId();
            }
            if (calls.isEmpty()) {
                return EvidenceEntry.NOT_CAPTURED;
            }
            String id = calls.get(calls.size() - 1).requestId();
            return id == null ? EvidenceEntry.NONE_RETURNED : id;
        }
    }

    private static String describe(RuntimeException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.length() > 500) {
            message = message.substring(0, 500) + "...";
        }
        return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    // ---------------------------------------------------------------------------------------------------------
    // evidence

    /**
     * Returns a customer's evidence, oldest first.
     *
     * @param customerCode the customer
     * @return the entries
     */
    public List<EvidenceEntry> evidence(String customerCode) {
        return records.evidence().entries(customerCode);
    }

    /**
     * Returns the binding transitions of a customer, oldest first.
     *
     * @param customerCode the customer
     * @return the transitions
     */
    public List<BindingTransition> transitions(String customerCode) {
        return records.transitions(customerCode);
    }

    /**
     * Exports a customer's evidence as JSON that validates against {@link #evidenceSchema()}: the customer, when it
     * was exported, the binding transitions and every entry with its sequence, time, run, kind, operator and (where
     * they apply) vendor, action, operation, target, outcome, request id and details. No secret is in it.
     *
     * @param customerCode the customer
     * @return the JSON document
     */
    public String exportEvidence(String customerCode) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("schema", EVIDENCE_SCHEMA_ID);
        doc.put("customerCode", customerCode);
        doc.put("exportedAt", clock.instant().toString());
        doc.put("operatorOfExport", operator);
        ArrayNode transitions = doc.putArray("transitions");
        for (BindingTransition t : records.transitions(customerCode)) {
            ObjectNode n = transitions.addObject();
            n.put("sequence", t.sequence());
            n.put("at", t.at().toString());
            n.put("runId", t.runId());
            n.put("vendor", t.vendor());
            n.put("tenantId", t.tenantId());
            n.put("from", t.from().name());
            n.put("to", t.to().name());
            ObjectNode details = n.putObject("details");
            t.details().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> details.put(e.getKey(), e.getValue()));
        }
        ArrayNode entries = doc.putArray("entries");
        for (EvidenceEntry e : records.evidence().entries(customerCode)) {
            ObjectNode n = entries.addObject();
            n.put("sequence", e.sequence());
            n.put("at", e.at().toString());
            n.put("runId", e.runId());
            n.put("kind", e.kind().name());
            n.put("operator", e.operator());
            putIf(n, "vendor", e.vendor());
            putIf(n, "action", e.action());
            putIf(n, "operation", e.operation());
            putIf(n, "target", e.target());
            putIf(n, "outcome", e.outcome());
            putIf(n, "requestId", e.requestId());
            ObjectNode details = n.putObject("details");
            e.details().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(d -> details.put(d.getKey(), d.getValue()));
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the evidence of " + customerCode, e);
        }
    }

    private static void putIf(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }

    /**
     * Returns the published JSON Schema (draft 2020-12) of {@link #exportEvidence}'s output.
     *
     * @return the schema document
     */
    public static String evidenceSchema() {
        try (InputStream in = Offboarding.class.getResourceAsStream(EVIDENCE_SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the evidence schema " + EVIDENCE_SCHEMA_RESOURCE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + EVIDENCE_SCHEMA_RESOURCE, e);
        }
    }

    /** Builds an {@link Offboarding}. */
    public static final class Builder {
        private final List<TenantOffboarder> steps = new ArrayList<>();
        private ProvisioningStore store;
        private CredentialSink sink;
        private String operator;
        private Duration grace = DEFAULT_GRACE_PERIOD;
        private OffboardingListener listener;
        private boolean allowInMemory;
        private Duration lockTimeout = Duration.ofSeconds(30);
        private Duration leaseTtl = Duration.ofMinutes(5);
        private Duration lockPollInterval = Duration.ofMillis(100);
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();

        private Builder() {
        }

        /**
         * Adds a vendor step; steps run in the order added.
         *
         * @param offboarder the vendor's offboarder
         * @return this builder
         * @throws IllegalArgumentException for a second step of the same vendor
         */
        public Builder step(TenantOffboarder offboarder) {
            Objects.requireNonNull(offboarder, "offboarder");
            String vendor = Objects.requireNonNull(offboarder.vendor(), "offboarder.vendor()");
            if (steps.stream().anyMatch(s -> s.vendor().equals(vendor))) {
                throw new IllegalArgumentException("a step for vendor '" + vendor + "' is already configured");
            }
            steps.add(offboarder);
            return this;
        }

        /**
         * Sets the store (required): the one onboarding uses, so bindings, leases and journal are shared. It must be
         * durable unless {@link #allowInMemoryStore} says otherwise.
         *
         * @param value the store
         * @return this builder
         */
        public Builder store(ProvisioningStore value) {
            this.store = Objects.requireNonNull(value, "store");
            return this;
        }

        /**
         * Lets a test use a store that keeps nothing beyond the process (default false: refused).
         *
         * @param value whether to allow it
         * @return this builder
         */
        public Builder allowInMemoryStore(boolean value) {
            this.allowInMemory = value;
            return this;
        }

        /**
         * Sets the sink that is told to forget the customer's credentials once its tenants are removed (default none).
         *
         * @param value the sink
         * @return this builder
         */
        public Builder credentialSink(CredentialSink value) {
            this.sink = Objects.requireNonNull(value, "credentialSink");
            return this;
        }

        /**
         * Sets the identity of who runs offboarding, recorded in every evidence entry (required; for example an
         * e-mail address or a service account name).
         *
         * @param value 1-200 characters without control characters
         * @return this builder
         */
        public Builder operator(String value) {
            if (value == null || value.isBlank() || value.length() > 200 || value.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("operator must be 1-200 characters without control characters");
            }
            this.operator = value;
            return this;
        }

        /**
         * Sets the grace period between a binding's suspend and its removal (default 30 days).
         *
         * @param value zero or more
         * @return this builder
         */
        public Builder gracePeriod(Duration value) {
            if (value == null || value.isNegative()) {
                throw new IllegalArgumentException("gracePeriod must be zero or positive");
            }
            this.grace = value;
            return this;
        }

        /**
         * Sets the listener told about every step (default none).
         *
         * @param value the listener
         * @return this builder
         */
        public Builder listener(OffboardingListener value) {
            this.listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        /**
         * Sets how long a run waits for a customer held by another run (default 30 s).
         *
         * @param value zero or positive
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
         * Sets how long a lease lasts without renewal (default 5 minutes; renewed before every vendor write).
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
         * Sets the clock for suspend times, the grace period, leases, journal and evidence.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Sets how a waiting run waits between lock attempts.
         *
         * @param value the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        /**
         * Builds the offboarding.
         *
         * @return the offboarding
         * @throws IllegalArgumentException when no step, store or operator is set, or the store is not durable (and
         *                                  not allowed), or keeps no offboarding records
         */
        public Offboarding build() {
            return new Offboarding(this);
        }
    }
}
