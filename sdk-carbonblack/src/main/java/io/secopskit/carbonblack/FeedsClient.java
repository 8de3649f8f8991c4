package io.secopskit.carbonblack;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.secopskit.carbonblack.internal.Calls;
import io.secopskit.carbonblack.internal.FeedRules;
import io.secopskit.carbonblack.model.CreateFeedRequest;
import io.secopskit.carbonblack.model.Feed;
import io.secopskit.carbonblack.model.FeedInfo;
import io.secopskit.carbonblack.model.FeedQuery;
import io.secopskit.carbonblack.model.Report;
import io.secopskit.core.error.ValidationException;
import io.secopskit.core.http.Operation;
import io.secopskit.core.paging.PagedIterable;
import io.secopskit.core.spi.ApiRequest;
import io.secopskit.core.spi.Pager;
import java.util.List;
import java.util.Map;

/**
 * Threat intelligence feeds ({@code /threathunter/feedmgr/v2/orgs/{org}/feeds}, defense host): list, get,
 * create, delete, replace a feed's description and replace its reports. Needs a Custom key with
 * {@code threathunter.feeds} (Create, Read, Update, Delete as the call needs), or an API key. Thread-safe.
 *
 * <p>Every feed id is checked before anything is sent: empty, {@code .}, {@code ..}, over 512 characters,
 * or holding control characters, {@code /}, {@code \} or whitespace → {@link ValidationException} naming
 * {@code feed_id}.
 */
public final class FeedsClient {
    private static final String BASE = "/threathunter/feedmgr/v2/orgs/{org}/feeds";
    static final Operation LIST = op("ListFeeds", "GET", "").build();
    static final Operation GET = op("GetFeed", "GET", "/{id}").build();
    /** Creates a feed: never resent — a repeat would create a second feed with a new id. */
    static final Operation CREATE = op("CreateFeed", "POST", "").build();
    static final Operation DELETE = op("DeleteFeed", "DELETE", "/{id}").build();
    /** Replaces the feedinfo (PUT): a repeat stores the same description — idempotent. */
    static final Operation UPDATE_INFO = op("UpdateFeedInfo", "PUT", "/{id}/feedinfo").build();
    /**
     * Replaces all reports with a POST. Its effect does not depend on how often it is applied, but the vendor
     * does not document it as safe to repeat and a resend after a lost answer could overwrite a newer set that
     * another writer stored meanwhile, so it is treated like every POST that is not a search: sent at most once.
     */
    static final Operation REPLACE_REPORTS = op("ReplaceReports", "POST", "/{id}/reports").build();

    private final Calls calls;
    private final String orgKey;

    FeedsClient(Calls calls, String orgKey) {
        this.calls = calls;
        this.orgKey = orgKey;
    }

    private static Operation.Builder op(String name, String method, String path) {
        return Operation.builder(CarbonBlackClient.VENDOR, name, method, BASE + path);
    }

    private ApiRequest.Builder request(Operation op) {
        return ApiRequest.of(op).path("org", orgKey);
    }

    /**
     * Lists the org's own feeds ({@code GET .../feeds}); the vendor answers them in one response, so the
     * iterable has one page and no continuation token. Retried on transient failures.
     *
     * @return the feeds' descriptions
     */
    public PagedIterable<FeedInfo> list() {
        return list(FeedQuery.ownFeeds());
    }

    /**
     * Lists feeds ({@code GET .../feeds}, with {@code ?include_public=true} when the query asks for public
     * feeds too); one response, so one page without a continuation token. Retried on transient failures.
     *
     * @param query which feeds
     * @return the feeds' descriptions
     * @throws ValidationException if the query is null (nothing is sent)
     */
    public PagedIterable<FeedInfo> list(FeedQuery query) {
        if (query == null) {
            throw new ValidationException(CarbonBlackClient.VENDOR, LIST.name(), "query", "is required (FeedQuery.ownFeeds())");
        }
        return Pager.single(LIST.qualifiedName(), () -> calls.call(request(LIST)
                .query("include_public", query.includePublic() ? "true" : null).build(), FeedList.class).results());
    }

