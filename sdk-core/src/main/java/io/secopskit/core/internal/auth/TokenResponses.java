package io.secopskit.core.internal.auth;

import com.auth0.jwt.JWT;
import com.fasterxml.jackson.databind.JsonNode;
import io.secopskit.core.Secret;
import io.secopskit.core.auth.TokenEndpointResponse;
import io.secopskit.core.error.AuthenticationException;
import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.SecOpsException;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.internal.json.Json;
import io.secopskit.core.spi.ErrorMapping;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Reads token endpoint answers safely. The token comes from the first present field (also under
 * {@code data}); the expiry from {@code expires_in} (seconds from now) or an absolute field ({@code exp},
 * {@code expires_at}, {@code expiration}, {@code expiry}: epoch seconds or milliseconds, or ISO-8601),
 * looked up beside the token, at the root and under {@code data}; the JWT's own {@code exp} when it is
 * earlier (or nothing else says); else a default lifetime. Every server value is bounded: a lifetime is at most {@value #MAX_LIFETIME_HOURS}
 * hours whatever the server says (1e30, {@code Long.MAX_VALUE}), an unreadable one is ignored. Failures
 * are typed: refused credentials and redirects {@link AuthenticationException} (with the HTTP status and
 * the OAuth error code), malformed answers {@link ServerException} ({@code MALFORMED_TOKEN_RESPONSE}).
 * Internal.
 */
public final class TokenResponses {
    /** The longest token lifetime believed, in hours. */
    public static final int MAX_LIFETIME_HOURS = 24;
    private static final Duration MAX_LIFETIME = Duration.ofHours(MAX_LIFETIME_HOURS);
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;
    private static final List<String> ABSOLUTE_FIELDS = List.of("exp", "expires_at", "expiration", "expiry");

    private TokenResponses() {
    }

    /**
     * Parses a successful answer or throws the mapped error.
     *
     * @param vendor           vendor id
     * @param host             the token endpoint's host, for errors
     * @param response         the endpoint's answer
     * @param now              the current time
     * @param tokenFields      candidate token field names, in order
     * @param expiryEpochField an extra absolute expiry field to look for first, or null
     * @param defaultLifetime  lifetime to assume when nothing says
     * @return the token
     */
    public static AccessToken parse(String vendor, String host, TokenEndpointResponse response, Instant now,
                                    List<String> tokenFields, String expiryEpochField, Duration defaultLifetime) {
        if (!response.isSuccessful()) {
            throw error(vendor, host, response);
        }
        JsonNode root = readTree(response.body());
        if (root == null || !root.isObject()) {
            throw malformed(vendor, host, response, "answered HTTP " + response.status()
                    + " without a JSON object (content type " + response.contentType() + ")");
        }
        String token = null;
        JsonNode holder = root;
        for (JsonNode candidate : new JsonNode[] {root, root.path("data")}) {
            for (String field : tokenFields) {
                JsonNode v = candidate.get(field);
                if (v != null && v.isTextual() && !v.asText().isEmpty()) {
                    token = v.asText();
                    holder = candidate;
                    break;
                }
            }
            if (token != null) {
                break;
            }
        }
        if (token == null) {
            throw malformed(vendor, host, response, "answer has none of the fields " + tokenFields);
        }
        Instant expiresAt = null;
        for (JsonNode node : new JsonNode[] {holder, root, root.path("data")}) {
            expiresAt = expiry(node, now, expiryEpochField);
            if (expiresAt != null) {
                break;
            }
        }
        Instant jwt = jwtExpiry(token);
        if (expiresAt == null || jwt != null && jwt.isAfter(now) && jwt.isBefore(expiresAt)) {
            expiresAt = jwt; // the token's own exp wins when it is earlier than what the answer claims
        }
        if (expiresAt == null || !expiresAt.isAfter(now)) {
            expiresAt = now.plus(defaultLifetime);
        }
        if (expiresAt.isAfter(now.plus(MAX_LIFETIME))) {
            expiresAt = now.plus(MAX_LIFETIME);
        }
        JsonNode refresh = holder.get("refresh_token");
        return new AccessToken(Secret.of(token), now, expiresAt,
                refresh != null && refresh.isTextual() ? Secret.ofNullable(refresh.asText()) : null);
    }

    private static Instant expiry(JsonNode node, Instant now, String extraField) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode expiresIn = node.get("expires_in");
        if (expiresIn != null && (expiresIn.isNumber() || expiresIn.isTextual())) {
            double seconds = expiresIn.isNumber() ? expiresIn.doubleValue() : parseDouble(expiresIn.asText());
            if (seconds > 0) {
                return seconds >= MAX_LIFETIME.getSeconds() ? now.plus(MAX_LIFETIME) : now.plusMillis((long) (seconds * 1000));
            }
        }
        if (extraField != null) {
            Instant at = absolute(node.get(extraField), now);
            if (at != null) {
                return at;
            }
        }
        for (String field : ABSOLUTE_FIELDS) {
            Instant at = absolute(node.get(field), now);
            if (at != null) {
                return at;
            }
        }
        return null;
    }

    private static Instant absolute(JsonNode v, Instant now) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            String text = v.asText().trim();
            try {
                return bounded(Instant.parse(text), now);
            } catch (DateTimeParseException e) {
                double d = parseDouble(text);
                return d > 0 ? epoch(d, now) : null;
            }
        }
        if (v.isNumber() && v.doubleValue() > 0) {
            return epoch(v.doubleValue(), now);
        }
        return null;
    }

    private static Instant epoch(double value, Instant now) {
        double seconds = value >= MILLIS_THRESHOLD ? value / 1000 : value;
        if (seconds > now.getEpochSecond() + MAX_LIFETIME.getSeconds()) {
            return now.plus(MAX_LIFETIME);
        }
        return Instant.ofEpochMilli((long) (seconds * 1000));
    }

    private static Instant bounded(Instant at, Instant now) {
        return at.isAfter(now.plus(MAX_LIFETIME)) ? now.plus(MAX_LIFETIME) : at;
    }

    private static double parseDouble(String text) {
        try {
            double d = Double.parseDouble(text);
            return Double.isFinite(d) ? d : (d > 0 ? Double.MAX_VALUE : 0);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Reads the {@code exp} claim of a JWT without verifying it.
     *
     * @param token the token text
     * @return the expiry, or null when the token is not a JWT, has no {@code exp} or an unreadable one
     */
    public static Instant jwtExpiry(String token) {
        try {
            Long exp = JWT.decode(token).getClaim("exp").asLong();
            if (exp == null || exp <= 0) {
                return null;
            }
            return Instant.ofEpochSecond(Math.min(exp, 253_402_300_799L)); // year 9999 at most; parse() bounds it further
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static JsonNode readTree(String body) {
        try {
            return body == null || body.isBlank() ? null : Json.mapper().readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static ServerException malformed(String vendor, String host, TokenEndpointResponse response, String what) {
        return new ServerException(new ErrorInfo(vendor, "token", response.status(), "MALFORMED_TOKEN_RESPONSE",
                "token endpoint " + what, null, true, host));
    }

    private static SecOpsException error(String vendor, String host, TokenEndpointResponse response) {
        int status = response.status();
        if (response.isRedirect()) {
            return new AuthenticationException(new ErrorInfo(vendor, "token", status, "REDIRECT",
                    "token endpoint answered with a redirect" + (response.redirectLocation() == null ? ""
                            : " to " + response.redirectLocation()) + "; redirects are never followed for token calls"
                            + " (check the token endpoint URL)", null, false, host));
        }
        JsonNode root = readTree(response.body());
        String code = null;
        String message = "token request failed";
        if (root != null && root.isObject()) {
            JsonNode err = root.get("error");
            if (err != null && err.isTextual()) {
                code = err.asText();
            } else if (err != null && err.isObject()) {
                code = err.path("status").asText(null);
                message = err.path("message").asText(message);
            }
            JsonNode description = root.get("error_description");
            if (description != null && description.isTextual()) {
                message = description.asText();
            } else if (root.get("message") != null && root.get("message").isTextual()) {
                message = root.get("message").asText();
            }
        }
        if (message.length() > 300) {
            message = message.substring(0, 300) + "...";
        }
        ErrorInfo info = new ErrorInfo(vendor, "token", status, code, message, null,
                ErrorMapping.isTransient(status), host);
        if (status == 400 || status == 401 || status == 403 || isCredentialCode(code)) {
            return new AuthenticationException(info.withRetryable(false));
        }
        return ErrorMapping.forStatus(info, null);
    }

    private static boolean isCredentialCode(String code) {
        return code != null && (code.equals("invalid_client") || code.equals("invalid_grant")
                || code.equals("unauthorized_client") || code.equals("access_denied"));
    }
}
