package io.secopskit.chronicle;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.secopskit.chronicle.internal.Rules;
import io.secopskit.chronicle.model.AuthVersion;
import io.secopskit.chronicle.model.ComplianceCertification;
import io.secopskit.chronicle.model.CreateCustomerRequest;
import io.secopskit.chronicle.model.Customer;
import io.secopskit.chronicle.model.ForwarderConfigs;
import io.secopskit.chronicle.model.IamMigration;
import io.secopskit.chronicle.model.SsoConfig;
import io.secopskit.chronicle.model.UpdateSsoConfigRequest;
import io.secopskit.core.error.ValidationException;
import io.secopskit.core.http.Operation;
import io.secopskit.core.spi.ApiRequest;
import io.secopskit.core.spi.VendorPipeline;
import io.secopskit.core.spi.Pager;
import io.secopskit.core.paging.PagedIterable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The partner Customer Management API: every operation under {@code /v1/partner/customer/}. Obtain it
 * from {@link ChronicleClient#customers()}; it shares the client's pipeline. Thread-safe.
 *
 * <p>Names: the customer resource's own operations follow SecOpsKit's vocabulary — {@link #create}
 * (CreateCustomer), {@link #get} (GetCustomer), {@link #list} (ListCustomers), {@link #getForwarderConfigs}
 * (GetCustomerForwarderConfigs) — and the operations Google names for what they set or generate keep Google's
 * names ({@link #setUiState}, {@link #updateSsoConfig}, {@link #setGcpProjectLink}, {@link #enableIam},
 * {@link #generateIamMigrationCommands}, {@link #generateIdpMetadata}, {@link #setAuthVersion},
 * {@link #setComplianceRequirements}, {@link #setWorkforcePoolProvider}).
 *
 * <p>Every method checks its input before sending anything (a {@link ValidationException} names the field
 * and the rule) and throws a {@link io.secopskit.core.error.SecOpsException} subclass naming the operation and
 * host for vendor errors: {@code RESOURCE_EXHAUSTED} → {@code RateLimitedException} (on CreateCustomer:
 * {@code QuotaExhaustedException}), {@code PERMISSION_DENIED} → {@code PermissionDeniedException},
 * {@code NOT_FOUND} → {@code NotFoundException}, {@code ALREADY_EXISTS} → {@code ConflictException},
 * {@code INVALID_ARGUMENT} → {@code InvalidRequestException}, {@code UNAVAILABLE} → {@code ServerException};
 * I/O failures and timeouts → {@code TransportException}.
 *
 * <p>Retries: reads and the operations that set a value (SetUIState, SetGCPProjectLink, SetAuthVersion,
 * SetComplianceRequirements, SetWorkforcePoolProvider, GenerateIamMigrationCommands) are retried on transient
 * failures within the client's retry policy. CreateCustomer, UpdateSSOConfig, EnableIAM and GenerateIdPMetadata
 * reach Google at most once — except CreateCustomer's documented "creation may be retried" failure, which is
 * repeated with the same body within the policy.
 */
public final class CustomersClient {
    /** The rate-limit key of CreateCustomer (30 per day by default). */
    public static final String CREATE_CUSTOMER_LIMIT = "chronicle.CreateCustomer";
    /** The message with which Google documents a CreateCustomer failure as safe to repeat. */
    static final String RETRYABLE_CREATE_FAILURE =
            "customer creation failed, creation may be retried by rerunning with the same parameters";

    private static final String BASE = "/v1/partner/customer/";
    static final Operation CREATE_CUSTOMER = op("CreateCustomer", "POST", "createcustomer")
            .rateLimitKey(CREATE_CUSTOMER_LIMIT)
            .retryCondition((status, body) -> body.toLowerCase(Locale.ROOT).contains(RETRYABLE_CREATE_FAILURE))
            .build();
    static final Operation GET_CUSTOMER = op("GetCustomer", "GET", "getcustomer").build();
    static final Operation GET_FORWARDER_CONFIGS = op("GetCustomerForwarderConfigs", "GET", "forwarder/getconfigs").build();
    static final Operation LIST_CUSTOMERS = op("ListCustomers", "GET", "listcustomers").build();
    static final Operation SET_UI_STATE = op("SetUIState", "POST", "setuistate:state").idempotent(true).build();
    static final Operation UPDATE_SSO_CONFIG = op("UpdateSSOConfig", "PATCH", "updatessoconfig").build();
    static final Operation SET_GCP_PROJECT_LINK = op("SetGCPProjectLink", "POST", "setgcpprojectlink").idempotent(true).build();
    static final Operation ENABLE_IAM = op("EnableIAM", "POST", "iammigration:enableIam").build();
    static final Operation GENERATE_IAM_MIGRATION_COMMANDS = op("GenerateIamMigrationCommands", "POST",
            "iammigration:generateIamMigrationCommands").idempotent(true).build();
    static final Operation GENERATE_IDP_METADATA = op("GenerateIdPMetadata", "POST", "generateidpmetadata").build();
    static final Operation SET_AUTH_VERSION = op("SetAuthVersion", "POST", "setauthversion").idempotent(true).build();
    static final Operation SET_COMPLIANCE_REQUIREMENTS = op("SetComplianceRequirements", "POST",
            "setcompliancerequirements").idempotent(true).build();
    static final Operation SET_WORKFORCE_POOL_PROVIDER = op("SetWorkforcePoolProvider", "POST",
            "setworkforcepoolprovider").idempotent(true).build();

    private final VendorPipeline pipeline;

    CustomersClient(VendorPipeline pipeline) {
        this.pipeline = pipeline;
    }

    private static Operation.Builder op(String name, String method, String path) {
        return Operation.builder(Rules.VENDOR, name, method, BASE + path);
    }

    /**
     * CreateCustomer ({@code POST createcustomer}): creates and fully provisions a customer for the partner.
     *
     * <p>Counted client-side against Google's 30 per day as a sliding 24-hour window (every send counts, the
     * documented resend too; configurable with
     * {@code ClientOptions.rateLimit(RateLimit.perDay(CREATE_CUSTOMER_LIMIT, n))}): past it the call fails
     * at once with {@code QuotaExhaustedException} ({@code detectedBy() CLIENT}, {@code resetsAt()} the oldest
     * counted send plus 24 h) and nothing is sent. Google's own 429 {@code RESOURCE_EXHAUSTED} is
     * {@code QuotaExhaustedException} too ({@code detectedBy() VENDOR}), never retried. Otherwise never retried
     * blindly: only the failure Google documents as safe ("customer creation failed, creation may be retried by
     * rerunning with the same parameters") is repeated, with the same body, within the retry policy's attempts;
     * a dropped connection, a timeout, a 5xx or a 429 reach Google once. The returned credentials are
     * {@code Secret}s.
     *
     * @param request the customer to create
     * @return the created customer with its credentials
     * @throws io.secopskit.core.error.QuotaExhaustedException when the daily quota is used up (either side)
     * @throws io.secopskit.core.error.ConflictException when the customer code exists ({@code ALREADY_EXISTS})
     */
    public Customer create(CreateCustomerRequest request) {
        Objects.requireNonNull(request, "request");
        return pipeline.call(ApiRequest.of(CREATE_CUSTOMER).json(request).build(), Customer.class);
    }

    /**
     * GetCustomer ({@code GET getcustomer?customer_code=}): a customer's details.
     *
     * @param customerCode the customer code
     * @return the customer
     * @throws io.secopskit.core.error.NotFoundException when the partner has no such customer
     * @throws ValidationException when the code is empty, over-long or holds control or path characters
     */
    public Customer get(String customerCode) {
        Rules.customerCode(GET_CUSTOMER.name(), customerCode);
        return pipeline.call(ApiRequest.of(GET_CUSTOMER).query("customer_code", customerCode).build(), Customer.class);
    }

    /**
     * GetCustomerForwarderConfigs ({@code GET forwarder/getconfigs?customer_code=}): the customer's
     * Linux and Windows forwarder configurations.
     *
     * @param customerCode the customer code
     * @return the configurations (values are secrets)
     * @throws io.secopskit.core.error.NotFoundException when the partner has no such customer
     */
    public ForwarderConfigs getForwarderConfigs(String customerCode) {
        Rules.customerCode(GET_FORWARDER_CONFIGS.name(), customerCode);
        return pipeline.call(ApiRequest.of(GET_FORWARDER_CONFIGS).query("customer_code", customerCode).build(),
                ForwarderConfigs.class);
    }

    /**
     * ListCustomers ({@code GET listcustomers}): every customer of the partner. The API documents no
     * paging, so this is one request, made when iteration starts; its one page carries no continuation
     * token (nothing follows it).
     *
     * @return the customers, lazily
     */
    public PagedIterable<Customer> list() {
        return Pager.single(LIST_CUSTOMERS.qualifiedName(), () -> pipeline.call(ApiRequest.of(LIST_CUSTOMERS).build(), CustomerList.class).customers());
    }

    /**
     * SetUIState ({@code POST setuistate:state}): turns the customer's web application on or off.
     *
     * @param customerCode the customer code
     * @param enabled      whether the UI is enabled
     * @return the state the API reports
     * @throws io.secopskit.core.error.NotFoundException when the partner has no such customer
     */
    public boolean setUiState(String customerCode, boolean enabled) {
        Rules.customerCode(SET_UI_STATE.name(), customerCode);
        return pipeline.call(ApiRequest.of(SET_UI_STATE).json(body("customer_code", customerCode, "state", enabled))
                .build(), UiState.class).state();
    }

    /**
     * UpdateSSOConfig ({@code PATCH updatessoconfig}): replaces the customer's SAML SSO configuration.
     *
     * <p>Not idempotent by Google's description (a PATCH that redeploys SSO): sent at most once.
     *
     * @param request the change
     * @return the new SSO configuration state
     */
    public SsoConfig updateSsoConfig(UpdateSsoConfigRequest request) {
        Objects.requireNonNull(request, "request");
        return pipeline.call(ApiRequest.of(UPDATE_SSO_CONFIG).json(request).build(), SsoConfig.class);
    }

    /**
     * SetGCPProjectLink ({@code POST setgcpprojectlink}): binds the instance to a Google Cloud project.
     *
     * @param customerCode the customer code
     * @param gcpProject   {@code projects/<project id or number>} (or {@code projects/<domain>:<project id>})
     * @throws ValidationException when the project is in none of these forms
     */
    public void setGcpProjectLink(String customerCode, String gcpProject) {
        String op = SET_GCP_PROJECT_LINK.name();
        pipeline.execute(ApiRequest.of(SET_GCP_PROJECT_LINK).json(body("customer_code", Rules.customerCode(op, customerCode),
                "gcp_project", Rules.gcpProject(op, gcpProject))).build());
    }

    /**
     * EnableIAM ({@code POST iammigration:enableIam}): switches the customer to Google Cloud IAM for
     * access control. <strong>Irreversible</strong>: there is no API to switch back; generate and apply
     * the migration commands ({@link #generateIamMigrationCommands}) first. Sent at most once.
     *
     * @param customerCode the customer code
     */
    public void enableIam(String customerCode) {
        pipeline.execute(ApiRequest.of(ENABLE_IAM).json(body("customer_code",
                Rules.customerCode(ENABLE_IAM.name(), customerCode))).build());
    }

    /**
     * GenerateIamMigrationCommands ({@code POST iammigration:generateIamMigrationCommands}): the gcloud
     * commands that grant the customer's existing users equivalent IAM roles.
     *
     * @param customerCode the customer code
     * @return one entry per subdomain (a generated result, not a listing: returned whole)
     */
    public List<IamMigration> generateIamMigrationCommands(String customerCode) {
        return pipeline.call(ApiRequest.of(GENERATE_IAM_MIGRATION_COMMANDS).json(body("customer_code",
                Rules.customerCode(GENERATE_IAM_MIGRATION_COMMANDS.name(), customerCode))).build(),
                MigrationList.class).migrations();
    }

    /**
     * GenerateIdPMetadata ({@code POST generateidpmetadata}): new SAML service-provider metadata for a
     * subdomain, to register in the customer's identity provider. Each call generates new metadata, so it is
     * sent at most once.
     *
     * @param customerSubdomain the subdomain
     * @return the SAML metadata XML
     * @throws ValidationException when the subdomain is not a DNS name
     */
    public String generateIdpMetadata(String customerSubdomain) {
        return pipeline.call(ApiRequest.of(GENERATE_IDP_METADATA).json(body("customer_subdomain",
                Rules.subdomain(GENERATE_IDP_METADATA.name(), "customer_subdomain", customerSubdomain))).build(),
                IdpMetadata.class).metadata();
    }

    /**
     * SetAuthVersion ({@code POST setauthversion}): changes how users sign in. Only
     * {@link AuthVersion#AUTH_VERSION_3} and {@link AuthVersion#AUTH_VERSION_4} are accepted; both need
     * the instance bound to a customer-owned Google Cloud project.
     *
     * @param customerCode the customer code
     * @param version      the version
     * @return the version the API reports
     * @throws ValidationException when the version is neither AUTH_VERSION_3 nor AUTH_VERSION_4
     */
    public AuthVersion setAuthVersion(String customerCode, AuthVersion version) {
        String op = SET_AUTH_VERSION.name();
        Rules.customerCode(op, customerCode);
        if (version == null || !version.isSettable()) {
            throw new ValidationException(Rules.VENDOR, op, "auth_version", "must be AUTH_VERSION_3 or AUTH_VERSION_4");
        }
        return pipeline.call(ApiRequest.of(SET_AUTH_VERSION).json(body("customer_code", customerCode,
                "auth_version", version)).build(), AuthVersionResult.class).authVersion();
    }

    /**
     * SetComplianceRequirements ({@code POST setcompliancerequirements}): the certifications the customer's
     * instance must meet.
     *
     * @param customerCode   the customer code
     * @param certifications one or more certifications: the named constants, or
     *                       {@link ComplianceCertification#of(String)} for values this SDK does not name
     * @return the certifications the API reports
     * @throws ValidationException when the list is empty or holds a blank value
     */
    public List<ComplianceCertification> setComplianceRequirements(String customerCode,
                                                                   List<ComplianceCertification> certifications) {
        String op = SET_COMPLIANCE_REQUIREMENTS.name();
        Rules.customerCode(op, customerCode);
        if (certifications == null || certifications.isEmpty() || certifications.stream()
                .anyMatch(c -> c == null || c.value().isBlank())) {
            throw new ValidationException(Rules.VENDOR, op, "compliance_certifications",
                    "must list one or more non-blank certifications");
        }
        return pipeline.call(ApiRequest.of(SET_COMPLIANCE_REQUIREMENTS).json(body("customer_code", customerCode,
                "compliance_certifications", List.copyOf(certifications))).build(), ComplianceResult.class)
                .complianceCertifications();
    }

    /**
     * SetWorkforcePoolProvider ({@code POST setworkforcepoolprovider}): sets the workforce identity pool
     * provider users of a subdomain sign in with.
     *
     * @param customerCode      the customer code
     * @param customerSubdomain the subdomain
     * @param providerId        {@code locations/global/workforcePools/<pool>/providers/<provider>}
     * @return the provider id the API reports
     * @throws ValidationException when the subdomain or provider id breaks its rule
     */
    public String setWorkforcePoolProvider(String customerCode, String customerSubdomain, String providerId) {
        String op = SET_WORKFORCE_POOL_PROVIDER.name();
        return pipeline.call(ApiRequest.of(SET_WORKFORCE_POOL_PROVIDER).json(body(
                "customer_code", Rules.customerCode(op, customerCode),
                "customer_subdomain", Rules.subdomain(op, "customer_subdomain", customerSubdomain),
                "provider_id", Rules.providerId(op, providerId))).build(), ProviderResult.class).providerId();
    }

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    record CustomerList(@JsonProperty("customers") List<Customer> customers) {
        CustomerList {
            customers = customers == null ? List.of() : customers;
        }
    }

    record UiState(@JsonProperty("state") boolean state) {
    }

    record MigrationList(@JsonProperty("migrations") List<IamMigration> migrations) {
        MigrationList {
            migrations = migrations == null ? List.of() : migrations;
        }
    }

    record IdpMetadata(@JsonProperty("metadata") String metadata) {
    }

    record AuthVersionResult(@JsonProperty("authVersion") @JsonAlias("auth_version") AuthVersion authVersion) {
    }

    record ComplianceResult(@JsonProperty("complianceCertifications") @JsonAlias("compliance_certifications")
                            List<ComplianceCertification> complianceCertifications) {
        ComplianceResult {
            complianceCertifications = complianceCertifications == null ? List.of() : complianceCertifications;
        }
    }

    record ProviderResult(@JsonProperty("providerId") @JsonAlias("provider_id") String providerId) {
    }
}
