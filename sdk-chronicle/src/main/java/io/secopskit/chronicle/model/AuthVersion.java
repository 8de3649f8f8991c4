package io.secopskit.chronicle.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * How users sign in to a customer's Google SecOps instance. SetAuthVersion accepts only
 * {@link #AUTH_VERSION_3} (Workforce Identity Federation) and {@link #AUTH_VERSION_4} (Cloud Identity);
 * older values may appear in responses.
 */
public enum AuthVersion {
    /** Legacy SSO; appears in responses only. */
    AUTH_VERSION_1,
    /** Legacy SSO; appears in responses only. */
    AUTH_VERSION_2,
    /** Workforce Identity Federation with a third-party identity provider. */
    AUTH_VERSION_3,
    /** Cloud Identity. */
    AUTH_VERSION_4,
    /** A value this SDK version does not know, read from a response; never sent. */
    @JsonEnumDefaultValue
    UNRECOGNIZED;

    /**
     * Returns whether SetAuthVersion and CreateCustomer accept this value.
     *
     * @return whether SetAuthVersion and CreateCustomer accept this value
     */
    public boolean isSettable() {
        return this == AUTH_VERSION_3 || this == AUTH_VERSION_4;
    }
}
