package io.secopskit.carbonblack.model;

/**
 * A search of one run's results ({@code POST /livequery/v1/orgs/{org}/runs/{id}/results/_search}, and
 * {@code _scroll} past the 10,000-row cap): query string, criteria (for example {@code status},
 * {@code device.os}, {@code device.policy_id}), sort and page size. Build with {@link #builder()};
 * {@link #all()} matches every row. Immutable.
 */
public final class RunResultQuery extends SearchCriteria {
    private RunResultQuery(Builder b) {
        super(b);
    }

    /**
     * Starts a query matching every row, {@value SearchCriteria#DEFAULT_PAGE_SIZE} rows per page.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a query matching every row, {@value SearchCriteria#DEFAULT_PAGE_SIZE} rows per page.
     *
     * @return the query
     */
    public static RunResultQuery all() {
        return builder().build();
    }

    /** Builds a {@link RunResultQuery}. */
    public static final class Builder extends SearchCriteria.Builder<Builder, RunResultQuery> {
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
        public RunResultQuery build() {
            return new RunResultQuery(this);
        }
    }
}
