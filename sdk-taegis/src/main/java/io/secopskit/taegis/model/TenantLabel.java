package io.secopskit.taegis.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A label of a tenant (schema type {@code TenantLabel}). Every field set selects all five fields.
 *
 * @param id                   the label id ({@code id})
 * @param tenantId             the tenant it belongs to ({@code tenant_id})
 * @param name                 its name ({@code name})
 * @param value                its value ({@code value})
 * @param ownerPartnerTenantId the partner tenant that owns it and limits who sees it, or null
 *                             ({@code owner_partner_tenant_id})
 */
public record TenantLabel(
        @JsonProperty("id") String id,
        @JsonProperty("tenant_id") String tenantId,
        @JsonProperty("name") String name,
        @JsonProperty("value") String value,
        @JsonProperty("owner_partner_tenant_id") String ownerPartnerTenantId) {
}
