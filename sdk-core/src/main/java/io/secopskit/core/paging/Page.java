package io.secopskit.core.paging;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One page of results as the vendor returned it, with the token that resumes the list after it.
 *
 * @param items             the items on this page, in vendor order
 * @param index             0-based position of this page in the iteration that produced it
 * @param totalCount        the total number of items the vendor reported, or -1 when it did not say
 * @param continuationToken an opaque token for the page after this one, or null when this is the last page;
 *                          pass it to {@link PagedIterable#byPage(String)} (in this or another process) to
 *                          resume the list there
 * @param <T>               item type
 */
public record Page<T>(List<T> items, int index, long totalCount, String continuationToken) {
    /** Copies the item list. */
    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }

    /** Returns the vendor-reported total, when known. */
    public OptionalLong total() {
        return totalCount < 0 ? OptionalLong.empty() : OptionalLong.of(totalCount);
    }

    /** Returns the token for the next page, or empty when this is the last page. */
    public Optional<String> nextToken() {
        return Optional.ofNullable(continuationToken);
    }
}
