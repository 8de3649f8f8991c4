package io.secopskit.carbonblack;

import io.secopskit.carbonblack.model.CreateFeedRequest;
import io.secopskit.carbonblack.model.DeviceQuery;
import io.secopskit.carbonblack.model.Feed;
import io.secopskit.carbonblack.model.FeedInfo;
import io.secopskit.core.Beta;
import io.secopskit.core.error.NotFoundException;
import io.secopskit.core.provisioning.PlannedAction;
import io.secopskit.core.provisioning.ProvisionedTenant;
import io.secopskit.core.provisioning.TenantProvisioner;
import io.secopskit.core.provisioning.TenantSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * "Onboards" a customer to Carbon Black Cloud, which has no tenant API: it checks that the org key and the
 * API key reach the services the customer needs (feeds and device search; a wrong access level fails the
 * step with the explanatory 401 message) and creates the customer's private threat feed
 * {@code secopskit-<customer code>}.
 *
 * <ul>
 *   <li>The feed name is the vendor-side tag holding the customer code: {@link #find} matches a private feed by
 *       that exact name; {@link #findBound} gets the bound feed by id, whatever it is called now.</li>
 *   <li>Carbon Black issues no credentials here. {@link #deprovision} deletes the feed.</li>
 * </ul>
 */
@Beta
public final class CarbonBlackTenantProvisioner implements TenantProvisioner {
    private static final String PREFIX = "secopskit-";

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
        return PREFIX + spec.customerCode();
    }

    /** Returns {@value CarbonBlackClient#VENDOR}. */
    @Override
    public String vendor() {
        return CarbonBlackClient.VENDOR;
    }

    /**
     * Finds the customer's private feed by its exact name ({@code GET .../feeds}).
     *
     * @param spec the customer
     * @return the feed as a found tenant, or empty
     */
    @Override
    public Optional<ProvisionedTenant> find(TenantSpec spec) {
        String name = feedName(spec);
        return client.feeds().list().stream().filter(f -> name.equals(f.name()) && !"public".equalsIgnoreCase(f.access()))
                .findFirst().map(this::toFound);
    }

    /**
     * Reads the bound feed by id ({@code GET .../feeds/{id}}), whatever it is called now.
     *
     * @param spec     the customer
     * @param tenantId the bound feed id
     * @return the feed as a found tenant, or empty when it no longer exists
     */
    @Override
    public Optional<ProvisionedTenant> findBound(TenantSpec spec, String tenantId) {
        Feed feed;
        try {
            feed = client.feeds().get(tenantId);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        FeedInfo info = feed.info();
        return Optional.of(info == null ? ProvisionedTenant.found(vendor(), tenantId)
                : toFound(info.id() == null ? withId(info, tenantId) : info));
    }

    private static FeedInfo withId(FeedInfo info, String id) {
        return new FeedInfo(id, info.name(), info.owner(), info.providerUrl(), info.summary(), info.category(), info.sourceLabel(),
                info.alertable(), info.access());
    }

    private ProvisionedTenant toFound(FeedInfo f) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (f.name() != null && f.name().startsWith(PREFIX)) {
            attributes.put(ProvisionedTenant.CUSTOMER_CODE, f.name().substring(PREFIX.length()));
        }
        if (f.name() != null) {
            attributes.put("feed_name", f.name());
        }
        return new ProvisionedTenant(vendor(), f.id(), ProvisionedTenant.Status.FOUND, attributes, Map.of());
    }

    /**
     * Checks device access with a one-row device search, then creates the private feed
     * {@code secopskit-<customer code>} ({@code POST .../feeds}, sent at most once).
     *
     * @param spec the customer
     * @return the created feed as a tenant
     */
    @Override
    public ProvisionedTenant provision(TenantSpec spec) {
        client.devices().list(DeviceQuery.builder().pageSize(1).build()).iterator().hasNext();
        FeedInfo feed = client.feeds().create(CreateFeedRequest.of(FeedInfo.of(feedName(spec),
                "https://secopskit.io/customers/" + spec.customerCode(), "Private threat intelligence for " + spec.displayName(),
                "Partner")));
        return new ProvisionedTenant(vendor(), feed.id(), ProvisionedTenant.Status.CREATED,
                Map.of(ProvisionedTenant.CUSTOMER_CODE, spec.customerCode(), "feed_name", feedName(spec)), Map.of());
    }

    /**
     * Describes the feed creation for a plan, with the defense host it goes to.
     *
     * @param spec the customer
     * @return the planned action
     */
    @Override
    public PlannedAction plannedCreate(TenantSpec spec) {
        return PlannedAction.create(spec.customerCode(), vendor(), "carbonblack.CreateFeed", client.endpoint().getHost(), false,
                "creates the private feed " + feedName(spec));
    }

    /** Returns {@code feed id}: the tenant id of a Carbon Black customer is its feed's id. */
    @Override
    public String tenantIdLabel() {
        return "feed id";
    }

    /**
     * Deletes the customer's feed ({@code DELETE .../feeds/{id}}).
     *
     * @param tenant the provisioned feed
     */
    @Override
    public void deprovision(ProvisionedTenant tenant) {
        client.feeds().delete(tenant.tenantId());
    }
}
