package io.secopskit.servicenow.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The answer to a SecOps integration post, read the same way whatever {@link WriteOptions} asked for:
 * plain (the persisted record), wrapped in {@code result}, or simple ({@code success} only).
 *
 * @param success whether ServiceNow persisted the record
 * @param sysId   the new record's {@code sys_id}, when the answer carries it
 * @param fields  the persisted record's columns as returned, in the answer's order (empty for simple
 *                answers); a column the answer holds as JSON {@code null} maps to {@code null}
 */
public record WriteResult(boolean success, String sysId, Map<String, Object> fields) {
    /** Copies the fields (keeping their order and any null values) into an unmodifiable map. */
    public WriteResult {
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Returns the {@code sys_id}, when the answer carries it (not for simple answers). */
    public Optional<String> sysIdIfPresent() {
        return Optional.ofNullable(sysId);
    }
}
