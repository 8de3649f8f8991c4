package io.secopskit.chronicle;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import io.secopskit.core.Secret;
import io.secopskit.core.auth.AuthContext;
import io.secopskit.core.auth.AuthHeaders;
import io.secopskit.core.auth.AuthStrategy;
import io.secopskit.core.error.AuthenticationException;
import io.secopskit.core.error.ErrorInfo;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * Google service-account authentication for the Google Security Operations API: google-auth-library
 * credentials scoped to {@value #SCOPE}, sent as {@code Authorization: Bearer <access token>}. The
 * library caches and refreshes the token; on a 401 the token is refreshed once (only if it is still the
 * one that was rejected) and the request replayed once. Thread-safe.
 */
public final class GoogleServiceAccountAuth implements AuthStrategy {
    /** The OAuth scope of the Backstory APIs. */
    public static final String SCOPE = "https://www.googleapis.com/auth/chronicle-backstory";

    private final GoogleCredentials credentials;
    private final List<String> scopes;

    private GoogleServiceAccountAuth(GoogleCredentials credentials, List<String> scopes) {
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
        return new GoogleServiceAccountAuth(scoped, List.of(SCOPE));
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
        return new GoogleServiceAccountAuth(credentials.createScoped(copy), copy);
    }

    @Override
    public AuthHeaders authenticate(AuthContext context) {
        try {
            credentials.refreshIfExpired();
            AccessToken token = credentials.getAccessToken();
            if (token == null) {
                throw new IOException("Google credentials returned no access token");
            }
            return AuthHeaders.of("Authorization", Secret.of("Bearer " + token.getTokenValue()));
        } catch (IOException e) {
            String detail = e.getMessage() == null ? "" : e.getMessage().replaceAll("\\s+", " ");
            if (detail.length() > 300) {
                detail = detail.substring(0, 300) + "...";
            }
            throw new AuthenticationException(ErrorInfo.of(context.vendor(), "token")
                    .withVendorMessage("could not obtain a Google access token: " + detail), e);
        }
    }

    @Override
    public boolean onUnauthorized(AuthHeaders rejected) {
        Secret sent = rejected.asMap().get("Authorization");
        synchronized (this) {
            AccessToken current = credentials.getAccessToken();
            if (sent != null && current != null && sent.matches("Bearer " + current.getTokenValue())) {
                try {
                    credentials.refresh();
                } catch (IOException e) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "GoogleServiceAccountAuth{scopes=" + scopes + "}";
    }
}
