package io.secopskit.core.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.secopskit.core.internal.json.Json;
import java.io.IOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * Removes secrets from what is logged: JSON field values and query/form parameters whose names are
 * known to carry credentials, compared without case, {@code _} or {@code -}. Immutable. Internal.
 */
public final class Redactor {
    /** The text that replaces a secret value. */
    public static final String MASK = "<redacted>";

    private static final Set<String> DEFAULT_FIELDS = Set.of(
            "accesstoken", "refreshtoken", "idtoken", "token", "sessiontoken", "clientsecret", "password",
            "secret", "apikey", "apisecret", "apisecretkey", "credential", "privatekey", "assertion",
            "authorization", "xauthtoken", "cookie", "setcookie", "signingcert");

    private final Set<String> fields;

    /**
     * Creates a redactor.
     *
     * @param extraFields additional field names to redact
     */
    public Redactor(Set<String> extraFields) {
        Set<String> all = new HashSet<>(DEFAULT_FIELDS);
        for (String f : extraFields) {
            all.add(normalise(f));
        }
        this.fields = Set.copyOf(all);
    }

    private static String normalise(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '_' && c != '-') {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    /**
     * Returns whether a field or parameter name carries a secret.
     *
     * @param name the name
     * @return true when its value must not be logged
     */
    public boolean isSecret(String name) {
        String n = normalise(name);
        return fields.contains(n) || n.endsWith("secret") || n.endsWith("password") || n.endsWith("token")
                || n.endsWith("apikey");
    }

    /**
     * Returns a URL's path and query with secret parameter values masked.
     *
     * @param url the URL
     * @return the loggable path and query
     */
    public String pathAndQuery(HttpUrl url) {
        StringBuilder sb = new StringBuilder(url.encodedPath());
        for (int i = 0; i < url.querySize(); i++) {
            sb.append(i == 0 ? '?' : '&').append(url.queryParameterName(i));
            String v = url.queryParameterValue(i);
            if (v != null) {
                sb.append('=').append(isSecret(url.queryParameterName(i)) ? MASK : v);
            }
        }
        return sb.toString();
    }

    /**
     * Returns a body with secret values masked: JSON by field, form bodies by parameter; anything else
     * is described by its size only.
     *
     * @param body        the body text
     * @param contentType its media type, or null
     * @return the loggable text
     */
    public String body(String body, String contentType) {
        if (body == null || body.isEmpty()) {
            return "";
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.contains("x-www-form-urlencoded")) {
            return form(body);
        }
        try {
            JsonNode tree = Json.mapper().readTree(body);
            if (tree != null && tree.isContainerNode()) {
                mask(tree);
                return tree.toString();
            }
        } catch (IOException e) {
            // not JSON; fall through
        }
        return "<" + body.length() + " characters of " + (type.isEmpty() ? "unknown type" : type) + ", not logged>";
    }

    private String form(String body) {
        StringBuilder sb = new StringBuilder(body.length());
        for (String pair : body.split("&")) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            sb.append(name);
            if (eq >= 0) {
                sb.append('=').append(isSecret(name) ? MASK : pair.substring(eq + 1));
            }
        }
        return sb.toString();
    }

    private void mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> e : object.properties()) {
                if (isSecret(e.getKey()) && !e.getValue().isNull()) {
                    e.setValue(TextNode.valueOf(MASK));
                } else {
                    mask(e.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (JsonNode child : array) {
                mask(child);
            }
        }
    }

    /**
     * Returns only the scheme, host and port of a URL (a {@code Location} may carry tokens in its query).
     *
     * @param url the URL text
     * @return {@code scheme://host:port}, or {@code (a relative location)}
     */
    public static String originOf(String url) {
        HttpUrl parsed = HttpUrl.parse(url);
        return parsed == null ? "(a relative location)" : parsed.scheme() + "://" + parsed.host() + ":" + parsed.port();
    }
}
