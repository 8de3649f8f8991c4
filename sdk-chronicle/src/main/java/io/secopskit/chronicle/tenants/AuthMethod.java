package io.secopskit.chronicle.tenants;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import io.secopskit.core.Beta;

/**
 * How a tenant's users sign in (the tenant service's {@code AuthMethod}). The two documented methods
 * can be requested; {@link #AUTH_METHOD_UNSPECIFIED} and {@link #UNRECOGNIZED} are only read.
 */
@Beta
public enum AuthMethod {
    /** Workforce Identity Federation: users come from a workforce pool provider (your IdP). */
    WORKFORCE_IDENTITY_FEDERATION,
    /** Cloud Identity. */
    CLOUD_IDENTITY,
    /** Google's default value when none is set; read only, never sent. */
    AUTH_METHOD_UNSPECIFIED,
    /** A value this SDK version does not know, read from an answer; never sent. */
    @JsonEnumDefaultValue
    UNRECOGNIZED;

    /**
     * Returns whether the value is one of the two documented methods a request may carry.
     *
     * @return whether the value is one of the two documented methods a request may carry
     */
    public boolean isRequestable() {
        return this == WORKFORCE_IDENTITY_FEDERATION || this == CLOUD_IDENTITY;
    }
}
