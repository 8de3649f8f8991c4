package io.secopskit.testkit;

import java.net.URI;

/**
 * A generic OAuth 2.0 protected API for tests: a client-credentials token endpoint at
 * {@link #TOKEN_PATH} backed by an {@link OAuth2TokenIssuer}, and protected routes added with
 * {@link #stub}. Requests without a valid bearer token get 401.
 */
public final class FakeOAuth2Server extends FakeVendor {
    /** The token endpoint path. */
    public static final String TOKEN_PATH = "/oauth/token";

    private final OAuth2TokenIssuer issuer = new OAuth2TokenIssuer(this::clock);

    /** Creates the fake; call {@link #start()} before use. */
    public FakeOAuth2Server() {
        anonymousRoute("POST", TOKEN_PATH, issuer::handle);
    }

    /** Returns the token issuer (register clients, set lifetimes, count tokens). */
    public OAuth2TokenIssuer issuer() {
        return issuer;
    }

    /** Returns the token endpoint URI. */
    public URI tokenEndpoint() {
        return baseUri().resolve(TOKEN_PATH);
    }

    /**
     * Adds a protected route.
     *
     * @param method  HTTP method
     * @param pattern path pattern
     * @param handler the handler
     * @return this fake
     */
    public FakeOAuth2Server stub(String method, String pattern, RouteHandler handler) {
        route(method, pattern, handler);
        return this;
    }

    @Override
    protected FakeResponse authenticate(FakeRequest request) {
        return issuer.isValidAuthorization(request.header("Authorization")) ? null
                : FakeResponse.json(401, "{\"error\":\"invalid_token\"}");
    }
}
