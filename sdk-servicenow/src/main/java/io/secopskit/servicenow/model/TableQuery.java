package io.secopskit.servicenow.model;

import io.secopskit.core.error.ValidationException;
import java.util.List;

/**
 * Parameters of a Table API list ({@code GET /api/now/table/{table}}): encoded query, returned fields,
 * display values, reference links and page size. Build with {@link #builder()}.
 */
public final class TableQuery {
    /** How reference and choice fields are returned ({@code sysparm_display_value}). */
    public enum DisplayValue {
        /** Raw values ({@code false}). */
        FALSE,
        /** Display values ({@code true}). */
        TRUE,
        /** Both, as {@code {value, display_value}} ({@code all}). */
        ALL
    }

    private final String query;
    private final List<String> fields;
    private final DisplayValue displayValue;
    private final boolean excludeReferenceLink;
    private final int pageSize;

    private TableQuery(Builder b) {
        this.query = b.query;
        this.fields = List.copyOf(b.fields);
        this.displayValue = b.displayValue;
        this.excludeReferenceLink = b.excludeReferenceLink;
        if (b.pageSize < 1 || b.pageSize > 10_000) {
            throw new ValidationException("servicenow", "TableList", "sysparm_limit",
                    "must be between 1 and 10000 (was " + b.pageSize + ")");
        }
        this.pageSize = b.pageSize;
    }

    /**
     * Starts a query: everything, 100 records per page.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the encoded query, or null. */
    public String query() {
        return query;
    }

    /** Returns the columns to return (empty for all). */
    public List<String> fields() {
        return fields;
    }

    /** Returns the display value mode, or null for the instance default. */
    public DisplayValue displayValue() {
        return displayValue;
    }

    /** Returns whether reference links are left out. */
    public boolean excludeReferenceLink() {
        return excludeReferenceLink;
    }

    /** Returns the page size ({@code sysparm_limit}). */
    public int pageSize() {
        return pageSize;
    }

    /** Builds a {@link TableQuery}. */
    public static final class Builder {
        private String query;
        private List<String> fields = List.of();
        private DisplayValue displayValue;
        private boolean excludeReferenceLink;
        private int pageSize = 100;

        private Builder() {
        }

        /**
         * Sets the encoded query ({@code sysparm_query}), for example {@code active=true^priority=1}.
         *
         * @param value the encoded query
         * @return this builder
         */
        public Builder query(String value) {
            this.query = value;
            return this;
        }

        /**
         * Limits the returned columns ({@code sysparm_fields}).
         *
         * @param columns column names
         * @return this builder
         */
        public Builder fields(String... columns) {
            this.fields = List.of(columns);
            return this;
        }

        /**
         * Sets the display value mode ({@code sysparm_display_value}).
         *
         * @param value the mode
         * @return this builder
         */
        public Builder displayValue(DisplayValue value) {
            this.displayValue = value;
            return this;
        }

        /**
         * Leaves reference links out ({@code sysparm_exclude_reference_link=true}).
         *
         * @param value whether to exclude them
         * @return this builder
         */
        public Builder excludeReferenceLink(boolean value) {
            this.excludeReferenceLink = value;
            return this;
        }

        /**
         * Sets the page size ({@code sysparm_limit}), 1 to 10,000; default 100.
         *
         * @param value records per page
         * @return this builder
         */
        public Builder pageSize(int value) {
            this.pageSize = value;
            return this;
        }

        /**
         * Builds the query.
         *
         * @return the query
         */
        public TableQuery build() {
            return new TableQuery(this);
        }
    }
}
