package io.secopskit.core.internal.http;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds every request of a client until a vendor-given instant, for vendors that ask clients to stop
 * all traffic after a 429 (Carbon Black). Thread-safe. Internal.
 */
final class HoldGate {
    private final AtomicReference<Instant> until = new AtomicReference<>(Instant.MIN);

    void holdUntil(Instant instant) {
        until.accumulateAndGet(instant, (a, b) -> a.isAfter(b) ? a : b);
    }

    Instant until() {
        return until.get();
    }
}
