package io.secopskit.core.paging;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One page of results as the vendor returned it.
 *
 * @param items      the items on this page, in vendor order
 * @param index      0-based position of this page in the iteration
 * @param totalCount the total number of items the vendor reported, or -1 when it did not say
 * @param <T>        item type
 */
public record Page<T>(List<T> items, int index, long totalCount) {
    /** Copies the item list. */
    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }

    /** Returns the vendor-reported total, when known. */
    public OptionalLong total() {
        return totalCount < 0 ? OptionalLong.empty() : OptionalLong.of(totalCount);
    }
}
