package io.secopskit.taegis.internal.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.secopskit.taegis.model.Tenant;
import java.util.List;

/**
 * One answer of {@code tenants(tenantsQuery:)} (schema type {@code TenantResults}). Internal.
 *
 * @param results    the tenants
 * @param cursorPos  the cursor after the last result
 * @param count      how many came back
 * @param hasMore    whether more follow
 * @param totalCount the total, for page-number paging
 */
public record TenantPage(
        @JsonProperty("results") List<Tenant> results,
        @JsonProperty("cursorPos") String cursorPos,
        @JsonProperty("count") Integer count,
        @JsonProperty("hasMore") Boolean hasMore,
        @JsonProperty("totalCount") Long totalCount) {
}
