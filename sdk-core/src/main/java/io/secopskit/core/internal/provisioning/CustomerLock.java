package io.secopskit.core.internal.provisioning;

import io.secopskit.core.http.Sleeper;
import io.secopskit.core.provisioning.CustomerLockedException;
import io.secopskit.core.provisioning.LeaseLostException;
import io.secopskit.core.store.Lease;
import io.secopskit.core.store.LeaseHolder;
import io.secopskit.core.store.ProvisioningStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The customer lock shared by onboarding and offboarding: a claim in this process (one map for both, so an
 * offboarding never takes over the lease of an onboarding running in the same process) plus the store's lease
 * with its fencing token, renewed by a heartbeat and re-checked before every vendor write. A lease whose holder
 * process on this machine is gone is taken over at once. Internal.
 */
public final class CustomerLock {
    private static final Logger LOG = LoggerFactory.getLogger("io.secopskit.provisioning.lock");
    /** Runs in progress in this process, by customer code (onboarding and offboarding alike). */
    private static final ConcurrentHashMap<String, LocalClaim> LOCAL = new ConcurrentHashMap<>();

    private record LocalClaim(String runId, long threadId, String threadName, Instant since) {
    }

    /**
     * How to take locks.
     *
     * @param store        the store holding the leases
     * @param clock        the clock for lease times
     * @param sleeper      how a waiting run waits
     * @param lockTimeout  how long to wait for a held customer
     * @param leaseTtl     how long a lease lasts unless renewed
     * @param pollInterval how often a waiting run asks again
     * @param what         what takes the lock, for messages ({@code onboarding}, {@code offboarding})
     */
    public record Settings(ProvisioningStore store, Clock clock, Sleeper sleeper, Duration lockTimeout, Duration leaseTtl,
                           Duration pollInterval, String what) {
    }

    private CustomerLock() {
    }

