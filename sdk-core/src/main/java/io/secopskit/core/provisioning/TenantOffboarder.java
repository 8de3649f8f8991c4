package io.secopskit.core.provisioning;

import io.secopskit.core.Beta;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Suspends, restores and removes a customer's tenant (or equivalent resource) at one vendor, as far as the vendor
 * allows ({@link #capabilities()}). Implementations live in the vendor modules ({@code TaegisTenantOffboarder},
 * ...); {@link Offboarding} drives them with onboarding's guarantees: one run per customer under its lease, a
 * journal, evidence, and the fence re-checked before every write.
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li>{@link #inspect} only reads, and reports the customer code of the tenant's vendor-side tag so that a binding
 *       pointing at another customer's tenant is caught before anything is written.</li>
 *   <li>{@link #suspend}, {@link #restore} and {@link #remove} send every write through the given
 *       {@link VendorWrites}, and write only what the state they were given says is still missing — so a run that
 *       resumes after a crash never repeats a write whose outcome is unknown without reading first.</li>
 *   <li>{@link #undo} is called on the state read <em>before</em> a suspend and its answer is journalled before
 *       the first write, so a restore has it even when the run died right after the vendor write.</li>
 * </ul>
 * New methods arrive as {@code default} methods.
 */
@Beta
public interface TenantOffboarder {
    /**
     * Returns the vendor id, for example {@code taegis}; the same as the vendor's {@link TenantProvisioner}.
     *
     * @return the vendor id
     */
    String vendor();

    /**
     * Returns what the vendor allows.
     *
     * @return the capabilities
     */
    OffboardingCapabilities capabilities();

    /**
     * Returns the host writes go to, for plans.
     *
     * @return the host name
     */
    String host();

    /**
     * Reads the bound tenant. Sends no write.
     *
     * @param tenantId the id recorded in the customer's binding
     * @return its state, or empty when the vendor no longer has it
     */
    Optional<TenantState> inspect(String tenantId);

    /**
     * Returns what a restore needs to bring the tenant back as it is now (for example the Taegis environments that
     * are on), from the state read before a suspend. Non-secret values only.
     *
     * @param state the state before the suspend
     * @return facts for {@link #restore}; empty by default
     */
    default Map<String, String> undo(TenantState state) {
        return Map.of();
    }

    /**
     * Suspends the tenant reversibly.
     *
     * @param state  the state read before
     * @param writes how to send writes
     * @throws UnsupportedOperationException when the vendor cannot suspend (the default)
     */
    default void suspend(TenantState state, VendorWrites writes) {
        throw new UnsupportedOperationException(vendor() + " cannot suspend a tenant");
    }

    /**
     * Brings a suspended tenant back as it was before the suspend.
     *
     * @param state  the state read now
     * @param undo   what {@link #undo} answered before the suspend
     * @param writes how to send writes
     * @throws UnsupportedOperationException when the vendor cannot suspend (the default)
     */
    default void restore(TenantState state, Map<String, String> undo, VendorWrites writes) {
        throw new UnsupportedOperationException(vendor() + " cannot restore a tenant");
    }

    /**
     * Removes the tenant irreversibly, as far as the vendor allows.
     *
     * @param state  the state read before
     * @param writes how to send writes
     * @throws UnsupportedOperationException when the vendor offers no removal (the default)
     */
    default void remove(TenantState state, VendorWrites writes) {
        throw new UnsupportedOperationException(vendor() + " cannot remove a tenant");
    }

    /**
     * Lists what the vendor issued for the customer that no API can revoke (reads only), for a person to revoke.
     *
     * @param state the tenant's state
     * @return the items; empty by default
     */
    default List<ManualRevocation> manualRevocations(TenantState state) {
        return List.of();
    }

    /**
     * Returns what this vendor's tenant id is, for summaries (for example "customer code", "feed id").
     *
     * @return a short label
     */
    default String tenantIdLabel() {
        return "tenant id";
    }
}
