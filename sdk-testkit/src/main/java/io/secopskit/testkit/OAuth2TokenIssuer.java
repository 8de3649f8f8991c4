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
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An OAuth 2.0 client-credentials token endpoint for fakes: accepts {@code grant_type=client_credentials}
 * with the client authenticated by HTTP Basic or by form fields, issues bearer tokens with a configurable
 * lifetime, counts them, and validates bearer tokens against the fake's clock.
 *
 * <p>Tokens are opaque by default. With {@link #jwt(boolean)} they are HS256-signed JWTs whose claims
 * carry {@code sub} (the client id), {@code iat} and {@code exp} (epoch seconds on the fake's clock), as
 * vendors such as Taegis issue them; {@link #expiresIn(boolean)} leaves {@code expires_in} out of the
 * answer so a client must read the expiry from the JWT. Thread-safe.
 */
public final class OAuth2TokenIssuer {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

    private record Grant(String clientId, Instant expiresAt) {
    }

    private final Supplier<Clock> clock;
    private final Map<String, String> clients = new ConcurrentHashMap<>();
    private final Map<String, Grant> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger issued = new AtomicInteger();
    private final byte[] signingKey = new byte[32];
    private volatile Duration lifetime = Duration.ofHours(1);
    private volatile boolean jwt;
    private volatile boolean expiresIn = true;

    /**
     * Creates an issuer.
     *
     * @param clock the clock to read expiry against (usually the fake's)
     */
    public OAuth2TokenIssuer(Supplier<Clock> clock) {
        this.clock = clock;
        RANDOM.nextBytes(signingKey);
    }

    /**
     * Issues JWT access tokens ({@code sub}, {@code iat}, {@code exp}) instead of opaque ones.
     *
     * @param value whether tokens are JWTs
     * @return this issuer
     */
    public OAuth2TokenIssuer jwt(boolean value) {
        this.jwt = value;
        return this;
    }

    /**
     * Whether the token answer carries {@code expires_in} (default true). Without it, a client learns the
     * expiry only from a JWT's {@code exp}.
     *
     * @param value whether to send {@code expires_in}
     * @return this issuer
     */
    public OAuth2TokenIssuer expiresIn(boolean value) {
        this.expiresIn = value;
        return this;
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
        return clientIdOf(authorization) != null;
    }

    /**
     * Returns the client a valid, unexpired bearer token was issued to.
     *
     * @param authorization the {@code Authorization} header value, or null
     * @return the client id, or null when the header carries no valid token
     */
    public String clientIdOf(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        Grant grant = tokens.get(authorization.substring("Bearer ".length()));
        return grant != null && clock.get().instant().isBefore(grant.expiresAt()) ? grant.clientId() : null;
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
        Duration life = lifetime;
        Instant now = clock.get().instant();
        Instant expiresAt = Instant.ofEpochSecond(now.plus(life).getEpochSecond());
        String token = jwt ? jwt(id, now, expiresAt) : opaque();
        tokens.put(token, new Grant(id, expiresAt));
        issued.incrementAndGet();
        return FakeResponse.json(200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\""
                + (expiresIn ? ",\"expires_in\":" + life.toSeconds() : "") + "}");
    }

    private static String opaque() {
        byte[] raw = new byte[24];
        RANDOM.nextBytes(raw);
        return "fake-" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    private String jwt(String clientId, Instant now, Instant expiresAt) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        com.fasterxml.jackson.databind.node.ObjectNode body = MAPPER.createObjectNode().put("iss", "secopskit-testkit")
                .put("sub", clientId).put("iat", now.getEpochSecond()).put("exp", expiresAt.getEpochSecond())
                .put("jti", b64.encodeToString(nonce));
        String claims = b64.encodeToString(body.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
            byte[] signature = mac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "." + b64.encodeToString(signature);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
