package io.secopskit.taegis.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Turns a tenant on or off in one environment, inside a {@link TenantUpdate} (schema input
 * {@code TenantEnvironmentUpdateInput}). Several changes can go in one update.
 *
 * @param name    the environment ({@code name})
 * @param enabled whether the tenant is to be enabled there ({@code enabled})
 */
public record TenantEnvironmentChange(
        @JsonProperty("name") TenantEnvironment name,
        @JsonProperty("enabled") boolean enabled) {

    /**
     * Checks the environment.
     *
     * @param name    the environment
     * @param enabled whether the tenant is to be enabled there
     * @throws NullPointerException if the environment is null
     */
    public TenantEnvironmentChange {
        Objects.requireNonNull(name, "name");
    }

    /**
     * Enables the tenant in an environment.
     *
     * @param environment the environment
     * @return the change
     */
    public static TenantEnvironmentChange on(TenantEnvironment environment) {
        return new TenantEnvironmentChange(environment, true);
    }

    /**
     * Disables the tenant in an environment.
     *
     * @param environment the environment
     * @return the change
     */
    public static TenantEnvironmentChange off(TenantEnvironment environment) {
        return new TenantEnvironmentChange(environment, false);
    }
}
