package io.secopskit.core.internal.auth;

import io.secopskit.core.Secret;
import io.secopskit.core.auth.AuthHeaders;
import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.SecOpsException;
import io.secopskit.core.error.TransportException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * The one token cache behind every token-based strategy. A token is <em>fresh</em> until
 * {@link AccessToken#staleAt}, then <em>stale</em> (one caller refreshes while the others keep using
 * it) until {@link AccessToken#unusableAt}, then <em>expired</em> (callers wait for the single refresh in
 * flight). A failed refresh keeps a still-usable token and is not tried again for a short back-off.
 * Thread-safe. Internal.
 */
public final class TokenCache {
    private static final Duration FAILED_REFRESH_BACKOFF = Duration.ofSeconds(5);
    private static final String BEARER = "Bearer ";

    private final Duration refreshAhead;
    private final Duration expirySafety;
    private final Object lock = new Object();
    private volatile AccessToken current;
    private volatile BearerHeaders bearer;
    private CompletableFuture<AccessToken> inFlight;
    private Instant lastFailure;

    /**
     * Creates an empty cache.
     *
     * @param refreshAhead how long before expiry a refresh starts (capped at half the lifetime)
     * @param expirySafety how long before expiry a token is no longer sent (capped at a tenth of the lifetime)
     */
    public TokenCache(Duration refreshAhead, Duration expirySafety) {
        this.refreshAhead = Objects.requireNonNull(refreshAhead, "refreshAhead");
        this.expirySafety = Objects.requireNonNull(expirySafety, "expirySafety");
    }

    /**
     * Returns a usable token, fetching one when there is none or the current one is stale or expired.
     * However many threads call, at most one fetch is in flight.
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
        synchronized (lock) {
            token = current;
            Instant now = clock.instant();
            if (token != null && now.isBefore(token.staleAt(refreshAhead))) {
                return token;
            }
            stillUsable = token != null && now.isBefore(token.unusableAt(expirySafety)) ? token : null;
            if (stillUsable != null && (inFlight != null
                    || lastFailure != null && now.isBefore(lastFailure.plus(FAILED_REFRESH_BACKOFF)))) {
                return stillUsable;
            }
            leader = inFlight == null;
            if (leader) {
                inFlight = new CompletableFuture<>();
            }
            refresh = inFlight;
        }
        return leader ? refresh(clock, fetcher, refresh, stillUsable) : await(refresh, vendor);
    }

    private AccessToken refresh(Clock clock, Supplier<AccessToken> fetcher, CompletableFuture<AccessToken> refresh,
                                AccessToken stillUsable) {
        AccessToken fresh;
        try {
            fresh = fetcher.get();
        } catch (RuntimeException e) {
            synchronized (lock) {
                lastFailure = clock.instant();
                inFlight = null;
            }
            refresh.completeExceptionally(e);
            if (stillUsable != null) {
                return stillUsable;
            }
            throw e;
        }
        synchronized (lock) {
            current = fresh;
            lastFailure = null;
            inFlight = null;
        }
        refresh.complete(fresh);
        return fresh;
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
            if (cause instanceof SecOpsException se) {
                throw se;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new TransportException(ErrorInfo.of(vendor, "token"), cause);
        }
    }

    /**
     * Drops the cached token if it is the one the vendor rejected.
     *
     * @param rejected the token value the vendor answered 401 to
     */
    public void invalidate(Secret rejected) {
        synchronized (lock) {
            AccessToken token = current;
            if (token != null && token.value().equals(rejected)) {
                current = null;
            }
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
     * @param rejected the headers the vendor answered 401 to
     */
    public void invalidateBearer(AuthHeaders rejected) {
        Secret header = rejected.asMap().get("Authorization");
        if (header != null && header.reveal().startsWith(BEARER)) {
            invalidate(Secret.of(header.reveal().substring(BEARER.length())));
        }
    }

    /** Returns the cached token, or null. */
    public AccessToken peek() {
        return current;
    }
}
