package io.secopskit.stellar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.error.NotFoundException;
import io.secopskit.core.error.RateLimitedException;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.error.ValidationException;
import io.secopskit.core.paging.Page;
import io.secopskit.stellar.model.Case;
import io.secopskit.stellar.model.CaseComment;
import io.secopskit.stellar.model.CaseQuery;
import io.secopskit.stellar.model.CaseSeverity;
import io.secopskit.stellar.model.CaseStatus;
import io.secopskit.stellar.model.CaseUpdate;
import io.secopskit.testkit.FakeRequest;
import io.secopskit.testkit.FakeResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CasesClientTest extends StellarTestBase {
    private static final String CASES = "/connect/api/v1/cases";

    private List<FakeRequest> listCalls() {
        return fake.requests("GET", CASES);
    }

    @Test
    void list_sendsEveryFilterAsDocumentedQuery() {
        fake.seedCases(TENANT, 3);
        Instant from = Instant.parse("2026-11-01T00:00:00Z");
        Instant to = Instant.parse("2026-11-30T00:00:00Z");

        client.cases().list(CaseQuery.builder().tenantId(TENANT).pageSize(10).sort("score").descending()
                .createdBetween(from, to).modifiedBetween(from, to).status(CaseStatus.IN_PROGRESS)
                .severity(CaseSeverity.HIGH).tag("phishing").tag("vip").build()).stream().count();

        FakeRequest sent = listCalls().get(0);
        assertEquals(TENANT, sent.queryParam("tenantid"));
        assertEquals("10", sent.queryParam("limit"));
        assertEquals("0", sent.queryParam("skip"));
        assertEquals("score", sent.queryParam("sort"));
        assertEquals("desc", sent.queryParam("order"));
        assertEquals(String.valueOf(from.toEpochMilli()), sent.queryParam("FROM~created_at"));
        assertEquals(String.valueOf(to.toEpochMilli()), sent.queryParam("TO~created_at"));
        assertEquals(String.valueOf(from.toEpochMilli()), sent.queryParam("FROM~modified_at"));
        assertEquals(String.valueOf(to.toEpochMilli()), sent.queryParam("TO~modified_at"));
        assertEquals("In Progress", sent.queryParam("status"));
        assertEquals("High", sent.queryParam("severity"));
        assertEquals("phishing,vip", sent.queryParam("tags"));
        assertTrue(sent.header("Authorization").startsWith("Bearer "));
        assertEquals("application/json", sent.header("Accept"));
        assertTrue(sent.header("User-Agent").startsWith("secopskit/"), sent.header("User-Agent"));
    }

    @Test
    void list_1234Cases_pagesEachExactlyOnce_fetchingLazily() {
        Set<String> seeded = new HashSet<>(fake.seedCases(TENANT, 1234));
        Iterator<Case> it = client.cases().list(CaseQuery.builder().tenantId(TENANT).pageSize(100).build()).iterator();
        assertTrue(listCalls().isEmpty(), "nothing fetched before iteration");
        for (int i = 0; i < 100; i++) {
            it.next();
        }
        assertEquals(1, listCalls().size(), "page 2 is fetched only when iteration reaches it");

        Set<String> seen = new HashSet<>();
        int count = 100;
        while (it.hasNext()) {
            assertTrue(seen.add(it.next().id()));
            count++;
        }

        assertEquals(1234, count);
        assertEquals(13, listCalls().size(), "12 full pages and one of 34; no empty extra request");
        assertEquals(List.of("0", "100", "200", "300", "400", "500", "600", "700", "800", "900", "1000", "1100", "1200"),
                listCalls().stream().map(r -> r.queryParam("skip")).collect(Collectors.toList()));
        assertTrue(seeded.containsAll(seen));
    }

    @Test
    void list_sortsDescendingByScore_andReadsTypedCases() {
        fake.seedCases(TENANT, 5);

        List<Case> top = client.cases().list(CaseQuery.builder().tenantId(TENANT).sort("score").descending().pageSize(2).build())
                .stream().limit(2).collect(Collectors.toList());

        assertEquals(5.0, top.get(0).score());
        assertEquals(4.0, top.get(1).score());
        assertEquals(CaseStatus.NEW, top.get(0).status());
        assertEquals(CaseSeverity.CRITICAL, top.get(0).severity());
        assertEquals(TENANT, top.get(0).tenantId());
        assertEquals(Instant.parse("2026-11-22T11:55:00Z"), top.get(0).createdAt(), "epoch milliseconds read as Instant");
        assertEquals(1, listCalls().size());
    }

    @Test
    void caseQuery_pageSize501_isRejectedClientSide() {
        ValidationException e = assertThrows(ValidationException.class, () -> CaseQuery.builder().pageSize(501).build());
        assertEquals("pageSize", e.field());
        assertTrue(e.getMessage().contains("between 1 and 500"), e.getMessage());
        assertThrows(ValidationException.class, () -> CaseQuery.builder().pageSize(0).build());
        assertThrows(ValidationException.class, () -> CaseQuery.builder().skip(-1).build());
        assertThrows(ValidationException.class, () -> CaseQuery.builder()
                .createdBetween(Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z")).build());
        CaseQuery.builder().pageSize(500).build();
        assertTrue(fake.requests().isEmpty());
    }

    @Test
    void get_returnsTheCase_andUnknownIdIsNotFound() {
        String id = fake.seedCases(TENANT, 2).get(1);

        Case c = client.cases().get(id);

        assertEquals(id, c.id());
        assertEquals("Case 1", c.name());
        assertEquals(CASES + "/" + id, fake.lastRequest().path());
        assertThrows(NotFoundException.class, () -> client.cases().get("0000000000000000"));
    }

    @Test
    void update_putsOnlyChangedFields_withTagAddAndDelete() {
        String id = fake.seedCases(TENANT, 1).get(0);
        client.cases().update(id, CaseUpdate.builder().addTag("old").build());

        Case updated = client.cases().update(id, CaseUpdate.builder().status(CaseStatus.RESOLVED)
                .severity(CaseSeverity.LOW).assignee("analyst-7").addTag("phishing").removeTag("old")
                .resolution("false positive").build());

        FakeRequest sent = fake.requests("PUT", CASES + "/" + id).get(1);
        assertEquals("{\"status\":\"Resolved\",\"severity\":\"Low\",\"assignee\":\"analyst-7\","
                + "\"tags\":{\"add\":[\"phishing\"],\"delete\":[\"old\"]},\"resolution\":\"false positive\"}", sent.body());
        assertEquals(CaseStatus.RESOLVED, updated.status());
        assertEquals(CaseSeverity.LOW, updated.severity());
        assertEquals("analyst-7", updated.assignee());
        assertEquals(List.of("phishing"), updated.tags());
    }

    @Test
    void update_withNothingToChange_isRejectedClientSide() {
        ValidationException e = assertThrows(ValidationException.class, () -> CaseUpdate.builder().build());
        assertEquals("update", e.field());
    }

    @Test
    void comments_createThenList() {
        String id = fake.seedCases(TENANT, 1).get(0);

        CaseComment added = client.cases().comments().create(id, "escalated to tier 2");
        List<Page<CaseComment>> pages = new ArrayList<>();
        client.cases().comments().list(id).byPage().forEach(pages::add);

        FakeRequest post = fake.requests("POST", CASES + "/" + id + "/comments").get(0);
        assertEquals("{\"comment\":\"escalated to tier 2\"}", post.body());
        assertTrue(post.header("Content-Type").startsWith("application/json"), post.header("Content-Type"));
        assertEquals("escalated to tier 2", added.comment());
        assertEquals(1, pages.size(), "the vendor answers in one page");
        assertEquals(List.of(added.id()), pages.get(0).items().stream().map(CaseComment::id).collect(Collectors.toList()));
        assertNull(pages.get(0).continuationToken(), "a single-answer list has nothing to resume");
        assertEquals(1, fake.requests("GET", CASES + "/" + id + "/comments").size());
        assertEquals("comment", assertThrows(ValidationException.class,
                () -> client.cases().comments().create(id, " ")).field());
    }

    @Test
    void commentsCreate_after503_isNotRetried() {
        String id = fake.seedCases(TENANT, 1).get(0);
        fake.faults().nextCalls(1, "POST", CASES).respond(503, "{\"error\":\"busy\"}");

        assertThrows(ServerException.class, () -> client.cases().comments().create(id, "x"));

        assertEquals(1, fake.requests("POST", CASES + "/" + id + "/comments").size());
    }

    @Test
    void list_continuationToken_resumesAtTheNextPage_inANewIteration() {
        fake.seedCases(TENANT, 250);
        CaseQuery query = CaseQuery.builder().tenantId(TENANT).pageSize(100).build();
        Page<Case> first = client.cases().list(query).byPage().iterator().next();
        String token = first.continuationToken();
        assertNotNull(token);
        fake.clearJournal();

        List<String> rest = client.cases().list(query).resumeFrom(token).stream().map(Case::id).collect(Collectors.toList());

        assertEquals(150, rest.size());
        assertEquals(List.of("100", "200"), listCalls().stream().map(r -> r.queryParam("skip")).collect(Collectors.toList()));
        assertTrue(java.util.Collections.disjoint(rest, first.items().stream().map(Case::id).collect(Collectors.toList())));
    }

    @Test
    void list_tokenOfAnotherList_isRefusedBeforeSending() {
        fake.seedCases(TENANT, 5);
        String otherListToken = "v1." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("stellar.ListTenants\n0".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        fake.clearJournal();

        ValidationException e = assertThrows(ValidationException.class, () -> client.cases()
                .list(CaseQuery.builder().build()).resumeFrom(otherListToken).iterator().hasNext());

        assertEquals("continuationToken", e.field());
        assertTrue(fake.requests().isEmpty());
    }

    @Test
    void list_answerWithoutTotal_pagesUntilAShortPage() {
        fake.seedCases(TENANT, 5);
        fake.faults().nextCalls(1, "GET", CASES).respond(200,
                "{\"data\":{\"cases\":[{\"_id\":\"a1\"},{\"_id\":\"a2\"}]}}");

        List<String> ids = client.cases().list(CaseQuery.builder().pageSize(2).build()).stream().map(Case::id)
                .collect(Collectors.toList());

        assertEquals(2 + 3, ids.size(), "a full page without total asks for more; the fake's pages then follow");
        assertEquals(List.of("0", "2", "4"), listCalls().stream().map(r -> r.queryParam("skip")).collect(Collectors.toList()));
    }

    @Test
    void list_nullData_isATypedServerError() {
        fake.faults().nextCalls(1, "GET", CASES).respond(200, "{\"data\":null}");

        ServerException e = assertThrows(ServerException.class, () -> client.cases().list(CaseQuery.builder().build())
                .iterator().hasNext());

        assertEquals("ListCases", e.operation());
        assertEquals(host(), e.host());
        assertTrue(e.getMessage().contains("data"), e.getMessage());
    }

    @Test
    void rateLimitExceeded_mapsToRateLimited_andRetryAfterIsHonouredForReads() {
        fake.seedCases(TENANT, 1);
        fake.faults().nextCalls(1, "GET", CASES).respondWithRetryAfter(429, "5", "{\"error\":\"Rate limit exceeded\"}");

        assertEquals(1, client.cases().list(CaseQuery.builder().build()).stream().count());
        assertEquals(List.of(Duration.ofSeconds(5)), sleeps);

        fake.faults().nextCalls(1, "POST", CASES).respond(400, "{\"error\":\"Rate limit exceeded\"}");
        String id = client.cases().list(CaseQuery.builder().build()).iterator().next().id();
        RateLimitedException e = assertThrows(RateLimitedException.class, () -> client.cases().comments().create(id, "x"));
        assertEquals(400, e.httpStatus());
    }

    @Test
    void htmlErrorBody_isNamedWithItsStatus_butNeverQuoted() {
        fake.faults().nextCalls(3, "GET", CASES).respond(FakeResponse.text(502, "text/html",
                "<html><body>Bad Gateway</body></html>" + " ".repeat(2000)));

        ServerException e = assertThrows(ServerException.class,
                () -> client.cases().list(CaseQuery.builder().build()).stream().count());

        assertEquals(502, e.httpStatus());
        assertTrue(e.getMessage().contains("an HTML page instead of an API answer"), e.getMessage());
        assertFalse(e.getMessage().contains("<html>") || e.getMessage().contains("Bad Gateway"), e.getMessage());
        assertFalse(e.getMessage().contains("Bearer"));
    }
}
