package io.secopskit.core.internal.http;

import io.secopskit.core.error.ConfigurationException;
import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.InvalidRequestException;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/** Host checks: which hosts count as loopback and may receive credentials over plain http. Internal. */
public final class Hosts {
    private static final Pattern IPV4_LOOPBACK = Pattern.compile(
            "127\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)");

    private Hosts() {
    }

    /**
     * Returns whether a host is loopback: exactly {@code localhost}, an address in 127.0.0.0/8, or
     * {@code ::1}. Names under {@code .localhost} are not: nothing guarantees how they resolve.
     *
     * @param host the host, possibly a bracketed IPv6 literal
     * @return true for loopback
     */
    public static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")
                || IPV4_LOOPBACK.matcher(h).matches();
    }

    /**
     * Refuses to send credentials over plain http to a non-loopback host.
     *
     * @param vendor    vendor id
     * @param operation operation name, or null
     * @param scheme    the URL scheme
     * @param host      the host
     * @throws InvalidRequestException if the scheme is not https and the host not loopback
     */
    public static void requireSecureForCredentials(String vendor, String operation, String scheme, String host) {
        if (!"https".equalsIgnoreCase(scheme) && !isLoopback(host)) {
            throw new InvalidRequestException(ErrorInfo.of(vendor, operation).withHost(host).withVendorMessage(
                    "refusing to send credentials over plain " + scheme + " to " + host
                            + "; use https (plain http is allowed only for loopback hosts)"));
        }
    }

    /**
     * Checks an endpoint given to a builder: absolute http(s) with a host, https unless loopback.
     *
     * @param vendor vendor id
     * @param field  the builder setting, for the message
     * @param uri    the endpoint
     * @return the endpoint
     * @throws ConfigurationException if it is not acceptable
     */
    public static URI requireEndpoint(String vendor, String field, URI uri) {
        if (uri == null) {
            throw new ConfigurationException(vendor, field, "is required");
        }
        String scheme = uri.getScheme();
        if (!uri.isAbsolute() || uri.getHost() == null
                || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
            throw new ConfigurationException(vendor, field, "must be an absolute http(s) URI with a host: " + uri);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new ConfigurationException(vendor, field, "must not carry a query, fragment or user info: "
                    + uri.getScheme() + "://" + uri.getHost());
        }
        if (!"https".equalsIgnoreCase(scheme) && !isLoopback(uri.getHost())) {
            throw new ConfigurationException(vendor, field, "must use https (plain http is allowed only for loopback"
                    + " hosts): " + uri);
        }
        return uri;
    }
}
