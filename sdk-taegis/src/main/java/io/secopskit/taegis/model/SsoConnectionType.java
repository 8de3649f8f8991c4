package io.secopskit.taegis.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;

/**
 * The kind of an SSO connection (schema enum {@code SSOConnectionType}). The document: SAML is the only
 * supported type, and {@code createSSOConnection} requires it.
 *
 * <p>An <b>open</b> set: the constants are the values this SDK version knows; {@link #of(String)} keeps any
 * other value exactly as the Tenants API sends it, so a value the vendor adds later is read, not refused.
 * Equal when the values are equal; {@link #toString()} is the wire value. Immutable.
 */
public final class SsoConnectionType extends OpenValue {
    /** {@code saml}: the only type the document supports. */
    public static final SsoConnectionType SAML = new SsoConnectionType("saml");
    /** {@code unknown}: a value of the schema, never valid for a new connection. */
    public static final SsoConnectionType UNKNOWN = new SsoConnectionType("unknown");

    private static final List<SsoConnectionType> KNOWN = List.of(SAML, UNKNOWN);

    private SsoConnectionType(String value) {
        super(value);
    }

    /**
     * Returns the value with this wire spelling: a constant, or a new value kept as given.
     *
     * @param value the wire value, for example {@code saml}
     * @return the value
     * @throws io.secopskit.core.error.ValidationException if it is null, blank or holds control characters
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static SsoConnectionType of(String value) {
        return lookup(KNOWN, value, "SsoConnectionType", SsoConnectionType::new);
    }

    /**
     * Returns the values this SDK version names, in schema order.
     *
     * @return the constants
     */
    public static List<SsoConnectionType> knownValues() {
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
