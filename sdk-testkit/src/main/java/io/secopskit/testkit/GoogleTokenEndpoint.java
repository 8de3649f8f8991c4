package io.secopskit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Google's OAuth token endpoint as the fakes of Google APIs need it: the JWT-bearer grant that
 * google-auth-library sends for a service-account key. A fake mounts {@link #token(FakeRequest)} on an
 * anonymous route and checks API requests with {@link #isValid(String)}.
 *
 * <p>Checks, like Google: the grant type, that the assertion is a well-formed JWT (header with
 * {@code alg}, JSON claims) whose {@code iss} is a registered service account and whose {@code scope}
 * claim holds at least one accepted scope. The signature is not verified. Errors use the OAuth shape
 * {@code {"error":"invalid_grant","error_description":...}} with HTTP 400. Thread-safe.
 */
public final class GoogleTokenEndpoint {
    /** The grant type google-auth-library sends for service-account keys. */
    public static final String JWT_BEARER_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Set<String> acceptedScopes;
    private final Set<String> serviceAccounts = ConcurrentHashMap.newKeySet();
    private final Map<String, Grant> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger issued = new AtomicInteger();

    /**
     * What an issued access token stands for.
     *
     * @param serviceAccount the service account's e-mail ({@code iss})
     * @param scopes         the scopes requested in the assertion, in order
     */
    public record Grant(String serviceAccount, List<String> scopes) {
        /** Copies the scope list. */
        public Grant {
            scopes = List.copyOf(scopes);
        }
    }

    /**
     * Creates a token endpoint that grants tokens for assertions asking for any of the given scopes.
     *
     * @param acceptedScopes full scope URLs, for example {@code https://www.googleapis.com/auth/chronicle}
     */
    public GoogleTokenEndpoint(Set<String> acceptedScopes) {
        if (acceptedScopes.isEmpty()) {
            throw new IllegalArgumentException("at least one accepted scope is required");
        }
        this.acceptedScopes = Set.copyOf(acceptedScopes);
    }

    /**
     * Registers a service account without making a key (for tests that write their own assertions).
     *
     * @param clientEmail the service account's e-mail
     */
    public void registerServiceAccount(String clientEmail) {
        serviceAccounts.add(Objects.requireNonNull(clientEmail, "clientEmail"));
    }

    /** One RSA key per JVM: generating a 2048-bit key takes about 0.6 s on a small machine, and the fake never verifies signatures. */
    private static final class TestKey {
        static final String PEM = generate();

        private static String generate() {
            try {
                KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
                gen.initialize(2048);
                return "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(gen.generateKeyPair().getPrivate().getEncoded())
                        + "\n-----END PRIVATE KEY-----\n";
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("cannot create a service-account key", e);
            }
        }
    }

    /**
     * Registers a service account and returns a key file for it: an RSA key (generated once per JVM and
     * shared by every key file this class makes; signatures are not verified), a fresh key id, the given
     * client e-mail and {@code token_uri}.
     *
     * @param clientEmail the service account's e-mail
     * @param tokenUri    where google-auth-library must send the grant (the fake's token route)
     * @return the key file JSON
     */
    public String newServiceAccountKeyJson(String clientEmail, URI tokenUri) {
        Objects.requireNonNull(tokenUri, "tokenUri");
        serviceAccounts.add(Objects.requireNonNull(clientEmail, "clientEmail"));
        try {
            String pem = TestKey.PEM;
            ObjectNode key = MAPPER.createObjectNode()
                    .put("type", "service_account")
                    .put("project_id", "partner-project")
                    .put("private_key_id", UUID.randomUUID().toString().replace("-", ""))
                    .put("private_key", pem)
                    .put("client_email", clientEmail)
                    .put("client_id", "1" + Math.abs(RANDOM.nextLong()))
                    .put("token_uri", tokenUri.toString());
            return MAPPER.writeValueAsString(key);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a service-account key", e);
        }
    }

    /**
     * Answers a token request.
     *
     * @param r the request ({@code application/x-www-form-urlencoded} with {@code grant_type} and
     *          {@code assertion})
     * @return 200 with {@code access_token}, {@code token_type} and {@code expires_in}, or Google's 400 answer
     */
    public FakeResponse token(FakeRequest r) {
        Map<String, String> form = r.form();
        if (!JWT_BEARER_GRANT.equals(form.get("grant_type"))) {
            return oauthError("unsupported_grant_type", "Invalid grant_type: " + form.get("grant_type"));
        }
        JsonNode claims = jwtClaims(form.get("assertion"));
        if (claims == null) {
            return oauthError("invalid_grant", "Invalid JWT: Token must be a short-lived token and in a reasonable timeframe");
        }
        String iss = claims.path("iss").asText();
        if (!serviceAccounts.contains(iss)) {
            return oauthError("invalid_grant", "Invalid JWT Signature.");
        }
        List<String> scopes = Arrays.stream(claims.path("scope").asText("").split(" "))
                .filter(s -> !s.isEmpty()).toList();
        if (scopes.stream().noneMatch(acceptedScopes::contains)) {
            return oauthError("invalid_scope", "none of the requested scopes " + scopes + " is accepted here");
        }
        byte[] raw = new byte[24];
        RANDOM.nextBytes(raw);
        String token = "ya29.fake-" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        tokens.put(token, new Grant(iss, scopes));
        issued.incrementAndGet();
        return FakeResponse.json(200, MAPPER.createObjectNode().put("access_token", token)
                .put("token_type", "Bearer").put("expires_in", 3600));
    }

    /**
     * Returns whether an {@code Authorization} header carries a token this endpoint issued and has not revoked.
     *
     * @param authorization the header value, or null
     * @return true for {@code Bearer <issued token>}
     */
    public boolean isValid(String authorization) {
        return grant(authorization) != null;
    }

    /**
     * Returns what the token in an {@code Authorization} header was granted for.
     *
     * @param authorization the header value, or null
     * @return the grant, or null when the header carries no valid token
     */
    public Grant grant(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        return tokens.get(authorization.substring(7));
    }

    /** Returns how many access tokens were issued. */
    public int tokensIssued() {
        return issued.get();
    }

    /** Revokes every issued token: the next API request with one of them gets 401. */
    public void revokeAll() {
        tokens.clear();
    }

    private static FakeResponse oauthError(String error, String description) {
        return FakeResponse.json(400, MAPPER.createObjectNode().put("error", error).put("error_description", description));
    }

    private static JsonNode jwtClaims(String assertion) {
        if (assertion == null) {
            return null;
        }
        String[] parts = assertion.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            JsonNode header = MAPPER.readTree(Base64.getUrlDecoder().decode(parts[0]));
            JsonNode claims = MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return header != null && header.has("alg") && claims != null && claims.isObject() ? claims : null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
