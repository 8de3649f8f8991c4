package io.secopskit.core.internal.http;

import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.InvalidRequestException;
import java.net.URI;
import java.util.Locale;

/** Transport-security checks. Internal. */
public final class Hosts {
    private Hosts() {
    }

    /**
     * Returns whether a host name is a loopback address by its literal form (no DNS lookup):
     * {@code localhost}, {@code 127.0.0.0/8} or {@code ::1}.
     *
     * @param host the host
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
        return h.equals("localhost") || h.endsWith(".localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")
                || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    /**
     * Refuses to send credentials over plain http to anything but loopback.
     *
     * @param vendor    vendor id
     * @param operation operation name, or null
     * @param scheme    URL scheme
     * @param host      URL host
     * @throws InvalidRequestException when the transport is insecure
     */
    public static void requireSecureForCredentials(String vendor, String operation, String scheme, String host) {
        if (!"https".equalsIgnoreCase(scheme) && !isLoopback(host)) {
            throw new InvalidRequestException(ErrorInfo.of(vendor, operation).withVendorMessage(
                    "refusing to send credentials over plain " + scheme + " to " + host
                            + "; use https (plain http is allowed only for loopback hosts)"));
        }
    }

    /**
     * Checks a configured endpoint: absolute, http or https, https unless loopback.
     *
     * @param vendor vendor id
     * @param field  the builder field name, for the message
     * @param uri    the endpoint
     * @return the endpoint
     */
    public static URI requireEndpoint(String vendor, String field, URI uri) {
        if (uri == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        String scheme = uri.getScheme();
        if (!uri.isAbsolute() || uri.getHost() == null
                || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException(field + " must be an absolute http(s) URI with a host: " + uri);
        }
        requireSecureForCredentials(vendor, null, scheme, uri.getHost());
        return uri;
    }
}