    /**
     * Takes the customer's lock, waiting up to the lock timeout.
     *
     * @param s     settings
     * @param code  the customer
     * @param runId the run
     * @return the held lock; release it in a finally block
     * @throws CustomerLockedException if another run holds the customer beyond the timeout
     */
    public static Held acquire(Settings s, String code, String runId) {
        Instant start = s.clock().instant();
        Instant deadline = start.plus(s.lockTimeout());
        Thread me = Thread.currentThread();
        LocalClaim mine = new LocalClaim(runId, me.getId(), me.getName(), start);
        LeaseHolder holder = ProcessIdentity.holder(runId);
        boolean local = false;
        try {
            while (true) {
                LocalClaim other = null;
                if (!local) {
                    other = LOCAL.putIfAbsent(code, mine);
                    if (other == null) {
                        local = true;
                    } else if (other.threadId() == me.getId() && other.threadName().equals(me.getName())) {
                        throw new IllegalStateException("a run on customer " + code
                                + " is already running on this thread (a listener or provisioner started another)");
                    }
                }
                if (local) {
                    Instant now = s.clock().instant();
                    Optional<Lease> lease = s.store().leases().tryAcquire(code, holder, now, s.leaseTtl(), -1);
                    if (lease.isEmpty()) {
                        Optional<Lease> current = s.store().leases().current(code);
                        if (current.isPresent() && (current.get().holder().sameProcessAs(holder)
                                || ProcessIdentity.isGone(current.get().holder()))) {
                            LOG.info("{} {}: taking over the lease of {}, whose process is gone", s.what(), code,
                                    current.get().holder());
                            lease = s.store().leases().tryAcquire(code, holder, now, s.leaseTtl(), current.get().fence());
                        }
                    }
                    if (lease.isPresent()) {
                        return new Held(s, code, mine, lease.get());
                    }
                }
                Instant now = s.clock().instant();
                if (!now.isBefore(deadline)) {
                    throw locked(s, code, other, Duration.between(start, now));
                }
                Duration wait = Duration.between(now, deadline);
                s.sleeper().sleep(wait.compareTo(s.pollInterval()) < 0 ? wait : s.pollInterval());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (local) {
                LOCAL.remove(code, mine);
            }
            throw new CustomerLockedException(code, null, null, Duration.between(start, s.clock().instant()),
                    "interrupted while waiting");
        } catch (RuntimeException | Error e) {
            if (local) {
                LOCAL.remove(code, mine);
            }
            throw e;
        }
    }

    private static CustomerLockedException locked(Settings s, String code, LocalClaim other, Duration waited) {
        if (other != null) {
            return new CustomerLockedException(code, ProcessIdentity.holder(other.runId()), other.since(), waited,
                    "a run in this process, thread " + other.threadName());
        }
        Optional<Lease> current;
        try {
            current = s.store().leases().current(code);
        } catch (RuntimeException e) {
            current = Optional.empty();
        }
        return current.map(l -> new CustomerLockedException(code, l.holder(), l.acquiredAt(), waited, "lease fence " + l.fence()))
                .orElseGet(() -> new CustomerLockedException(code, null, null, waited, null));
    }

    /** A customer held for one run: the local claim, the lease, and its heartbeat. */
    public static final class Held {
        private final Settings s;
        private final String code;
        private final LocalClaim claim;
        private final AtomicReference<Lease> lease;
        private volatile boolean lost;
        private final ScheduledFuture<?> heartbeat;

        private Held(Settings s, String code, LocalClaim claim, Lease lease) {
            this.s = s;
            this.code = code;
            this.claim = claim;
            this.lease = new AtomicReference<>(lease);
            long period = Math.max(1, s.leaseTtl().toMillis() / 3);
            this.heartbeat = Heartbeat.EXECUTOR.scheduleAtFixedRate(this::beat, period, period, TimeUnit.MILLISECONDS);
        }

        /** Returns the fencing token of the lease held. */
        public long fence() {
            return lease.get().fence();
        }

        private void beat() {
            if (lost) {
                return;
            }
            try {
                Optional<Lease> renewed = s.store().leases().renew(lease.get(), s.clock().instant(), s.leaseTtl());
                if (renewed.isPresent()) {
                    lease.set(renewed.get());
                } else {
                    lost = true;
                    LOG.warn("{} {}: lease (fence {}) lost", s.what(), code, lease.get().fence());
                }
            } catch (RuntimeException e) {
                LOG.warn("{} {}: lease renewal failed: {}", s.what(), code, e.toString());
            }
        }

        /**
         * The fencing check before a vendor write: renews the lease, or throws if another run holds it now.
         *
         * @param vendor the vendor about to be written to
         * @throws LeaseLostException when the lease was lost; nothing may be sent
         */
        public void checkFence(String vendor) {
            Lease held = lease.get();
            if (lost) {
                throw new LeaseLostException(code, vendor, held.fence());
            }
            Optional<Lease> renewed = s.store().leases().renew(held, s.clock().instant(), s.leaseTtl());
            if (renewed.isEmpty()) {
                lost = true;
                throw new LeaseLostException(code, vendor, held.fence());
            }
            lease.set(renewed.get());
        }

        /** Stops the heartbeat, gives the lease back and drops the local claim; never throws. */
        public void release() {
            heartbeat.cancel(false);
            try {
                if (!lost) {
                    s.store().leases().release(lease.get());
                }
            } catch (RuntimeException e) {
                LOG.warn("{} {}: lease release failed ({}); it lapses at {}", s.what(), code, e.toString(),
                        lease.get().expiresAt());
            } finally {
                LOCAL.remove(code, claim);
            }
        }
    }

    /** The one daemon thread that renews leases. */
    private static final class Heartbeat {
        static final ScheduledExecutorService EXECUTOR = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "secopskit-lease-heartbeat");
            t.setDaemon(true);
            return t;
        });
    }
}
