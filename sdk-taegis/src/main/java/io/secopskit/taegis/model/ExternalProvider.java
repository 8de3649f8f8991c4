package io.secopskit.taegis.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;

/**
 * The identity service that hosts an SSO connection for Taegis (schema enum {@code ExternalProvider}).
 *
 * <p>An <b>open</b> set: the constants are the values this SDK version knows; {@link #of(String)} keeps any
 * other value exactly as the Tenants API sends it, so a value the vendor adds later is read, not refused.
 * Equal when the values are equal; {@link #toString()} is the wire value. Immutable.
 */
public final class ExternalProvider extends OpenValue {
    /** {@code AUTH0}. */
    public static final ExternalProvider AUTH0 = new ExternalProvider("AUTH0");
    /** {@code COGNITO}. */
    public static final ExternalProvider COGNITO = new ExternalProvider("COGNITO");

    private static final List<ExternalProvider> KNOWN = List.of(AUTH0, COGNITO);

    private ExternalProvider(String value) {
        super(value);
    }

    /**
     * Returns the value with this wire spelling: a constant, or a new value kept as given.
     *
     * @param value the wire value, for example {@code AUTH0}
     * @return the value
     * @throws io.secopskit.core.error.ValidationException if it is null, blank or holds control characters
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ExternalProvider of(String value) {
        return lookup(KNOWN, value, "ExternalProvider", ExternalProvider::new);
    }

    /**
     * Returns the values this SDK version names, in schema order.
     *
     * @return the constants
     */
    public static List<ExternalProvider> knownValues() {
        return KNOWN;
    }

    /**
     * Returns whether this SDK version names this value.
     *
     * @return true for the constants
     */
    public boolean isKnown() {
        return KNOWN.contains(this);
    }
}
