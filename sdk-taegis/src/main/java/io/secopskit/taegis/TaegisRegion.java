package io.secopskit.taegis;

import java.net.URI;

/**
 * Taegis XDR regions: the tenants API host ({@code /public/query}) and the region's API host, which
 * issues OAuth tokens ({@code /auth/api/v2/auth/token}). US1's tenants host uses a dot
 * ({@code api.tenants.ctpx}), the others a hyphen ({@code api-tenants.<name>}).
 */
public enum TaegisRegion {
    /** US1 (charlie / ctpx). */
    US1("https://api.tenants.ctpx.secureworks.com", "https://api.ctpx.secureworks.com"),
    /** US2 (delta). */
    US2("https://api-tenants.delta.taegis.secureworks.com", "https://api.delta.taegis.secureworks.com"),
    /** US3 (foxtrot). */
    US3("https://api-tenants.foxtrot.taegis.secureworks.com", "https://api.foxtrot.taegis.secureworks.com"),
    /** EU (echo). */
    EU("https://api-tenants.echo.taegis.secureworks.com", "https://api.echo.taegis.secureworks.com"),
    /** EU West 1 (golf). */
    EU_WEST1(named("golf")[0], named("golf")[1]),
    /** AP South-East 2 (hotel). */
    AP_SOUTHEAST2(named("hotel")[0], named("hotel")[1]),
    /** AP South 1 (india). */
    AP_SOUTH1(named("india")[0], named("india")[1]),
    /** AP North-East 1 (juliet). */
    AP_NORTHEAST1(named("juliet")[0], named("juliet")[1]),
    /** SA East 1 (kilo). */
    SA_EAST1(named("kilo")[0], named("kilo")[1]),
    /** CA Central 1 (quebec). */
    CA_CENTRAL1(named("quebec")[0], named("quebec")[1]);

    private final URI tenantsHost;
    private final URI apiHost;

    TaegisRegion(String tenantsHost, String apiHost) {
        this.tenantsHost = URI.create(tenantsHost);
        this.apiHost = URI.create(apiHost);
    }

    private static String[] named(String name) {
        return new String[] {"https://api-tenants." + name + ".taegis.secureworks.com",
                "https://api." + name + ".taegis.secureworks.com"};
    }

    /**
     * Returns the tenants API host ({@code /public/query}).
     *
     * @return the host, for example {@code https://api.tenants.ctpx.secureworks.com}
     */
    public URI tenantsHost() {
        return tenantsHost;
    }

    /**
     * Returns the region's API host, which serves the token endpoint.
     *
     * @return the host, for example {@code https://api.ctpx.secureworks.com}
     */
    public URI apiHost() {
        return apiHost;
    }
}
