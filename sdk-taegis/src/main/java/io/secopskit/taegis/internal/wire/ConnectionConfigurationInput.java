package io.secopskit.taegis.internal.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.secopskit.taegis.model.SamlConfiguration;

/**
 * The wire shape of {@code connectionConfiguration} (schema input {@code ConnectionConfiguration}). Internal.
 *
 * @param samlConfiguration the SAML configuration
 */
public record ConnectionConfigurationInput(@JsonProperty("samlConfiguration") SamlConfiguration samlConfiguration) {

    /**
     * Wraps a SAML configuration.
     *
     * @param saml the configuration, or null
     * @return the wrapper, or null when there is none
     */
    public static ConnectionConfigurationInput of(SamlConfiguration saml) {
        return saml == null ? null : new ConnectionConfigurationInput(saml);
    }
}
