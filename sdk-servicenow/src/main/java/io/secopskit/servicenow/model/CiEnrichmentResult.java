package io.secopskit.servicenow.model;

import java.util.Map;

/**
 * A row for the {@code sn_sec_cmn_ci_enrichment_result} table, written with the SecOps integration API. The typed setters use the
 * columns {@code ci}, {@code source} and {@code result}; these column names are this SDK's assumption (the
 * table definition is not public), so set any other or differently named column with {@code field(...)}.
 */
public final class CiEnrichmentResult extends SecOpsRecord {
    /** The target table. */
    public static final String TABLE = "sn_sec_cmn_ci_enrichment_result";

    private CiEnrichmentResult(Map<String, Object> fields) {
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

    /** Builds a {@link CiEnrichmentResult}. */
    public static final class Builder extends SecOpsRecord.Builder<Builder> {
        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * Sets the configuration item the enrichment is about ({@code ci}).
         *
         * @param sysId the referenced record's {@code sys_id}
         * @return this builder
         */
        public Builder ci(String sysId) {
            return field("ci", sysId);
        }

        /**
         * Builds the record.
         *
         * @return the record
         * @throws io.secopskit.core.error.ValidationException when no field, or only empty fields, were set
         */
        public CiEnrichmentResult build() {
            return new CiEnrichmentResult(fields);
        }
    }
}
