package io.secopskit.servicenow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.LogCapture;
import io.secopskit.core.Secret;
import io.secopskit.core.error.InvalidRequestException;
import io.secopskit.core.error.PermissionDeniedException;
import io.secopskit.core.error.SecOpsException;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.error.ValidationException;
import io.secopskit.servicenow.model.CiEnrichmentResult;
import io.secopskit.servicenow.model.ObservableEnrichmentResult;
import io.secopskit.servicenow.model.ThreatLookupResult;
import io.secopskit.servicenow.model.WriteOptions;
import io.secopskit.servicenow.model.WriteResult;
import io.secopskit.testkit.FakeRequest;
import io.secopskit.testkit.FakeServiceNow;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SecOpsIntegrationTest extends ServiceNowTestBase {
    private static final String BASE = FakeServiceNow.DEFAULT_BASE_PATH;
    private static final String CI = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
    private static final String OBS = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";

    private enum Kind { CI_ENRICHMENT, OBSERVABLE_ENRICHMENT, THREAT_LOOKUP }

    static Stream<Arguments> everyPostWithEveryOptionCombination() {
        return Stream.of(Kind.values()).flatMap(kind -> Stream.of(false, true).flatMap(ignore ->
                Stream.of(false, true).flatMap(wrap -> Stream.of(false, true).map(simple ->
                        Arguments.of(kind, new WriteOptions(ignore, wrap, simple)))))); // 3 x 8 = 24 cases
    }

    private WriteResult post(Kind kind, WriteOptions options) {
        return switch (kind) {
            case CI_ENRICHMENT -> client.secOpsIntegration().postCiEnrichment(CiEnrichmentResult.builder().ci(CI)
                    .source("Shodan").result("open ports: 22,443").field("u_scan_id", "scan-42").build(), options);
            case OBSERVABLE_ENRICHMENT -> client.secOpsIntegration().postObservableEnrichment(
                    ObservableEnrichmentResult.builder().observable(OBS).source("WHOIS").result("registrar: Example").build(), options);
            case THREAT_LOOKUP -> client.secOpsIntegration().postThreatLookup(ThreatLookupResult.builder()
                    .observable(OBS).source("VirusTotal").result("malicious").field("u_score", 87).build(), options);
        };
    }

    private static String path(Kind kind) {
        return BASE + switch (kind) {
            case CI_ENRICHMENT -> "/ci_enrichment";
            case OBSERVABLE_ENRICHMENT -> "/observable_enrichment";
            case THREAT_LOOKUP -> "/threat_lookup";
        };
    }

    private static String table(Kind kind) {
        return switch (kind) {
            case CI_ENRICHMENT -> CiEnrichmentResult.TABLE;
            case OBSERVABLE_ENRICHMENT -> ObservableEnrichmentResult.TABLE;
            case THREAT_LOOKUP -> ThreatLookupResult.TABLE;
        };
    }

    @ParameterizedTest
    @MethodSource("everyPostWithEveryOptionCombination")
    void post_sendsOptionsAsQueryAndBodyAsColumns_andReadsEveryResponseForm(Kind kind, WriteOptions options) {
        WriteResult result = post(kind, options);

        FakeRequest sent = fake.lastRequest();
        assertEquals("POST", sent.method());
        assertEquals(path(kind), sent.path());
        assertEquals(String.valueOf(options.ignoreMandatoryFields()), sent.queryParam("ignore_mandatory_fields"));
        assertEquals(String.valueOf(options.includeWrap()), sent.queryParam("include_wrap"));
        assertEquals(String.valueOf(options.simpleResponse()), sent.queryParam("simple_response"));
        assertTrue(sent.header("Authorization").startsWith("Basic "));
        assertEquals(switch (kind) {
            case CI_ENRICHMENT -> "Shodan";
            case OBSERVABLE_ENRICHMENT -> "WHOIS";
            case THREAT_LOOKUP -> "VirusTotal";
        }, sent.json().path("source").asText());
        if (kind == Kind.CI_ENRICHMENT) {
            assertEquals("{\"ci\":\"" + CI + "\",\"source\":\"Shodan\",\"result\":\"open ports: 22,443\",\"u_scan_id\":\"scan-42\"}",
                    sent.body());
        }
        if (kind == Kind.THREAT_LOOKUP) {
            assertEquals(87, sent.json().path("u_score").asInt());
        }

        assertTrue(result.success());
        List<com.fasterxml.jackson.databind.JsonNode> stored = fake.records(table(kind));
        assertEquals(1, stored.size());
        if (options.simpleResponse()) {
            assertTrue(result.sysIdIfPresent().isEmpty(), "simple answers carry only success");
        } else {
            assertEquals(stored.get(0).get("sys_id").asText(), result.sysId());
            assertEquals(table(kind), result.fields().get("table"));
        }
    }

    @Test
    void mandatoryFieldsMissing_exposesTheFieldList_andIgnoreOptionPersistsAnyway() {
        ThreatLookupResult partial = ThreatLookupResult.builder().source("VirusTotal").build();

        MandatoryFieldsMissingException e = assertThrows(MandatoryFieldsMissingException.class,
                () -> client.secOpsIntegration().postThreatLookup(partial, WriteOptions.defaults()));

        assertEquals(List.of("observable", "result"), e.missingFields());
        assertTrue(e.getMessage().contains("Mandatory fields missing: observable,result"), e.getMessage());
        assertTrue(fake.records(ThreatLookupResult.TABLE).isEmpty());

        client.secOpsIntegration().postThreatLookup(partial, WriteOptions.defaults().withIgnoreMandatoryFields(true));
        assertEquals(1, fake.records(ThreatLookupResult.TABLE).size());
    }

    @Test
    void insufficientAccess_namesTheRequiredRole() {
        ServiceNowClient reader = builder().basicAuth(READER, Secret.of(READER_PASSWORD)).build();

        PermissionDeniedException e = assertThrows(PermissionDeniedException.class, () -> reader.secOpsIntegration()
                .postThreatLookup(ThreatLookupResult.builder().observable(OBS).source("x").result("y").build(),
                        WriteOptions.defaults()));

        assertTrue(e.getMessage().contains("sn_sec_cmn.api_write"), e.getMessage());
        assertEquals(403, e.httpStatus());
    }

    @Test
    void unableToPersist_andUnknownError_areServerErrors_neverRetried() {
        fake.failNextPostToPersist();
        ServerException persist = assertThrows(ServerException.class, () -> post(Kind.CI_ENRICHMENT, WriteOptions.defaults()));
        assertTrue(persist.getMessage().contains("Unable to persist record"));

        fake.failNextPostUnknown();
        ServerException unknown = assertThrows(ServerException.class, () -> post(Kind.CI_ENRICHMENT, WriteOptions.defaults()));
        assertTrue(unknown.getMessage().contains("Unknown error"));

        assertEquals(2, fake.requests("POST", path(Kind.CI_ENRICHMENT)).size(), "one request each, no retry");
        assertTrue(sleeps.isEmpty());
    }

    @Test
    void invalidPostBody_andNoFieldsSupplied_areRejectedBeforeSending() {
        ValidationException empty = assertThrows(ValidationException.class, () -> CiEnrichmentResult.builder().build());
        assertTrue(empty.getMessage().contains("Invalid post body"), empty.getMessage());
        ValidationException blank = assertThrows(ValidationException.class,
                () -> CiEnrichmentResult.builder().source(" ").result("").build());
        assertTrue(blank.getMessage().contains("No fields supplied"), blank.getMessage());
        assertTrue(fake.requests().isEmpty());
    }

    @Test
    void invalidPostBody_andNoFieldsSupplied_fromTheServer_mapToInvalidRequest() {
        for (String message : List.of("Invalid post body", "No fields supplied")) {
            fake.faults().nextCalls(1).respond(400, "{\"error\":{\"message\":\"" + message + "\",\"detail\":null},\"status\":\"failure\"}");
            SecOpsException e = assertThrows(SecOpsException.class, () -> post(Kind.THREAT_LOOKUP, WriteOptions.defaults()));
            assertInstanceOf(InvalidRequestException.class, e);
            assertEquals(message, e.vendorMessage());
        }
    }

    @Test
    void hibernatingInstance_html200_isAClearErrorNotASuccess() {
        fake.hibernate(true);

        ServerException e = assertThrows(ServerException.class, () -> post(Kind.THREAT_LOOKUP, WriteOptions.defaults()));

        assertEquals(200, e.httpStatus());
        assertEquals("UNEXPECTED_CONTENT_TYPE", e.vendorCode());
        assertEquals("PostThreatLookup", e.operation());
        assertEquals(fakeHost(), e.host());
        assertTrue(e.getMessage().contains("the instance is hibernating"), e.getMessage());
        assertTrue(e.getMessage().contains("developer portal"), e.getMessage());
    }

    @Test
    void customPaths_areUsed() {
        ServiceNowClient custom = builder().basicAuth(WRITER, Secret.of(WRITER_PASSWORD))
                .secOpsIntegrationPaths(new SecOpsIntegrationPaths("/api/x_acme/secops/", "/ci", "/obs", "/lookup")).build();

        assertThrows(InvalidRequestException.class, () -> custom.secOpsIntegration().postCiEnrichment(
                CiEnrichmentResult.builder().ci(CI).source("s").build(), WriteOptions.defaults()));

        assertEquals("/api/x_acme/secops/ci", fake.lastRequest().path());
    }

    @Test
    void basicPassword_neverAppearsInLogsOrErrors() {
        try (LogCapture logs = new LogCapture()) {
            ServiceNowClient wrong = builder().basicAuth(WRITER, Secret.of("Not-The-Pa55word")).build();
            SecOpsException e = assertThrows(SecOpsException.class, () -> wrong.secOpsIntegration().postThreatLookup(
                    ThreatLookupResult.builder().observable(OBS).source("x").result("y").build(), WriteOptions.defaults()));
            assertEquals(401, e.httpStatus());
            assertFalse((logs.all() + e.getMessage()).contains("Not-The-Pa55word"));
        }
    }
}
