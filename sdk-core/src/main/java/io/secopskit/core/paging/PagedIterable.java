package io.secopskit.core.paging;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
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
 * @param <T> item type
 */
public final class PagedIterable<T> implements Iterable<T> {
    private final Supplier<Iterator<Page<T>>> pages;

    private PagedIterable(Supplier<Iterator<Page<T>>> pages) {
        this.pages = pages;
    }

    /**
     * Creates a paged iterable from a factory of page iterators; each iterator must fetch lazily.
     *
     * @param pages returns a new page iterator, starting at the first page, on every call
     * @param <T>   item type
     * @return the iterable
     */
    public static <T> PagedIterable<T> fromPages(Supplier<Iterator<Page<T>>> pages) {
        return new PagedIterable<>(Objects.requireNonNull(pages, "pages"));
    }

    /**
     * Returns the pages themselves, for callers that want page boundaries or the vendor's total.
     *
     * @return an iterable of pages, lazily fetched
     */
    public Iterable<Page<T>> byPage() {
        return pages::get;
    }

    /**
     * Returns an iterator over all items of all pages.
     *
     * @return a new iterator starting at the first page
     */
    @Override
    public Iterator<T> iterator() {
        Iterator<Page<T>> source = pages.get();
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
