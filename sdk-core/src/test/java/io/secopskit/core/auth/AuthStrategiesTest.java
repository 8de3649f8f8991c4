package io.secopskit.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import io.secopskit.core.Secret;
import io.secopskit.core.error.AuthenticationException;
import io.secopskit.core.error.ConfigurationException;
import io.secopskit.core.error.InvalidRequestException;
import io.secopskit.core.http.ClientOptions;
import io.secopskit.core.http.Operation;
import io.secopskit.core.spi.ApiRequest;
import io.secopskit.core.spi.VendorPipeline;
import io.secopskit.testkit.FakeOAuth2Server;
import io.secopskit.testkit.FakeRequest;
import io.secopskit.testkit.FakeResponse;
import io.secopskit.testkit.FakeVendor;
import io.secopskit.testkit.MutableClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthStrategiesTest {
    private static final Operation GET = Operation.builder("acme", "GetThing", "GET", "/things/{id}").build();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    /** A fake with one open resource route and a token route whose answer the test chooses. */
    private static final class EchoFake extends FakeVendor {
        EchoFake(Function<FakeRequest, FakeResponse> token) {
            anonymousRoute("POST", "/token", token::apply);
            route("GET", "/things/{id}", r -> FakeResponse.json(200, "{\"id\":\"" + r.pathVariable("id") + "\"}"));
        }

        @Override
        protected FakeResponse authenticate(FakeRequest request) {
            return null;
        }
    }

    private EchoFake fake(Function<FakeRequest, FakeResponse> token) {
        EchoFake f = new EchoFake(token);
        f.start();
        closeables.add(f);
        return f;
    }

    private VendorPipeline pipeline(URI endpoint, AuthStrategy auth) {
        return VendorPipeline.builder("acme").endpoint(endpoint).auth(auth)
                .options(ClientOptions.builder().clock(clock).sleeper(d -> { }).build()).build();
    }

    private static JsonNode get(VendorPipeline p) {
        return p.call(ApiRequest.of(GET).path("id", "42").build(), JsonNode.class);
    }

    @Test
    void apiKeyHeaderAuth_carbonBlack_sendsSecretSlashIdInXAuthToken() {
        EchoFake f = fake(r -> FakeResponse.empty(500));
        VendorPipeline p = pipeline(f.baseUri(), ApiKeyHeaderAuth.carbonBlack("ABCD1234", Secret.of("s3cr3tKEY")));

        JsonNode result = get(p);

        assertEquals("42", result.get("id").asText());
        FakeRequest sent = f.lastRequest();
        assertEquals("GET", sent.method());
        assertEquals("/things/42", sent.path());
        assertEquals("s3cr3tKEY/ABCD1234", sent.header("X-Auth-Token"));
        assertNull(sent.header("Authorization"));
    }

    @Test
    void basicAuth_sendsBase64UserColonPassword() {
        EchoFake f = fake(r -> FakeResponse.empty(500));
        VendorPipeline p = pipeline(f.baseUri(), BasicAuth.of("admin", Secret.of("pa:ss")));

        get(p);

        String expected = "Basic " + Base64.getEncoder().encodeToString("admin:pa:ss".getBytes(StandardCharsets.UTF_8));
        assertEquals(expected, f.lastRequest().header("Authorization"));
    }

    @Test
    void oauth2ClientCredentials_withBasicClientAuth_postsGrantAndSendsBearer() {
        FakeOAuth2Server server = new FakeOAuth2Server();
        server.start();
        closeables.add(server);
        server.clock(clock);
        server.issuer().client("client-1", "client-secret-1");
        server.stub("GET", "/things/{id}", r -> FakeResponse.json(200, "{\"id\":\"x\"}"));
        VendorPipeline p = pipeline(server.baseUri(), OAuth2ClientCredentialsAuth.builder()
                .tokenEndpoint(server.tokenEndpoint()).credentials("client-1", Secret.of("client-secret-1")).build());

        get(p);

        FakeRequest tokenRequest = server.requests("POST", FakeOAuth2Server.TOKEN_PATH).get(0);
        assertEquals("grant_type=client_credentials", tokenRequest.body());
        assertTrue(tokenRequest.header("Content-Type").startsWith("application/x-www-form-urlencoded"));
        assertEquals("Basic " + Base64.getEncoder().encodeToString("client-1:client-secret-1".getBytes(StandardCharsets.UTF_8)),
                tokenRequest.header("Authorization"));
        String bearer = server.requests("GET", "/things/42").get(0).header("Authorization");
        assertTrue(bearer.startsWith("Bearer fake-"), bearer);
        assertTrue(server.issuer().isValidAuthorization(bearer));
    }

    @Test
    void oauth2ClientCredentials_withFormClientAuth_sendsCredentialsAsFormFields() {
        FakeOAuth2Server server = new FakeOAuth2Server();
        server.start();
        closeables.add(server);
        server.clock(clock);
        server.issuer().client("client-1", "client secret&1");
        server.stub("GET", "/things/{id}", r -> FakeResponse.json(200, "{\"id\":\"x\"}"));
        VendorPipeline p = pipeline(server.baseUri(), OAuth2ClientCredentialsAuth.builder()
                .tokenEndpoint(server.tokenEndpoint()).credentials("client-1", Secret.of("client secret&1"))
                .clientAuthentication(OAuth2ClientCredentialsAuth.ClientAuthentication.FORM)
                .parameter("scope", "tenants:read").build());

        get(p);

        FakeRequest tokenRequest = server.requests("POST", FakeOAuth2Server.TOKEN_PATH).get(0);
        assertNull(tokenRequest.header("Authorization"));
        assertEquals("client_credentials", tokenRequest.form().get("grant_type"));
        assertEquals("tenants:read", tokenRequest.form().get("scope"));
        assertEquals("client-1", tokenRequest.form().get("client_id"));
        assertEquals("client secret&1", tokenRequest.form().get("client_secret"));
    }

    @Test
    void oauth2ClientCredentials_whenClientRejected_throwsAuthenticationWithOAuthError() {
        FakeOAuth2Server server = new FakeOAuth2Server();
        server.start();
        closeables.add(server);
        server.issuer().client("client-1", "right");
        VendorPipeline p = pipeline(server.baseUri(), OAuth2ClientCredentialsAuth.builder()
                .tokenEndpoint(server.tokenEndpoint()).credentials("client-1", Secret.of("wrong-secret")).build());

        AuthenticationException e = assertThrows(AuthenticationException.class, () -> get(p));

        assertEquals(401, e.httpStatus());
        assertEquals("invalid_client", e.vendorCode());
        assertEquals("token", e.operation());
        assertFalse(e.getMessage().contains("wrong-secret"));
        assertTrue(server.requests("GET", "/things/42").isEmpty(), "resource must not be called without a token");
    }

    @Test
    void jwtRefreshAuth_basicKey_postsEmptyBodyThenSendsBearerJwt() {
        String jwt = JWT.create().withExpiresAt(clock.instant().plusSeconds(600)).sign(Algorithm.HMAC256("k"));
        EchoFake f = fake(r -> FakeResponse.json(200, "{\"access_token\":\"" + jwt + "\",\"exp\":"
                + clock.instant().plusSeconds(600).getEpochSecond() + "}"));
        VendorPipeline p = pipeline(f.baseUri(), JwtRefreshAuth.builder().tokenEndpoint(f.baseUri().resolve("/token"))
                .basicKey("soc@acme.example", Secret.of("api-key-123")).build());

        get(p);

        FakeRequest exchange = f.requests("POST", "/token").get(0);
        assertEquals("", exchange.body());
        assertEquals("Basic " + Base64.getEncoder().encodeToString("soc@acme.example:api-key-123".getBytes(StandardCharsets.UTF_8)),
                exchange.header("Authorization"));
        assertEquals("Bearer " + jwt, f.requests("GET", "/things/42").get(0).header("Authorization"));
    }

    @Test
    void jwtRefreshAuth_bearerKey_sendsKeyAsBearerToExchange() {
        EchoFake f = fake(r -> FakeResponse.json(200, "{\"access_token\":\"tok-1\"}"));
        VendorPipeline p = pipeline(f.baseUri(), JwtRefreshAuth.builder().tokenEndpoint(f.baseUri().resolve("/token"))
                .bearerKey(Secret.of("scoped-key")).build());

        get(p);

        assertEquals("Bearer scoped-key", f.requests("POST", "/token").get(0).header("Authorization"));
        assertEquals("Bearer tok-1", f.requests("GET", "/things/42").get(0).header("Authorization"));
    }

    @Test
    void jwtRefreshAuth_expiryInMillisUnderData_refreshesAfterHalfTheLifetime() {
        // exp in milliseconds under "data": token valid 120 s; refresh-ahead capped at half → refresh after 60 s.
        long expMillis = clock.instant().plusSeconds(120).toEpochMilli();
        EchoFake f = fake(r -> FakeResponse.json(200, "{\"data\":{\"access_token\":\"t-" + r.hashCode()
                + "\",\"exp\":" + expMillis + "}}"));
        VendorPipeline p = pipeline(f.baseUri(), JwtRefreshAuth.builder().tokenEndpoint(f.baseUri().resolve("/token"))
                .basicKey("u@x.example", Secret.of("k")).build());
        get(p);
        clock.advance(Duration.ofSeconds(59));
        get(p);
        assertEquals(1, f.requests("POST", "/token").size(), "token still fresh at 59 s");
        clock.advance(Duration.ofSeconds(2));
        get(p);
        assertEquals(2, f.requests("POST", "/token").size(), "stale after 60 s of 120 s");
    }

    @Test
    void jwtRefreshAuth_withoutExpField_readsJwtExpClaim() {
        Instant exp = clock.instant().plusSeconds(40);
        String jwt = JWT.create().withExpiresAt(exp).sign(Algorithm.HMAC256("k"));
        EchoFake f = fake(r -> FakeResponse.json(200, "{\"access_token\":\"" + jwt + "\"}"));
        VendorPipeline p = pipeline(f.baseUri(), JwtRefreshAuth.builder().tokenEndpoint(f.baseUri().resolve("/token"))
                .basicKey("u@x.example", Secret.of("k")).build());
        get(p);
        clock.advance(Duration.ofSeconds(19));
        get(p);
        assertEquals(1, f.requests("POST", "/token").size());
        clock.advance(Duration.ofSeconds(2));
        get(p);
        assertEquals(2, f.requests("POST", "/token").size(), "40 s JWT is stale after 20 s");
    }

    @Test
    void pipeline_credentialsToPlainHttpExampleCom_refusedWithClearMessage() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> VendorPipeline.builder("acme")
                .endpoint(URI.create("http://example.com/api")).auth(BasicAuth.of("u", Secret.of("p"))).build());

        assertEquals("endpoint", e.setting());
        assertTrue(e.getMessage().contains("must use https (plain http is allowed only for loopback hosts): http://example.com/api"),
                e.getMessage());
    }

    @Test
    void tokenEndpoint_onPlainHttpNonLoopback_refusedAtFirstCall() {
        EchoFake f = fake(r -> FakeResponse.empty(500));
        VendorPipeline p = pipeline(f.baseUri(), OAuth2ClientCredentialsAuth.builder()
                .tokenEndpoint(URI.create("http://auth.example.com/token")).credentials("c", Secret.of("s")).build());

        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> get(p));

        assertTrue(e.getMessage().contains("auth.example.com"), e.getMessage());
        assertTrue(f.requests().isEmpty());
    }
}
