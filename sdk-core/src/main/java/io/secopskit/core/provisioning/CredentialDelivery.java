package io.secopskit.core.provisioning;

import io.secopskit.core.Secret;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Credentials a vendor issued for a customer's tenant, on their way to a {@link CredentialSink}. The
 * values are {@link Secret}s: {@code toString()} never shows them.
 *
 * @param customerCode the customer
 * @param vendor       vendor id
 * @param tenantId     the vendor's id of the tenant
 * @param credentials  the credentials by name (for Chronicle: the credential type)
 * @param issuedAt     when the vendor returned them
 */
public record CredentialDelivery(String customerCode, String vendor, String tenantId, Map<String, Secret> credentials,
                                 Instant issuedAt) {
    /** Checks the fields and copies the credentials. */
    public CredentialDelivery {
        Objects.requireNonNull(customerCode, "customerCode");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        credentials = Map.copyOf(credentials);
    }
}
