package io.secopskit.carbonblack.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The body of a feed creation ({@code POST /threathunter/feedmgr/v2/orgs/{org}/feeds}): the feed's
 * description and its first reports. The documented rules (required feedinfo fields, an http(s)
 * {@code provider_url}, report and IOC rules) are checked when the request is sent, naming the field.
 *
 * @param info    the feed's description ({@code feedinfo}); its id and owner are assigned by Carbon Black
 * @param reports its reports (may be empty; a null list is an empty one)
 */
public record CreateFeedRequest(@JsonProperty("feedinfo") FeedInfo info, @JsonProperty("reports") List<Report> reports) {
    /**
     * Copies the reports; null elements are kept so that the check can name them.
     *
     * @param info    the feed's description
     * @param reports its reports, or null for none
     */
    public CreateFeedRequest {
        reports = reports == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(reports));
    }

    /**
     * A feed without reports.
     *
     * @param info the feed's description
     * @return the request
     */
    public static CreateFeedRequest of(FeedInfo info) {
        return new CreateFeedRequest(info, List.of());
    }

    /**
     * A feed with reports.
     *
     * @param info    the feed's description
     * @param reports its reports
     * @return the request
     */
    public static CreateFeedRequest of(FeedInfo info, List<Report> reports) {
        return new CreateFeedRequest(info, reports);
    }
}
