package io.secopskit.servicenow.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.InvalidRequestException;
import io.secopskit.core.error.PermissionDeniedException;
import io.secopskit.core.error.SecOpsException;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.spi.ErrorDecoder;
import io.secopskit.core.spi.ErrorMapping;
import io.secopskit.core.spi.ErrorResponse;
import io.secopskit.core.spi.StandardErrorDecoder;
import io.secopskit.servicenow.MandatoryFieldsMissingException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Maps ServiceNow's {@code {"error":{"message","detail"},"status":"failure"}}: first by the documented
 * messages of the SecOps integration API (their HTTP statuses are not documented), then by status. Adds
 * hints for the mistakes a first run makes: 401 (the instance did not accept the credentials) against
 * 403 (it accepted them, but an ACL or role refused the operation), an HTML page instead of JSON (a
 * hibernating instance or a login page), a list cancelled for running too long. Hints never quote the
 * request. Internal.
 */
public final class ServiceNowErrorDecoder implements ErrorDecoder {
    /** The shared instance. */
    public static final ServiceNowErrorDecoder INSTANCE = new ServiceNowErrorDecoder();
    /** The role the integration API requires. */
    public static final String WRITE_ROLE = "sn_sec_cmn.api_write";
    /** Hint for 401. */
    static final String HINT_401 = " (hint: 401 means the instance did not authenticate the caller — wrong user"
            + " name or password, a locked-out user, or an OAuth token the instance no longer accepts; 403 would"
            + " mean the credentials were accepted and an ACL or role refused the operation)";
    /** Hint for 403. */
    static final String HINT_403 = " (hint: 403 means the instance accepted the credentials but an ACL, a role,"
            + " a business rule or a data policy refused this operation: check the user's roles and the table's"
            + " ACLs; a wrong password would give 401)";
    /** Hint for a list cancelled by the instance's transaction quota. */
    static final String HINT_TOO_SLOW = " (hint: the instance cancelled the transaction for running too long;"
            + " lower TableQuery.pageSize or narrow the query)";
    /** Hint for an HTML error page with a 5xx status. */
    static final String HTML_5XX = "; an HTML error page comes from the instance's front end or a proxy in front of"
            + " it: the instance may be unavailable, hibernating or being upgraded";
    private static final String MANDATORY = "Mandatory fields missing:";

    private ServiceNowErrorDecoder() {
    }

    @Override
    public SecOpsException decode(ErrorResponse response) {
        ErrorInfo info = StandardErrorDecoder.describe(response);
        JsonNode root = isHtml(response) ? null : StandardErrorDecoder.tree(response.body());
        JsonNode error = root == null ? null : root.get("error");
        String message = error != null && error.isObject() && error.path("message").isTextual()
                ? error.get("message").asText() : null;
        if (message != null) {
            if (message.startsWith(MANDATORY)) {
                List<String> missing = Arrays.stream(message.substring(MANDATORY.length()).split(","))
                        .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toList());
                return new MandatoryFieldsMissingException(info.withVendorMessage(message
                        + " (fill them or post with ignore_mandatory_fields=true)"), missing);
            }
            switch (message) {
                case "Insufficient access":
                    return new PermissionDeniedException(info.withVendorMessage(
                            "Insufficient access: the user needs the " + WRITE_ROLE + " role"));
                case "Invalid post body", "No fields supplied":
                    return new InvalidRequestException(info);
                case "Unable to persist record", "Unknown error":
                    return new ServerException(info);
                default:
                    break;
            }
        }
        return ErrorMapping.forStatus(info.withVendorMessage(withHint(info, response)), response.retryAfter());
    }

    private static boolean isHtml(ErrorResponse response) {
        return response.contentType() != null && response.contentType().toLowerCase(Locale.ROOT).contains("html");
    }

    private static String withHint(ErrorInfo info, ErrorResponse response) {
        String text = info.vendorMessage() == null ? "" : info.vendorMessage();
        if (isHtml(response)) {
            // the page's own text is not quoted: it is neither an error message nor safe to show
            boolean hibernating = response.body().toLowerCase(Locale.ROOT).contains("hibernat");
            String hint = hibernating ? Responses.HIBERNATING : response.status() >= 500 ? HTML_5XX : Responses.HTML_PAGE;
            return "HTTP " + response.status() + " with an HTML page instead of ServiceNow's JSON" + hint;
        }
        if (text.toLowerCase(Locale.ROOT).contains("maximum execution time")) {
            return text + HINT_TOO_SLOW;
        }
        return switch (response.status()) {
            case 401 -> text + HINT_401;
            case 403 -> text + HINT_403;
            default -> info.vendorMessage();
        };
    }
}
