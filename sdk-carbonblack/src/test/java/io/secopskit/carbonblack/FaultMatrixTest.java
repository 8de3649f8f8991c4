package io.secopskit.carbonblack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.carbonblack.model.CreateFeedRequest;
import io.secopskit.carbonblack.model.CreateRunRequest;
import io.secopskit.carbonblack.model.DeviceQuery;
import io.secopskit.carbonblack.model.FeedInfo;
import io.secopskit.carbonblack.model.Report;
import io.secopskit.carbonblack.model.RunQuery;
import io.secopskit.carbonblack.model.RunResultQuery;
import io.secopskit.core.Secret;
import io.secopskit.core.http.ClientOptions;
import io.secopskit.core.error.NotFoundException;
import io.secopskit.core.error.RateLimitedException;
import io.secopskit.core.error.SecOpsException;
import io.secopskit.core.error.ServerException;
import io.secopskit.core.error.TransportException;
import io.secopskit.testkit.FakeRequest;
import io.secopskit.testkit.FakeResponse;
import io.secopskit.testkit.FakeVendor;
import io.secopskit.testkit.Faults;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12's fault matrix for every Carbon Black operation. Each non-idempotent one (run create, feed
 * create, report replacement — a POST the vendor does not document as repeatable — and the read-once
 * notifications queue, a GET that takes what it reads) reaches the server exactly once under each fault and
 * fails typed. Each idempotent one (GET, PUT, DELETE, and the {@code _search}/{@code _scroll} POSTs, which
 * only read and carry their own cursor) is retried within the policy: 3 attempts by default. The read timeout
 * is real (500 ms against an answer held 2 s, only in the read-timeout cases); every other wait is recorded by
 * the test sleeper, which advances the test clock instead of sleeping. The scroll cases hold 10,001 rows (so
 * the first {@code _search} page sends the iterator to {@code _scroll}), read 15 of them in pages of 10, and
 * count the requests for the scroll's first page.
 */
class FaultMatrixTest extends CarbonBlackTestBase {
    private static final Duration READ_TIMEOUT = Duration.ofMillis(500);
    private static final Duration HELD_ANSWER = Duration.ofMillis(2000);
    private static final int MAX_ATTEMPTS = 3;
    private static final FeedInfo INFO = FeedInfo.of("Acme IOCs", "https://intel.acme.example/feed", "Acme's own", "Partner");
    private static final Report REPORT = new Report("r-1", 1_763_800_000L, "C2", "Known C2", 7, null, null, List.of());

    /** The faults of issue 12 §1, plus a 429 whose Retry-After starts Carbon Black's client-wide hold. */
    enum Fault {
        CONNECTION_DROPPED(TransportException.class, Faults.Spec::dropConnection),
        READ_TIMEOUT(TransportException.class, s -> s.delay(HELD_ANSWER)),
        UNAVAILABLE_RETRY_AFTER_0(ServerException.class,
                s -> s.respondWithRetryAfter(503, "0", "{\"success\":false,\"message\":\"Service Unavailable\"}")),
        BAD_GATEWAY(ServerException.class, s -> s.respond(FakeResponse.text(502, "text/html", "<html>502 Bad Gateway</html>"))),
        TOO_MANY_REQUESTS(RateLimitedException.class, s -> s.respond(429, "{\"success\":false,\"message\":\"Too Many Requests\"}")),
        TOO_MANY_REQUESTS_RETRY_AFTER_2(RateLimitedException.class,
                s -> s.respondWithRetryAfter(429, "2", "{\"success\":false,\"message\":\"Too Many Requests\"}"));

        final Class<? extends SecOpsException> surfacesAs;
        final Consumer<Faults.Spec> inject;

        Fault(Class<? extends SecOpsException> surfacesAs, Consumer<Faults.Spec> inject) {
            this.surfacesAs = surfacesAs;
            this.inject = inject;
        }
    }

    /** Every Carbon Black operation, with whether the SDK may repeat it. */
    enum Op {
        CREATE_RUN("CreateRun", false),
        CREATE_FEED("CreateFeed", false),
        REPLACE_REPORTS("ReplaceReports", false),
        GET_NOTIFICATIONS("GetNotifications", false),
        GET_RUN("GetRun", true),
        LIST_RUNS("SearchRuns", true),
        CANCEL_RUN("CancelRun", true),
        DELETE_RUN("DeleteRun", true),
        SEARCH_RESULTS("SearchResults", true),
        SCROLL_RESULTS("ScrollResults", true),
        LIST_FEEDS("ListFeeds", true),
        GET_FEED("GetFeed", true),
        UPDATE_FEED_INFO("UpdateFeedInfo", true),
        DELETE_FEED("DeleteFeed", true),
        SEARCH_DEVICES("SearchDevices", true),
        SCROLL_DEVICES("ScrollDevices", true),
        GET_DEVICE("GetDevice", true);

        final String operation;
        final boolean idempotent;

        Op(String operation, boolean idempotent) {
            this.operation = operation;
            this.idempotent = idempotent;
        }
    }

