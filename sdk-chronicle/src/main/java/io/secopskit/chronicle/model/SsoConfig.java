package io.secopskit.chronicle.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.secopskit.core.Secret;
import java.time.Instant;

/**
 * The state of a customer's SAML SSO configuration. The configuration itself is a {@link Secret}.
 *
 * @param createTime when it was created
 * @param deployTime when it was deployed
 * @param state      deployment state, for example {@code DEPLOYED}
 * @param config     the configuration
 */
public record SsoConfig(
        @JsonProperty("create_time") @JsonAlias("createTime") Instant createTime,
        @JsonProperty("deploy_time") @JsonAlias("deployTime") Instant deployTime,
        @JsonProperty("state") String state,
        @JsonProperty("config") Secret config) {
}
