package io.secopskit.core.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.secopskit.core.error.ValidationException;
import io.secopskit.core.http.ClientOptions;
import io.secopskit.core.http.Operation;
import io.secopskit.core.spi.ApiRequest;
import io.secopskit.core.spi.VendorPipeline;
import io.secopskit.core.spi.Pager;
import io.secopskit.testkit.FakeRequest;
import io.secopskit.testkit.FakeResponse;
import io.secopskit.testkit.FakeVendor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PagedIterableTest {
    private static final Operation LIST = Operation.builder("acme", "ListThings", "GET", "/things").build();

    /** Serves 25 items: ?page=N&size=M (1-based), and ?start=&rows= (0-based offset), and ?cursor=. */
    private static final class ThingsFake extends FakeVendor {
        ThingsFake() {
            route("GET", "/things", this::list);
            start();
        }

        private FakeResponse list(FakeRequest r) {
            int size = Integer.parseInt(r.queryParam("size"));
            int from;
            if (r.queryParam("page") != null) {
                from = (Integer.parseInt(r.queryParam("page")) - 1) * size;
            } else if (r.queryParam("start") != null) {
                from = Integer.parseInt(r.queryParam("start"));
            } else {
                from = r.queryParam("cursor") == null ? 0 : Integer.parseInt(r.queryParam("cursor").substring(1));
            }
            int to = Math.min(25, from + size);
            String items = IntStream.range(from, to).mapToObj(i -> "\"t" + i + "\"").collect(Collectors.joining(","));
            String next = to < 25 ? "\"c" + to + "\"" : "null";
            return FakeResponse.json(200, "{\"items\":[" + items + "],\"total\":25,\"next\":" + next + "}");
        }

        @Override
        protected FakeResponse authenticate(FakeRequest request) {
            return null;
        }
    }

    private final ThingsFake fake = new ThingsFake();
    private final VendorPipeline pipeline = VendorPipeline.builder("acme").endpoint(fake.baseUri())
            .options(ClientOptions.builder().sleeper(d -> { }).build()).build();

    @AfterEach
    void tearDown() {
        fake.close();
    }

    private static List<String> items(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.get("items").forEach(i -> out.add(i.asText()));
        return out;
    }

    private PagedIterable<String> byPageNumber() {
        return Pager.pageNumber("acme.ListThings", 1, 10, (page, size) -> {
            JsonNode n = pipeline.call(ApiRequest.of(LIST).query("page", page).query("size", size).build(), JsonNode.class);
            return new Pager.Slice<>(items(n), null, n.get("total").asLong());
        });
    }

    @Test
    void pageNumber_requestsPage2OnlyWhenIterationReachesIt() {
        PagedIterable<String> things = byPageNumber();
        assertEquals(0, fake.requests().size(), "nothing is fetched before iteration");

        Iterator<String> it = things.iterator();
        for (int i = 0; i < 10; i++) {
            it.next();
        }
        assertEquals(1, fake.requests().size(), "10 items consumed: still only page 1");
        assertEquals("1", fake.requests().get(0).queryParam("page"));

        assertEquals("t10", it.next());
        assertEquals(2, fake.requests().size());
        assertEquals("2", fake.lastRequest().queryParam("page"));
        assertEquals("10", fake.lastRequest().queryParam("size"));
    }

    @Test
    void pageNumber_iteratesAllItemsExactlyOnceAndStopsAtTotal() {
        List<String> all = byPageNumber().stream().collect(Collectors.toList());

        assertEquals(IntStream.range(0, 25).mapToObj(i -> "t" + i).collect(Collectors.toList()), all);
        assertEquals(3, fake.requests().size(), "pages of 10, 10, 5 and no empty fourth request");
    }

    @Test
    void iterable_eachIteratorStartsFresh() {
        PagedIterable<String> things = byPageNumber();
        assertEquals(25, things.stream().count());
        assertEquals(25, things.stream().count());
        assertEquals(6, fake.requests().size());
    }

    @Test
    void offsetZeroBased_andCursor_styles_coverAllItems() {
        PagedIterable<String> offset = Pager.offset("acme.ListThings", 0, 7, (start, rows) -> {
            JsonNode n = pipeline.call(ApiRequest.of(LIST).query("start", start).query("size", rows).build(), JsonNode.class);
            return new Pager.Slice<>(items(n), null, n.get("total").asLong());
        });
        PagedIterable<String> cursor = Pager.token("acme.ListThingsByCursor", token -> {
            JsonNode n = pipeline.call(ApiRequest.of(LIST).query("cursor", token).query("size", 8).build(), JsonNode.class);
            return new Pager.Step<>(items(n), n.get("next").isNull() ? null : n.get("next").asText(), -1);
        });

        assertEquals(25, offset.stream().distinct().count());
        assertEquals(25, cursor.stream().distinct().count());
        assertEquals(List.of("0", "7", "14", "21"), fake.requests().stream().map(r -> r.queryParam("start"))
                .filter(s -> s != null).collect(Collectors.toList()));
    }

    @Test
    void byPage_exposesPageBoundariesAndTotal() {
        List<Page<String>> pages = new ArrayList<>();
        byPageNumber().byPage().forEach(pages::add);

        assertEquals(3, pages.size());
        assertEquals(5, pages.get(2).items().size());
        assertEquals(2, pages.get(2).index());
        assertEquals(25, pages.get(0).total().getAsLong());
        assertTrue(pages.get(0).total().isPresent());
        assertFalse(new Page<String>(List.of(), 0, -1, null).total().isPresent());
        assertTrue(pages.get(0).nextToken().isPresent());
        assertFalse(pages.get(2).nextToken().isPresent(), "the last page has no continuation token");
    }

    @Test
    void byPageFromToken_resumesAtTheNamedPage_withoutRefetchingEarlierOnes() {
        Page<String> first = byPageNumber().byPage().iterator().next();
        fake.clearJournal();

        List<String> rest = new ArrayList<>();
        for (Page<String> page : byPageNumber().byPage(first.continuationToken())) {
            rest.addAll(page.items());
        }

        assertEquals(IntStream.range(10, 25).mapToObj(i -> "t" + i).collect(Collectors.toList()), rest);
        assertEquals(List.of("2", "3"), fake.requests().stream().map(r -> r.queryParam("page")).collect(Collectors.toList()),
                "a resumed list starts at page 2; page 1 is not fetched again");
    }

    @Test
    void resumeFrom_cursorToken_inAFreshIterable_continuesWithTheVendorCursor() {
        PagedIterable<String> cursor = Pager.token("acme.ListThingsByCursor", token -> {
            JsonNode n = pipeline.call(ApiRequest.of(LIST).query("cursor", token).query("size", 8).build(), JsonNode.class);
            return new Pager.Step<>(items(n), n.get("next").isNull() ? null : n.get("next").asText(), -1);
        });
        String token = cursor.byPage().iterator().next().continuationToken();
        fake.clearJournal();

        List<String> rest = cursor.resumeFrom(token).stream().collect(Collectors.toList());

        assertEquals(17, rest.size());
        assertEquals("t8", rest.get(0));
        assertEquals("c8", fake.requests().get(0).queryParam("cursor"), "the vendor's own cursor is sent");
    }

    @Test
    void byPageFromToken_ofAnotherList_isRefusedBeforeAnyRequest() {
        String token = byPageNumber().byPage().iterator().next().continuationToken();
        fake.clearJournal();
        PagedIterable<String> other = Pager.offset("acme.ListOthers", 0, 7, (s, r) -> new Pager.Slice<>(List.of("x"), false, -1));

        ValidationException e = assertThrows(ValidationException.class, () -> other.byPage(token).iterator());
        assertEquals("continuationToken", e.field());
        assertTrue(e.getMessage().contains("acme.ListOthers"), e.getMessage());
        ValidationException garbage = assertThrows(ValidationException.class,
                () -> byPageNumber().byPage("v2.not-a-token").iterator());
        assertTrue(garbage.getMessage().contains("unknown version"), garbage.getMessage());
        assertThrows(ValidationException.class, () -> byPageNumber().byPage("v1.%%%").iterator());
        assertEquals(0, fake.requests().size());
    }
}
