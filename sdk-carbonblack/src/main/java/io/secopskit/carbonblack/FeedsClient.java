package io.secopskit.carbonblack;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.secopskit.carbonblack.internal.FeedRules;
import io.secopskit.carbonblack.model.Feed;
import io.secopskit.carbonblack.model.FeedInfo;
import io.secopskit.carbonblack.model.Report;
import io.secopskit.core.http.Operation;
import io.secopskit.core.spi.ApiRequest;
import io.secopskit.core.spi.VendorPipeline;
import io.secopskit.core.spi.Pager;
import io.secopskit.core.paging.PagedIterable;
import java.util.List;
import java.util.Map;

/**
 * Threat intelligence feeds ({@code /threathunter/feedmgr/v2/orgs/{org}/feeds}, defense host). Needs a
 * Custom key with {@code threathunter.feeds}, or an API key. Thread-safe.
 */
public final class FeedsClient {
    private static final String BASE = "/threathunter/feedmgr/v2/orgs/{org}/feeds";
    static final Operation LIST = op("ListFeeds", "GET", "").build();
    static final Operation GET = op("GetFeed", "GET", "/{id}").build();
    static final Operation CREATE = op("CreateFeed", "POST", "").build();
    static final Operation DELETE = op("DeleteFeed", "DELETE", "/{id}").build();
    static final Operation UPDATE_INFO = op("UpdateFeedInfo", "PUT", "/{id}/feedinfo").build();
    static final Operation REPLACE_REPORTS = op("ReplaceReports", "POST", "/{id}/reports").idempotent(true).build();

    private final VendorPipeline pipeline;
    private final String orgKey;

    FeedsClient(VendorPipeline pipeline, String orgKey) {
        this.pipeline = pipeline;
        this.orgKey = orgKey;
    }

    private static Operation.Builder op(String name, String method, String path) {
        return Operation.builder(FeedRules.VENDOR, name, method, BASE + path);
    }

    private ApiRequest.Builder request(Operation op) {
        return ApiRequest.of(op).path("org", orgKey);
    }

    /**
     * Lists the org's feeds ({@code GET .../feeds}); the API returns them in one answer.
     *
     * @param includePublic whether to include public feeds ({@code include_public=true})
     * @return the feeds' descriptions
     */
    public PagedIterable<FeedInfo> list(boolean includePublic) {
        return Pager.single(LIST.qualifiedName(), () -> pipeline.call(request(LIST).query("include_public", includePublic ? "true" : null).build(),
                FeedList.class).results());
    }

    /**
     * Reads a feed with its reports ({@code GET .../feeds/{id}}).
     *
     * @param feedId the feed id
     * @return the feed
     */
    public Feed get(String feedId) {
        return pipeline.call(request(GET).path("id", id(GET, feedId)).build(), Feed.class);
    }

    /**
     * Creates a feed ({@code POST .../feeds}). Checked before sending: required feedinfo fields, an http(s)
     * {@code provider_url}, report severity 1–10, timestamp &gt; 0, IOC match types with {@code field} for
     * equality/regex and exactly one value for query. Not retried.
     *
     * @param info    the feed's description
     * @param reports its reports (may be empty)
     * @return the created feed's description, with its id
     */
    public FeedInfo create(FeedInfo info, List<Report> reports) {
        FeedRules.feedInfo(CREATE.name(), info);
        FeedRules.reports(CREATE.name(), reports);
        return pipeline.call(request(CREATE).json(Map.of("feedinfo", info, "reports", reports)).build(), FeedInfo.class);
    }

    /**
     * Deletes a feed ({@code DELETE .../feeds/{id}}).
     *
     * @param feedId the feed id
     */
    public void delete(String feedId) {
        pipeline.execute(request(DELETE).path("id", id(DELETE, feedId)).build());
    }

    /**
     * Replaces a feed's description ({@code PUT .../feeds/{id}/feedinfo}).
     *
     * @param feedId the feed id
     * @param info   the new description
     * @return the stored description
     */
    public FeedInfo updateFeedInfo(String feedId, FeedInfo info) {
        FeedRules.feedInfo(UPDATE_INFO.name(), info);
        return pipeline.call(request(UPDATE_INFO).path("id", id(UPDATE_INFO, feedId)).json(info).build(), FeedInfo.class);
    }

    /**
     * Replaces all of a feed's reports ({@code POST .../feeds/{id}/reports}); a repeat has the same effect,
     * so it is retried on transient errors.
     *
     * @param feedId  the feed id
     * @param reports the complete new set of reports
     */
    public void replaceReports(String feedId, List<Report> reports) {
        FeedRules.reports(REPLACE_REPORTS.name(), reports);
        pipeline.execute(request(REPLACE_REPORTS).path("id", id(REPLACE_REPORTS, feedId)).json(Map.of("reports", reports)).build());
    }

    private static String id(Operation op, String feedId) {
        return FeedRules.text(op.name(), "feed_id", feedId);
    }

    record FeedList(@JsonProperty("results") List<FeedInfo> results) {
        FeedList {
            results = results == null ? List.of() : results;
        }
    }
}
