package io.secopskit.carbonblack.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Which devices a Live Query run targets; empty lists mean "all".
 *
 * @param deviceIds device ids ({@code device_id})
 * @param os        operating systems ({@code os}): {@code WINDOWS}, {@code MAC}, {@code LINUX}
 * @param policyIds policy ids ({@code policy_id})
 */
public record DeviceFilter(
        @JsonProperty("device_id") List<Long> deviceIds,
        @JsonProperty("os") List<String> os,
        @JsonProperty("policy_id") List<Long> policyIds) {

    /**
     * Copies the lists; nulls stay null so they are not sent.
     *
     * @param deviceIds device ids, or null
     * @param os        operating systems, or null
     * @param policyIds policy ids, or null
     */
    public DeviceFilter {
        deviceIds = deviceIds == null ? null : List.copyOf(deviceIds);
        os = os == null ? null : List.copyOf(os);
        policyIds = policyIds == null ? null : List.copyOf(policyIds);
    }

    /**
     * Targets devices running these operating systems.
     *
     * @param os for example {@code WINDOWS}
     * @return the filter
     */
    public static DeviceFilter os(String... os) {
        return new DeviceFilter(null, List.of(os), null);
    }

    /**
     * Targets these devices.
     *
     * @param ids device ids
     * @return the filter
     */
    public static DeviceFilter devices(Long... ids) {
        return new DeviceFilter(List.of(ids), null, null);
    }
}
