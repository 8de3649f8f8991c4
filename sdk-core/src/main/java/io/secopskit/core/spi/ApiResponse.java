package io.secopskit.core.spi;

import com.fasterxml.jackson.databind.JsonNode;
import io.secopskit.core.Beta;
import io.secopskit.core.http.Operation;
import io.secopskit.core.internal.http.ResponseReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A successful (2xx) answer whose body has been read (within the client's size limit), for operations
 * that need the status, headers or raw body. Reading its body as JSON goes through the same checks as
 * {@link VendorPipeline#call}: an empty, {@code null} or unreadable body is a typed
 * {@link io.secopskit.core.error.ServerException}, never a raw Jackson or null-pointer failure.
 */
@Beta
public final class ApiResponse {
    private final Operation operation;
    private final String host;
    private final int status;
    private final Map<String, List<String>> headers;
    private final String contentType;
    private final String requestId;
    private final byte[] body;

    /**
     * Creates a read answer. Built by the pipeline.
     *
     * @param operation   the operation
     * @param host        the host that answered
     * @param status      the HTTP status
     * @param headers     header names (lower case) to values
     * @param requestId   the vendor's request id, or null
     * @param body        the body bytes
     */
    public ApiResponse(Operation operation, String host, int status, Map<String, List<String>> headers,
                       String requestId, byte[] body) {
        this.operation = operation;
        this.host = host;
        this.status = status;
        this.headers = Collections.unmodifiableMap(headers);
        List<String> type = headers.get("content-type");
        this.contentType = type == null || type.isEmpty() ? null : type.get(0);
        this.requestId = requestId;
        this.body = body;
    }

    /** Returns the operation. */
    public Operation operation() {
        return operation;
    }

    /** Returns the host that answered. */
    public String host() {
        return host;
    }

    /** Returns the HTTP status. */
    public int status() {
        return status;
    }

    /**
     * Returns the first value of a header.
     *
     * @param name header name, any case
     * @return the value, or null
     */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Returns the vendor's request id, or null. */
    public String requestId() {
        return requestId;
    }

    /** Returns the body bytes (not a copy: do not change them). */
    public byte[] body() {
        return body;
    }

    /** Returns the body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * Parses the body as a JSON tree.
     *
     * @return the root node, never null and never a JSON {@code null}
     * @throws io.secopskit.core.error.ServerException if the body is empty, {@code null}, not JSON, or of
     *                                                 a non-JSON content type
     */
    public JsonNode json() {
        return ResponseReader.tree(operation, host, status, contentType, requestId, body);
    }

    /**
     * Reads a JSON node into a type.
     *
     * @param node the node (for example a field of {@link #json()})
     * @param type the target type
     * @param <T>  the type
     * @return the value
     * @throws io.secopskit.core.error.ServerException if the node cannot be read as {@code type}
     */
    public <T> T read(JsonNode node, Class<T> type) {
        return ResponseReader.convert(operation, host, status, requestId, node, type);
    }

    /**
     * Returns a field that the answer must carry.
     *
     * @param parent the object holding it
     * @param field  the field name
     * @return the field's node, never missing and never JSON {@code null}
     * @throws io.secopskit.core.error.ServerException (code {@code MISSING_FIELD}) if it is absent or null
     */
    public JsonNode requireField(JsonNode parent, String field) {
        JsonNode value = parent == null ? null : parent.get(field);
        if (value == null || value.isNull() || value.isMissingNode()) {
            throw ResponseReader.missingField(operation, host, status, requestId, field);
        }
        return value;
    }

    @Override
    public String toString() {
        return "ApiResponse{" + operation.qualifiedName() + ", status=" + status + ", bytes=" + body.length + "}";
    }
}
