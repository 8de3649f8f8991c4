package io.secopskit.chronicle.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** How long Google SecOps keeps a customer's data. Only the two documented values can be requested. */
public enum RetentionDuration {
    /** Six months. */
    SIX_MONTHS,
    /** One year (the default). */
    ONE_YEAR,
    /** A value this SDK version does not know, read from a response; never sent. */
    @JsonEnumDefaultValue
    UNRECOGNIZED
}
