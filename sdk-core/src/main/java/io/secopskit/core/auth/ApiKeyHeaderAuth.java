package io.secopskit.core.auth;

import io.secopskit.core.Secret;
import java.util.Objects;

/**
 * Sends a fixed API key in a header on every request. Carbon Black Cloud uses
 * {@code X-Auth-Token: <API secret key>/<API ID>} ({@link #carbonBlack(String, Secret)}). A 401 is not
 * replayed: a static key does not get better by asking again. Immutable.
 */
public final class ApiKeyHeaderAuth implements AuthStrategy {
    private final AuthHeaders headers;

    private ApiKeyHeaderAuth(String headerName, Secret value) {
        if (headerName == null || !headerName.matches("[A-Za-z0-9-]+")) {
            throw new IllegalArgumentException("headerName must be a token of letters, digits and '-': " + headerName);
        }
        this.headers = AuthHeaders.of(headerName, Objects.requireNonNull(value, "value"));
    }

    /**
     * Sends {@code value} in header {@code headerName}.
     *
     * @param headerName the header name
     * @param value      the header value
     * @return the strategy
     */
    public static ApiKeyHeaderAuth of(String headerName, Secret value) {
        return new ApiKeyHeaderAuth(headerName, value);
    }

    /**
     * Carbon Black Cloud's {@code X-Auth-Token: <secret>/<id>}.
     *
     * @param apiId     the API ID
     * @param apiSecret the API secret key
     * @return the strategy
     * @throws IllegalArgumentException if the API ID is blank or contains {@code /}
     */
    public static ApiKeyHeaderAuth carbonBlack(String apiId, Secret apiSecret) {
        if (apiId == null || apiId.isBlank() || apiId.contains("/")) {
            throw new IllegalArgumentException("apiId must be non-blank and must not contain '/'");
        }
        Objects.requireNonNull(apiSecret, "apiSecret");
        return new ApiKeyHeaderAuth("X-Auth-Token", Secret.of(apiSecret.reveal() + "/" + apiId));
    }

    @Override
    public AuthHeaders authenticate(AuthContext context) {
        return headers;
    }

    @Override
    public String toString() {
        return "ApiKeyHeaderAuth" + headers;
    }
}
