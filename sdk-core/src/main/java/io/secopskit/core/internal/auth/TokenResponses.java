package io.secopskit.core.internal.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.fasterxml.jackson.databind.JsonNode;
import io.secopskit.core.Secret;
import io.secopskit.core.auth.TokenEndpointResponse;
import io.secopskit.core.error.AuthenticationException;
import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.SecOpsException;
import io.secopskit.core.internal.http.ErrorMapping;
import io.secopskit.core.internal.json.Json;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Reads token endpoint answers: the token from the first present field (also under {@code data}),
 * the expiry from {@code expires_in} (seconds from now) or an absolute epoch field (seconds or
 * milliseconds), else from the JWT's own {@code exp}, else a default lifetime. Internal.
 */
public final class TokenResponses {
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    private TokenResponses() {
    }

    /**
     * Parses a successful answer or throws the mapped error.
     *
     * @param vendor          vendor id
     * @param response        the endpoint's answer
     * @param now             the current time
     * @param tokenFields     candidate token field names, in order
     * @param expiryEpochField the absolute expiry field, or null
     * @param defaultLifetime lifetime to assume when nothing says
     * @return the token
     */
    public static AccessToken parse(String vendor, TokenEndpointResponse response, Instant now,
                                    List<String> tokenFields, String expiryEpochField, Duration defaultLifetime) {
        if (!response.isSuccessful()) {
            throw error(vendor, response);
        }
        JsonNode root = readTree(response.body());
        if (root == null || !root.isObject()) {
            throw new AuthenticationException(ErrorInfo.of(vendor, "token")
                    .withVendorMessage("token endpoint answered HTTP " + response.status()
                            + " without a JSON object (content type " + response.contentType() + ")"));
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
            throw new AuthenticationException(ErrorInfo.of(vendor, "token")
                    .withVendorMessage("token endpoint answer has none of the fields " + tokenFields));
        }
        Instant expiresAt = expiry(holder, now, expiryEpochField);
        if (expiresAt == null) {
            expiresAt = jwtExpiry(token);
        }
        if (expiresAt == null || !expiresAt.isAfter(now)) {
            expiresAt = now.plus(defaultLifetime);
        }
        JsonNode refresh = holder.get("refresh_token");
        return new AccessToken(Secret.of(token), now, expiresAt,
                refresh != null && refresh.isTextual() ? Secret.ofNullable(refresh.asText()) : null);
    }

    private static Instant expiry(JsonNode node, Instant now, String epochField) {
        JsonNode expiresIn = node.get("expires_in");
        if (expiresIn != null && (expiresIn.isNumber() || expiresIn.isTextual()) && expiresIn.asLong(0) > 0) {
            return now.plusSeconds(expiresIn.asLong());
        }
        if (epochField != null) {
            JsonNode exp = node.get(epochField);
            if (exp != null && (exp.isNumber() || exp.isTextual()) && exp.asLong(0) > 0) {
                long v = exp.asLong();
                return v >= MILLIS_THRESHOLD ? Instant.ofEpochMilli(v) : Instant.ofEpochSecond(v);
            }
        }
        return null;
    }

    /**
     * Reads the {@code exp} claim of a JWT without verifying it.
     *
     * @param token the token text
     * @return the expiry, or null when the token is not a JWT or has no {@code exp}
     */
    public static Instant jwtExpiry(String token) {
        try {
            return JWT.decode(token).getExpiresAtAsInstant();
        } catch (JWTDecodeException e) {
            return null;
        }
    }

    private static JsonNode readTree(String body) {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static SecOpsException error(String vendor, TokenEndpointResponse response) {
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
        ErrorInfo info = new ErrorInfo(vendor, "token", response.status(), code, message, null,
                ErrorMapping.isTransient(response.status()));
        int status = response.status();
        if (status == 400 || status == 401 || status == 403) {
            return new AuthenticationException(info);
        }
        return ErrorMapping.forStatus(info, null);
    }
}
