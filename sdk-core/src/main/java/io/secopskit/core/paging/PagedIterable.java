package io.secopskit.core.paging;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazily fetched list of vendor results. Nothing is requested until iteration starts; the next page
 * is requested only when iteration reaches it, and only one page is held in memory. Each call to
 * {@link #iterator()}, {@link #stream()} or {@link #byPage()} starts again from the first page with
 * fresh state, so an instance can be iterated more than once and by several threads (each with its own
 * iterator). Vendor errors surface as {@link io.secopskit.core.error.SecOpsException} from
 * {@code hasNext()}/{@code next()}.
 *
 * <p>Every {@link Page} carries a continuation token: a long export that stops (a crash, a deploy, a
 * rate limit) resumes with {@link #byPage(String)} or {@link #resumeFrom(String)}, also in another
 * process. Tokens are opaque and versioned; one from another list is refused with
 * {@link io.secopskit.core.error.ValidationException} before anything is sent.
 *
 * @param <T> item type
 */
public final class PagedIterable<T> implements Iterable<T> {
    private final Function<String, Iterator<Page<T>>> pages;

    private PagedIterable(Function<String, Iterator<Page<T>>> pages) {
        this.pages = pages;
    }

    /**
     * Creates a paged iterable from a factory of page iterators; each iterator must fetch lazily.
     *
     * @param pages given null, returns a new iterator from the first page; given a continuation token,
     *              a new iterator from the page it names
     * @param <T>   item type
     * @return the iterable
     */
    public static <T> PagedIterable<T> fromPages(Function<String, Iterator<Page<T>>> pages) {
        return new PagedIterable<>(Objects.requireNonNull(pages, "pages"));
    }

    /**
     * Returns the pages themselves, for callers that want page boundaries, the vendor's total or the
     * continuation tokens.
     *
     * @return an iterable of pages from the first, lazily fetched
     */
    public Iterable<Page<T>> byPage() {
        return () -> pages.apply(null);
    }

    /**
     * Returns the pages from the one a continuation token names.
     *
     * @param continuationToken a token from {@link Page#continuationToken()} of this same list
     * @return an iterable of pages, lazily fetched
     * @throws io.secopskit.core.error.ValidationException (when iteration starts) if the token is not one
     *                                                     of this list
     */
    public Iterable<Page<T>> byPage(String continuationToken) {
        Objects.requireNonNull(continuationToken, "continuationToken");
        return () -> pages.apply(continuationToken);
    }

    /**
     * Returns the items from the page a continuation token names onwards.
     *
     * @param continuationToken a token from {@link Page#continuationToken()} of this same list
     * @return the remaining items, lazily fetched
     */
    public PagedIterable<T> resumeFrom(String continuationToken) {
        Objects.requireNonNull(continuationToken, "continuationToken");
        return new PagedIterable<>(token -> pages.apply(token == null ? continuationToken : token));
    }

    /**
     * Returns an iterator over all items of all pages.
     *
     * @return a new iterator starting at the first page
     */
    @Override
    public Iterator<T> iterator() {
        Iterator<Page<T>> source = pages.apply(null);
        return new Iterator<>() {
            private Iterator<T> current = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext()) {
                    if (!source.hasNext()) {
                        return false;
                    }
                    current = source.next().items().iterator();
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /**
     * Returns a sequential stream over all items; pages are fetched as the stream is consumed.
     *
     * @return a new stream
     */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }
}
