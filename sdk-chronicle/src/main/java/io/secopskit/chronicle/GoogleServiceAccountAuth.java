package io.secopskit.chronicle;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.api.client.http.HttpResponseException;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import io.secopskit.core.Secret;
import io.secopskit.core.auth.AuthContext;
import io.secopskit.core.auth.IssuedToken;
import io.secopskit.core.auth.TokenAuthStrategy;
import io.secopskit.core.error.AuthenticationException;
import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.TransportException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Google service-account authentication for the Google Security Operations API: google-auth-library
 * credentials scoped to {@value #SCOPE}, sent as {@code Authorization: Bearer <access token>}. Tokens are
 * cached, refreshed and backed off by {@link TokenAuthStrategy}: one token request at a time however many
 * threads call, none during a failure backoff, a 401 replayed once. A token endpoint refusal (for example
 * HTTP 400 {@code invalid_grant}) becomes {@link AuthenticationException} with that status and code.
 * Thread-safe.
 */
public final class GoogleServiceAccountAuth extends TokenAuthStrategy {
    /** The OAuth scope of the Backstory APIs. */
    public static final String SCOPE = "https://www.googleapis.com/auth/chronicle-backstory";
    private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(60);

    private final GoogleCredentials credentials;
    private final List<String> scopes;

    private GoogleServiceAccountAuth(GoogleCredentials credentials, List<String> scopes, Builder settings) {
        super(settings);
        this.credentials = credentials;
        this.scopes = scopes;
    }

    /**
     * Uses the given credentials, scoped to {@value #SCOPE} when they accept scopes.
     *
     * @param credentials service-account (or other) Google credentials
     * @return the strategy
     */
    public static GoogleServiceAccountAuth of(GoogleCredentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        GoogleCredentials scoped = credentials.createScopedRequired() ? credentials.createScoped(List.of(SCOPE))
                : credentials;
        return new GoogleServiceAccountAuth(scoped, List.of(SCOPE), new Builder());
    }

    /**
     * Uses the given credentials re-scoped to exactly {@code scopes} (credentials that take no scopes are
     * used as they are). The Chronicle API tenant service uses this with its own documented scopes.
     *
     * @param credentials service-account (or other) Google credentials
     * @param scopes      the OAuth scopes, at least one
     * @return the strategy
     */
    public static GoogleServiceAccountAuth of(GoogleCredentials credentials, List<String> scopes) {
        Objects.requireNonNull(credentials, "credentials");
        if (scopes == null || scopes.isEmpty()) {
            throw new IllegalArgumentException("at least one scope is required");
        }
        List<String> copy = List.copyOf(scopes);
        return new GoogleServiceAccountAuth(credentials.createScoped(copy), copy, new Builder());
    }

    @Override
    protected IssuedToken fetchToken(AuthContext context) {
        try {
            AccessToken token = credentials.refreshAccessToken();
            if (token == null || token.getTokenValue() == null) {
                throw new AuthenticationException(ErrorInfo.of(context.vendor(), "token")
                        .withVendorMessage("Google credentials returned no access token"));
            }
            java.time.Instant expiry = token.getExpirationTime() == null
                    ? context.clock().instant().plus(DEFAULT_LIFETIME) : token.getExpirationTime().toInstant();
            return new IssuedToken(Secret.of(token.getTokenValue()), expiry, null);
        } catch (IOException e) {
            throw translate(context.vendor(), e);
        }
    }

    /** Keeps the token endpoint's status and OAuth error code; never its body beyond the description. */
    static RuntimeException translate(String vendor, IOException e) {
        HttpResponseException http = null;
        for (Throwable t = e; t != null && http == null; t = t.getCause()) {
            if (t instanceof HttpResponseException h) {
                http = h;
            }
        }
        if (http == null) {
            return new TransportException(ErrorInfo.of(vendor, "token").withHost("oauth2.googleapis.com")
                    .withVendorMessage("could not obtain a Google access token: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + abbreviate(e.getMessage()))), e);
        }
        String code = null;
        String message = "Google token request failed";
        try {
            JsonNode root = io.secopskit.core.internal.json.Json.mapper().readTree(http.getContent());
            if (root != null && root.path("error").isTextual()) {
                code = root.get("error").asText();
                message = root.path("error_description").asText(message);
            }
        } catch (IOException | RuntimeException ignored) {
            // not JSON: keep the status only
        }
        ErrorInfo info = new ErrorInfo(vendor, "token", http.getStatusCode(), code, abbreviate(message), null,
                http.getStatusCode() >= 500, "oauth2.googleapis.com");
        if (http.getStatusCode() >= 400 && http.getStatusCode() < 500) {
            return new AuthenticationException(info, e);
        }
        return new TransportException(info, e);
    }

    private static String abbreviate(String s) {
        String folded = s.replaceAll("\\s+", " ");
        return folded.length() > 300 ? folded.substring(0, 300) + "..." : folded;
    }

    @Override
    public String toString() {
        return "GoogleServiceAccountAuth{scopes=" + scopes + "}";
    }

    /** The token cache settings (defaults only). */
    private static final class Builder extends TokenAuthStrategy.Builder<Builder> {
        @Override
        protected Builder self() {
            return this;
        }
    }
}
