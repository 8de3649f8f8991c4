package io.secopskit.carbonblack.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;

/**
 * One device's row of a Live Query run.
 *
 * @param runId         the run ({@code id})
 * @param device        the device that answered
 * @param status        {@code matched}, {@code not_matched}, {@code error}
 * @param timeReceived  when the row arrived
 * @param deviceMessage the device's message, if any
 * @param fields        the selected columns
 */
public record RunResult(
        @JsonProperty("id") String runId,
        @JsonProperty("device") Device device,
        @JsonProperty("status") String status,
        @JsonProperty("time_received") Instant timeReceived,
        @JsonProperty("device_message") String deviceMessage,
        @JsonProperty("fields") Map<String, Object> fields) {

    /**
     * Copies the fields.
     *
     * @param runId         the run
     * @param device        the device that answered
     * @param status        the row's status
     * @param timeReceived  when the row arrived
     * @param deviceMessage the device's message, or null
     * @param fields        the selected columns, or null for none
     */
    public RunResult {
        fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }

    /**
     * The device that produced a row.
     *
     * @param id         device id
     * @param name       device name
     * @param policyId   policy id
     * @param policyName policy name
     * @param os         operating system
     */
    public record Device(@JsonProperty("id") long id, @JsonProperty("name") String name,
                         @JsonProperty("policy_id") Long policyId, @JsonProperty("policy_name") String policyName,
                         @JsonProperty("os") String os) {
    }
}
