package io.secopskit.carbonblack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.carbonblack.internal.CappedSearch;
import io.secopskit.carbonblack.model.CreateFeedRequest;
import io.secopskit.carbonblack.model.CreateRunRequest;
import io.secopskit.carbonblack.model.Device;
import io.secopskit.carbonblack.model.DeviceQuery;
import io.secopskit.carbonblack.model.FeedInfo;
import io.secopskit.carbonblack.model.Run;
import io.secopskit.carbonblack.model.RunQuery;
import io.secopskit.carbonblack.model.RunResult;
import io.secopskit.carbonblack.model.RunResultQuery;
import io.secopskit.core.error.SecOpsException;
import io.secopskit.core.error.ValidationException;
import io.secopskit.core.paging.Page;
import io.secopskit.testkit.FakeRequest;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 5 for Carbon Black: every list is a {@code PagedIterable} whose pages carry continuation
 * tokens (start/rows positions and scroll cursors alike), a token resumes in another client, a token of
 * another list is refused before sending; and the 10,000-row window is never overstepped.
 */
class PagingTest extends CarbonBlackTestBase {

    private Run run() {
        return cb.liveQuery().runs().create(CreateRunRequest.of("select * from processes;"));
    }

    private static int row(RunResult r) {
        return ((Number) r.fields().get("row")).intValue();
    }

    @Test
    void results_exactly10000Rows_lastPageAsksOnlyForWhatIsLeftOfTheWindow() {
        Run run = run();
        fake.seedRunResults(run.id(), 10_000);

        long count = cb.liveQuery().results(run.id(), RunResultQuery.builder().pageSize(3000).build()).stream().count();

        assertEquals(10_000, count);
        List<FakeRequest> sent = fake.requests("POST", RUNS + "/" + run.id() + "/results/_search");
        assertEquals(List.of("0/3000", "3000/3000", "6000/3000", "9000/1000"), sent.stream()
                .map(r -> r.json().get("start").asLong() + "/" + r.json().get("rows").asInt()).collect(Collectors.toList()));
        assertTrue(fake.requests("POST", RUNS + "/results/_scroll").isEmpty());
    }

    @Test
    void results_setGrowingPastTheWindowWhileRead_failsTypedAtTheWindow_andARestartReadsEverythingOnce() {
        Run run = run();
        fake.seedRunResults(run.id(), 9_000);
        Iterator<RunResult> it = cb.liveQuery().results(run.id(), RunResultQuery.builder().pageSize(5000).build()).iterator();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 5000; i++) {
            seen.add(row(it.next()));
        }
        fake.seedRunResults(run.id(), 3_000);

        for (int i = 0; i < 5000; i++) {
            seen.add(row(it.next()));
        }
        SecOpsException e = assertThrows(SecOpsException.class, it::hasNext);

        assertEquals(CappedSearch.CAP_REACHED, e.vendorCode());
        assertEquals("SearchResults", e.operation());
        assertTrue(e.getMessage().contains("iterate again from the start"), e.getMessage());
        assertEquals(10_000, seen.size());
        assertEquals(2, fake.requests("POST", RUNS + "/" + run.id() + "/results/_search").size(), "no request past the window");

