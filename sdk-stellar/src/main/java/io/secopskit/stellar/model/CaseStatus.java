package io.secopskit.stellar.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A Stellar Cyber case status, sent and read as its display text ({@code "In Progress"}). */
public enum CaseStatus {
    /** New. */
    @JsonProperty("New") NEW,
    /** In Progress. */
    @JsonProperty("In Progress") IN_PROGRESS,
    /** Escalated. */
    @JsonProperty("Escalated") ESCALATED,
    /** Resolved. */
    @JsonProperty("Resolved") RESOLVED,
    /** Cancelled. */
    @JsonProperty("Cancelled") CANCELLED,
    /** A value this SDK version does not know; never sent. */
    @JsonEnumDefaultValue UNRECOGNIZED;

    /**
     * Returns the wire text, for example {@code In Progress}.
     *
     * @return the wire text, for example {@code In Progress}
     */
    public String wireValue() {
        return switch (this) {
            case NEW -> "New";
            case IN_PROGRESS -> "In Progress";
            case ESCALATED -> "Escalated";
            case RESOLVED -> "Resolved";
            case CANCELLED -> "Cancelled";
            case UNRECOGNIZED -> "Unrecognized";
        };
    }
}
