package io.secopskit.carbonblack.internal;

import io.secopskit.carbonblack.QuerySyntaxException;
import io.secopskit.core.error.AuthenticationException;
import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.SecOpsException;
import io.secopskit.core.spi.ErrorDecoder;
import io.secopskit.core.spi.ErrorMapping;
import io.secopskit.core.spi.ErrorResponse;
import io.secopskit.core.spi.StandardErrorDecoder;

/**
 * Maps Carbon Black errors ({@code {"success":false,"message":...}}, {@code reason} on 400s). A 401 means
 * a missing key or a key whose access level does not cover the route, so its message names the route's
 * service category and the access levels the vendor's table permits. Internal.
 */
public final class CarbonBlackErrorDecoder implements ErrorDecoder {
    /** The shared instance. */
    public static final CarbonBlackErrorDecoder INSTANCE = new CarbonBlackErrorDecoder();

    private CarbonBlackErrorDecoder() {
    }

    @Override
    public SecOpsException decode(ErrorResponse response) {
        ErrorInfo info = StandardErrorDecoder.describe(response);
        if (response.status() == 400 && "query_malformed_syntax".equals(info.vendorCode())) {
            return new QuerySyntaxException(info);
        }
        if (response.status() == 401) {
            String message = info.vendorMessage() == null ? "unauthorized" : info.vendorMessage();
            return new AuthenticationException(info.withVendorMessage(message + "; " + accessHint(response.operation().pathTemplate())));
        }
        return ErrorMapping.forStatus(info, response.retryAfter());
    }

    /**
     * Names the service category of a path and the API key access levels that may call it.
     *
     * @param path the path template
     * @return the explanation
     */
    static String accessHint(String path) {
        String category;
        String levels;
        if (path.startsWith("/integrationServices/v3/notification")) {
            category = "CB-D notifications (/integrationServices/v3/notification)";
            levels = "a SIEM key";
        } else if (path.startsWith("/integrationServices")) {
            category = "CB-D (/integrationServices)";
            levels = "an API or Live Response key";
        } else if (path.startsWith("/livequery")) {
            category = "CB-LO Live Query (/livequery)";
            levels = "a Custom key with the livequery.manage permission";
        } else if (path.startsWith("/threathunter")) {
            category = "CB-TH (/threathunter)";
            levels = "a Custom key with the threathunter.feeds permission, or an API key";
        } else {
            category = "PSC (/appservices)";
            levels = "a Custom key with the appropriate permissions (device for device search)";
        }
        return "the key is missing, wrong, or its access level does not cover " + category + ", which needs " + levels;
    }
}
