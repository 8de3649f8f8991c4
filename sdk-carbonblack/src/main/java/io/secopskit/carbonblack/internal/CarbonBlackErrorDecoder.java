package io.secopskit.carbonblack.internal;

import io.secopskit.carbonblack.QuerySyntaxException;
import io.secopskit.core.error.AuthenticationException;
import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.PermissionDeniedException;
import io.secopskit.core.error.SecOpsException;
import io.secopskit.core.spi.ErrorDecoder;
import io.secopskit.core.spi.ErrorMapping;
import io.secopskit.core.spi.ErrorResponse;
import io.secopskit.core.spi.StandardErrorDecoder;
import java.util.Map;

/**
 * Maps Carbon Black errors: {@code {"success":false,"message":...}}, {@code reason} on 400s, and the platform
 * shape {@code {"error_code":"INVALID_ENUM_VALUE","message":...,"field":...}}, whose {@code error_code} (or
 * else {@code reason}) becomes {@code vendorCode()}. A 401 means
 * a missing key or a key whose access level does not cover the route, so its message names the route's
 * service category, the access levels the vendor's table permits and — where the document ties the call to
 * a Custom key permission (Live Query: {@code livequery.manage}; feeds: {@code threathunter.feeds}) — the
 * permission and the operation (Create, Read, Update, Delete) the call needs. Internal.
 */
public final class CarbonBlackErrorDecoder implements ErrorDecoder {
    /** The shared instance. */
    public static final CarbonBlackErrorDecoder INSTANCE = new CarbonBlackErrorDecoder();

    private CarbonBlackErrorDecoder() {
    }

    @Override
    public SecOpsException decode(ErrorResponse response) {
        ErrorInfo info = isHtml(response)
                ? response.baseInfo().withVendorMessage("HTTP " + response.status() + " with an HTML page instead of Carbon"
                        + " Black's JSON: a proxy, load balancer or maintenance page answered" + (response.status() >= 500
                        ? "; the service or the path to it is unavailable" : "; check the endpoint"))
                : StandardErrorDecoder.describe(response);
        if (response.status() == 400 && "query_malformed_syntax".equals(info.vendorCode())) {
            return new QuerySyntaxException(info);
        }
        if (response.status() == 401) {
            String message = info.vendorMessage() == null || info.vendorMessage().isEmpty() ? "unauthorized" : info.vendorMessage();
            return new AuthenticationException(info.withVendorMessage(message + "; "
                    + accessHint(response.operation().name(), response.operation().pathTemplate()) + HINT_401));
        }
        if (response.status() == 403) {
            String message = info.vendorMessage() == null || info.vendorMessage().isEmpty() ? "forbidden" : info.vendorMessage();
            return new PermissionDeniedException(info.withVendorMessage(message + HINT_403));
        }
        return ErrorMapping.forStatus(info, response.retryAfter());
    }

    /** An HTML error page (never quoted: it may hold anything a proxy puts there). */
    private static boolean isHtml(ErrorResponse response) {
        String type = response.contentType() == null ? "" : response.contentType().toLowerCase(java.util.Locale.ROOT);
        String start = response.body().stripLeading();
        return type.contains("html") || start.regionMatches(true, 0, "<!doctype html", 0, 14)
                || start.regionMatches(true, 0, "<html", 0, 5);
    }

    /** What tells a 401 from a 403 at Carbon Black (the document: a route outside the key's access level is a 401). */
    static final String HINT_401 = " (hint: Carbon Black answers 401, not 403, both for a wrong API ID or secret key and"
            + " for a key whose access level does not cover the call)";
    /** The 403 hint: the key was accepted, the org or the caller's address was not. */
    static final String HINT_403 = " (hint: 403 means Carbon Black accepted the API key but not this request: check that"
            + " orgKey(...) is the org key of the key's own org (Settings > API Keys), and whether the key is restricted"
            + " to certain IP addresses)";

    /**
     * The Custom-key permission and operation each call needs: the document's access-level example ties
     * {@code livequery.manage} and {@code threathunter.feeds} to creating and reading runs and feeds; updating
     * and deleting follow the same Create/Read/Update/Delete operations of each permission.
     */
    private static final Map<String, String[]> PERMISSIONS = Map.ofEntries(
            Map.entry("CreateRun", new String[] {"livequery.manage", "Create"}),
            Map.entry("GetRun", new String[] {"livequery.manage", "Read"}),
            Map.entry("SearchRuns", new String[] {"livequery.manage", "Read"}),
            Map.entry("SearchResults", new String[] {"livequery.manage", "Read"}),
            Map.entry("ScrollResults", new String[] {"livequery.manage", "Read"}),
            Map.entry("CancelRun", new String[] {"livequery.manage", "Update"}),
            Map.entry("DeleteRun", new String[] {"livequery.manage", "Delete"}),
            Map.entry("ListFeeds", new String[] {"threathunter.feeds", "Read"}),
            Map.entry("GetFeed", new String[] {"threathunter.feeds", "Read"}),
            Map.entry("CreateFeed", new String[] {"threathunter.feeds", "Create"}),
            Map.entry("UpdateFeedInfo", new String[] {"threathunter.feeds", "Update"}),
            Map.entry("ReplaceReports", new String[] {"threathunter.feeds", "Update"}),
            Map.entry("DeleteFeed", new String[] {"threathunter.feeds", "Delete"}));

    /**
     * Names the service category of a call, the API key access levels that may make it and, where the
     * document ties it to one, the Custom permission and operation it needs.
     *
     * @param operation the operation name, for example {@code DeleteRun}
     * @param path      the path template
     * @return the explanation
     */
    static String accessHint(String operation, String path) {
        String[] permission = PERMISSIONS.get(operation);
        String custom = permission == null ? null
                : "a Custom key with the " + permission[0] + " permission and its " + permission[1] + " operation ("
                        + operation + ")";
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
            levels = custom != null ? custom : "a Custom key with the livequery.manage permission";
        } else if (path.startsWith("/threathunter")) {
            category = "CB-TH (/threathunter)";
            levels = (custom != null ? custom : "a Custom key with the threathunter.feeds permission") + ", or an API key";
        } else {
            category = "PSC (/appservices)";
            levels = "a Custom key with the appropriate permissions (device for device search)";
        }
        return "the key is missing, wrong, or its access level does not cover " + category + ", which needs " + levels;
    }
}
