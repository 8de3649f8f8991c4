package io.secopskit.chronicle;

import io.secopskit.chronicle.model.CreateCustomerRequest;
import io.secopskit.chronicle.model.Credential;
import io.secopskit.chronicle.model.Customer;
import io.secopskit.chronicle.model.RetentionDuration;
import io.secopskit.core.Beta;
import io.secopskit.core.Secret;
import io.secopskit.core.error.NotFoundException;
import io.secopskit.core.provisioning.PlannedAction;
import io.secopskit.core.provisioning.ProvisionedTenant;
import io.secopskit.core.provisioning.TenantProvisioner;
import io.secopskit.core.provisioning.TenantSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Onboards a customer to Google Security Operations through the partner Customer Management API.
 *
 * <ul>
 *   <li>The tenant id is the <b>customer code</b>: Chronicle keys customers by it (unique per partner), so it is
 *       also the vendor-side tag that adoption uses.</li>
 *   <li>{@link #find} and {@link #findBound}: GetCustomer by code. Credentials are read back from whichever answer
 *       carries them: GetCustomer's (its document says it returns the stored credentials), else the customer's
 *       entry in ListCustomers (whose documented sample carries them).</li>
 *   <li>{@link #provision}: CreateCustomer (subdomain = customer code; retention SIX_MONTHS for 6 months or less,
 *       else ONE_YEAR). The credentials come back as secrets named by their type exactly as Google sends it; a
 *       type the SDK does not know, or one that repeats, is keyed {@code <type>:<credential id>} so that no
 *       credential overwrites another.</li>
 *   <li>The API has no delete: {@link #deprovision} switches the customer's web application off (SetUIState
 *       false), and a plan says that a created customer cannot be removed.</li>
 * </ul>
 */
@Beta
public final class ChronicleTenantProvisioner implements TenantProvisioner {
    private final ChronicleClient client;

    /**
     * Creates the provisioner.
     *
     * @param client the Chronicle client
     */
    public ChronicleTenantProvisioner(ChronicleClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public String vendor() {
        return "chronicle";
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
            c = client.customers().getCustomer(customerCode);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        Map<String, Secret> secrets = secrets(c.credentials());
        if (secrets.isEmpty()) {
            for (Customer listed : client.customers().listCustomers()) {
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
        Customer c = client.customers().createCustomer(CreateCustomerRequest.builder()
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
        return a;
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

    @Override
    public boolean issuesCredentials() {
        return true;
    }

    @Override
    public PlannedAction plannedCreate(TenantSpec spec) {
        return PlannedAction.create(spec.customerCode(), vendor(), "chronicle.CreateCustomer", client.endpoint().getHost(), true,
                "the Chronicle partner API has no delete: customer '" + spec.customerCode()
                        + "' stays in the partner account for good (offboarding can only switch its web application off)");
    }

    @Override
    public String tenantIdLabel() {
        return "customer code";
    }

    @Override
    public void deprovision(ProvisionedTenant tenant) {
        client.customers().setUiState(tenant.attributes().getOrDefault(ProvisionedTenant.CUSTOMER_CODE, tenant.tenantId()), false);
    }
}
