package io.secopskit.stellar.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A Stellar Cyber case severity (the API also calls it priority), sent and read as display text. */
public enum CaseSeverity {
    /** Critical. */
    @JsonProperty("Critical") CRITICAL,
    /** High. */
    @JsonProperty("High") HIGH,
    /** Medium. */
    @JsonProperty("Medium") MEDIUM,
    /** Low. */
    @JsonProperty("Low") LOW,
    /** A value this SDK version does not know; never sent. */
    @JsonEnumDefaultValue UNRECOGNIZED;

    /**
     * Returns the wire text, for example {@code Critical}.
     *
     * @return the wire text, for example {@code Critical}
     */
    public String wireValue() {
        return this == UNRECOGNIZED ? "Unrecognized" : name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
