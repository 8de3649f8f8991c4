package io.secopskit.core.provisioning;

import io.secopskit.core.Beta;

/**
 * What a vendor lets offboarding do, in words for plans and the README: how a tenant is suspended (reversibly),
 * how it is removed (irreversibly), and the operations each sends. A null {@code suspend} means the vendor has no
 * reversible switch-off (the tenant stays usable until removal); a null {@code remove} means the vendor offers no
 * removal (offboarding then lists what a person must revoke by hand).
 *
 * @param suspend           what a suspend does, or null when the vendor cannot suspend
 * @param suspendOperations the operations a suspend may send (and a restore, reversed), or null
 * @param remove            what a removal does, or null when the vendor offers none
 * @param removeOperations  the operations a removal may send, or null
 * @param note              what is inferred rather than documented, or other remarks; or null
 */
@Beta
public record OffboardingCapabilities(String suspend, String suspendOperations, String remove, String removeOperations,
                                      String note) {
    /**
     * Returns whether the vendor can suspend (and therefore restore) a tenant.
     *
     * @return true when {@link #suspend} is set
     */
    public boolean canSuspend() {
        return suspend != null;
    }

    /**
     * Returns whether the vendor can remove a tenant.
     *
     * @return true when {@link #remove} is set
     */
    public boolean canRemove() {
        return remove != null;
    }
}
