package io.secopskit.carbonblack.model;

/**
 * A search of Live Query run history ({@code POST /livequery/v1/orgs/{org}/runs/_search}): query string,
 * criteria (for example {@code status}, {@code template_id}), sort and page size. Build with
 * {@link #builder()}; {@link #all()} matches every run. Immutable.
 */
public final class RunQuery extends SearchCriteria {
    private RunQuery(Builder b) {
        super(b);
    }

    /**
     * Starts a query matching every run, {@value SearchCriteria#DEFAULT_PAGE_SIZE} rows per page.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a query matching every run, {@value SearchCriteria#DEFAULT_PAGE_SIZE} rows per page.
     *
     * @return the query
     */
    public static RunQuery all() {
        return builder().build();
    }

    /** Builds a {@link RunQuery}. */
    public static final class Builder extends SearchCriteria.Builder<Builder, RunQuery> {
        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * Builds the query.
         *
         * @return the query
         * @throws io.secopskit.core.error.ValidationException if the page size is out of range
         */
        @Override
        public RunQuery build() {
            return new RunQuery(this);
        }
    }
}
