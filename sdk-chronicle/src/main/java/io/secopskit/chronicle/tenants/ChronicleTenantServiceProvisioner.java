package io.secopskit.chronicle.tenants;

import io.secopskit.chronicle.internal.Rules;
import io.secopskit.core.Beta;
import io.secopskit.core.error.ValidationException;
import io.secopskit.core.provisioning.PlannedAction;
import io.secopskit.core.provisioning.ProvisionedTenant;
import io.secopskit.core.provisioning.TenantProvisioner;
import io.secopskit.core.provisioning.TenantSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Onboards a customer to Google Security Operations through the Chronicle API tenant service (the
 * successor of the partner API), keyed by the customer code:
 * <ul>
 *   <li>{@link #find}: {@code tenants.list} until a tenant has the spec's customer code; FOUND when it is
 *       {@code ACTIVE}. A tenant that exists but is not active (its workflow stuck in ERROR or CANCELLED,
 *       or still running) is reported as not found, so that {@link #provision} resends the same request —
 *       which Google documents as retrying a stuck workflow and answering ALREADY_EXISTS otherwise.</li>
 *   <li>{@link #findBound}: the bound tenant by its resource name, or — for a binding the legacy
 *       {@code ChronicleTenantProvisioner} wrote — by the customer code it holds, so that switching a partner from
 *       the legacy API to this one adopts customers instead of creating them again.</li>
 *   <li>{@link #provision}: {@link TenantsClient#ensure} — creates (or retries) and awaits the
 *       operation; returns CREATED, or FOUND when Google says the tenant already exists with the same
 *       fields. The tenant service issues no credentials, so the result carries none (attribute
 *       {@code credentials=none-issued}).</li>
 *   <li>{@link #deprovision}: the tenant service documents no delete or disable, so this throws
 *       {@link UnsupportedOperationException} instead of pretending.</li>
 * </ul>
 *
 * <p>Field mapping from {@link TenantSpec}: displayName and customerCode as given; retention: the shortest
 * documented duration that keeps at least {@code retentionMonths} (2 months or less → 63 days, 3, 6, 12,
 * 13, 18, 24, 36, 48, 60, above → UNLIMITED); the frontend path is the customer code unless the hint
 * {@code chronicle.frontendPath} says otherwise. The fields a spec has no word for come from hints or from
 * this builder's defaults, hints first: {@code chronicle.tenantGcpProject}, {@code chronicle.billingAccount},
 * {@code chronicle.authMethod}, {@code chronicle.workforcePoolProviderId}.
 */
@Beta
public final class ChronicleTenantServiceProvisioner implements TenantProvisioner {
    /** Hint naming the tenant's own project, {@code projects/<id>}. */
    public static final String HINT_TENANT_GCP_PROJECT = "chronicle.tenantGcpProject";
    /** Hint naming the billing account. */
    public static final String HINT_BILLING_ACCOUNT = "chronicle.billingAccount";
    /** Hint naming the auth method ({@code WORKFORCE_IDENTITY_FEDERATION} or {@code CLOUD_IDENTITY}). */
    public static final String HINT_AUTH_METHOD = "chronicle.authMethod";
    /** Hint naming the frontend path (default: the customer code). */
    public static final String HINT_FRONTEND_PATH = "chronicle.frontendPath";
    /** Hint naming the workforce pool provider of the frontend path. */
    public static final String HINT_WORKFORCE_POOL_PROVIDER_ID = "chronicle.workforcePoolProviderId";

    private final TenantServiceClient client;
    private final Function<TenantSpec, String> tenantGcpProject;
    private final String billingAccount;
    private final AuthMethod authMethod;
    private final String workforcePoolProviderId;
    private final Duration awaitTimeout;

    private ChronicleTenantServiceProvisioner(Builder b) {
        this.client = Objects.requireNonNull(b.client, "client");
        this.tenantGcpProject = b.tenantGcpProject;
        this.billingAccount = b.billingAccount;
        this.authMethod = b.authMethod;
        this.workforcePoolProviderId = b.workforcePoolProviderId;
        this.awaitTimeout = b.awaitTimeout;
    }

    /**
     * Starts a builder.
     *
     * @param client the tenant service client
     * @return a builder
     */
    public static Builder builder(TenantServiceClient client) {
        return new Builder(client);
    }

    @Override
    public String vendor() {
        return Rules.VENDOR;
    }

    /**
     * Returns the tenant service client this provisioner creates with.
     *
     * @return the client
     */
    public TenantServiceClient client() {
        return client;
    }

    @Override
    public Optional<ProvisionedTenant> find(TenantSpec spec) {
        return client.tenants().findByCustomerCode(spec.customerCode()).filter(Tenant::isActive)
                .map(t -> result(t, ProvisionedTenant.Status.FOUND, spec));
    }

    /**
     * Looks up a bound tenant: by its resource name ({@code .../tenants/<id>}) among the listed tenants, or —
     * for a binding the legacy provisioner wrote, whose tenant id is the customer code — by that code. Only an
     * {@code ACTIVE} tenant counts.
     *
     * @param spec     the customer
     * @param tenantId the bound tenant name, or a customer code from a legacy binding
     * @return the tenant, or empty
     */
    @Override
    public Optional<ProvisionedTenant> findBound(TenantSpec spec, String tenantId) {
        if (tenantId == null || !tenantId.contains("/tenants/")) {
            return tenantId == null ? Optional.empty() : client.tenants().findByCustomerCode(tenantId)
                    .filter(Tenant::isActive).map(t -> result(t, ProvisionedTenant.Status.FOUND, spec));
        }
        for (Tenant t : client.tenants().list()) {
            if (tenantId.equals(t.name())) {
                return t.isActive() ? Optional.of(result(t, ProvisionedTenant.Status.FOUND, spec)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    @Override
    public ProvisionedTenant provision(TenantSpec spec) {
        EnsuredTenant ensured = client.tenants().ensure(request(spec), awaitTimeout);
        return result(ensured.tenant(), ensured.outcome() == EnsuredTenant.Outcome.CREATED
                ? ProvisionedTenant.Status.CREATED : ProvisionedTenant.Status.FOUND, spec);
    }

    /**
     * Not supported: the tenant service documents no way to delete or disable a tenant.
     *
     * @param tenant the tenant
     * @throws UnsupportedOperationException always
     */
    @Override
    public void deprovision(ProvisionedTenant tenant) {
        throw new UnsupportedOperationException("the Chronicle API tenant service documents no delete or disable for "
                + "tenants (only create, list and patch); " + tenant.tenantId() + " was left as it is");
    }

    /**
     * Plans {@code chronicle.CreateTenant} on the tenant service's host; irreversible, because the tenant service
     * documents no delete or disable. Sends nothing.
     *
     * @param spec the customer
     * @return the planned action
     */
    @Override
    public PlannedAction plannedCreate(TenantSpec spec) {
        return PlannedAction.create(spec.customerCode(), vendor(), Rules.VENDOR + "." + CreateTenantRequest.OP,
                client.endpoint().getHost(), true, "the Chronicle API tenant service documents no delete or disable: tenant '"
                        + spec.customerCode() + "' stays under the partner's instance for good");
    }

    /** Returns "tenant name" (the tenant's resource name, {@code projects/.../tenants/<id>}). */
    @Override
    public String tenantIdLabel() {
        return "tenant name";
    }

    /**
     * Builds the {@code tenants.create} request for a spec, as {@link #provision} sends it.
     *
     * @param spec the customer
     * @return the request
     * @throws ValidationException when a needed value is missing or breaks its rule
     */
    public CreateTenantRequest request(TenantSpec spec) {
        String project = spec.hint(HINT_TENANT_GCP_PROJECT) != null ? spec.hint(HINT_TENANT_GCP_PROJECT)
                : tenantGcpProject == null ? null : tenantGcpProject.apply(spec);
        String billing = spec.hint(HINT_BILLING_ACCOUNT) != null ? spec.hint(HINT_BILLING_ACCOUNT) : billingAccount;
        AuthMethod method = authMethod;
        if (spec.hint(HINT_AUTH_METHOD) != null) {
            try {
                method = AuthMethod.valueOf(spec.hint(HINT_AUTH_METHOD));
            } catch (IllegalArgumentException e) {
                throw new ValidationException(Rules.VENDOR, CreateTenantRequest.OP, HINT_AUTH_METHOD,
                        "must be WORKFORCE_IDENTITY_FEDERATION or CLOUD_IDENTITY (was '" + spec.hint(HINT_AUTH_METHOD) + "')");
            }
        }
        String path = spec.hint(HINT_FRONTEND_PATH) != null ? spec.hint(HINT_FRONTEND_PATH) : spec.customerCode();
        String provider = spec.hint(HINT_WORKFORCE_POOL_PROVIDER_ID) != null ? spec.hint(HINT_WORKFORCE_POOL_PROVIDER_ID)
                : workforcePoolProviderId;
        return CreateTenantRequest.builder()
                .displayName(spec.displayName())
                .customerCode(spec.customerCode())
                .tenantGcpProject(project)
                .retentionDuration(retention(spec.retentionMonths()))
                .authMethod(method)
                .frontendPath(path, provider)
                .billingAccount(billing)
                .build();
    }

    /**
     * Maps months to the shortest documented retention that keeps at least that long.
     *
     * @param months requested retention in months (at least 1)
     * @return the duration
     */
    public static TenantRetentionDuration retention(int months) {
        if (months <= 2) {
            return TenantRetentionDuration.SIXTY_THREE_DAYS;
        } else if (months <= 3) {
            return TenantRetentionDuration.THREE_MONTHS;
        } else if (months <= 6) {
            return TenantRetentionDuration.SIX_MONTHS;
        } else if (months <= 12) {
            return TenantRetentionDuration.ONE_YEAR;
        } else if (months <= 13) {
            return TenantRetentionDuration.THIRTEEN_MONTHS;
        } else if (months <= 18) {
            return TenantRetentionDuration.EIGHTEEN_MONTHS;
        } else if (months <= 24) {
            return TenantRetentionDuration.TWO_YEARS;
        } else if (months <= 36) {
            return TenantRetentionDuration.THREE_YEARS;
        } else if (months <= 48) {
            return TenantRetentionDuration.FOUR_YEARS;
        } else if (months <= 60) {
            return TenantRetentionDuration.FIVE_YEARS;
        }
        return TenantRetentionDuration.UNLIMITED;
    }

    private ProvisionedTenant result(Tenant t, ProvisionedTenant.Status status, TenantSpec spec) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("customer_code", spec.customerCode());
        attributes.put("tenant_name", t.name());
        if (t.state() != null) {
            attributes.put("state", t.state());
        }
        attributes.put("api", "chronicle-tenant-service");
        attributes.put("credentials", "none-issued");
        return new ProvisionedTenant(vendor(), t.name(), status, attributes, Map.of());
    }

    /** Builds a {@link ChronicleTenantServiceProvisioner}. */
    public static final class Builder {
        private final TenantServiceClient client;
        private Function<TenantSpec, String> tenantGcpProject;
        private String billingAccount;
        private AuthMethod authMethod;
        private String workforcePoolProviderId;
        private Duration awaitTimeout = Duration.ofMinutes(30);

        private Builder(TenantServiceClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /**
         * Derives each customer's own Google Cloud project from its spec when the spec has no
         * {@value ChronicleTenantServiceProvisioner#HINT_TENANT_GCP_PROJECT} hint.
         *
         * @param value for example {@code spec -> "projects/" + spec.customerCode() + "-secops"}
         * @return this builder
         */
        public Builder tenantGcpProject(Function<TenantSpec, String> value) {
            this.tenantGcpProject = Objects.requireNonNull(value, "tenantGcpProject");
            return this;
        }

        /**
         * Sets the billing account used when a spec has no
         * {@value ChronicleTenantServiceProvisioner#HINT_BILLING_ACCOUNT} hint.
         *
         * @param value the billing account
         * @return this builder
         */
        public Builder billingAccount(String value) {
            this.billingAccount = Objects.requireNonNull(value, "billingAccount");
            return this;
        }

        /**
         * Sets the auth method used when a spec has no {@value ChronicleTenantServiceProvisioner#HINT_AUTH_METHOD} hint.
         *
         * @param value the method
         * @return this builder
         */
        public Builder authMethod(AuthMethod value) {
            this.authMethod = Objects.requireNonNull(value, "authMethod");
            return this;
        }

        /**
         * Sets the workforce pool provider used when a spec has no
         * {@value ChronicleTenantServiceProvisioner#HINT_WORKFORCE_POOL_PROVIDER_ID} hint.
         *
         * @param value {@code locations/<location>/workforcePools/<pool>/providers/<provider>}
         * @return this builder
         */
        public Builder workforcePoolProviderId(String value) {
            this.workforcePoolProviderId = Objects.requireNonNull(value, "workforcePoolProviderId");
            return this;
        }

        /**
         * Sets how long {@link #provision} waits for the creation operation (default 30 minutes).
         *
         * @param value the timeout
         * @return this builder
         */
        public Builder awaitTimeout(Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("awaitTimeout must be positive: " + value);
            }
            this.awaitTimeout = value;
            return this;
        }

        /**
         * Builds the provisioner.
         *
         * @return the provisioner
         */
        public ChronicleTenantServiceProvisioner build() {
            return new ChronicleTenantServiceProvisioner(this);
        }
    }
}
