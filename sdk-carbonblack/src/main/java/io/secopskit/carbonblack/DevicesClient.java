package io.secopskit.carbonblack;

import com.fasterxml.jackson.core.type.TypeReference;
import io.secopskit.carbonblack.internal.CappedSearch;
import io.secopskit.carbonblack.internal.FeedRules;
import io.secopskit.carbonblack.model.Device;
import io.secopskit.carbonblack.model.SearchCriteria;
import io.secopskit.core.http.Operation;
import io.secopskit.core.spi.ApiRequest;
import io.secopskit.core.spi.VendorPipeline;
import io.secopskit.core.paging.PagedIterable;
import java.util.Objects;

/**
 * Device search ({@code /appservices/v6/orgs/{org}/devices}, defense host). Thread-safe.
 */
public final class DevicesClient {
    private static final String BASE = "/appservices/v6/orgs/{org}/devices";
    static final Operation SEARCH = Operation.builder(FeedRules.VENDOR, "SearchDevices", "POST", BASE + "/_search")
            .idempotent(true).build();
    static final Operation SCROLL = Operation.builder(FeedRules.VENDOR, "ScrollDevices", "POST", BASE + "/_scroll")
            .idempotent(true).build();

    private static final TypeReference<CappedSearch.Results<Device>> DEVICES = new TypeReference<>() { };

    private final VendorPipeline pipeline;
    private final String orgKey;

    DevicesClient(VendorPipeline pipeline, String orgKey) {
        this.pipeline = pipeline;
        this.orgKey = orgKey;
    }

    /**
     * Searches devices lazily ({@code POST .../devices/_search}, 1-based {@code start}, {@code rows} ≤ 10,000).
     * Result sets above the 10,000-row cap are read through {@code POST .../devices/_scroll} with
     * {@code search_after}; each device is returned once.
     *
     * @param criteria query, criteria, exclusions, sort and page size
     * @return the devices
     */
    public PagedIterable<Device> search(SearchCriteria criteria) {
        Objects.requireNonNull(criteria, "criteria");
        return CappedSearch.of("carbonblack.SearchDevices", 1, criteria.pageSize(),
                (start, rows) -> pipeline.call(ApiRequest.of(SEARCH).path("org", orgKey)
                        .json(CappedSearch.body(pipeline.mapper(), criteria, start, rows, null)).build(), DEVICES).asSearchPage(),
                (searchAfter, rows) -> pipeline.call(ApiRequest.of(SCROLL).path("org", orgKey)
                        .json(CappedSearch.body(pipeline.mapper(), criteria, null, rows, searchAfter)).build(), DEVICES)
                        .asScrollPage());
    }
}
