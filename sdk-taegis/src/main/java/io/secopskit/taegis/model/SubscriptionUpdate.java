package io.secopskit.taegis.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * Changes to a partner subscription ({@code updateSubscription(input:)}, schema input {@code SubscriptionUpdate};
 * the subscription id is the first argument of {@code subscriptions().update}). Only the fields set are sent.
 *
 * @param name               a new name
 * @param description        a new description
 * @param requiresPresentIds services a tenant must have for this one ({@code requires_present_ids}; vendor
 *                           client only)
 * @param requiresAbsentIds  services a tenant must not have ({@code requires_absent_ids}; vendor client only)
 */
public record SubscriptionUpdate(String name, String description, List<String> requiresPresentIds,
                                 List<String> requiresAbsentIds) {

    /**
     * Copies the lists.
     *
     * @param name               a new name
     * @param description        a new description
     * @param requiresPresentIds services a tenant must have for this one
     * @param requiresAbsentIds  services a tenant must not have
     * @throws io.secopskit.core.error.ValidationException if a list holds null
     */
    public SubscriptionUpdate {
        requiresPresentIds = Copies.request(requiresPresentIds, "input.requires_present_ids");
        requiresAbsentIds = Copies.request(requiresAbsentIds, "input.requires_absent_ids");
    }

    /**
     * A rename.
     *
     * @param name the new name
     * @return the update
     */
    public static SubscriptionUpdate rename(String name) {
        return new SubscriptionUpdate(name, null, null, null);
    }

    /**
     * Returns a copy with a new description.
     *
     * @param value the description
     * @return the copy
     */
    public SubscriptionUpdate withDescription(String value) {
        return new SubscriptionUpdate(name, value, requiresPresentIds, requiresAbsentIds);
    }

    /**
     * Returns a copy with the services a tenant must and must not have.
     *
     * @param present services required to be present
     * @param absent  services required to be absent
     * @return the copy
     */
    public SubscriptionUpdate withRequirements(List<String> present, List<String> absent) {
        return new SubscriptionUpdate(name, description, present, absent);
    }

    /**
     * Returns whether this update changes nothing.
     *
     * @return true when every component is null
     */
    @JsonIgnore
    public boolean isEmpty() {
        return name == null && description == null && requiresPresentIds == null && requiresAbsentIds == null;
    }
}
