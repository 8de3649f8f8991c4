package io.secopskit.carbonblack.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.secopskit.carbonblack.CarbonBlackClient;
import io.secopskit.carbonblack.model.SearchCriteria;
import io.secopskit.core.error.ErrorInfo;
import io.secopskit.core.error.SecOpsException;
import io.secopskit.core.error.ValidationException;
import io.secopskit.core.spi.Pager;
import io.secopskit.core.paging.PagedIterable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lazy paging over a Carbon Black {@code _search} endpoint (start/rows, at most 10,000 rows reachable)
 * with its {@code _scroll} companion (search_after cursor) for larger result sets. The first page is
 * fetched with start/rows; when it reports at most 10,000 matches, start/rows continues. When it reports
 * more, that first page is not used and the whole set is read in one scroll traversal instead, because a
 * scroll cursor cannot start at row 10,000 — so every row is returned exactly once. Internal.
 */
public final class CappedSearch {
    /** The most rows start/rows can reach. */
    public static final int CAP = 10_000;
    /** The vendor code of the error raised when start/rows paging reaches the cap of a grown result set. */
    public static final String CAP_REACHED = "SEARCH_WINDOW_EXCEEDED";

    private CappedSearch() {
    }

    /**
     * One {@code _search} page.
     *
     * @param items    the rows
     * @param numFound how many rows match
     * @param <T>      row type
     */
    public record SearchPage<T>(List<T> items, long numFound) {
    }

    /**
     * One {@code _scroll} page.
     *
     * @param items       the rows
     * @param searchAfter the cursor for the next page (null or empty when none)
     * @param numRemaining rows left after this page
     * @param numFound    how many rows match
     * @param <T>         row type
     */
    public record ScrollPage<T>(List<T> items, String searchAfter, long numRemaining, long numFound) {
    }

    /** Fetches a {@code _search} page. */
    @FunctionalInterface
    public interface Search<T> {
        /**
         * Fetches rows.
         *
         * @param start first row (0- or 1-based, as the endpoint documents)
         * @param rows  page size
         * @return the page
         */
        SearchPage<T> fetch(long start, int rows);
    }

    /** Fetches a {@code _scroll} page. */
    @FunctionalInterface
    public interface Scroll<T> {
        /**
         * Fetches rows after a cursor.
         *
         * @param searchAfter the cursor, empty for the first page
         * @param rows        page size
         * @return the page
         */
        ScrollPage<T> fetch(String searchAfter, int rows);
    }

    private record State(Long start, String cursor) {
    }

    /** {@code s<start>} for a start/rows position, {@code c<search_after>} for a scroll cursor. */
    private static final Pager.StateCodec<State> CODEC = Pager.StateCodec.of(
            s -> s.cursor() != null ? "c" + s.cursor() : "s" + s.start(),
            t -> {
                if (t.startsWith("c") && t.length() > 1) {
                    return new State(null, t.substring(1));
                }
                long start = Long.parseLong(t.substring(1));
                if (!t.startsWith("s") || start < 0) {
                    throw new IllegalArgumentException("not a paging state");
                }
                return new State(start, null);
            });

