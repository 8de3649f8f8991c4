package io.secopskit.taegis.model;

/** How {@code TenantsClient.list} walks the results. {@link #CURSOR} is the default and the recommended mode. */
public enum TenantPaging {
    /**
     * {@code cursorPos} from each answer, passed back for the next page — the default. It does not depend on
     * where pages start. The document: a cursor is valid only for the sort it was issued under; {@code list}
     * sends the same {@code orderBy}/{@code orderDir} with every page, and its continuation tokens name the
     * sort, so a token is refused before sending when resumed under another sort.
     */
    CURSOR,
    /**
     * {@code pageNum} 1, 2, 3 ... with {@code maxResults} per page. The document never says whether pages
     * count from 0 or 1; SecOpsKit <b>assumes 1-based pages</b> (its page-number example asks for
     * {@code pageNum: 2} after a first page). Pages shift when tenants are added or removed meanwhile.
     */
    PAGE_NUMBER
}
