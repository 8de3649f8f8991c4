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
import java.util.stream.Collectors;

/**
 * Maps ServiceNow's {@code {"error":{"message","detail"},"status":"failure"}} by the documented messages
 * of the SecOps integration API first (their HTTP statuses are not documented), then by status. Internal.
 */
public final class ServiceNowErrorDecoder implements ErrorDecoder {
    /** The shared instance. */
    public static final ServiceNowErrorDecoder INSTANCE = new ServiceNowErrorDecoder();
    /** The role the integration API requires. */
    public static final String WRITE_ROLE = "sn_sec_cmn.api_write";
    private static final String MANDATORY = "Mandatory fields missing:";

    private ServiceNowErrorDecoder() {
    }

    @Override
    public SecOpsException decode(ErrorResponse response) {
        ErrorInfo info = StandardErrorDecoder.describe(response);
        JsonNode root = StandardErrorDecoder.tree(response.body());
        String message = root == null ? null : root.path("error").path("message").asText(null);
        if (message == null) {
            return ErrorMapping.forStatus(info, response.retryAfter());
        }
        if (message.startsWith(MANDATORY)) {
            List<String> missing = Arrays.stream(message.substring(MANDATORY.length()).split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toList());
            return new MandatoryFieldsMissingException(info.withVendorMessage(message
                    + " (fill them or post with ignore_mandatory_fields=true)"), missing);
        }
        return switch (message) {
            case "Insufficient access" -> new PermissionDeniedException(info.withVendorMessage(
                    "Insufficient access: the user needs the " + WRITE_ROLE + " role"));
            case "Invalid post body", "No fields supplied" -> new InvalidRequestException(info);
            case "Unable to persist record", "Unknown error" -> new ServerException(info);
            default -> ErrorMapping.forStatus(info, response.retryAfter());
        };
    }
}
