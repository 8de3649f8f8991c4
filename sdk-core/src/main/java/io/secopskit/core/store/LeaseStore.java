package io.secopskit.core.store;

import io.secopskit.core.Beta;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Per-customer leases with fencing tokens: at most one holder per customer at a time, across every
 * process that shares the store. Times come from the caller's clock. Implementations are thread-safe
 * and take each lease in one atomic step (a SQL store: one statement).
 */
@Beta
public interface LeaseStore {
    /**
     * Takes the customer's lease if nobody holds it, if the current lease has expired at {@code now}, or
     * if the current lease's fence equals {@code takeOverFence} (the caller proved that holder dead).
     *
     * @param customerCode  the customer
     * @param holder        who asks
     * @param now           the current time
     * @param ttl           how long the lease lasts unless renewed
     * @param takeOverFence the fence of a holder known to be dead, or {@code -1}
     * @return the lease with a fence greater than any earlier one, or empty when someone else holds it
     * @throws StoreException if the store cannot be reached
     */
    Optional<Lease> tryAcquire(String customerCode, LeaseHolder holder, Instant now, Duration ttl, long takeOverFence);

    /**
     * Returns the customer's current lease row, expired or not (for "held by" messages and dead-holder checks).
     *
     * @param customerCode the customer
     * @return the lease, or empty when the customer was never leased or the lease was released
     * @throws StoreException if the store cannot be reached
     */
    Optional<Lease> current(String customerCode);

    /**
     * Extends a lease the caller still holds: the fencing check before a vendor write.
     *
     * @param lease the lease held
     * @param now   the current time
     * @param ttl   the new time to live, from {@code now}
     * @return the renewed lease, or empty when the lease was lost (expired and taken, or released)
     * @throws StoreException if the store cannot be reached
     */
    Optional<Lease> renew(Lease lease, Instant now, Duration ttl);

    /**
     * Gives a lease back; does nothing when it was already lost. The fence is kept, so the next holder's
     * fence is still greater.
     *
     * @param lease the lease held
     * @throws StoreException if the store cannot be reached
     */
    void release(Lease lease);
}
