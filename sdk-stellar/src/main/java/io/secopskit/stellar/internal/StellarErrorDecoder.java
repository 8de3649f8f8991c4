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
 * Stellar Cyber publishes no error format: read {@code error}/{@code message} when the body is JSON,
 * else quote the start of the body. "Rate limit exceeded" is a rate limit whatever the status; a 403 on
 * one of the endpoints that stay root-only even with scoped API keys says so. Internal.
 */
public final class StellarErrorDecoder implements ErrorDecoder {
    /** The shared instance. */
    public static final StellarErrorDecoder INSTANCE = new StellarErrorDecoder();

    /** Endpoints restricted to Super Admin users with root scope, relative to {@code /connect/api/v1}. */
    static final List<String> RESTRICTED = List.of("/storage-usages", "/incidents", "/entity_usages", "/reset_user",
            "/ingestion-stats", "/data", "/update_ser", "/security_events", "/insert_ser");

    private StellarErrorDecoder() {
    }

    @Override
    public SecOpsException decode(ErrorResponse response) {
        ErrorInfo info = StandardErrorDecoder.describe(response);
        String message = info.vendorMessage() == null ? "" : info.vendorMessage();
        if (response.status() == 429 || message.toLowerCase(Locale.ROOT).contains("rate limit exceeded")) {
            return new RateLimitedException(info, response.retryAfter());
        }
        if (response.status() == 403 && isRestricted(response.operation().pathTemplate())) {
            info = info.withVendorMessage(message + (message.isEmpty() ? "" : "; ")
                    + "this endpoint is restricted to Super Admin users with root scope, even with scoped API keys");
        }
        return ErrorMapping.forStatus(info, response.retryAfter());
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
