package io.secopskit.core.spi;

import io.secopskit.core.Beta;
import io.secopskit.core.http.Operation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One call of an {@link Operation}: path parameters, query, extra headers and body. Every value is checked
 * by {@link Inputs} as it is added, so a caller's id can never change the request's target (no dot
 * segments, no control characters, no CR/LF in headers) and a refusal happens before anything is sent.
 * Immutable once built.
 */
@Beta
public final class ApiRequest {
    private final Operation operation;
    private final Map<String, String> pathParams;
    private final List<Map.Entry<String, String>> query;
    private final Map<String, String> headers;
    private final Object jsonBody;
    private final Map<String, String> formBody;
    private final String absoluteUrl;

    private ApiRequest(Builder b) {
        this.operation = b.operation;
        // the builder is used once and not kept, so its collections are handed over instead of copied
        this.pathParams = Collections.unmodifiableMap(b.pathParams);
        this.query = Collections.unmodifiableList(b.query);
        this.headers = Collections.unmodifiableMap(b.headers);
        this.jsonBody = b.jsonBody;
        this.formBody = b.formBody == null ? null : Map.copyOf(b.formBody);
        this.absoluteUrl = b.absoluteUrl;
    }

    /**
     * Starts a request for an operation.
     *
     * @param operation the operation
     * @return a builder
     */
    public static Builder of(Operation operation) {
        return new Builder(Objects.requireNonNull(operation, "operation"));
    }

    /** Returns the operation. */
    public Operation operation() {
        return operation;
    }

    /** Returns the path parameters by placeholder name. */
    public Map<String, String> pathParams() {
        return pathParams;
    }

    /** Returns the query parameters in order. */
    public List<Map.Entry<String, String>> query() {
        return query;
    }

    /** Returns the extra headers. */
    public Map<String, String> headers() {
        return headers;
    }

    /** Returns the JSON body object, or null. */
    public Object jsonBody() {
        return jsonBody;
    }

    /** Returns the form fields, or null. */
    public Map<String, String> formBody() {
        return formBody;
    }

    /** Returns the absolute URL given by the vendor (a paging link), or null. */
    public String absoluteUrl() {
        return absoluteUrl;
    }

    /** Builds an {@link ApiRequest}. */
    public static final class Builder {
        private final Operation operation;
        private final Map<String, String> pathParams = new LinkedHashMap<>();
        private final List<Map.Entry<String, String>> query = new ArrayList<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Object jsonBody;
        private Map<String, String> formBody;
        private String absoluteUrl;

        private Builder(Operation operation) {
            this.operation = operation;
        }

        /**
         * Sets a path parameter; the value is encoded as one path segment.
         *
         * @param name  placeholder name in the template (also the field named in a refusal)
         * @param value the value: not empty, not {@code .} or {@code ..}, no control characters, at most
         *              {@value Inputs#MAX_ID_LENGTH} characters
         * @return this builder
         * @throws io.secopskit.core.error.ValidationException if the value breaks a rule
         */
        public Builder path(String name, String value) {
            pathParams.put(name, Inputs.requireId(operation.vendor(), operation.name(), name, value));
            return this;
        }

        /**
         * Adds a query parameter; a null value is skipped.
         *
         * @param name  the name
         * @param value the value, or null; no control characters
         * @return this builder
         * @throws io.secopskit.core.error.ValidationException if the value breaks a rule
         */
        public Builder query(String name, Object value) {
            if (value != null) {
                String text = String.valueOf(value);
                query.add(Map.entry(name, Inputs.requireValue(operation.vendor(), operation.name(), name, text)));
            }
            return this;
        }

        /**
         * Adds one query parameter per value.
         *
         * @param name   the name
         * @param values the values, or null
         * @return this builder
         */
        public Builder queryAll(String name, Collection<?> values) {
            if (values != null) {
                values.forEach(v -> query(name, v));
            }
            return this;
        }

        /**
         * Sets a request header (never a credential: those come from the auth strategy).
         *
         * @param name  the name
         * @param value the value; no CR, LF or other control characters
         * @return this builder
         * @throws io.secopskit.core.error.ValidationException if the value breaks a rule
         */
        public Builder header(String name, String value) {
            headers.put(name, Inputs.requireValue(operation.vendor(), operation.name(), name,
                    Objects.requireNonNull(value, name)));
            return this;
        }

        /**
         * Sets a JSON body, serialised with the shared mapper.
         *
         * @param body the body object
         * @return this builder
         */
        public Builder json(Object body) {
            this.jsonBody = body;
            return this;
        }

        /**
         * Sets a form body.
         *
         * @param form the fields
         * @return this builder
         */
        public Builder form(Map<String, String> form) {
            this.formBody = form;
            return this;
        }

        /**
         * Sends to an absolute URL given by the vendor (a {@code Link: rel="next"} URL) instead of the
         * path template. It must have the same scheme, host and port as the client's host.
         *
         * @param url the URL
         * @return this builder
         */
        public Builder absoluteUrl(String url) {
            this.absoluteUrl = url;
            return this;
        }

        /**
         * Builds the request. Missing path parameters are reported when the URL is resolved.
         *
         * @return the request
         */
        public ApiRequest build() {
            return new ApiRequest(this);
        }
    }

    /** Never shows header values, query values or bodies. */
    @Override
    public String toString() {
        return "ApiRequest{" + operation.qualifiedName() + ", path=" + pathParams.keySet() + "}";
    }
}
