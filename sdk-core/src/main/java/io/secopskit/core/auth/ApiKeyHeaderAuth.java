package io.secopskit.core.auth;

import io.secopskit.core.Secret;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Sends an API key in a header on every request. Carbon Black Cloud uses
 * {@code X-Auth-Token: <API secret key>/<API ID>} ({@link #carbonBlack(String, Secret)}). The key may come
 * from a supplier (a vault): it is read once, and again after a 401 — if it changed (rotation) the request
 * is replayed once; otherwise the 401 surfaces, since a static key does not get better by asking again.
 * Whatever the header's name, it is masked in logs. Thread-safe.
 */
public final class ApiKeyHeaderAuth implements AuthStrategy {
    private final String headerName;
    private final StaticSecretHeaders headers;

    private ApiKeyHeaderAuth(String headerName, Supplier<Secret> value) {
        if (headerName == null || !headerName.matches("[A-Za-z0-9-]+")) {
            throw new IllegalArgumentException("headerName must be a token of letters, digits and '-': " + headerName);
        }
        this.headerName = headerName;
        this.headers = new StaticSecretHeaders(value, v -> AuthHeaders.of(headerName, v));
    }

    /**
     * Any header name with a fixed value.
     *
     * @param headerName the header, for example {@code X-Api-Key}
     * @param value      the key
     * @return the strategy
     */
    public static ApiKeyHeaderAuth of(String headerName, Secret value) {
        Objects.requireNonNull(value, "value");
        return new ApiKeyHeaderAuth(headerName, () -> value);
    }

    /**
     * Any header name with a value read from a supplier (once, and again after a 401).
     *
     * @param headerName the header
     * @param value      supplies the current key
     * @return the strategy
     */
    public static ApiKeyHeaderAuth of(String headerName, Supplier<Secret> value) {
        return new ApiKeyHeaderAuth(headerName, value);
    }

    /**
     * Carbon Black Cloud's {@code X-Auth-Token: <API secret key>/<API ID>}.
     *
     * @param apiId     the API ID
     * @param apiSecret the API secret key
     * @return the strategy
     */
    public static ApiKeyHeaderAuth carbonBlack(String apiId, Secret apiSecret) {
        Objects.requireNonNull(apiSecret, "apiSecret");
        return carbonBlack(apiId, () -> apiSecret);
    }

    /**
     * Carbon Black Cloud's {@code X-Auth-Token} with the secret key read from a supplier.
     *
     * @param apiId     the API ID
     * @param apiSecret supplies the current API secret key
     * @return the strategy
     */
    public static ApiKeyHeaderAuth carbonBlack(String apiId, Supplier<Secret> apiSecret) {
        if (apiId == null || apiId.isBlank() || apiId.contains("/")) {
            throw new IllegalArgumentException("apiId must be non-blank and must not contain '/'");
        }
        Objects.requireNonNull(apiSecret, "apiSecret");
        return new ApiKeyHeaderAuth("X-Auth-Token", () -> Secret.of(apiSecret.get().reveal() + "/" + apiId));
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
        return "ApiKeyHeaderAuth{header=" + headerName + "}";
    }
}
