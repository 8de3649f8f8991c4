package io.secopskit.chronicle.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A customer managed by the partner, as returned by CreateCustomer, GetCustomer and ListCustomers
 * (responses use snake_case or camelCase; both are read). Credential values are {@code Secret}s.
 *
 * @param id                 Google SecOps instance id
 * @param customerId         customer id
 * @param customerCode       the partner-chosen customer code
 * @param customerName       display name
 * @param customerSubdomains subdomains of {@code <subdomain>.backstory.chronicle.security}
 * @param forwarders         forwarder ids
 * @param retentionDuration  data retention
 * @param ssoConfig          SSO configuration state, when present
 * @param credentials        credentials issued for the customer (empty when none returned)
 */
public record Customer(
        @JsonProperty("id") String id,
        @JsonProperty("customer_id") @JsonAlias("customerId") String customerId,
        @JsonProperty("customer_code") @JsonAlias("customerCode") String customerCode,
        @JsonProperty("customer_name") @JsonAlias("customerName") String customerName,
        @JsonProperty("customer_subdomains") @JsonAlias("customerSubdomains") List<String> customerSubdomains,
        @JsonProperty("forwarders") List<String> forwarders,
        @JsonProperty("retention_duration") @JsonAlias("retentionDuration") RetentionDuration retentionDuration,
        @JsonProperty("sso_config") @JsonAlias("ssoConfig") SsoConfig ssoConfig,
        @JsonProperty("credentials") List<Credential> credentials) {

    /** Replaces absent lists with empty ones. */
    public Customer {
        customerSubdomains = customerSubdomains == null ? List.of() : List.copyOf(customerSubdomains);
        forwarders = forwarders == null ? List.of() : List.copyOf(forwarders);
        credentials = credentials == null ? List.of() : List.copyOf(credentials);
    }
}
