package io.secopskit.taegis.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * A single sign-on connection of a tenant (schema type {@code SSOConnection}). (D) marks the fields
 * {@code TenantFields.DOCUMENTED} selects — those of the document's SSO examples — and (A) those
 * {@code TenantFields.ALL} selects, the vendor's public client's set. Unselected or null fields are null;
 * lists are unmodifiable. The deprecated {@code auth0DomainType} is never selected.
 *
 * @param id                      the connection's internal id (D, A) ({@code id})
 * @param name                    its name (D, A) ({@code name})
 * @param externalName            the external name Taegis generated for sign-in (D, A) ({@code externalName})
 * @param externalID              the external id Taegis generated for sign-in (D, A) ({@code externalID})
 * @param tenantID                the tenant it belongs to (D, A) ({@code tenantID})
 * @param updatedAt               when it last changed (D, A) ({@code updatedAt})
 * @param createdAt               when it was created (D, A) ({@code createdAt})
 * @param metadataFileName        the metadata file name given when configuring (A) ({@code metadataFileName})
 * @param certName                the certificate file name given as {@code signingCertName} (D, A) ({@code certName})
 * @param expiresAt               when the identity provider's signing certificate expires (D, A) ({@code expiresAt})
 * @param notBefore               when that certificate became valid (D, A) ({@code notBefore})
 * @param issuer                  the certificate's issuer (D, A) ({@code issuer})
 * @param subject                 the certificate's subject (D, A) ({@code subject})
 * @param domains                 the e-mail domains that sign in through it (D, A) ({@code domains})
 * @param testers                 the users who test it (D, A) ({@code testers})
 * @param noPromptLoginURL        a sign-in URL without prompt (A) ({@code noPromptLoginURL})
 * @param type                    its type, {@code saml} (D, A) ({@code type})
 * @param status                  Draft, Testing, Enabled or Disabled (D, A) ({@code status})
 * @param environment             pilot or production (D, A) ({@code environment})
 * @param externalProvider        the identity service that hosts it for Taegis (A) ({@code externalProvider})
 * @param ssoConnectionParameters Taegis's SAML side, to configure at the identity provider (D, A) ({@code ssoConnectionParameters})
 * @param ssoConnectionIDPConfig  the identity provider's configuration (D, A) ({@code ssoConnectionIDPConfig})
 */
public record SsoConnection(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("externalName") String externalName,
        @JsonProperty("externalID") String externalID,
        @JsonProperty("tenantID") String tenantID,
        @JsonProperty("updatedAt") Instant updatedAt,
        @JsonProperty("createdAt") Instant createdAt,
        @JsonProperty("metadataFileName") String metadataFileName,
        @JsonProperty("certName") String certName,
        @JsonProperty("expiresAt") Instant expiresAt,
        @JsonProperty("notBefore") Instant notBefore,
        @JsonProperty("issuer") String issuer,
        @JsonProperty("subject") String subject,
        @JsonProperty("domains") List<String> domains,
        @JsonProperty("testers") List<String> testers,
        @JsonProperty("noPromptLoginURL") String noPromptLoginURL,
        @JsonProperty("type") SsoConnectionType type,
        @JsonProperty("status") SsoConnectionStatus status,
        @JsonProperty("environment") SsoEnvironment environment,
        @JsonProperty("externalProvider") ExternalProvider externalProvider,
        @JsonProperty("ssoConnectionParameters") SsoConnectionParameters ssoConnectionParameters,
        @JsonProperty("ssoConnectionIDPConfig") SsoIdpConfiguration ssoConnectionIDPConfig) {

    /**
     * Copies the lists (null stays null; null items are dropped).
     *
     * @param id                      the connection's internal id (D, A)
     * @param name                    its name (D, A)
     * @param externalName            the external name Taegis generated for sign-in (D, A)
     * @param externalID              the external id Taegis generated for sign-in (D, A)
     * @param tenantID                the tenant it belongs to (D, A)
     * @param updatedAt               when it last changed (D, A)
     * @param createdAt               when it was created (D, A)
     * @param metadataFileName        the metadata file name given when configuring (A)
     * @param certName                the certificate file name given as {@code signingCertName} (D, A)
     * @param expiresAt               when the identity provider's signing certificate expires (D, A)
     * @param notBefore               when that certificate became valid (D, A)
     * @param issuer                  the certificate's issuer (D, A)
     * @param subject                 the certificate's subject (D, A)
     * @param domains                 the e-mail domains that sign in through it (D, A)
     * @param testers                 the users who test it (D, A)
     * @param noPromptLoginURL        a sign-in URL without prompt (A)
     * @param type                    its type, {@code saml} (D, A)
     * @param status                  Draft, Testing, Enabled or Disabled (D, A)
     * @param environment             pilot or production (D, A)
     * @param externalProvider        the identity service that hosts it for Taegis (A)
     * @param ssoConnectionParameters Taegis's SAML side, to configure at the identity provider (D, A)
     * @param ssoConnectionIDPConfig  the identity provider's configuration (D, A)
     */
    public SsoConnection {
        domains = Copies.answer(domains);
        testers = Copies.answer(testers);
    }
}