        Set<Integer> again = new HashSet<>();
        cb.liveQuery().results(run.id(), RunResultQuery.builder().pageSize(5000).build()).forEach(r -> assertTrue(again.add(row(r))));
        assertEquals(12_000, again.size());
    }

    @Test
    void devices_continuationToken_resumesInAnotherClient_acrossTheScroll_eachDeviceOnce() {
        fake.seedDevices(12_345);
        DeviceQuery query = DeviceQuery.builder().pageSize(5000).build();
        Set<Long> ids = new HashSet<>();
        Iterator<Page<Device>> pages = cb.devices().list(query).byPage().iterator();
        Page<Device> first = pages.next();
        first.items().forEach(d -> assertTrue(ids.add(d.id())));
        String token = first.continuationToken();
        assertTrue(token.startsWith("v1."), token);

        try (CarbonBlackClient other = client(CUSTOM_ID, CUSTOM_SECRET)) {
            for (Page<Device> p : other.devices().list(query).byPage(token)) {
                p.items().forEach(d -> assertTrue(ids.add(d.id()), "device " + d.id() + " seen twice"));
            }
        }

        assertEquals(12_345, ids.size());
        List<FakeRequest> scrolls = fake.requests("POST", DEVICES + "/_scroll");
        assertEquals(3, scrolls.size(), "the first scroll page, then two more after resuming");
        assertEquals(List.of("", "5000", "10000"), scrolls.stream().map(r -> r.json().get("search_after").asText())
                .collect(Collectors.toList()), "resumed at the cursor");
        assertEquals(1, fake.requests("POST", DEVICES + "/_search").size(), "the resumed list goes straight to the scroll");
    }

    @Test
    void runs_continuationToken_resumesAtTheNextStart() {
        for (int i = 0; i < 5; i++) {
            run();
        }
        Page<Run> first = cb.liveQuery().runs().list(RunQuery.builder().pageSize(2).build()).byPage().iterator().next();
        fake.clearJournal();

        List<Run> rest = cb.liveQuery().runs().list(RunQuery.builder().pageSize(2).build()).resumeFrom(first.continuationToken())
                .stream().collect(Collectors.toList());

        assertEquals(3, rest.size());
        assertEquals(List.of(2L, 4L), fake.requests("POST", RUNS + "/_search").stream().map(r -> r.json().get("start").asLong())
                .collect(Collectors.toList()));
    }

    @Test
    void tokenOfAnotherList_orAnotherRun_isRefusedBeforeSending() {
        Run a = run();
        Run b = run();
        fake.seedRunResults(a.id(), 5);
        fake.seedRunResults(b.id(), 5);
        fake.seedDevices(5);
        String resultsOfA = cb.liveQuery().results(a.id(), RunResultQuery.builder().pageSize(2).build()).byPage().iterator().next()
                .continuationToken();
        String devicesToken = cb.devices().list(DeviceQuery.builder().pageSize(2).build()).byPage().iterator().next()
                .continuationToken();
        fake.clearJournal();

        ValidationException otherRun = assertThrows(ValidationException.class,
                () -> cb.liveQuery().results(b.id(), RunResultQuery.builder().pageSize(2).build()).byPage(resultsOfA).iterator());
        assertEquals("continuationToken", otherRun.field());
        ValidationException otherList = assertThrows(ValidationException.class,
                () -> cb.liveQuery().runs().list(RunQuery.all()).byPage(devicesToken).iterator());
        assertEquals("continuationToken", otherList.field());
        ValidationException garbage = assertThrows(ValidationException.class,
                () -> cb.devices().list(DeviceQuery.all()).byPage("v1.bm90LWEtdG9rZW4").iterator());
        assertEquals("continuationToken", garbage.field());
        assertTrue(fake.requests().isEmpty(), fake.requests().toString());
    }

    @Test
    void feeds_areOnePage_withoutAContinuationToken() {
        cb.feeds().create(CreateFeedRequest.of(FeedInfo.of("a", "https://x.example", "s", "c")));
        cb.feeds().create(CreateFeedRequest.of(FeedInfo.of("b", "https://x.example", "s", "c")));

        List<Page<FeedInfo>> pages = new java.util.ArrayList<>();
        cb.feeds().list().byPage().forEach(pages::add);

        assertEquals(1, pages.size());
        assertEquals(2, pages.get(0).items().size());
        assertNull(pages.get(0).continuationToken());
    }

    @Test
    void deviceQuery_isSentExactly() {
        fake.seedDevices(2);

        cb.devices().list(DeviceQuery.builder().query("os:WINDOWS").criterion("status", "REGISTERED", "BYPASS")
                .exclusion("sensor_version", "3.4.0.1").sort("name", true).pageSize(50).build()).stream().count();

        assertEquals("{\"query\":\"os:WINDOWS\",\"criteria\":{\"status\":[\"REGISTERED\",\"BYPASS\"]},"
                + "\"exclusions\":{\"sensor_version\":[\"3.4.0.1\"]},\"sort\":[{\"field\":\"name\",\"order\":\"DESC\"}],"
                + "\"start\":1,\"rows\":50}", fake.lastRequest().body());
    }

    @Test
    void queries_badPageSizeOrCriteria_areValidationExceptions_namingTheField() {
        for (int bad : new int[] {0, -1, 10_001}) {
            assertEquals("pageSize", assertThrows(ValidationException.class, () -> RunResultQuery.builder().pageSize(bad).build()).field());
            assertEquals("pageSize", assertThrows(ValidationException.class, () -> DeviceQuery.builder().pageSize(bad).build()).field());
            assertEquals("pageSize", assertThrows(ValidationException.class, () -> RunQuery.builder().pageSize(bad).build()).field());
        }
        assertEquals("criteria.status", assertThrows(ValidationException.class,
                () -> RunResultQuery.builder().criterion("status")).field());
        assertEquals("criteria.status", assertThrows(ValidationException.class,
                () -> RunResultQuery.builder().criterion("status", "matched", null)).field());
        assertEquals("criteria", assertThrows(ValidationException.class, () -> RunQuery.builder().criterion(" ", "x")).field());
        assertEquals("sort", assertThrows(ValidationException.class, () -> DeviceQuery.builder().sort(null, false)).field());
        assertEquals("exclusions.os", assertThrows(ValidationException.class, () -> DeviceQuery.builder().exclusion("os")).field());
        assertEquals("query", assertThrows(ValidationException.class, () -> cb.devices().list(null)).field());
        assertEquals("query", assertThrows(ValidationException.class, () -> cb.liveQuery().runs().list(null)).field());
        assertEquals("query", assertThrows(ValidationException.class, () -> cb.liveQuery().results("run-1", null)).field());
        assertEquals("query", assertThrows(ValidationException.class, () -> cb.feeds().list(null)).field());
        assertEquals(10_000, DeviceQuery.builder().pageSize(10_000).build().pageSize());
        assertTrue(fake.requests().isEmpty());
    }
}
