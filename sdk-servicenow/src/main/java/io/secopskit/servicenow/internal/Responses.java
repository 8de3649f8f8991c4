package io.secopskit.servicenow.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.spi.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads ServiceNow answers through {@link ApiResponse} (the one place that turns unreadable bodies into
 * typed errors) and adds what only a ServiceNow client knows: an HTML page with status 200 is most often
 * a hibernating developer instance, or a login or SSO page in front of the API. Internal.
 */
public final class Responses {
    /** Hint for an HTML page that says the instance is hibernating. */
    static final String HIBERNATING = "; the instance is hibernating (developer instances sleep when idle):"
            + " wake it from the ServiceNow developer portal, then retry";
    /** Hint for any other HTML page. */
    static final String HTML_PAGE = "; a ServiceNow instance answers with an HTML page when it is hibernating"
            + " (developer instances), being upgraded, or when a login or SSO page sits in front of the API:"
            + " check the instance in a browser";

    private static final Pattern LINK_ENTRY = Pattern.compile("<([^>]*)>([^<]*)");
    private static final Pattern REL_NEXT = Pattern.compile("(?i);\\s*rel\\s*=\\s*\"?[^\";]*\\bnext\\b");

    private Responses() {
    }

    /**
     * Parses a successful answer's body as JSON.
     *
     * @param response the answer
     * @return the root node, never null or JSON null
     * @throws ServerException for an empty, null, non-JSON or malformed body; an HTML page gets the
     *                         hibernation hint
     */
    public static JsonNode json(ApiResponse response) {
        try {
            return response.json();
        } catch (ServerException e) {
            throw withHtmlHint(e, response);
        }
    }

    /**
     * Checks that a successful answer that is read for its status only (a delete) is not an HTML page
     * (a hibernating instance answers 200 with one, and must not pass for success).
     *
     * @param response the answer
     * @throws ServerException if the answer has a body that is not JSON
     */
    public static void requireJsonOrEmpty(ApiResponse response) {
        if (response.body().length > 0) {
            json(response);
        }
    }

    private static ServerException withHtmlHint(ServerException e, ApiResponse response) {
        String type = response.header("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).contains("html")) {
            return e;
        }
        String hint = isHibernationPage(response.body()) ? HIBERNATING : HTML_PAGE;
        return new ServerException(e.info().withVendorMessage(e.vendorMessage() + hint), e);
    }

    /**
     * Returns whether an HTML body is ServiceNow's hibernation page (its text mentions hibernation).
     *
     * @param body the body
     * @return true for the hibernation page
     */
    static boolean isHibernationPage(byte[] body) {
        int n = Math.min(body.length, 64 * 1024);
        return new String(body, 0, n, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT).contains("hibernat");
    }

    /**
     * Reads a header that should hold a count; anything else counts as absent.
     *
     * @param value the header value, or null
     * @return the count, or -1 when absent, negative or unreadable
     */
    public static long count(String value) {
        if (value == null) {
            return -1;
        }
        try {
            long n = Long.parseLong(value.trim());
            return n < 0 ? -1 : n;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Returns the {@code rel="next"} URL of a {@code Link} header ({@code <url>;rel="next",<url>;rel="last"}).
     * The URLs may themselves contain commas (a {@code sysparm_fields} list), so entries are found by their
     * angle brackets, not by splitting on commas.
     *
     * @param link the header value, or null
     * @return the URL, or null
     */
    public static String nextLink(String link) {
        if (link == null) {
            return null;
        }
        Matcher m = LINK_ENTRY.matcher(link);
        while (m.find()) {
            if (REL_NEXT.matcher(m.group(2)).find()) {
                return m.group(1).trim();
            }
        }
        return null;
    }
}
