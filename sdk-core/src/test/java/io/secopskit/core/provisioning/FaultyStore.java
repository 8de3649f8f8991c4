package io.secopskit.core.provisioning;

import io.secopskit.core.store.Binding;
import io.secopskit.core.store.BindingStore;
import io.secopskit.core.store.Deferral;
import io.secopskit.core.store.DeferralStore;
import io.secopskit.core.store.JournalEntry;
import io.secopskit.core.store.JournalStore;
import io.secopskit.core.store.Lease;
import io.secopskit.core.store.LeaseHolder;
import io.secopskit.core.store.LeaseStore;
import io.secopskit.core.store.ProvisioningStore;
import io.secopskit.core.store.StoreCorruptedException;
import io.secopskit.core.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wraps a store and fails chosen operations: {@code append:<EVENT>}, {@code record}, {@code entries},
 * {@code bindings}, {@code renew}, {@code deferrals.put}; {@code corrupt:<customer>} makes that customer's
 * entries unreadable.
 */
final class FaultyStore implements ProvisioningStore {
    final ProvisioningStore inner;
    final Set<String> failing = ConcurrentHashMap.newKeySet();

    FaultyStore(ProvisioningStore inner) {
        this.inner = inner;
    }

    private void maybeFail(String point) {
        if (failing.contains(point)) {
            throw new StoreException(point, "injected failure at " + point, null);
        }
    }

    @Override
    public LeaseStore leases() {
        LeaseStore l = inner.leases();
        return new LeaseStore() {
            @Override
            public Optional<Lease> tryAcquire(String c, LeaseHolder h, Instant now, Duration ttl, long takeOver) {
                return l.tryAcquire(c, h, now, ttl, takeOver);
            }

            @Override
            public Optional<Lease> current(String c) {
                return l.current(c);
            }

            @Override
            public Optional<Lease> renew(Lease lease, Instant now, Duration ttl) {
                if (failing.contains("lose-lease")) {
                    return Optional.empty();
                }
                maybeFail("renew");
                return l.renew(lease, now, ttl);
            }

            @Override
            public void release(Lease lease) {
                l.release(lease);
            }
        };
    }

    @Override
    public JournalStore journal() {
        JournalStore j = inner.journal();
        return new JournalStore() {
            @Override
            public JournalEntry append(JournalEntry entry) {
                maybeFail("append:" + entry.event());
                return j.append(entry);
            }

            @Override
            public List<JournalEntry> entries(String customerCode) {
                maybeFail("entries");
                if (failing.contains("corrupt:" + customerCode)) {
                    throw new StoreCorruptedException("test.db", "journal #7 (customer " + customerCode + ")", null);
                }
                return j.entries(customerCode);
            }
        };
    }

    @Override
    public BindingStore bindings() {
        BindingStore b = inner.bindings();
        return new BindingStore() {
            @Override
            public Optional<Binding> get(String c, String v) {
                return b.get(c, v);
            }

            @Override
            public List<Binding> forCustomer(String c) {
                maybeFail("bindings");
                return b.forCustomer(c);
            }

            @Override
            public void put(Binding binding) {
                maybeFail("bindings.put");
                b.put(binding);
            }
        };
    }

    @Override
    public DeferralStore deferrals() {
        DeferralStore d = inner.deferrals();
        return new DeferralStore() {
            @Override
            public void put(Deferral deferral) {
                maybeFail("deferrals.put");
                d.put(deferral);
            }

            @Override
            public Optional<Deferral> get(String c) {
                return d.get(c);
            }

            @Override
            public List<Deferral> all() {
                return d.all();
            }

            @Override
            public void remove(String c) {
                d.remove(c);
            }
        };
    }

    @Override
    public String location() {
        return "faulty:" + inner.location();
    }

    @Override
    public JournalEntry record(Binding binding, JournalEntry entry) {
        maybeFail("record");
        maybeFail("append:" + entry.event());
        return inner.record(binding, entry);
    }

    /** Offboarding records of the inner store; {@code transition} and {@code evidence.append} can fail. */
    @Override
    public io.secopskit.core.store.OffboardingStore offboarding() {
        io.secopskit.core.store.OffboardingStore o = inner.offboarding();
        return new io.secopskit.core.store.OffboardingStore() {
            @Override
            public io.secopskit.core.store.EvidenceStore evidence() {
                io.secopskit.core.store.EvidenceStore e = o.evidence();
                return new io.secopskit.core.store.EvidenceStore() {
                    @Override
                    public io.secopskit.core.store.EvidenceEntry append(io.secopskit.core.store.EvidenceEntry entry) {
                        maybeFail("evidence:" + entry.kind());
                        return e.append(entry);
                    }

                    @Override
                    public List<io.secopskit.core.store.EvidenceEntry> entries(String customerCode) {
                        return e.entries(customerCode);
                    }
                };
            }

            @Override
            public Optional<Binding> transition(io.secopskit.core.store.BindingTransition t, JournalEntry entry) {
                maybeFail("transition");
                return o.transition(t, entry);
            }

            @Override
            public List<io.secopskit.core.store.BindingTransition> transitions(String customerCode) {
                return o.transitions(customerCode);
            }

            @Override
            public Optional<Deferral> cancelDeferral(String customerCode, JournalEntry entry) {
                return o.cancelDeferral(customerCode, entry);
            }
        };
    }

    @Override
    public boolean durable() {
        return inner.durable();
    }
}
