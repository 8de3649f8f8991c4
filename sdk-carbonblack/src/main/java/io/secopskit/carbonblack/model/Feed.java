package io.secopskit.carbonblack.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A feed with its reports.
 *
 * @param info    the feed's description
 * @param reports the reports
 */
public record Feed(@JsonProperty("feedinfo") FeedInfo info, @JsonProperty("reports") List<Report> reports) {
    /**
     * Copies the reports.
     *
     * @param info    the feed's description
     * @param reports the reports, or null for none
     */
    public Feed {
        reports = reports == null ? List.of() : List.copyOf(reports);
    }
}
