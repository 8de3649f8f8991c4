package io.secopskit.carbonblack.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** The state of a Live Query run. */
public enum RunStatus {
    /** Still collecting results. */
    ACTIVE,
    /** Finished. */
    COMPLETE,
    /** Stopped at its timeout. */
    TIMED_OUT,
    /** Cancelled by a user. */
    CANCELLED,
    /** A value this SDK version does not know. */
    @JsonEnumDefaultValue
    UNRECOGNIZED;

    /**
     * Returns whether the run will not change any more.
     *
     * @return true for COMPLETE, TIMED_OUT and CANCELLED
     */
    public boolean isFinal() {
        return this == COMPLETE || this == TIMED_OUT || this == CANCELLED;
    }
}
