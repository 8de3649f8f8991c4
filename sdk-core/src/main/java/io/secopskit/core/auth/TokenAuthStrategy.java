package io.secopskit.core.auth;

import io.secopskit.core.Beta;
import io.secopskit.core.internal.Checks;
import io.secopskit.core.internal.auth.AccessToken;
import io.secopskit.core.internal.auth.TokenCache;
import java.time.Duration;
import java.util.Objects;

/**
 * The base of every strategy that sends {@code Authorization: Bearer <token>} for a token it obtains and
 * caches: OAuth 2.0 ({@link OAuth2ClientCredentialsAuth}), API-key-to-JWT exchanges ({@link JwtRefreshAuth})
 * and Google service accounts (in sdk-chronicle). Subclasses only fetch a token; the base class gives them
 * the one token cache:
 * <ul>
 *   <li>a token is refreshed ahead of expiry ({@link Builder#refreshAhead}, default 60 s, at most half its
 *       lifetime) by one caller while the others keep using it; once expired, all callers wait for the one
 *       refresh in flight; a token is not sent in its last {@link Builder#expirySafety} (default 10 s);</li>
 *   <li>the endpoint is never stormed: after a failed token request no new one is made for a backoff window
 *       growing from 1 s to {@link Builder#maxFailureBackoff} (default 5 min) — calls in the window fail at
 *       once with {@code AuthenticationException} (credentials refused) or {@code TransportException}
 *       (a passing fault) saying when the next attempt will be, unless a still-valid token can be served;</li>
 *   <li>a 401 drops the token and the request is replayed once — at most once per backoff window, so a
 *       vendor that rejects every token does not cause a token request per call.</li>
 * </ul>
 * Thread-safe.
 */
@Beta
public abstract class TokenAuthStrategy implements AuthStrategy {
    private final TokenCache cache;

    /**
     * Creates the strategy with the cache settings of a builder.
     *
     * @param settings the builder holding refresh-ahead, expiry safety and failure backoff
     */
    protected TokenAuthStrategy(Builder<?> settings) {
        this.cache = new TokenCache(settings.refreshAhead, settings.expirySafety, settings.maxFailureBackoff);
    }

    /**
     * Obtains a new token from the vendor. Called by one thread at a time, never during a failure backoff.
     *
     * @param context the client's auth context (clock, token calls over the client's pool)
     * @return the token
     * @throws io.secopskit.core.error.SecOpsException if no token can be obtained:
     *         {@code AuthenticationException} when the credentials are refused, anything else when the
     *         failure may pass
     */
    protected abstract IssuedToken fetchToken(AuthContext context);

    @Override
    public final AuthHeaders authenticate(AuthContext context) {
        return cache.bearerHeaders(context.clock(), context.vendor(), () -> {
            IssuedToken t = fetchToken(context);
            return new AccessToken(t.value(), context.clock().instant(), t.expiresAt(), t.refreshToken());
        });
    }

    @Override
    public final boolean onUnauthorized(AuthContext context, AuthHeaders rejected) {
        return cache.invalidateBearer(context.clock(), rejected);
    }

    /**
     * The cache settings every token strategy's builder shares.
     *
     * @param <B> the concrete builder
     */
    public abstract static class Builder<B extends Builder<B>> {
        private Duration refreshAhead = Duration.ofSeconds(60);
        private Duration expirySafety = Duration.ofSeconds(10);
        private Duration maxFailureBackoff = Duration.ofMinutes(5);

        /** Creates a builder with the defaults. */
        protected Builder() {
        }

        /**
         * Returns this builder as its concrete type.
         *
         * @return this
         */
        protected abstract B self();

        /**
         * Sets how long before expiry a refresh starts (default 60 s; never more than half the lifetime).
         *
         * @param value positive duration
         * @return this builder
         */
        public B refreshAhead(Duration value) {
            this.refreshAhead = Checks.positive(value, "refreshAhead");
            return self();
        }

        /**
         * Sets how long before expiry a token is no longer sent (default 10 s; never more than a tenth of
         * the lifetime), a margin for clock skew and transit.
         *
         * @param value positive duration
         * @return this builder
         */
        public B expirySafety(Duration value) {
            this.expirySafety = Checks.positive(value, "expirySafety");
            return self();
        }

        /**
         * Sets the longest wait between token requests after consecutive failures (default 5 min; the
         * first wait is 1 s and doubles).
         *
         * @param value at least 1 s
         * @return this builder
         */
        public B maxFailureBackoff(Duration value) {
            Objects.requireNonNull(value, "maxFailureBackoff");
            if (value.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("maxFailureBackoff must be at least 1 s: " + value);
            }
            this.maxFailureBackoff = value;
            return self();
        }
    }
}
