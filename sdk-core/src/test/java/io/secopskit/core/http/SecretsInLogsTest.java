package io.secopskit.core.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.LogCapture;
import io.secopskit.core.Secret;
import io.secopskit.core.auth.ApiKeyHeaderAuth;
import io.secopskit.core.auth.OAuth2ClientCredentialsAuth;
import io.secopskit.core.error.PermissionDeniedException;
import io.secopskit.core.spi.ApiRequest;
import io.secopskit.core.spi.VendorPipeline;
import io.secopskit.testkit.FakeOAuth2Server;
import io.secopskit.testkit.FakeResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsInLogsTest {
    private static final Operation CREATE = Operation.builder("acme", "CreateThing", "POST", "/things").build();

    @Test
    void failingAuthenticatedCall_logsAndExceptionContainNoSecret() {
        try (FakeOAuth2Server server = new FakeOAuth2Server(); LogCapture logs = new LogCapture()) {
            server.start();
            server.issuer().client("client-7", "CLIENT-SECRET-VALUE");
            server.stub("POST", "/things", r -> FakeResponse.json(403,
                    "{\"error\":{\"code\":403,\"message\":\"denied\",\"status\":\"PERMISSION_DENIED\"},"
                            + "\"credential\":\"VENDOR-CREDENTIAL-VALUE\"}"));
            VendorPipeline p = VendorPipeline.builder("acme").endpoint(server.baseUri())
                    .auth(OAuth2ClientCredentialsAuth.builder().tokenEndpoint(server.tokenEndpoint())
                            .credentials("client-7", Secret.of("CLIENT-SECRET-VALUE")).build())
                    .options(ClientOptions.builder().sleeper(d -> { }).build()).build();

            PermissionDeniedException e = assertThrows(PermissionDeniedException.class, () -> p.execute(
                    ApiRequest.of(CREATE).json(Map.of("name", "acme", "password", "BODY-PASSWORD-VALUE",
                            "nested", Map.of("api_key", "BODY-API-KEY-VALUE"))).build()));

            String token = server.requests("POST", "/things").get(0).header("Authorization").substring(7);
            String everything = logs.all() + "\n" + e + "\n" + e.getMessage();
            for (String secret : List.of("CLIENT-SECRET-VALUE", token, "VENDOR-CREDENTIAL-VALUE",
                    "BODY-PASSWORD-VALUE", "BODY-API-KEY-VALUE")) {
                assertFalse(everything.contains(secret), "leaked " + secret + " in:\n" + everything);
            }
            assertTrue(logs.all().contains("acme.CreateThing POST /things -> 403"), logs.all());
            assertTrue(logs.all().contains("acme.token POST /oauth/token -> 200"), logs.all());
            assertTrue(logs.all().contains("\"name\":\"acme\""), "non-secret body fields are logged at TRACE");
            assertTrue(e.getMessage().contains("[acme.CreateThing] HTTP 403 PERMISSION_DENIED: denied"), e.getMessage());
        }
    }

    @Test
    void apiKeyCall_logsNeverShowXAuthTokenValue() {
        try (OpenFake fake = new OpenFake(); LogCapture logs = new LogCapture()) {
            fake.stub("POST", "/things", r -> FakeResponse.json(200, "{}"));
            VendorPipeline p = VendorPipeline.builder("acme").endpoint(fake.baseUri())
                    .auth(ApiKeyHeaderAuth.carbonBlack("APIID", Secret.of("APISECRET")))
                    .options(ClientOptions.builder().loggedHeaders("X-Auth-Token").build()).build();

            p.execute(ApiRequest.of(CREATE).build());

            assertFalse(logs.all().contains("APISECRET"), logs.all());
            assertTrue(logs.all().contains("X-Auth-Token=<redacted>"), logs.all());
        }
    }
}