    /**
     * One prepared call: which host and method/path the fault targets, which of the requests there count (a
     * scroll's first page), and the call.
     */
    private record Target(FakeVendor host, String method, String path, Predicate<FakeRequest> counted, Runnable call) {
        Target(FakeVendor host, String method, String path, Runnable call) {
            this(host, method, path, r -> true, call);
        }
    }

    static Stream<Arguments> nonIdempotent() {
        return matrix(false);
    }

    static Stream<Arguments> idempotent() {
        return matrix(true);
    }

    private static Stream<Arguments> matrix(boolean idempotent) {
        List<Arguments> out = new ArrayList<>();
        for (Op op : Op.values()) {
            if (op.idempotent == idempotent) {
                for (Fault fault : Fault.values()) {
                    out.add(Arguments.of(op, fault));
                }
            }
        }
        return out.stream();
    }

    private CarbonBlackClient siem;

    @AfterEach
    void closeSiemClient() {
        if (siem != null) {
            siem.close();
        }
    }

    /**
     * Clients (the Custom key's, and a SIEM key's for the notifications queue) whose reads time out after
     * {@link #READ_TIMEOUT} when the fault is a read timeout, default timeouts otherwise; then whatever the
     * operation needs to exist, then an empty journal.
     */
    @SuppressWarnings("deprecation")
    private Target prepare(Op op, Fault fault) {
        ClientOptions opts = (fault == Fault.READ_TIMEOUT ? options().readTimeout(READ_TIMEOUT) : options()).build();
        cb.close();
        cb = builder().options(opts).apiKey(CUSTOM_ID, Secret.of(CUSTOM_SECRET)).build();
        siem = builder().options(opts).apiKey("SIEMID0001", Secret.of("SIEMSECRET")).build();
        CarbonBlackClient c = cb;
        Target target = switch (op) {
            case CREATE_RUN -> new Target(fake, "POST", RUNS, () -> c.liveQuery().runs().create(CreateRunRequest.of("select 1;")));
            case CREATE_FEED -> new Target(fake, "POST", FEEDS, () -> c.feeds().create(CreateFeedRequest.of(INFO, List.of(REPORT))));
            case REPLACE_REPORTS -> {
                String id = c.feeds().create(CreateFeedRequest.of(INFO)).id();
                yield new Target(fake, "POST", FEEDS + "/" + id + "/reports", () -> c.feeds().replaceReports(id, List.of(REPORT)));
            }
            case GET_NOTIFICATIONS -> {
                fake.pushNotification("THREAT", "malware blocked");
                yield new Target(fake.apiHost(), "GET", "/integrationServices/v3/notification", () -> siem.notifications().fetch());
            }
            case GET_RUN -> {
                String id = run(c);
                yield new Target(fake, "GET", RUNS + "/" + id, () -> c.liveQuery().runs().get(id));
            }
            case LIST_RUNS -> {
                run(c);
                yield new Target(fake, "POST", RUNS + "/_search", () -> c.liveQuery().runs().list(RunQuery.all()).stream().count());
            }
            case CANCEL_RUN -> {
                String id = run(c);
                yield new Target(fake, "PUT", RUNS + "/" + id + "/status", () -> c.liveQuery().runs().cancel(id));
            }
            case DELETE_RUN -> {
                String id = run(c);
                yield new Target(fake, "DELETE", RUNS + "/" + id, () -> c.liveQuery().runs().delete(id));
            }
            case SEARCH_RESULTS -> {
                String id = run(c);
                fake.seedRunResults(id, 5);
                yield new Target(fake, "POST", RUNS + "/" + id + "/results/_search",
                        () -> c.liveQuery().results(id, RunResultQuery.all()).stream().count());
            }
            case SCROLL_RESULTS -> {
                String id = run(c);
                fake.seedRunResults(id, 10_001);
                yield new Target(fake, "POST", RUNS + "/results/_scroll", FaultMatrixTest::firstScrollPage,
                        () -> assertEquals(15, c.liveQuery().results(id, RunResultQuery.builder().pageSize(10).build())
                                .stream().limit(15).count()));
            }
            case LIST_FEEDS -> new Target(fake, "GET", FEEDS, () -> c.feeds().list().stream().count());
            case GET_FEED -> {
                String id = c.feeds().create(CreateFeedRequest.of(INFO)).id();
                yield new Target(fake, "GET", FEEDS + "/" + id, () -> c.feeds().get(id));
            }
            case UPDATE_FEED_INFO -> {
                String id = c.feeds().create(CreateFeedRequest.of(INFO)).id();
                yield new Target(fake, "PUT", FEEDS + "/" + id + "/feedinfo", () -> c.feeds().updateInfo(id, INFO));
            }
            case DELETE_FEED -> {
                String id = c.feeds().create(CreateFeedRequest.of(INFO)).id();
                yield new Target(fake, "DELETE", FEEDS + "/" + id, () -> c.feeds().delete(id));
            }
            case SEARCH_DEVICES -> {
                fake.seedDevices(3);
                yield new Target(fake, "POST", DEVICES + "/_search", () -> c.devices().list(DeviceQuery.all()).stream().count());
            }
            case SCROLL_DEVICES -> {
                fake.seedDevices(10_001);
                yield new Target(fake, "POST", DEVICES + "/_scroll", FaultMatrixTest::firstScrollPage,
                        () -> assertEquals(15, c.devices().list(DeviceQuery.builder().pageSize(10).build()).stream().limit(15).count()));
            }
            case GET_DEVICE -> {
                fake.seedDevices(1);
                yield new Target(fake, "GET", DEVICES + "/5000000", () -> c.devices().get(5_000_000L));
            }
        };
        fake.clearJournal();
        fake.apiHost().clearJournal();
        sleeps.clear();
        return target;
    }

