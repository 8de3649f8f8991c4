package io.secopskit.core.internal;

import java.time.Duration;
import java.util.Objects;

/** Argument checks shared by option builders. Internal. */
public final class Checks {
    private Checks() {
    }

    /**
     * Returns {@code value} if it is positive.
     *
     * @param value the duration
     * @param field the field name, for the message
     * @return the value
     * @throws IllegalArgumentException if zero or negative
     */
    public static Duration positive(Duration value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be positive: " + value);
        }
        return value;
    }
}
