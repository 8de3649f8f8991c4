package io.secopskit.chronicle.internal;

import io.secopskit.core.error.ValidationException;
import java.util.regex.Pattern;

/** The Customer Management API's documented input rules, checked before any request. Internal. */
public final class Rules {
    /** Vendor id used in errors and operation names. */
    public static final String VENDOR = "chronicle";

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{0,17}");
    private static final Pattern PROJECT = Pattern.compile("projects/([a-z][a-z0-9-]{4,28}[a-z0-9]|[0-9]{1,30})");
    private static final Pattern PROVIDER = Pattern.compile("locations/global/workforcePools/[^/\\s]+/providers/[^/\\s]+");
    private static final Pattern SUBDOMAIN = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?");

    private Rules() {
    }

    /**
     * Checks {@code customer_code}: starts with a lowercase letter, only lowercase letters, digits and
     * {@code -}, does not end with {@code -}, 1 to 18 characters.
     *
     * @param operation operation name
     * @param code      the value
     * @return the value
     */
    public static String customerCode(String operation, String code) {
        if (code == null || !CODE.matcher(code).matches() || code.endsWith("-")) {
            throw new ValidationException(VENDOR, operation, "customer_code",
                    "must be 1-18 characters of [a-z0-9-], start with a lowercase letter and not end with '-'"
                            + (code == null ? " (was null)" : " (was '" + code + "')"));
        }
        return code;
    }

    /**
     * Checks {@code gcp_project}: {@code projects/<project id or number>}.
     *
     * @param operation operation name
     * @param project   the value
     * @return the value
     */
    public static String gcpProject(String operation, String project) {
        if (project == null || !PROJECT.matcher(project).matches()) {
            throw new ValidationException(VENDOR, operation, "gcp_project",
                    "must be 'projects/<project id or number>' (was '" + project + "')");
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
                    "must be 'locations/global/workforcePools/<pool>/providers/<provider>' (was '" + providerId + "')");
        }
        return providerId;
    }

    /**
     * Checks a customer subdomain: non-empty letters, digits and inner {@code -}.
     *
     * @param operation operation name
     * @param field     the field name
     * @param subdomain the value
     * @return the value
     */
    public static String subdomain(String operation, String field, String subdomain) {
        if (subdomain == null || !SUBDOMAIN.matcher(subdomain).matches()) {
            throw new ValidationException(VENDOR, operation, field,
                    "must be a non-empty DNS label of letters, digits and inner '-' (was '" + subdomain + "')");
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
}
