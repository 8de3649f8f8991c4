package io.secopskit.taegis.internal.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The wire shape of {@code updateSubscription(input:)} (schema input {@code SubscriptionUpdate}): the id inside
 * the input. Internal.
 *
 * @param id                 the subscription id
 * @param description        a new description
 * @param name               a new name
 * @param requiresPresentIds services a tenant must have
 * @param requiresAbsentIds  services a tenant must not have
 */
public record SubscriptionUpdateInput(
        @JsonProperty("id") String id,
        @JsonProperty("description") String description,
        @JsonProperty("name") String name,
        @JsonProperty("requires_present_ids") List<String> requiresPresentIds,
        @JsonProperty("requires_absent_ids") List<String> requiresAbsentIds) {
}
