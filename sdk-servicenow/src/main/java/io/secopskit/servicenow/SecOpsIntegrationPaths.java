package io.secopskit.servicenow;

import io.secopskit.core.error.ConfigurationException;
import io.secopskit.core.spi.Inputs;

/**
 * Where the "SecOps Integration Capabilities" scripted REST API lives on an instance. ServiceNow does not
 * publish its URIs: scripted REST APIs live at {@code /api/<namespace>/<api id>/<resource>}, the namespace
 * is most likely {@code sn_sec_cmn}, and the API id and resource names below are this SDK's assumption.
 * Check the API in your instance (System Web Services › Scripted REST APIs) and override what differs.
 *
 * @param basePath                  API base path, default {@value #DEFAULT_BASE_PATH}
 * @param ciEnrichmentPath          CI enrichment resource, default {@code /ci_enrichment}
 * @param observableEnrichmentPath  observable enrichment resource, default {@code /observable_enrichment}
 * @param threatLookupPath          threat lookup resource, default {@code /threat_lookup}
 */
public record SecOpsIntegrationPaths(String basePath, String ciEnrichmentPath, String observableEnrichmentPath,
                                     String threatLookupPath) {
    /** The assumed base path. */
    public static final String DEFAULT_BASE_PATH = "/api/sn_sec_cmn/secops_integration";

    /**
     * Checks every path: it starts with {@code /}, has no query, fragment, {@code .} or {@code ..} segment,
     * backslash, brace, percent sign, whitespace or control character; a trailing {@code /} of the base path is dropped.
     *
     * @throws ConfigurationException naming the path that breaks a rule
     */
    public SecOpsIntegrationPaths {
        check("basePath", basePath);
        check("ciEnrichmentPath", ciEnrichmentPath);
        check("observableEnrichmentPath", observableEnrichmentPath);
        check("threatLookupPath", threatLookupPath);
        basePath = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
    }

    private static void check(String name, String path) {
        String setting = "secOpsIntegrationPaths." + name;
        if (path == null) {
            throw new ConfigurationException(ServiceNowClient.VENDOR, setting, "is required");
        }
        if (!path.startsWith("/") || path.length() > 512) {
            throw new ConfigurationException(ServiceNowClient.VENDOR, setting, "must start with '/' and be at most"
                    + " 512 characters: " + Inputs.quote(path));
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (Inputs.isControl(c) || Character.isWhitespace(c) || c == '?' || c == '#' || c == '\\' || c == '%'
                    || c == '{' || c == '}') {
                throw new ConfigurationException(ServiceNowClient.VENDOR, setting, "must not contain whitespace, control"
                        + " characters, '?', '#', '%', '{', '}' or '\\': " + Inputs.quote(path));
            }
        }
        for (String segment : path.substring(1).split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                throw new ConfigurationException(ServiceNowClient.VENDOR, setting, "must not contain '.' or '..'"
                        + " segments: " + Inputs.quote(path));
            }
        }
    }

    /**
     * Returns the assumed defaults.
     *
     * @return the defaults
     */
    public static SecOpsIntegrationPaths defaults() {
        return new SecOpsIntegrationPaths(DEFAULT_BASE_PATH, "/ci_enrichment", "/observable_enrichment", "/threat_lookup");
    }
}
