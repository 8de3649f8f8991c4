package io.secopskit.carbonblack;

import com.fasterxml.jackson.core.type.TypeReference;
import io.secopskit.carbonblack.internal.Calls;
import io.secopskit.carbonblack.internal.CappedSearch;
import io.secopskit.carbonblack.internal.FeedRules;
import io.secopskit.carbonblack.model.CreateRunRequest;
import io.secopskit.carbonblack.model.Run;
import io.secopskit.carbonblack.model.RunQuery;
import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.TransportException;
import io.secopskit.core.error.ValidationException;
import io.secopskit.core.http.Operation;
import io.secopskit.core.paging.PagedIterable;
import io.secopskit.core.spi.ApiRequest;
import io.secopskit.core.spi.Pager;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Live Query runs ({@code /livequery/v1/orgs/{org}/runs}, defense host): {@link #create}, {@link #get},
 * {@link #list}, {@link #cancel}, {@link #delete} and {@link #waitForCompletion}. Needs a Custom key with
 * {@code livequery.manage} (Create to start, Read to read and list, Update to cancel, Delete to delete).
 * Thread-safe.
 *
 * <p>Every run id is checked before anything is sent: empty, {@code .}, {@code ..}, over 512 characters, or
 * holding control characters, {@code /}, {@code \} or whitespace → {@link ValidationException} naming
 * {@code run_id}.
 */
public final class RunsClient {
    private static final String BASE = LiveQueryClient.BASE;
    /** Starts a run: never resent — a repeat would start a second run on every device. */
    static final Operation CREATE = op("CreateRun", "POST", "").build();
    static final Operation GET = op("GetRun", "GET", "/{id}").build();
    /** Sets the status to CANCELLED: a repeat sets the same status (PUT, idempotent). */
    static final Operation CANCEL = op("CancelRun", "PUT", "/{id}/status").build();
    static final Operation DELETE = op("DeleteRun", "DELETE", "/{id}").build();
    /** Run history: a read-only search that creates nothing — idempotent. */
    static final Operation SEARCH = op("SearchRuns", "POST", "/_search").idempotent(true).build();

    private static final TypeReference<CappedSearch.Results<Run>> RUNS = new TypeReference<>() { };
    private static final Duration FIRST_POLL = Duration.ofSeconds(1);
    private static final Duration LONGEST_POLL = Duration.ofSeconds(30);

    private final Calls calls;
    private final String orgKey;

    RunsClient(Calls calls, String orgKey) {
        this.calls = calls;
        this.orgKey = orgKey;
    }

    private static Operation.Builder op(String name, String method, String path) {
        return Operation.builder(CarbonBlackClient.VENDOR, name, method, BASE + path);
    }

    private ApiRequest.Builder request(Operation op) {
        return ApiRequest.of(op).path("org", orgKey);
    }

    /**
     * Starts a run ({@code POST .../runs}, answered 201 with the run). Sent at most once: a dropped
     * connection, a timeout, a 429, 502 or 503 give a typed exception after one request, because a repeat
     * could start a second run.
     *
     * @param request the SQL, name, targets and schedule
     * @return the new run
     * @throws ValidationException                     if the request is null (nothing is sent)
     * @throws io.secopskit.core.error.SecOpsException for any failure, typed by cause
     */
    public Run create(CreateRunRequest request) {
        if (request == null) {
            throw new ValidationException(CarbonBlackClient.VENDOR, CREATE.name(), "request", "is required");
        }
        return calls.call(request(CREATE).json(request).build(), Run.class);
    }

    /**
     * Reads a run ({@code GET .../runs/{id}}). Retried on transient failures.
     *
     * @param runId the run id
     * @return the run
     * @throws ValidationException                      if the id breaks the id rule (nothing is sent)
     * @throws io.secopskit.core.error.NotFoundException if there is no such run
     */
    public Run get(String runId) {
        return calls.call(request(GET).path("id", FeedRules.id(GET.name(), "run_id", runId)).build(), Run.class);
    }

    /**
     * Lists run history lazily ({@code POST .../runs/_search}, 0-based {@code start}, {@code rows} = the
     * query's page size). Every page carries a continuation token. Retried on transient failures (a read).
     *
     * @param query query string, criteria, sort and page size; {@link RunQuery#all()} for every run
     * @return the runs, fetched page by page as iteration reaches them
     * @throws ValidationException if the query is null (nothing is sent)
     */
    public PagedIterable<Run> list(RunQuery query) {
        if (query == null) {
            throw new ValidationException(CarbonBlackClient.VENDOR, SEARCH.name(), "query", "is required (RunQuery.all() for every run)");
        }
        return Pager.offset(SEARCH.qualifiedName(), 0, query.pageSize(), (start, rows) -> {
            CappedSearch.Results<Run> page = calls.call(request(SEARCH).json(CappedSearch.body(query, start, rows, null)).build(), RUNS);
            return new Pager.Slice<>(page.results(), null, page.numFound());
        });
    }

    /**
     * Cancels a run ({@code PUT .../runs/{id}/status} with {@code {"status":"CANCELLED"}}). A repeat sets
     * the same status, so it is retried on transient failures.
     *
     * @param runId the run id
     * @return the run after cancellation
     * @throws ValidationException                      if the id breaks the id rule (nothing is sent)
     * @throws io.secopskit.core.error.NotFoundException if there is no such run
     */
    public Run cancel(String runId) {
        return calls.call(request(CANCEL).path("id", FeedRules.id(CANCEL.name(), "run_id", runId))
                .json(Map.of("status", "CANCELLED")).build(), Run.class);
    }

    /**
     * Deletes a run and its results ({@code DELETE .../runs/{id}}). Retried on transient failures; after a
     * retry, a {@link io.secopskit.core.error.NotFoundException} may mean the first attempt did delete it.
     *
     * @param runId the run id
     * @throws ValidationException                      if the id breaks the id rule (nothing is sent)
     * @throws io.secopskit.core.error.NotFoundException if there is no such run
     */
    public void delete(String runId) {
        calls.execute(request(DELETE).path("id", FeedRules.id(DELETE.name(), "run_id", runId)).build());
    }

    /**
     * Polls a run ({@link #get}) until it is COMPLETE, TIMED_OUT or CANCELLED, waiting 1 s, 2 s, 4 s … (at
     * most 30 s, and never past the deadline) between reads through the client's sleeper and clock.
     *
     * @param runId   the run id
     * @param timeout how long to wait in total (positive)
     * @return the finished run
     * @throws RunWaitTimeoutException  when the run is still active after {@code timeout}; it keeps running
     * @throws ValidationException      if the id breaks the id rule or the timeout is not positive
     * @throws TransportException       if the waiting thread is interrupted (the flag is restored)
     */
    public Run waitForCompletion(String runId, Duration timeout) {
        FeedRules.id(GET.name(), "run_id", runId);
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new ValidationException(CarbonBlackClient.VENDOR, "WaitForRunCompletion", "timeout",
                    "must be a positive duration (was " + timeout + ")");
        }
        Instant deadline = calls.pipeline().clock().instant().plus(timeout);
        Duration delay = FIRST_POLL;
        while (true) {
            Run run = get(runId);
            if (run.status() != null && run.status().isFinal()) {
                return run;
            }
            Duration left = Duration.between(calls.pipeline().clock().instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new RunWaitTimeoutException(run);
            }
            try {
                calls.pipeline().options().sleeper().sleep(delay.compareTo(left) < 0 ? delay : left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportException(ErrorInfo.of(CarbonBlackClient.VENDOR, "WaitForRunCompletion")
                        .withVendorCode("INTERRUPTED").withVendorMessage("interrupted while waiting for a run to finish"), e);
            }
            delay = delay.multipliedBy(2).compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL : delay.multipliedBy(2);
        }
    }
}
