package io.secopskit.core.spi;

import io.secopskit.core.Beta;
import io.secopskit.core.error.ValidationException;
import io.secopskit.core.paging.Page;
import io.secopskit.core.paging.PagedIterable;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Builds {@link PagedIterable}s for every vendor paging style from one continuation engine: a state
 * (offset, page number, vendor cursor, next-link URL…) and a function that fetches the page at a state
 * and says the next state. Every page carries a continuation token encoding the next state, so every
 * list can be resumed.
 *
 * <p>Tokens are opaque to callers: {@code v1.} followed by base64url of the list's scope (for example
 * {@code stellar.ListCases}) and the state. A token whose version or scope does not match is refused with
 * {@link ValidationException} (field {@code continuationToken}) before anything is sent. A state that is
 * a URL (a {@code Link} header) is followed only to the client's own origin (see
 * {@link ApiRequest.Builder#absoluteUrl}).
 */
@Beta
public final class Pager {
    private static final String VERSION = "v1.";

    private Pager() {
    }

    /**
     * One fetched page.
     *
     * @param items      the page's items
     * @param next       the state of the next page, or null when there is none
     * @param totalCount the vendor's total, or -1
     * @param <T>        item type
     * @param <S>        state type
     */
    public record Step<T, S>(List<T> items, S next, long totalCount) {
        /**
         * A last page.
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
     * Writes a paging state into a token and reads it back.
     *
     * @param <S> state type
     */
    public interface StateCodec<S> {
        /** Numbers (offsets, page numbers). */
        StateCodec<Long> LONG = new StateCodec<>() {
            @Override
            public String write(Long state) {
                return Long.toString(state);
            }

            @Override
            public Long read(String text) {
                return Long.parseLong(text);
            }
        };
        /** Vendor cursors and next-page URLs, kept as they are. */
        StateCodec<String> STRING = new StateCodec<>() {
            @Override
            public String write(String state) {
                return state;
            }

            @Override
            public String read(String text) {
                return text;
            }
        };

        /**
         * A codec from two functions.
         *
         * @param write writes a state
         * @param read  reads it back
         * @param <S>   state type
         * @return the codec
         */
        static <S> StateCodec<S> of(Function<S, String> write, Function<String, S> read) {
            return new StateCodec<>() {
                @Override
                public String write(S state) {
                    return write.apply(state);
                }

                @Override
                public S read(String text) {
                    return read.apply(text);
                }
            };
        }

        /**
         * Writes a state.
         *
         * @param state the state
         * @return its text
         */
        String write(S state);

        /**
         * Reads a state.
         *
         * @param text the text {@link #write} produced
         * @return the state
         * @throws RuntimeException if the text is not a state of this codec
         */
        S read(String text);
    }

    /**
     * The general form: pages from {@code first}, each fetch returning its items and the next state.
     *
     * @param scope names the list in its tokens: {@code <vendor>.<operation>}, optionally followed by
     *              {@code :<key>} (the run id, the table, a query) so a token of another list is refused
     * @param first the first page's state
     * @param codec writes and reads states for continuation tokens
     * @param fetch fetches the page at a state
     * @param <T>   item type
     * @param <S>   state type
     * @return the lazy iterable
     */
    public static <T, S> PagedIterable<T> of(String scope, S first, StateCodec<S> codec, Function<S, Step<T, S>> fetch) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(fetch, "fetch");
        return PagedIterable.fromPages(token -> new Pages<>(scope, token == null ? first : decode(scope, codec, token),
                codec, fetch));
    }

    /**
     * A list fetched in one request (the vendor documents no paging). Its one page has no continuation token.
     *
     * @param scope names the list in its tokens
     * @param fetch fetches the list
     * @param <T>   item type
     * @return the lazy iterable
     */
    public static <T> PagedIterable<T> single(String scope, Supplier<List<T>> fetch) {
        return of(scope, 0L, StateCodec.LONG, ignored -> Step.last(fetch.get()));
    }

    /**
     * One page of an offset or page-number list.
     *
     * @param items      the items
     * @param hasMore    whether the vendor says more follow, or null when it does not say (then a full page
     *                   means more)
     * @param totalCount the vendor's total, or -1
     * @param <T>        item type
     */
    public record Slice<T>(List<T> items, Boolean hasMore, long totalCount) {
    }

    /**
     * Fetches a slice at a position.
     *
     * @param <T> item type
     */
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
     * An offset list (skip/limit, start/rows; 0- or 1-based as {@code firstOffset} says). Stops at an
     * empty or short page, at {@code hasMore == false}, or when the vendor's total is reached.
     *
     * @param scope       names the list in its tokens
     * @param firstOffset the first offset
     * @param size        the page size
     * @param fetch       fetches a slice
     * @param <T>         item type
     * @return the lazy iterable
     */
    public static <T> PagedIterable<T> offset(String scope, long firstOffset, int size, SliceFetcher<T> fetch) {
        return of(scope, firstOffset, StateCodec.LONG, (Long offset) -> {
            Slice<T> s = fetch.fetch(offset, size);
            long next = offset + s.items().size();
            boolean more = more(s, size) && (s.totalCount() < 0 || next - firstOffset < s.totalCount());
            return new Step<>(s.items(), more ? next : null, s.totalCount());
        });
    }

    /**
     * A page-number list.
     *
     * @param scope     names the list in its tokens
     * @param firstPage the first page number (0 or 1, as the vendor counts)
     * @param size      the page size
     * @param fetch     fetches a slice
     * @param <T>       item type
     * @return the lazy iterable
     */
    public static <T> PagedIterable<T> pageNumber(String scope, long firstPage, int size, SliceFetcher<T> fetch) {
        return of(scope, firstPage, StateCodec.LONG, (Long page) -> {
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
     * A vendor-cursor list: the first request has no cursor (null), each answer gives the next one; an
     * absent or empty cursor ends the list.
     *
     * @param scope names the list in its tokens
     * @param fetch fetches the page at a cursor (null for the first)
     * @param <T>   item type
     * @return the lazy iterable
     */
    public static <T> PagedIterable<T> token(String scope, Function<String, Step<T, String>> fetch) {
        return of(scope, "", StateCodec.STRING, (String token) -> {
            Step<T, String> step = fetch.apply(token.isEmpty() ? null : token);
            String next = step.next();
            return new Step<>(step.items(), next == null || next.isEmpty() ? null : next, step.totalCount());
        });
    }

    private static <S> String encode(String scope, StateCodec<S> codec, S state) {
        String payload = scope + '\n' + codec.write(state);
        return VERSION + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    }

    private static <S> S decode(String scope, StateCodec<S> codec, String token) {
        String vendor = scope.contains(".") ? scope.substring(0, scope.indexOf('.')) : scope;
        String operation = scope.contains(".") ? scope.substring(scope.indexOf('.') + 1) : null;
        if (operation != null && operation.indexOf(':') > 0) {
            operation = operation.substring(0, operation.indexOf(':')); // a scope may carry a list's key after ':'
        }
        if (!token.startsWith(VERSION)) {
            throw new ValidationException(vendor, operation, "continuationToken",
                    "is not a SecOpsKit continuation token (unknown version): " + Inputs.quote(token));
        }
        String payload;
        try {
            payload = new String(Base64.getUrlDecoder().decode(token.substring(VERSION.length())), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(vendor, operation, "continuationToken", "is not valid base64url: "
                    + Inputs.quote(token));
        }
        int nl = payload.indexOf('\n');
        if (nl < 0 || !payload.substring(0, nl).equals(scope)) {
            throw new ValidationException(vendor, operation, "continuationToken",
                    "belongs to another list (expected a token of " + scope + ")");
        }
        try {
            return Objects.requireNonNull(codec.read(payload.substring(nl + 1)));
        } catch (RuntimeException e) {
            throw new ValidationException(vendor, operation, "continuationToken", "holds no readable paging state");
        }
    }

    /** The page iterator of one iteration. */
    private static final class Pages<T, S> implements Iterator<Page<T>> {
        private final String scope;
        private final StateCodec<S> codec;
        private final Function<S, Step<T, S>> fetch;
        private S state;
        private boolean done;
        private int index;

        Pages(String scope, S start, StateCodec<S> codec, Function<S, Step<T, S>> fetch) {
            this.scope = scope;
            this.state = start;
            this.codec = codec;
            this.fetch = fetch;
        }

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
            List<T> items = step.items() == null ? List.of() : step.items();
            state = step.next();
            done = state == null || items.isEmpty();
            return new Page<>(items, index++, step.totalCount(), done ? null : encode(scope, codec, state));
        }
    }
}
