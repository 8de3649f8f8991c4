package io.secopskit.servicenow.model;

import java.util.Map;

/**
 * A row for the {@code sn_ti_lookup_result} table, written with the SecOps integration API. The typed setters use the
 * columns {@code observable}, {@code source} and {@code result}; these column names are this SDK's assumption (the
 * table definition is not public), so set any other or differently named column with {@code field(...)}.
 */
public final class ThreatLookupResult extends SecOpsRecord {
    /** The target table. */
    public static final String TABLE = "sn_ti_lookup_result";

    private ThreatLookupResult(Map<String, Object> fields) {
        super(TABLE, fields);
    }

    /**
     * Starts a record.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ThreatLookupResult}. */
    public static final class Builder extends SecOpsRecord.Builder<Builder> {
        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * Sets the observable that was looked up ({@code observable}).
         *
         * @param sysId the referenced record's {@code sys_id}
         * @return this builder
         */
        public Builder observable(String sysId) {
            return field("observable", sysId);
        }

        /**
         * Builds the record.
         *
         * @return the record
         * @throws io.secopskit.core.error.ValidationException when no field, or only empty fields, were set
         */
        public ThreatLookupResult build() {
            return new ThreatLookupResult(fields);
        }
    }
}
