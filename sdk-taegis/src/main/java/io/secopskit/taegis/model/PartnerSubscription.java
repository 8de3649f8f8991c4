package io.secopskit.taegis.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A subscription a partner assigned to a tenant, inside the deprecated {@link Partnership} (schema type
 * {@code PartnerSubscription}; selected by {@code TenantFields.DOCUMENTED}).
 *
 * @param id          the assignment's id ({@code id})
 * @param serviceId   the subscription's id ({@code service_id})
 * @param name        its name ({@code name})
 * @param description its description ({@code description})
 * @param createdAt   when it was assigned ({@code created_at})
 * @param updatedAt   when it last changed ({@code updated_at})
 */
public record PartnerSubscription(
        @JsonProperty("id") String id,
        @JsonProperty("service_id") String serviceId,
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt) {
}
