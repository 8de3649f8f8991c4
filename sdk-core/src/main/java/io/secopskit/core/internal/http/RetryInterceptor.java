package io.secopskit.core.internal.http;

import io.secopskit.core.http.Operation;
import io.secopskit.core.http.RetryPolicy;
import io.secopskit.core.http.Sleeper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 3: repeats failed attempts, but only when it is safe: idempotent operations on I/O failures and
 * on the policy's transient statuses; non-idempotent operations only when their
 * {@link io.secopskit.core.http.RetryCondition} says the vendor documents that failure as safe (an I/O
 * failure of a non-idempotent call is never repeated: the vendor may have acted on it). 429 and 503
 * honour {@code Retry-After}, capped; otherwise exponential backoff with full jitter. Bounded by
 * attempts and total time; an interrupt ends the call with the interrupt flag set. Internal.
 */
final class RetryInterceptor implements Interceptor {
    private static final Logger LOG = LoggerFactory.getLogger("io.secopskit.http");
    private static final long PEEK_LIMIT = 64 * 1024;

    private final RetryPolicy policy;
    private final Clock clock;
    private final Sleeper sleeper;
    private final HoldGate gate;

    RetryInterceptor(RetryPolicy policy, Clock clock, Sleeper sleeper, HoldGate gate) {
        this.policy = policy;
        this.clock = clock;
        this.sleeper = sleeper;
        this.gate = gate;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Operation op = request.tag(Operation.class);
        long start = clock.millis();
        for (int attempt = 1; ; attempt++) {
            Request attemptRequest = attempt == 1 ? request
                    : request.newBuilder().tag(Tags.Attempt.class, new Tags.Attempt(attempt)).build();
            Response response;
            try {
                response = chain.proceed(attemptRequest);
            } catch (IOException e) {
                if (op == null || !op.idempotent() || chain.call().isCanceled() || e instanceof InterruptedIOException
                        || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                Duration delay = backoff(attempt);
                if (!mayRetry(attempt, start, delay)) {
                    throw e;
                }
                LOG.info("{} attempt {} failed ({}); retrying in {} ms", op.qualifiedName(), attempt,
                        e.getClass().getSimpleName(), delay.toMillis());
                pause(delay);
                continue;
            }
            int status = response.code();
            if (status < 400 || op == null) {
                return response;
            }
            Duration retryAfter = status == 429 || status == 503
                    ? RetryAfter.parse(response.header("Retry-After"), clock.instant()) : null;
            if (status == 429 && retryAfter != null && gate != null) {
                gate.holdUntil(clock.instant().plus(retryAfter));
            }
            if (!isRetryable(op, status, response)) {
                return response;
            }
            if (retryAfter != null && retryAfter.compareTo(policy.maxRetryAfter()) > 0) {
                return response;
            }
            Duration delay = retryAfter != null ? retryAfter : backoff(attempt);
            if (!mayRetry(attempt, start, delay)) {
                return response;
            }
            LOG.info("{} attempt {} got HTTP {}; retrying in {} ms", op.qualifiedName(), attempt, status,
                    delay.toMillis());
            response.close();
            pause(delay);
        }
    }

    private boolean isRetryable(Operation op, int status, Response response) throws IOException {
        if (op.idempotent()) {
            return policy.retryableStatuses().contains(status);
        }
        return op.retryCondition().isRetrySafe(status, response.peekBody(PEEK_LIMIT).string());
    }

    private boolean mayRetry(int attempt, long startMillis, Duration delay) {
        if (attempt >= policy.maxAttempts()) {
            return false;
        }
        long elapsed = clock.millis() - startMillis;
        return elapsed + delay.toMillis() <= policy.maxElapsed().toMillis();
    }

    /** Full jitter: uniform in [0, min(maxBackoff, initialBackoff * 2^(attempt-1))]. */
    Duration backoff(int attempt) {
        long initial = policy.initialBackoff().toNanos();
        long cap = policy.maxBackoff().toNanos();
        long ceiling = attempt >= 62 ? cap : Math.min(cap, initial << Math.min(attempt - 1, 30));
        if (ceiling <= 0) {
            ceiling = cap;
        }
        return Duration.ofNanos(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    private void pause(Duration delay) throws InterruptedIOException {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException io = new InterruptedIOException("interrupted while waiting to retry");
            io.initCause(e);
            throw io;
        }
    }
}
