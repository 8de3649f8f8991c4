package io.secopskit.taegis.internal;

import io.secopskit.taegis.TaegisRegion;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** Finds the Taegis region a host belongs to, so that builders and errors can name it. Internal. */
public final class Regions {
    private Regions() {
    }

    /**
     * Returns the region whose tenants host this is.
     *
     * @param uri any URI
     * @return the region, or empty when the host is not a known tenants host
     */
    public static Optional<TaegisRegion> ofTenantsHost(URI uri) {
        String host = host(uri);
        for (TaegisRegion r : TaegisRegion.values()) {
            if (r.tenantsHost().getHost().equals(host)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the region whose API (token) host this is.
     *
     * @param uri any URI
     * @return the region, or empty when the host is not a known API host
     */
    public static Optional<TaegisRegion> ofApiHost(URI uri) {
        String host = host(uri);
        for (TaegisRegion r : TaegisRegion.values()) {
            if (r.apiHost().getHost().equals(host)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /**
     * Describes a host with its region, when known: {@code api.ctpx.secureworks.com (US1 API host)}.
     *
     * @param host the host name
     * @return the description
     */
    public static String describe(String host) {
        if (host == null) {
            return "(no host)";
        }
        URI uri = URI.create("https://" + host);
        Optional<TaegisRegion> tenants = ofTenantsHost(uri);
        if (tenants.isPresent()) {
            return host + " (" + tenants.get() + " tenants host)";
        }
        Optional<TaegisRegion> api = ofApiHost(uri);
        return api.map(r -> host + " (" + r + " API host)").orElse(host);
    }

    private static String host(URI uri) {
        return uri == null || uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    }
}
