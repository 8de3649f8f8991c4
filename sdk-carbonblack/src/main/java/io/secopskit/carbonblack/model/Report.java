package io.secopskit.carbonblack.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A feed report: one threat with its IOCs.
 *
 * @param id          report id, unique in the feed
 * @param timestamp   when it was published, epoch seconds (&gt; 0)
 * @param title       title
 * @param description description
 * @param severity    1 to 10
 * @param link        reference URL, or null
 * @param tags        tags
 * @param iocs        the indicators ({@code iocs_v2})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Report(
        @JsonProperty("id") String id,
        @JsonProperty("timestamp") long timestamp,
        @JsonProperty("title") String title,
        @JsonProperty("description") String description,
        @JsonProperty("severity") int severity,
        @JsonProperty("link") String link,
        @JsonProperty("tags") List<String> tags,
        @JsonProperty("iocs_v2") List<Ioc> iocs) {

    /**
     * Copies the lists.
     *
     * @param id          report id
     * @param timestamp   epoch seconds
     * @param title       title
     * @param description description
     * @param severity    1 to 10
     * @param link        reference URL, or null
     * @param tags        tags, or null
     * @param iocs        the indicators, or null for none
     */
    public Report {
        tags = tags == null ? null : List.copyOf(tags);
        iocs = iocs == null ? List.of() : List.copyOf(iocs);
    }
}
