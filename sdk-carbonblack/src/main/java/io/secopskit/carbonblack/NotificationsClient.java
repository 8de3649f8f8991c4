package io.secopskit.carbonblack;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.secopskit.carbonblack.internal.Calls;
import io.secopskit.core.error.ConfigurationException;
import io.secopskit.core.http.Operation;
import io.secopskit.core.spi.ApiRequest;
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
    /** Takes notifications off a read-once queue: a GET that is not idempotent, never resent. */
    static final Operation FETCH = Operation.builder(CarbonBlackClient.VENDOR, "GetNotifications", "GET",
            "/integrationServices/v3/notification").host(CarbonBlackClient.API_HOST).idempotent(false).build();

    private final Calls calls;
    private final boolean apiHostConfigured;

    NotificationsClient(Calls calls, boolean apiHostConfigured) {
        this.calls = calls;
        this.apiHostConfigured = apiHostConfigured;
    }

    /**
     * Takes the pending notifications off the queue. The queue is read-once, so the call is never retried
     * (a repeat after a lost answer would lose notifications, not duplicate them), and it returns a
     * {@code List}, not a {@code PagedIterable}: iterating twice must not take from the queue twice.
     *
     * @return the notifications, each as its JSON fields
     * @throws ConfigurationException                  if the client has no API host (no environment and no
     *                                                 {@code apiEndpoint(URI)}); nothing is sent
     * @throws io.secopskit.core.error.SecOpsException for any failure, typed by cause
     * @deprecated see the class documentation
     */
    @Deprecated
    public List<Map<String, Object>> fetch() {
        if (!apiHostConfigured) {
            throw new ConfigurationException(CarbonBlackClient.VENDOR, "apiEndpoint", "the notifications queue is on the API host"
                    + " (/integrationServices): build the client with environment(...) or apiEndpoint(URI)");
        }
        return calls.call(ApiRequest.of(FETCH).build(), Queue.class).notifications();
    }

    record Queue(@JsonProperty("notifications") List<Map<String, Object>> notifications,
                 @JsonProperty("success") boolean success, @JsonProperty("message") String message) {
        Queue {
            notifications = notifications == null ? List.of() : notifications;
        }
    }
}
