package io.secopskit.taegis.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A tenant's partner hierarchy and subscriptions as the document shows them ({@code Tenant.partnership},
 * schema type {@code Partnership}). Selected by {@code TenantFields.DOCUMENTED} only: the vendor's public
 * client marks the whole field "No longer supported" and its {@code parent} and {@code is_partner} as replaced
 * by the tenant's own fields.
 *
 * @param parent        the parent (partner) tenant id ({@code parent}; use {@link Tenant#parent()})
 * @param isPartner     whether the tenant is a partner ({@code is_partner}; use {@link Tenant#isPartner()})
 * @param childTenants  the ids of its child tenants the caller may read ({@code child_tenants}), or null
 * @param subscriptions the subscriptions its partner assigned ({@code subscriptions}), or null
 */
public record Partnership(
        @JsonProperty("parent") String parent,
        @JsonProperty("is_partner") Boolean isPartner,
        @JsonProperty("child_tenants") List<String> childTenants,
        @JsonProperty("subscriptions") List<PartnerSubscription> subscriptions) {

    /**
     * Copies the lists (null stays null; null items are dropped).
     *
     * @param parent        the parent (partner) tenant id
     * @param isPartner     whether the tenant is a partner
     * @param childTenants  the ids of its child tenants
     * @param subscriptions the subscriptions its partner assigned
     */
    public Partnership {
        childTenants = Copies.answer(childTenants);
        subscriptions = Copies.answer(subscriptions);
    }
}
