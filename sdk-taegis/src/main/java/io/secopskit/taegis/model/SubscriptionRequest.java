package io.secopskit.taegis.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A partner subscription to create ({@code createSubscription(input:)}, schema input {@code NewSubscription}):
 * a service the partner can then assign to its child tenants.
 *
 * @param name          its name (required)
 * @param description   its description, or null
 * @param ownerTenantId the partner tenant that owns it, or null for the caller's own ({@code owner_tenant_id})
 */
public record SubscriptionRequest(
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("owner_tenant_id") String ownerTenantId) {

    /**
     * A subscription with a name only.
     *
     * @param name the name
     * @return the request
     */
    public static SubscriptionRequest of(String name) {
        return new SubscriptionRequest(name, null, null);
    }

    /**
     * Returns a copy with a description.
     *
     * @param value the description
     * @return the copy
     */
    public SubscriptionRequest withDescription(String value) {
        return new SubscriptionRequest(name, value, ownerTenantId);
    }

    /**
     * Returns a copy owned by another partner tenant the caller administers.
     *
     * @param value the owner tenant id
     * @return the copy
     */
    public SubscriptionRequest withOwnerTenantId(String value) {
        return new SubscriptionRequest(name, description, value);
    }
}
