package io.secopskit.chronicle;

import io.secopskit.chronicle.model.Credential;
import io.secopskit.chronicle.model.Customer;
import io.secopskit.core.Beta;
import io.secopskit.core.error.NotFoundException;
import io.secopskit.core.provisioning.ManualRevocation;
import io.secopskit.core.provisioning.OffboardingCapabilities;
import io.secopskit.core.provisioning.TenantOffboarder;
import io.secopskit.core.provisioning.TenantState;
import io.secopskit.core.provisioning.VendorWrites;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Offboards a customer from Google Security Operations through the partner Customer Management API (the legacy
 * Backstory API), as far as it allows:
 * <ul>
 *   <li><b>Suspend</b>: SetUIState false — the customer's web application is switched off. Only the UI: ingestion and
 *       the customer's API keys stay live. The documented GetCustomer answer carries no UI state, so the state before
 *       cannot be read; SetUIState is idempotent and is sent on every suspend (also when a resumed run repeats it).</li>
 *   <li><b>Restore</b>: SetUIState true.</li>
 *   <li><b>Remove</b>: none — the API has no delete. The customer's credential ids (read from GetCustomer, else from
 *       the customer's ListCustomers entry) are listed for manual revocation with Google; values are never kept.</li>
 * </ul>
 * The tenant id is the customer code (as for {@link ChronicleTenantProvisioner}). The modern tenant service documents
 * no remove either; its UI switch maps to {@code instances.patch} on the tenant's own project, which needs IAM the
 * tenant grants and is not offered here.
 */
@Beta
public final class ChronicleTenantOffboarder implements TenantOffboarder {
    private static final OffboardingCapabilities CAPABILITIES = new OffboardingCapabilities(
            "web application off (SetUIState false) — the UI only: ingestion and API keys stay live",
            "chronicle.SetUIState", null, null,
            "the partner API has no delete: the customer stays in the partner account and its credential ids are listed for"
                    + " manual revocation with Google");

    private final ChronicleClient client;

    /**
     * Creates the offboarder.
     *
     * @param client the Chronicle client
     */
    public ChronicleTenantOffboarder(ChronicleClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public String vendor() {
        return "chronicle";
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
        return "customer code";
    }

    /** GetCustomer by code; the customer's code is its tag. */
    @Override
    public Optional<TenantState> inspect(String tenantId) {
        Customer c;
        try {
            c = client.customers().get(tenantId);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        return Optional.of(new TenantState(vendor(), tenantId, c.customerCode() != null ? c.customerCode() : tenantId, null,
                Map.of()));
    }

    /** Records that the UI is to be switched on again (its state before cannot be read). */
    @Override
    public Map<String, String> undo(TenantState state) {
        return Map.of("ui", "on");
    }

    @Override
    public void suspend(TenantState state, VendorWrites writes) {
        String code = state.tenantId();
        writes.send("chronicle.SetUIState", code, () -> client.customers().setUiState(code, false));
    }

    @Override
    public void restore(TenantState state, Map<String, String> undo, VendorWrites writes) {
        String code = state.tenantId();
        writes.send("chronicle.SetUIState", code, () -> client.customers().setUiState(code, true));
    }

    /** The customer's credential ids and types (never values), for revocation with Google. */
    @Override
    public List<ManualRevocation> manualRevocations(TenantState state) {
        String code = state.tenantId();
        List<Credential> credentials = new ArrayList<>();
        try {
            credentials.addAll(client.customers().get(code).credentials());
        } catch (NotFoundException e) {
            return List.of();
        }
        if (credentials.stream().noneMatch(c -> c.id() != null)) {
            credentials.clear();
            for (Customer listed : client.customers().list()) {
                if (code.equals(listed.customerCode())) {
                    credentials.addAll(listed.credentials());
                }
            }
        }
        List<ManualRevocation> out = new ArrayList<>();
        for (Credential c : credentials) {
            if (c.id() != null) {
                out.add(new ManualRevocation(vendor(), code, "credential", c.id(),
                        c.credentialType() == null ? null : c.credentialType().toString(),
                        "the partner API cannot revoke it: ask Google (partner support) to revoke this credential of customer " + code));
            }
        }
        return out;
    }
}
