package io.secopskit.chronicle.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.secopskit.chronicle.internal.Rules;

/**
 * The body of UpdateSSOConfig (PATCH), sent in snake_case. Build with {@link #builder()}.
 */
public final class UpdateSsoConfigRequest {
    private static final String OP = "UpdateSSOConfig";

    @JsonProperty("customer_code")
    private final String customerCode;
    @JsonProperty("sso_config")
    private final String ssoConfig;
    @JsonProperty("customer_subdomain")
    private final String customerSubdomain;
    @JsonProperty("update_v2_only")
    private final Boolean updateV2Only;

    private UpdateSsoConfigRequest(Builder b) {
        this.customerCode = Rules.customerCode(OP, b.customerCode);
        this.ssoConfig = Rules.required(OP, "sso_config", b.ssoConfig);
        this.customerSubdomain = b.customerSubdomain == null ? null
                : Rules.subdomain(OP, "customer_subdomain", b.customerSubdomain);
        this.updateV2Only = b.updateV2Only;
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
     * Returns the customer code.
     *
     * @return the customer code
     */
    public String customerCode() {
        return customerCode;
    }

    /**
     * Returns the subdomain, or null.
     *
     * @return the subdomain, or null
     */
    public String customerSubdomain() {
        return customerSubdomain;
    }

    /**
     * Returns the update-v2-only flag, or null when not sent.
     *
     * @return the update-v2-only flag, or null when not sent
     */
    public Boolean updateV2Only() {
        return updateV2Only;
    }

    @Override
    public String toString() {
        return "UpdateSsoConfigRequest{customerCode=" + customerCode + ", customerSubdomain=" + customerSubdomain
                + ", updateV2Only=" + updateV2Only + ", ssoConfig=<set>}";
    }

    /** Builds an {@link UpdateSsoConfigRequest}. */
    public static final class Builder {
        private String customerCode;
        private String ssoConfig;
        private String customerSubdomain;
        private Boolean updateV2Only;

        private Builder() {
        }

        /**
         * Sets the customer code (required).
         *
         * @param value the code
         * @return this builder
         */
        public Builder customerCode(String value) {
            this.customerCode = value;
            return this;
        }

        /**
         * Sets the new SAML SSO configuration (required).
         *
         * @param value the configuration
         * @return this builder
         */
        public Builder ssoConfig(String value) {
            this.ssoConfig = value;
            return this;
        }

        /**
         * Sets the subdomain whose SSO configuration changes.
         *
         * @param value the subdomain
         * @return this builder
         */
        public Builder customerSubdomain(String value) {
            this.customerSubdomain = value;
            return this;
        }

        /**
         * Updates only the v2 SSO configuration.
         *
         * @param value the flag
         * @return this builder
         */
        public Builder updateV2Only(boolean value) {
            this.updateV2Only = value;
            return this;
        }

        /**
         * Checks the rules and builds the request.
         *
         * @return the request
         */
        public UpdateSsoConfigRequest build() {
            return new UpdateSsoConfigRequest(this);
        }
    }
}
