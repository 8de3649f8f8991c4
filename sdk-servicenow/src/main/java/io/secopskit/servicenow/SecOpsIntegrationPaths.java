package io.secopskit.servicenow;

import java.util.Objects;

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

    /** Checks that every path starts with {@code /} and has no query. */
    public SecOpsIntegrationPaths {
        for (String p : new String[] {basePath, ciEnrichmentPath, observableEnrichmentPath, threatLookupPath}) {
            Objects.requireNonNull(p, "path");
            if (!p.startsWith("/") || p.contains("?") || p.contains("#") || p.contains("..")) {
                throw new IllegalArgumentException("paths must start with '/' and have no query or '..': " + p);
            }
        }
        basePath = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
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
