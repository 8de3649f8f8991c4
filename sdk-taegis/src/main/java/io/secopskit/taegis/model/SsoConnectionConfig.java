package io.secopskit.taegis.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * What {@code getSSOConnectionConfig} read from an identity provider's metadata URL, metadata XML or
 * certificate (schema type {@code SSOConnectionConfigResponse}).
 *
 * @param expiresAt                  when the signing certificate expires ({@code expiresAt})
 * @param notBefore                  when it became valid ({@code notBefore})
 * @param issuer                     its issuer ({@code issuer})
 * @param subject                    its subject ({@code subject})
 * @param ssoConnectionConfiguration the SAML configuration (sign-in endpoint and certificate) when a metadata
 *                                   URL was given ({@code ssoConnectionConfiguration})
 */
public record SsoConnectionConfig(
        @JsonProperty("expiresAt") Instant expiresAt,
        @JsonProperty("notBefore") Instant notBefore,
        @JsonProperty("issuer") String issuer,
        @JsonProperty("subject") String subject,
        @JsonProperty("ssoConnectionConfiguration") SsoIdpConfiguration ssoConnectionConfiguration) {
}
