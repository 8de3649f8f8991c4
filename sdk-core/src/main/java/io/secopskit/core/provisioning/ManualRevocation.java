package io.secopskit.core.provisioning;

import io.secopskit.core.Beta;
import java.util.Objects;

/**
 * Something a vendor issued for a customer that no API call can revoke, listed for a person to revoke by hand
 * (for example a Chronicle credential, by its id). Holds no secret: the id names the credential, it is not the
 * credential.
 *
 * @param vendor      vendor id
 * @param tenantId    the customer's resource at the vendor
 * @param kind        what it is, for example {@code credential}
 * @param id          its id at the vendor
 * @param type        its type, for example {@code INGESTION_API}; or null
 * @param instruction what to do, for people
 */
@Beta
public record ManualRevocation(String vendor, String tenantId, String kind, String id, String type, String instruction) {
    /** Checks the required fields. */
    public ManualRevocation {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(instruction, "instruction");
    }

    /**
     * Returns one line for people.
     *
     * @return the line
     */
    public String describe() {
        return vendor + " " + kind + " " + id + (type == null ? "" : " (" + type + ")") + " of " + tenantId + ": " + instruction;
    }
}
