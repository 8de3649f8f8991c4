package io.secopskit.carbonblack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.carbonblack.model.CreateRunRequest;
import io.secopskit.carbonblack.model.DeviceFilter;
import io.secopskit.carbonblack.model.Run;
import io.secopskit.carbonblack.model.RunResult;
import io.secopskit.carbonblack.model.RunStatus;
import io.secopskit.carbonblack.model.Schedule;
import io.secopskit.carbonblack.model.RunQuery;
import io.secopskit.carbonblack.model.RunResultQuery;
import io.secopskit.core.error.RateLimitedException;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.error.ValidationException;
import io.secopskit.testkit.FakeRequest;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Live Query runs and results: what is sent, where, and how results page across the 10,000-row window. */
class LiveQueryTest extends CarbonBlackTestBase {

    private Run simpleRun() {
        return cb.liveQuery().runs().create(CreateRunRequest.of("select * from processes;"));
    }

    @Test
    void runsCreate_postsFullBodyToDefenseHost_withExactXAuthToken() {
        Run run = cb.liveQuery().runs().create(new CreateRunRequest("select name from users;", "who is here", true,
                new DeviceFilter(List.of(101L, 102L), List.of("WINDOWS"), List.of(6525L)),
                new Schedule("RRULE:FREQ=DAILY;BYHOUR=17;BYMINUTE=30;BYSECOND=0", "UTC")));

        FakeRequest sent = fake.requests("POST", RUNS).get(0);
        assertEquals(CUSTOM_SECRET + "/" + CUSTOM_ID, sent.header("X-Auth-Token"));
        assertEquals("application/json; charset=utf-8", sent.header("Content-Type"));
        assertEquals("application/json", sent.header("Accept"));
        assertTrue(sent.header("User-Agent").startsWith("secopskit/"), sent.header("User-Agent"));
        assertEquals("{\"sql\":\"select name from users;\",\"name\":\"who is here\",\"notify_on_finish\":true,"
                + "\"device_filter\":{\"device_id\":[101,102],\"os\":[\"WINDOWS\"],\"policy_id\":[6525]},"
                + "\"schedule\":{\"rrule\":\"RRULE:FREQ=DAILY;BYHOUR=17;BYMINUTE=30;BYSECOND=0\",\"timezone\":\"UTC\"}}",
                sent.body());
        assertTrue(fake.apiHost().requests().isEmpty(), "Live Query never goes to the API host");
        assertEquals(RunStatus.ACTIVE, run.status());
        assertEquals("who is here", run.name());
        assertEquals(ORG, run.orgKey());
        assertEquals(List.of(101L, 102L), run.deviceFilter().deviceIds());
    }

    @Test
    void runsGetCancelDelete_useDocumentedMethodsAndPaths() {
        Run run = simpleRun();

        assertEquals(run.id(), cb.liveQuery().runs().get(run.id()).id());
        assertEquals(1, fake.requests("GET", RUNS + "/" + run.id()).size());
        Run cancelled = cb.liveQuery().runs().cancel(run.id());
        FakeRequest put = fake.requests("PUT", RUNS + "/" + run.id() + "/status").get(0);
        assertEquals("{\"status\":\"CANCELLED\"}", put.body());
        assertEquals(RunStatus.CANCELLED, cancelled.status());

        cb.liveQuery().runs().delete(run.id());
        assertEquals(1, fake.requests("DELETE", RUNS + "/" + run.id()).size());
        assertTrue(fake.runs().isEmpty());
    }

    @Test
    void runsCreate_withoutSql_isRejectedBeforeSending() {
        assertEquals("sql", assertThrows(ValidationException.class, () -> CreateRunRequest.of(" ")).field());
        assertTrue(fake.requests().isEmpty());
    }

    @Test
    void runsCreate_after503_isNotRetried() {
        fake.faults().nextCalls(1, "POST", RUNS).respond(503, "{\"success\":false,\"message\":\"busy\"}");
        assertThrows(ServerException.class, this::simpleRun);
        assertEquals(1, fake.requests("POST", RUNS).size());
    }

    @Test
    void results_25000Rows_iterateExactlyOnce_acrossThe10kCap_viaScroll() {
        Run run = simpleRun();
        fake.seedRunResults(run.id(), 25_000);

        Set<Integer> rows = new HashSet<>();
        long count = 0;
        for (RunResult r : cb.liveQuery().results(run.id(), RunResultQuery.builder().pageSize(5000).build())) {
            assertTrue(rows.add(((Number) r.fields().get("row")).intValue()), "row seen twice");
            count++;
        }

        assertEquals(25_000, count);
        assertEquals(25_000, rows.size());
        List<FakeRequest> searches = fake.requests("POST", RUNS + "/" + run.id() + "/results/_search");
        List<FakeRequest> scrolls = fake.requests("POST", RUNS + "/results/_scroll");
        assertEquals(1, searches.size(), "one start/rows probe reveals num_found > 10,000");
        assertEquals(5, scrolls.size(), "25,000 rows in scroll pages of 5,000");
        assertEquals("", scrolls.get(0).json().get("search_after").asText());
        assertEquals("5000", scrolls.get(1).json().get("search_after").asText());
        assertEquals(run.id(), scrolls.get(0).json().path("criteria").path("run_id").get(0).asText());
        assertEquals(5000, scrolls.get(0).json().get("rows").asInt());
    }

