package io.secopskit.taegis.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One environment of a tenant and whether the tenant is enabled there (schema type {@code Environment}).
 * Every field set selects all six fields.
 *
 * @param id        the environment record's id ({@code id})
 * @param createdAt when it was created ({@code created_at})
 * @param updatedAt when it last changed ({@code updated_at})
 * @param tenantId  the tenant ({@code tenant_id})
 * @param name      the environment's name, for example {@code echo} ({@code name}; a plain string in the
 *                  schema — compare with {@link TenantEnvironment#value()})
 * @param enabled   whether the tenant is enabled there ({@code enabled})
 */
public record Environment(
        @JsonProperty("id") String id,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("tenant_id") String tenantId,
        @JsonProperty("name") String name,
        @JsonProperty("enabled") Boolean enabled) {
}
