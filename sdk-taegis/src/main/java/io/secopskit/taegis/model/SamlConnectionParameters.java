package io.secopskit.taegis.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The identity provider's SAML configuration as Taegis holds it (schema type {@code SAMLConnectionParameters}).
 *
 * @param metadataURL      the identity provider's metadata URL; {@code TenantFields.ALL} only ({@code metadataURL})
 * @param signingCert      the identity provider's signing certificate ({@code signingCert})
 * @param signInEndpoint   the endpoint Taegis sends users to for sign-in ({@code signInEndpoint})
 * @param inputMetadataURL the metadata URL given when configuring; {@code TenantFields.ALL} only ({@code inputMetadataURL})
 */
public record SamlConnectionParameters(
        @JsonProperty("metadataURL") String metadataURL,
        @JsonProperty("signingCert") String signingCert,
        @JsonProperty("signInEndpoint") String signInEndpoint,
        @JsonProperty("inputMetadataURL") String inputMetadataURL) {
}
