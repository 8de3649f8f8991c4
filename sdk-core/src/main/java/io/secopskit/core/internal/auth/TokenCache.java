package io.secopskit.core.internal.auth;

import io.secopskit.core.Secret;
import io.secopskit.core.auth.AuthHeaders;
import io.secopskit.core.error.AuthenticationException;
import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.SecOpsException;
import io.secopskit.core.error.TransportException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The one token cache behind every token-based strategy. A token is <em>fresh</em> until
 * {@link AccessToken#staleAt}, then <em>stale</em> (one caller refreshes while the others keep using
 * it) until {@link AccessToken#unusableAt}, then <em>expired</em> (callers wait for the single refresh in
 * flight).
 *
 * <p>Failures are remembered so that a token endpoint is never stormed: after a failed refresh no new
 * token request is made until a backoff window has passed — 1 s after the first failure, doubling with
 * each consecutive failure up to the configured maximum (default 5 min); transient failures (5xx,
 * timeouts, malformed answers) get jitter within the window, credential failures (the endpoint refused
 * the credentials: 400/401/403, {@code invalid_client}, {@code invalid_grant}) do not. During the window a
 * still-usable token keeps being served; without one, calls fail at once with
 * {@link AuthenticationException} (credential failure) or {@link TransportException} (transient) saying
 * when the next attempt will be made. Invalidations after a 401 are limited the same way. Thread-safe
 * (a {@link ReentrantLock}, never held during I/O). Internal.
 */
public final class TokenCache {
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final String BEARER = "Bearer ";

    private final Duration refreshAhead;
    private final Duration expirySafety;
    private final Duration maxBackoff;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile AccessToken current;
    private volatile BearerHeaders bearer;
    private CompletableFuture<AccessToken> inFlight;
    private Failure failure;
    private Instant invalidationAllowedAt = Instant.MIN;
    private int invalidations;

    /** The last refresh failure and when the next attempt may be made. */
    private record Failure(RuntimeException error, boolean credential, int count, Instant at, Instant nextAttemptAt) {
    }

    /**
     * Creates an empty cache.
     *
     * @param refreshAhead how long before expiry a refresh starts (capped at half the lifetime)
     * @param expirySafety how long before expiry a token is no longer sent (capped at a tenth of the lifetime)
     * @param maxBackoff   the longest wait between token requests after failures
     */
    public TokenCache(Duration refreshAhead, Duration expirySafety, Duration maxBackoff) {
        this.refreshAhead = Objects.requireNonNull(refreshAhead, "refreshAhead");
        this.expirySafety = Objects.requireNonNull(expirySafety, "expirySafety");
        this.maxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff");
    }

    /**
     * Returns a usable token, fetching one when there is none or the current one is stale or expired.
     * However many threads call, at most one fetch is in flight, and none during a failure backoff.
     *
     * @param clock   the client's clock
     * @param vendor  vendor id, for errors
     * @param fetcher fetches a new token; called by one thread at a time
     * @return a usable token
     */
    public AccessToken get(Clock clock, String vendor, Supplier<AccessToken> fetcher) {
        AccessToken token = current;
        if (token != null && clock.instant().isBefore(token.staleAt(refreshAhead))) {
            return token;
        }
        CompletableFuture<AccessToken> refresh;
        AccessToken stillUsable;
        boolean leader;
        lock.lock();
        try {
            token = current;
            Instant now = clock.instant();
            if (token != null && now.isBefore(token.staleAt(refreshAhead))) {
                return token;
            }
            stillUsable = token != null && now.isBefore(token.unusableAt(expirySafety)) ? token : null;
            if (failure != null && now.isBefore(failure.nextAttemptAt())) {
                if (stillUsable != null) {
                    return stillUsable;
                }
                throw failFast(vendor, failure);
            }
            if (stillUsable != null && inFlight != null) {
                return stillUsable;
            }
            leader = inFlight == null;
            if (leader) {
                inFlight = new CompletableFuture<>();
            }
            refresh = inFlight;
        } finally {
            lock.unlock();
        }
        return leader ? refresh(clock, fetcher, refresh, stillUsable) : await(refresh, vendor);
    }

    private AccessToken refresh(Clock clock, Supplier<AccessToken> fetcher, CompletableFuture<AccessToken> refresh,
                                AccessToken stillUsable) {
        AccessToken fresh;
        try {
            fresh = fetcher.get();
        } catch (RuntimeException e) {
            lock.lock();
            try {
                Instant now = clock.instant();
                int count = failure == null ? 1 : failure.count() + 1;
                boolean credential = isCredentialFailure(e);
                failure = new Failure(e, credential, count, now, now.plus(backoff(count, credential)));
                inFlight = null;
            } finally {
                lock.unlock();
            }
            refresh.completeExceptionally(e);
            if (stillUsable != null) {
                return stillUsable;
            }
            throw e;
        }
        lock.lock();
        try {
            current = fresh;
            failure = null;
            inFlight = null;
        } finally {
            lock.unlock();
        }
        refresh.complete(fresh);
        return fresh;
    }

