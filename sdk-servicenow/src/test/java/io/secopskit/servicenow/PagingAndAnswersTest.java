package io.secopskit.servicenow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.error.ServerException;
import io.secopskit.core.error.ValidationException;
import io.secopskit.core.paging.Page;
import io.secopskit.servicenow.model.ThreatLookupResult;
import io.secopskit.servicenow.model.TableQuery;
import io.secopskit.servicenow.model.WriteOptions;
import io.secopskit.servicenow.model.WriteResult;
import io.secopskit.testkit.FakeRequest;
import io.secopskit.testkit.FakeResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Resumable pages, which next links are followed, and 2xx answers that lack what they must carry. */
class PagingAndAnswersTest extends ServiceNowTestBase {
    private static final String LIST = "/api/now/table/incident";
    private static final String SYS_ID = "0123456789abcdef0123456789abcdef";

    private static List<Object> ids(Iterable<Map<String, Object>> records) {
        List<Object> out = new ArrayList<>();
        records.forEach(r -> out.add(r.get("sys_id")));
        return out;
    }

    @Test
    void byPage_everyPageButTheLastCarriesAToken_andAResumedListContinuesFromIt() {
        fake.seed("incident", 250);
        TableQuery query = TableQuery.builder().fields("sys_id", "number").pageSize(100).build();
        List<Object> all = ids(client.table("incident").list(query));
        assertEquals(250, all.size());
        fake.clearJournal();

        Iterator<Page<Map<String, Object>>> pages = client.table("incident").list(query).byPage().iterator();
        Page<Map<String, Object>> first = pages.next();
        String token = first.nextToken().orElseThrow();
        assertTrue(token.startsWith("v1."), token);
        assertFalse(token.contains("127.0.0.1"), "tokens are opaque");

        List<Object> rest = ids(client.table("incident").list(query).resumeFrom(token));

        assertEquals(all.subList(100, 250), rest);
        List<FakeRequest> sent = fake.requests("GET", LIST);
        assertEquals(1 + 2, sent.size(), "one page before the token, two after it");
        assertEquals("100", sent.get(1).queryParam("sysparm_offset"));
        List<Page<Map<String, Object>>> tail = new ArrayList<>();
        client.table("incident").list(query).byPage(token).forEach(tail::add);
        assertTrue(tail.get(tail.size() - 1).nextToken().isEmpty(), "the last page has no token");
        assertEquals(250, tail.get(0).totalCount());
    }

    @Test
    void continuationToken_ofAnotherTableOrQuery_orGarbage_isRefusedBeforeSending() {
        fake.seed("incident", 3);
        TableQuery query = TableQuery.builder().pageSize(1).build();
        String token = client.table("incident").list(query).byPage().iterator().next().nextToken().orElseThrow();
        fake.clearJournal();

        ValidationException otherTable = assertThrows(ValidationException.class,
                () -> client.table("problem").list(query).resumeFrom(token).iterator().hasNext());
        assertEquals("continuationToken", otherTable.field());
        assertThrows(ValidationException.class, () -> client.table("incident")
                .list(TableQuery.builder().pageSize(2).build()).resumeFrom(token).iterator().hasNext());
        for (String garbage : List.of("garbage", "v1.!!!", "v1." + java.util.Base64.getUrlEncoder().encodeToString(
                "servicenow.TableList(incident,q0)\n-5".getBytes(java.nio.charset.StandardCharsets.UTF_8)))) {
            assertEquals("continuationToken", assertThrows(ValidationException.class,
                    () -> client.table("incident").list(query).resumeFrom(garbage).iterator().hasNext()).field());
        }
        assertTrue(fake.requests().isEmpty());
    }

    @Test
    void nextLink_toAnotherOriginOrPath_isNotFollowed_pagingContinuesByOffsetOnTheInstance() {
        fake.seed("incident", 3);
        String own = fake.baseUri().toString();
        String host = fake.baseUri().getHost();
        String otherHost = own.replace("//" + host, "//" + (host.equals("localhost") ? "127.0.0.1" : "localhost"));
        String otherPort = "http://" + host + ":" + (fake.port() + 1);
        for (String foreign : List.of("https://evil.example/api/now/table/incident?sysparm_offset=1",
                otherHost + LIST + "?sysparm_offset=1", otherPort + LIST + "?sysparm_offset=1",
                own.replace("http:", "https:") + LIST + "?sysparm_offset=1",
                own + "/api/now/table/sys_user?sysparm_offset=1",
                own + "/oauth_token.do?sysparm_offset=1")) {
            fake.clearJournal();
            fake.faults().nextCalls(1, "GET", LIST).respond(FakeResponse.json(200, "{\"result\":[{\"sys_id\":\"a\"}]}")
                    .withHeader("Link", "<" + foreign + ">;rel=\"next\"").withHeader("X-Total-Count", "3"));

            List<Object> ids = ids(client.table("incident").list(TableQuery.builder().pageSize(1).build()));

            assertEquals(3, ids.size(), foreign);
            List<FakeRequest> sent = fake.requests();
            assertEquals(3, sent.size(), foreign + " " + sent);
            for (FakeRequest r : sent) {
                assertEquals(LIST, r.path(), foreign);
            }
            assertEquals("1", sent.get(1).queryParam("sysparm_offset"), "continued by offset: " + foreign);
        }
    }

