package io.secopskit.stellar.internal;

import io.secopskit.core.error.ValidationException;
import io.secopskit.core.spi.Inputs;
import io.secopskit.stellar.StellarClient;
import io.secopskit.stellar.model.CaseSeverity;
import io.secopskit.stellar.model.CaseStatus;

/** Input rules of the Stellar Cyber API, checked before sending. Internal. */
public final class StellarRules {
    /** The largest page the cases API returns. */
    public static final int MAX_CASE_PAGE_SIZE = 500;

    private StellarRules() {
    }

    /**
     * Checks a required text field: not null, not blank.
     *
     * @param operation operation name
     * @param field     field name
     * @param value     value
     * @return the value
     * @throws ValidationException if a rule is broken
     */
    public static String required(String operation, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(StellarClient.VENDOR, operation, field, "is required and must not be blank");
        }
        return value;
    }

    /**
     * Checks that a request object is given.
     *
     * @param operation operation name
     * @param field     what it is, for example {@code update}
     * @param value     the object
     * @param <T>       its type
     * @return the object
     * @throws ValidationException if it is null
     */
    public static <T> T present(String operation, String field, T value) {
        if (value == null) {
            throw new ValidationException(StellarClient.VENDOR, operation, field, "is required");
        }
        return value;
    }

    /**
     * Checks an id placed in a path segment: core's rules (not empty, not {@code .} or {@code ..}, no
     * control characters, at most {@value Inputs#MAX_ID_LENGTH} characters), and Stellar Cyber's ids
     * (hexadecimal {@code cust_id}s and case ids) never hold {@code /}, {@code \} or whitespace, which some
     * proxies would read as path separators even when encoded.
     *
     * @param operation operation name
     * @param field     field name, for example {@code tenant_id}
     * @param value     value
     * @return the value
     * @throws ValidationException if a rule is broken
     */
    public static String id(String operation, String field, String value) {
        Inputs.requireId(StellarClient.VENDOR, operation, field, value);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '/' || c == '\\' || Character.isWhitespace(c)) {
                throw new ValidationException(StellarClient.VENDOR, operation, field,
                        "must not contain '/', '\\' or whitespace (got " + Inputs.quote(value) + ")");
            }
        }
        return value;
    }

    /**
     * Checks an integer range.
     *
     * @param operation operation name
     * @param field     field name
     * @param value     value
     * @param min       smallest allowed
     * @param max       largest allowed
     * @return the value
     * @throws ValidationException if it is outside the range
     */
    public static int range(String operation, String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ValidationException(StellarClient.VENDOR, operation, field,
                    "must be between " + min + " and " + max + " (was " + value + ")");
        }
        return value;
    }

    /**
     * Rejects the {@code UNRECOGNIZED} placeholders, which are only ever read, never sent.
     *
     * @param operation operation name
     * @param status    status, or null
     * @param severity  severity, or null
     * @throws ValidationException if either is {@code UNRECOGNIZED}
     */
    public static void known(String operation, CaseStatus status, CaseSeverity severity) {
        if (status == CaseStatus.UNRECOGNIZED) {
            throw new ValidationException(StellarClient.VENDOR, operation, "status", "must be a known value");
        }
        if (severity == CaseSeverity.UNRECOGNIZED) {
            throw new ValidationException(StellarClient.VENDOR, operation, "severity", "must be a known value");
        }
    }
}
