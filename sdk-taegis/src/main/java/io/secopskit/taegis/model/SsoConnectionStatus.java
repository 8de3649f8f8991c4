package io.secopskit.taegis.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;

/**
 * The state of an SSO connection (schema enum {@code SSOConnectionStatus}). A new connection is
 * {@link #DRAFT}; completing its configuration moves it to {@link #TESTING}; an update may set
 * {@link #ENABLED}, {@link #DISABLED} or {@link #TESTING} (never Draft).
 *
 * <p>An <b>open</b> set: the constants are the values this SDK version knows; {@link #of(String)} keeps any
 * other value exactly as the Tenants API sends it, so a value the vendor adds later is read, not refused.
 * Equal when the values are equal; {@link #toString()} is the wire value. Immutable.
 */
public final class SsoConnectionStatus extends OpenValue {
    /** {@code Draft}: where a connection starts; cannot be set. */
    public static final SsoConnectionStatus DRAFT = new SsoConnectionStatus("Draft");
    /** {@code Testing}: configured, only testers sign in through it. */
    public static final SsoConnectionStatus TESTING = new SsoConnectionStatus("Testing");
    /** {@code Enabled}: users of its e-mail domains sign in through it. */
    public static final SsoConnectionStatus ENABLED = new SsoConnectionStatus("Enabled");
    /** {@code Disabled}: not used for sign-in. */
    public static final SsoConnectionStatus DISABLED = new SsoConnectionStatus("Disabled");

    private static final List<SsoConnectionStatus> KNOWN = List.of(DRAFT, TESTING, ENABLED, DISABLED);

    private SsoConnectionStatus(String value) {
        super(value);
    }

    /**
     * Returns the value with this wire spelling: a constant, or a new value kept as given.
     *
     * @param value the wire value, for example {@code Draft}
     * @return the value
     * @throws io.secopskit.core.error.ValidationException if it is null, blank or holds control characters
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static SsoConnectionStatus of(String value) {
        return lookup(KNOWN, value, "SsoConnectionStatus", SsoConnectionStatus::new);
    }

    /**
     * Returns the values this SDK version names, in schema order.
     *
     * @return the constants
     */
    public static List<SsoConnectionStatus> knownValues() {
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
