package io.secopskit.taegis.internal.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.secopskit.taegis.model.SsoConnectionStatus;
import io.secopskit.taegis.model.SsoConnectionUpdate;
import java.util.List;

/**
 * The wire shape of {@code updateSSOConnection(updatedConnection:)} (schema input
 * {@code UpdateSSOConnectionInput}): the id inside the input. Internal.
 *
 * @param id                      the connection id
 * @param name                    a new name
 * @param addDomains              domains to add
 * @param removeDomains           domains to remove
 * @param addTesters              testers to add
 * @param removeTesters           testers to remove
 * @param status                  a new status
 * @param connectionConfiguration the identity provider's configuration
 */
public record UpdateSsoConnectionInput(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("addDomains") List<String> addDomains,
        @JsonProperty("removeDomains") List<String> removeDomains,
        @JsonProperty("addTesters") List<String> addTesters,
        @JsonProperty("removeTesters") List<String> removeTesters,
        @JsonProperty("status") SsoConnectionStatus status,
        @JsonProperty("connectionConfiguration") ConnectionConfigurationInput connectionConfiguration) {

    /**
     * The wire shape of an update.
     *
     * @param id the connection id
     * @param u  the update
     * @return the input
     */
    public static UpdateSsoConnectionInput of(String id, SsoConnectionUpdate u) {
        return new UpdateSsoConnectionInput(id, u.name(), u.addDomains(), u.removeDomains(), u.addTesters(),
                u.removeTesters(), u.status(), ConnectionConfigurationInput.of(u.samlConfiguration()));
    }
}
