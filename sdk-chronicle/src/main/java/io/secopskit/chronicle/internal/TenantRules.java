package io.secopskit.chronicle.internal;

import io.secopskit.core.error.ValidationException;
import java.util.regex.Pattern;

/**
 * Input rules of the Chronicle API tenant service, checked before any request. Each rule says where it
 * comes from: {@code [doc]} Google's reference, {@code [legacy doc]} the partner API's documented rule
 * for the same field (the migration guide maps {@code customer_code} one to one), {@code [guess]} an
 * SDK choice where the documents are silent. Internal.
 */
public final class TenantRules {
    /** [legacy doc] 1-18 of {@code [a-z0-9-]}, starting with a letter, not ending with {@code -}. */
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{0,17}");
    /** [doc] Google Cloud project ids (6-30 characters) or project numbers. */
    private static final Pattern PROJECT_ID = Pattern.compile("[a-z][a-z0-9-]{4,28}[a-z0-9]|[0-9]{1,30}");
    /** [doc] {@code locations/{location}/workforcePools/{pool}/providers/{provider}}. */
    private static final Pattern PROVIDER = Pattern.compile(
            "locations/[a-z][a-z0-9-]{0,62}/workforcePools/[A-Za-z0-9._-]{1,128}/providers/[A-Za-z0-9._-]{1,128}");
    /** [guess] a frontend path is a DNS label, like the legacy API's subdomains. */
    private static final Pattern FRONTEND_PATH = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    /** [guess] Cloud Billing account ids, with or without the {@code billingAccounts/} prefix. */
    private static final Pattern BILLING = Pattern.compile("(billingAccounts/)?[0-9A-F]{6}-[0-9A-F]{6}-[0-9A-F]{6}");
    /** [doc] Google Cloud location names such as {@code us}, {@code eu}, {@code europe-west2}. */
    private static final Pattern LOCATION = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    /** [guess] ids the server assigns (instances, tenants, operations): URL-safe, no separators. */
    private static final Pattern SERVER_ID = Pattern.compile("[A-Za-z0-9_~.-]{1,128}");
    /** [guess] the SDK's cap on display names; the documents give none. */
    public static final int MAX_DISPLAY_NAME = 255;

    private TenantRules() {
    }

    /**
     * Checks a customer code.
     *
     * @param operation operation name
     * @param code      the value
     * @return the value
     */
    public static String customerCode(String operation, String code) {
        if (code == null || !CODE.matcher(code).matches() || code.endsWith("-")) {
            throw new ValidationException(Rules.VENDOR, operation, "customerCode",
                    "must be 1-18 characters of [a-z0-9-], start with a lowercase letter and not end with '-'"
                            + (code == null ? " (was null)" : " (was '" + printable(code) + "')"));
        }
        return code;
    }

    /**
     * Checks a display name: not blank, no control characters, at most {@value #MAX_DISPLAY_NAME} characters.
     *
     * @param operation operation name
     * @param name      the value
     * @return the value
     */
    public static String displayName(String operation, String name) {
        if (name == null || name.isBlank()) {
            throw new ValidationException(Rules.VENDOR, operation, "displayName", "must not be blank");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new ValidationException(Rules.VENDOR, operation, "displayName", "must not contain control characters");
        }
        if (name.length() > MAX_DISPLAY_NAME) {
            throw new ValidationException(Rules.VENDOR, operation, "displayName",
                    "must be at most " + MAX_DISPLAY_NAME + " characters (was " + name.length() + ")");
        }
        return name;
    }

    /**
     * Checks {@code tenantGcpProject}: {@code projects/<project id or number>}.
     *
     * @param operation operation name
     * @param project   the value
     * @return the value
     */
    public static String tenantGcpProject(String operation, String project) {
        if (project == null || !project.startsWith("projects/")
                || !PROJECT_ID.matcher(project.substring("projects/".length())).matches()) {
            throw new ValidationException(Rules.VENDOR, operation, "tenantGcpProject",
                    "must be 'projects/<project id or number>' (was '" + printable(project) + "')");
        }
        return project;
    }

