package io.secopskit.chronicle;

import io.secopskit.chronicle.internal.LegacySunsetWarning;
import io.secopskit.chronicle.model.CreateCustomerRequest;
import io.secopskit.chronicle.model.Credential;
import io.secopskit.chronicle.model.Customer;
import io.secopskit.chronicle.model.RetentionDuration;
import io.secopskit.chronicle.tenants.ChronicleTenantServiceProvisioner;
import io.secopskit.chronicle.tenants.TenantServiceClient;
import io.secopskit.core.Beta;
import io.secopskit.core.Secret;
import io.secopskit.core.error.ConfigurationException;
import io.secopskit.core.error.NotFoundException;
import io.secopskit.core.provisioning.PlannedAction;
import io.secopskit.core.provisioning.ProvisionedTenant;
import io.secopskit.core.provisioning.TenantProvisioner;
import io.secopskit.core.provisioning.TenantSpec;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Onboards a customer to Google Security Operations through either of Google's APIs, chosen when the provisioner
 * is built:
 *
 * <pre>{@code
 * ChronicleTenantProvisioner.legacy(chronicleClient)                       // partner Customer Management API
 * ChronicleTenantProvisioner.tenantService(tenantServiceClient, d -> d     // Chronicle API tenant service (@Beta)
 *     .tenantGcpProject(spec -> "projects/" + spec.customerCode() + "-secops").billingAccount("012345-6789AB-CDEF01")
 *     .authMethod(AuthMethod.CLOUD_IDENTITY))
 * ChronicleTenantProvisioner.builder().legacy(chronicleClient).tenantService(modern).build()  // LEGACY until 2027-07-20
 * }</pre>
 *
 * <p>With both configured and no {@link Builder#api(Api)}, the default is {@link Api#LEGACY} before Google's
 * shutdown date {@value #LEGACY_SHUTDOWN} (UTC, by the builder's clock) and {@link Api#TENANT_SERVICE} from then
 * on, decided once when the provisioner is built (never between a find and a create). Both APIs find before they
 * create, keyed by the customer code, and {@link #vendor()} is {@code chronicle} for both, so the bindings an
 * onboarding store keeps carry over: the tenant service provisioner also finds a customer from a binding the legacy
 * one wrote.
 *
 * <p><b>Legacy</b> (Customer Management):
 * <ul>
 *   <li>The tenant id is the <b>customer code</b>: Chronicle keys customers by it (unique per partner), so it is
 *       also the vendor-side tag that adoption uses.</li>
 *   <li>{@link #find} and {@link #findBound}: GetCustomer by code. Credentials are read back from whichever answer
 *       carries them: GetCustomer's (its document says it returns the stored credentials), else the customer's
 *       entry in ListCustomers (whose documented sample carries them).</li>
 *   <li>{@link #provision}: CreateCustomer (subdomain = customer code; retention SIX_MONTHS for 6 months or less,
 *       else ONE_YEAR). The credentials come back as secrets named by their type exactly as Google sends it; a
 *       type the SDK does not know, or one that repeats, is keyed {@code <type>:<credential id>} so that no
 *       credential overwrites another. Google's daily quota surfaces as {@code QuotaExhaustedException}, which an
 *       onboarding run turns into a deferral.</li>
 *   <li>The API has no delete: {@link #deprovision} switches the customer's web application off (SetUIState
 *       false), and a plan says that a created customer cannot be removed.</li>
 * </ul>
 *
 * <p><b>Tenant service</b>: as {@link ChronicleTenantServiceProvisioner} describes (find = an {@code ACTIVE} tenant
 * with the code; create = {@code tenants.create} awaited; no credentials are issued; no delete).
 */
@Beta
public final class ChronicleTenantProvisioner implements TenantProvisioner {
    /** Google's shutdown date of the legacy partner API (UTC). */
    public static final String LEGACY_SHUTDOWN = LegacySunsetWarning.SHUTDOWN;

    private static final Logger LOG = LoggerFactory.getLogger("io.secopskit.chronicle");

    /** Which of Google's APIs a provisioner uses. */
    public enum Api {
        /** The partner Customer Management API ({@link ChronicleClient}), turned off by Google on 2027-07-20. */
        LEGACY,
        /** The Chronicle API tenant service ({@link TenantServiceClient}, {@code @Beta}). */
        TENANT_SERVICE
    }

    private final Api api;
    private final TenantProvisioner delegate;

    private ChronicleTenantProvisioner(Api api, TenantProvisioner delegate) {
        this.api = api;
        this.delegate = delegate;
    }

    /**
     * A provisioner on the legacy partner Customer Management API.
     *
     * @param client the Chronicle client
     * @return the provisioner
     * @throws ConfigurationException if the client is null
     */
    public static ChronicleTenantProvisioner legacy(ChronicleClient client) {
        return builder().legacy(client).api(Api.LEGACY).build();
    }

    /**
     * A provisioner on the Chronicle API tenant service.
     *
     * @param provisioner the tenant service provisioner, holding the client and the defaults for the fields a
     *                    {@link TenantSpec} has no word for
     * @return the provisioner
     * @throws ConfigurationException if the provisioner is null
     */
    public static ChronicleTenantProvisioner tenantService(ChronicleTenantServiceProvisioner provisioner) {
        return builder().tenantService(provisioner).api(Api.TENANT_SERVICE).build();
    }

    /**
     * A provisioner on the Chronicle API tenant service, with the defaults set on a
     * {@link ChronicleTenantServiceProvisioner.Builder}.
     *
     * @param client   the tenant service client
     * @param defaults sets the tenant GCP project, billing account, auth method, workforce pool provider and
     *                 await timeout used when a spec's hints do not name them
     * @return the provisioner
     * @throws ConfigurationException if the client or the defaults are null
     */
    public static ChronicleTenantProvisioner tenantService(TenantServiceClient client,
                                                           Consumer<ChronicleTenantServiceProvisioner.Builder> defaults) {
        if (client == null || defaults == null) {
            throw new ConfigurationException(ChronicleClient.VENDOR, client == null ? "tenantService" : "defaults",
                    "must not be null");
        }
        ChronicleTenantServiceProvisioner.Builder b = ChronicleTenantServiceProvisioner.builder(client);
        defaults.accept(b);
        return tenantService(b.build());
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
     * Returns which of Google's APIs this provisioner uses.
     *
     * @return the API
     */
    public Api api() {
        return api;
    }

    @Override
    public String vendor() {
        return ChronicleClient.VENDOR;
    }

    @Override
    public Optional<ProvisionedTenant> find(TenantSpec spec) {
        return delegate.find(spec);
    }

    @Override
    public Optional<ProvisionedTenant> findBound(TenantSpec spec, String tenantId) {
        return delegate.findBound(spec, tenantId);
    }

    @Override
    public ProvisionedTenant provision(TenantSpec spec) {
        return delegate.provision(spec);
    }

    /**
     * Legacy: switches the customer's web application off (SetUIState false) — the API has no delete. Tenant
     * service: refused with {@link UnsupportedOperationException} (no delete or disable is documented).
     *
     * @param tenant the tenant
     */
    @Override
    public void deprovision(ProvisionedTenant tenant) {
        delegate.deprovision(tenant);
    }

    /** Legacy: true (CreateCustomer returns credentials). Tenant service: false. */
    @Override
    public boolean issuesCredentials() {
        return delegate.issuesCredentials();
    }

    @Override
    public PlannedAction plannedCreate(TenantSpec spec) {
        return delegate.plannedCreate(spec);
    }

    /** Legacy: "customer code". Tenant service: "tenant name". */
    @Override
    public String tenantIdLabel() {
        return delegate.tenantIdLabel();
    }

    /** Names the API; never credentials. */
    @Override
    public String toString() {
        return "ChronicleTenantProvisioner{api=" + api + "}";
    }

    /**
     * Names each credential by its type as sent; an unknown or repeated type gets its credential id appended, so
     * two credentials never share a key.
     *
     * @param credentials the credentials
     * @return secrets by name
     */
    static Map<String, Secret> secrets(List<Credential> credentials) {
        Map<String, Secret> out = new LinkedHashMap<>();
        for (Credential credential : credentials) {
            if (credential.credential() == null) {
                continue;
            }
            String type = credential.credentialType() == null ? "UNKNOWN" : credential.credentialType().toString();
            String key = type;
            if (type.equals("UNRECOGNIZED") || type.equals("UNKNOWN") || out.containsKey(key)) {
                key = type + ":" + (credential.id() != null ? credential.id() : Integer.toString(out.size()));
            }
            out.put(key, credential.credential());
        }
        return out;
    }

    /**
     * Builds a {@link ChronicleTenantProvisioner}: one or both APIs, and optionally which one to use. Problems are
     * {@link ConfigurationException}s naming the setting.
     */
    public static final class Builder {
        private ChronicleClient legacy;
        private ChronicleTenantServiceProvisioner tenantService;
        private Api api;
        private Clock clock;
        private String nullSetting;

        private Builder() {
        }

        /**
         * Configures the legacy partner API.
         *
         * @param client the Chronicle client
         * @return this builder
         */
        public Builder legacy(ChronicleClient client) {
            if (client == null) {
                nullSetting = "legacy";
            }
            this.legacy = client;
            return this;
        }

        /**
         * Configures the Chronicle API tenant service.
         *
         * @param provisioner the tenant service provisioner (client and defaults)
         * @return this builder
         */
        public Builder tenantService(ChronicleTenantServiceProvisioner provisioner) {
            if (provisioner == null) {
                nullSetting = "tenantService";
            }
            this.tenantService = provisioner;
            return this;
        }

        /**
         * Chooses the API explicitly; it must be configured. Without it: the only one configured, or — with both —
         * {@link Api#LEGACY} before {@value ChronicleTenantProvisioner#LEGACY_SHUTDOWN} and
         * {@link Api#TENANT_SERVICE} from then on.
         *
         * @param value the API
         * @return this builder
         */
        public Builder api(Api value) {
            if (value == null) {
                nullSetting = "api";
            }
            this.api = value;
            return this;
        }

        /**
         * Sets the clock that decides the default API by date (default: the legacy client's clock, else UTC).
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            if (value == null) {
                nullSetting = "clock";
            }
            this.clock = value;
            return this;
        }

        /**
         * Builds the provisioner.
         *
         * @return the provisioner
         * @throws ConfigurationException if nothing is configured, a setting was null, or the chosen API is not
         *                                configured
         */
        public ChronicleTenantProvisioner build() {
            if (nullSetting != null) {
                throw new ConfigurationException(ChronicleClient.VENDOR, nullSetting, "must not be null");
            }
            if (legacy == null && tenantService == null) {
                throw new ConfigurationException(ChronicleClient.VENDOR, "api", "configure legacy(ChronicleClient) "
                        + "and/or tenantService(ChronicleTenantServiceProvisioner)");
            }
            Api chosen = api != null ? api : defaultApi();
            if (chosen == Api.LEGACY && legacy == null) {
                throw new ConfigurationException(ChronicleClient.VENDOR, "api", "LEGACY needs legacy(ChronicleClient)");
            }
            if (chosen == Api.TENANT_SERVICE && tenantService == null) {
                throw new ConfigurationException(ChronicleClient.VENDOR, "api",
                        "TENANT_SERVICE needs tenantService(ChronicleTenantServiceProvisioner)");
            }
            if (api == null && legacy != null && tenantService != null) {
                LOG.info("Chronicle onboarding uses the {} API (the default {} Google's legacy shutdown on {}; choose with "
                        + "ChronicleTenantProvisioner.Builder.api)", chosen, chosen == Api.LEGACY ? "before" : "from",
                        LEGACY_SHUTDOWN);
            }
            return new ChronicleTenantProvisioner(chosen, chosen == Api.LEGACY ? new Legacy(legacy) : tenantService);
        }

        private Api defaultApi() {
            if (legacy == null) {
                return Api.TENANT_SERVICE;
            }
            if (tenantService == null) {
                return Api.LEGACY;
            }
            Clock c = clock != null ? clock : legacy.options().clock();
            LocalDate today = LocalDate.ofInstant(c.instant(), ZoneOffset.UTC);
            return today.isBefore(LocalDate.parse(LEGACY_SHUTDOWN)) ? Api.LEGACY : Api.TENANT_SERVICE;
        }
    }

    /** The legacy partner API's onboarding. */
    private static final class Legacy implements TenantProvisioner {
        private final ChronicleClient client;

        Legacy(ChronicleClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        @Override
        public String vendor() {
            return ChronicleClient.VENDOR;
        }

        @Override
        public Optional<ProvisionedTenant> find(TenantSpec spec) {
            return lookUp(spec.customerCode());
        }

        @Override
        public Optional<ProvisionedTenant> findBound(TenantSpec spec, String tenantId) {
            return lookUp(tenantId);
        }

        private Optional<ProvisionedTenant> lookUp(String customerCode) {
            Customer c;
            try {
                c = client.customers().get(customerCode);
            } catch (NotFoundException e) {
                return Optional.empty();
            }
            Map<String, Secret> secrets = secrets(c.credentials());
            if (secrets.isEmpty()) {
                for (Customer listed : client.customers().list()) {
                    if (customerCode.equals(listed.customerCode())) {
                        secrets = secrets(listed.credentials());
                        break;
                    }
                }
            }
            return Optional.of(new ProvisionedTenant(vendor(), customerCode, ProvisionedTenant.Status.FOUND,
                    attributes(c, customerCode), secrets));
        }

        @Override
        public ProvisionedTenant provision(TenantSpec spec) {
            Customer c = client.customers().create(CreateCustomerRequest.builder()
                    .customerName(spec.displayName())
                    .customerCode(spec.customerCode())
                    .customerSubdomain(spec.customerCode())
                    .retentionDuration(spec.retentionMonths() <= 6 ? RetentionDuration.SIX_MONTHS : RetentionDuration.ONE_YEAR)
                    .build());
            return new ProvisionedTenant(vendor(), spec.customerCode(), ProvisionedTenant.Status.CREATED,
                    attributes(c, spec.customerCode()), secrets(c.credentials()));
        }

        private static Map<String, String> attributes(Customer c, String customerCode) {
            Map<String, String> a = new LinkedHashMap<>();
            a.put(ProvisionedTenant.CUSTOMER_CODE, c.customerCode() != null ? c.customerCode() : customerCode);
            if (c.id() != null) {
                a.put("instance_id", c.id());
            }
            if (c.customerId() != null) {
                a.put("customer_id", c.customerId());
            }
            a.put("api", "chronicle-customer-management");
            return a;
        }

        @Override
        public boolean issuesCredentials() {
            return true;
        }

        @Override
        public PlannedAction plannedCreate(TenantSpec spec) {
            return PlannedAction.create(spec.customerCode(), vendor(), "chronicle.CreateCustomer", client.endpoint().getHost(),
                    true, "the Chronicle partner API has no delete: customer '" + spec.customerCode()
                            + "' stays in the partner account for good (offboarding can only switch its web application off)");
        }

        @Override
        public String tenantIdLabel() {
            return "customer code";
        }

        @Override
        public void deprovision(ProvisionedTenant tenant) {
            client.customers().setUiState(tenant.attributes().getOrDefault(ProvisionedTenant.CUSTOMER_CODE, tenant.tenantId()),
                    false);
        }
    }
}
