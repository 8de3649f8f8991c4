package io.secopskit.carbonblack;

import io.secopskit.carbonblack.model.Feed;
import io.secopskit.core.Beta;
import io.secopskit.core.error.AuthenticationException;
import io.secopskit.core.error.NotFoundException;
import io.secopskit.core.provisioning.OffboardingCapabilities;
import io.secopskit.core.provisioning.TenantOffboarder;
import io.secopskit.core.provisioning.TenantState;
import io.secopskit.core.provisioning.VendorWrites;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Offboards a customer from Carbon Black Cloud, where SecOpsKit's "tenant" is the customer's private threat feed
 * {@code secopskit-<customer code>} (see {@link CarbonBlackTenantProvisioner}):
 * <ul>
 *   <li><b>Suspend</b>: none — a feed has no switch; it stays usable until removal.</li>
 *   <li><b>Remove</b>: the feed is deleted (DeleteFeed). The document's least-privilege example key grants the feeds
 *       permission's Create and Read only: its 401 is reported with the permission and operation it needs.</li>
 * </ul>
 */
@Beta
public final class CarbonBlackTenantOffboarder implements TenantOffboarder {
    private static final String PREFIX = "secopskit-";
    private static final OffboardingCapabilities CAPABILITIES = new OffboardingCapabilities(null, null,
            "the customer's private feed deleted (needs the threathunter.feeds permission with its Delete operation; the"
                    + " document's least-privilege example key grants Create and Read only)", "carbonblack.DeleteFeed", null);

    private final CarbonBlackClient client;

    /**
     * Creates the offboarder.
     *
     * @param client the Carbon Black client (org key included)
     */
    public CarbonBlackTenantOffboarder(CarbonBlackClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public String vendor() {
        return "carbonblack";
    }

    @Override
    public OffboardingCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public String host() {
        return client.endpoint().getHost();
    }

    @Override
    public String tenantIdLabel() {
        return "feed";
    }

    /** GetFeed by id; the feed name {@code secopskit-<code>} is the tag. */
    @Override
    public Optional<TenantState> inspect(String tenantId) {
        Feed feed;
        try {
            feed = client.feeds().get(tenantId);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        String name = feed.info() == null ? null : feed.info().name();
        String code = name != null && name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : null;
        return Optional.of(new TenantState(vendor(), tenantId, code, null, name == null ? Map.of() : Map.of("feed_name", name)));
    }

    /**
     * Deletes the feed; a 401 becomes an error that names the permission the API key lacks.
     *
     * @throws AuthenticationException when the key may not delete feeds
     */
    @Override
    public void remove(TenantState state, VendorWrites writes) {
        String id = state.tenantId();
        writes.sendDelete("carbonblack.DeleteFeed", id, () -> {
            try {
                client.feeds().delete(id);
            } catch (AuthenticationException e) {
                throw new AuthenticationException(e.info().withVendorMessage("Carbon Black refused to delete feed " + id
                        + " (401): removing a customer needs an API key with the threathunter.feeds permission and its Delete"
                        + " operation; the document's least-privilege example key grants Create and Read only (vendor said: "
                        + e.vendorMessage() + ")"), e);
            }
        });
    }
}
