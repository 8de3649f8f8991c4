package io.secopskit.chronicle.tenants;

import io.secopskit.chronicle.internal.Rules;
import io.secopskit.core.Beta;
import io.secopskit.core.error.ValidationException;

/**
 * What {@code tenants.list} pages through: the page size (Google documents no filter). Immutable.
 *
 * <pre>{@code
 * service.tenants().list(TenantQuery.builder().pageSize(50).build())
 * }</pre>
 *
 * @param pageSize tenants per page, 1 to {@value TenantServiceClient#MAX_PAGE_SIZE}
 */
@Beta
public record TenantQuery(int pageSize) {
    /**
     * Checks the page size.
     *
     * @throws ValidationException when the page size is outside 1 to {@value TenantServiceClient#MAX_PAGE_SIZE}
     *
     * @param pageSize tenants per page, 1 to {@value TenantServiceClient#MAX_PAGE_SIZE}
     */
    public TenantQuery {
        if (pageSize < 1 || pageSize > TenantServiceClient.MAX_PAGE_SIZE) {
            throw new ValidationException(Rules.VENDOR, "ListTenants", "pageSize",
                    "must be between 1 and " + TenantServiceClient.MAX_PAGE_SIZE + " (was " + pageSize + ")");
        }
    }

    /**
     * Returns the default query: {@value TenantServiceClient#MAX_PAGE_SIZE} tenants per page, the documented maximum.
     *
     * @return the query
     */
    public static TenantQuery defaults() {
        return new TenantQuery(TenantServiceClient.MAX_PAGE_SIZE);
    }

    /**
     * Starts a builder (page size {@value TenantServiceClient#MAX_PAGE_SIZE} unless set).
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link TenantQuery}. */
    public static final class Builder {
        private int pageSize = TenantServiceClient.MAX_PAGE_SIZE;

        private Builder() {
        }

        /**
         * Sets the page size.
         *
         * @param value tenants per page, 1 to {@value TenantServiceClient#MAX_PAGE_SIZE}
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
         * @throws ValidationException when the page size is out of range
         */
        public TenantQuery build() {
            return new TenantQuery(pageSize);
        }
    }
}
