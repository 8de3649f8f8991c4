package io.secopskit.servicenow.model;

import io.secopskit.core.error.ValidationException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A record for one of the SecOps integration tables: the target table and its column values. Built by
 * the typed builders of {@link CiEnrichmentResult}, {@link ObservableEnrichmentResult} and
 * {@link ThreatLookupResult}, which name the usual columns and accept any other column with
 * {@code field(name, value)}. Immutable.
 */
public abstract class SecOpsRecord {
    private final String table;
    private final Map<String, Object> fields;

    SecOpsRecord(String table, Map<String, Object> fields) {
        this.table = table;
        if (fields.isEmpty()) {
            throw new ValidationException("servicenow", null, "fields", "a record needs at least one field (Invalid post body)");
        }
        if (fields.values().stream().allMatch(v -> v == null || v.toString().isBlank())) {
            throw new ValidationException("servicenow", null, "fields", "every field is empty (No fields supplied)");
        }
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Returns the target table name. */
    public String table() {
        return table;
    }

    /** Returns the column values, in the order they were set. */
    public Map<String, Object> fields() {
        return fields;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{table=" + table + ", columns=" + fields.keySet() + "}";
    }

    /** Shared builder state: column values in order. */
    abstract static class Builder<B extends Builder<B>> {
        final Map<String, Object> fields = new LinkedHashMap<>();

        abstract B self();

        /**
         * Sets where the data comes from ({@code source} column), for example {@code VirusTotal}.
         *
         * @param value the source name
         * @return this builder
         */
        public B source(String value) {
            return field("source", value);
        }

        /**
         * Sets the result text ({@code result} column).
         *
         * @param value the result
         * @return this builder
         */
        public B result(String value) {
            return field("result", value);
        }

        /**
         * Sets any column, including custom ones.
         *
         * @param column the column name
         * @param value  the value (text, number, boolean; null removes it)
         * @return this builder
         */
        public B field(String column, Object value) {
            Objects.requireNonNull(column, "column");
            if (!column.matches("[a-z0-9_]+")) {
                throw new ValidationException("servicenow", null, column, "column names are lowercase letters, digits and '_'");
            }
            if (value == null) {
                fields.remove(column);
            } else {
                fields.put(column, value);
            }
            return self();
        }
    }
}
