package io.secopskit.core.store;

import io.secopskit.core.Beta;
import java.time.Instant;
import java.util.Objects;

/**
 * A customer lease: the right to run the one onboarding (or offboarding) of a customer, until
 * {@code expiresAt} unless renewed. The fencing token {@code fence} grows with every acquisition of the
 * customer's lease, across processes; a writer re-checks that its fence is still the current one before
 * every vendor write, so a holder that lost its lease (paused, partitioned, expired) never writes.
 *
 * @param customerCode the customer
 * @param fence        the fencing token: strictly greater than every earlier holder's
 * @param holder       who holds it
 * @param acquiredAt   when it was acquired
 * @param expiresAt    when it lapses unless renewed
 */
@Beta
public record Lease(String customerCode, long fence, LeaseHolder holder, Instant acquiredAt, Instant expiresAt) {
    /** Checks the fields. */
    public Lease {
        Objects.requireNonNull(customerCode, "customerCode");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(acquiredAt, "acquiredAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /**
     * Returns whether the lease has lapsed at {@code now}.
     *
     * @param now the current time
     * @return true when {@code now} is at or after {@code expiresAt}
     */
    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
