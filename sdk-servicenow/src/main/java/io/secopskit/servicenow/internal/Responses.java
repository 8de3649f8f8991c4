package io.secopskit.servicenow.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.spi.ApiRequest;
import io.secopskit.core.spi.ApiResponse;
import io.secopskit.core.spi.VendorPipeline;
import java.io.IOException;
import java.util.Locale;

/**
 * Reads ServiceNow answers, turning an HTML page with status 200 (a hibernating developer instance, or a
 * login page) into a clear error instead of a parse failure or a silent success. Internal.
 */
public final class Responses {
    /** Vendor id. */
    public static final String VENDOR = "servicenow";

    private Responses() {
    }

    /**
     * Sends a request and returns the answer, insisting on JSON when there is a body.
     *
     * @param pipeline the pipeline
     * @param request  the request
     * @return the answer
     */
    public static ApiResponse send(VendorPipeline pipeline, ApiRequest request) {
        ApiResponse response = pipeline.execute(request);
        String type = response.header("Content-Type");
        if (response.body().length > 0 && (type == null || !type.toLowerCase(Locale.ROOT).contains("json"))) {
            throw new ServerException(new ErrorInfo(VENDOR, request.operation().name(), response.status(), "NOT_JSON",
                    "the instance answered " + type + " instead of JSON; it may be hibernating (developer instances"
                            + " sleep when idle) or behind a login page", null, false));
        }
        return response;
    }

    /**
     * Sends a request and parses the JSON answer.
     *
     * @param pipeline the pipeline
     * @param request  the request
     * @return the JSON tree (a missing node for an empty answer)
     */
    public static JsonNode json(VendorPipeline pipeline, ApiRequest request) {
        return tree(pipeline, request, send(pipeline, request));
    }

    /**
     * Parses an answer's JSON body.
     *
     * @param pipeline the pipeline
     * @param request  the request it answers
     * @param response the answer
     * @return the JSON tree (a missing node for an empty answer)
     */
    public static JsonNode tree(VendorPipeline pipeline, ApiRequest request, ApiResponse response) {
        if (response.body().length == 0) {
            return pipeline.mapper().missingNode();
        }
        try {
            return pipeline.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new ServerException(new ErrorInfo(VENDOR, request.operation().name(), response.status(),
                    "UNREADABLE_BODY", "the answer is not valid JSON", null, false), e);
        }
    }

    /**
     * Returns the {@code rel="next"} URL of a {@code Link} header.
     *
     * @param link the header value, or null
     * @return the URL, or null
     */
    public static String nextLink(String link) {
        if (link == null) {
            return null;
        }
        for (String part : link.split(",")) {
            String p = part.trim();
            int end = p.indexOf('>');
            if (p.startsWith("<") && end > 0 && p.substring(end).replace(" ", "").contains("rel=\"next\"")) {
                return p.substring(1, end);
            }
        }
        return null;
    }
}
