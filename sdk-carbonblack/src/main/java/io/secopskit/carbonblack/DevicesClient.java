package io.secopskit.carbonblack;

import com.fasterxml.jackson.core.type.TypeReference;
import io.secopskit.carbonblack.internal.Calls;
import io.secopskit.carbonblack.internal.CappedSearch;
import io.secopskit.carbonblack.model.Device;
import io.secopskit.carbonblack.model.DeviceQuery;
import io.secopskit.core.error.ValidationException;
import io.secopskit.core.http.Operation;
import io.secopskit.core.paging.PagedIterable;
import io.secopskit.core.spi.ApiRequest;

/**
 * Devices ({@code /appservices/v6/orgs/{org}/devices}, defense host): {@link #list} (the vendor's device
 * search) and {@link #get}. Needs a Custom key with the device permission. Thread-safe.
 */
public final class DevicesClient {
    private static final String BASE = "/appservices/v6/orgs/{org}/devices";
    /** The device search: read-only, creates nothing — idempotent. */
    static final Operation SEARCH = Operation.builder(CarbonBlackClient.VENDOR, "SearchDevices", "POST", BASE + "/_search")
            .idempotent(true).build();
    /** Devices past the cap: read-only, the cursor ({@code search_after}) is the client's — idempotent. */
    static final Operation SCROLL = Operation.builder(CarbonBlackClient.VENDOR, "ScrollDevices", "POST", BASE + "/_scroll")
            .idempotent(true).build();
    static final Operation GET = Operation.builder(CarbonBlackClient.VENDOR, "GetDevice", "GET", BASE + "/{id}").build();

    private static final TypeReference<CappedSearch.Results<Device>> DEVICES = new TypeReference<>() { };

    private final Calls calls;
    private final String orgKey;

    DevicesClient(Calls calls, String orgKey) {
        this.calls = calls;
        this.orgKey = orgKey;
    }

    /**
     * Lists devices lazily through the device search ({@code POST .../devices/_search}, 1-based
     * {@code start}, {@code rows} = the query's page size). Result sets above the vendor's 10,000-row window
     * are read through {@code POST .../devices/_scroll} with {@code search_after}; each device is returned
     * once. Every page carries a continuation token. Retried on transient failures (a read).
     *
     * @param query query string, criteria, exclusions, sort and page size; {@link DeviceQuery#all()} for every device
     * @return the devices, fetched page by page as iteration reaches them
     * @throws ValidationException if the query is null (nothing is sent)
     */
    public PagedIterable<Device> list(DeviceQuery query) {
        if (query == null) {
            throw new ValidationException(CarbonBlackClient.VENDOR, SEARCH.name(), "query", "is required (DeviceQuery.all() for every device)");
        }
        return CappedSearch.of(SEARCH.qualifiedName(), SEARCH.name(), 1, query.pageSize(),
                (start, rows) -> calls.call(ApiRequest.of(SEARCH).path("org", orgKey)
                        .json(CappedSearch.body(query, start, rows, null)).build(), DEVICES).asSearchPage(),
                (searchAfter, rows) -> calls.call(ApiRequest.of(SCROLL).path("org", orgKey)
                        .json(CappedSearch.body(query, null, rows, searchAfter)).build(), DEVICES).asScrollPage());
    }

    /**
     * Reads one device ({@code GET .../devices/{id}}). Retried on transient failures.
     *
     * @param deviceId the device id (positive)
     * @return the device
     * @throws ValidationException                      if the id is not positive (nothing is sent)
     * @throws io.secopskit.core.error.NotFoundException if there is no such device
     */
    public Device get(long deviceId) {
        if (deviceId <= 0) {
            throw new ValidationException(CarbonBlackClient.VENDOR, GET.name(), "device_id", "must be positive (was " + deviceId + ")");
        }
        return calls.call(ApiRequest.of(GET).path("org", orgKey).path("id", Long.toString(deviceId)).build(), Device.class);
    }
}
