package io.secopskit.taegis.internal;

import io.secopskit.core.auth.AuthContext;
import io.secopskit.core.auth.AuthHeaders;
import io.secopskit.core.auth.AuthStrategy;
import io.secopskit.core.error.AuthenticationException;
import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.NotFoundException;
import io.secopskit.core.error.SecOpsException;
import io.secopskit.core.error.TransportException;
import io.secopskit.taegis.TaegisClient;
import io.secopskit.taegis.TaegisRegion;
import java.util.Objects;

/**
 * Wraps the client-credentials strategy of a Taegis client so that a failed token request says what to check:
 * a refused client id or secret (and that API clients belong to one region), a host without the token path
 * (the tenants host given as {@code authEndpoint}), a token host that does not resolve (the region's hosts).
 * Caching, refresh, failure backoff and 401 handling are the wrapped strategy's. Thread-safe. Internal.
 */
public final class TaegisAuth implements AuthStrategy {
    private final AuthStrategy delegate;

    /**
     * Wraps a strategy.
     *
     * @param delegate the OAuth client-credentials strategy
     */
    public TaegisAuth(AuthStrategy delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public AuthHeaders authenticate(AuthContext context) {
        try {
            return delegate.authenticate(context);
        } catch (SecOpsException e) {
            if (!"token".equals(e.operation())) {
                throw e;
            }
            throw withHint(e);
        }
    }

    private static SecOpsException withHint(SecOpsException e) {
        String host = e.host();
        String text = e.vendorMessage() == null ? "token request failed" : e.vendorMessage();
        ErrorInfo info = e.info();
        if (e instanceof AuthenticationException) {
            return new AuthenticationException(info.withVendorMessage(text + "; hint: the token endpoint refused"
                    + " clientCredentials(...): check the client id and secret — an API client belongs to one region, and"
                    + " this request went to " + Regions.describe(host)), e);
        }
        if (e instanceof NotFoundException) {
            return new NotFoundException(info.withVendorMessage(text + "; hint: " + host + " has no "
                    + TaegisClient.TOKEN_PATH + ": authEndpoint(...) must be a region's API host ("
                    + TaegisRegion.US1.apiHost() + " for US1, https://api.<region>.taegis.secureworks.com elsewhere),"
                    + " not its tenants host"), e);
        }
        if (e instanceof TransportException && text.contains("UnknownHostException")) {
            return new TransportException(info.withVendorMessage(text + "; Taegis token hosts are "
                    + TaegisRegion.US1.apiHost().getHost() + " (US1) and api.<delta|echo|foxtrot|golf|hotel|india|"
                    + "juliet|kilo|quebec>.taegis.secureworks.com: check region(...) or authEndpoint(...)"), e);
        }
        return e;
    }

    @Override
    public boolean onUnauthorized(AuthContext context, AuthHeaders rejected) {
        return delegate.onUnauthorized(context, rejected);
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
