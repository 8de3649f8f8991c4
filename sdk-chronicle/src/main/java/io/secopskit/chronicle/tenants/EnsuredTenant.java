package io.secopskit.chronicle.tenants;

import io.secopskit.core.Beta;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link TenantsClient#ensure} did for a customer code.
 *
 * @param tenant          the tenant
 * @param outcome         whether it was found or created by this call
 * @param operationName   the {@code tenants.create} operation this call waited for, or null when it waited for none
 * @param differingFields for a {@link Outcome#FOUND} tenant, the fields whose values differ from the request
 *                        (drift, for example a display name changed at Google); empty otherwise
 */
@Beta
public record EnsuredTenant(Tenant tenant, Outcome outcome, String operationName, List<String> differingFields) {
    /** What happened. */
    public enum Outcome {
        /** The customer code's tenant already existed; nothing was created. */
        FOUND,
        /** This call created the tenant, or resent the request and so retried a stuck workflow. */
        CREATED
    }

    /**
     * Checks the parts and copies the list.
     *
     * @param tenant          the tenant
     * @param outcome         whether it was found or created by this call
     * @param operationName   the {@code tenants.create} operation this call waited for, or null when it waited for none
     * @param differingFields for a {@link Outcome#FOUND} tenant, the fields whose values differ from the request
     *                        (drift, for example a display name changed at Google); empty otherwise
     */
    public EnsuredTenant {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(outcome, "outcome");
        differingFields = differingFields == null ? List.of() : List.copyOf(differingFields);
    }

    /**
     * Returns the operation name, when this call waited for one.
     *
     * @return the operation name, when this call waited for one
     */
    public Optional<String> operation() {
        return Optional.ofNullable(operationName);
    }
}
