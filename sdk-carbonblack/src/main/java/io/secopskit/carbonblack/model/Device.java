package io.secopskit.carbonblack.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * A device (endpoint) from the device search.
 *
 * @param id                    device id
 * @param name                  device name
 * @param os                    operating system
 * @param osVersion             OS version
 * @param status                sensor status
 * @param policyId              policy id
 * @param policyName            policy name
 * @param organizationId        organization id
 * @param lastContactTime       last check-in
 * @param lastInternalIpAddress last internal IP
 * @param lastExternalIpAddress last external IP
 * @param quarantined           whether the device is quarantined
 * @param sensorVersion         sensor version
 * @param avStatus              antivirus states
 */
public record Device(
        @JsonProperty("id") long id,
        @JsonProperty("name") String name,
        @JsonProperty("os") String os,
        @JsonProperty("os_version") String osVersion,
        @JsonProperty("status") String status,
        @JsonProperty("policy_id") Long policyId,
        @JsonProperty("policy_name") String policyName,
        @JsonProperty("organization_id") Long organizationId,
        @JsonProperty("last_contact_time") Instant lastContactTime,
        @JsonProperty("last_internal_ip_address") String lastInternalIpAddress,
        @JsonProperty("last_external_ip_address") String lastExternalIpAddress,
        @JsonProperty("quarantined") boolean quarantined,
        @JsonProperty("sensor_version") String sensorVersion,
        @JsonProperty("av_status") List<String> avStatus) {
}
