package io.secopskit.core.provisioning;

import io.secopskit.core.Beta;
import java.nio.file.Path;

/**
 * Where credentials that a vendor returns (often only once) are handed before an onboarding step counts as
 * complete — typically a secret manager. If delivery fails, the step still reports the tenant as created
 * and carries the credentials in its result (never FAILED), and the journal records that they were issued
 * but not delivered.
 *
 * <p>Implementations must be thread-safe (steps of several customers and vendors deliver concurrently) and
 * should make a repeated delivery of the same customer and vendor replace the earlier one: credentials read
 * back from a vendor on a later run are delivered again. New methods arrive as {@code default} methods.
 */
@Beta
public interface CredentialSink {
    /**
     * Returns a name for this sink that the journal records with each delivery (for example
     * {@code files:/var/lib/secopskit/credentials}); never a credential.
     *
     * @return the name
     */
    String name();

    /**
     * Stores the credentials durably before returning.
     *
     * @param delivery the credentials
     * @throws RuntimeException when they could not be stored; the message must not contain a credential
     */
    void deliver(CredentialDelivery delivery);

    /**
     * Forgets every credential held for a customer (offboarding calls it once the customer's tenants are removed),
     * durably before returning. The default cannot: it answers false, and offboarding records that this sink kept
     * the credentials so that a person removes them.
     *
     * @param customerCode the customer
     * @return true when the sink holds nothing for the customer any more; false when it cannot forget
     * @throws RuntimeException when forgetting failed; the message must not contain a credential
     */
    default boolean forget(String customerCode) {
        return false;
    }

    /**
     * Returns a sink that keeps credentials in memory (tests, or an application that forwards them itself).
     *
     * @return a new, empty sink
     */
    static InMemoryCredentialSink inMemory() {
        return new InMemoryCredentialSink();
    }

    /**
     * Returns a sink that writes one JSON file per customer and vendor,
     * {@code <directory>/<customer code>/<vendor>.json}, readable and writable by the owner only (0600, in
     * 0700 directories), replaced atomically and flushed to disk (file and directory) before
     * {@link #deliver} returns. It refuses a directory that group or others can read. Needs a POSIX file
     * system.
     *
     * @param directory the directory (created when missing)
     * @return the sink
     */
    static CredentialSink ownerOnlyFiles(Path directory) {
        return new io.secopskit.core.internal.provisioning.OwnerOnlyFileSink(directory);
    }
}
