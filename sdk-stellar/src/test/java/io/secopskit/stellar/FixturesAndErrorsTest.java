package io.secopskit.stellar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.secopskit.core.error.AuthenticationException;
import io.secopskit.core.error.PermissionDeniedException;
import io.secopskit.core.error.SecOpsException;
import io.secopskit.core.http.Operation;
import io.secopskit.core.spi.ErrorResponse;
import io.secopskit.core.spi.VendorPipeline;
import io.secopskit.stellar.internal.Envelopes;
import io.secopskit.stellar.internal.StellarAuth;
import io.secopskit.stellar.internal.StellarErrorDecoder;
import io.secopskit.stellar.model.Case;
import io.secopskit.stellar.model.CaseSeverity;
import io.secopskit.stellar.model.CaseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Proves the models read the bodies public Stellar Cyber clients record, and the error mapping. */
class FixturesAndErrorsTest {
    /** The mapper every Stellar client reads answers with: the pipeline's (SPI), never core's internals. */
    private static final ObjectMapper MAPPER;

    static {
        try (VendorPipeline pipeline = VendorPipeline.builder(StellarClient.VENDOR)
                .endpoint(URI.create("https://stellar.example")).build()) {
            MAPPER = pipeline.mapper();
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode data(String name) throws IOException {
        try (InputStream in = FixturesAndErrorsTest.class.getResourceAsStream("/fixtures/stellar/" + name)) {
            return MAPPER.readTree(in).get("data");
        }
    }

    @Test
    void updateAndCloseCaseResponses_parseIntoCase() throws IOException {
        Case updated = MAPPER.treeToValue(data("xsoar_update_case_response.json"), Case.class);
        Case closed = MAPPER.treeToValue(data("xsoar_close_case_response.json"), Case.class);

        assertEquals("65d5ef5f7d0f9a18d1d7477b", updated.id());
        assertEquals(CaseStatus.NEW, updated.status());
        assertEquals(CaseSeverity.HIGH, updated.severity(), "read from 'priority'");
        assertEquals(1.0, updated.score(), "read from 'incident_score'");
        assertEquals(5812L, updated.ticketId());
        assertEquals("6aeb2aae7d8d4ef0820136f42d107db4", updated.tenantId());
        assertEquals(Instant.ofEpochMilli(1708519263554L), updated.createdAt());
        assertEquals("Unassigned", updated.assigneeName());
        assertEquals(CaseStatus.RESOLVED, closed.status());
    }

    @Test
    void incidentsListResponse_parsesIntoCasePage() throws IOException {
        Envelopes.CasePage page = MAPPER.treeToValue(data("xsoar_get_new_incidents.json"), Envelopes.CasePage.class);

        assertEquals(1, page.total());
        assertEquals(CaseSeverity.CRITICAL, page.cases().get(0).severity());
        assertEquals(91.8, page.cases().get(0).score());
    }

    @Test
    void caseSummaryResponse_isPlainTextData() throws IOException {
        assertTrue(data("xsoar_case_summary_response.json").asText().startsWith("Observed 1 XDR Kill Chain Stages"));
    }

    private static SecOpsException decode(String path, int status, String body) {
        return decode(StellarAuth.Flow.API_KEY, path, status, body);
    }

    private static SecOpsException decode(StellarAuth.Flow flow, String path, int status, String body) {
        Operation op = Operation.builder("stellar", "Probe", "GET", path).build();
        return new StellarErrorDecoder(flow, new StellarAuth.ClockSkew())
                .decode(new ErrorResponse(op, status, "application/json", body, null, null, "acme.stellarcyber.cloud"));
    }

    @Test
    void forbiddenOnRestrictedEndpoint_explainsSuperAdminRootScope() {
        SecOpsException e = decode("/connect/api/v1/storage-usages/daily_and_monthly", 403, "{\"error\":\"Forbidden\"}");

        assertInstanceOf(PermissionDeniedException.class, e);
        assertTrue(e.getMessage().contains("restricted to Super Admin users with root scope"), e.getMessage());
    }

    @Test
    void forbiddenOnOrdinaryEndpoint_doesNotClaimRootScope() {
        SecOpsException e = decode("/connect/api/v1/cases", 403, "{\"error\":\"Forbidden\"}");

        assertInstanceOf(PermissionDeniedException.class, e);
        assertTrue(!e.getMessage().contains("root scope"), e.getMessage());
        assertTrue(e.getMessage().contains("authenticated but not permitted"), e.getMessage());
        assertEquals("acme.stellarcyber.cloud", e.host());
    }

    @Test
    void forbiddenWithScopedKey_pointsAtPrivilegesAndTenancy() {
        SecOpsException e = decode(StellarAuth.Flow.SCOPED_API_KEY, "/connect/api/v1/tenants", 403, "{\"error\":\"Forbidden\"}");

        assertTrue(e.getMessage().contains("tenancy"), e.getMessage());
    }

    @Test
    void unauthorized_saysWhatToCheckForEachFlow_andTellsItApartFromForbidden() {
        SecOpsException jwt = decode(StellarAuth.Flow.API_KEY, "/connect/api/v1/cases", 401, "{\"error\":\"Unauthorized\"}");
        SecOpsException basic = decode(StellarAuth.Flow.BASIC, "/connect/api/v1/cases", 401, "{\"error\":\"Unauthorized\"}");

        assertInstanceOf(AuthenticationException.class, jwt);
        assertTrue(jwt.getMessage().contains("401: not authenticated"), jwt.getMessage());
        assertTrue(jwt.getMessage().contains("clock skew"), jwt.getMessage());
        assertTrue(basic.getMessage().contains("5.4.0 only"), basic.getMessage());
        assertTrue(basic.getMessage().contains("apiKey(email, key)"), basic.getMessage());
        assertEquals("acme.stellarcyber.cloud", basic.host());
    }
}
