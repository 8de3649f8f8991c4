package io.secopskit.stellar.model;

import io.secopskit.core.error.ValidationException;
import io.secopskit.stellar.StellarClient;
import io.secopskit.stellar.internal.StellarRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Filters, sorting and page size for listing cases ({@code GET /connect/api/v1/cases}). Build with
 * {@link #builder()}; {@link Builder#build()} rejects a page size outside 1–500, a negative start and
 * reversed time ranges, before anything is sent. Immutable.
 */
public final class CaseQuery {
    private static final String OP = "ListCases";

    private final String tenantId;
    private final int pageSize;
    private final int skip;
    private final String sort;
    private final boolean descending;
    private final Instant createdFrom;
    private final Instant createdTo;
    private final Instant modifiedFrom;
    private final Instant modifiedTo;
    private final CaseStatus status;
    private final CaseSeverity severity;
    private final List<String> tags;

    private CaseQuery(Builder b) {
        this.tenantId = b.tenantId;
        this.pageSize = StellarRules.range(OP, "pageSize", b.pageSize, 1, StellarRules.MAX_CASE_PAGE_SIZE);
        if (b.skip < 0) {
            throw new ValidationException(StellarClient.VENDOR, OP, "skip", "must not be negative (was " + b.skip + ")");
        }
        this.skip = b.skip;
        this.sort = b.sort;
        this.descending = b.descending;
        checkRange("created_at", b.createdFrom, b.createdTo);
        checkRange("modified_at", b.modifiedFrom, b.modifiedTo);
        this.createdFrom = b.createdFrom;
        this.createdTo = b.createdTo;
        this.modifiedFrom = b.modifiedFrom;
        this.modifiedTo = b.modifiedTo;
        StellarRules.known(OP, b.status, b.severity);
        this.status = b.status;
        this.severity = b.severity;
        this.tags = List.copyOf(b.tags);
    }

    private static void checkRange(String field, Instant from, Instant to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new ValidationException(StellarClient.VENDOR, OP, "FROM~" + field, "must not be after TO~" + field);
        }
    }

    /**
     * Starts a query: page size 100, first page, vendor's default order.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the tenant id filter, or null for every tenant the key can see.
     *
     * @return the tenant id filter, or null for every tenant the key can see
     */
    public String tenantId() {
        return tenantId;
    }

    /**
     * Returns the page size (1 to 500), sent as {@code limit}.
     *
     * @return the page size (1 to 500), sent as {@code limit}
     */
    public int pageSize() {
        return pageSize;
    }

    /**
     * Returns how many matching cases to skip before the first page ({@code skip}).
     *
     * @return how many matching cases to skip before the first page ({@code skip})
     */
    public int skip() {
        return skip;
    }

    /**
     * Returns the sort field, or null.
     *
     * @return the sort field, or null
     */
    public String sort() {
        return sort;
    }

    /**
     * Returns whether the order is descending.
     *
     * @return whether the order is descending
     */
    public boolean descending() {
        return descending;
    }

    /**
     * Returns the earliest creation time, or null.
     *
     * @return the earliest creation time, or null
     */
    public Instant createdFrom() {
        return createdFrom;
    }

    /**
     * Returns the latest creation time, or null.
     *
     * @return the latest creation time, or null
     */
    public Instant createdTo() {
        return createdTo;
    }

    /**
     * Returns the earliest modification time, or null.
     *
     * @return the earliest modification time, or null
     */
    public Instant modifiedFrom() {
        return modifiedFrom;
    }

    /**
     * Returns the latest modification time, or null.
     *
     * @return the latest modification time, or null
     */
    public Instant modifiedTo() {
        return modifiedTo;
    }

    /**
     * Returns the status filter, or null.
     *
     * @return the status filter, or null
     */
    public CaseStatus status() {
        return status;
    }

    /**
     * Returns the severity filter, or null.
     *
     * @return the severity filter, or null
     */
    public CaseSeverity severity() {
        return severity;
    }

    /**
     * Returns the tag filter (empty for none).
     *
     * @return the tag filter (empty for none)
     */
    public List<String> tags() {
        return tags;
    }

    /** Builds a {@link CaseQuery}. */
    public static final class Builder {
        private String tenantId;
        private int pageSize = 100;
        private int skip;
        private String sort;
        private boolean descending;
        private Instant createdFrom;
        private Instant createdTo;
        private Instant modifiedFrom;
        private Instant modifiedTo;
        private CaseStatus status;
        private CaseSeverity severity;
        private final List<String> tags = new ArrayList<>();

        private Builder() {
        }

        /**
         * Limits the cases to one tenant ({@code tenantid}).
         *
         * @param value the tenant id ({@code cust_id})
         * @return this builder
         */
        public Builder tenantId(String value) {
            this.tenantId = value;
            return this;
        }

        /**
         * Sets the page size, sent as {@code limit}: 1 to 500 (the vendor's maximum); default 100.
         *
         * @param value page size
         * @return this builder
         */
        public Builder pageSize(int value) {
            this.pageSize = value;
            return this;
        }

        /**
         * Starts after the first {@code value} matching cases ({@code skip}); to resume a list that stopped,
         * prefer {@link io.secopskit.core.paging.PagedIterable#resumeFrom(String)} with a page's continuation
         * token.
         *
         * @param value how many
         * @return this builder
         */
        public Builder skip(int value) {
            this.skip = value;
            return this;
        }

        /**
         * Sorts by a case field ({@code sort}), for example {@code score} or {@code created_at}.
         *
         * @param field the field
         * @return this builder
         */
        public Builder sort(String field) {
            this.sort = StellarRules.required(OP, "sort", field);
            return this;
        }

        /**
         * Sorts ascending ({@code order=asc}).
         *
         * @return this builder
         */
        public Builder ascending() {
            this.descending = false;
            return this;
        }

        /**
         * Sorts descending ({@code order=desc}).
         *
         * @return this builder
         */
        public Builder descending() {
            this.descending = true;
            return this;
        }

        /**
         * Keeps cases created in {@code [from, to]} ({@code FROM~created_at}, {@code TO~created_at} in epoch ms).
         *
         * @param from earliest, or null
         * @param to   latest, or null
         * @return this builder
         */
        public Builder createdBetween(Instant from, Instant to) {
            this.createdFrom = from;
            this.createdTo = to;
            return this;
        }

        /**
         * Keeps cases modified in {@code [from, to]} ({@code FROM~modified_at}, {@code TO~modified_at}).
         *
         * @param from earliest, or null
         * @param to   latest, or null
         * @return this builder
         */
        public Builder modifiedBetween(Instant from, Instant to) {
            this.modifiedFrom = from;
            this.modifiedTo = to;
            return this;
        }

        /**
         * Keeps cases with this status.
         *
         * @param value the status
         * @return this builder
         */
        public Builder status(CaseStatus value) {
            this.status = value;
            return this;
        }

        /**
         * Keeps cases with this severity.
         *
         * @param value the severity
         * @return this builder
         */
        public Builder severity(CaseSeverity value) {
            this.severity = value;
            return this;
        }

        /**
         * Keeps cases carrying this tag; may be called more than once.
         *
         * @param value the tag
         * @return this builder
         */
        public Builder tag(String value) {
            this.tags.add(StellarRules.required(OP, "tags", value));
            return this;
        }

        /**
         * Checks the rules and builds the query.
         *
         * @return the query
         * @throws ValidationException when the page size is outside 1–500, skip is negative or a range is reversed
         */
        public CaseQuery build() {
            return new CaseQuery(this);
        }
    }
}
