package io.secopskit.taegis.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A label to create or the new name and value of one ({@code createTenantLabel} / {@code updateTenantLabel}
 * {@code label_input}, and the labels of a new tenant; schema input {@code InputTenantLabel}).
 *
 * @param name                 the label's name (required)
 * @param value                its value
 * @param ownerPartnerTenantId the partner tenant that owns it and limits who sees it — the document: only the
 *                             tenant's parent can own a label — or null ({@code owner_partner_tenant_id})
 */
public record TenantLabelRequest(
        @JsonProperty("name") String name,
        @JsonProperty("value") String value,
        @JsonProperty("owner_partner_tenant_id") String ownerPartnerTenantId) {

    /**
     * A label visible to everyone who can read the tenant.
     *
     * @param name  the name
     * @param value the value
     * @return the request
     */
    public static TenantLabelRequest of(String name, String value) {
        return new TenantLabelRequest(name, value, null);
    }

    /**
     * A label owned by the tenant's parent (partner), shown only to tokens that can read that partner.
     *
     * @param name                 the name
     * @param value                the value
     * @param ownerPartnerTenantId the tenant's parent
     * @return the request
     */
    public static TenantLabelRequest ownedBy(String name, String value, String ownerPartnerTenantId) {
        return new TenantLabelRequest(name, value, ownerPartnerTenantId);
    }
}
