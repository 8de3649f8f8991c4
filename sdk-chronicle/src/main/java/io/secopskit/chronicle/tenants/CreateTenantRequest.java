package io.secopskit.chronicle.tenants;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.secopskit.chronicle.internal.Rules;
import io.secopskit.chronicle.internal.TenantRules;
import io.secopskit.core.Beta;
import io.secopskit.core.error.ValidationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The body of {@code tenants.create}: a Tenant, sent in camelCase with absent fields left out. Build with
 * {@link #builder()}; {@link Builder#build()} checks the rule of every field that is set (the 11
 * retention durations, the 2 auth methods, the customer-code rule, {@code projects/<id>}, workforce pool
 * provider ids) and throws {@link ValidationException} naming the field. Which fields are
 * <em>required</em> depends on the doc revision and is checked by the client before sending
 * ({@link TenantServiceClient.Builder#requiredFields}).
 */
@Beta
@JsonPropertyOrder({"displayName", "customerCode", "tenantGcpProject", "retentionDuration", "authMethod",
        "frontendPathConfigs", "billingAccount", "provisioningFlow"})
public final class CreateTenantRequest {
    static final String OP = "CreateTenant";

    @JsonProperty("displayName")
    private final String displayName;
    @JsonProperty("customerCode")
    private final String customerCode;
    @JsonProperty("tenantGcpProject")
    private final String tenantGcpProject;
    @JsonProperty("retentionDuration")
    private final TenantRetentionDuration retentionDuration;
    @JsonProperty("authMethod")
    private final AuthMethod authMethod;
    @JsonProperty("frontendPathConfigs")
    private final List<FrontendPathConfig> frontendPathConfigs;
    @JsonProperty("billingAccount")
    private final String billingAccount;
    @JsonProperty("provisioningFlow")
    private final String provisioningFlow;

    private CreateTenantRequest(Builder b) {
        this.displayName = b.displayName == null ? null : TenantRules.displayName(OP, b.displayName);
        this.customerCode = b.customerCode == null ? null : TenantRules.customerCode(OP, b.customerCode);
        this.tenantGcpProject = b.tenantGcpProject == null ? null : TenantRules.tenantGcpProject(OP, b.tenantGcpProject);
        if (b.retentionDuration != null && !b.retentionDuration.isRequestable()) {
            throw new ValidationException(Rules.VENDOR, OP, "retentionDuration",
                    "must be one of the 11 documented durations (was " + b.retentionDuration + ")");
        }
        this.retentionDuration = b.retentionDuration;
        if (b.authMethod != null && !b.authMethod.isRequestable()) {
            throw new ValidationException(Rules.VENDOR, OP, "authMethod",
                    "must be WORKFORCE_IDENTITY_FEDERATION or CLOUD_IDENTITY (was " + b.authMethod + ")");
        }
        this.authMethod = b.authMethod;
        Set<String> paths = new HashSet<>();
        for (FrontendPathConfig c : b.frontendPathConfigs) {
            if (!paths.add(TenantRules.frontendPath(OP, c.frontendPath()))) {
                throw new ValidationException(Rules.VENDOR, OP, "frontendPathConfigs",
                        "frontend path '" + c.frontendPath() + "' is listed twice");
            }
            if (c.workforcePoolProviderId() != null) {
                TenantRules.workforcePoolProviderId(OP, c.workforcePoolProviderId());
            }
        }
        this.frontendPathConfigs = b.frontendPathConfigs.isEmpty() ? null : List.copyOf(b.frontendPathConfigs);
        this.billingAccount = b.billingAccount == null ? null : TenantRules.billingAccount(OP, b.billingAccount);
        this.provisioningFlow = b.provisioningFlow == null ? null : TenantRules.text(OP, "provisioningFlow", b.provisioningFlow);
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
     * Checks that every field the revision requires is set.
     *
     * @param revision the doc revision
     * @throws ValidationException naming the first missing field
     */
    void requireFields(TenantFieldRevision revision) {
        for (String field : revision.requiredFields()) {
            boolean missing = switch (field) {
                case "displayName" -> displayName == null;
                case "customerCode" -> customerCode == null;
                case "tenantGcpProject" -> tenantGcpProject == null;
                case "retentionDuration" -> retentionDuration == null;
                case "authMethod" -> authMethod == null;
                case "frontendPathConfigs" -> frontendPathConfigs == null;
                case "billingAccount" -> billingAccount == null;
                default -> throw new IllegalStateException("unknown field " + field);
            };
            if (missing) {
                throw new ValidationException(Rules.VENDOR, OP, field, "is required by the " + revision
                        + " doc revision of tenants.create (required: " + revision.requiredFields() + ")");
            }
        }
    }

    /**
     * Compares this request with an existing tenant, field by field, for the fields the tenant carries
     * (a field Google does not return cannot be compared and is not reported). Billing accounts compare
     * with or without the {@code billingAccounts/} prefix; a project given by id and returned by number
     * (or the reverse) shows as different, since the SDK cannot tell them apart offline.
     *
     * @param tenant the existing tenant
     * @return the names of the fields whose values differ, in wire order; empty when all comparable fields match
     */
    public List<String> differingFields(Tenant tenant) {
        Objects.requireNonNull(tenant, "tenant");
        List<String> out = new ArrayList<>();
        compare(out, "displayName", displayName, tenant.displayName());
        compare(out, "customerCode", customerCode, tenant.customerCode());
        compare(out, "tenantGcpProject", tenantGcpProject, tenant.tenantGcpProject());
        compare(out, "retentionDuration", retentionDuration, tenant.retentionDuration());
        compare(out, "authMethod", authMethod, tenant.authMethod());
        if (!tenant.frontendPathConfigs().isEmpty() || frontendPathConfigs != null) {
            Set<FrontendPathConfig> mine = frontendPathConfigs == null ? Set.of() : new LinkedHashSet<>(frontendPathConfigs);
            if (!mine.equals(new LinkedHashSet<>(tenant.frontendPathConfigs()))) {
                out.add("frontendPathConfigs");
            }
        }
        compare(out, "billingAccount", bareBillingAccount(billingAccount), bareBillingAccount(tenant.billingAccount()));
        compare(out, "provisioningFlow", provisioningFlow, tenant.provisioningFlow());
        return out;
    }

    private static String bareBillingAccount(String account) {
        return account != null && account.startsWith("billingAccounts/") ? account.substring("billingAccounts/".length())
                : account;
    }

    private static void compare(List<String> out, String field, Object mine, Object theirs) {
        if (theirs != null && !theirs.equals(mine)) {
            out.add(field);
        }
    }

    /**
     * Returns the display name, or null.
     *
     * @return the display name, or null
     */
    public String displayName() {
        return displayName;
    }

    /**
     * Returns the customer code, or null.
     *
     * @return the customer code, or null
     */
    public String customerCode() {
        return customerCode;
    }

    /**
     * Returns the tenant's Google Cloud project, or null.
     *
     * @return the tenant's Google Cloud project, or null
     */
    public String tenantGcpProject() {
        return tenantGcpProject;
    }

    /**
     * Returns the retention, or null.
     *
     * @return the retention, or null
     */
    public TenantRetentionDuration retentionDuration() {
        return retentionDuration;
    }

    /**
     * Returns the auth method, or null.
     *
     * @return the auth method, or null
     */
    public AuthMethod authMethod() {
        return authMethod;
    }

    /**
     * Returns the frontend path configurations (empty when none).
     *
     * @return the frontend path configurations (empty when none)
     */
    public List<FrontendPathConfig> frontendPathConfigs() {
        return frontendPathConfigs == null ? List.of() : frontendPathConfigs;
    }

    /**
     * Returns the billing account, or null.
     *
     * @return the billing account, or null
     */
    public String billingAccount() {
        return billingAccount;
    }

    /**
     * Returns the provisioning flow, or null.
     *
     * @return the provisioning flow, or null
     */
    public String provisioningFlow() {
        return provisioningFlow;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CreateTenantRequest r && Objects.equals(displayName, r.displayName)
                && Objects.equals(customerCode, r.customerCode) && Objects.equals(tenantGcpProject, r.tenantGcpProject)
                && retentionDuration == r.retentionDuration && authMethod == r.authMethod
                && Objects.equals(frontendPathConfigs, r.frontendPathConfigs)
                && Objects.equals(billingAccount, r.billingAccount) && Objects.equals(provisioningFlow, r.provisioningFlow);
    }

    @Override
    public int hashCode() {
        return Objects.hash(customerCode, displayName, tenantGcpProject);
    }

    @Override
    public String toString() {
        return "CreateTenantRequest{customerCode=" + customerCode + ", displayName=" + displayName
                + ", tenantGcpProject=" + tenantGcpProject + ", retentionDuration=" + retentionDuration
                + ", authMethod=" + authMethod + ", frontendPathConfigs=" + frontendPathConfigs()
                + ", billingAccount=" + billingAccount + ", provisioningFlow=" + provisioningFlow + "}";
    }

    /** Builds a {@link CreateTenantRequest}. */
    public static final class Builder {
        private String displayName;
        private String customerCode;
        private String tenantGcpProject;
        private TenantRetentionDuration retentionDuration;
        private AuthMethod authMethod;
        private final List<FrontendPathConfig> frontendPathConfigs = new ArrayList<>();
        private String billingAccount;
        private String provisioningFlow;

        private Builder() {
        }

        /**
         * Sets the display name (required): not blank, no control characters, at most 255 characters
         * (the cap is the SDK's; the documents give none).
         *
         * @param value the name
         * @return this builder
         */
        public Builder displayName(String value) {
            this.displayName = value;
            return this;
        }

        /**
         * Sets the customer code (required by the current revision; SecOpsKit's idempotency key): 1-18
         * characters of {@code [a-z0-9-]}, starting with a lowercase letter and not ending with {@code -}
         * (the partner API's documented rule, which the migration guide maps one to one).
         *
         * @param value the code
         * @return this builder
         */
        public Builder customerCode(String value) {
            this.customerCode = value;
            return this;
        }

        /**
         * Sets the tenant's own Google Cloud project (required), {@code projects/<project id or number>}.
         *
         * @param value the project
         * @return this builder
         */
        public Builder tenantGcpProject(String value) {
            this.tenantGcpProject = value;
            return this;
        }

        /**
         * Sets the contractual data retention (required; no default, it is a contract term).
         *
         * @param value one of the 11 documented durations
         * @return this builder
         */
        public Builder retentionDuration(TenantRetentionDuration value) {
            this.retentionDuration = value;
            return this;
        }

        /**
         * Sets how users sign in (required by the current revision).
         *
         * @param value {@link AuthMethod#WORKFORCE_IDENTITY_FEDERATION} or {@link AuthMethod#CLOUD_IDENTITY}
         * @return this builder
         */
        public Builder authMethod(AuthMethod value) {
            this.authMethod = value;
            return this;
        }

        /**
         * Adds a frontend path without a workforce pool provider (at least one path is required by the
         * current revision).
         *
         * @param path the frontend path (a DNS label: the rule is a guess, the documents give none)
         * @return this builder
         */
        public Builder frontendPath(String path) {
            this.frontendPathConfigs.add(FrontendPathConfig.of(path));
            return this;
        }

        /**
         * Adds a frontend path and the workforce pool provider its users sign in through.
         *
         * @param path       the frontend path
         * @param providerId {@code locations/<location>/workforcePools/<pool>/providers/<provider>}
         * @return this builder
         */
        public Builder frontendPath(String path, String providerId) {
            this.frontendPathConfigs.add(FrontendPathConfig.of(path, providerId));
            return this;
        }

        /**
         * Sets the billing account (required by the current revision). The documents do not show its
         * format; the SDK accepts a Cloud Billing account id {@code XXXXXX-XXXXXX-XXXXXX}, with or
         * without the {@code billingAccounts/} prefix (a guess).
         *
         * @param value the billing account
         * @return this builder
         */
        public Builder billingAccount(String value) {
            this.billingAccount = value;
            return this;
        }

        /**
         * Sets the optional provisioning flow (newer revision; its values are not documented, so the
         * SDK sends the text as given: 1-255 characters without control characters).
         *
         * @param value the flow
         * @return this builder
         */
        public Builder provisioningFlow(String value) {
            this.provisioningFlow = value;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws ValidationException when a field that is set breaks its rule
         */
        public CreateTenantRequest build() {
            return new CreateTenantRequest(this);
        }
    }
}
