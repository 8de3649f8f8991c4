package io.secopskit.taegis.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The sort direction ({@code TenantsQuery.orderDir}, schema enum {@code OrderDir}; the document: ascending by default). */
public enum OrderDir {
    /** {@code asc} (the default). */
    @JsonProperty("asc") ASC("asc"),
    /** {@code desc}. */
    @JsonProperty("desc") DESC("desc");

    private final String wire;

    OrderDir(String wire) {
        this.wire = wire;
    }

    /**
     * Returns the value as the Tenants API spells it.
     *
     * @return {@code asc} or {@code desc}
     */
    public String wireValue() {
        return wire;
    }
}
