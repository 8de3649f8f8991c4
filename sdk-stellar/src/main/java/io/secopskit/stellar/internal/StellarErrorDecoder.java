package io.secopskit.stellar.internal;

import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.RateLimitedException;
import io.secopskit.core.error.SecOpsException;
import io.secopskit.core.spi.ErrorDecoder;
import io.secopskit.core.spi.ErrorMapping;
import io.secopskit.core.spi.ErrorResponse;
import io.secopskit.core.spi.StandardErrorDecoder;
import java.util.List;
import java.util.Locale;

/**
 * Stellar Cyber publishes no error format: read {@code error}/{@code message} when the body is JSON, else
 * quote the start of the body. "Rate limit exceeded" is a rate limit whatever the status. A 401 says what
 * to check for the auth flow in use (and the clock difference, when one was measured); a 403 says the
 * user is authenticated but not permitted, and on one of the endpoints that stay root-only even with
 * scoped API keys, says so. The host is always named. Internal.
 */
public final class StellarErrorDecoder implements ErrorDecoder {
    /** Endpoints restricted to Super Admin users with root scope, relative to {@code /connect/api/v1}. */
    static final List<String> RESTRICTED = List.of("/storage-usages", "/incidents", "/entity_usages", "/reset_user",
            "/ingestion-stats", "/data", "/update_ser", "/security_events", "/insert_ser");

    private final StellarAuth.Flow flow;
    private final StellarAuth.ClockSkew skew;

    /**
     * Creates the decoder of one client.
     *
     * @param flow the auth flow chosen on the builder
     * @param skew the clock difference measured from its tokens
     */
    public StellarErrorDecoder(StellarAuth.Flow flow, StellarAuth.ClockSkew skew) {
        this.flow = flow;
        this.skew = skew;
    }

    @Override
    public SecOpsException decode(ErrorResponse response) {
        ErrorInfo info = StandardErrorDecoder.describe(response);
        String message = info.vendorMessage() == null ? "" : info.vendorMessage();
        if (response.status() == 429 || message.toLowerCase(Locale.ROOT).contains("rate limit exceeded")) {
            return new RateLimitedException(info, response.retryAfter());
        }
        String hint = switch (response.status()) {
            case 401 -> unauthorizedHint();
            case 403 -> forbiddenHint(response.operation().pathTemplate());
            default -> null;
        };
        if (hint != null) {
            info = info.withVendorMessage(message + (message.isEmpty() ? "" : "; ") + hint);
        }
        return ErrorMapping.forStatus(info, response.retryAfter());
    }

    private String unauthorizedHint() {
        String text = switch (flow) {
            case API_KEY, SCOPED_API_KEY -> "401: not authenticated (a refused token is refreshed and the call"
                    + " replayed once); if freshly issued tokens are refused, the user may be disabled or the key"
                    + " revoked, or this machine's clock may differ from the server's (JWT clock skew)";
            case BASIC -> "401: not authenticated; Basic auth on every call (basicAuth(...)) works on release 5.4.0"
                    + " only, not on 5.4.0s or later: use apiKey(email, key), the JWT exchange";
            case CUSTOM -> "401: not authenticated: the credentials of auth(...) were refused";
        };
        long seconds = skew.seconds();
        if (seconds != 0) {
            text += "; measured: this machine's clock is about " + Math.abs(seconds) + " s "
                    + (seconds > 0 ? "behind" : "ahead of") + " the server's (JWT iat): synchronise it (NTP)";
        }
        return text;
    }

    private String forbiddenHint(String pathTemplate) {
        if (isRestricted(pathTemplate)) {
            return "403: this endpoint is restricted to Super Admin users with root scope, even with scoped API keys";
        }
        return "403: authenticated but not permitted: the user's privileges"
                + (flow == StellarAuth.Flow.SCOPED_API_KEY ? " and tenancy (scoped API keys follow the user's RBAC"
                        + " privileges and tenancy)" : "") + " do not allow this operation";
    }

    static boolean isRestricted(String pathTemplate) {
        String p = pathTemplate.startsWith("/connect/api/v1") ? pathTemplate.substring("/connect/api/v1".length())
                : pathTemplate.startsWith("/connect/api") ? pathTemplate.substring("/connect/api".length()) : pathTemplate;
        for (String r : RESTRICTED) {
            if (p.equals(r) || p.startsWith(r + "/") || p.startsWith(r + "_")) {
                return true;
            }
        }
        return false;
    }
}
