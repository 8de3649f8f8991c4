package io.secopskit.taegis.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A service as a tenant holds it: granted (assigned subscriptions), requested, or both
 * ({@code Tenant.granted_services}, {@code requested_services}, {@code all_services}; schema type
 * {@code TenantService}; not in the vendor document — selected by {@code TenantFields.ALL}).
 *
 * @param id             the assignment's id ({@code id})
 * @param serviceId      the service (subscription) id ({@code service_id})
 * @param name           the service's name ({@code name})
 * @param description    its description ({@code description})
 * @param serviceOwnerId the tenant that owns the service ({@code service_owner_id})
 * @param ownedByPartner whether a partner owns it ({@code owned_by_partner})
 * @param createdAt      when the assignment was created ({@code created_at})
 * @param updatedAt      when it last changed ({@code updated_at})
 * @param requestedAt    when it was requested, or null ({@code requested_at})
 * @param grantedAt      when it was granted, or null ({@code granted_at})
 * @param revokedAt      when it was revoked, or null ({@code revoked_at})
 * @param requestedBy    who requested it, or null ({@code requested_by})
 */
public record TenantService(
        @JsonProperty("id") String id,
        @JsonProperty("service_id") String serviceId,
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("service_owner_id") String serviceOwnerId,
        @JsonProperty("owned_by_partner") Boolean ownedByPartner,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("requested_at") Instant requestedAt,
        @JsonProperty("granted_at") Instant grantedAt,
        @JsonProperty("revoked_at") Instant revokedAt,
        @JsonProperty("requested_by") String requestedBy) {
}
