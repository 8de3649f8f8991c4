package io.secopskit.carbonblack.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * A Live Query run.
 *
 * @param id             run id
 * @param orgKey         organization key
 * @param name           run name
 * @param sql            the osquery SQL
 * @param status         state
 * @param createdBy      creator
 * @param createTime     creation time
 * @param timeoutTime    when it times out
 * @param notifyOnFinish whether an e-mail is sent when it finishes
 * @param deviceFilter   the targeted devices
 * @param schedule       recurrence, or null for a one-off run
 * @param destinations   where results go
 * @param totalResults   rows collected
 * @param matchCount     devices that matched
 * @param noMatchCount   devices that did not match
 * @param errorCount     devices that failed
 * @param inProgressCount devices still running
 * @param notStartedCount devices not started
 */
public record Run(
        @JsonProperty("id") String id,
        @JsonProperty("org_key") String orgKey,
        @JsonProperty("name") String name,
        @JsonProperty("sql") String sql,
        @JsonProperty("status") RunStatus status,
        @JsonProperty("created_by") String createdBy,
        @JsonProperty("create_time") Instant createTime,
        @JsonProperty("timeout_time") Instant timeoutTime,
        @JsonProperty("notify_on_finish") boolean notifyOnFinish,
        @JsonProperty("device_filter") DeviceFilter deviceFilter,
        @JsonProperty("schedule") Schedule schedule,
        @JsonProperty("destinations") List<String> destinations,
        @JsonProperty("total_results") long totalResults,
        @JsonProperty("match_count") long matchCount,
        @JsonProperty("no_match_count") long noMatchCount,
        @JsonProperty("error_count") long errorCount,
        @JsonProperty("in_progress_count") long inProgressCount,
        @JsonProperty("not_started_count") long notStartedCount) {
}
