package io.secopskit.taegis.internal;

import io.secopskit.core.error.ValidationException;
import io.secopskit.core.spi.Inputs;
import io.secopskit.taegis.TaegisClient;

/**
 * The client-side rules for ids and names, checked before anything is sent. Every id passes sdk-core's
 * {@link Inputs#requireId} (not empty, not {@code .} or {@code ..}, no control characters), then a bound of its
 * own: tenant ids — integers as text in the document ("an int like: 12345"), and the value of the
 * {@code X-Tenant-Context} header — at most {@value #MAX_TENANT_ID_LENGTH} characters without whitespace; other
 * ids (labels, subscriptions, SSO connections) at most {@value #MAX_ID_LENGTH} characters without leading or
 * trailing whitespace. The bounds are SecOpsKit's, not the vendor's. Internal.
 */
public final class TaegisIds {
    /** The longest tenant id accepted. */
    public static final int MAX_TENANT_ID_LENGTH = 64;
    /** The longest other id accepted. */
    public static final int MAX_ID_LENGTH = 256;

    private TaegisIds() {
    }

    /**
     * Checks a tenant id (an argument or the {@code X-Tenant-Context} header).
     *
     * @param operation the operation
     * @param field     the argument or header name
     * @param value     the value
     * @return the value
     * @throws ValidationException if a rule is broken
     */
    public static String tenantId(String operation, String field, String value) {
        Inputs.requireId(TaegisClient.VENDOR, operation, field, value);
        for (int i = 0; i < value.length(); i++) {
            if (Character.isWhitespace(value.charAt(i))) {
                throw new ValidationException(TaegisClient.VENDOR, operation, field,
                        "must be a tenant id without whitespace (got " + Inputs.quote(value) + ")");
            }
        }
        if (value.length() > MAX_TENANT_ID_LENGTH) {
            throw new ValidationException(TaegisClient.VENDOR, operation, field, "must be at most "
                    + MAX_TENANT_ID_LENGTH + " characters (got " + value.length() + ": " + Inputs.quote(value) + ")");
        }
        return value;
    }

    /**
     * Checks any other id (label, subscription, SSO connection).
     *
     * @param operation the operation
     * @param field     the argument name
     * @param value     the value
     * @return the value
     * @throws ValidationException if a rule is broken
     */
    public static String id(String operation, String field, String value) {
        Inputs.requireId(TaegisClient.VENDOR, operation, field, value);
        if (value.isBlank() || value.strip().length() != value.length()) {
            throw new ValidationException(TaegisClient.VENDOR, operation, field,
                    "must not be blank or start or end with whitespace (got " + Inputs.quote(value) + ")");
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw new ValidationException(TaegisClient.VENDOR, operation, field, "must be at most " + MAX_ID_LENGTH
                    + " characters (got " + value.length() + ": " + Inputs.quote(value) + ")");
        }
        return value;
    }

    /**
     * Checks an optional tenant id: null passes.
     *
     * @param operation the operation
     * @param field     the field name
     * @param value     the value, or null
     * @return the value
     */
    public static String optionalTenantId(String operation, String field, String value) {
        return value == null ? null : tenantId(operation, field, value);
    }

    /**
     * Checks a required name or text value: not null, not blank, no control characters.
     *
     * @param operation the operation
     * @param field     the field name
     * @param value     the value
     * @return the value
     * @throws ValidationException if it is missing, blank or holds control characters
     */
    public static String text(String operation, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(TaegisClient.VENDOR, operation, field, "is required and must not be blank"
                    + (value == null ? "" : " (got " + Inputs.quote(value) + ")"));
        }
        return Inputs.requireNoControl(TaegisClient.VENDOR, operation, field, value);
    }

    /**
     * Checks an optional name: null passes; otherwise as {@link #text}.
     *
     * @param operation the operation
     * @param field     the field name
     * @param value     the value, or null
     * @return the value
     */
    public static String optionalText(String operation, String field, String value) {
        return value == null ? null : text(operation, field, value);
    }
}