    /**
     * Reads a feed with its reports ({@code GET .../feeds/{id}}). Retried on transient failures.
     *
     * @param feedId the feed id
     * @return the feed
     * @throws ValidationException                      if the id breaks the id rule (nothing is sent)
     * @throws io.secopskit.core.error.NotFoundException if there is no such feed
     */
    public Feed get(String feedId) {
        return calls.call(request(GET).path("id", id(GET, feedId)).build(), Feed.class);
    }

    /**
     * Creates a feed ({@code POST .../feeds}). Checked before sending: the feedinfo's {@code name},
     * {@code summary}, {@code category} and an absolute http(s) {@code provider_url}; each report's
     * {@code id}, {@code title}, {@code description}, {@code timestamp} &gt; 0, {@code severity} 1–10; each
     * IOC's {@code match_type} (query, equality, regex), non-blank {@code values}, exactly one value for
     * query and a {@code field} for equality and regex. Sent at most once: a repeat would create a second
     * feed.
     *
     * @param request the feed's description and reports
     * @return the created feed's description, with its id
     * @throws ValidationException                     naming the field of the first broken rule (nothing is sent)
     * @throws io.secopskit.core.error.SecOpsException for any failure, typed by cause
     */
    public FeedInfo create(CreateFeedRequest request) {
        if (request == null) {
            throw new ValidationException(CarbonBlackClient.VENDOR, CREATE.name(), "request", "is required");
        }
        FeedRules.feedInfo(CREATE.name(), request.info());
        FeedRules.reports(CREATE.name(), request.reports());
        return calls.call(request(CREATE).json(request).build(), FeedInfo.class);
    }

    /**
     * Deletes a feed ({@code DELETE .../feeds/{id}}). Retried on transient failures; after a retry, a
     * {@link io.secopskit.core.error.NotFoundException} may mean the first attempt did delete it.
     *
     * @param feedId the feed id
     * @throws ValidationException                      if the id breaks the id rule (nothing is sent)
     * @throws io.secopskit.core.error.NotFoundException if there is no such feed
     */
    public void delete(String feedId) {
        calls.execute(request(DELETE).path("id", id(DELETE, feedId)).build());
    }

    /**
     * Replaces a feed's description ({@code PUT .../feeds/{id}/feedinfo}), checked like
     * {@link #create}'s. Retried on transient failures (a PUT stores the same description again).
     *
     * @param feedId the feed id
     * @param info   the new description
     * @return the stored description
     * @throws ValidationException                      if the id or the description breaks a rule (nothing is sent)
     * @throws io.secopskit.core.error.NotFoundException if there is no such feed
     */
    public FeedInfo updateInfo(String feedId, FeedInfo info) {
        String id = id(UPDATE_INFO, feedId);
        FeedRules.feedInfo(UPDATE_INFO.name(), info);
        return calls.call(request(UPDATE_INFO).path("id", id).json(info).build(), FeedInfo.class);
    }

    /**
     * Replaces all of a feed's reports ({@code POST .../feeds/{id}/reports} with {@code {"reports":[...]}}),
     * checked like {@link #create}'s. Sent at most once (a POST the vendor does not document as repeatable):
     * after a dropped connection or a timeout, read the feed with {@link #get} and call again if needed.
     *
     * @param feedId  the feed id
     * @param reports the complete new set of reports (empty removes them all)
     * @throws ValidationException                      if the id or a report breaks a rule (nothing is sent)
     * @throws io.secopskit.core.error.NotFoundException if there is no such feed
     */
    public void replaceReports(String feedId, List<Report> reports) {
        String id = id(REPLACE_REPORTS, feedId);
        FeedRules.reports(REPLACE_REPORTS.name(), reports);
        calls.execute(request(REPLACE_REPORTS).path("id", id).json(Map.of("reports", reports)).build());
    }

    private static String id(Operation op, String feedId) {
        return FeedRules.id(op.name(), "feed_id", feedId);
    }

    record FeedList(@JsonProperty("results") List<FeedInfo> results) {
        FeedList {
            results = results == null ? List.of() : results;
        }
    }
}
