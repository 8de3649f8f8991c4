package io.secopskit.carbonblack;

import io.secopskit.carbonblack.model.FeedInfo;
import io.secopskit.carbonblack.model.SearchCriteria;
import io.secopskit.core.provisioning.ProvisionedTenant;
import io.secopskit.core.provisioning.TenantProvisioner;
import io.secopskit.core.provisioning.TenantSpec;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * "Onboards" a customer to Carbon Black Cloud, which has no tenant API: it checks that the org key and the
 * API key reach the services the customer needs (feeds and device search; a wrong access level fails the
 * step with the explanatory 401 message) and creates the customer's private threat feed
 * {@code secopskit-<customer code>}. Find looks the feed up by name; {@link #deprovision} deletes it.
 */
public final class CarbonBlackTenantProvisioner implements TenantProvisioner {
    private final CarbonBlackClient client;

    /**
     * Creates the provisioner.
     *
     * @param client the Carbon Black client (org key included)
     */
    public CarbonBlackTenantProvisioner(CarbonBlackClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * Returns the feed name used for a customer.
     *
     * @param spec the customer
     * @return the feed name
     */
    public static String feedName(TenantSpec spec) {
        return "secopskit-" + spec.customerCode();
    }

    @Override
    public String vendor() {
        return "carbonblack";
    }

    @Override
    public Optional<ProvisionedTenant> find(TenantSpec spec) {
        return client.feeds().list(false).stream().filter(f -> feedName(spec).equals(f.name())).findFirst()
                .map(f -> ProvisionedTenant.found(vendor(), f.id()));
    }

    @Override
    public ProvisionedTenant provision(TenantSpec spec) {
        client.devices().search(SearchCriteria.builder().pageSize(1).build()).iterator().hasNext();
        FeedInfo feed = client.feeds().create(FeedInfo.of(feedName(spec), "https://secopskit.io/customers/" + spec.customerCode(),
                "Private threat intelligence for " + spec.displayName(), "Partner"), List.of());
        return new ProvisionedTenant(vendor(), feed.id(), ProvisionedTenant.Status.CREATED,
                Map.of("feed_name", feedName(spec)), Map.of());
    }

    @Override
    public void deprovision(ProvisionedTenant tenant) {
        client.feeds().delete(tenant.tenantId());
    }
}
