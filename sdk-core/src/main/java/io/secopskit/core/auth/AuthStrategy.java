package io.secopskit.core.auth;

/**
 * Adds credentials to requests. The pipeline calls {@link #authenticate(AuthContext)} once per attempt
 * (inside the retry step, so every attempt carries a currently valid credential) and, when the vendor
 * answers 401, calls {@link #onUnauthorized(AuthContext, AuthHeaders)} once; if that returns true the
 * request is replayed once with fresh credentials, never more.
 *
 * <p>Implementations must be thread-safe. Credentials are never sent over plain {@code http://}
 * except to a loopback host, and every header an implementation returns is masked in logs.
 */
public interface AuthStrategy {
    /**
     * Returns the credential headers for the next request, fetching or refreshing a token when needed.
     *
     * @param context the client's auth context
     * @return the headers to add
     * @throws io.secopskit.core.error.SecOpsException if credentials cannot be obtained
     */
    AuthHeaders authenticate(AuthContext context);

    /**
     * Tells the strategy that the vendor rejected {@code rejected} with 401.
     *
     * @param context  the client's auth context
     * @param rejected the headers the rejected request carried
     * @return true when a replay with newly obtained credentials may succeed (a token strategy dropped its
     *         token; a static strategy read a rotated secret from its supplier); false to let the 401 surface
     */
    default boolean onUnauthorized(AuthContext context, AuthHeaders rejected) {
        return false;
    }
}
