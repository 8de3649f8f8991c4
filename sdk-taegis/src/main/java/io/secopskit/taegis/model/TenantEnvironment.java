package io.secopskit.taegis.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;

/**
 * A Taegis XDR environment a tenant can be enabled in (schema enum {@code TenantEnvironment}):
 * production clusters by region name ({@code charlie} is US1, {@code echo} EU, ...) and their pilots. A
 * tenant is enabled exactly when it is enabled in at least one environment.
 *
 * <p>An <b>open</b> set: the constants are the values this SDK version knows; {@link #of(String)} keeps any
 * other value exactly as the Tenants API sends it, so a value the vendor adds later is read, not refused.
 * Equal when the values are equal; {@link #toString()} is the wire value. Immutable.
 */
public final class TenantEnvironment extends OpenValue {
    /** {@code pilot}: the pilot environment. */
    public static final TenantEnvironment PILOT = new TenantEnvironment("pilot");
    /** {@code pilot_charlie}: pilot in charlie (US1). */
    public static final TenantEnvironment PILOT_CHARLIE = new TenantEnvironment("pilot_charlie");
    /** {@code pilot_delta}: pilot in delta (US2). */
    public static final TenantEnvironment PILOT_DELTA = new TenantEnvironment("pilot_delta");
    /** {@code pilot_echo}: pilot in echo (EU). */
    public static final TenantEnvironment PILOT_ECHO = new TenantEnvironment("pilot_echo");
    /** {@code pilot_foxtrot}: pilot in foxtrot (US3). */
    public static final TenantEnvironment PILOT_FOXTROT = new TenantEnvironment("pilot_foxtrot");
    /** {@code pilot_golf}: pilot in golf (EU West 1). */
    public static final TenantEnvironment PILOT_GOLF = new TenantEnvironment("pilot_golf");
    /** {@code pilot_hotel}: pilot in hotel (AP South-East 2). */
    public static final TenantEnvironment PILOT_HOTEL = new TenantEnvironment("pilot_hotel");
    /** {@code pilot_juliet}: pilot in juliet (AP North-East 1). */
    public static final TenantEnvironment PILOT_JULIET = new TenantEnvironment("pilot_juliet");
    /** {@code pilot_india}: pilot in india (AP South 1). */
    public static final TenantEnvironment PILOT_INDIA = new TenantEnvironment("pilot_india");
    /** {@code pilot_kilo}: pilot in kilo (SA East 1). */
    public static final TenantEnvironment PILOT_KILO = new TenantEnvironment("pilot_kilo");
    /** {@code pilot_quebec}: pilot in quebec (CA Central 1). */
    public static final TenantEnvironment PILOT_QUEBEC = new TenantEnvironment("pilot_quebec");
    /** {@code charlie}: production in US1. */
    public static final TenantEnvironment CHARLIE = new TenantEnvironment("charlie");
    /** {@code echo}: production in EU. */
    public static final TenantEnvironment ECHO = new TenantEnvironment("echo");
    /** {@code delta}: production in US2. */
    public static final TenantEnvironment DELTA = new TenantEnvironment("delta");
    /** {@code foxtrot}: production in US3. */
    public static final TenantEnvironment FOXTROT = new TenantEnvironment("foxtrot");
    /** {@code golf}: production in EU West 1. */
    public static final TenantEnvironment GOLF = new TenantEnvironment("golf");
    /** {@code hotel}: production in AP South-East 2. */
    public static final TenantEnvironment HOTEL = new TenantEnvironment("hotel");
    /** {@code juliet}: production in AP North-East 1. */
    public static final TenantEnvironment JULIET = new TenantEnvironment("juliet");
    /** {@code india}: production in AP South 1. */
    public static final TenantEnvironment INDIA = new TenantEnvironment("india");
    /** {@code kilo}: production in SA East 1. */
    public static final TenantEnvironment KILO = new TenantEnvironment("kilo");
    /** {@code quebec}: production in CA Central 1. */
    public static final TenantEnvironment QUEBEC = new TenantEnvironment("quebec");

    private static final List<TenantEnvironment> KNOWN = List.of(PILOT, PILOT_CHARLIE, PILOT_DELTA, PILOT_ECHO, PILOT_FOXTROT, PILOT_GOLF, PILOT_HOTEL, PILOT_JULIET, PILOT_INDIA, PILOT_KILO, PILOT_QUEBEC, CHARLIE, ECHO, DELTA, FOXTROT, GOLF, HOTEL, JULIET, INDIA, KILO, QUEBEC);

    private TenantEnvironment(String value) {
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
    public static TenantEnvironment of(String value) {
        return lookup(KNOWN, value, "TenantEnvironment", TenantEnvironment::new);
    }

    /**
     * Returns the values this SDK version names, in schema order.
     *
     * @return the constants
     */
    public static List<TenantEnvironment> knownValues() {
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
