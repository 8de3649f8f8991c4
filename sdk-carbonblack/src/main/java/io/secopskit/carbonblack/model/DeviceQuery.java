package io.secopskit.carbonblack.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A device search ({@code POST /appservices/v6/orgs/{org}/devices/_search}, and {@code _scroll} past the
 * 10,000-row cap): query string, criteria (for example {@code os}, {@code status}, {@code policy_id}),
 * exclusions, sort and page size. Build with {@link #builder()}; {@link #all()} matches every device.
 * Immutable.
 */
public final class DeviceQuery extends SearchCriteria {
    private final Map<String, List<Object>> exclusions;

    private DeviceQuery(Builder b) {
        super(b);
        this.exclusions = Collections.unmodifiableMap(new LinkedHashMap<>(b.exclusions));
    }

    /**
     * Starts a query matching every device, {@value SearchCriteria#DEFAULT_PAGE_SIZE} rows per page.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a query matching every device, {@value SearchCriteria#DEFAULT_PAGE_SIZE} rows per page.
     *
     * @return the query
     */
    public static DeviceQuery all() {
        return builder().build();
    }

    /**
     * Returns the exclusions ({@code exclusions}).
     *
     * @return field name to excluded values
     */
    @Override
    public Map<String, List<Object>> exclusions() {
        return exclusions;
    }

    /** Builds a {@link DeviceQuery}. */
    public static final class Builder extends SearchCriteria.Builder<Builder, DeviceQuery> {
        private final Map<String, List<Object>> exclusions = new LinkedHashMap<>();

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * Drops devices whose field has one of the values ({@code exclusions}). Setting a field again
         * replaces its values.
         *
         * @param field  the field, for example {@code sensor_version}
         * @param values excluded values (at least one, none null)
         * @return this builder
         * @throws io.secopskit.core.error.ValidationException if the field is blank or no value is given
         */
        public Builder exclusion(String field, Object... values) {
            exclusions.put(field("exclusions", field), values("exclusions", field, values));
            return this;
        }

        /**
         * Builds the query.
         *
         * @return the query
         * @throws io.secopskit.core.error.ValidationException if the page size is out of range
         */
        @Override
        public DeviceQuery build() {
            return new DeviceQuery(this);
        }
    }
}
