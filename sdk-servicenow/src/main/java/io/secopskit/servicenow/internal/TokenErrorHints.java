package io.secopskit.servicenow.internal;

import io.secopskit.core.auth.AuthContext;
import io.secopskit.core.auth.AuthHeaders;
import io.secopskit.core.auth.AuthStrategy;
import io.secopskit.core.error.AuthenticationException;
import java.util.Objects;

/**
 * Wraps the OAuth strategy of a ServiceNow client so that a refused token request says what ServiceNow
 * refuses it for. The instance's token endpoint answers every refusal alike
 * ({@code {"error":"server_error","error_description":"access_denied"}}), so the hint lists the causes
 * for the grant in use. Everything else — caching, backoff, 401 handling — is the wrapped strategy's.
 * Thread-safe. Internal.
 */
public final class TokenErrorHints implements AuthStrategy {
    /** Hint for the password grant. */
    public static final String PASSWORD_GRANT = " (hint: ServiceNow refuses a password grant when the OAuth"
            + " application's client id or secret is wrong, the user name or password is wrong, or the user is"
            + " locked out; check System OAuth > Application Registry and the user record)";
    /** Hint for the client-credentials grant. */
    public static final String CLIENT_CREDENTIALS = " (hint: ServiceNow refuses a client-credentials grant when"
            + " the client id or secret is wrong, when the instance has not enabled it (system property"
            + " glide.oauth.inbound.client.credential.grant_type.enabled, Washington DC release or later), or when"
            + " the OAuth application has no OAuth Application User)";

    private final AuthStrategy delegate;
    private final String hint;

    /**
     * Wraps a strategy.
     *
     * @param delegate the OAuth strategy
     * @param hint     {@link #PASSWORD_GRANT} or {@link #CLIENT_CREDENTIALS}
     */
    public TokenErrorHints(AuthStrategy delegate, String hint) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.hint = Objects.requireNonNull(hint, "hint");
    }

    @Override
    public AuthHeaders authenticate(AuthContext context) {
        try {
            return delegate.authenticate(context);
        } catch (AuthenticationException e) {
            if (!"token".equals(e.operation())) {
                throw e;
            }
            String text = e.vendorMessage() == null ? "token request refused" : e.vendorMessage();
            throw new AuthenticationException(e.info().withVendorMessage(text + hint), e);
        }
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
