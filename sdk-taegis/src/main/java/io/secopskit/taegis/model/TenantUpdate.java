package io.secopskit.taegis.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Changes to a tenant ({@code updateTenant(tenantID:, tenantUpdate:)}, schema input {@code TenantUpdateInput}).
 * Only the fields set are sent; a null is never sent to clear a value — the API ignores it — so clearing an
 * expiry is its own flag, {@link Builder#clearExpiration()}.
 *
 * @param name                the new name ({@code name})
 * @param disable             {@code true} turns the tenant off in every environment ({@code disable})
 * @param expiresAt           a new expiry; the document: a tenant with an expiry is disabled automatically after
 *                            60 days ({@code expiresAt})
 * @param clearExpiration     {@code true} removes the expiry ({@code clearExpiration})
 * @param parentTenantId      a new parent ({@code parentTenantID}; vendor client only)
 * @param environments        environments to turn on or off ({@code environments})
 * @param dataRetentionMonths how long data is kept ({@code dataRetentionMonths}; vendor client only)
 * @param mdrProviderType     who provides MDR ({@code mdrProviderType}; vendor client only)
 */
public record TenantUpdate(
        @JsonProperty("name") String name,
        @JsonProperty("disable") Boolean disable,
        @JsonProperty("expiresAt") Instant expiresAt,
        @JsonProperty("clearExpiration") Boolean clearExpiration,
        @JsonProperty("parentTenantID") String parentTenantId,
        @JsonProperty("environments") List<TenantEnvironmentChange> environments,
        @JsonProperty("dataRetentionMonths") RetentionMonths dataRetentionMonths,
        @JsonProperty("mdrProviderType") MdrProviderType mdrProviderType) {

    /**
     * Copies the environment changes.
     *
     * @param name                the new name
     * @param disable             whether to turn the tenant off everywhere
     * @param expiresAt           a new expiry
     * @param clearExpiration     whether to remove the expiry
     * @param parentTenantId      a new parent
     * @param environments        environments to turn on or off
     * @param dataRetentionMonths how long data is kept
     * @param mdrProviderType     who provides MDR
     * @throws io.secopskit.core.error.ValidationException if the list holds null
     */
    public TenantUpdate {
        environments = Copies.request(environments, "tenantUpdate.environments");
    }

    /**
     * Starts a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns whether this update changes nothing (every component null).
     *
     * @return true when nothing would be sent
     */
    @JsonIgnore
    public boolean isEmpty() {
        return name == null && disable == null && expiresAt == null && clearExpiration == null && parentTenantId == null
                && environments == null && dataRetentionMonths == null && mdrProviderType == null;
    }

    /** Builds a {@link TenantUpdate}. */
    public static final class Builder {
        private String name;
        private Boolean disable;
        private Instant expiresAt;
        private Boolean clearExpiration;
        private String parentTenantId;
        private List<TenantEnvironmentChange> environments;
        private RetentionMonths dataRetentionMonths;
        private MdrProviderType mdrProviderType;

        private Builder() {
        }

        /**
         * Renames the tenant.
         *
         * @param value the new name
         * @return this builder
         */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /**
         * Turns the tenant off in every environment ({@code disable: true}); the document: the same as
         * disabling each environment.
         *
         * @return this builder
         */
        public Builder disable() {
            this.disable = true;
            return this;
        }

        /**
         * Sets when the tenant expires. <b>A tenant with an expiry is disabled automatically after 60 days</b>,
         * the document says; it does not say whether the 60 days count from the expiry or from when it was set.
         *
         * @param value the expiry
         * @return this builder
         */
        public Builder expiresAt(Instant value) {
            this.expiresAt = value;
            return this;
        }

        /**
         * Removes the expiry ({@code clearExpiration: true}).
         *
         * @return this builder
         */
        public Builder clearExpiration() {
            this.clearExpiration = true;
            return this;
        }

        /**
         * Moves the tenant under another parent.
         *
         * @param value the new parent tenant id
         * @return this builder
         */
        public Builder parentTenantId(String value) {
            this.parentTenantId = value;
            return this;
        }

        /**
         * Turns the tenant on or off in an environment; call once per environment.
         *
         * @param environment the environment
         * @param enabled     whether the tenant is to be enabled there
         * @return this builder
         */
        public Builder environment(TenantEnvironment environment, boolean enabled) {
            if (environments == null) {
                environments = new ArrayList<>();
            }
            environments.add(new TenantEnvironmentChange(environment, enabled));
            return this;
        }

        /**
         * Sets how long the tenant's data is kept.
         *
         * @param value the retention
         * @return this builder
         */
        public Builder dataRetentionMonths(RetentionMonths value) {
            this.dataRetentionMonths = value;
            return this;
        }

        /**
         * Sets who provides MDR.
         *
         * @param value the provider type
         * @return this builder
         */
        public Builder mdrProviderType(MdrProviderType value) {
            this.mdrProviderType = value;
            return this;
        }

        /**
         * Builds the update; the client checks it before sending.
         *
         * @return the update
         */
        public TenantUpdate build() {
            return new TenantUpdate(name, disable, expiresAt, clearExpiration, parentTenantId, environments,
                    dataRetentionMonths, mdrProviderType);
        }
    }
}
