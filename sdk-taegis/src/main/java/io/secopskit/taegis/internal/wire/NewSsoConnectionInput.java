package io.secopskit.taegis.internal.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.secopskit.taegis.model.ExternalProvider;
import io.secopskit.taegis.model.SsoConnectionRequest;
import io.secopskit.taegis.model.SsoConnectionType;
import java.util.List;

/**
 * The wire shape of {@code createSSOConnection(newConnection:)} (schema input {@code NewSSOConnectionInput}).
 * Internal.
 *
 * @param name                    the name
 * @param domains                 the e-mail domains
 * @param testers                 the testers
 * @param type                    the type
 * @param connectionConfiguration the identity provider's configuration
 * @param externalProvider        the identity service
 */
public record NewSsoConnectionInput(
        @JsonProperty("name") String name,
        @JsonProperty("domains") List<String> domains,
        @JsonProperty("testers") List<String> testers,
        @JsonProperty("type") SsoConnectionType type,
        @JsonProperty("connectionConfiguration") ConnectionConfigurationInput connectionConfiguration,
        @JsonProperty("externalProvider") ExternalProvider externalProvider) {

    /**
     * The wire shape of a request.
     *
     * @param r the request
     * @return the input
     */
    public static NewSsoConnectionInput of(SsoConnectionRequest r) {
        return new NewSsoConnectionInput(r.name(), r.domains(), r.testers(), r.type(),
                ConnectionConfigurationInput.of(r.samlConfiguration()), r.externalProvider());
    }
}
