package io.secopskit.chronicle.internal;

import io.secopskit.core.error.ValidationException;
import java.util.regex.Pattern;

/**
 * The Customer Management API's input rules, checked before any request — only where a rule is known, so
 * that nothing the vendor accepts is refused (issue 22). Internal.
 */
public final class Rules {
    /** Vendor id used in errors and operation names: {@link io.secopskit.chronicle.ChronicleClient#VENDOR}. */
    public static final String VENDOR = io.secopskit.chronicle.ChronicleClient.VENDOR;
    /** The longest customer code accepted when reading existing customers (no documented limit; a guard only). */
    public static final int MAX_EXISTING_CODE_LENGTH = 256;

    private static final Pattern NEW_CODE = Pattern.compile("[a-z]([a-z0-9-]{0,16}[a-z0-9])?");
    private static final String ID = "[a-z][a-z0-9-]{4,28}[a-z0-9]";
    private static final Pattern PROJECT = Pattern.compile(
            "projects/(" + ID + "|[0-9]{1,30}|[a-z0-9]([a-z0-9.-]{0,61}[a-z0-9])?:" + ID + ")");
    private static final Pattern PROVIDER = Pattern.compile("locations/global/workforcePools/[^/\\s]+/providers/[^/\\s]+");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_-]{1,63}");

    private Rules() {
    }

    /**
     * Checks the {@code customer_code} of a <b>new</b> customer (CreateCustomer only): starts with a lowercase
     * letter, only lowercase letters, digits and {@code -}, does not end with {@code -}, 1 to 18 characters.
     * The document states no format; this is the creation rule from Google's partner guidance (NOTES).
     *
     * @param operation operation name
     * @param code      the value
     * @return the value
     */
    public static String newCustomerCode(String operation, String code) {
        if (code == null || !NEW_CODE.matcher(code).matches()) {
            throw new ValidationException(VENDOR, operation, "customer_code",
                    "a new customer's code must be 1-18 characters of [a-z0-9-], start with a lowercase letter and not end "
                            + "with '-'" + (code == null ? " (was null)" : " (was '" + printable(code) + "')"));
        }
        return code;
    }

    /**
     * Checks the {@code customer_code} of an <b>existing</b> customer (every operation but CreateCustomer):
     * any non-empty code as the vendor stores it — the document's own sample code is {@code CODE} — without
     * control characters or characters that would break a path or query ({@code / \ ? # & = %}), at most
     * {@value #MAX_EXISTING_CODE_LENGTH} characters.
     *
     * @param operation operation name
     * @param code      the value
     * @return the value
     */
    public static String customerCode(String operation, String code) {
        if (code == null || code.isEmpty()) {
            throw new ValidationException(VENDOR, operation, "customer_code", "is required and must not be empty");
        }
        if (code.length() > MAX_EXISTING_CODE_LENGTH) {
            throw new ValidationException(VENDOR, operation, "customer_code",
                    "must be at most " + MAX_EXISTING_CODE_LENGTH + " characters (was " + code.length() + ")");
        }
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (Character.isISOControl(c) || "/\\?#&=%".indexOf(c) >= 0 || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                throw new ValidationException(VENDOR, operation, "customer_code",
                        "must not contain control characters or any of / \\ ? # & = % (was '" + printable(code) + "')");
            }
        }
        return code;
    }

    /**
     * Checks {@code gcp_project}: {@code projects/<project id>} or {@code projects/<project number>}, the two
     * documented forms, or {@code projects/<domain>:<project id>} for domain-scoped projects (an inference from
     * Google Cloud's project naming, recorded in the wire table).
     *
     * @param operation operation name
     * @param project   the value
     * @return the value
     */
    public static String gcpProject(String operation, String project) {
        if (project == null || !PROJECT.matcher(project).matches()) {
            throw new ValidationException(VENDOR, operation, "gcp_project",
                    "must be 'projects/<project id>', 'projects/<project number>' or 'projects/<domain>:<project id>' "
                            + "(was '" + printable(project) + "')");
        }
        return project;
    }

    /**
     * Checks {@code provider_id}: {@code locations/global/workforcePools/<pool>/providers/<provider>}.
     *
     * @param operation operation name
     * @param providerId the value
     * @return the value
     */
    public static String providerId(String operation, String providerId) {
        if (providerId == null || !PROVIDER.matcher(providerId).matches()) {
            throw new ValidationException(VENDOR, operation, "provider_id",
                    "must be 'locations/global/workforcePools/<pool>/providers/<provider>' (was '" + printable(providerId) + "')");
        }
        return providerId;
    }

    /**
     * Checks a customer subdomain only for what DNS requires of a name under
     * {@code backstory.chronicle.security}: dot-separated labels of 1 to 63 ASCII letters, digits, {@code -}
     * or {@code _}, at most 253 characters in all.
     *
     * @param operation operation name
     * @param field     the field name
     * @param subdomain the value
     * @return the value
     */
    public static String subdomain(String operation, String field, String subdomain) {
        if (subdomain == null || subdomain.isEmpty()) {
            throw new ValidationException(VENDOR, operation, field, "is required and must not be empty");
        }
        if (subdomain.length() > 253) {
            throw new ValidationException(VENDOR, operation, field,
                    "a DNS name is at most 253 characters (was " + subdomain.length() + ")");
        }
        for (String label : subdomain.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw new ValidationException(VENDOR, operation, field,
                        "each dot-separated DNS label must be 1-63 ASCII letters, digits, '-' or '_' (was '"
                                + printable(subdomain) + "')");
            }
        }
        return subdomain;
    }

    /**
     * Checks a required text field.
     *
     * @param operation operation name
     * @param field     the field name
     * @param value     the value
     * @return the value
     */
    public static String required(String operation, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(VENDOR, operation, field, "is required and must not be blank");
        }
        return value;
    }

    /** Shows a rejected value without control characters and cut to 64 characters. */
    private static String printable(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < value.length() && sb.length() < 64; i++) {
            char c = value.charAt(i);
            sb.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return value.length() > 64 ? sb + "..." : sb.toString();
    }
}
