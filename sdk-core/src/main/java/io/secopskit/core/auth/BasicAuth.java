package io.secopskit.core.auth;

import io.secopskit.core.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * HTTP Basic authentication ({@code Authorization: Basic base64(user:password)}), used by ServiceNow and
 * by Stellar Cyber 5.4.0. A 401 is not replayed. Immutable.
 */
public final class BasicAuth implements AuthStrategy {
    private final String username;
    private final AuthHeaders headers;

    private BasicAuth(String username, Secret password) {
        this.username = username;
        this.headers = AuthHeaders.of("Authorization", header(username, password));
    }

    /**
     * Creates Basic credentials.
     *
     * @param username user name; must not be blank or contain {@code :}
     * @param password password or API key
     * @return the strategy
     */
    public static BasicAuth of(String username, Secret password) {
        return new BasicAuth(username, password);
    }

    /**
     * Returns the {@code Authorization} header value for {@code user:password}.
     *
     * @param username user name; must not be blank or contain {@code :}
     * @param password password or key
     * @return {@code Basic <base64>} as a secret
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
        return headers;
    }

    @Override
    public String toString() {
        return "BasicAuth{username=" + username + "}";
    }
}
