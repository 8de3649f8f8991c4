package io.secopskit.chronicle.internal;

import com.google.auth.oauth2.ServiceAccountCredentials;
import io.secopskit.core.error.ConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads Google service-account key files and checks where their {@code token_uri} points: https, or plain
 * http only to a loopback host ({@code localhost}, 127.0.0.0/8, {@code ::1}) — the rule every SecOpsKit
 * token call follows. Failures are {@link ConfigurationException}s that never quote the key. Internal.
 */
public final class GoogleKeys {
    private static final Pattern IPV4_LOOPBACK = Pattern.compile(
            "127\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)");
    /** Runs of base64 or hex characters long enough to be key material. */
    private static final Pattern KEY_LIKE = Pattern.compile("[A-Za-z0-9+/=_-]{20,}");

    private GoogleKeys() {
    }

    /**
     * Parses a service-account key file (JSON) and checks its {@code token_uri}.
     *
     * @param vendor  vendor id, for errors
     * @param setting the builder setting that supplied the key, for errors
     * @param json    the key file's bytes
     * @return the credentials, not yet scoped
     * @throws ConfigurationException if the bytes are not a service-account key or the token URI is not acceptable
     */
    public static ServiceAccountCredentials parse(String vendor, String setting, byte[] json) {
        ServiceAccountCredentials credentials;
        try {
            credentials = ServiceAccountCredentials.fromStream(new ByteArrayInputStream(json));
        } catch (IOException | RuntimeException e) {
            throw new ConfigurationException(vendor, setting, "is not a Google service-account key (JSON with type "
                    + "'service_account', client_email, private_key and private_key_id): " + describe(e));
        }
        requireTokenUri(vendor, setting, credentials.getTokenServerUri());
        return credentials;
    }

    /**
     * Checks a token endpoint: absolute, with a host, https unless the host is loopback.
     *
     * @param vendor   vendor id
     * @param setting  the builder setting, for the message
     * @param tokenUri the key's {@code token_uri}
     * @return the URI
     * @throws ConfigurationException if it is not acceptable
     */
    public static URI requireTokenUri(String vendor, String setting, URI tokenUri) {
        if (tokenUri == null || !tokenUri.isAbsolute() || tokenUri.getHost() == null) {
            throw new ConfigurationException(vendor, setting, "the key's token_uri must be an absolute https URL (was "
                    + (tokenUri == null ? "missing" : "'" + tokenUri.getScheme() + "://" + tokenUri.getHost() + "'") + ")");
        }
        String scheme = tokenUri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && isLoopback(tokenUri.getHost()))) {
            throw new ConfigurationException(vendor, setting, "the key's token_uri must use https (plain http is "
                    + "allowed only for loopback hosts): " + scheme + "://" + tokenUri.getHost()
                    + " — the signed assertion would travel unencrypted");
        }
        return tokenUri;
    }

    /**
     * Returns whether a host is loopback: exactly {@code localhost}, an address in 127.0.0.0/8, or {@code ::1}.
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
        return h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1") || IPV4_LOOPBACK.matcher(h).matches();
    }

    /**
     * Describes a parse failure without quoting anything that could be key material.
     *
     * @param e the failure
     * @return the class name and the message, long base64/hex runs replaced, at most 160 characters
     */
    public static String describe(Throwable e) {
        String message = e.getMessage() == null ? "" : KEY_LIKE.matcher(e.getMessage()).replaceAll("…");
        message = message.replaceAll("\\s+", " ").trim();
        if (message.length() > 160) {
            message = message.substring(0, 160) + "...";
        }
        return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }
}
