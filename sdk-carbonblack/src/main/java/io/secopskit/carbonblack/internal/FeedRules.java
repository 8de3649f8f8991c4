package io.secopskit.carbonblack.internal;

import io.secopskit.carbonblack.CarbonBlackClient;
import io.secopskit.carbonblack.model.FeedInfo;
import io.secopskit.carbonblack.model.Ioc;
import io.secopskit.carbonblack.model.Report;
import io.secopskit.core.error.ValidationException;
import io.secopskit.core.spi.Inputs;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Set;

/**
 * The rules checked before anything is sent: the documented feed and report rules, and the id rule for
 * every id placed in a path. Each refusal is a {@link ValidationException} naming the operation, the field
 * and the rule. Internal.
 */
public final class FeedRules {
    private static final Set<String> MATCH_TYPES = Set.of("query", "equality", "regex");

    private FeedRules() {
    }

    /**
     * Checks an id that goes into one path segment: core's rule (not empty, not {@code .} or {@code ..}, no
     * control characters, at most {@value Inputs#MAX_ID_LENGTH} characters) plus no {@code /}, {@code \} or
     * whitespace — Carbon Black's run and feed ids are letters, digits, {@code -} and {@code _}, and some
     * proxies decode {@code %2F} back into a path separator.
     *
     * @param operation operation name
     * @param field     the parameter's name, for example {@code run_id}
     * @param value     the id
     * @return the id
     * @throws ValidationException if a rule is broken
     */
    public static String id(String operation, String field, String value) {
        Inputs.requireId(CarbonBlackClient.VENDOR, operation, field, value);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '/' || c == '\\' || Character.isWhitespace(c)) {
                throw new ValidationException(CarbonBlackClient.VENDOR, operation, field,
                        "must not contain '/', '\\' or whitespace (got " + Inputs.quote(value) + ")");
            }
        }
        return value;
    }

    /**
     * Checks feed info.
     *
     * @param operation operation name
     * @param info      the feed info
     */
    public static void feedInfo(String operation, FeedInfo info) {
        if (info == null) {
            throw new ValidationException(CarbonBlackClient.VENDOR, operation, "feedinfo", "is required");
        }
        text(operation, "feedinfo.name", info.name());
        text(operation, "feedinfo.summary", info.summary());
        text(operation, "feedinfo.category", info.category());
        text(operation, "feedinfo.provider_url", info.providerUrl());
        try {
            URI uri = new URI(info.providerUrl());
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new URISyntaxException(info.providerUrl(), "not an absolute http(s) URL");
            }
        } catch (URISyntaxException e) {
            throw new ValidationException(CarbonBlackClient.VENDOR, operation, "feedinfo.provider_url",
                    "must be an absolute http(s) URL (was " + Inputs.quote(info.providerUrl()) + ")");
        }
    }

    /**
     * Checks reports.
     *
     * @param operation operation name
     * @param reports   the reports
     */
    public static void reports(String operation, List<Report> reports) {
        if (reports == null) {
            throw new ValidationException(CarbonBlackClient.VENDOR, operation, "reports", "is required (may be empty)");
        }
        for (int i = 0; i < reports.size(); i++) {
            Report r = reports.get(i);
            String at = "reports[" + i + "]";
            if (r == null) {
                throw new ValidationException(CarbonBlackClient.VENDOR, operation, at, "must not be null");
            }
            text(operation, at + ".id", r.id());
            text(operation, at + ".title", r.title());
            text(operation, at + ".description", r.description());
            if (r.timestamp() <= 0) {
                throw new ValidationException(CarbonBlackClient.VENDOR, operation, at + ".timestamp", "must be epoch seconds > 0");
            }
            if (r.severity() < 1 || r.severity() > 10) {
                throw new ValidationException(CarbonBlackClient.VENDOR, operation, at + ".severity",
                        "must be between 1 and 10 (was " + r.severity() + ")");
            }
            for (int j = 0; j < r.iocs().size(); j++) {
                ioc(operation, at + ".iocs_v2[" + j + "]", r.iocs().get(j));
            }
        }
    }

    private static void ioc(String operation, String at, Ioc ioc) {
        if (ioc == null) {
            throw new ValidationException(CarbonBlackClient.VENDOR, operation, at, "must not be null");
        }
        text(operation, at + ".id", ioc.id());
        if (ioc.matchType() == null || !MATCH_TYPES.contains(ioc.matchType())) {
            throw new ValidationException(CarbonBlackClient.VENDOR, operation, at + ".match_type",
                    "must be query, equality or regex (was " + Inputs.quote(ioc.matchType()) + ")");
        }
        if (ioc.values().isEmpty() || ioc.values().stream().anyMatch(v -> v == null || v.isBlank())) {
            throw new ValidationException(CarbonBlackClient.VENDOR, operation, at + ".values",
                    "must hold one or more non-blank values");
        }
        if (ioc.matchType().equals("query") && ioc.values().size() != 1) {
            throw new ValidationException(CarbonBlackClient.VENDOR, operation, at + ".values",
                    "must hold exactly one query for match_type query");
        }
        if (!ioc.matchType().equals("query") && (ioc.field() == null || ioc.field().isBlank())) {
            throw new ValidationException(CarbonBlackClient.VENDOR, operation, at + ".field",
                    "is required for match_type " + ioc.matchType());
        }
    }

    /**
     * Checks a required text field.
     *
     * @param operation operation name
     * @param field     field name
     * @param value     value
     * @return the value
     */
    public static String text(String operation, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(CarbonBlackClient.VENDOR, operation, field, "is required and must not be blank");
        }
        return value;
    }
}
