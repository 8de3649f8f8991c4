package io.secopskit.carbonblack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.carbonblack.model.FeedInfo;
import io.secopskit.carbonblack.model.RunResultQuery;
import io.secopskit.core.error.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 §6 for every id parameter of Carbon Black: {@code .}, {@code ..}, empty, null, control characters
 * (CR/LF, NUL, DEL, C1, U+2028), over-long ids and ids holding {@code /}, {@code \} or whitespace give a
 * {@link ValidationException} naming the parameter and its operation before anything is sent — so
 * {@code runs().cancel("..")} cannot become {@code PUT .../runs/status} and {@code feeds().delete("..")}
 * cannot become {@code DELETE .../orgs/{org}}. The message quotes at most 64 characters, control characters
 * escaped.
 */
class IdValidationTest extends CarbonBlackTestBase {
    private static final FeedInfo INFO = FeedInfo.of("n", "https://x.example", "s", "c");

    private static final List<String> BAD_IDS = List.of("..", ".", "", "abc\r\nX-Injected: 1", "abc\u0000", "abc\u007f",
            "abc\u0085", "abc\u2028", "../../appservices", "a/b", "a\\b", "a b", "a\tb", "x".repeat(513));

    /** Every id parameter: its name, its operation and the call that takes it. */
    private Map<String, Case> cases() {
        Map<String, Case> m = new LinkedHashMap<>();
        m.put("runs().get", new Case("run_id", "GetRun", id -> cb.liveQuery().runs().get(id)));
        m.put("runs().cancel", new Case("run_id", "CancelRun", id -> cb.liveQuery().runs().cancel(id)));
        m.put("runs().delete", new Case("run_id", "DeleteRun", id -> cb.liveQuery().runs().delete(id)));
        m.put("runs().waitForCompletion", new Case("run_id", "GetRun",
                id -> cb.liveQuery().runs().waitForCompletion(id, Duration.ofMinutes(1))));
        m.put("results", new Case("run_id", "SearchResults", id -> cb.liveQuery().results(id, RunResultQuery.all())));
        m.put("feeds().get", new Case("feed_id", "GetFeed", id -> cb.feeds().get(id)));
        m.put("feeds().delete", new Case("feed_id", "DeleteFeed", id -> cb.feeds().delete(id)));
        m.put("feeds().updateInfo", new Case("feed_id", "UpdateFeedInfo", id -> cb.feeds().updateInfo(id, INFO)));
        m.put("feeds().replaceReports", new Case("feed_id", "ReplaceReports", id -> cb.feeds().replaceReports(id, List.of())));
        return m;
    }

    private record Case(String field, String operation, Consumer<String> call) {
    }

    @Test
    void everyIdParameter_refusesEveryBadId_beforeAnythingIsSent() {
        List<String> checked = new ArrayList<>();
        cases().forEach((name, c) -> {
            for (String bad : BAD_IDS) {
                ValidationException e = assertThrows(ValidationException.class, () -> c.call().accept(bad), name + " " + bad);
                assertEquals(c.field(), e.field(), name);
                assertEquals(c.operation(), e.operation(), name);
                assertEquals("carbonblack", e.vendor());
                assertFalse(e.getMessage().contains("\r") || e.getMessage().contains("\n") || e.getMessage().contains("\u0000"),
                        e.getMessage());
                assertTrue(e.getMessage().length() < 400, "the id is quoted short: " + e.getMessage().length());
                checked.add(name);
            }
            ValidationException nul = assertThrows(ValidationException.class, () -> c.call().accept(null), name);
            assertEquals(c.field(), nul.field());
        });
        assertEquals(9 * BAD_IDS.size(), checked.size());
        assertTrue(fake.requests().isEmpty(), "nothing reached the defense host: " + fake.requests());
        assertTrue(fake.apiHost().requests().isEmpty());
    }

    @Test
    void dotDotOnCancelAndFeedDelete_namesTheRule() {
        ValidationException cancel = assertThrows(ValidationException.class, () -> cb.liveQuery().runs().cancel(".."));
        assertTrue(cancel.rule().contains("dot segment"), cancel.rule());
        ValidationException delete = assertThrows(ValidationException.class, () -> cb.feeds().delete(".."));
        assertTrue(delete.rule().contains("dot segment"), delete.rule());
        ValidationException longId = assertThrows(ValidationException.class, () -> cb.feeds().delete("y".repeat(5000)));
        assertTrue(longId.rule().contains("at most 512 characters (got 5000"), longId.rule());
        assertTrue(longId.getMessage().contains("… (5000 characters)"), longId.getMessage());
        ValidationException crlf = assertThrows(ValidationException.class, () -> cb.feeds().get("a\r\nb"));
        assertTrue(crlf.getMessage().contains("\\u000d\\u000a"), crlf.getMessage());
        assertTrue(fake.requests().isEmpty());
    }

    @Test
    void goodIdsWithDashesAndUnderscores_areSent_asOnePathSegment() {
        fake.faults().nextCalls(1, "GET", FEEDS + "/90TuDxDYQtiGyg5qhwYCg").respond(404, "{\"error_code\":\"NOT_FOUND\"}");
        fake.faults().nextCalls(1, "GET", FEEDS + "/r26k-A2qn_SgK8").respond(404, "{\"error_code\":\"NOT_FOUND\"}");

        assertThrows(io.secopskit.core.error.NotFoundException.class, () -> cb.feeds().get("90TuDxDYQtiGyg5qhwYCg"));
        assertThrows(io.secopskit.core.error.NotFoundException.class, () -> cb.feeds().get("r26k-A2qn_SgK8"));

        assertEquals(List.of(FEEDS + "/90TuDxDYQtiGyg5qhwYCg", FEEDS + "/r26k-A2qn_SgK8"),
                fake.requests().stream().map(io.secopskit.testkit.FakeRequest::path).toList());
    }

    @Test
    void waitForCompletion_nonPositiveTimeout_isRefusedBeforeSending() {
        for (Duration bad : java.util.Arrays.asList(Duration.ZERO, Duration.ofSeconds(-1), null)) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> cb.liveQuery().runs().waitForCompletion("run-1", bad));
            assertEquals("timeout", e.field());
        }
        assertTrue(fake.requests().isEmpty());
    }
}
