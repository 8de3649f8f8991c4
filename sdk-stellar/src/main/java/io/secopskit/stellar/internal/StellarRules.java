package io.secopskit.stellar.internal;

import io.secopskit.core.error.ValidationException;
import io.secopskit.stellar.model.CaseSeverity;
import io.secopskit.stellar.model.CaseStatus;

/** Input rules of the Stellar Cyber API, checked before sending. Internal. */
public final class StellarRules {
    /** Vendor id used in errors and operation names. */
    public static final String VENDOR = "stellar";
    /** The largest page the cases API returns. */
    public static final int MAX_CASE_LIMIT = 500;

    private StellarRules() {
    }

    /**
     * Checks a required text field.
     *
     * @param operation operation name
     * @param field     field name
     * @param value     value
     * @return the value
     */
    public static String required(String operation, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(VENDOR, operation, field, "is required and must not be blank");
        }
        return value;
    }

    /**
     * Checks a path id: non-blank, no {@code /}.
     *
     * @param operation operation name
     * @param field     field name
     * @param value     value
     * @return the value
     */
    public static String id(String operation, String field, String value) {
        required(operation, field, value);
        if (value.indexOf('/') >= 0 || value.chars().anyMatch(Character::isWhitespace)) {
            throw new ValidationException(VENDOR, operation, field, "must not contain '/' or whitespace");
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
     */
    public static int range(String operation, String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ValidationException(VENDOR, operation, field,
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
     */
    public static void known(String operation, CaseStatus status, CaseSeverity severity) {
        if (status == CaseStatus.UNRECOGNIZED) {
            throw new ValidationException(VENDOR, operation, "status", "must be a known value");
        }
        if (severity == CaseSeverity.UNRECOGNIZED) {
            throw new ValidationException(VENDOR, operation, "severity", "must be a known value");
        }
    }
}
