package io.secopskit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import javax.net.ssl.SSLException;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class TlsAndTokensTest {
    private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString("cid:csecret".getBytes(StandardCharsets.UTF_8));

    private static OkHttpClient trusting() {
        FakeTls tls = FakeTls.shared();
        return new OkHttpClient.Builder().sslSocketFactory(tls.sslSocketFactory(), tls.trustManager()).build();
    }

    @Test
    void useHttps_servesTls_thatOnlyTheFakesTrustMaterialAccepts() {
        try (FakeOAuth2Server fake = new FakeOAuth2Server()) {
            fake.useHttps();
            fake.start();
            fake.issuer().client("cid", "csecret");
            assertTrue(fake.isHttps());
            assertEquals("https", fake.baseUri().getScheme());

            Http.Answer token = new Http(trusting()).send("POST", fake.baseUri(), FakeOAuth2Server.TOKEN_PATH,
                    Map.of("Authorization", BASIC, "Content-Type", "application/x-www-form-urlencoded"), "grant_type=client_credentials");
            assertEquals(200, token.status());

            UncheckedIOException untrusted = assertThrows(UncheckedIOException.class, () -> new Http().send("POST",
                    fake.baseUri(), FakeOAuth2Server.TOKEN_PATH, Map.of("Authorization", BASIC), "grant_type=client_credentials"));
            assertTrue(untrusted.getCause() instanceof SSLException, String.valueOf(untrusted.getCause()));
            assertTrue(FakeTls.shared().certificateAuthorityPem().startsWith("-----BEGIN CERTIFICATE-----"));
        }
    }

    @Test
    void useHttps_afterStart_isRefused() {
        try (FakeOAuth2Server fake = new FakeOAuth2Server()) {
            fake.start();
            assertThrows(IllegalStateException.class, fake::useHttps);
        }
    }

    @Test
    void carbonBlackUseHttps_coversBothHosts_andChronicleAndTaegisServeTls() {
        try (FakeCarbonBlack cb = new FakeCarbonBlack("ORG1");
             FakeChronicle chronicle = new FakeChronicle()) {
            cb.useHttps().start();
            chronicle.useHttps().start();
            assertEquals("https", cb.defenseUri().getScheme());
            assertEquals("https", cb.apiUri().getScheme());
            Http http = new Http(trusting());
            assertEquals(401, http.send("GET", cb.apiUri(), "/integrationServices/v3/notification", Map.of(), null).status());
            assertEquals(401, http.send("GET", chronicle.baseUri(), "/v1/partner/customer/listcustomers", Map.of(), null).status());
        }
    }

    @Test
    void jwtTokens_carrySubAndExp_onTheFakesClock_andExpiresInCanBeLeftOut() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-22T12:00:00Z"));
        try (FakeOAuth2Server fake = new FakeOAuth2Server()) {
            fake.start();
            fake.clock(clock);
            fake.issuer().client("cid", "csecret").jwt(true).expiresIn(false).lifetime(Duration.ofMinutes(10));

            Http.Answer answer = new Http().send("POST", fake.baseUri(), FakeOAuth2Server.TOKEN_PATH,
                    Map.of("Authorization", BASIC, "Content-Type", "application/x-www-form-urlencoded"), "grant_type=client_credentials");

            JsonNode body = answer.json();
            assertFalse(body.has("expires_in"));
            String token = body.get("access_token").asText();
            String[] parts = token.split("\\.");
            assertEquals(3, parts.length);
            JsonNode header = Http.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[0]));
            JsonNode claims = Http.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
            assertEquals("HS256", header.get("alg").asText());
            assertEquals("cid", claims.get("sub").asText());
            assertEquals(Instant.parse("2026-11-22T12:10:00Z").getEpochSecond(), claims.get("exp").asLong());
            assertEquals("cid", fake.issuer().clientIdOf("Bearer " + token));

            clock.advance(Duration.ofMinutes(10));
            assertNull(fake.issuer().clientIdOf("Bearer " + token), "expired at exp on the fake's clock");
            assertFalse(fake.issuer().isValidAuthorization("Bearer " + token));
        }
    }
}
