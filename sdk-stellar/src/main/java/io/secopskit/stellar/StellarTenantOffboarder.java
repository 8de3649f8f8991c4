package io.secopskit.stellar;

import io.secopskit.core.Beta;
import io.secopskit.core.error.NotFoundException;
import io.secopskit.core.provisioning.OffboardingCapabilities;
import io.secopskit.core.provisioning.TenantOffboarder;
import io.secopskit.core.provisioning.TenantState;
import io.secopskit.core.provisioning.VendorWrites;
import io.secopskit.stellar.model.Tenant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Offboards a customer from Stellar Cyber:
 * <ul>
 *   <li><b>Suspend</b>: none documented — the tenant stays usable until removal.</li>
 *   <li><b>Remove</b>: the tenant is deleted ({@code DELETE /connect/api/v1/tenants/{id}}).</li>
 * </ul>
 * The tag {@code customer_code=<code>} in the tenant's {@code info} is checked before anything is deleted.
 */
@Beta
public final class StellarTenantOffboarder implements TenantOffboarder {
    private static final OffboardingCapabilities CAPABILITIES = new OffboardingCapabilities(null, null, "tenant deleted",
            "stellar.DeleteTenant", null);

    private final StellarClient client;

    /**
     * Creates the offboarder.
     *
     * @param client the Stellar Cyber client
     */
    public StellarTenantOffboarder(StellarClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public String vendor() {
        return "stellar";
    }

    @Override
    public OffboardingCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public String host() {
        return client.endpoint().getHost();
    }

    /** GetTenant by id; the {@code customer_code=} tag in {@code info} is the tag. */
    @Override
    public Optional<TenantState> inspect(String tenantId) {
        Tenant t;
        try {
            t = client.tenants().get(tenantId);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        return Optional.of(new TenantState(vendor(), tenantId, StellarTenantProvisioner.taggedCode(t.info()), null,
                t.name() == null ? Map.of() : Map.of("name", t.name())));
    }

    @Override
    public void remove(TenantState state, VendorWrites writes) {
        String id = state.tenantId();
        writes.sendDelete("stellar.DeleteTenant", id, () -> client.tenants().delete(id));
    }
}
