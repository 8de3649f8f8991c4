package io.secopskit.stellar.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.secopskit.core.error.ValidationException;
import io.secopskit.stellar.StellarClient;
import io.secopskit.stellar.internal.StellarRules;
import java.util.regex.Pattern;

/**
 * The body of tenant create ({@code POST /tenants/}) and update ({@code PATCH /tenants/{id}}). Only the
 * fields set are sent. {@link Builder#buildForCreate()} requires {@code cust_name};
 * {@link Builder#buildForUpdate()} requires at least one field.
 */
public final class TenantRequest {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    @JsonProperty("cust_name")
    private final String name;
    @JsonProperty("contact")
    private final String contact;
    @JsonProperty("contact_email")
    private final String contactEmail;
    @JsonProperty("contact_phone")
    private final String contactPhone;
    @JsonProperty("address")
    private final String address;
    @JsonProperty("info")
    private final String info;
    @JsonProperty("retention_group")
    private final String retentionGroup;
    @JsonProperty("ingestion_limit")
    private final Long ingestionLimit;
    @JsonProperty("session_timeout")
    private final Integer sessionTimeout;
    @JsonProperty("mfa_enabled")
    private final Boolean mfaEnabled;

    private TenantRequest(Builder b, String operation) {
        this.name = b.name == null ? null : StellarRules.required(operation, "cust_name", b.name);
        this.contact = b.contact;
        if (b.contactEmail != null && !EMAIL.matcher(b.contactEmail).matches()) {
            throw new ValidationException(StellarClient.VENDOR, operation, "contact_email",
                    "must be an e-mail address (was '" + b.contactEmail + "')");
        }
        this.contactEmail = b.contactEmail;
        this.contactPhone = b.contactPhone;
        this.address = b.address;
        this.info = b.info;
        this.retentionGroup = b.retentionGroup;
        if (b.ingestionLimit != null && b.ingestionLimit < 0) {
            throw new ValidationException(StellarClient.VENDOR, operation, "ingestion_limit", "must not be negative");
        }
        this.ingestionLimit = b.ingestionLimit;
        if (b.sessionTimeout != null && b.sessionTimeout < 1) {
            throw new ValidationException(StellarClient.VENDOR, operation, "session_timeout", "must be at least 1 minute");
        }
        this.sessionTimeout = b.sessionTimeout;
        this.mfaEnabled = b.mfaEnabled;
    }

    /**
     * Starts a request.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the tenant name, or null when not changed.
     *
     * @return the tenant name, or null when not changed
     */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "TenantRequest{cust_name=" + name + ", contact_email=" + contactEmail + ", retention_group="
                + retentionGroup + ", ingestion_limit=" + ingestionLimit + ", session_timeout=" + sessionTimeout
                + ", mfa_enabled=" + mfaEnabled + "}";
    }

    /** Builds a {@link TenantRequest}. */
    public static final class Builder {
        private String name;
        private String contact;
        private String contactEmail;
        private String contactPhone;
        private String address;
        private String info;
        private String retentionGroup;
        private Long ingestionLimit;
        private Integer sessionTimeout;
        private Boolean mfaEnabled;

        private Builder() {
        }

        /**
         * Sets the tenant name ({@code cust_name}); required on create.
         *
         * @param value the name
         * @return this builder
         */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /**
         * Sets the contact person.
         *
         * @param value the contact
         * @return this builder
         */
        public Builder contact(String value) {
            this.contact = value;
            return this;
        }

        /**
         * Sets the contact e-mail.
         *
         * @param value an e-mail address
         * @return this builder
         */
        public Builder contactEmail(String value) {
            this.contactEmail = value;
            return this;
        }

        /**
         * Sets the contact phone.
         *
         * @param value the phone number
         * @return this builder
         */
        public Builder contactPhone(String value) {
            this.contactPhone = value;
            return this;
        }

        /**
         * Sets the postal address.
         *
         * @param value the address
         * @return this builder
         */
        public Builder address(String value) {
            this.address = value;
            return this;
        }

        /**
         * Sets free-form information.
         *
         * @param value the text
         * @return this builder
         */
        public Builder info(String value) {
            this.info = value;
            return this;
        }

        /**
         * Sets the data retention group id.
         *
         * @param value the group id
         * @return this builder
         */
        public Builder retentionGroup(String value) {
            this.retentionGroup = value;
            return this;
        }

        /**
         * Sets the daily ingestion limit in GB (0 for none).
         *
         * @param value the limit
         * @return this builder
         */
        public Builder ingestionLimit(long value) {
            this.ingestionLimit = value;
            return this;
        }

        /**
         * Sets the UI session timeout in minutes.
         *
         * @param value minutes, at least 1
         * @return this builder
         */
        public Builder sessionTimeout(int value) {
            this.sessionTimeout = value;
            return this;
        }

        /**
         * Requires MFA for the tenant's users.
         *
         * @param value whether MFA is required
         * @return this builder
         */
        public Builder mfaEnabled(boolean value) {
            this.mfaEnabled = value;
            return this;
        }

        /**
         * Builds a create request.
         *
         * @return the request
         * @throws ValidationException when {@code cust_name} is missing or a field breaks its rule
         */
        public TenantRequest buildForCreate() {
            StellarRules.required("CreateTenant", "cust_name", name);
            return new TenantRequest(this, "CreateTenant");
        }

        /**
         * Builds an update request.
         *
         * @return the request
         * @throws ValidationException when nothing would change or a field breaks its rule
         */
        public TenantRequest buildForUpdate() {
            if (name == null && contact == null && contactEmail == null && contactPhone == null && address == null
                    && info == null && retentionGroup == null && ingestionLimit == null && sessionTimeout == null
                    && mfaEnabled == null) {
                throw new ValidationException(StellarClient.VENDOR, "UpdateTenant", "update", "must change at least one field");
            }
            return new TenantRequest(this, "UpdateTenant");
        }
    }
}
