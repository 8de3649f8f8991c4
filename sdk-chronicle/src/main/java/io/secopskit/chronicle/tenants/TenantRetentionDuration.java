package io.secopskit.chronicle.tenants;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import io.secopskit.core.Beta;

/**
 * A tenant's contractually agreed data retention (the tenant service's {@code RetentionDuration}). The
 * eleven durations Google documents can be requested; {@link #RETENTION_DURATION_UNSPECIFIED} and
 * {@link #UNRECOGNIZED} are only ever read from answers.
 */
@Beta
public enum TenantRetentionDuration {
    /** Sixty-three days. */
    SIXTY_THREE_DAYS,
    /** Three months. */
    THREE_MONTHS,
    /** Six months. */
    SIX_MONTHS,
    /** One year (365 days). */
    ONE_YEAR,
    /** Thirteen months. */
    THIRTEEN_MONTHS,
    /** Eighteen months. */
    EIGHTEEN_MONTHS,
    /** Two years. */
    TWO_YEARS,
    /** Three years. */
    THREE_YEARS,
    /** Four years. */
    FOUR_YEARS,
    /** Five years. */
    FIVE_YEARS,
    /** No limit. */
    UNLIMITED,
    /** Google's default value when none is set; read only, never sent. */
    RETENTION_DURATION_UNSPECIFIED,
    /** A value this SDK version does not know, read from an answer; never sent. */
    @JsonEnumDefaultValue
    UNRECOGNIZED;

    /**
     * Returns whether the value is one of the eleven documented durations a request may carry.
     *
     * @return whether the value is one of the eleven documented durations a request may carry
     */
    public boolean isRequestable() {
        return this != RETENTION_DURATION_UNSPECIFIED && this != UNRECOGNIZED;
    }
}
