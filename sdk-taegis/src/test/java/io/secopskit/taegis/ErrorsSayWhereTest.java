package io.secopskit.taegis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.Secret;
import io.secopskit.core.error.AuthenticationException;
import io.secopskit.core.error.NotFoundException;
import io.secopskit.core.error.PermissionDeniedException;
import io.secopskit.core.error.TransportException;
import io.secopskit.taegis.model.TenantQuery;
import io.secopskit.testkit.FakeResponse;
import io.secopskit.testkit.FakeTaegis.Principal;
import java.net.UnknownHostException;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 item 4 for Taegis: every transport, token and server error names vendor, operation and host and keeps
 * the root cause; the common mistakes get a hint — a token host that does not resolve (the region's hosts), a
 * host without the token path or without {@code /public/query}, a refused client secret, 401 (tokens are valid
 * only in their region) against 403 and against a GraphQL "not authorized" answer with HTTP 200. Nothing leaves
 * loopback: the unknown host is answered by an injected resolver.
 */
class ErrorsSayWhereTest extends TaegisTestBase {

    @Test
    void unknownTokenHost_namesHostRootCauseAndTheRegionsTokenHosts() {
        OkHttpClient noDns = new OkHttpClient.Builder().dns(hostname -> {
            throw new UnknownHostException(hostname + ": Name or service not known");
        }).build();
        try (TaegisClient wrongRegion = TaegisClient.builder().region(TaegisRegion.US2)
                .clientCredentials(CLIENT_ID, Secret.of(CLIENT_SECRET)).options(o -> o.httpClient(noDns)).build()) {
            TransportException e = assertThrows(TransportException.class, () -> wrongRegion.tenants().get("200000"));

            assertEquals("taegis", e.vendor());
            assertEquals("token", e.operation());
            assertEquals("api.delta.taegis.secureworks.com", e.host());
            assertTrue(e.getMessage().contains("UnknownHostException: api.delta.taegis.secureworks.com"), e.getMessage());
            assertTrue(e.getMessage().contains("does not resolve"), e.getMessage());
            assertTrue(e.getMessage().contains("api.ctpx.secureworks.com (US1)"), e.getMessage());
            assertFalse(e.getMessage().contains(CLIENT_SECRET));
        } finally {
            noDns.dispatcher().executorService().shutdown();
            noDns.connectionPool().evictAll();
        }
    }

    @Test
    void tokenPathMissing_onTheAuthHost_saysTheAuthEndpointMustBeTheApiHost() {
        fake.faults().nextCalls(1, "POST", TaegisClient.TOKEN_PATH).respond(404, "{\"message\":\"no route\"}");

        NotFoundException e = assertThrows(NotFoundException.class, () -> taegis.tenants().get("200000"));

        assertEquals("token", e.operation());
        assertEquals(fakeHost(), e.host());
        assertTrue(e.getMessage().contains("has no /auth/api/v2/auth/token: authEndpoint(...) must be a region's API host"),
                e.getMessage());
    }

    @Test
    void unauthorizedAfterReplay_saysTokensBelongToOneRegion_andNamesBothHosts() {
        String tenant = fake.seedTenants(1).get(0);
        taegis.tenants().get(tenant);
        fake.faults().nextCalls(2, "POST", TaegisClient.QUERY_PATH).respond(401,
                "{\"errors\":[{\"message\":\"unauthorized: invalid token\"}]}");

        AuthenticationException e = assertThrows(AuthenticationException.class, () -> taegis.tenants().get(tenant));

        assertEquals("tenants", e.operation());
        assertEquals(401, e.httpStatus());
        assertEquals(fakeHost(), e.host());
        assertTrue(e.getMessage().contains("unauthorized: invalid token"), e.getMessage());
        assertTrue(e.getMessage().contains("tokens are valid only in the region that issued them"), e.getMessage());
        assertTrue(e.getMessage().contains("gets tokens from " + fakeHost() + " and calls " + fakeHost()), e.getMessage());
        assertEquals(3, sent("tenants").size(), "the first call, then the refused call and its one replay");
        assertEquals(2, tokenRequests(), "the replay carried a fresh token");
    }

    @Test
    void forbidden_isToldApartFromUnauthorized() {
        String tenant = fake.seedTenants(1).get(0);
        fake.faults().nextCalls(1, "POST", TaegisClient.QUERY_PATH).respond(403, "{\"errors\":[{\"message\":\"Forbidden\"}]}");

        PermissionDeniedException e = assertThrows(PermissionDeniedException.class, () -> taegis.tenants().get(tenant));

        assertEquals(403, e.httpStatus());
        assertEquals(fakeHost(), e.host());
        assertTrue(e.getMessage().contains("403: authenticated but not permitted"), e.getMessage());
        assertTrue(e.getMessage().contains("Tenant:read"), e.getMessage());
        assertEquals(1, sent("tenants").size(), "a 403 is neither retried nor replayed");
    }

    @Test
    void graphqlNotAuthorized_withHttp200_isAnAuthorizationRefusal_notACredentialProblem() {
        List<String> children = fake.seedTenants(2);
        fake.client("reader", "reader-secret", Principal.withPermissions(children.get(0), Principal.Permission.TENANT_READ));
        try (TaegisClient reader = builder().clientCredentials("reader", Secret.of("reader-secret")).build()) {
            TaegisGraphQLException e = assertThrows(TaegisGraphQLException.class, () -> reader.tenants().rename(children.get(0), "x"));

            assertEquals(200, e.httpStatus());
            assertEquals(fakeHost(), e.host());
            assertTrue(e.getMessage().contains("permission denied: Tenant:update is required"), e.getMessage());
            assertTrue(e.getMessage().contains("an authorization refusal, not a credential problem"), e.getMessage());
        }
    }

    @Test
    void graphqlUnauthenticated_withHttp200_namesTheRegionsOfBothHosts() {
        fake.faults().nextCalls(1, "POST", TaegisClient.QUERY_PATH).respond(200,
                "{\"errors\":[{\"message\":\"token not valid here\",\"extensions\":{\"code\":\"UNAUTHENTICATED\"}}],\"data\":null}");

        TaegisGraphQLException e = assertThrows(TaegisGraphQLException.class, () -> taegis.tenants().list(TenantQuery.all())
                .stream().count());

        assertEquals("UNAUTHENTICATED", e.vendorCode());
        assertTrue(e.getMessage().contains("did not accept the token"), e.getMessage());
        assertTrue(e.getMessage().contains("tokens are valid only in the region"), e.getMessage());
    }

    @Test
    void queryPathMissing_onTheTenantsHost_saysWhichHostServesTheTenantsApi() {
        fake.faults().nextCalls(1, "POST", TaegisClient.QUERY_PATH).respond(FakeResponse.text(404, "text/plain", "404 page not found"));

        NotFoundException e = assertThrows(NotFoundException.class, () -> taegis.tenants().get("200000"));

        assertEquals("tenants", e.operation());
        assertTrue(e.getMessage().contains(fakeHost() + " has no /public/query"), e.getMessage());
        assertTrue(e.getMessage().contains("https://api.tenants.ctpx.secureworks.com for US1"), e.getMessage());
        assertTrue(e.getMessage().contains("404 page not found"), "the server's own text is kept: " + e.getMessage());
    }
}
