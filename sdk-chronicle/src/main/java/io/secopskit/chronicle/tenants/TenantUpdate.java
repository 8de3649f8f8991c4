package io.secopskit.chronicle.tenants;

import io.secopskit.chronicle.internal.Rules;
import io.secopskit.chronicle.internal.TenantRules;
import io.secopskit.core.Beta;
import io.secopskit.core.error.ValidationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A change for {@code tenants.patch}. Google documents exactly two updatable things — the auth method
 * and the workforce pool provider ids of the tenant's frontend paths — so this type offers nothing
 * else. The client sends the fields that are set and an {@code updateMask} naming exactly them
 * ({@code authMethod}, {@code frontendPathConfigs}; camelCase as in Google's own mask example).
 *
 * <p>A field mask cannot address one element of a list, so a provider id change sends the whole
 * {@code frontendPathConfigs} list: name every frontend path of the tenant, each with its provider id.
 */
@Beta
public final class TenantUpdate {
    static final String OP = "UpdateTenant";

    private final AuthMethod authMethod;
    private final List<FrontendPathConfig> frontendPathConfigs;

    private TenantUpdate(Builder b) {
        if (b.authMethod == null && b.frontendPathConfigs.isEmpty()) {
            throw new ValidationException(Rules.VENDOR, OP, "updateMask",
                    "nothing to update: set authMethod and/or workforce pool provider ids");
        }
        if (b.authMethod != null && !b.authMethod.isRequestable()) {
            throw new ValidationException(Rules.VENDOR, OP, "authMethod",
                    "must be WORKFORCE_IDENTITY_FEDERATION or CLOUD_IDENTITY (was " + b.authMethod + ")");
        }
        Set<String> paths = new HashSet<>();
        for (FrontendPathConfig c : b.frontendPathConfigs) {
            if (!paths.add(TenantRules.frontendPath(OP, c.frontendPath()))) {
                throw new ValidationException(Rules.VENDOR, OP, "frontendPathConfigs",
                        "frontend path '" + c.frontendPath() + "' is listed twice");
            }
            TenantRules.workforcePoolProviderId(OP, c.workforcePoolProviderId());
        }
        this.authMethod = b.authMethod;
        this.frontendPathConfigs = List.copyOf(b.frontendPathConfigs);
    }

    /**
     * Starts an update.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the new auth method, or null when it is not changed.
     *
     * @return the new auth method, or null when it is not changed
     */
    public AuthMethod authMethod() {
        return authMethod;
    }

    /**
     * Returns the frontend paths with their new provider ids (empty when they are not changed).
     *
     * @return the frontend paths with their new provider ids (empty when they are not changed)
     */
    public List<FrontendPathConfig> frontendPathConfigs() {
        return frontendPathConfigs;
    }

    /**
     * Returns the {@code updateMask} paths, in the order sent.
     *
     * @return the {@code updateMask} paths, in the order sent
     */
    public List<String> updateMask() {
        List<String> mask = new ArrayList<>(2);
        if (authMethod != null) {
            mask.add("authMethod");
        }
        if (!frontendPathConfigs.isEmpty()) {
            mask.add("frontendPathConfigs");
        }
        return mask;
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        if (authMethod != null) {
            body.put("authMethod", authMethod);
        }
        if (!frontendPathConfigs.isEmpty()) {
            body.put("frontendPathConfigs", frontendPathConfigs);
        }
        return body;
    }

    @Override
    public String toString() {
        return "TenantUpdate{updateMask=" + updateMask() + ", authMethod=" + authMethod + ", frontendPathConfigs="
                + frontendPathConfigs + "}";
    }

    /** Builds a {@link TenantUpdate}. */
    public static final class Builder {
        private AuthMethod authMethod;
        private final List<FrontendPathConfig> frontendPathConfigs = new ArrayList<>();

        private Builder() {
        }

        /**
         * Changes the auth method.
         *
         * @param value {@link AuthMethod#WORKFORCE_IDENTITY_FEDERATION} or {@link AuthMethod#CLOUD_IDENTITY}
         * @return this builder
         */
        public Builder authMethod(AuthMethod value) {
            this.authMethod = value;
            return this;
        }

        /**
         * Sets the workforce pool provider of one frontend path. Call once per frontend path of the
         * tenant (see the class description).
         *
         * @param frontendPath the existing frontend path
         * @param providerId   {@code locations/<location>/workforcePools/<pool>/providers/<provider>}
         * @return this builder
         */
        public Builder workforcePoolProviderId(String frontendPath, String providerId) {
            this.frontendPathConfigs.add(FrontendPathConfig.of(frontendPath, providerId));
            return this;
        }

        /**
         * Builds the update.
         *
         * @return the update
         * @throws ValidationException when nothing is set or a value breaks its rule
         */
        public TenantUpdate build() {
            return new TenantUpdate(this);
        }
    }
}
