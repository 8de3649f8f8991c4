package io.secopskit.chronicle.tenants;

import io.secopskit.core.Beta;
import io.secopskit.core.error.ConflictException;
import io.secopskit.core.error.ErrorInfo;
import java.util.List;
import java.util.Optional;

/**
 * {@code tenants.create} answered {@code ALREADY_EXISTS} (or the SDK found the tenant first) and this
 * says why, as Google documents the two cases: the customer code's tenant is already provisioned, or it
 * exists with different field values. The SDK decides which by reading the tenant back
 * ({@code tenants.list}, matched by customer code) and comparing the fields Google returns — not by
 * parsing Google's message, whose wording is not documented.
 */
@Beta
public class TenantAlreadyExistsException extends ConflictException {
    /** Why the tenant could not be created. */
    public enum Reason {
        /**
         * A tenant with this customer code and the same field values exists: it is provisioned (or its
         * creation is still running — see {@link Tenant#state()}). Nothing needs to be created.
         */
        ALREADY_PROVISIONED,
        /** A tenant with this customer code exists with other values for {@link #differingFields()}. */
        FIELDS_DIFFER,
        /** Google said ALREADY_EXISTS but the tenant could not be read back (not listed, or listing failed). */
        NOT_VISIBLE
    }

    private final Reason reason;
    private final String customerCode;
    private final Tenant existing;
    private final List<String> differingFields;

    /**
     * Creates the exception.
     *
     * @param info            what is known
     * @param reason          why
     * @param customerCode    the customer code
     * @param existing        the existing tenant, or null when it could not be read
     * @param differingFields the fields whose values differ (empty unless {@link Reason#FIELDS_DIFFER})
     * @param cause           the ALREADY_EXISTS answer, or null when the SDK refused before sending
     */
    public TenantAlreadyExistsException(ErrorInfo info, Reason reason, String customerCode, Tenant existing,
                                        List<String> differingFields, Throwable cause) {
        super(info, cause);
        this.reason = reason;
        this.customerCode = customerCode;
        this.existing = existing;
        this.differingFields = List.copyOf(differingFields);
    }

    /**
     * Returns why the tenant could not be created.
     *
     * @return why the tenant could not be created
     */
    public Reason reason() {
        return reason;
    }

    /**
     * Returns the customer code.
     *
     * @return the customer code
     */
    public String customerCode() {
        return customerCode;
    }

    /**
     * Returns the existing tenant, when it could be read.
     *
     * @return the existing tenant, when it could be read
     */
    public Optional<Tenant> existingTenant() {
        return Optional.ofNullable(existing);
    }

    /**
     * Returns the names of the fields whose values differ from the existing tenant's (wire names).
     *
     * @return the names of the fields whose values differ from the existing tenant's (wire names)
     */
    public List<String> differingFields() {
        return differingFields;
    }
}
