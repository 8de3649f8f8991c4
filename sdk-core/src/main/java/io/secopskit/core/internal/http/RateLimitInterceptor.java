package io.secopskit.core.internal.http;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.QuotaExhaustedException;
import io.secopskit.core.error.RateLimitedException;
import io.secopskit.core.error.TransportException;
import io.secopskit.core.http.Operation;
import io.secopskit.core.http.RateLimit;
import io.secopskit.core.http.Sleeper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Step 2: one permit per call from the operation's resilience4j limiter (driven by the client's clock),
 * waiting through the sleeper when the permit is near and failing fast with
 * {@link QuotaExhaustedException} when it is further away than the configured wait; and, for vendors
 * that ask for it, holding every call while a 429 {@code Retry-After} is running. Internal.
 */
final class RateLimitInterceptor implements Interceptor {
    private final Map<String, AtomicRateLimiter> limiters;
    private final HoldGate gate;
    private final Duration maxWait;
    private final Clock clock;
    private final Sleeper sleeper;

    RateLimitInterceptor(Map<String, RateLimit> limits, HoldGate gate, Duration maxWait, Clock clock, Sleeper sleeper) {
        this.gate = gate;
        this.maxWait = maxWait;
        this.clock = clock;
        this.sleeper = sleeper;
        Map<String, AtomicRateLimiter> map = new HashMap<>();
        limits.forEach((key, limit) -> map.put(key, new AtomicRateLimiter(key, RateLimiterConfig.custom()
                .limitForPeriod(limit.permits())
                .limitRefreshPeriod(limit.period())
                .timeoutDuration(maxWait)
                .build(), clock.equals(Clock.systemUTC()) ? System::nanoTime : this::nanoTime)));
        this.limiters = Map.copyOf(map);
    }

    private Long nanoTime() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Operation op = chain.request().tag(Operation.class);
        if (op != null) {
            awaitHold(op);
            acquire(op);
        }
        return chain.proceed(chain.request());
    }

    private void awaitHold(Operation op) throws IOException {
        if (gate == null) {
            return;
        }
        Duration remaining = Duration.between(clock.instant(), gate.until());
        if (remaining.isNegative() || remaining.isZero()) {
            return;
        }
        if (remaining.compareTo(maxWait) > 0) {
            throw new RateLimitedException(ErrorInfo.of(op.vendor(), op.name()).withVendorMessage(
                    "the vendor asked to pause all requests until " + gate.until() + "; not sent"), remaining);
        }
        sleep(op, remaining);
    }

    private void acquire(Operation op) throws IOException {
        String key = op.rateLimitKey();
        AtomicRateLimiter limiter = key == null ? null : limiters.get(key);
        if (limiter == null) {
            return;
        }
        long waitNanos = limiter.reservePermission(1);
        if (waitNanos < 0) {
            long toNext = limiter.getDetailedMetrics().getNanosToWait();
            throw new QuotaExhaustedException(op.vendor(), op.name(), key, clock.instant().plusNanos(toNext));
        }
        if (waitNanos > 0) {
            sleep(op, Duration.ofNanos(waitNanos));
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
