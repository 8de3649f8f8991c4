package io.secopskit.taegis.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;

/**
 * A tenant's license level ({@code Tenant.licenseLevel}, schema enum {@code LicenseLevel}; the field is
 * selected by {@code TenantFields.ALL} only).
 *
 * <p>An <b>open</b> set: the constants are the values this SDK version knows; {@link #of(String)} keeps any
 * other value exactly as the Tenants API sends it, so a value the vendor adds later is read, not refused.
 * Equal when the values are equal; {@link #toString()} is the wire value. Immutable.
 */
public final class LicenseLevel extends OpenValue {
    /** {@code NONE}. */
    public static final LicenseLevel NONE = new LicenseLevel("NONE");
    /** {@code MDR}. */
    public static final LicenseLevel MDR = new LicenseLevel("MDR");
    /** {@code XDR_ITDR}. */
    public static final LicenseLevel XDR_ITDR = new LicenseLevel("XDR_ITDR");
    /** {@code TAEGIS_NATIVE}. */
    public static final LicenseLevel TAEGIS_NATIVE = new LicenseLevel("TAEGIS_NATIVE");

    private static final List<LicenseLevel> KNOWN = List.of(NONE, MDR, XDR_ITDR, TAEGIS_NATIVE);

    private LicenseLevel(String value) {
        super(value);
    }

    /**
     * Returns the value with this wire spelling: a constant, or a new value kept as given.
     *
     * @param value the wire value, for example {@code NONE}
     * @return the value
     * @throws io.secopskit.core.error.ValidationException if it is null, blank or holds control characters
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static LicenseLevel of(String value) {
        return lookup(KNOWN, value, "LicenseLevel", LicenseLevel::new);
    }

    /**
     * Returns the values this SDK version names, in schema order.
     *
     * @return the constants
     */
    public static List<LicenseLevel> knownValues() {
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
