package io.secopskit.stellar;

import io.secopskit.core.Beta;
import io.secopskit.core.error.ConflictException;
import io.secopskit.core.error.NotFoundException;
import io.secopskit.core.provisioning.PlannedAction;
import io.secopskit.core.provisioning.ProvisionedTenant;
import io.secopskit.core.provisioning.TenantProvisioner;
import io.secopskit.core.provisioning.TenantSpec;
import io.secopskit.stellar.model.Tenant;
import io.secopskit.stellar.model.TenantRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Onboards a customer to Stellar Cyber as a tenant named like the customer ({@code cust_name}, or the hint
 * {@code stellar.tenant_name}), with the spec's contact and the hint {@code stellar.retention_group}, and the tag
 * {@code customer_code=<code>} in its {@code info} field.
 *
 * <ul>
 *   <li>{@link #find}: the tenant whose {@code info} carries {@code customer_code=<code>} — never a tenant that only
 *       has the same name, so two customers with one display name never share a tenant;
 *       {@link #findBound}: the bound tenant by id.</li>
 *   <li>Stellar Cyber issues no credentials. {@link #deprovision} deletes the tenant.</li>
 * </ul>
 */
@Beta
public final class StellarTenantProvisioner implements TenantProvisioner {
    private static final Pattern TAG = Pattern.compile("(?:^|[\\s;,])customer_code=([a-z][a-z0-9-]*)(?=$|[\\s;,])");

    private final StellarClient client;

    /**
     * Creates the provisioner.
     *
     * @param client the Stellar Cyber client
     */
    public StellarTenantProvisioner(StellarClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public String vendor() {
        return "stellar";
    }

    /**
     * Returns the customer code tagged in a tenant's {@code info}, or null.
     *
     * @param info the info field
     * @return the code
     */
    static String taggedCode(String info) {
        if (info == null) {
            return null;
        }
        Matcher m = TAG.matcher(info);
        return m.find() ? m.group(1) : null;
    }

    @Override
    public Optional<ProvisionedTenant> find(TenantSpec spec) {
        return client.tenants().list().stream().filter(t -> spec.customerCode().equals(taggedCode(t.info()))).findFirst()
                .map(this::toFound);
    }

    @Override
    public Optional<ProvisionedTenant> findBound(TenantSpec spec, String tenantId) {
        try {
            return Optional.of(toFound(client.tenants().get(tenantId)));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private ProvisionedTenant toFound(Tenant t) {
        Map<String, String> attributes = new LinkedHashMap<>();
        String code = taggedCode(t.info());
        if (code != null) {
            attributes.put(ProvisionedTenant.CUSTOMER_CODE, code);
        }
        if (t.name() != null) {
            attributes.put("name", t.name());
        }
        return new ProvisionedTenant(vendor(), t.id(), ProvisionedTenant.Status.FOUND, attributes, Map.of());
    }

    private static String tenantName(TenantSpec spec) {
        String hint = spec.hint("stellar.tenant_name");
        return hint != null ? hint : spec.displayName();
    }

    @Override
    public ProvisionedTenant provision(TenantSpec spec) {
        String name = tenantName(spec);
        TenantRequest.Builder request = TenantRequest.builder().name(name).info("customer_code=" + spec.customerCode());
        if (spec.contactName() != null) {
            request.contact(spec.contactName());
        }
        if (spec.contactEmail() != null) {
            request.contactEmail(spec.contactEmail());
        }
        if (spec.hint("stellar.retention_group") != null) {
            request.retentionGroup(spec.hint("stellar.retention_group"));
        }
        Tenant t;
        try {
            t = client.tenants().create(request.buildForCreate());
        } catch (ConflictException e) {
            throw new ConflictException(e.info().withVendorMessage("a Stellar Cyber tenant named '" + name
                    + "' already exists without this customer's tag (customer_code=" + spec.customerCode()
                    + "); name this customer's tenant differently with the hint stellar.tenant_name"));
        }
        return new ProvisionedTenant(vendor(), t.id(), ProvisionedTenant.Status.CREATED,
                Map.of(ProvisionedTenant.CUSTOMER_CODE, spec.customerCode(), "name", name), Map.of());
    }

    @Override
    public PlannedAction plannedCreate(TenantSpec spec) {
        return PlannedAction.create(spec.customerCode(), vendor(), "stellar.CreateTenant", client.endpoint().getHost(), false,
                "creates tenant '" + tenantName(spec) + "' tagged customer_code=" + spec.customerCode());
    }

    @Override
    public void deprovision(ProvisionedTenant tenant) {
        client.tenants().delete(tenant.tenantId());
    }
}
