package io.secopskit.core.internal.store;

import io.secopskit.core.store.QuotaStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/** Sliding-window quota counts kept in memory: one deque of send times per key. Thread-safe. Internal. */
public final class InMemoryQuotaStore implements QuotaStore {
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Deque<Instant>> sends = new HashMap<>();

    @Override
    public java.util.Optional<Instant> oldestSend(String key, Duration window, Instant now) {
        lock.lock();
        try {
            Deque<Instant> times = sends.get(key);
            if (times == null) {
                return java.util.Optional.empty();
            }
            Instant windowStart = now.minus(window);
            return times.stream().filter(t -> t.isAfter(windowStart)).findFirst();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Acquisition tryAcquire(String key, int limit, Duration window, Instant now) {
        lock.lock();
        try {
            Deque<Instant> times = sends.computeIfAbsent(key, k -> new ArrayDeque<>());
            Instant windowStart = now.minus(window);
            while (!times.isEmpty() && !times.peekFirst().isAfter(windowStart)) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                return Acquisition.refused(times.size(), times.peekFirst().plus(window));
            }
            times.addLast(now);
            return Acquisition.granted(times.size());
        } finally {
            lock.unlock();
        }
    }
}
