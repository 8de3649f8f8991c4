package io.secopskit.taegis.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Taegis's side of a SAML connection, to configure at the identity provider (schema type
 * {@code SSOConnectionParameters}).
 *
 * @param postBackURL      where the identity provider posts SAML assertions (assertion consumer service) ({@code postBackURL})
 * @param entityID         Taegis's SAML entity id ({@code entityID})
 * @param metadataURL      where the identity provider can download Taegis's SAML configuration ({@code metadataURL})
 * @param callbackURL      the callback URL ({@code callbackURL})
 * @param inputMetadataURL the metadata URL the connection was configured with; {@code TenantFields.ALL} only
 *                         ({@code inputMetadataURL})
 */
public record SsoConnectionParameters(
        @JsonProperty("postBackURL") String postBackURL,
        @JsonProperty("entityID") String entityID,
        @JsonProperty("metadataURL") String metadataURL,
        @JsonProperty("callbackURL") String callbackURL,
        @JsonProperty("inputMetadataURL") String inputMetadataURL) {
}
