package io.secopskit.taegis.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;

/**
 * Where an SSO connection applies (schema enum {@code SSOEnvironment}).
 *
 * <p>An <b>open</b> set: the constants are the values this SDK version knows; {@link #of(String)} keeps any
 * other value exactly as the Tenants API sends it, so a value the vendor adds later is read, not refused.
 * Equal when the values are equal; {@link #toString()} is the wire value. Immutable.
 */
public final class SsoEnvironment extends OpenValue {
    /** {@code pilot}. */
    public static final SsoEnvironment PILOT = new SsoEnvironment("pilot");
    /** {@code production}. */
    public static final SsoEnvironment PRODUCTION = new SsoEnvironment("production");

    private static final List<SsoEnvironment> KNOWN = List.of(PILOT, PRODUCTION);

    private SsoEnvironment(String value) {
        super(value);
    }

    /**
     * Returns the value with this wire spelling: a constant, or a new value kept as given.
     *
     * @param value the wire value, for example {@code pilot}
     * @return the value
     * @throws io.secopskit.core.error.ValidationException if it is null, blank or holds control characters
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static SsoEnvironment of(String value) {
        return lookup(KNOWN, value, "SsoEnvironment", SsoEnvironment::new);
    }

    /**
     * Returns the values this SDK version names, in schema order.
     *
     * @return the constants
     */
    public static List<SsoEnvironment> knownValues() {
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
