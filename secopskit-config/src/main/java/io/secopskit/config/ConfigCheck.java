package io.secopskit.config;

import io.secopskit.carbonblack.CarbonBlackClient;
import io.secopskit.chronicle.ChronicleClient;
import io.secopskit.core.VendorClient;
import io.secopskit.core.error.AuthenticationException;
import io.secopskit.core.error.PermissionDeniedException;
import io.secopskit.core.error.SecOpsException;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.error.TransportException;
import io.secopskit.servicenow.ServiceNowClient;
import io.secopskit.servicenow.model.TableQuery;
import io.secopskit.stellar.StellarClient;
import io.secopskit.taegis.TaegisClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks a configuration: first offline (every configured vendor account's client can be built), then
 * with one read-only call per account — nothing is ever created or changed — and says in one line each
 * whether the vendor is reachable, accepts the credentials and lets them read what SecOpsKit reads.
 *
 * <table>
 *   <caption>The read-only call per vendor</caption>
 *   <tr><th>Vendor</th><th>Call</th></tr>
 *   <tr><td>chronicle</td><td>ListCustomers</td></tr>
 *   <tr><td>taegis</td><td>the partner tenant, or the first page of tenants</td></tr>
 *   <tr><td>carbonblack</td><td>the feed list</td></tr>
 *   <tr><td>servicenow</td><td>one CI record (Table API, {@code cmdb_ci})</td></tr>
 *   <tr><td>stellar</td><td>the tenant list</td></tr>
 * </table>
 */
public final class ConfigCheck {
    /** What a check found. */
    public enum Status {
        /** Reachable, authenticated and authorized. */
        OK,
        /** The configuration itself is wrong (a missing or invalid setting). */
        MISCONFIGURED,
        /** The host could not be reached (DNS, connection, TLS, proxy, timeout, a non-API page). */
        UNREACHABLE,
        /** The vendor refused the credentials. */
        UNAUTHENTICATED,
        /** The credentials were accepted but may not read what SecOpsKit reads. */
        UNAUTHORIZED,
        /** Anything else the vendor answered. */
        FAILED
    }

    /**
     * One vendor account's result.
     *
     * @param vendor  the vendor id
     * @param account the account
     * @param host    the host checked, or null when the client could not be built
     * @param status  what was found
     * @param detail  the problem in one line (never a secret), or {@code reachable, authenticated, authorized}
     */
    public record Result(String vendor, String account, String host, Status status, String detail) {
        /** Validates the result. */
        public Result {
            Objects.requireNonNull(vendor, "vendor");
            Objects.requireNonNull(status, "status");
        }

        /**
         * Returns one line for a person: {@code taegis (default) api.ctpx.secureworks.com: OK reachable, …}.
         *
         * @return the line
         */
        public String render() {
            return vendor + ("default".equals(account) ? "" : " (" + account + ")") + (host == null ? "" : " " + host)
                    + ": " + status + " " + detail;
        }
    }

    private ConfigCheck() {
    }

    /**
     * Builds every configured vendor account's client without sending anything.
     *
     * @param config the configuration
     * @return one result per account: {@link Status#OK} ("configured") or {@link Status#MISCONFIGURED}
     */
    public static List<Result> offline(SecOpsConfig config) {
        List<Result> out = new ArrayList<>();
        for (String vendor : config.configuredVendors()) {
            for (String account : config.accounts(vendor)) {
                try (VendorClient client = VendorClients.build(config, vendor, account)) {
                    out.add(new Result(vendor, account, host(client), Status.OK, "configured"));
                } catch (ConfigException e) {
                    out.add(new Result(vendor, account, null, Status.MISCONFIGURED, e.oneLine()));
                }
            }
        }
        return out;
    }

    /**
     * Checks offline, then makes one read-only call per account that could be built.
     *
     * @param config the configuration
     * @return one result per account
     */
    public static List<Result> online(SecOpsConfig config) {
        List<Result> out = new ArrayList<>();
        for (String vendor : config.configuredVendors()) {
            for (String account : config.accounts(vendor)) {
                out.add(checkOne(config, vendor, account));
            }
        }
        return out;
    }

    private static Result checkOne(SecOpsConfig config, String vendor, String account) {
        VendorClient client;
        try {
            client = VendorClients.build(config, vendor, account);
        } catch (ConfigException e) {
            return new Result(vendor, account, null, Status.MISCONFIGURED, e.oneLine());
        }
        String host = host(client);
        try (client) {
            read(client, config, account);
            return new Result(vendor, account, host, Status.OK, "reachable, authenticated, authorized");
        } catch (ConfigException e) {
            return new Result(vendor, account, host, Status.MISCONFIGURED, e.oneLine());
        } catch (AuthenticationException e) {
            return new Result(vendor, account, host, Status.UNAUTHENTICATED, "reachable; credentials refused: " + e.getMessage());
        } catch (PermissionDeniedException e) {
            return new Result(vendor, account, host, Status.UNAUTHORIZED, "reachable, authenticated; not allowed: " + e.getMessage());
        } catch (TransportException e) {
            return new Result(vendor, account, host, Status.UNREACHABLE, e.getMessage());
        } catch (ServerException e) {
            boolean notTheApi = "UNEXPECTED_CONTENT_TYPE".equals(e.vendorCode()) || "REDIRECT".equals(e.vendorCode());
            return new Result(vendor, account, host, notTheApi ? Status.UNREACHABLE : Status.FAILED, e.getMessage());
        } catch (SecOpsException e) {
            return new Result(vendor, account, host, Status.FAILED, e.getMessage());
        }
    }

    private static void read(VendorClient client, SecOpsConfig config, String account) {
        if (client instanceof ChronicleClient c) {
            c.customers().list().byPage().iterator().next();
        } else if (client instanceof TaegisClient c) {
            String partner = SecOpsConfig.key("taegis", account, "partnerTenantId");
            readTaegis(c, config.get(partner).orElse(null));
        } else if (client instanceof CarbonBlackClient c) {
            c.feeds().list().byPage().iterator().next();
        } else if (client instanceof ServiceNowClient c) {
            c.table("cmdb_ci").list(TableQuery.builder().pageSize(1).build()).byPage().iterator().next();
        } else if (client instanceof StellarClient c) {
            c.tenants().list().byPage().iterator().next();
        }
    }

    static void readTaegis(TaegisClient c, String partnerTenantId) {
        TaegisReads.read(c, partnerTenantId);
    }

    private static String host(VendorClient client) {
        URI uri = null;
        if (client instanceof ChronicleClient c) {
            uri = c.endpoint();
        } else if (client instanceof TaegisClient c) {
            uri = c.endpoint();
        } else if (client instanceof CarbonBlackClient c) {
            uri = c.endpoint();
        } else if (client instanceof ServiceNowClient c) {
            uri = c.endpoint();
        } else if (client instanceof StellarClient c) {
            uri = c.endpoint();
        }
        return uri == null ? null : uri.getHost();
    }
}
