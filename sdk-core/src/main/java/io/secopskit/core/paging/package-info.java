/** Lazy paging over vendor list operations: {@link io.secopskit.core.paging.PagedIterable}. */
package io.secopskit.core.paging;
