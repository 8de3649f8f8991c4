package io.secopskit.carbonblack;

import com.fasterxml.jackson.core.type.TypeReference;
import io.secopskit.carbonblack.internal.CappedSearch;
import io.secopskit.carbonblack.internal.FeedRules;
import io.secopskit.carbonblack.model.CreateRunRequest;
import io.secopskit.carbonblack.model.Run;
import io.secopskit.carbonblack.model.RunResult;
import io.secopskit.carbonblack.model.SearchCriteria;
import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.TransportException;
import io.secopskit.core.http.Operation;
import io.secopskit.core.spi.ApiRequest;
import io.secopskit.core.spi.VendorPipeline;
import io.secopskit.core.paging.PagedIterable;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Live Query ({@code /livequery/v1/orgs/{org}}, defense host): create, read, cancel and delete runs,
 * search run history, and read results. Needs a Custom key with {@code livequery.manage}. Thread-safe.
 */
public final class LiveQueryClient {
    private static final String BASE = "/livequery/v1/orgs/{org}/runs";
    static final Operation CREATE = op("CreateRun", "POST", "").build();
    static final Operation GET = op("GetRun", "GET", "/{id}").build();
    static final Operation CANCEL = op("CancelRun", "PUT", "/{id}/status").build();
    static final Operation DELETE = op("DeleteRun", "DELETE", "/{id}").build();
    static final Operation SEARCH_RUNS = op("SearchRuns", "POST", "/_search").idempotent(true).build();
    static final Operation SEARCH_RESULTS = op("SearchResults", "POST", "/{id}/results/_search").idempotent(true).build();
    static final Operation SCROLL_RESULTS = op("ScrollResults", "POST", "/results/_scroll").idempotent(true).build();

    private static final TypeReference<CappedSearch.Results<Run>> RUNS = new TypeReference<>() { };
    private static final TypeReference<CappedSearch.Results<RunResult>> RESULTS = new TypeReference<>() { };

    private final VendorPipeline pipeline;
    private final String orgKey;

    LiveQueryClient(VendorPipeline pipeline, String orgKey) {
        this.pipeline = pipeline;
        this.orgKey = orgKey;
    }

    private static Operation.Builder op(String name, String method, String path) {
        return Operation.builder(FeedRules.VENDOR, name, method, BASE + path);
    }

    private ApiRequest.Builder request(Operation op) {
        return ApiRequest.of(op).path("org", orgKey);
    }

    /**
     * Starts a run ({@code POST .../runs}, 201). Not retried: a repeat would start a second run.
     *
     * @param request the SQL, name, targets and schedule
     * @return the new run
     */
    public Run createRun(CreateRunRequest request) {
        Objects.requireNonNull(request, "request");
        return pipeline.call(request(CREATE).json(request).build(), Run.class);
    }

    /**
     * Reads a run ({@code GET .../runs/{id}}).
     *
     * @param runId the run id
     * @return the run
     */
    public Run getRun(String runId) {
        return pipeline.call(request(GET).path("id", id(GET, runId)).build(), Run.class);
    }

    /**
     * Cancels a run ({@code PUT .../runs/{id}/status} with {@code {"status":"CANCELLED"}}).
     *
     * @param runId the run id
     * @return the run after cancellation
     */
    public Run cancelRun(String runId) {
        return pipeline.call(request(CANCEL).path("id", id(CANCEL, runId)).json(Map.of("status", "CANCELLED")).build(), Run.class);
    }

    /**
     * Deletes a run and its results ({@code DELETE .../runs/{id}}).
     *
     * @param runId the run id
     */
    public void deleteRun(String runId) {
        pipeline.execute(request(DELETE).path("id", id(DELETE, runId)).build());
    }

    /**
     * Searches run history ({@code POST .../runs/_search}), lazily, 0-based start/rows.
     *
     * @param criteria query, criteria, sort and page size
     * @return the runs
     */
    public PagedIterable<Run> searchRuns(SearchCriteria criteria) {
        Objects.requireNonNull(criteria, "criteria");
        return io.secopskit.core.spi.Pager.offset(SEARCH_RUNS.qualifiedName(), 0, criteria.pageSize(), (start, rows) -> {
            CappedSearch.Results<Run> page = pipeline.call(request(SEARCH_RUNS)
                    .json(CappedSearch.body(pipeline.mapper(), criteria, start, rows, null)).build(), RUNS);
            return new io.secopskit.core.spi.Pager.Slice<>(page.results(), null, page.numFound());
        });
    }

    /**
     * Reads a run's results lazily ({@code POST .../runs/{id}/results/_search}, 0-based start/rows). Result
     * sets larger than the vendor's 10,000-row cap are read through {@code POST .../runs/results/_scroll}
     * with {@code search_after} instead; either way each row is returned once.
     *
     * @param runId    the run id
     * @param criteria query, criteria, sort and page size
     * @return the rows
     */
    public PagedIterable<RunResult> results(String runId, SearchCriteria criteria) {
        String id = id(SEARCH_RESULTS, runId);
        Objects.requireNonNull(criteria, "criteria");
        return CappedSearch.of("carbonblack.RunResults", 0, criteria.pageSize(), (start, rows) -> {
            return pipeline.call(request(SEARCH_RESULTS).path("id", id)
                    .json(CappedSearch.body(pipeline.mapper(), criteria, start, rows, null)).build(), RESULTS).asSearchPage();
        }, (searchAfter, rows) -> {
            Map<String, Object> body = CappedSearch.body(pipeline.mapper(), criteria, null, rows, searchAfter);
            @SuppressWarnings("unchecked")
            Map<String, Object> crit = new LinkedHashMap<>((Map<String, Object>) body.getOrDefault("criteria", Map.of()));
            crit.put("run_id", List.of(id));
            body.put("criteria", crit);
            return pipeline.call(request(SCROLL_RESULTS).json(body).build(), RESULTS).asScrollPage();
        });
    }

    /**
     * Polls a run until it is COMPLETE, TIMED_OUT or CANCELLED, waiting 1 s, 2 s, 4 s ... (at most 30 s)
     * between reads through the client's sleeper and clock.
     *
     * @param runId   the run id
     * @param timeout how long to wait in total
     * @return the finished run
     * @throws RunWaitTimeoutException when the run is still active after {@code timeout}
     */
    public Run waitForCompletion(String runId, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        Instant deadline = pipeline.clock().instant().plus(timeout);
        Duration delay = Duration.ofSeconds(1);
        while (true) {
            Run run = getRun(runId);
            if (run.status() != null && run.status().isFinal()) {
                return run;
            }
            Duration left = Duration.between(pipeline.clock().instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new RunWaitTimeoutException(run);
            }
            try {
                pipeline.options().sleeper().sleep(delay.compareTo(left) < 0 ? delay : left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportException(ErrorInfo.of(FeedRules.VENDOR, "WaitForRunCompletion")
                        .withVendorMessage("interrupted while waiting for run " + runId), e);
            }
            delay = delay.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : delay.multipliedBy(2);
        }
    }

    private static String id(Operation op, String runId) {
        return FeedRules.text(op.name(), "run_id", runId);
    }
}