    private static boolean firstScrollPage(FakeRequest r) {
        return r.json().path("search_after").asText("x").isEmpty();
    }

    private static String run(CarbonBlackClient c) {
        return c.liveQuery().runs().create(CreateRunRequest.of("select * from processes;")).id();
    }

    private static int received(Target t) {
        return (int) t.host().requests(t.method(), t.path()).stream().filter(t.counted()).count();
    }

    private void assertTyped(SecOpsException e, Op op, Fault fault) {
        assertInstanceOf(fault.surfacesAs, e, e.toString());
        assertEquals("carbonblack", e.vendor());
        assertEquals(op.operation, e.operation());
        assertEquals(host(), e.host(), e.getMessage());
        if (fault == Fault.TOO_MANY_REQUESTS_RETRY_AFTER_2) {
            assertEquals(Duration.ofSeconds(2), ((RateLimitedException) e).retryAfter().orElseThrow());
        }
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("nonIdempotent")
    void nonIdempotentOperation_underFault_reachesTheServerOnce_andFailsTyped(Op op, Fault fault) {
        Target t = prepare(op, fault);
        fault.inject.accept(t.host().faults().nextCalls(MAX_ATTEMPTS + 2, t.method(), t.path()));

        SecOpsException e = assertThrows(SecOpsException.class, t.call()::run);

        assertTyped(e, op, fault);
        assertEquals(1, received(t), "exactly one request reached the server");
        assertTrue(sleeps.isEmpty(), "no retry was even scheduled: " + sleeps);
        boolean refusedUnprocessed = fault == Fault.TOO_MANY_REQUESTS || fault == Fault.TOO_MANY_REQUESTS_RETRY_AFTER_2;
        assertEquals(refusedUnprocessed, e.isRetryable(),
                "only a 429 (refused, not acted on) invites the caller to try again; after the others the vendor may have acted: " + e);
        if (fault == Fault.CONNECTION_DROPPED || fault == Fault.READ_TIMEOUT) {
            assertTrue(e.getMessage().contains("not repeated"), e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("idempotent")
    void idempotentOperation_underOneFault_isRetriedOnce_andSucceeds(Op op, Fault fault) {
        Target t = prepare(op, fault);
        fault.inject.accept(t.host().faults().nextCalls(1, t.method(), t.path()));

        if ((op == Op.DELETE_RUN || op == Op.DELETE_FEED) && fault == Fault.READ_TIMEOUT) {
            // the held answer came after the fake had deleted it: the retry finds nothing
            NotFoundException e = assertThrows(NotFoundException.class, t.call()::run);
            assertEquals(op.operation, e.operation());
            assertTrue(op == Op.DELETE_RUN ? fake.runs().isEmpty() : fake.feeds().isEmpty(), "the first attempt did delete it");
        } else {
            t.call().run();
        }

        assertEquals(2, received(t), "the faulty attempt and one retry");
        assertEquals(1, sleeps.size(), "one backoff before the retry: " + sleeps);
        if (fault == Fault.UNAVAILABLE_RETRY_AFTER_0) {
            assertEquals(List.of(Duration.ZERO), sleeps, "Retry-After: 0 is honoured as no wait");
        }
        if (fault == Fault.TOO_MANY_REQUESTS_RETRY_AFTER_2) {
            assertEquals(List.of(Duration.ofSeconds(2)), sleeps, "the retry waits out the vendor's hold, no longer");
        }
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("idempotent")
    void idempotentOperation_underPersistentFault_stopsAtMaxAttempts_andFailsTyped(Op op, Fault fault) {
        Target t = prepare(op, fault);
        fault.inject.accept(t.host().faults().nextCalls(MAX_ATTEMPTS + 2, t.method(), t.path()));

        SecOpsException e = assertThrows(SecOpsException.class, t.call()::run);

        assertTyped(e, op, fault);
        assertEquals(MAX_ATTEMPTS, received(t), "the default policy's 3 attempts, no more");
        assertEquals(MAX_ATTEMPTS - 1, sleeps.size(), "a backoff between attempts: " + sleeps);
        assertTrue(e.isRetryable(), "a repeatable call's transient failure says so");
    }
}
