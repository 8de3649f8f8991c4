package io.secopskit.carbonblack;

import com.fasterxml.jackson.core.type.TypeReference;
import io.secopskit.carbonblack.internal.Calls;
import io.secopskit.carbonblack.internal.CappedSearch;
import io.secopskit.carbonblack.internal.FeedRules;
import io.secopskit.carbonblack.model.RunResult;
import io.secopskit.carbonblack.model.RunResultQuery;
import io.secopskit.core.error.ValidationException;
import io.secopskit.core.http.Operation;
import io.secopskit.core.paging.PagedIterable;
import io.secopskit.core.spi.ApiRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Live Query (Audit and Remediation, {@code /livequery/v1/orgs/{org}}, defense host): {@link #runs()} to
 * start, read, list, cancel and delete runs, and {@link #results(String, RunResultQuery)} to read what a run
 * collected. Needs a Custom key with {@code livequery.manage}. Thread-safe.
 */
public final class LiveQueryClient {
    static final String BASE = "/livequery/v1/orgs/{org}/runs";
    /**
     * A run's results ({@code POST .../runs/{id}/results/_search}): a read-only search that creates nothing,
     * so a repeat returns the same rows — declared idempotent and retried.
     */
    static final Operation SEARCH_RESULTS = Operation.builder(CarbonBlackClient.VENDOR, "SearchResults", "POST",
            BASE + "/{id}/results/_search").idempotent(true).build();
    /**
     * Results past the cap ({@code POST .../runs/results/_scroll}): read-only, and its cursor
     * ({@code search_after}) is sent by the client, so a repeat of the same body returns the same page —
     * idempotent.
     */
    static final Operation SCROLL_RESULTS = Operation.builder(CarbonBlackClient.VENDOR, "ScrollResults", "POST",
            BASE + "/results/_scroll").idempotent(true).build();

    private static final TypeReference<CappedSearch.Results<RunResult>> RESULTS = new TypeReference<>() { };

    private final Calls calls;
    private final String orgKey;
    private final RunsClient runs;

    LiveQueryClient(Calls calls, String orgKey) {
        this.calls = calls;
        this.orgKey = orgKey;
        this.runs = new RunsClient(calls, orgKey);
    }

    /**
     * Returns the runs ({@code /livequery/v1/orgs/{org}/runs}): create, get, list, cancel, delete, and
     * waiting for one to finish.
     *
     * @return the runs client, sharing this client's pipeline
     */
    public RunsClient runs() {
        return runs;
    }

    /**
     * Reads a run's results lazily ({@code POST .../runs/{id}/results/_search}, 0-based {@code start},
     * {@code rows} = the query's page size). Result sets larger than the vendor's 10,000-row window are read
     * through {@code POST .../runs/results/_scroll} with {@code search_after} (and {@code criteria.run_id})
     * instead; either way each row is returned once. Every page carries a continuation token for this run.
     * Retried on transient failures (a read).
     *
     * @param runId the run id
     * @param query query string, criteria, sort and page size; {@link RunResultQuery#all()} for every row
     * @return the rows, fetched page by page as iteration reaches them
     * @throws ValidationException                        if the run id is empty, {@code .}, {@code ..}, over-long,
     *                                                    or holds control characters, {@code /}, {@code \} or
     *                                                    whitespace (nothing is sent)
     * @throws io.secopskit.core.error.SecOpsException    while iterating, for any failure of a page request
     */
    public PagedIterable<RunResult> results(String runId, RunResultQuery query) {
        String id = FeedRules.id(SEARCH_RESULTS.name(), "run_id", runId);
        if (query == null) {
            throw new ValidationException(CarbonBlackClient.VENDOR, SEARCH_RESULTS.name(), "query",
                    "is required (RunResultQuery.all() for every row)");
        }
        return CappedSearch.of(SEARCH_RESULTS.qualifiedName() + ":" + id, SEARCH_RESULTS.name(), 0, query.pageSize(),
                (start, rows) -> calls.call(ApiRequest.of(SEARCH_RESULTS).path("org", orgKey).path("id", id)
                        .json(CappedSearch.body(query, start, rows, null)).build(), RESULTS).asSearchPage(),
                (searchAfter, rows) -> {
                    Map<String, Object> body = CappedSearch.body(query, null, rows, searchAfter);
                    @SuppressWarnings("unchecked")
                    Map<String, Object> criteria = new LinkedHashMap<>((Map<String, Object>) body.getOrDefault("criteria", Map.of()));
                    criteria.put("run_id", List.of(id));
                    body.put("criteria", criteria);
                    return calls.call(ApiRequest.of(SCROLL_RESULTS).path("org", orgKey).json(body).build(), RESULTS)
                            .asScrollPage();
                });
    }
}
