package io.secopskit.opentelemetry;

import io.secopskit.core.Secret;
import io.secopskit.core.http.ClientOptions;
import io.secopskit.testkit.FakeOAuth2Server;
import io.secopskit.testkit.FakeResponse;
import io.secopskit.testkit.MutableClock;
import java.time.Instant;
import java.util.function.Consumer;

/** A FakeOAuth2Server with Acme's routes, an injected clock and sleeper, and clients built against it. */
final class AcmeFixture implements AutoCloseable {
    static final String CLIENT_ID = "acme-cid";
    static final String CLIENT_SECRET = "acme-client-secret-5b0f";
    /** A credential the vendor returns in a response body. */
    static final String RESPONSE_SECRET = "admin-password-RESPONSE-8800";

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T09:00:00Z"));
    final FakeOAuth2Server server = new FakeOAuth2Server();

    AcmeFixture() {
        server.start();
        server.clock(clock);
        server.issuer().client(CLIENT_ID, CLIENT_SECRET);
        server.stub("GET", "/v1/tenants/{tenantId}", r -> r.pathVariable("tenantId").startsWith("missing")
                ? FakeResponse.json(404, "{\"error\":\"tenant " + r.pathVariable("tenantId") + " not found\"}")
                : FakeResponse.json(200, "{\"id\":\"" + r.pathVariable("tenantId") + "\",\"name\":\"Acme\"}"));
        server.stub("GET", "/v1/tenants/{tenantId}/assets", r -> FakeResponse.json(200, "{\"assets\":[]}"));
        server.stub("POST", "/v1/tenants",
                r -> FakeResponse.json(201, "{\"id\":\"t-1\",\"adminPassword\":\"" + RESPONSE_SECRET + "\"}"));
    }

    String host() {
        return server.baseUri().getHost();
    }

    long port() {
        return server.port();
    }

    /** A client with the fixture's clock and a sleeper that only moves it, then the given option changes. */
    AcmeClient client(Consumer<ClientOptions.Builder> options) {
        return client(CLIENT_SECRET, options);
    }

    AcmeClient client(String clientSecret, Consumer<ClientOptions.Builder> options) {
        return AcmeClient.builder()
                .endpoint(server.baseUri())
                .clientCredentials(server.tokenEndpoint(), CLIENT_ID, Secret.of(clientSecret))
                .options(o -> o.clock(clock).sleeper(clock::advance))
                .options(options)
                .build();
    }

    @Override
    public void close() {
        server.close();
    }
}
