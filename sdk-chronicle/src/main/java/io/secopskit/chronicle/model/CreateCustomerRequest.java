package io.secopskit.chronicle.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.secopskit.chronicle.internal.Rules;
import io.secopskit.core.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The body of CreateCustomer, sent in snake_case. Build with {@link #builder()}; {@link Builder#build()}
 * checks every known rule and throws {@link ValidationException} naming the field.
 *
 * <p>{@code customer_subdomains} is sent as a JSON array: the document's request sample shows a string, but
 * its GetCustomer and ListCustomers answers return arrays, the field name is plural, and Google's own SecOps
 * tenant Terraform template sends a list.
 */
public final class CreateCustomerRequest {
    private static final String OP = "CreateCustomer";

    @JsonProperty("customer_name")
    private final String customerName;
    @JsonProperty("customer_code")
    private final String customerCode;
    @JsonProperty("customer_subdomains")
    private final List<String> customerSubdomains;
    @JsonProperty("retention_duration")
    private final RetentionDuration retentionDuration;
    @JsonProperty("sso_config")
    private final String ssoConfig;
    @JsonProperty("gcp_project")
    private final String gcpProject;
    @JsonProperty("provider_id")
    private final String providerId;
    @JsonProperty("auth_version")
    private final AuthVersion authVersion;

    private CreateCustomerRequest(Builder b) {
        this.customerName = Rules.required(OP, "customer_name", b.customerName);
        this.customerCode = Rules.newCustomerCode(OP, b.customerCode);
        for (String s : b.customerSubdomains) {
            Rules.subdomain(OP, "customer_subdomains", s);
        }
        this.customerSubdomains = b.customerSubdomains.isEmpty() ? null : List.copyOf(b.customerSubdomains);
        if (b.retentionDuration == RetentionDuration.UNRECOGNIZED) {
            throw new ValidationException(Rules.VENDOR, OP, "retention_duration", "must be SIX_MONTHS or ONE_YEAR");
        }
        this.retentionDuration = b.retentionDuration;
        this.ssoConfig = b.ssoConfig;
        this.gcpProject = b.gcpProject == null ? null : Rules.gcpProject(OP, b.gcpProject);
        this.providerId = b.providerId == null ? null : Rules.providerId(OP, b.providerId);
        if (b.authVersion != null && !b.authVersion.isSettable()) {
            throw new ValidationException(Rules.VENDOR, OP, "auth_version", "must be AUTH_VERSION_3 or AUTH_VERSION_4");
        }
        this.authVersion = b.authVersion;
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
     * Returns the customer name.
     *
     * @return the customer name
     */
    public String customerName() {
        return customerName;
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
     * Returns the subdomains (empty when none).
     *
     * @return the subdomains (empty when none)
     */
    public List<String> customerSubdomains() {
        return customerSubdomains == null ? List.of() : customerSubdomains;
    }

    /**
     * Returns the retention.
     *
     * @return the retention
     */
    public RetentionDuration retentionDuration() {
        return retentionDuration;
    }

    /**
     * Returns the SAML SSO configuration, or null.
     *
     * @return the SAML SSO configuration, or null
     */
    public String ssoConfig() {
        return ssoConfig;
    }

    /**
     * Returns the Google Cloud project, or null.
     *
     * @return the Google Cloud project, or null
     */
    public String gcpProject() {
        return gcpProject;
    }

    /**
     * Returns the workforce pool provider, or null.
     *
     * @return the workforce pool provider, or null
     */
    public String providerId() {
        return providerId;
    }

    /**
     * Returns the auth version, or null.
     *
     * @return the auth version, or null
     */
    public AuthVersion authVersion() {
        return authVersion;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CreateCustomerRequest r && customerName.equals(r.customerName)
                && customerCode.equals(r.customerCode) && Objects.equals(customerSubdomains, r.customerSubdomains)
                && retentionDuration == r.retentionDuration && Objects.equals(ssoConfig, r.ssoConfig)
                && Objects.equals(gcpProject, r.gcpProject) && Objects.equals(providerId, r.providerId)
                && authVersion == r.authVersion;
    }

    @Override
    public int hashCode() {
        return Objects.hash(customerCode, customerName);
    }

    @Override
    public String toString() {
        return "CreateCustomerRequest{customerCode=" + customerCode + ", customerName=" + customerName
                + ", customerSubdomains=" + customerSubdomains() + ", retentionDuration=" + retentionDuration
                + ", gcpProject=" + gcpProject + ", providerId=" + providerId + ", authVersion=" + authVersion
                + ", ssoConfig=" + (ssoConfig == null ? "none" : "<set>") + "}";
    }

    /** Builds a {@link CreateCustomerRequest}. */
    public static final class Builder {
        private String customerName;
        private String customerCode;
        private final List<String> customerSubdomains = new ArrayList<>();
        private RetentionDuration retentionDuration = RetentionDuration.ONE_YEAR;
        private String ssoConfig;
        private String gcpProject;
        private String providerId;
        private AuthVersion authVersion;

        private Builder() {
        }

        /**
         * Sets the customer's display name (required).
         *
         * @param value the name
         * @return this builder
         */
        public Builder customerName(String value) {
            this.customerName = value;
            return this;
        }

        /**
         * Sets the customer code (required): 1-18 characters of {@code [a-z0-9-]}, starting with a
         * lowercase letter and not ending with {@code -} — the creation rule. Other operations accept any
         * existing code.
         *
         * @param value the code
         * @return this builder
         */
        public Builder customerCode(String value) {
            this.customerCode = value;
            return this;
        }

        /**
         * Adds a subdomain: users reach the instance at {@code <subdomain>.backstory.chronicle.security}.
         * Checked only for what DNS requires (labels of 1-63 characters, 253 in all).
         *
         * @param value the subdomain
         * @return this builder
         */
        public Builder customerSubdomain(String value) {
            this.customerSubdomains.add(value);
            return this;
        }

        /**
         * Sets the data retention (default {@link RetentionDuration#ONE_YEAR}).
         *
         * @param value the retention
         * @return this builder
         */
        public Builder retentionDuration(RetentionDuration value) {
            this.retentionDuration = Objects.requireNonNull(value, "retentionDuration");
            return this;
        }

        /**
         * Sets the SAML SSO configuration of the customer's identity provider; it is validated and
         * deployed by Google.
         *
         * @param value the configuration
         * @return this builder
         */
        public Builder ssoConfig(String value) {
            this.ssoConfig = value;
            return this;
        }

        /**
         * Binds the instance to a Google Cloud project: {@code projects/<project id>},
         * {@code projects/<project number>} or {@code projects/<domain>:<project id>}.
         *
         * @param value the project
         * @return this builder
         */
        public Builder gcpProject(String value) {
            this.gcpProject = value;
            return this;
        }

        /**
         * Sets the workforce pool provider:
         * {@code locations/global/workforcePools/<pool>/providers/<provider>}.
         *
         * @param value the provider
         * @return this builder
         */
        public Builder providerId(String value) {
            this.providerId = value;
            return this;
        }

        /**
         * Sets the auth version: {@link AuthVersion#AUTH_VERSION_4} for Cloud Identity (required then),
         * {@link AuthVersion#AUTH_VERSION_3} for Workforce Identity Federation (optional).
         *
         * @param value the version
         * @return this builder
         */
        public Builder authVersion(AuthVersion value) {
            this.authVersion = value;
            return this;
        }

        /**
         * Checks the rules and builds the request.
         *
         * @return the request
         * @throws ValidationException naming the first field that breaks a rule
         */
        public CreateCustomerRequest build() {
            return new CreateCustomerRequest(this);
        }
    }
}
