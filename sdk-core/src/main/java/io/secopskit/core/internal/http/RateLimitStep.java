package io.secopskit.core.internal.http;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.QuotaExhaustedException;
import io.secopskit.core.error.RateLimitedException;
import io.secopskit.core.error.TransportException;
import io.secopskit.core.http.Operation;
import io.secopskit.core.http.PipelineListener.CallInfo;
import io.secopskit.core.http.RateLimit;
import io.secopskit.core.http.Sleeper;
import io.secopskit.core.store.QuotaStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The rate-limit step, run before every send (so a repeat by the retry step takes a permit too):
 * <ol>
 *   <li>a vendor's hold (Carbon Black asks clients to stop all traffic after a 429): while it lasts the
 *       call fails at once with {@link RateLimitedException} saying how long is left; nothing is sent;</li>
 *   <li>a quota: one permit from the {@link QuotaStore} (shared or in memory), else
 *       {@link QuotaExhaustedException} at once; nothing is sent;</li>
 *   <li>a throttle: one permit from the operation's resilience4j limiter (driven by the client's clock),
 *       waiting through the sleeper when it is near, failing fast when it is further than the permit wait
 *       or than what remains of the call's total timeout.</li>
 * </ol>
 * Internal.
 */
final class RateLimitStep {
    private final Map<String, RateLimit> limits;
    private final Map<String, AtomicRateLimiter> throttles;
    private final QuotaStore localQuotas;
    private final QuotaStore sharedQuotas;
    private final HoldGate gate;
    private final Duration maxWait;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Listeners listeners;

    RateLimitStep(Map<String, RateLimit> limits, QuotaStore sharedQuotas, HoldGate gate, Duration maxWait, Clock clock,
                  Sleeper sleeper, Listeners listeners) {
        this.limits = Map.copyOf(limits);
        this.gate = gate;
        this.maxWait = maxWait;
        this.clock = clock;
        this.sleeper = sleeper;
        this.listeners = listeners;
        this.localQuotas = QuotaStore.inMemory();
        this.sharedQuotas = sharedQuotas == null ? localQuotas : sharedQuotas;
        Map<String, AtomicRateLimiter> map = new HashMap<>();
        limits.forEach((key, limit) -> {
            if (limit.kind() == RateLimit.Kind.THROTTLE) {
                map.put(key, new AtomicRateLimiter(key, RateLimiterConfig.custom()
                        .limitForPeriod(limit.permits())
                        .limitRefreshPeriod(limit.period())
                        .timeoutDuration(maxWait)
                        .build(), clock.equals(Clock.systemUTC()) ? System::nanoTime : this::nanoTime));
            }
        });
        this.throttles = Map.copyOf(map);
    }

    private Long nanoTime() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** Returns whether the operation is counted by a quota (a vendor 429 on it means the quota is used up). */
    RateLimit quotaOf(Operation op) {
        RateLimit limit = op.rateLimitKey() == null ? null : limits.get(op.rateLimitKey());
        return limit != null && limit.kind() == RateLimit.Kind.QUOTA ? limit : null;
    }

    /**
     * When the quota of an operation the vendor refused frees up, as the client counts it.
     *
     * @param op the operation
     * @return the oldest counted send plus the window, or now plus the window when none is counted
     */
    Instant vendorQuotaResetsAt(Operation op) {
        RateLimit limit = quotaOf(op);
        Instant now = clock.instant();
        QuotaStore store = limit.shared() ? sharedQuotas : localQuotas;
        return store.oldestSend(limit.key(), limit.period(), now).map(t -> t.plus(limit.period()))
                .orElse(now.plus(limit.period()));
    }

    /**
     * Takes what the operation needs before a send.
     *
     * @param op          the operation
     * @param call        the call, for listeners (null when none listen)
     * @param notBefore   the instant the caller already waited until (a retry's pause), or null
     * @param remainingMs what is left of the call's total timeout
     */
    void beforeSend(Operation op, CallInfo call, Instant notBefore, long remainingMs) {
        if (gate != null) {
            checkHold(op, notBefore);
        }
        String key = op.rateLimitKey();
        RateLimit limit = key == null ? null : limits.get(key);
        if (limit == null) {
            return;
        }
        if (limit.kind() == RateLimit.Kind.QUOTA) {
            QuotaStore store = limit.shared() ? sharedQuotas : localQuotas;
            QuotaStore.Acquisition a = store.tryAcquire(key, limit.permits(), limit.period(), clock.instant());
            if (!a.granted()) {
                throw new QuotaExhaustedException(op.vendor(), op.name(), key, a.resetsAt());
            }
            return;
        }
        AtomicRateLimiter limiter = throttles.get(key);
        long waitNanos = limiter.reservePermission(1);
        if (waitNanos < 0 || waitNanos / 1_000_000 > remainingMs) {
            long toNext = Math.max(0, limiter.getDetailedMetrics().getNanosToWait());
            throw new QuotaExhaustedException(op.vendor(), op.name(), key, clock.instant().plusNanos(toNext));
        }
        if (waitNanos > 0) {
            Duration wait = Duration.ofNanos(waitNanos);
            if (call != null) {
                listeners.throttled(call, key, wait);
            }
            sleep(op, wait);
        }
    }

    /**
     * Holds every call until an instant, for vendors that ask for it (no-op otherwise).
     *
     * @param until the instant
     */
    void holdUntil(Instant until) {
        if (gate != null) {
            gate.holdUntil(until);
        }
    }

    private void checkHold(Operation op, Instant notBefore) {
        Instant until = gate.until();
        Instant now = clock.instant();
        if (notBefore != null && notBefore.isAfter(now)) {
            now = notBefore;
        }
        if (until.isAfter(now)) {
            Duration left = Duration.between(now, until);
            throw new RateLimitedException(new ErrorInfo(op.vendor(), op.name(), 0, "CLIENT_HOLD",
                    "the vendor asked clients to pause all requests until " + until + " (" + left.toMillis()
                            + " ms left); not sent", null, true), left);
        }
    }

    private void sleep(Operation op, Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(ErrorInfo.of(op.vendor(), op.name())
                    .withVendorMessage("interrupted while waiting for a rate-limit permit"), e);
        }
    }
}
