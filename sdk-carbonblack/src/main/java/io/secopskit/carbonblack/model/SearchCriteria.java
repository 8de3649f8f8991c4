package io.secopskit.carbonblack.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.secopskit.core.error.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The filter part of a Carbon Black {@code _search} body: a query string, field criteria, exclusions and
 * sort, plus the page size used while paging. Build with {@link #builder()}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public final class SearchCriteria {
    @JsonProperty("query")
    private final String query;
    @JsonProperty("criteria")
    private final Map<String, List<Object>> criteria;
    @JsonProperty("exclusions")
    private final Map<String, List<Object>> exclusions;
    @JsonProperty("sort")
    private final List<Map<String, String>> sort;
    private final transient int pageSize;

    private SearchCriteria(Builder b) {
        this.query = b.query;
        this.criteria = Map.copyOf(b.criteria);
        this.exclusions = Map.copyOf(b.exclusions);
        this.sort = List.copyOf(b.sort);
        if (b.pageSize < 1 || b.pageSize > 10_000) {
            throw new ValidationException("carbonblack", null, "rows", "must be between 1 and 10000 (was " + b.pageSize + ")");
        }
        this.pageSize = b.pageSize;
    }

    /**
     * Starts criteria matching everything, 1,000 rows per page.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns criteria matching everything, 1,000 rows per page.
     *
     * @return the criteria
     */
    public static SearchCriteria all() {
        return builder().build();
    }

    /** Returns the page size. */
    public int pageSize() {
        return pageSize;
    }

    /** Returns the query string, or null. */
    public String query() {
        return query;
    }

    /** Returns the field criteria. */
    public Map<String, List<Object>> criteria() {
        return criteria;
    }

    /** Builds {@link SearchCriteria}. */
    public static final class Builder {
        private String query;
        private final Map<String, List<Object>> criteria = new LinkedHashMap<>();
        private final Map<String, List<Object>> exclusions = new LinkedHashMap<>();
        private final List<Map<String, String>> sort = new ArrayList<>();
        private int pageSize = 1000;

        private Builder() {
        }

        /**
         * Sets the search query ({@code query}), in Carbon Black's query syntax.
         *
         * @param value the query
         * @return this builder
         */
        public Builder query(String value) {
            this.query = value;
            return this;
        }

        /**
         * Keeps rows whose field has one of the values ({@code criteria}).
         *
         * @param field  the field, for example {@code os}
         * @param values accepted values
         * @return this builder
         */
        public Builder criterion(String field, Object... values) {
            this.criteria.put(field, List.of(values));
            return this;
        }

        /**
         * Drops rows whose field has one of the values ({@code exclusions}).
         *
         * @param field  the field
         * @param values excluded values
         * @return this builder
         */
        public Builder exclusion(String field, Object... values) {
            this.exclusions.put(field, List.of(values));
            return this;
        }

        /**
         * Adds a sort field ({@code sort: [{field, order}]}).
         *
         * @param field      the field
         * @param descending whether to sort descending
         * @return this builder
         */
        public Builder sort(String field, boolean descending) {
            this.sort.add(Map.of("field", field, "order", descending ? "DESC" : "ASC"));
            return this;
        }

        /**
         * Sets the page size ({@code rows}), 1 to 10,000; default 1,000.
         *
         * @param value rows per request
         * @return this builder
         */
        public Builder pageSize(int value) {
            this.pageSize = value;
            return this;
        }

        /**
         * Builds the criteria.
         *
         * @return the criteria
         */
        public SearchCriteria build() {
            return new SearchCriteria(this);
        }
    }
}
