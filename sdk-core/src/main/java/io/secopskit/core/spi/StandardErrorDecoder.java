package io.secopskit.core.spi;

import com.fasterxml.jackson.databind.JsonNode;
import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.SecOpsException;
import io.secopskit.core.internal.json.Json;
import java.io.IOException;

/**
 * Reads the common error shapes: {@code {"error":{"code","message","status"}}},
 * {@code {"error":{"message","detail"}}}, {@code {"error":"...","error_description":"..."}},
 * {@code {"message":"...","reason":"..."}}, {@code {"success":false,"message":"...","error_code":"..."}}
 * (Carbon Black); otherwise quotes the start of the body (whitespace folded, at most 300 characters).
 */
@io.secopskit.core.Beta
public final class StandardErrorDecoder implements ErrorDecoder {
    /** The shared instance. */
    public static final StandardErrorDecoder INSTANCE = new StandardErrorDecoder();

    private StandardErrorDecoder() {
    }

    @Override
    public SecOpsException decode(ErrorResponse response) {
        return ErrorMapping.forCanonicalStatus(describe(response), response.retryAfter());
    }

    /**
     * Extracts vendor code and message from the body.
     *
     * @param response the answer
     * @return error information
     */
    public static ErrorInfo describe(ErrorResponse response) {
        ErrorInfo info = response.baseInfo();
        if (isHtml(response)) {
            return info.withVendorCode(info.vendorCode()).withVendorMessage("an HTML page instead of an API answer"
                    + " (not quoted: a login, proxy, gateway or maintenance page — check the endpoint and any proxy)");
        }
        JsonNode root = tree(response.body());
        if (root == null || !root.isObject()) {
            String snippet = response.bodySnippet();
            return snippet.isEmpty() ? info : info.withVendorMessage(snippet);
        }
        String code = null;
        String message = null;
        JsonNode error = root.get("error");
        if (error != null && error.isObject()) {
            code = text(error, "status");
            message = text(error, "message");
            String detail = text(error, "detail");
            if (detail != null) {
                message = message == null ? detail : message + " (" + detail + ")";
            }
        } else if (error != null && error.isTextual()) {
            code = error.asText();
            message = text(root, "error_description");
        }
        if (code == null) {
            code = firstNonNull(text(root, "error_code"), text(root, "reason"));
        }
        if (message == null) {
            message = firstNonNull(text(root, "message"), text(root, "detail"), text(root, "error_message"));
        }
        if (code != null) {
            info = info.withVendorCode(code);
        }
        return message != null ? info.withVendorMessage(message) : info.withVendorMessage(response.bodySnippet());
    }

    /**
     * Returns whether an error answer is an HTML page (by content type, or by a body that starts with a tag).
     *
     * @param response the answer
     * @return true for HTML
     */
    public static boolean isHtml(ErrorResponse response) {
        String type = response.contentType();
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).contains("html")) {
            return true;
        }
        String body = response.body().stripLeading();
        return body.regionMatches(true, 0, "<!doctype html", 0, 14) || body.regionMatches(true, 0, "<html", 0, 5);
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isValueNode() && !v.isNull() ? v.asText() : null;
    }

    /**
     * Parses a body as JSON, or returns null.
     *
     * @param body the body
     * @return the tree, or null when not JSON
     */
    public static JsonNode tree(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
