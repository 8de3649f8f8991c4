package io.secopskit.taegis.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The identity provider's configuration of an SSO connection (schema type {@code SSOConnectionConfiguration}).
 * The document's examples also select {@code azureADConnectionConfiguration}, which the current schema no
 * longer has; SecOpsKit never selects it.
 *
 * @param samlConnectionConfiguration the SAML configuration ({@code samlConnectionConfiguration}), or null
 */
public record SsoIdpConfiguration(
        @JsonProperty("samlConnectionConfiguration") SamlConnectionParameters samlConnectionConfiguration) {
}
