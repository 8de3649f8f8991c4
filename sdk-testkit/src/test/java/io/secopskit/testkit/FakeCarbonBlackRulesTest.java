package io.secopskit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.secopskit.testkit.FakeCarbonBlack.Op;
import io.secopskit.testkit.FakeCarbonBlack.Permission;
import io.secopskit.testkit.FakeCarbonBlack.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** FakeCarbonBlack enforces each documented rule, and stops when the rule is switched off. */
class FakeCarbonBlackRulesTest {
    private static final String ORG = "ORGKEY01";
    private static final String RUNS = "/livequery/v1/orgs/" + ORG + "/runs";
    private static final String FEEDS = "/threathunter/feedmgr/v2/orgs/" + ORG + "/feeds";
    private static final String DEVICES = "/appservices/v6/orgs/" + ORG + "/devices";
    private static final String FEED_BODY = "{\"feedinfo\":{\"name\":\"n\",\"provider_url\":\"https://x.example\",\"summary\":\"s\","
            + "\"category\":\"c\"},\"reports\":[{\"id\":\"r1\",\"title\":\"t\"}]}";

    private final Http http = new Http();
    private FakeCarbonBlack fake;

    @BeforeEach
    void start() {
        fake = new FakeCarbonBlack(ORG).start();
        fake.apiKey("FULL", "FULLSECRET", FakeCarbonBlack.AccessLevel.CUSTOM, "livequery.manage", "threathunter.feeds", "device");
        fake.docExampleKey("DOCKEY", "DOCSECRET");
        fake.apiKey("APIKEY", "APIKEYSECRET", FakeCarbonBlack.AccessLevel.API);
        fake.apiKey("SIEMKEY", "SIEMKEYSECRET", FakeCarbonBlack.AccessLevel.SIEM);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private Http.Answer call(String key, String method, String path, String body) {
        return http.send(method, path.startsWith("/integrationServices") ? fake.apiUri() : fake.defenseUri(), path,
                Map.of("X-Auth-Token", key.equals("DOCKEY") ? "DOCSECRET/DOCKEY" : key + "SECRET/" + key), body);
    }

    private static void assertUnauthorized(Http.Answer a) {
        assertEquals(401, a.status(), a.body());
        assertEquals("User is not authenticated", a.json().get("message").asText());
    }

    private String run(String key) {
        Http.Answer a = call(key, "POST", RUNS, "{\"sql\":\"select * from processes;\"}");
        assertEquals(201, a.status(), a.body());
        return a.json().get("id").asText();
    }

    // ---------------------------------------------------------------- ACCESS_LEVEL_TABLE (L74-85, L150-165)

    @Test
    void accessLevelTable_keysOutsideTheTableGet401() {
        assertUnauthorized(call("APIKEY", "POST", RUNS, "{\"sql\":\"x\"}"));
        assertUnauthorized(call("APIKEY", "POST", DEVICES + "/_search", "{}"));
        assertUnauthorized(call("SIEMKEY", "GET", FEEDS, null));
        assertUnauthorized(call("FULL", "GET", "/integrationServices/v3/notification", null));
        assertEquals(200, call("APIKEY", "GET", FEEDS, null).status(), "API keys may use /threathunter");
        assertEquals(200, call("SIEMKEY", "GET", "/integrationServices/v3/notification", null).status());
    }

    @Test
    void accessLevelTable_switchedOff_anApiKeyStartsLiveQueryRuns() {
        fake.strictness().disable(Rule.ACCESS_LEVEL_TABLE);
        assertEquals(201, call("APIKEY", "POST", RUNS, "{\"sql\":\"x\"}").status());
        assertEquals(200, call("FULL", "GET", "/integrationServices/v3/notification", null).status());
    }

    // ---------------------------------------------------------------- PERMISSION_OPERATIONS (L111-148)

    @Test
    void permissionOperations_documentExampleKey_createsAndReads_but401OnUpdateAndDelete() {
        String runId = run("DOCKEY");
        assertEquals(200, call("DOCKEY", "GET", RUNS + "/" + runId, null).status());
        assertEquals(200, call("DOCKEY", "POST", RUNS + "/" + runId + "/results/_search", "{}").status());
        assertUnauthorized(call("DOCKEY", "PUT", RUNS + "/" + runId + "/status", "{\"status\":\"CANCELLED\"}"));
        assertUnauthorized(call("DOCKEY", "DELETE", RUNS + "/" + runId, null));

        Http.Answer feed = call("DOCKEY", "POST", FEEDS, FEED_BODY);
        assertEquals(200, feed.status());
        String feedId = feed.json().get("id").asText();
        assertEquals(200, call("DOCKEY", "GET", FEEDS + "/" + feedId, null).status());
        assertUnauthorized(call("DOCKEY", "PUT", FEEDS + "/" + feedId + "/feedinfo", "{\"name\":\"m\"}"));
        assertUnauthorized(call("DOCKEY", "POST", FEEDS + "/" + feedId + "/reports", "{\"reports\":[]}"));
        assertUnauthorized(call("DOCKEY", "DELETE", FEEDS + "/" + feedId, null));
        assertUnauthorized(call("DOCKEY", "POST", DEVICES + "/_search", "{}"));
        assertEquals(1, fake.runs().size());
        assertEquals(1, fake.feeds().size());
    }

    @Test
    void permissionOperations_readOnlyKey_cannotStartARun() {
        fake.apiKey("READER", "READERSECRET", Permission.of("livequery.manage", Op.READ));
        assertUnauthorized(call("READER", "POST", RUNS, "{\"sql\":\"x\"}"));
        assertEquals(200, call("READER", "POST", RUNS + "/_search", "{}").status());
    }

    @Test
    void permissionOperations_switchedOff_theDocumentExampleKeyDeletes() {
        String runId = run("DOCKEY");
        fake.strictness().disable(Rule.PERMISSION_OPERATIONS);
        assertEquals(204, call("DOCKEY", "DELETE", RUNS + "/" + runId, null).status());
        assertTrue(fake.runs().isEmpty());
        assertUnauthorized(call("DOCKEY", "POST", DEVICES + "/_search", "{}"));
    }

    // ---------------------------------------------------------------- QUERY_STRINGS, QUERY_SYNTAX, DOTTED_CRITERIA

    private List<String> deviceNames(Http.Answer a) {
        assertEquals(200, a.status(), a.body());
        List<String> out = new ArrayList<>();
        for (JsonNode d : a.json().get("results")) {
            out.add(d.get("name").asText());
        }
        return out;
    }

    private Http.Answer devices(String body) {
        return call("FULL", "POST", DEVICES + "/_search", body);
    }

    @Test
    void queryStrings_fieldValueTermsWithAndOr_filterTheSearch() {
        fake.seedDevices(6); // endpoint-0..5; os MAC for 0 and 3, else WINDOWS

        assertEquals(List.of("endpoint-0", "endpoint-3"), deviceNames(devices("{\"query\":\"os:MAC\",\"rows\":10}")));
        assertEquals(List.of("endpoint-3"), deviceNames(devices("{\"query\":\"os:mac AND name:endpoint-3\"}")));
        assertEquals(List.of("endpoint-1", "endpoint-3"),
                deviceNames(devices("{\"query\":\"name:endpoint-1 OR (os:MAC AND NOT name:endpoint-0)\"}")));
        assertEquals(List.of("endpoint-4", "endpoint-5"), deviceNames(devices("{\"query\":\"name:\\\"endpoint-[45]\\\" OR name:endpoint-4* OR name:*-5\"}")));
        assertEquals(2, devices("{\"query\":\"os:MAC\"}").json().get("num_found").asInt());
    }

    @Test
    void queryStrings_switchedOff_theQueryIsIgnored() {
        fake.seedDevices(6);
        fake.strictness().disable(Rule.QUERY_STRINGS);
        assertEquals(6, deviceNames(devices("{\"query\":\"os:MAC\"}")).size());
    }

    @Test
    void querySyntax_malformedQueries_get400QueryMalformedSyntax() {
        fake.seedDevices(1);
        for (String bad : new String[] {"(os:MAC", "os:MAC)", "os:MAC AND", "OR os:MAC", "name:\\\"unclosed", "os:", ":MAC"}) {
            Http.Answer a = devices("{\"query\":\"" + bad + "\"}");
            assertEquals(400, a.status(), bad);
            assertEquals("query_malformed_syntax", a.json().get("reason").asText(), bad);
        }
    }

    @Test
    void querySyntax_switchedOff_aMalformedQueryMatchesEverything() {
        fake.seedDevices(2);
        fake.strictness().disable(Rule.QUERY_SYNTAX);
        assertEquals(2, deviceNames(devices("{\"query\":\"(os:MAC\"}")).size());
    }

    @Test
    void dottedCriteria_addressNestedFields_inResultsAndScroll() {
        String runId = run("FULL");
        fake.seedRunResults(runId, 10); // device.os WINDOWS for even rows, LINUX for odd

        Http.Answer found = call("FULL", "POST", RUNS + "/" + runId + "/results/_search",
                "{\"criteria\":{\"device.os\":[\"LINUX\"]},\"rows\":100}");
        assertEquals(5, found.json().get("num_found").asInt());
        Http.Answer scrolled = call("FULL", "POST", RUNS + "/results/_scroll",
                "{\"criteria\":{\"run_id\":[\"" + runId + "\"],\"device.os\":[\"WINDOWS\"]},\"rows\":100}");
        assertEquals(5, scrolled.json().get("num_found").asInt());
        Http.Answer byQuery = call("FULL", "POST", RUNS + "/" + runId + "/results/_search", "{\"query\":\"device.os:LINUX AND path:*tool-1\"}");
        assertEquals(1, byQuery.json().get("num_found").asInt(), "path is a result column under fields");
    }

    @Test
    void dottedCriteria_switchedOff_aDottedKeyMatchesNothing() {
        String runId = run("FULL");
        fake.seedRunResults(runId, 10);
        fake.strictness().disable(Rule.DOTTED_CRITERIA);
        assertEquals(0, call("FULL", "POST", RUNS + "/" + runId + "/results/_search",
                "{\"criteria\":{\"device.os\":[\"LINUX\"]}}").json().get("num_found").asInt());
    }

    // ---------------------------------------------------------------- routes the SDK does not wrap yet

    @Test
    void includePublic_isCaseInsensitive() {
        for (String v : new String[] {"true", "TRUE", "True"}) {
            assertEquals(1, call("FULL", "GET", FEEDS + "?include_public=" + v, null).json().get("results").size(), v);
        }
        assertEquals(0, call("FULL", "GET", FEEDS + "?include_public=false", null).json().get("results").size());
    }

    @Test
    void deviceById_andFeedReports_areServed() {
        fake.seedDevices(3);
        Http.Answer device = call("FULL", "GET", DEVICES + "/5000001", null);
        assertEquals(200, device.status());
        assertEquals("endpoint-1", device.json().get("name").asText());
        Http.Answer missing = call("FULL", "GET", DEVICES + "/999", null);
        assertEquals(404, missing.status());
        assertEquals("NOT_FOUND", missing.json().get("error_code").asText(), "the code the vendor's client reads from a 404");
        assertEquals("NOT_FOUND", call("FULL", "GET", RUNS + "/no-such-run", null).json().get("error_code").asText());
        assertEquals("NOT_FOUND", call("FULL", "DELETE", FEEDS + "/no-such-feed", null).json().get("error_code").asText());

        String feedId = call("FULL", "POST", FEEDS, FEED_BODY).json().get("id").asText();
        Http.Answer reports = call("FULL", "GET", FEEDS + "/" + feedId + "/reports", null);
        assertEquals(200, reports.status());
        assertEquals("r1", reports.json().get("results").get(0).get("id").asText());
        assertEquals(200, call("DOCKEY", "GET", FEEDS + "/" + feedId + "/reports", null).status(), "reading reports is Read");
    }
}