    /**
     * Builds the lazy iterable. A start/rows request never asks past row 10,000 (its {@code rows} is cut
     * to what is left of the window). If a result set first seen with at most 10,000 rows has grown past
     * them by the time start/rows reaches the cap (an active Live Query run), the next page fails with a
     * {@link SecOpsException} coded {@value #CAP_REACHED} instead of ending the list early: iterating
     * again from the start reads the whole set through {@code _scroll}.
     *
     * @param scope      names the list in continuation tokens
     * @param operation  the search operation's name, for the error
     * @param firstStart 0 for 0-based endpoints, 1 for 1-based ones
     * @param rows       page size (1 to 10,000)
     * @param search     the {@code _search} call
     * @param scroll     the {@code _scroll} call
     * @param <T>        row type
     * @return the rows
     */
    public static <T> PagedIterable<T> of(String scope, String operation, long firstStart, int rows, Search<T> search,
                                          Scroll<T> scroll) {
        return Pager.of(scope, new State(firstStart, null), CODEC, (State s) -> {
            if (s.cursor() != null) {
                ScrollPage<T> page = scroll.fetch(s.cursor(), rows);
                boolean more = page.numRemaining() > 0 && !page.items().isEmpty()
                        && page.searchAfter() != null && !page.searchAfter().isEmpty();
                return new Pager.Step<>(page.items(), more ? new State(null, page.searchAfter()) : null, page.numFound());
            }
            long offset = s.start() - firstStart;
            if (offset < 0) {
                throw new ValidationException(CarbonBlackClient.VENDOR, operation, "continuationToken",
                        "holds a position before the list's first row");
            }
            if (offset >= CAP) {
                throw new SecOpsException(ErrorInfo.of(CarbonBlackClient.VENDOR, operation).withVendorCode(CAP_REACHED)
                        .withVendorMessage("start/rows paging cannot reach row " + (offset + 1) + " (the vendor's window is rows 1 to "
                                + CAP + "); the result set grew past " + CAP + " rows while it was read: iterate again from the"
                                + " start, which reads a set of more than " + CAP + " rows through _scroll"));
            }
            SearchPage<T> page = search.fetch(s.start(), (int) Math.min(rows, CAP - offset));
            if (offset == 0 && page.numFound() > CAP) {
                ScrollPage<T> first = scroll.fetch("", rows);
                boolean more = first.numRemaining() > 0 && first.searchAfter() != null && !first.searchAfter().isEmpty();
                return new Pager.Step<>(first.items(), more ? new State(null, first.searchAfter()) : null, first.numFound());
            }
            long next = s.start() + page.items().size();
            boolean more = !page.items().isEmpty() && next - firstStart < page.numFound();
            return new Pager.Step<>(page.items(), more ? new State(next, null) : null, page.numFound());
        });
    }

    /**
     * A {@code _search} or {@code _scroll} answer.
     *
     * @param results      the rows
     * @param numFound     how many match
     * @param numRemaining rows left after this scroll page
     * @param searchAfter  the next scroll cursor
     * @param <T>          row type
     */
    public record Results<T>(@JsonProperty("results") List<T> results, @JsonProperty("num_found") long numFound,
                             @JsonProperty("num_remaining") long numRemaining,
                             @JsonProperty("search_after") String searchAfter) {
        /**
         * Replaces absent results with an empty list.
         *
         * @param results      the rows, or null
         * @param numFound     how many match
         * @param numRemaining rows left after this scroll page
         * @param searchAfter  the next scroll cursor, or null
         */
        public Results {
            results = results == null ? List.of() : results;
        }

        /**
         * Returns this answer as a search page.
         *
         * @return the page
         */
        public SearchPage<T> asSearchPage() {
            return new SearchPage<>(results, numFound);
        }

        /**
         * Returns this answer as a scroll page.
         *
         * @return the page
         */
        public ScrollPage<T> asScrollPage() {
            return new ScrollPage<>(results, searchAfter, numRemaining, numFound);
        }
    }

    /**
     * Builds a search or scroll body: {@code query}, {@code criteria}, {@code exclusions} and {@code sort}
     * when set, then {@code start} (search only), {@code rows} and {@code search_after} (scroll only).
     *
     * @param criteria    the query
     * @param start       first row, or null for scroll
     * @param rows        page size
     * @param searchAfter scroll cursor, or null for search
     * @return the body, a mutable map in a stable field order
     */
    public static Map<String, Object> body(SearchCriteria criteria, Long start, int rows, String searchAfter) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (criteria.query() != null) {
            body.put("query", criteria.query());
        }
        if (!criteria.criteria().isEmpty()) {
            body.put("criteria", new LinkedHashMap<>(criteria.criteria()));
        }
        if (!criteria.exclusions().isEmpty()) {
            body.put("exclusions", new LinkedHashMap<>(criteria.exclusions()));
        }
        if (!criteria.sort().isEmpty()) {
            body.put("sort", criteria.sort());
        }
        if (start != null) {
            body.put("start", start);
        }
        body.put("rows", rows);
        if (searchAfter != null) {
            body.put("search_after", searchAfter);
        }
        return body;
    }
}
