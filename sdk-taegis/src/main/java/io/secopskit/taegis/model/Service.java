package io.secopskit.taegis.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A service — what the document calls a partner subscription — as {@code createSubscription},
 * {@code updateSubscription} and {@code deleteSubscription} return it (schema type {@code Service}), and as the
 * deprecated {@code Tenant.services} lists them.
 *
 * @param id                 the subscription id, used to assign it ({@code id})
 * @param createdAt          when it was created ({@code created_at})
 * @param updatedAt          when it last changed ({@code updated_at})
 * @param name               its name ({@code name})
 * @param description        its description ({@code description})
 * @param ownerTenantId      the partner tenant that owns it ({@code owner_tenant_id})
 * @param requiresPresentIds services a tenant must have for this one, as the API sends them (comma
 *                           separated); selected by {@code TenantFields.ALL} only ({@code requires_present_ids})
 * @param requiresAbsentIds  services a tenant must not have, as sent; {@code TenantFields.ALL} only
 *                           ({@code requires_absent_ids})
 */
public record Service(
        @JsonProperty("id") String id,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("owner_tenant_id") String ownerTenantId,
        @JsonProperty("requires_present_ids") String requiresPresentIds,
        @JsonProperty("requires_absent_ids") String requiresAbsentIds) {
}
