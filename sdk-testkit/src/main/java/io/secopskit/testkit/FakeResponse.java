package io.secopskit.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** An answer a fake sends: status, headers, body, and optionally a delay or a dropped connection. Immutable. */
public final class FakeResponse {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final int status;
    private final Map<String, String> headers;
    private final String body;
    private final Duration delay;
    private final boolean drop;

    private FakeResponse(int status, Map<String, String> headers, String body, Duration delay, boolean drop) {
        this.status = status;
        this.headers = Map.copyOf(headers);
        this.body = body;
        this.delay = delay;
        this.drop = drop;
    }

    /**
     * A JSON answer.
     *
     * @param status HTTP status
     * @param body   a JSON string, or any object Jackson can write
     * @return the response
     */
    public static FakeResponse json(int status, Object body) {
        String text;
        if (body instanceof String s) {
            text = s;
        } else {
            try {
                text = MAPPER.writeValueAsString(body);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("body is not serialisable", e);
            }
        }
        return new FakeResponse(status, Map.of("Content-Type", "application/json"), text, Duration.ZERO, false);
    }

    /**
     * An answer with a body of any type.
     *
     * @param status      HTTP status
     * @param contentType media type
     * @param body        body text
     * @return the response
     */
    public static FakeResponse text(int status, String contentType, String body) {
        return new FakeResponse(status, Map.of("Content-Type", contentType), body, Duration.ZERO, false);
    }

    /**
     * An answer without a body.
     *
     * @param status HTTP status
     * @return the response
     */
    public static FakeResponse empty(int status) {
        return new FakeResponse(status, Map.of(), "", Duration.ZERO, false);
    }

    /**
     * Closes the connection without answering.
     *
     * @return the response
     */
    public static FakeResponse dropConnection() {
        return new FakeResponse(0, Map.of(), "", Duration.ZERO, true);
    }

    /**
     * Returns a copy with one more header.
     *
     * @param name  header name
     * @param value header value
     * @return the copy
     */
    public FakeResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new FakeResponse(status, h, body, delay, drop);
    }

    /**
     * Returns a copy that waits before sending its headers (real time: keep it short).
     *
     * @param value the delay
     * @return the copy
     */
    public FakeResponse withDelay(Duration value) {
        return new FakeResponse(status, headers, body, value, drop);
    }

    /** Returns the HTTP status (0 for a dropped connection). */
    public int status() {
        return status;
    }

    /** Returns the headers. */
    public Map<String, String> headers() {
        return headers;
    }

    /** Returns the body. */
    public String body() {
        return body;
    }

    /** Returns the delay before the headers. */
    public Duration delay() {
        return delay;
    }

    /** Returns whether the connection is dropped instead of answering. */
    public boolean drops() {
        return drop;
    }
}