    /** Doubling from 1 s up to the maximum; transient failures drawn in the upper half of the window. */
    private Duration backoff(int count, boolean credential) {
        long base = FIRST_BACKOFF.toMillis() << Math.min(count - 1, 20);
        long window = Math.min(base, maxBackoff.toMillis());
        if (credential) {
            return Duration.ofMillis(window);
        }
        return Duration.ofMillis(window / 2 + ThreadLocalRandom.current().nextLong(window / 2 + 1));
    }

    /**
     * Returns whether a token request failure means the credentials were refused (as opposed to a passing
     * fault): an {@link AuthenticationException}, which the token readers raise for 400/401/403 answers,
     * OAuth credential error codes and redirects.
     *
     * @param e the failure
     * @return true for a credential failure
     */
    static boolean isCredentialFailure(RuntimeException e) {
        return e instanceof AuthenticationException;
    }

    private static SecOpsException failFast(String vendor, Failure f) {
        String when = "; no new token request until " + f.nextAttemptAt() + " (" + f.count()
                + (f.count() == 1 ? " failure" : " consecutive failures") + ")";
        if (f.error() instanceof SecOpsException se) {
            ErrorInfo info = se.info().withVendorMessage((se.info().vendorMessage() == null ? "token request failed"
                    : se.info().vendorMessage()) + when);
            return f.credential() ? new AuthenticationException(info.withRetryable(false), se)
                    : new TransportException(info.withRetryable(true), se);
        }
        ErrorInfo info = ErrorInfo.of(vendor, "token").withVendorMessage("token request failed: "
                + f.error().getClass().getSimpleName() + when);
        return f.credential() ? new AuthenticationException(info, f.error()) : new TransportException(info, f.error());
    }

    private static AccessToken await(CompletableFuture<AccessToken> refresh, String vendor) {
        try {
            return refresh.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(ErrorInfo.of(vendor, "token")
                    .withVendorMessage("interrupted while waiting for an access token"), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new TransportException(ErrorInfo.of(vendor, "token"), cause);
        }
    }

    /**
     * Drops the cached token if it is the one the vendor rejected, at most once per backoff window: a
     * vendor that rejects every fresh token (missing rights answered with 401) would otherwise cause a
     * token request per call.
     *
     * @param clock    the client's clock
     * @param rejected the token value the vendor answered 401 to
     * @return true when the token was dropped (a replay with a new token may succeed)
     */
    public boolean invalidate(Clock clock, Secret rejected) {
        lock.lock();
        try {
            Instant now = clock.instant();
            AccessToken token = current;
            if (token == null || !token.value().equals(rejected)) {
                return true; // already replaced: the replay uses the newer token
            }
            if (now.isBefore(invalidationAllowedAt)) {
                return false;
            }
            invalidations = now.isAfter(invalidationAllowedAt.plus(maxBackoff)) ? 1 : invalidations + 1;
            invalidationAllowedAt = now.plus(backoff(invalidations, true));
            current = null;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns {@code Authorization: Bearer <token>} for a usable token, fetching one when needed.
     *
     * @param clock   the client's clock
     * @param vendor  vendor id, for errors
     * @param fetcher fetches a new token
     * @return the headers
     */
    public AuthHeaders bearerHeaders(Clock clock, String vendor, Supplier<AccessToken> fetcher) {
        AccessToken token = get(clock, vendor, fetcher);
        BearerHeaders cached = bearer;
        if (cached == null || cached.token() != token) {
            cached = new BearerHeaders(token, AuthHeaders.of("Authorization", Secret.of(BEARER + token.value().reveal())));
            bearer = cached;
        }
        return cached.headers();
    }

    /** The headers of the current token, built once per token instead of once per call. */
    private record BearerHeaders(AccessToken token, AuthHeaders headers) {
    }

    /**
     * Drops the token carried by rejected bearer headers, if it is still the cached one.
     *
     * @param clock    the client's clock
     * @param rejected the headers the vendor answered 401 to
     * @return true when a replay may succeed
     */
    public boolean invalidateBearer(Clock clock, AuthHeaders rejected) {
        Secret header = rejected.asMap().get("Authorization");
        if (header != null && header.reveal().startsWith(BEARER)) {
            return invalidate(clock, Secret.of(header.reveal().substring(BEARER.length())));
        }
        return false;
    }

    /** Returns the cached token, or null. */
    public AccessToken peek() {
        return current;
    }
}
