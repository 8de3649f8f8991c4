package io.secopskit.taegis.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What tenants are sorted by ({@code TenantsQuery.orderBy}, schema enum {@code TenantOrderField}; the document: Id by default). */
public enum TenantOrderField {
    /** {@code Id} (the default). */
    @JsonProperty("Id") ID("Id"),
    /** {@code Name}. */
    @JsonProperty("Name") NAME("Name"),
    /** {@code CreatedAt}. */
    @JsonProperty("CreatedAt") CREATED_AT("CreatedAt"),
    /** {@code UpdatedAt}. */
    @JsonProperty("UpdatedAt") UPDATED_AT("UpdatedAt");

    private final String wire;

    TenantOrderField(String wire) {
        this.wire = wire;
    }

    /**
     * Returns the value as the Tenants API spells it.
     *
     * @return for example {@code CreatedAt}
     */
    public String wireValue() {
        return wire;
    }
}
