package io.secopskit.carbonblack.model;

import io.secopskit.carbonblack.CarbonBlackClient;
import io.secopskit.core.error.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What every Carbon Black {@code _search} query has: a query string ({@code query}), field criteria
 * ({@code criteria}), a sort ({@code sort}) and the page size ({@code rows}) used while paging. The
 * concrete queries are {@link RunQuery} (run history), {@link RunResultQuery} (a run's results) and
 * {@link DeviceQuery} (devices, which also take exclusions). Immutable; {@code toString()} never shows the
 * query text or criteria values (they may name hosts or users).
 */
public abstract sealed class SearchCriteria permits RunQuery, RunResultQuery, DeviceQuery {
    /** The most rows one {@code _search} or {@code _scroll} request may ask for. */
    public static final int MAX_PAGE_SIZE = 10_000;
    /** The page size when none is set. */
    public static final int DEFAULT_PAGE_SIZE = 1_000;

    private final String query;
    private final Map<String, List<Object>> criteria;
    private final List<Map<String, String>> sort;
    private final int pageSize;

    SearchCriteria(Builder<?, ?> b) {
        if (b.pageSize < 1 || b.pageSize > MAX_PAGE_SIZE) {
            throw new ValidationException(CarbonBlackClient.VENDOR, null, "pageSize",
                    "must be between 1 and " + MAX_PAGE_SIZE + " (was " + b.pageSize + ")");
        }
        this.query = b.query;
        this.criteria = Collections.unmodifiableMap(new LinkedHashMap<>(b.criteria));
        this.sort = List.copyOf(b.sort);
        this.pageSize = b.pageSize;
    }

    /**
     * Returns the query string, or null.
     *
     * @return the query in Carbon Black's syntax ({@code field:value}, {@code AND}, {@code OR})
     */
    public String query() {
        return query;
    }

    /**
     * Returns the field criteria, in the order given.
     *
     * @return field name to accepted values
     */
    public Map<String, List<Object>> criteria() {
        return criteria;
    }

    /**
     * Returns the sort, as sent ({@code [{"field":…,"order":"ASC"|"DESC"}]}).
     *
     * @return the sort fields in order
     */
    public List<Map<String, String>> sort() {
        return sort;
    }

    /**
     * Returns the page size: the {@code rows} of each request.
     *
     * @return 1 to {@value #MAX_PAGE_SIZE}
     */
    public int pageSize() {
        return pageSize;
    }

    /**
     * Returns the exclusions ({@code exclusions}); only {@link DeviceQuery} has any.
     *
     * @return field name to excluded values
     */
    public Map<String, List<Object>> exclusions() {
        return Map.of();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{query=" + (query == null ? "none" : "(" + query.length() + " characters)")
                + ", criteria=" + criteria.keySet() + ", exclusions=" + exclusions().keySet() + ", sort=" + sort.size()
                + " field(s), pageSize=" + pageSize + "}";
    }

    /**
     * The builder every query shares.
     *
     * @param <B> the concrete builder
     * @param <Q> the query it builds
     */
    public abstract static sealed class Builder<B extends Builder<B, Q>, Q extends SearchCriteria>
            permits RunQuery.Builder, RunResultQuery.Builder, DeviceQuery.Builder {
        private String query;
        private final Map<String, List<Object>> criteria = new LinkedHashMap<>();
        private final List<Map<String, String>> sort = new ArrayList<>();
        private int pageSize = DEFAULT_PAGE_SIZE;

        Builder() {
        }

        abstract B self();

        /**
         * Sets the query string ({@code query}) in Carbon Black's syntax, for example
         * {@code os:WINDOWS AND name:web*}; null or blank for none.
         *
         * @param value the query
         * @return this builder
         */
        public B query(String value) {
            this.query = value == null || value.isBlank() ? null : value;
            return self();
        }

        /**
         * Keeps rows whose field has one of the values ({@code criteria}); dotted names address nested
         * fields, for example {@code device.os}. Setting a field again replaces its values.
         *
         * @param field  the field, for example {@code status}
         * @param values accepted values (at least one, none null)
         * @return this builder
         * @throws ValidationException if the field is blank or no value is given
         */
        public B criterion(String field, Object... values) {
            criteria.put(field("criteria", field), values("criteria", field, values));
            return self();
        }

        /**
         * Adds a sort field ({@code sort: [{field, order}]}).
         *
         * @param field      the field
         * @param descending whether to sort descending
         * @return this builder
         * @throws ValidationException if the field is blank
         */
        public B sort(String field, boolean descending) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("field", field("sort", field));
            entry.put("order", descending ? "DESC" : "ASC");
            sort.add(Collections.unmodifiableMap(entry));
            return self();
        }

        /**
         * Sets the page size ({@code rows} of each request), 1 to {@value #MAX_PAGE_SIZE}; default
         * {@value #DEFAULT_PAGE_SIZE}. Checked when the query is built.
         *
         * @param value rows per request
         * @return this builder
         */
        public B pageSize(int value) {
            this.pageSize = value;
            return self();
        }

        /**
         * Builds the query.
         *
         * @return the query
         * @throws ValidationException if the page size is out of range
         */
        public abstract Q build();

        static String field(String where, String field) {
            if (field == null || field.isBlank()) {
                throw new ValidationException(CarbonBlackClient.VENDOR, null, where, "field names must not be blank");
            }
            return field;
        }

        static List<Object> values(String where, String field, Object[] values) {
            Objects.requireNonNull(values, "values");
            if (values.length == 0 || java.util.Arrays.stream(values).anyMatch(Objects::isNull)) {
                throw new ValidationException(CarbonBlackClient.VENDOR, null, where + "." + field,
                        "needs at least one value and no null values");
            }
            return List.of(values);
        }
    }
}
