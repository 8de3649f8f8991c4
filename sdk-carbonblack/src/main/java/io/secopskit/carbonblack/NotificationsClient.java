package io.secopskit.carbonblack;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.secopskit.carbonblack.internal.FeedRules;
import io.secopskit.core.http.Operation;
import io.secopskit.core.spi.ApiRequest;
import io.secopskit.core.spi.VendorPipeline;
import java.util.List;
import java.util.Map;

/**
 * The SIEM notifications queue ({@code GET /integrationServices/v3/notification}, API host, SIEM key).
 *
 * @deprecated Carbon Black has deprecated the notifications API in favour of the Data Forwarder and the
 *             alerts API; it is offered for integrations that still depend on it.
 */
@Deprecated
public final class NotificationsClient {
    static final Operation FETCH = Operation.builder(FeedRules.VENDOR, "GetNotifications", "GET",
            "/integrationServices/v3/notification").host(CarbonBlackClient.API_HOST).idempotent(false).build();

    private final VendorPipeline pipeline;

    NotificationsClient(VendorPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /**
     * Takes the pending notifications off the queue. The queue is read-once, so the call is never
     * retried: a repeat after a lost answer would miss notifications, not duplicate them.
     *
     * @return the notifications, each as its JSON fields
     * @deprecated see the class documentation
     */
    @Deprecated
    public List<Map<String, Object>> fetch() {
        return pipeline.call(ApiRequest.of(FETCH).build(), Queue.class).notifications();
    }

    record Queue(@JsonProperty("notifications") List<Map<String, Object>> notifications,
                 @JsonProperty("success") boolean success, @JsonProperty("message") String message) {
        Queue {
            notifications = notifications == null ? List.of() : notifications;
        }
    }
}
