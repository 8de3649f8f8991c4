package io.secopskit.taegis;

import io.secopskit.core.Beta;
import io.secopskit.core.provisioning.OffboardingCapabilities;
import io.secopskit.core.provisioning.TenantOffboarder;
import io.secopskit.core.provisioning.TenantState;
import io.secopskit.core.provisioning.VendorWrites;
import io.secopskit.core.error.NotFoundException;
import io.secopskit.taegis.model.Environment;
import io.secopskit.taegis.model.SsoConnection;
import io.secopskit.taegis.model.Tenant;
import io.secopskit.taegis.model.TenantEnvironment;
import io.secopskit.taegis.model.TenantLabel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Offboards a customer from Taegis XDR, as far as the Tenants API allows:
 * <ul>
 *   <li><b>Suspend</b>: the tenant is disabled ({@code updateTenant} with {@code disable: true}: every environment off)
 *       and Secureworks support access is switched off ({@code disableTenantSupport}) — each only when it is still on.
 *       The environments that were on and whether support was on are recorded before the first write.</li>
 *   <li><b>Restore</b>: the recorded environments are switched on again ({@code updateTenant} with
 *       {@code environments}) and support access too when it was on.</li>
 *   <li><b>Remove</b>: Taegis has no tenant delete. The tenant's SSO connections are deleted
 *       ({@code deleteSSOConnection}, with {@code X-Tenant-Context}) and the tenant stays disabled (disabled again first
 *       if someone switched it on during the grace period).</li>
 * </ul>
 * The tenant's label {@code customer_code} is its tag. All calls go through the {@link TaegisClient}'s tenants and
 * SSO sub-clients.
 */
@Beta
public final class TaegisTenantOffboarder implements TenantOffboarder {
    /** Undo fact: the environments that were on, comma-separated. */
    public static final String UNDO_ENVIRONMENTS = "environments";
    /** Undo fact: whether support access was on. */
    public static final String UNDO_SUPPORT = "support";

    private static final OffboardingCapabilities CAPABILITIES = new OffboardingCapabilities(
            "tenant disabled (every environment off) and support access off; the environments that were on are recorded for"
                    + " restore", "taegis.updateTenant, taegis.disableTenantSupport",
            "SSO connections deleted; Taegis has no tenant delete, so the tenant stays disabled", "taegis.deleteSSOConnection",
            null);

    private final TaegisClient client;

    /**
     * Creates the offboarder.
     *
     * @param client the Taegis client (a TenantAdmin of the partner)
     */
    public TaegisTenantOffboarder(TaegisClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public String vendor() {
        return "taegis";
    }

    @Override
    public OffboardingCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public String host() {
        return client.endpoint().getHost();
    }

    /** The tenant by id ({@code tenants} with {@code ids}). */
    @Override
    public Optional<TenantState> inspect(String tenantId) {
        try {
            return Optional.of(state(client.tenants().get(tenantId)));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private TenantState state(Tenant t) {
        TreeSet<String> on = new TreeSet<>();
        if (t.environments() != null) {
            for (Environment e : t.environments()) {
                if (e != null && Boolean.TRUE.equals(e.enabled()) && e.name() != null) {
                    on.add(e.name());
                }
            }
        }
        boolean enabled = Boolean.TRUE.equals(t.enabled()) || !on.isEmpty();
        boolean support = Boolean.TRUE.equals(t.supportEnabled());
        Map<String, String> a = new LinkedHashMap<>();
        a.put(UNDO_ENVIRONMENTS, String.join(",", on));
        a.put(UNDO_SUPPORT, Boolean.toString(support));
        a.put("enabled", Boolean.toString(enabled));
        return new TenantState(vendor(), t.id(), codeLabel(t), !enabled && !support, a);
    }

    private static String codeLabel(Tenant t) {
        if (t.labels() == null) {
            return null;
        }
        for (TenantLabel l : t.labels()) {
            if (l != null && TaegisTenantProvisioner.CODE_LABEL.equals(l.name())) {
                return l.value();
            }
        }
        return null;
    }

    /** The environments that are on and whether support is on. */
    @Override
    public Map<String, String> undo(TenantState state) {
        return Map.of(UNDO_ENVIRONMENTS, state.attribute(UNDO_ENVIRONMENTS), UNDO_SUPPORT, state.attribute(UNDO_SUPPORT));
    }

    @Override
    public void suspend(TenantState state, VendorWrites writes) {
        String id = state.tenantId();
        if (Boolean.parseBoolean(state.attribute("enabled"))) {
            writes.send("taegis.updateTenant", id, () -> client.tenants().disable(id));
        }
        if (Boolean.parseBoolean(state.attribute(UNDO_SUPPORT))) {
            writes.send("taegis.disableTenantSupport", id, () -> client.tenants().disableSupport(id));
        }
    }

    /**
     * Switches the recorded environments on and support access back on when it was on.
     *
     * @throws IllegalStateException when nothing was recorded at suspend (nothing is sent)
     */
    @Override
    public void restore(TenantState state, Map<String, String> undo, VendorWrites writes) {
        String id = state.tenantId();
        String recorded = undo.get(UNDO_ENVIRONMENTS);
        if (recorded == null) {
            throw new IllegalStateException("no record of the environments tenant " + id + " had on before its suspend: switch"
                    + " them on by hand (TenantsClient.setEnvironments)");
        }
        List<String> wanted = recorded.isEmpty() ? List.of() : Arrays.asList(recorded.split(","));
        List<String> nowOn = state.attribute(UNDO_ENVIRONMENTS).isEmpty() ? List.of()
                : Arrays.asList(state.attribute(UNDO_ENVIRONMENTS).split(","));
        Map<TenantEnvironment, Boolean> missing = new LinkedHashMap<>();
        for (String env : wanted) {
            if (!nowOn.contains(env)) {
                missing.put(TenantEnvironment.of(env), true);
            }
        }
        if (!missing.isEmpty()) {
            writes.send("taegis.updateTenant", id, () -> client.tenants().setEnvironments(id, missing));
        }
        if (Boolean.parseBoolean(undo.get(UNDO_SUPPORT)) && !Boolean.parseBoolean(state.attribute(UNDO_SUPPORT))) {
            writes.send("taegis.enableTenantSupport", id, () -> client.tenants().enableSupport(id));
        }
    }

    /** Deletes the tenant's SSO connections; the tenant stays disabled (disabled again if it was switched on). */
    @Override
    public void remove(TenantState state, VendorWrites writes) {
        String id = state.tenantId();
        if (Boolean.parseBoolean(state.attribute("enabled"))) {
            writes.send("taegis.updateTenant", id, () -> client.tenants().disable(id));
        }
        List<SsoConnection> connections = new ArrayList<>();
        client.sso(id).list().forEach(connections::add);
        for (SsoConnection c : connections) {
            if (c != null && c.id() != null && (c.tenantID() == null || id.equals(c.tenantID()))) {
                writes.sendDelete("taegis.deleteSSOConnection", c.id(), () -> client.sso(id).delete(c.id()));
            }
        }
    }
}
