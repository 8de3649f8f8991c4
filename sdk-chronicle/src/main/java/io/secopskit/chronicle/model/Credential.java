package io.secopskit.chronicle.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.secopskit.core.Secret;

/**
 * A credential Google SecOps issued for a customer. The value is a {@link Secret}: it is never logged
 * or shown by {@code toString()}; call {@code credential().reveal()} to hand it on.
 *
 * @param id             credential id
 * @param credentialType what the credential is for
 * @param credential     the credential value (a key, or a service-account JSON document)
 * @param gcpProject     linked Google Cloud project, when present
 * @param providerId     workforce pool provider, when present
 */
public record Credential(
        @JsonProperty("id") String id,
        @JsonProperty("credential_type") @JsonAlias("credentialType") CredentialType credentialType,
        @JsonProperty("credential") Secret credential,
        @JsonProperty("gcp_project") @JsonAlias("gcpProject") String gcpProject,
        @JsonProperty("provider_id") @JsonAlias("providerId") String providerId) {
}
