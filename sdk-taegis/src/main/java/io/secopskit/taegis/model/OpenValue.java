package io.secopskit.taegis.model;

import com.fasterxml.jackson.annotation.JsonValue;
import io.secopskit.core.error.ValidationException;
import io.secopskit.core.spi.Inputs;
import java.util.List;
import java.util.function.Function;

/**
 * The base of the module's open value types: a wire value that is either one of the constants this SDK
 * version names or any other value the Tenants API sends, kept exactly as sent. Equal when of the same type
 * and the same value. Immutable.
 */
abstract class OpenValue {
    private final String value;

    OpenValue(String value) {
        this.value = value;
    }

    /**
     * Returns the constant with this value, or a new value kept as given.
     *
     * @param known  the constants
     * @param value  the wire value
     * @param type   the type's name, for the message
     * @param create makes a new value
     * @param <T>    the type
     * @return the value
     */
    static <T extends OpenValue> T lookup(List<T> known, String value, String type, Function<String, T> create) {
        if (value == null || value.isBlank()) {
            throw new ValidationException("taegis", null, type, "must not be null or blank (was " + Inputs.quote(value) + ")");
        }
        Inputs.requireNoControl("taegis", null, type, value);
        for (T k : known) {
            if (k.value().equals(value)) {
                return k;
            }
        }
        return create.apply(value);
    }

    /**
     * Returns the wire value, exactly as the Tenants API spells it.
     *
     * @return the value
     */
    @JsonValue
    public final String value() {
        return value;
    }

    /**
     * Equal when the other object is of the same type with the same value.
     *
     * @param o the other object
     * @return whether they are equal
     */
    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((OpenValue) o).value.equals(value);
    }

    /** Returns the value's hash code. */
    @Override
    public final int hashCode() {
        return value.hashCode();
    }

    /** Returns the wire value. */
    @Override
    public final String toString() {
        return value;
    }
}