    @Test
    void nextLink_onTheInstance_isFollowedAsGiven_evenWithCommasInIt() {
        fake.seed("incident", 3);
        String next = fake.baseUri() + LIST + "?sysparm_fields=sys_id,number&sysparm_limit=2&sysparm_offset=1&marker=from-link";
        fake.faults().nextCalls(1, "GET", LIST).respond(FakeResponse.json(200, "{\"result\":[{\"sys_id\":\"a\"}]}")
                .withHeader("Link", "<" + fake.baseUri() + LIST + "?sysparm_offset=0>;rel=\"first\",<" + next + ">;rel=\"next\""));

        List<Object> ids = ids(client.table("incident").list(TableQuery.builder().pageSize(1).build()));

        FakeRequest second = fake.requests("GET", LIST).get(1);
        assertEquals("from-link", second.queryParam("marker"));
        assertEquals("sys_id,number", second.queryParam("sysparm_fields"));
        assertEquals(3, ids.size(), "1 from the fault, 2 from the followed link");
    }

    @Test
    void xTotalCount_unreadable_isIgnored_andAFullPageMeansMore() {
        fake.faults().nextCalls(1, "GET", LIST).respond(FakeResponse.json(200, "{\"result\":[{\"sys_id\":\"a\"},{\"sys_id\":\"b\"}]}")
                .withHeader("X-Total-Count", "abc"));
        fake.faults().nextCalls(1, "GET", LIST).respond(FakeResponse.json(200, "{\"result\":[{\"sys_id\":\"c\"}]}")
                .withHeader("X-Total-Count", "-7"));

        List<Page<Map<String, Object>>> pages = new ArrayList<>();
        client.table("incident").list(TableQuery.builder().pageSize(2).build()).byPage().forEach(pages::add);

        assertEquals(2, pages.size());
        assertEquals(-1, pages.get(0).totalCount());
        assertEquals(List.of("c"), ids(pages.get(1).items()));
        assertEquals(2, fake.requests("GET", LIST).size(), "a short page ends the list");
    }

    @Test
    void listAnswer_withoutResult_nullBody_orResultNotAnArray_isTypedServerError() {
        record Case(String body, String code) {
        }
        for (Case c : List.of(new Case("{}", "MISSING_FIELD"), new Case("{\"result\":null}", "MISSING_FIELD"),
                new Case("null", "EMPTY_BODY"), new Case("{\"result\":{\"sys_id\":\"a\"}}", "UNREADABLE_BODY"),
                new Case("{\"result\":[", "UNREADABLE_BODY"), new Case("{\"result\":[1]}", "UNREADABLE_BODY"))) {
            fake.faults().nextCalls(1, "GET", LIST).respond(200, c.body());
            ServerException e = assertThrows(ServerException.class,
                    () -> client.table("incident").list(TableQuery.builder().build()).stream().count(), c.body());
            assertEquals(c.code(), e.vendorCode(), c.body());
            assertEquals("TableList", e.operation(), c.body());
            assertEquals(fakeHost(), e.host(), c.body());
        }
    }

    @Test
    void getCreateUpdate_200WithoutResult_isMissingField_neverNull() {
        for (String body : List.of("{}", "{\"result\":null}", "{\"status\":\"success\"}")) {
            fake.faults().nextCalls(3).respond(200, body);

            ServerException get = assertThrows(ServerException.class, () -> client.table("incident").get(SYS_ID));
            ServerException create = assertThrows(ServerException.class,
                    () -> client.table("incident").create(Map.of("short_description", "x")));
            ServerException update = assertThrows(ServerException.class,
                    () -> client.table("incident").update(SYS_ID, Map.of("urgency", "1")));

            for (ServerException e : List.of(get, create, update)) {
                assertEquals("MISSING_FIELD", e.vendorCode(), body);
                assertEquals(200, e.httpStatus(), body);
                assertEquals(fakeHost(), e.host());
                assertTrue(e.getMessage().contains("'result'"), e.getMessage());
            }
            assertEquals(List.of("TableGet", "TableCreate", "TableUpdate"),
                    List.of(get.operation(), create.operation(), update.operation()));
        }
        fake.faults().nextCalls(1).respond(201, "{\"result\":\"created\"}");
        assertEquals("UNREADABLE_BODY", assertThrows(ServerException.class,
                () -> client.table("incident").create(Map.of("a", "b"))).vendorCode());
    }

    @Test
    void integrationPost_200WithNeitherSuccessNorSysId_isMissingField_andNullColumnsSurvive() {
        String path = io.secopskit.testkit.FakeServiceNow.DEFAULT_BASE_PATH + "/threat_lookup";
        ThreatLookupResult row = ThreatLookupResult.builder().observable(SYS_ID).source("s").result("r").build();
        fake.faults().nextCalls(1, "POST", path).respond(200, "{\"result\":{}}");
        ServerException e = assertThrows(ServerException.class,
                () -> client.secOpsIntegration().postThreatLookup(row, WriteOptions.defaults()));
        assertEquals("MISSING_FIELD", e.vendorCode());
        assertEquals("PostThreatLookup", e.operation());

        fake.faults().nextCalls(1, "POST", path).respond(200, "{\"sys_id\":\"" + SYS_ID + "\",\"assigned_to\":null,\"score\":7}");
        WriteResult ok = client.secOpsIntegration().postThreatLookup(row, WriteOptions.defaults());
        assertTrue(ok.success());
        assertEquals(SYS_ID, ok.sysId());
        assertTrue(ok.fields().containsKey("assigned_to"));
        assertNull(ok.fields().get("assigned_to"));
        assertEquals(7, ok.fields().get("score"));

        fake.faults().nextCalls(1, "POST", path).respond(200, "{\"success\":false}");
        assertFalse(client.secOpsIntegration().postThreatLookup(row, WriteOptions.defaults()).success());
        assertEquals(3, fake.requests("POST", path).size());
    }
}
