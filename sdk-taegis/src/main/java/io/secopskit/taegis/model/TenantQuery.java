package io.secopskit.taegis.model;

import io.secopskit.taegis.TenantFields;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * What {@code tenants().list(TenantQuery)} asks for: the filters and sort of the Tenants API's
 * {@code tenants(tenantsQuery:)} (the document lists name, ids, forHierarchies, environmentFilter, labelFilter,
 * withService(s), withPartnerSubscription(s), partnership, createdTimeFilter, modifiedTimeFilter, isPartner and
 * withSupport; the others come from the vendor's public client), plus how to page: {@link Builder#pageSize(int)}
 * ({@code maxResults}, default {@value #DEFAULT_PAGE_SIZE}), {@link Builder#paging(TenantPaging)} (cursor by
 * default) and the {@link Builder#fields(TenantFields) field set} (the client's by default). Filters combine;
 * unset ones are not sent. The document: reads only ever return tenants the caller may read. Immutable.
 */
public final class TenantQuery {
    /** The page size when none is set. */
    public static final int DEFAULT_PAGE_SIZE = 100;

    private static final TenantQuery ALL = builder().build();

    private final String name;
    private final List<String> ids;
    private final List<String> forHierarchies;
    private final TenantEnvironment environmentName;
    private final Boolean environmentEnabled;
    private final String labelName;
    private final String labelValue;
    private final String withService;
    private final List<String> withServices;
    private final List<String> withRequestedServices;
    private final String withPartnerSubscription;
    private final List<String> withPartnerSubscriptions;
    private final String partnershipWithSubscription;
    private final Instant createdAfter;
    private final Instant createdBefore;
    private final Instant modifiedAfter;
    private final Instant modifiedBefore;
    private final Boolean isPartner;
    private final Boolean isOrganization;
    private final Boolean withSupport;
    private final Boolean withPendingPostDisablement;
    private final Boolean enabledInProduction;
    private final Boolean enabledInPilot;
    private final List<Integer> withDataRetentionMonths;
    private final List<String> withMdrProviderIds;
    private final TenantOrderField orderBy;
    private final OrderDir orderDir;
    private final int pageSize;
    private final TenantPaging paging;
    private final TenantFields fields;

    private TenantQuery(Builder b) {
        this.name = b.name;
        this.ids = Copies.request(b.ids, "tenantsQuery.ids");
        this.forHierarchies = Copies.request(b.forHierarchies, "tenantsQuery.forHierarchies");
        this.environmentName = b.environmentName;
        this.environmentEnabled = b.environmentEnabled;
        this.labelName = b.labelName;
        this.labelValue = b.labelValue;
        this.withService = b.withService;
        this.withServices = Copies.request(b.withServices, "tenantsQuery.withServices");
        this.withRequestedServices = Copies.request(b.withRequestedServices, "tenantsQuery.withRequestedServices");
        this.withPartnerSubscription = b.withPartnerSubscription;
        this.withPartnerSubscriptions = Copies.request(b.withPartnerSubscriptions, "tenantsQuery.withPartnerSubscriptions");
        this.partnershipWithSubscription = b.partnershipWithSubscription;
        this.createdAfter = b.createdAfter;
        this.createdBefore = b.createdBefore;
        this.modifiedAfter = b.modifiedAfter;
        this.modifiedBefore = b.modifiedBefore;
        this.isPartner = b.isPartner;
        this.isOrganization = b.isOrganization;
        this.withSupport = b.withSupport;
        this.withPendingPostDisablement = b.withPendingPostDisablement;
        this.enabledInProduction = b.enabledInProduction;
        this.enabledInPilot = b.enabledInPilot;
        this.withDataRetentionMonths = Copies.request(b.withDataRetentionMonths, "tenantsQuery.withDataRetentionMonths");
        this.withMdrProviderIds = Copies.request(b.withMdrProviderIds, "tenantsQuery.withMdrProviderIds");
        this.orderBy = b.orderBy;
        this.orderDir = b.orderDir;
        this.pageSize = b.pageSize;
        this.paging = b.paging;
        this.fields = b.fields;
    }

    /**
     * Every tenant the caller may read, in pages of {@value #DEFAULT_PAGE_SIZE}, by cursor.
     *
     * @return the query
     */
    public static TenantQuery all() {
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

    /**
     * Returns a builder holding this query's settings.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.ids = ids;
        b.forHierarchies = forHierarchies;
        b.environmentName = environmentName;
        b.environmentEnabled = environmentEnabled;
        b.labelName = labelName;
        b.labelValue = labelValue;
        b.withService = withService;
        b.withServices = withServices;
        b.withRequestedServices = withRequestedServices;
        b.withPartnerSubscription = withPartnerSubscription;
        b.withPartnerSubscriptions = withPartnerSubscriptions;
        b.partnershipWithSubscription = partnershipWithSubscription;
        b.createdAfter = createdAfter;
        b.createdBefore = createdBefore;
        b.modifiedAfter = modifiedAfter;
        b.modifiedBefore = modifiedBefore;
        b.isPartner = isPartner;
        b.isOrganization = isOrganization;
        b.withSupport = withSupport;
        b.withPendingPostDisablement = withPendingPostDisablement;
        b.enabledInProduction = enabledInProduction;
        b.enabledInPilot = enabledInPilot;
        b.withDataRetentionMonths = withDataRetentionMonths;
        b.withMdrProviderIds = withMdrProviderIds;
        b.orderBy = orderBy;
        b.orderDir = orderDir;
        b.pageSize = pageSize;
        b.paging = paging;
        b.fields = fields;
        return b;
    }

    /**
     * Returns the filter: tenants whose name matches, {@code %} as wildcard, or a tenant id (documented).
     *
     * @return the value, or null when not set
     */
    public String name() {
        return name;
    }

    /**
     * Returns the filter: only these tenant ids (documented).
     *
     * @return the value, or null when not set
     */
    public List<String> ids() {
        return ids;
    }

    /**
     * Returns the filter: tenants in these tenants' hierarchies (documented).
     *
     * @return the value, or null when not set
     */
    public List<String> forHierarchies() {
        return forHierarchies;
    }

    /**
     * Returns the filter: the environment of the environment filter (documented {@code environmentFilter.name}).
     *
     * @return the value, or null when not set
     */
    public TenantEnvironment environmentName() {
        return environmentName;
    }

    /**
     * Returns the filter: whether tenants must be enabled or disabled in that environment ({@code environmentFilter.enabled}).
     *
     * @return the value, or null when not set
     */
    public Boolean environmentEnabled() {
        return environmentEnabled;
    }

    /**
     * Returns the filter: tenants with a label of this name (documented {@code labelFilter.label_name}).
     *
     * @return the value, or null when not set
     */
    public String labelName() {
        return labelName;
    }

    /**
     * Returns the filter: and this value ({@code labelFilter.label_value}).
     *
     * @return the value, or null when not set
     */
    public String labelValue() {
        return labelValue;
    }

    /**
     * Returns the filter: tenants with a service of this name, {@code %} as wildcard (documented).
     *
     * @return the value, or null when not set
     */
    public String withService() {
        return withService;
    }

    /**
     * Returns the filter: tenants with all of these services (documented).
     *
     * @return the value, or null when not set
     */
    public List<String> withServices() {
        return withServices;
    }

    /**
     * Returns the filter: tenants that requested these services (vendor client).
     *
     * @return the value, or null when not set
     */
    public List<String> withRequestedServices() {
        return withRequestedServices;
    }

    /**
     * Returns the filter: tenants with a partner subscription of this name, {@code %} as wildcard (documented).
     *
     * @return the value, or null when not set
     */
    public String withPartnerSubscription() {
        return withPartnerSubscription;
    }

    /**
     * Returns the filter: tenants with these partner subscriptions (documented).
     *
     * @return the value, or null when not set
     */
    public List<String> withPartnerSubscriptions() {
        return withPartnerSubscriptions;
    }

    /**
     * Returns the filter: the partnership filter's subscription (documented {@code partnership.withSubscription}).
     *
     * @return the value, or null when not set
     */
    public String partnershipWithSubscription() {
        return partnershipWithSubscription;
    }

    /**
     * Returns the filter: created at or after (documented {@code createdTimeFilter.startTime}).
     *
     * @return the value, or null when not set
     */
    public Instant createdAfter() {
        return createdAfter;
    }

    /**
     * Returns the filter: created before ({@code createdTimeFilter.endTime}).
     *
     * @return the value, or null when not set
     */
    public Instant createdBefore() {
        return createdBefore;
    }

    /**
     * Returns the filter: modified at or after (documented {@code modifiedTimeFilter.startTime}).
     *
     * @return the value, or null when not set
     */
    public Instant modifiedAfter() {
        return modifiedAfter;
    }

    /**
     * Returns the filter: modified before ({@code modifiedTimeFilter.endTime}).
     *
     * @return the value, or null when not set
     */
    public Instant modifiedBefore() {
        return modifiedBefore;
    }

    /**
     * Returns the filter: only partners, or only non-partners (documented).
     *
     * @return the value, or null when not set
     */
    public Boolean isPartner() {
        return isPartner;
    }

    /**
     * Returns the filter: only organizations, or only others (vendor client).
     *
     * @return the value, or null when not set
     */
    public Boolean isOrganization() {
        return isOrganization;
    }

    /**
     * Returns the filter: tenants with Secureworks support enabled, or without (documented).
     *
     * @return the value, or null when not set
     */
    public Boolean withSupport() {
        return withSupport;
    }

    /**
     * Returns the filter: tenants whose post-disablement work is pending (vendor client).
     *
     * @return the value, or null when not set
     */
    public Boolean withPendingPostDisablement() {
        return withPendingPostDisablement;
    }

    /**
     * Returns the filter: enabled in a production environment, or not (vendor client).
     *
     * @return the value, or null when not set
     */
    public Boolean enabledInProduction() {
        return enabledInProduction;
    }

    /**
     * Returns the filter: enabled in a pilot environment, or not (vendor client).
     *
     * @return the value, or null when not set
     */
    public Boolean enabledInPilot() {
        return enabledInPilot;
    }

    /**
     * Returns the filter: tenants with these retention periods in months (vendor client).
     *
     * @return the value, or null when not set
     */
    public List<Integer> withDataRetentionMonths() {
        return withDataRetentionMonths;
    }

    /**
     * Returns the filter: tenants of these MDR providers (vendor client {@code withMDRProviderIDs}).
     *
     * @return the value, or null when not set
     */
    public List<String> withMdrProviderIds() {
        return withMdrProviderIds;
    }

    /**
     * Returns the filter: what to sort by; the document: Id when not given.
     *
     * @return the value, or null when not set
     */
    public TenantOrderField orderBy() {
        return orderBy;
    }

    /**
     * Returns the filter: the sort direction; the document: ascending when not given.
     *
     * @return the value, or null when not set
     */
    public OrderDir orderDir() {
        return orderDir;
    }

    /**
     * Returns the page size ({@code maxResults}).
     *
     * @return the page size
     */
    public int pageSize() {
        return pageSize;
    }

    /**
     * Returns how the list is paged.
     *
     * @return cursor (default) or page number
     */
    public TenantPaging paging() {
        return paging;
    }

    /**
     * Returns the field set, or null for the client's ({@code TaegisClient.Builder#fields}).
     *
     * @return the field set, or null
     */
    public TenantFields fields() {
        return fields;
    }

    /** Names the settings that are set, never their values. */
    @Override
    public String toString() {
        return "TenantQuery{pageSize=" + pageSize + ", paging=" + paging + (fields == null ? "" : ", fields=" + fields) + "}";
    }

    /** Builds a {@link TenantQuery}. */
    public static final class Builder {
        private String name;
        private List<String> ids;
        private List<String> forHierarchies;
        private TenantEnvironment environmentName;
        private Boolean environmentEnabled;
        private String labelName;
        private String labelValue;
        private String withService;
        private List<String> withServices;
        private List<String> withRequestedServices;
        private String withPartnerSubscription;
        private List<String> withPartnerSubscriptions;
        private String partnershipWithSubscription;
        private Instant createdAfter;
        private Instant createdBefore;
        private Instant modifiedAfter;
        private Instant modifiedBefore;
        private Boolean isPartner;
        private Boolean isOrganization;
        private Boolean withSupport;
        private Boolean withPendingPostDisablement;
        private Boolean enabledInProduction;
        private Boolean enabledInPilot;
        private List<Integer> withDataRetentionMonths;
        private List<String> withMdrProviderIds;
        private TenantOrderField orderBy;
        private OrderDir orderDir;
        private int pageSize = DEFAULT_PAGE_SIZE;
        private TenantPaging paging = TenantPaging.CURSOR;
        private TenantFields fields;

        private Builder() {
        }

        /**
         * Filters: tenants whose name matches, {@code %} as wildcard, or a tenant id (documented).
         *
         * @param value the value, or null to remove the filter
         * @return this builder
         */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /**
         * Filters: tenants with a service of this name, {@code %} as wildcard (documented).
         *
         * @param value the value, or null to remove the filter
         * @return this builder
         */
        public Builder withService(String value) {
            this.withService = value;
            return this;
        }

        /**
         * Filters: tenants with a partner subscription of this name, {@code %} as wildcard (documented).
         *
         * @param value the value, or null to remove the filter
         * @return this builder
         */
        public Builder withPartnerSubscription(String value) {
            this.withPartnerSubscription = value;
            return this;
        }

        /**
         * Filters: the partnership filter's subscription (documented {@code partnership.withSubscription}).
         *
         * @param value the value, or null to remove the filter
         * @return this builder
         */
        public Builder partnershipWithSubscription(String value) {
            this.partnershipWithSubscription = value;
            return this;
        }

        /**
         * Filters: only partners, or only non-partners (documented).
         *
         * @param value the value, or null to remove the filter
         * @return this builder
         */
        public Builder isPartner(Boolean value) {
            this.isPartner = value;
            return this;
        }

        /**
         * Filters: only organizations, or only others (vendor client).
         *
         * @param value the value, or null to remove the filter
         * @return this builder
         */
        public Builder isOrganization(Boolean value) {
            this.isOrganization = value;
            return this;
        }

        /**
         * Filters: tenants with Secureworks support enabled, or without (documented).
         *
         * @param value the value, or null to remove the filter
         * @return this builder
         */
        public Builder withSupport(Boolean value) {
            this.withSupport = value;
            return this;
        }

        /**
         * Filters: tenants whose post-disablement work is pending (vendor client).
         *
         * @param value the value, or null to remove the filter
         * @return this builder
         */
        public Builder withPendingPostDisablement(Boolean value) {
            this.withPendingPostDisablement = value;
            return this;
        }

        /**
         * Filters: enabled in a production environment, or not (vendor client).
         *
         * @param value the value, or null to remove the filter
         * @return this builder
         */
        public Builder enabledInProduction(Boolean value) {
            this.enabledInProduction = value;
            return this;
        }

        /**
         * Filters: enabled in a pilot environment, or not (vendor client).
         *
         * @param value the value, or null to remove the filter
         * @return this builder
         */
        public Builder enabledInPilot(Boolean value) {
            this.enabledInPilot = value;
            return this;
        }

        /**
         * Filters: only these tenant ids (documented).
         *
         * @param values the values
         * @return this builder
         */
        public Builder ids(String... values) {
            this.ids = Arrays.asList(values);
            return this;
        }

        /**
         * Filters: only these tenant ids (documented).
         *
         * @param values the values, or null to remove the filter
         * @return this builder
         */
        public Builder ids(List<String> values) {
            this.ids = values;
            return this;
        }

        /**
         * Filters: tenants in these tenants' hierarchies (documented).
         *
         * @param values the values
         * @return this builder
         */
        public Builder forHierarchies(String... values) {
            this.forHierarchies = Arrays.asList(values);
            return this;
        }

        /**
         * Filters: tenants in these tenants' hierarchies (documented).
         *
         * @param values the values, or null to remove the filter
         * @return this builder
         */
        public Builder forHierarchies(List<String> values) {
            this.forHierarchies = values;
            return this;
        }

        /**
         * Filters: tenants with all of these services (documented).
         *
         * @param values the values
         * @return this builder
         */
        public Builder withServices(String... values) {
            this.withServices = Arrays.asList(values);
            return this;
        }

        /**
         * Filters: tenants with all of these services (documented).
         *
         * @param values the values, or null to remove the filter
         * @return this builder
         */
        public Builder withServices(List<String> values) {
            this.withServices = values;
            return this;
        }

        /**
         * Filters: tenants that requested these services (vendor client).
         *
         * @param values the values
         * @return this builder
         */
        public Builder withRequestedServices(String... values) {
            this.withRequestedServices = Arrays.asList(values);
            return this;
        }

        /**
         * Filters: tenants that requested these services (vendor client).
         *
         * @param values the values, or null to remove the filter
         * @return this builder
         */
        public Builder withRequestedServices(List<String> values) {
            this.withRequestedServices = values;
            return this;
        }

        /**
         * Filters: tenants with these partner subscriptions (documented).
         *
         * @param values the values
         * @return this builder
         */
        public Builder withPartnerSubscriptions(String... values) {
            this.withPartnerSubscriptions = Arrays.asList(values);
            return this;
        }

        /**
         * Filters: tenants with these partner subscriptions (documented).
         *
         * @param values the values, or null to remove the filter
         * @return this builder
         */
        public Builder withPartnerSubscriptions(List<String> values) {
            this.withPartnerSubscriptions = values;
            return this;
        }

        /**
         * Filters: tenants with these retention periods in months (vendor client).
         *
         * @param values the values
         * @return this builder
         */
        public Builder withDataRetentionMonths(Integer... values) {
            this.withDataRetentionMonths = Arrays.asList(values);
            return this;
        }

        /**
         * Filters: tenants with these retention periods in months (vendor client).
         *
         * @param values the values, or null to remove the filter
         * @return this builder
         */
        public Builder withDataRetentionMonths(List<Integer> values) {
            this.withDataRetentionMonths = values;
            return this;
        }

        /**
         * Filters: tenants of these MDR providers (vendor client {@code withMDRProviderIDs}).
         *
         * @param values the values
         * @return this builder
         */
        public Builder withMdrProviderIds(String... values) {
            this.withMdrProviderIds = Arrays.asList(values);
            return this;
        }

        /**
         * Filters: tenants of these MDR providers (vendor client {@code withMDRProviderIDs}).
         *
         * @param values the values, or null to remove the filter
         * @return this builder
         */
        public Builder withMdrProviderIds(List<String> values) {
            this.withMdrProviderIds = values;
            return this;
        }

        /**
         * Filters by environment ({@code environmentFilter}): tenants enabled (or, with {@code false}, disabled) in it.
         *
         * @param environment the environment
         * @param enabled     whether tenants must be enabled there, or null for either
         * @return this builder
         */
        public Builder environment(TenantEnvironment environment, Boolean enabled) {
            this.environmentName = environment;
            this.environmentEnabled = enabled;
            return this;
        }

        /**
         * Filters by label ({@code labelFilter}).
         *
         * @param labelName  the label's name
         * @param labelValue its value, or null for any value
         * @return this builder
         */
        public Builder label(String labelName, String labelValue) {
            this.labelName = labelName;
            this.labelValue = labelValue;
            return this;
        }

        /**
         * Filters by creation time ({@code createdTimeFilter}); the times are sent as RFC 3339 in UTC.
         *
         * @param after  created at or after, or null
         * @param before created before, or null
         * @return this builder
         */
        public Builder createdBetween(Instant after, Instant before) {
            this.createdAfter = after;
            this.createdBefore = before;
            return this;
        }

        /**
         * Filters by modification time ({@code modifiedTimeFilter}).
         *
         * @param after  modified at or after, or null
         * @param before modified before, or null
         * @return this builder
         */
        public Builder modifiedBetween(Instant after, Instant before) {
            this.modifiedAfter = after;
            this.modifiedBefore = before;
            return this;
        }

        /**
         * Sorts the results ({@code orderBy}, {@code orderDir}). A cursor is valid only under the sort it was
         * issued for; every page of one list is sent with the same sort.
         *
         * @param field     what to sort by
         * @param direction the direction
         * @return this builder
         */
        public Builder orderBy(TenantOrderField field, OrderDir direction) {
            this.orderBy = field;
            this.orderDir = direction;
            return this;
        }

        /**
         * Sets how many tenants each request asks for ({@code maxResults}; default {@value TenantQuery#DEFAULT_PAGE_SIZE}).
         *
         * @param value at least 1 (checked when the list is fetched)
         * @return this builder
         */
        public Builder pageSize(int value) {
            this.pageSize = value;
            return this;
        }

        /**
         * Sets how the list is paged: {@link TenantPaging#CURSOR} (default) or {@link TenantPaging#PAGE_NUMBER},
         * which assumes 1-based pages.
         *
         * @param value the paging mode
         * @return this builder
         */
        public Builder paging(TenantPaging value) {
            this.paging = value;
            return this;
        }

        /**
         * Chooses the tenant fields this query selects, instead of the client's field set.
         *
         * @param value {@link TenantFields#DOCUMENTED} or {@link TenantFields#ALL}
         * @return this builder
         */
        public Builder fields(TenantFields value) {
            this.fields = value;
            return this;
        }

        /**
         * Builds the query; the client checks it when the list is fetched.
         *
         * @return the query
         * @throws io.secopskit.core.error.ValidationException if a list holds null
         */
        public TenantQuery build() {
            return new TenantQuery(this);
        }
    }
}
