package io.secopskit.servicenow.model;

import java.util.Map;
import java.util.Optional;

/**
 * The answer to a SecOps integration post, read the same way whatever {@link WriteOptions} asked for:
 * plain (the persisted record), wrapped in {@code result}, or simple ({@code success} only).
 *
 * @param success whether ServiceNow persisted the record
 * @param sysId   the new record's {@code sys_id}, when the answer carries it
 * @param fields  the persisted record's columns as returned (empty for simple answers)
 */
public record WriteResult(boolean success, String sysId, Map<String, Object> fields) {
    /** Copies the fields. */
    public WriteResult {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    /** Returns the {@code sys_id}, when the answer carries it (not for simple answers). */
    public Optional<String> sysIdIfPresent() {
        return Optional.ofNullable(sysId);
    }
}
