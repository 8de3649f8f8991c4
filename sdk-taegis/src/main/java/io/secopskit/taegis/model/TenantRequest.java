package io.secopskit.taegis.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A tenant to create ({@code createTenant(newTenant:)}, schema input {@code TenantCreateInput}). Build it with
 * {@link #builder()}; null components are not sent.
 *
 * @param name           the tenant's name (required)
 * @param parentTenantId the parent (partner) tenant — the document: the caller must have access to it as
 *                       TenantAdmin ({@code parentTenantID}; the document's example uses the deprecated
 *                       {@code partnerTenantID})
 * @param isPartner      whether the new tenant is a partner — the document: only Secureworks users with the
 *                       right role may create partners ({@code isPartner})
 * @param isOrganization whether it is an organization tenant ({@code isOrganization}; vendor client only)
 * @param expiresAt      when it expires; the document: a tenant with an expiry is disabled automatically after
 *                       60 days (it does not say from when) ({@code expiresAt})
 * @param environments   the environments to enable it in; the document: a new tenant is enabled in at least
 *                       one ({@code environments})
 * @param labels         labels to create with it ({@code labels})
 * @param mdrProviderType who provides MDR ({@code mdrProviderType}; vendor client only)
 */
public record TenantRequest(
        @JsonProperty("name") String name,
        @JsonProperty("parentTenantID") String parentTenantId,
        @JsonProperty("isPartner") Boolean isPartner,
        @JsonProperty("isOrganization") Boolean isOrganization,
        @JsonProperty("expiresAt") Instant expiresAt,
        @JsonProperty("environments") List<TenantEnvironment> environments,
        @JsonProperty("labels") List<TenantLabelRequest> labels,
        @JsonProperty("mdrProviderType") MdrProviderType mdrProviderType) {

    /**
     * Copies the lists.
     *
     * @param name            the tenant's name
     * @param parentTenantId  the parent (partner) tenant
     * @param isPartner       whether the new tenant is a partner
     * @param isOrganization  whether it is an organization tenant
     * @param expiresAt       when it expires
     * @param environments    the environments to enable it in
     * @param labels          labels to create with it
     * @param mdrProviderType who provides MDR
     * @throws io.secopskit.core.error.ValidationException if a list holds null
     */
    public TenantRequest {
        environments = Copies.request(environments, "newTenant.environments");
        labels = Copies.request(labels, "newTenant.labels");
    }

    /**
     * Starts a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link TenantRequest}. */
    public static final class Builder {
        private String name;
        private String parentTenantId;
        private Boolean isPartner;
        private Boolean isOrganization;
        private Instant expiresAt;
        private List<TenantEnvironment> environments;
        private List<TenantLabelRequest> labels;
        private MdrProviderType mdrProviderType;

        private Builder() {
        }

        /**
         * Sets the name (required).
         *
         * @param value the name
         * @return this builder
         */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /**
         * Sets the parent (partner) tenant the new tenant goes under.
         *
         * @param value the parent tenant id
         * @return this builder
         */
        public Builder parentTenantId(String value) {
            this.parentTenantId = value;
            return this;
        }

        /**
         * Makes the new tenant a partner (Secureworks users with the right role only, the document says).
         *
         * @param value whether it is a partner
         * @return this builder
         */
        public Builder isPartner(Boolean value) {
            this.isPartner = value;
            return this;
        }

        /**
         * Makes the new tenant an organization tenant.
         *
         * @param value whether it is an organization
         * @return this builder
         */
        public Builder isOrganization(Boolean value) {
            this.isOrganization = value;
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
         * Sets the environments to enable the tenant in (replacing earlier ones).
         *
         * @param value the environments
         * @return this builder
         */
        public Builder environments(List<TenantEnvironment> value) {
            this.environments = value == null ? null : new ArrayList<>(value);
            return this;
        }

        /**
         * Adds environments to enable the tenant in.
         *
         * @param values the environments
         * @return this builder
         */
        public Builder environment(TenantEnvironment... values) {
            if (environments == null) {
                environments = new ArrayList<>();
            }
            environments.addAll(Arrays.asList(values));
            return this;
        }

        /**
         * Sets the labels to create with the tenant (replacing earlier ones).
         *
         * @param value the labels
         * @return this builder
         */
        public Builder labels(List<TenantLabelRequest> value) {
            this.labels = value == null ? null : new ArrayList<>(value);
            return this;
        }

        /**
         * Adds a label.
         *
         * @param value the label
         * @return this builder
         */
        public Builder label(TenantLabelRequest value) {
            if (labels == null) {
                labels = new ArrayList<>();
            }
            labels.add(value);
            return this;
        }

        /**
         * Adds a label with a name and value.
         *
         * @param labelName  the name
         * @param labelValue the value
         * @return this builder
         */
        public Builder label(String labelName, String labelValue) {
            return label(TenantLabelRequest.of(labelName, labelValue));
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
         * Builds the request; the client checks it before sending.
         *
         * @return the request
         * @throws io.secopskit.core.error.ValidationException if a list holds null
         */
        public TenantRequest build() {
            return new TenantRequest(name, parentTenantId, isPartner, isOrganization, expiresAt, environments, labels,
                    mdrProviderType);
        }
    }
}
