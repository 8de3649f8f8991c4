package io.secopskit.testkit;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * An OAuth 2.0 client-credentials token endpoint for fakes: accepts {@code grant_type=client_credentials}
 * with the client authenticated by HTTP Basic or by form fields, issues opaque bearer tokens with a
 * configurable lifetime, counts them, and validates bearer tokens against the fake's clock.
 * Thread-safe.
 */
public final class OAuth2TokenIssuer {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Supplier<Clock> clock;
    private final Map<String, String> clients = new ConcurrentHashMap<>();
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger issued = new AtomicInteger();
    private volatile Duration lifetime = Duration.ofHours(1);

    /**
     * Creates an issuer.
     *
     * @param clock the clock to read expiry against (usually the fake's)
     */
    public OAuth2TokenIssuer(Supplier<Clock> clock) {
        this.clock = clock;
    }

    /**
     * Registers a client.
     *
     * @param clientId     the client id
     * @param clientSecret the client secret
     * @return this issuer
     */
    public OAuth2TokenIssuer client(String clientId, String clientSecret) {
        clients.put(clientId, clientSecret);
        return this;
    }

    /**
     * Sets the lifetime of tokens issued from now on (default one hour).
     *
     * @param value the lifetime
     * @return this issuer
     */
    public OAuth2TokenIssuer lifetime(Duration value) {
        this.lifetime = value;
        return this;
    }

    /** Returns how many tokens were issued. */
    public int tokensIssued() {
        return issued.get();
    }

    /** Makes every issued token invalid, as a vendor-side revocation would. */
    public void revokeAll() {
        tokens.clear();
    }

    /**
     * Returns whether an {@code Authorization} header carries a valid, unexpired bearer token.
     *
     * @param authorization the header value, or null
     * @return true when valid
     */
    public boolean isValidAuthorization(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        Instant expiry = tokens.get(authorization.substring("Bearer ".length()));
        return expiry != null && clock.get().instant().isBefore(expiry);
    }

    /**
     * Handles a token request.
     *
     * @param request the request
     * @return a token, or an OAuth error answer
     */
    public FakeResponse handle(FakeRequest request) {
        Map<String, String> form = request.form();
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return FakeResponse.json(400, "{\"error\":\"unsupported_grant_type\"}");
        }
        String id = form.get("client_id");
        String secret = form.get("client_secret");
        String basic = request.header("Authorization");
        if (basic != null && basic.startsWith("Basic ")) {
            String pair = new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            id = java.net.URLDecoder.decode(pair.substring(0, Math.max(colon, 0)), StandardCharsets.UTF_8);
            secret = java.net.URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8);
        }
        if (id == null || secret == null || !secret.equals(clients.get(id))) {
            return FakeResponse.json(401, "{\"error\":\"invalid_client\",\"error_description\":\"client authentication failed\"}");
        }
        byte[] raw = new byte[24];
        RANDOM.nextBytes(raw);
        String token = "fake-" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Duration life = lifetime;
        tokens.put(token, clock.get().instant().plus(life));
        issued.incrementAndGet();
        return FakeResponse.json(200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                + life.toSeconds() + "}");
    }
}
