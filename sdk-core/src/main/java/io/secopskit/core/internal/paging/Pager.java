package io.secopskit.core.internal.paging;

import io.secopskit.core.paging.Page;
import io.secopskit.core.paging.PagedIterable;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Builds {@link PagedIterable}s for every vendor paging style from one engine: a fetch function from a
 * continuation state to a {@link Step} holding the items and the next state (null at the end). Page
 * number, offset (0- or 1-based), skip/limit, cursor/token, {@code search_after} and {@code Link}
 * header paging are all states of this one loop. Internal.
 */
public final class Pager {
    private Pager() {
    }

    /**
     * The answer to one fetch.
     *
     * @param items      the page's items
     * @param next       the state that fetches the next page, or null when this is the last
     * @param totalCount vendor total, or -1
     * @param <T>        item type
     * @param <S>        state type
     */
    public record Step<T, S>(List<T> items, S next, long totalCount) {
        /**
         * A final page.
         *
         * @param items the items
         * @param <T>   item type
         * @param <S>   state type
         * @return the step
         */
        public static <T, S> Step<T, S> last(List<T> items) {
            return new Step<>(items, null, -1);
        }
    }

    /**
     * Generic continuation paging.
     *
     * @param first the state of the first fetch
     * @param fetch fetches one page
     * @param <T>   item type
     * @param <S>   state type
     * @return the lazy iterable
     */
    public static <T, S> PagedIterable<T> of(S first, Function<S, Step<T, S>> fetch) {
        return PagedIterable.fromPages(() -> new Iterator<Page<T>>() {
            private S state = first;
            private boolean done;
            private int index;

            @Override
            public boolean hasNext() {
                return !done;
            }

            @Override
            public Page<T> next() {
                if (done) {
                    throw new NoSuchElementException();
                }
                Step<T, S> step = fetch.apply(state);
                state = step.next();
                done = state == null || step.items().isEmpty();
                return new Page<>(step.items(), index++, step.totalCount());
            }
        });
    }

    /**
     * A list the vendor returns whole, in one request made when iteration starts.
     *
     * @param fetch fetches the whole list
     * @param <T>   item type
     * @return the lazy iterable
     */
    public static <T> PagedIterable<T> single(java.util.function.Supplier<List<T>> fetch) {
        return of(Boolean.TRUE, ignored -> Step.last(fetch.get()));
    }

    /**
     * One page of an offset- or page-numbered list.
     *
     * @param items      the items
     * @param hasMore    whether the vendor says more follow (null when it does not say)
     * @param totalCount vendor total, or -1
     * @param <T>        item type
     */
    public record Slice<T>(List<T> items, Boolean hasMore, long totalCount) {
    }

    /** Fetches a slice at an offset (or page number) with a page size. */
    @FunctionalInterface
    public interface SliceFetcher<T> {
        /**
         * Fetches one slice.
         *
         * @param position the offset or page number
         * @param size     the page size
         * @return the slice
         */
        Slice<T> fetch(long position, int size);
    }

    /**
     * Offset paging (skip/limit, start/rows): the next offset is the current one plus the items received.
     * Stops on an empty or short page, on {@code hasMore == false}, or when the total is reached.
     *
     * @param firstOffset 0 for 0-based vendors, 1 for 1-based ones
     * @param size        page size
     * @param fetch       fetches a slice at an offset
     * @param <T>         item type
     * @return the lazy iterable
     */
    public static <T> PagedIterable<T> offset(long firstOffset, int size, SliceFetcher<T> fetch) {
        return of(firstOffset, (Long offset) -> {
            Slice<T> s = fetch.fetch(offset, size);
            long next = offset + s.items().size();
            boolean more = more(s, size) && (s.totalCount() < 0 || next - firstOffset < s.totalCount());
            return new Step<>(s.items(), more ? next : null, s.totalCount());
        });
    }

    /**
     * Page-number paging: the next page number is the current one plus one.
     *
     * @param firstPage the first page number (0 or 1)
     * @param size      page size
     * @param fetch     fetches a page by number
     * @param <T>       item type
     * @return the lazy iterable
     */
    public static <T> PagedIterable<T> pageNumber(long firstPage, int size, SliceFetcher<T> fetch) {
        return of(firstPage, (Long page) -> {
            Slice<T> s = fetch.fetch(page, size);
            long seen = (page - firstPage) * size + s.items().size();
            boolean more = more(s, size) && (s.totalCount() < 0 || seen < s.totalCount());
            return new Step<>(s.items(), more ? page + 1 : null, s.totalCount());
        });
    }

    private static boolean more(Slice<?> s, int size) {
        if (s.items().isEmpty()) {
            return false;
        }
        return s.hasMore() != null ? s.hasMore() : s.items().size() >= size;
    }

    /**
     * Cursor or token paging: the vendor returns the token of the next page, absent or empty at the end.
     *
     * @param firstToken the first token (usually null)
     * @param fetch      fetches a page by token
     * @param <T>        item type
     * @return the lazy iterable
     */
    public static <T> PagedIterable<T> token(String firstToken, Function<String, Step<T, String>> fetch) {
        final String start = firstToken == null ? "" : firstToken;
        return of(start, (String token) -> {
            Step<T, String> step = fetch.apply(token.isEmpty() ? null : token);
            String next = step.next();
            return new Step<>(step.items(), next == null || next.isEmpty() ? null : next, step.totalCount());
        });
    }
}
