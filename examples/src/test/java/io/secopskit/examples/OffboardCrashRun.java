package io.secopskit.examples;

import io.secopskit.core.http.ClientOptions;
import io.secopskit.core.provisioning.CredentialSink;
import io.secopskit.core.provisioning.ManualRevocation;
import io.secopskit.core.provisioning.Offboarding;
import io.secopskit.core.provisioning.OffboardingCapabilities;
import io.secopskit.core.provisioning.OffboardingRequest;
import io.secopskit.core.provisioning.RequestIdRecorder;
import io.secopskit.core.provisioning.TenantOffboarder;
import io.secopskit.core.provisioning.TenantState;
import io.secopskit.core.provisioning.VendorWrites;
import io.secopskit.core.store.Binding;
import io.secopskit.core.store.BindingStore;
import io.secopskit.core.store.BindingTransition;
import io.secopskit.core.store.Deferral;
import io.secopskit.core.store.DeferralStore;
import io.secopskit.core.store.EvidenceStore;
import io.secopskit.core.store.JournalEntry;
import io.secopskit.core.store.JournalStore;
import io.secopskit.core.store.LeaseStore;
import io.secopskit.core.store.OffboardingStore;
import io.secopskit.core.store.ProvisioningStore;
import io.secopskit.store.sqlite.SqliteProvisioningStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * Child-JVM program of the offboarding crash harness: offboards one customer against a sandbox running in the parent
 * and stops at a kill point, where the parent kills it with SIGKILL. Arguments: addresses file, database, credentials
 * directory, customer code, vendor, boundary, mode, now (ISO instant).
 */
public final class OffboardCrashRun {
    /** Where the child stops. */
    enum Boundary {
        /** Inside the action, after its journal intent, before the first vendor write is sent. */
        BEFORE_WRITE,
        /** After the first vendor write was answered, before anything else is recorded. */
        AFTER_WRITE,
        /** After the binding's state change was recorded. */
        AFTER_RECORD
    }

    private OffboardCrashRun() {
    }

    public static void main(String[] args) throws Exception {
        Vendors vendors = Vendors.sandbox(Harness.readAddresses(Path.of(args[0])),
                RequestIdRecorder.install(ClientOptions.builder()).build());
        String vendor = args[4];
        Boundary boundary = Boundary.valueOf(args[5]);
        OffboardingRequest.Mode mode = OffboardingRequest.Mode.valueOf(args[6]);
        Clock clock = Clock.fixed(Instant.parse(args[7]), ZoneOffset.UTC);
        try (SqliteProvisioningStore sqlite = SqliteProvisioningStore.open(Path.of(args[1]))) {
            ProvisioningStore store = boundary == Boundary.AFTER_RECORD ? stopAfterRecord(sqlite, vendor) : sqlite;
            Offboarding.Builder b = Offboarding.builder().store(store).operator("crash-harness").clock(clock)
                    .credentialSink(CredentialSink.ownerOnlyFiles(Path.of(args[2])));
            for (TenantOffboarder o : Offboard.offboarders(vendors)) {
                b.step(o.vendor().equals(vendor) && boundary != Boundary.AFTER_RECORD ? killPoint(o, boundary) : o);
            }
            b.build().run(OffboardingRequest.builder(args[3]).reason("crash harness").mode(mode).confirmed(true).build());
            System.out.println("FINISHED without reaching the kill point");
        }
    }

    static void stopHere(String vendor, Boundary b) {
        System.out.println("AT " + vendor + " " + b);
        System.out.flush();
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An offboarder whose writes stop before the first or after the first vendor write. */
    static TenantOffboarder killPoint(TenantOffboarder p, Boundary b) {
        return new TenantOffboarder() {
            @Override
            public String vendor() {
                return p.vendor();
            }

            @Override
            public OffboardingCapabilities capabilities() {
                return p.capabilities();
            }

            @Override
            public String host() {
                return p.host();
            }

            @Override
            public Optional<TenantState> inspect(String tenantId) {
                return p.inspect(tenantId);
            }

            @Override
            public Map<String, String> undo(TenantState state) {
                return p.undo(state);
            }

            @Override
            public void suspend(TenantState state, VendorWrites writes) {
                p.suspend(state, stopping(writes, p.vendor(), b));
            }

            @Override
            public void restore(TenantState state, Map<String, String> undo, VendorWrites writes) {
                p.restore(state, undo, writes);
            }

            @Override
            public void remove(TenantState state, VendorWrites writes) {
                p.remove(state, stopping(writes, p.vendor(), b));
            }

            @Override
            public List<ManualRevocation> manualRevocations(TenantState state) {
                return p.manualRevocations(state);
            }

            @Override
            public String tenantIdLabel() {
                return p.tenantIdLabel();
            }
        };
    }

    private static VendorWrites stopping(VendorWrites w, String vendor, Boundary b) {
        return new VendorWrites() {
            @Override
            public <T> T send(String operation, String target, Supplier<T> write) {
                if (b == Boundary.BEFORE_WRITE) {
                    stopHere(vendor, b);
                }
                T answer = w.send(operation, target, write);
                if (b == Boundary.AFTER_WRITE) {
                    stopHere(vendor, b);
                }
                return answer;
            }

            @Override
            public boolean sendDelete(String operation, String target, Runnable delete) {
                if (b == Boundary.BEFORE_WRITE) {
                    stopHere(vendor, b);
                }
                boolean deleted = w.sendDelete(operation, target, delete);
                if (b == Boundary.AFTER_WRITE) {
                    stopHere(vendor, b);
                }
                return deleted;
            }
        };
    }

    /** A store that stops right after a vendor's binding changed state. */
    static ProvisioningStore stopAfterRecord(ProvisioningStore inner, String vendor) {
        OffboardingStore records = inner.offboarding();
        OffboardingStore stopping = new OffboardingStore() {
            @Override
            public EvidenceStore evidence() {
                return records.evidence();
            }

            @Override
            public Optional<Binding> transition(BindingTransition t, JournalEntry entry) {
                Optional<Binding> moved = records.transition(t, entry);
                if (vendor.equals(t.vendor()) && moved.isPresent()) {
                    stopHere(vendor, Boundary.AFTER_RECORD);
                }
                return moved;
            }

            @Override
            public List<BindingTransition> transitions(String customerCode) {
                return records.transitions(customerCode);
            }

            @Override
            public Optional<Deferral> cancelDeferral(String customerCode, JournalEntry entry) {
                return records.cancelDeferral(customerCode, entry);
            }
        };
        return new ProvisioningStore() {
            @Override
            public LeaseStore leases() {
                return inner.leases();
            }

            @Override
            public JournalStore journal() {
                return inner.journal();
            }

            @Override
            public BindingStore bindings() {
                return inner.bindings();
            }

            @Override
            public DeferralStore deferrals() {
                return inner.deferrals();
            }

            @Override
            public OffboardingStore offboarding() {
                return stopping;
            }

            @Override
            public String location() {
                return inner.location();
            }

            @Override
            public void close() {
                inner.close();
            }
        };
    }
}
