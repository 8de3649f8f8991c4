package io.secopskit.core.store;

import io.secopskit.core.Beta;
import java.time.Duration;
import java.time.Instant;

/**
 * Counts the sends of quota-limited operations in a sliding window, for example Chronicle's "30
 * CreateCustomer calls per day": at most {@code limit} sends in any {@code window}. A client consults
 * it before every send of an operation whose {@link io.secopskit.core.http.RateLimit} is a quota; a
 * refusal means nothing is sent.
 *
 * <p>The default store counts in memory, per client. A store shared by several processes (PostgreSQL)
 * counts once across all of them; only limits marked {@link io.secopskit.core.http.RateLimit#asShared() shared}
 * are sent to it. Implementations must be thread-safe and take each permit atomically.
 */
@Beta
public interface QuotaStore {
    /**
     * Takes one permit if fewer than {@code limit} sends were counted for {@code key} in the window
     * ending at {@code now}, and counts this send.
     *
     * @param key    the quota's key, for example {@code chronicle.CreateCustomer}
     * @param limit  sends allowed in any window
     * @param window the length of the sliding window
     * @param now    the current time of the calling client's clock
     * @return whether the permit was taken and, when it was not, when the oldest counted send leaves the window
     * @throws io.secopskit.core.error.SecOpsException if the store cannot be reached (nothing is then sent)
     */
    Acquisition tryAcquire(String key, int limit, Duration window, Instant now);

    /**
     * Returns the oldest send counted for {@code key} in the window ending at {@code now}: when the
     * vendor refuses a call (its own count ran out first), the client reports this plus the window as
     * the reset time.
     *
     * @param key    the quota's key
     * @param window the length of the sliding window
     * @param now    the current time
     * @return the oldest counted send, or empty when none is counted
     */
    java.util.Optional<Instant> oldestSend(String key, Duration window, Instant now);

    /**
     * A store that counts in this process only: what a client uses unless told otherwise.
     *
     * @return a new, empty in-memory store
     */
    static QuotaStore inMemory() {
        return new io.secopskit.core.internal.store.InMemoryQuotaStore();
    }

    /**
     * The answer of {@link #tryAcquire}.
     *
     * @param granted  whether the send may go ahead (and was counted)
     * @param used     sends counted in the window, this one included when granted
     * @param resetsAt when refused: when the oldest counted send leaves the window; when granted: null
     */
    record Acquisition(boolean granted, int used, Instant resetsAt) {
        /**
         * A granted permit.
         *
         * @param used sends counted in the window, this one included
         * @return the acquisition
         */
        public static Acquisition granted(int used) {
            return new Acquisition(true, used, null);
        }

        /**
         * A refused permit.
         *
         * @param used     sends counted in the window
         * @param resetsAt when the oldest counted send leaves the window
         * @return the acquisition
         */
        public static Acquisition refused(int used, Instant resetsAt) {
            return new Acquisition(false, used, resetsAt);
        }
    }
}
