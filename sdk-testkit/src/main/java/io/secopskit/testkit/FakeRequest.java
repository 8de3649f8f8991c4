package io.secopskit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request a fake received: method, decoded path, path variables of the matched route, query, headers
 * (names in lower case) and body. Immutable.
 */
public final class FakeRequest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String method;
    private final String path;
    private final Map<String, List<String>> query;
    private final Map<String, List<String>> headers;
    private final String body;
    private final Map<String, String> pathVariables;

    FakeRequest(String method, String path, Map<String, List<String>> query, Map<String, List<String>> headers,
                String body, Map<String, String> pathVariables) {
        this.method = method;
        this.path = path;
        this.query = Collections.unmodifiableMap(query);
        this.headers = Collections.unmodifiableMap(headers);
        this.body = body;
        this.pathVariables = Map.copyOf(pathVariables);
    }

    FakeRequest withPathVariables(Map<String, String> vars) {
        return new FakeRequest(method, path, query, headers, body, vars);
    }

    /** Returns the HTTP method. */
    public String method() {
        return method;
    }

    /** Returns the path as sent (percent-encoded), without the query. */
    public String path() {
        return path;
    }

    /** Returns all query parameters, in order. */
    public Map<String, List<String>> query() {
        return query;
    }

    /**
     * Returns the first value of a query parameter.
     *
     * @param name parameter name
     * @return the value, or null
     */
    public String queryParam(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** Returns all headers, names in lower case. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * Returns the first value of a header.
     *
     * @param name header name, any case
     * @return the value, or null
     */
    public String header(String name) {
        List<String> v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** Returns the body as UTF-8 text (empty when none). */
    public String body() {
        return body;
    }

    /**
     * Parses the body as JSON.
     *
     * @return the JSON tree (a missing node when the body is empty)
     */
    public JsonNode json() {
        if (body.isEmpty()) {
            return MAPPER.missingNode();
        }
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses an {@code application/x-www-form-urlencoded} body.
     *
     * @return the fields, in order
     */
    public Map<String, String> form() {
        Map<String, String> form = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(k, v);
        }
        return form;
    }

    /**
     * Returns a path variable of the matched route.
     *
     * @param name the variable name in the route pattern
     * @return the decoded value, or null
     */
    public String pathVariable(String name) {
        return pathVariables.get(name);
    }

    @Override
    public String toString() {
        return method + " " + path + (query.isEmpty() ? "" : " " + query);
    }
}
