package io.secopskit.carbonblack.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.secopskit.carbonblack.internal.FeedRules;

/**
 * The body of a Live Query run creation ({@code POST /livequery/v1/orgs/{org}/runs}).
 *
 * @param sql            osquery SQL (required)
 * @param name           run name, or null
 * @param notifyOnFinish e-mail when finished, or null for the vendor default
 * @param deviceFilter   targeted devices, or null for all
 * @param schedule       recurrence, or null for a one-off run
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateRunRequest(
        @JsonProperty("sql") String sql,
        @JsonProperty("name") String name,
        @JsonProperty("notify_on_finish") Boolean notifyOnFinish,
        @JsonProperty("device_filter") DeviceFilter deviceFilter,
        @JsonProperty("schedule") Schedule schedule) {

    /**
     * Requires the SQL.
     *
     * @param sql osquery SQL
     * @param name run name, or null
     * @param notifyOnFinish e-mail when finished, or null
     * @param deviceFilter targeted devices, or null for all
     * @param schedule recurrence, or null
     * @throws io.secopskit.core.error.ValidationException if the SQL is null or blank
     */
    public CreateRunRequest {
        FeedRules.text("CreateRun", "sql", sql);
    }

    /**
     * A one-off run on every device.
     *
     * @param sql osquery SQL
     * @return the request
     */
    public static CreateRunRequest of(String sql) {
        return new CreateRunRequest(sql, null, null, null, null);
    }
}
