package io.secopskit.core.auth;

import io.secopskit.core.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * HTTP Basic authentication ({@code Authorization: Basic base64(user:password)}), used by ServiceNow and
 * by Stellar Cyber 5.4.0. The password may come from a supplier (a vault): it is read once, and read
 * again after a 401 — if it changed (rotation), the request is replayed once with it; otherwise the 401
 * surfaces. Thread-safe.
 */
public final class BasicAuth implements AuthStrategy {
    private final String username;
    private final StaticSecretHeaders headers;

    private BasicAuth(String username, Supplier<Secret> password) {
        header(username, Secret.of("x")); // validates the user name
        this.username = username;
        this.headers = new StaticSecretHeaders(password, p -> AuthHeaders.of("Authorization", header(username, p)));
    }

    /**
     * Basic auth with a fixed password.
     *
     * @param username the user name (no {@code :})
     * @param password the password
     * @return the strategy
     */
    public static BasicAuth of(String username, Secret password) {
        Objects.requireNonNull(password, "password");
        return new BasicAuth(username, () -> password);
    }

    /**
     * Basic auth with a password read from a supplier (once, and again after a 401).
     *
     * @param username the user name (no {@code :})
     * @param password supplies the current password
     * @return the strategy
     */
    public static BasicAuth of(String username, Supplier<Secret> password) {
        return new BasicAuth(username, password);
    }

    /**
     * Builds a Basic {@code Authorization} value.
     *
     * @param username the user name; must not be blank or contain {@code :}
     * @param password the password
     * @return {@code Basic base64(user:password)} as a secret
     */
    public static Secret header(String username, Secret password) {
        if (username == null || username.isBlank() || username.indexOf(':') >= 0) {
            throw new IllegalArgumentException("username must be non-blank and must not contain ':'");
        }
        Objects.requireNonNull(password, "password");
        String pair = username + ":" + password.reveal();
        return Secret.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public AuthHeaders authenticate(AuthContext context) {
        return headers.get();
    }

    @Override
    public boolean onUnauthorized(AuthContext context, AuthHeaders rejected) {
        return headers.reloadAfter(rejected);
    }

    @Override
    public String toString() {
        return "BasicAuth{username=" + username + "}";
    }
}