    /**
     * Checks a workforce pool provider id.
     *
     * @param operation operation name
     * @param providerId the value
     * @return the value
     */
    public static String workforcePoolProviderId(String operation, String providerId) {
        if (providerId == null || !PROVIDER.matcher(providerId).matches()) {
            throw new ValidationException(Rules.VENDOR, operation, "frontendPathConfigs.workforcePoolProviderId",
                    "must be 'locations/<location>/workforcePools/<pool>/providers/<provider>' (was '"
                            + printable(providerId) + "')");
        }
        return providerId;
    }

    /**
     * Checks a frontend path.
     *
     * @param operation operation name
     * @param path      the value
     * @return the value
     */
    public static String frontendPath(String operation, String path) {
        if (path == null || !FRONTEND_PATH.matcher(path).matches()) {
            throw new ValidationException(Rules.VENDOR, operation, "frontendPathConfigs.frontendPath",
                    "must be a DNS label: 1-63 of [a-z0-9-], not starting or ending with '-' (was '" + printable(path) + "')");
        }
        return path;
    }

    /**
     * Checks a billing account id.
     *
     * @param operation operation name
     * @param account   the value
     * @return the value
     */
    public static String billingAccount(String operation, String account) {
        if (account == null || !BILLING.matcher(account).matches()) {
            throw new ValidationException(Rules.VENDOR, operation, "billingAccount",
                    "must be a Cloud Billing account id 'XXXXXX-XXXXXX-XXXXXX' (upper-case hex), optionally prefixed "
                            + "'billingAccounts/' (was '" + printable(account) + "')");
        }
        return account;
    }

    /**
     * Checks a location name.
     *
     * @param field    the field name
     * @param location the value
     * @return the value
     */
    public static String location(String field, String location) {
        if (location == null || !LOCATION.matcher(location).matches() || location.endsWith("-")) {
            throw new ValidationException(Rules.VENDOR, null, field,
                    "must be a Google Cloud location such as 'us', 'eu' or 'europe-west2' (was '" + printable(location) + "')");
        }
        return location;
    }

    /**
     * Checks a Google Cloud project id or number.
     *
     * @param field   the field name
     * @param project the value
     * @return the value
     */
    public static String projectId(String field, String project) {
        if (project == null || !PROJECT_ID.matcher(project).matches()) {
            throw new ValidationException(Rules.VENDOR, null, field,
                    "must be a Google Cloud project id (6-30 of [a-z0-9-], starting with a letter) or number (was '"
                            + printable(project) + "')");
        }
        return project;
    }

    /**
     * Checks an id the server assigned (instance, tenant or operation id): 1-128 URL-safe characters,
     * not {@code .} or {@code ..}.
     *
     * @param operation operation name, or null
     * @param field     the field name
     * @param id        the value
     * @return the value
     */
    public static String serverId(String operation, String field, String id) {
        if (id == null || !SERVER_ID.matcher(id).matches() || id.equals(".") || id.equals("..")) {
            throw new ValidationException(Rules.VENDOR, operation, field,
                    "must be 1-128 of [A-Za-z0-9_~.-] and not '.' or '..' (was '" + printable(id) + "')");
        }
        return id;
    }

    /**
     * Checks an optional free-text value: not blank, no control characters, at most 255 characters.
     *
     * @param operation operation name
     * @param field     the field name
     * @param value     the value
     * @return the value
     */
    public static String text(String operation, String field, String value) {
        if (value == null || value.isBlank() || value.length() > 255 || value.chars().anyMatch(Character::isISOControl)) {
            throw new ValidationException(Rules.VENDOR, operation, field,
                    "must be 1-255 characters without control characters");
        }
        return value;
    }

    /**
     * Makes a value safe to quote in a message: control characters escaped, at most 80 characters.
     *
     * @param value the value, or null
     * @return the printable form
     */
    public static String printable(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < value.length() && sb.length() < 80; i++) {
            char c = value.charAt(i);
            sb.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return value.length() > 80 ? sb + "..." : sb.toString();
    }
}
