package io.secopskit.taegis.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;

/**
 * Who provides managed detection and response for a tenant ({@code mdr_provider_type} /
 * {@code mdrProviderType}, schema enum {@code MdrProviderType}).
 *
 * <p>An <b>open</b> set: the constants are the values this SDK version knows; {@link #of(String)} keeps any
 * other value exactly as the Tenants API sends it, so a value the vendor adds later is read, not refused.
 * Equal when the values are equal; {@link #toString()} is the wire value. Immutable.
 */
public final class MdrProviderType extends OpenValue {
    /** {@code TAEGIS_MDR}. */
    public static final MdrProviderType TAEGIS_MDR = new MdrProviderType("TAEGIS_MDR");
    /** {@code SOPHOS_MDR}. */
    public static final MdrProviderType SOPHOS_MDR = new MdrProviderType("SOPHOS_MDR");
    /** {@code NONE}. */
    public static final MdrProviderType NONE = new MdrProviderType("NONE");

    private static final List<MdrProviderType> KNOWN = List.of(TAEGIS_MDR, SOPHOS_MDR, NONE);

    private MdrProviderType(String value) {
        super(value);
    }

    /**
     * Returns the value with this wire spelling: a constant, or a new value kept as given.
     *
     * @param value the wire value, for example {@code TAEGIS_MDR}
     * @return the value
     * @throws io.secopskit.core.error.ValidationException if it is null, blank or holds control characters
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static MdrProviderType of(String value) {
        return lookup(KNOWN, value, "MdrProviderType", MdrProviderType::new);
    }

    /**
     * Returns the values this SDK version names, in schema order.
     *
     * @return the constants
     */
    public static List<MdrProviderType> knownValues() {
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
