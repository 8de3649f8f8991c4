package io.secopskit.core.error;

/**
 * Client-side input validation failed; no request was sent. The message names the field and the rule
 * it broke.
 */
public class ValidationException extends InvalidRequestException {
    private final String field;
    private final String rule;

    /**
     * Creates a validation failure.
     *
     * @param vendor    vendor id
     * @param operation operation name, or null when raised while building a request object
     * @param field     the offending field, as the vendor names it (for example {@code customer_code})
     * @param rule      the rule that was broken, in plain words
     */
    public ValidationException(String vendor, String operation, String field, String rule) {
        super(ErrorInfo.of(vendor, operation).withVendorMessage(field + ": " + rule));
        this.field = field;
        this.rule = rule;
    }

    /** Returns the field that failed validation. */
    public String field() {
        return field;
    }

    /** Returns the rule that the field broke. */
    public String rule() {
        return rule;
    }
}
