package io.secopskit.core.internal.store;

import io.secopskit.core.store.Binding;
import io.secopskit.core.store.BindingTransition;
import io.secopskit.core.store.BindingStore;
import io.secopskit.core.store.Deferral;
import io.secopskit.core.store.DeferralStore;
import io.secopskit.core.store.EvidenceEntry;
import io.secopskit.core.store.EvidenceStore;
import io.secopskit.core.store.JournalEntry;
import io.secopskit.core.store.JournalStore;
import io.secopskit.core.store.Lease;
import io.secopskit.core.store.LeaseHolder;
import io.secopskit.core.store.LeaseStore;
import io.secopskit.core.store.OffboardingStore;
import io.secopskit.core.store.ProvisioningStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link ProvisioningStore} in memory: one lock guards every part, so {@link #record} and the offboarding
 * transitions are atomic like a database transaction. The evidence list only grows. Internal.
 */
public final class InMemoryProvisioningStore implements ProvisioningStore {
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Lease> leases = new HashMap<>();
    private final List<JournalEntry> journal = new ArrayList<>();
    private final Map<String, TreeMap<String, Binding>> bindings = new HashMap<>();
    private final Map<String, Deferral> deferrals = new HashMap<>();
    private final List<EvidenceEntry> evidence = new ArrayList<>();
    private final List<BindingTransition> transitions = new ArrayList<>();
    private long sequence;
    private long evidenceSequence;
    private long transitionSequence;

    private final LeaseStore leaseStore = new LeaseStore() {
        @Override
        public Optional<Lease> tryAcquire(String customerCode, LeaseHolder holder, Instant now, Duration ttl, long takeOverFence) {
            lock.lock();
            try {
                Lease current = leases.get(customerCode);
                if (current != null && !current.expiredAt(now) && current.fence() != takeOverFence) {
                    return Optional.empty();
                }
                Lease next = new Lease(customerCode, current == null ? 1 : current.fence() + 1, holder, now, now.plus(ttl));
                leases.put(customerCode, next);
                return Optional.of(next);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public Optional<Lease> current(String customerCode) {
            lock.lock();
            try {
                Lease current = leases.get(customerCode);
                return current == null || current.expiresAt().equals(Instant.EPOCH) ? Optional.empty() : Optional.of(current);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public Optional<Lease> renew(Lease lease, Instant now, Duration ttl) {
            lock.lock();
            try {
                Lease current = leases.get(lease.customerCode());
                if (current == null || current.fence() != lease.fence() || !current.holder().owner().equals(lease.holder().owner())
                        || current.expiredAt(now)) {
                    return Optional.empty();
                }
                Lease renewed = new Lease(current.customerCode(), current.fence(), current.holder(), current.acquiredAt(), now.plus(ttl));
                leases.put(lease.customerCode(), renewed);
                return Optional.of(renewed);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void release(Lease lease) {
            lock.lock();
            try {
                Lease current = leases.get(lease.customerCode());
                if (current != null && current.fence() == lease.fence()) {
                    leases.put(lease.customerCode(), new Lease(current.customerCode(), current.fence(), current.holder(),
                            current.acquiredAt(), Instant.EPOCH));
                }
            } finally {
                lock.unlock();
            }
        }
    };

    private final JournalStore journalStore = new JournalStore() {
        @Override
        public JournalEntry append(JournalEntry entry) {
            lock.lock();
            try {
                return appendLocked(entry);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public List<JournalEntry> entries(String customerCode) {
            lock.lock();
            try {
                List<JournalEntry> out = new ArrayList<>();
                for (JournalEntry e : journal) {
                    if (e.customerCode().equals(customerCode)) {
                        out.add(e);
                    }
                }
                return out;
            } finally {
                lock.unlock();
            }
        }
    };

    private final BindingStore bindingStore = new BindingStore() {
        @Override
        public Optional<Binding> get(String customerCode, String vendor) {
            lock.lock();
            try {
                TreeMap<String, Binding> byVendor = bindings.get(customerCode);
                return Optional.ofNullable(byVendor == null ? null : byVendor.get(vendor));
            } finally {
                lock.unlock();
            }
        }

        @Override
        public List<Binding> forCustomer(String customerCode) {
            lock.lock();
            try {
                TreeMap<String, Binding> byVendor = bindings.get(customerCode);
                return byVendor == null ? List.of() : List.copyOf(byVendor.values());
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void put(Binding binding) {
            lock.lock();
            try {
                putLocked(binding);
            } finally {
                lock.unlock();
            }
        }
    };

    private final DeferralStore deferralStore = new DeferralStore() {
        @Override
        public void put(Deferral deferral) {
            lock.lock();
            try {
                deferrals.put(deferral.customerCode(), deferral);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public Optional<Deferral> get(String customerCode) {
            lock.lock();
            try {
                return Optional.ofNullable(deferrals.get(customerCode));
            } finally {
                lock.unlock();
            }
        }

        @Override
        public List<Deferral> all() {
            lock.lock();
            try {
                List<Deferral> out = new ArrayList<>(deferrals.values());
                out.sort(Comparator.comparing(Deferral::resetsAt).thenComparing(Deferral::customerCode));
                return out;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void remove(String customerCode) {
            lock.lock();
            try {
                deferrals.remove(customerCode);
            } finally {
                lock.unlock();
            }
        }
    };

    private JournalEntry appendLocked(JournalEntry entry) {
        JournalEntry stored = new JournalEntry(++sequence, entry.customerCode(), entry.vendor(), entry.runId(), entry.event(),
                entry.tenantId(), entry.at(), entry.details());
        journal.add(stored);
        return stored;
    }

    private void putLocked(Binding binding) {
        TreeMap<String, Binding> byVendor = bindings.computeIfAbsent(binding.customerCode(), k -> new TreeMap<>());
        Binding old = byVendor.get(binding.vendor());
        byVendor.put(binding.vendor(), old == null ? binding : new Binding(binding.customerCode(), binding.vendor(),
                binding.tenantId(), binding.state(), binding.origin(), old.createdAt(), binding.updatedAt()));
    }

    private final EvidenceStore evidenceStore = new EvidenceStore() {
        @Override
        public EvidenceEntry append(EvidenceEntry entry) {
            lock.lock();
            try {
                EvidenceEntry stored = entry.withSequence(++evidenceSequence);
                evidence.add(stored);
                return stored;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public List<EvidenceEntry> entries(String customerCode) {
            lock.lock();
            try {
                return evidence.stream().filter(e -> e.customerCode().equals(customerCode)).toList();
            } finally {
                lock.unlock();
            }
        }
    };

    private final OffboardingStore offboardingStore = new OffboardingStore() {
        @Override
        public EvidenceStore evidence() {
            return evidenceStore;
        }

        @Override
        public Optional<Binding> transition(BindingTransition t, JournalEntry entry) {
            lock.lock();
            try {
                TreeMap<String, Binding> byVendor = bindings.get(t.customerCode());
                Binding current = byVendor == null ? null : byVendor.get(t.vendor());
                if (current == null || current.state() != t.from() || !current.tenantId().equals(t.tenantId())) {
                    return Optional.empty();
                }
                Binding next = new Binding(current.customerCode(), current.vendor(), current.tenantId(), t.to(), current.origin(),
                        current.createdAt(), t.at());
                byVendor.put(t.vendor(), next);
                transitions.add(t.withSequence(++transitionSequence));
                appendLocked(entry);
                return Optional.of(next);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public List<BindingTransition> transitions(String customerCode) {
            lock.lock();
            try {
                return transitions.stream().filter(t -> t.customerCode().equals(customerCode)).toList();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public Optional<Deferral> cancelDeferral(String customerCode, JournalEntry entry) {
            lock.lock();
            try {
                Deferral removed = deferrals.remove(customerCode);
                appendLocked(entry);
                return Optional.ofNullable(removed);
            } finally {
                lock.unlock();
            }
        }
    };

    @Override
    public OffboardingStore offboarding() {
        return offboardingStore;
    }

    /** Keeps nothing beyond the process. */
    @Override
    public boolean durable() {
        return false;
    }

    @Override
    public LeaseStore leases() {
        return leaseStore;
    }

    @Override
    public JournalStore journal() {
        return journalStore;
    }

    @Override
    public BindingStore bindings() {
        return bindingStore;
    }

    @Override
    public DeferralStore deferrals() {
        return deferralStore;
    }

    @Override
    public String location() {
        return "memory";
    }

    @Override
    public JournalEntry record(Binding binding, JournalEntry entry) {
        lock.lock();
        try {
            putLocked(binding);
            return appendLocked(entry);
        } finally {
            lock.unlock();
        }
    }
}
