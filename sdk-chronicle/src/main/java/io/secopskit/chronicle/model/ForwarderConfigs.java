package io.secopskit.chronicle.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.secopskit.core.Secret;
import java.util.List;

/**
 * A customer's forwarder configurations (GetCustomerForwarderConfigs). Each configuration is a
 * base64 document holding forwarder credentials, so it is a {@link Secret}.
 *
 * @param id      forwarder id
 * @param configs one configuration per platform
 */
public record ForwarderConfigs(
        @JsonProperty("id") String id,
        @JsonProperty("forwarder_configs") @JsonAlias("forwarderConfigs") List<Config> configs) {

    /**
     * Replaces an absent list with an empty one.
     *
     * @param id      forwarder id
     * @param configs one configuration per platform
     */
    public ForwarderConfigs {
        configs = configs == null ? List.of() : List.copyOf(configs);
    }

    /**
     * One platform's configuration.
     *
     * @param platform {@code UNIX} or {@code WINDOWS}
     * @param config   base64 configuration
     */
    public record Config(@JsonProperty("platform") String platform, @JsonProperty("config") Secret config) {
    }
}