    @Test
    void results_underTheCap_pageWithZeroBasedStartRows_lazily() {
        Run run = simpleRun();
        fake.seedRunResults(run.id(), 2500);

        Iterator<RunResult> it = cb.liveQuery().results(run.id(), RunResultQuery.builder().pageSize(1000)
                .criterion("status", "matched").build()).iterator();
        for (int i = 0; i < 1000; i++) {
            it.next();
        }
        String path = RUNS + "/" + run.id() + "/results/_search";
        assertEquals(1, fake.requests("POST", path).size());
        int rest = 0;
        while (it.hasNext()) {
            it.next();
            rest++;
        }

        assertEquals(1500, rest);
        assertEquals(List.of(0L, 1000L, 2000L), fake.requests("POST", path).stream()
                .map(r -> r.json().get("start").asLong()).collect(Collectors.toList()));
        assertEquals("matched", fake.requests("POST", path).get(0).json().path("criteria").path("status").get(0).asText());
        assertTrue(fake.requests("POST", RUNS + "/results/_scroll").isEmpty());
    }

    @Test
    void runsList_pagesHistoryWithZeroBasedStart() {
        for (int i = 0; i < 7; i++) {
            simpleRun();
        }
        List<Run> all = cb.liveQuery().runs().list(RunQuery.builder().pageSize(3).build()).stream().collect(Collectors.toList());
        assertEquals(7, all.size());
        assertEquals(List.of(0L, 3L, 6L), fake.requests("POST", RUNS + "/_search").stream()
                .map(r -> r.json().get("start").asLong()).collect(Collectors.toList()));
        assertEquals(3, fake.requests("POST", RUNS + "/_search").get(0).json().get("rows").asInt());
    }

    @Test
    void runsWaitForCompletion_pollsWithBackoffUntilComplete() {
        Run run = simpleRun();
        fake.completeRunAfterPolls(run.id(), 4);

        Run done = cb.liveQuery().runs().waitForCompletion(run.id(), Duration.ofMinutes(5));

        assertEquals(RunStatus.COMPLETE, done.status());
        assertEquals(4, fake.requests("GET", RUNS + "/" + run.id()).size());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), sleeps);
    }

    @Test
    void runsWaitForCompletion_runStillActiveAtDeadline_throwsWithLastSeenRun() {
        Run run = simpleRun();

        RunWaitTimeoutException e = assertThrows(RunWaitTimeoutException.class,
                () -> cb.liveQuery().runs().waitForCompletion(run.id(), Duration.ofSeconds(10)));

        assertEquals(RunStatus.ACTIVE, e.lastSeen().status());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(3)), sleeps,
                "the last wait is cut to the deadline");
    }

    @Test
    void rateLimit429_holdsEveryOperation_failingFastUntilRetryAfterHasPassed() {
        Run run = simpleRun();
        fake.faults().nextCalls(1, "POST", RUNS).respondWithRetryAfter(429, "3", "{\"success\":false,\"message\":\"Too many\"}");
        RateLimitedException e = assertThrows(RateLimitedException.class, this::simpleRun);
        assertEquals(Duration.ofSeconds(3), e.retryAfter().orElseThrow());
        assertTrue(sleeps.isEmpty(), "the POST itself is not retried");
        int feedCalls = fake.requests("GET", FEEDS).size();

        RateLimitedException held = assertThrows(RateLimitedException.class, () -> cb.feeds().list().stream().count());
        assertEquals("CLIENT_HOLD", held.vendorCode());
        assertEquals(Duration.ofSeconds(3), held.retryAfter().orElseThrow());
        assertEquals(feedCalls, fake.requests("GET", FEEDS).size(),
                "a different operation is not sent during the hold");

        clock.advance(Duration.ofSeconds(3));
        cb.feeds().list().stream().count();
        assertEquals(feedCalls + 1, fake.requests("GET", FEEDS).size());
        assertTrue(sleeps.isEmpty(), "nobody waited: the hold fails fast");
    }

    @Test
    void results_malformedQuery_raisesQuerySyntaxException() {
        Run run = simpleRun();
        fake.seedRunResults(run.id(), 3);

        QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> cb.liveQuery()
                .results(run.id(), RunResultQuery.builder().query("(path:foo").build()).stream().count());

        assertEquals(400, e.httpStatus());
        assertEquals("query_malformed_syntax", e.vendorCode());
        assertFalse(e.getMessage().contains(CUSTOM_SECRET));
    }
}
