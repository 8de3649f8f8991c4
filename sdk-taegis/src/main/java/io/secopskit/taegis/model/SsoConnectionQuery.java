package io.secopskit.taegis.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.List;

/**
 * Filters for the SSO connections of a tenant ({@code SSOConnections(connectionQuery:)}, schema input
 * {@code TenantSSOConnectionQueryInput}; not in the vendor document). {@link #all()} lists every connection.
 * The API answers with one list, without paging. Only the fields set are sent.
 *
 * @param withConnectionId   one connection id ({@code withConnectionID})
 * @param withDomain         connections of an e-mail domain ({@code withDomain})
 * @param includeExpired     include connections whose certificate expired ({@code includeExpired})
 * @param includeAllTenants  include other tenants' connections the caller may read ({@code includeAllTenants})
 * @param withTenantHierarchy connections of these tenants' hierarchies ({@code withTenantHierarchy})
 * @param withStatus         only these statuses ({@code withStatus})
 * @param excludeStatus      not these statuses ({@code excludeStatus})
 */
public record SsoConnectionQuery(
        @JsonProperty("withConnectionID") String withConnectionId,
        @JsonProperty("withDomain") String withDomain,
        @JsonProperty("includeExpired") Boolean includeExpired,
        @JsonProperty("includeAllTenants") Boolean includeAllTenants,
        @JsonProperty("withTenantHierarchy") List<String> withTenantHierarchy,
        @JsonProperty("withStatus") List<SsoConnectionStatus> withStatus,
        @JsonProperty("excludeStatus") List<SsoConnectionStatus> excludeStatus) {

    private static final SsoConnectionQuery ALL = new SsoConnectionQuery(null, null, null, null, null, null, null);

    /**
     * Copies the lists.
     *
     * @param withConnectionId    one connection id
     * @param withDomain          connections of an e-mail domain
     * @param includeExpired      include expired connections
     * @param includeAllTenants   include other tenants' connections
     * @param withTenantHierarchy connections of these tenants' hierarchies
     * @param withStatus          only these statuses
     * @param excludeStatus       not these statuses
     * @throws io.secopskit.core.error.ValidationException if a list holds null
     */
    public SsoConnectionQuery {
        withTenantHierarchy = Copies.request(withTenantHierarchy, "connectionQuery.withTenantHierarchy");
        withStatus = Copies.request(withStatus, "connectionQuery.withStatus");
        excludeStatus = Copies.request(excludeStatus, "connectionQuery.excludeStatus");
    }

    /**
     * No filter: every connection of the tenant.
     *
     * @return the query
     */
    public static SsoConnectionQuery all() {
        return ALL;
    }

    /**
     * Starts a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link SsoConnectionQuery}. */
    public static final class Builder {
        private String withConnectionId;
        private String withDomain;
        private Boolean includeExpired;
        private Boolean includeAllTenants;
        private List<String> withTenantHierarchy;
        private List<SsoConnectionStatus> withStatus;
        private List<SsoConnectionStatus> excludeStatus;

        private Builder() {
        }

        /**
         * Only one connection.
         *
         * @param value the connection id
         * @return this builder
         */
        public Builder withConnectionId(String value) {
            this.withConnectionId = value;
            return this;
        }

        /**
         * Only connections of an e-mail domain.
         *
         * @param value the domain
         * @return this builder
         */
        public Builder withDomain(String value) {
            this.withDomain = value;
            return this;
        }

        /**
         * Includes connections whose certificate expired.
         *
         * @param value whether to include them
         * @return this builder
         */
        public Builder includeExpired(Boolean value) {
            this.includeExpired = value;
            return this;
        }

        /**
         * Includes other tenants' connections the caller may read.
         *
         * @param value whether to include them
         * @return this builder
         */
        public Builder includeAllTenants(Boolean value) {
            this.includeAllTenants = value;
            return this;
        }

        /**
         * Only connections of these tenants' hierarchies.
         *
         * @param values tenant ids
         * @return this builder
         */
        public Builder withTenantHierarchy(String... values) {
            this.withTenantHierarchy = Arrays.asList(values);
            return this;
        }

        /**
         * Only these statuses.
         *
         * @param values statuses
         * @return this builder
         */
        public Builder withStatus(SsoConnectionStatus... values) {
            this.withStatus = Arrays.asList(values);
            return this;
        }

        /**
         * Not these statuses.
         *
         * @param values statuses
         * @return this builder
         */
        public Builder excludeStatus(SsoConnectionStatus... values) {
            this.excludeStatus = Arrays.asList(values);
            return this;
        }

        /**
         * Builds the query.
         *
         * @return the query
         * @throws io.secopskit.core.error.ValidationException if a list holds null
         */
        public SsoConnectionQuery build() {
            return new SsoConnectionQuery(withConnectionId, withDomain, includeExpired, includeAllTenants,
                    withTenantHierarchy, withStatus, excludeStatus);
        }
    }
}
