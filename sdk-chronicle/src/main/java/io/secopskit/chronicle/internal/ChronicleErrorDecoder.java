package io.secopskit.chronicle.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.QuotaExhaustedException;
import io.secopskit.core.error.SecOpsException;
import io.secopskit.core.spi.ErrorDecoder;
import io.secopskit.core.spi.ErrorMapping;
import io.secopskit.core.spi.ErrorResponse;
import io.secopskit.core.spi.StandardErrorDecoder;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * Maps Google's error envelope {@code {"error":{"code","message","status","details"}}} by its canonical status
 * name and adds hints for the mistakes a first real run makes: 401 (Google refused the access token) against 403
 * (it accepted the token, but the caller may not act — or, with reason {@code SERVICE_DISABLED}, the API is
 * switched off in the service account's project), 404 (for the partner API also: the partner account lives in
 * another region), an HTML page where Google's JSON was expected. A 429 on an operation counted by a daily quota
 * (CreateCustomer) is {@link QuotaExhaustedException} detected by the vendor even when the client-side count is
 * switched off. Hints never quote the request. Internal.
 */
public final class ChronicleErrorDecoder implements ErrorDecoder {
    /** Which API the decoder speaks for: its hints name that API's settings. */
    public enum Api {
        /** The partner Customer Management API ({@code *-backstory.googleapis.com}). */
        LEGACY,
        /** The Chronicle API tenant service ({@code chronicle.<location>.rep.googleapis.com}). */
        TENANT_SERVICE
    }

    private final Api api;
    private final Clock clock;
    private final String quotaKey;

    /**
     * Creates the decoder.
     *
     * @param api      which API
     * @param clock    the client's clock (when a vendor-reported quota is expected to free up)
     * @param quotaKey the rate-limit key of the quota-counted operation (a 429 on it is the quota), or null
     */
    public ChronicleErrorDecoder(Api api, Clock clock, String quotaKey) {
        this.api = api;
        this.clock = clock;
        this.quotaKey = quotaKey;
    }

    @Override
    public SecOpsException decode(ErrorResponse response) {
        ErrorInfo info = StandardErrorDecoder.describe(response);
        boolean html = response.contentType() != null && response.contentType().toLowerCase(Locale.ROOT).contains("html");
        if (html) {
            // an HTML page comes from a front end or proxy, not from the API: say what it is, do not quote it
            info = info.withVendorMessage("HTTP " + response.status() + " with an HTML page instead of Google's JSON error");
        }
        JsonNode root = html ? null : StandardErrorDecoder.tree(response.body());
        String reason = reason(root);
        String message = (info.vendorMessage() == null ? "" : info.vendorMessage()) + hint(response, reason, html, root);
        info = info.withVendorMessage(message.isEmpty() ? null : message);
        if (response.status() == 429 && quotaKey != null && quotaKey.equals(response.operation().rateLimitKey())) {
            return new QuotaExhaustedException(info, null, clock.instant().plus(Duration.ofDays(1)));
        }
        return ErrorMapping.forCanonicalStatus(info, response.retryAfter());
    }

    private String hint(ErrorResponse response, String reason, boolean html, JsonNode root) {
        switch (response.status()) {
            case 401:
                return " (hint: 401 means Google did not accept the access token — the service-account key may be "
                        + "deleted or disabled, or the token is for another OAuth scope (" + scopes() + "); a 403 would "
                        + "mean the token was accepted but may not do this)";
            case 403:
                if ("SERVICE_DISABLED".equals(reason)) {
                    JsonNode meta = metadata(root);
                    String service = meta == null ? null : meta.path("service").asText(null);
                    String consumer = meta == null ? null : meta.path("consumer").asText(null);
                    return " (hint: SERVICE_DISABLED — the credentials were accepted, but " + (service == null ? "the API"
                            : service) + " is not enabled in " + (consumer == null ? "the service account's Google Cloud "
                            + "project" : consumer) + "; enable it there. This is not a missing permission)";
                }
                return " (hint: 403 means Google accepted the access token but the service account may not do this: "
                        + (api == Api.LEGACY ? "use the partner service-account key Google SecOps issued, for customers "
                        + "this partner created" : "grant it the chronicle.tenants.* / chronicle.operations.get "
                        + "permissions on the partner's instance") + "; a 401 would mean the token itself was refused)";
            case 404:
                if (html || root == null) {
                    return " (hint: the path does not exist on " + response.host() + ": the endpoint must be the bare "
                            + (api == Api.LEGACY ? "regional host, for example https://europe-backstory.googleapis.com"
                            : "host https://chronicle.<location>.rep.googleapis.com") + ", without a path)";
                }
                return api == Api.LEGACY
                        ? " (hint: 404 from " + response.host() + ": no such customer for this partner here — or the "
                        + "partner account is provisioned in another region; the Customer Management API answers only "
                        + "on its region's host: ChronicleClient.Builder.region(...))"
                        : " (hint: 404 from " + response.host() + ": the instance, tenant or operation does not exist "
                        + "there — the host must serve the instance's location: chronicle.<location>.rep.googleapis.com)";
            default:
                return "";
        }
    }

    private String scopes() {
        return api == Api.LEGACY ? "the partner API needs https://www.googleapis.com/auth/chronicle-backstory"
                : "the tenant service needs https://www.googleapis.com/auth/chronicle or .../cloud-platform";
    }

    /** The {@code reason} of the first {@code google.rpc.ErrorInfo} detail, or null. */
    private static String reason(JsonNode root) {
        JsonNode info = errorInfo(root);
        return info == null ? null : info.path("reason").asText(null);
    }

    private static JsonNode metadata(JsonNode root) {
        JsonNode info = errorInfo(root);
        return info == null ? null : info.get("metadata");
    }

    private static JsonNode errorInfo(JsonNode root) {
        JsonNode details = root == null ? null : root.path("error").get("details");
        if (details == null || !details.isArray()) {
            return null;
        }
        for (JsonNode d : details) {
            if (d.path("@type").asText("").endsWith("google.rpc.ErrorInfo")) {
                return d;
            }
        }
        return null;
    }
}
