package io.secopskit.chronicle.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.secopskit.chronicle.internal.ResponseShapes;
import java.util.List;

/**
 * A customer managed by the partner, as returned by CreateCustomer, GetCustomer and ListCustomers
 * (responses use snake_case or camelCase; both are read). Credential values are {@code Secret}s.
 *
 * <p>Every shape the vendor document shows is read: the SSO configuration as an object or as the SAML XML
 * string (GetCustomer's text), and the credentials as a list or as an object keyed by credential type
 * (GetCustomer's text; each value, often a service-account document, becomes the credential's secret).
 * Credential types are kept as sent, including types this SDK version does not know.
 *
 * @param id                 Google SecOps instance id
 * @param customerId         customer id
 * @param customerCode       the partner-chosen customer code
 * @param customerName       display name
 * @param customerSubdomains subdomains of {@code <subdomain>.backstory.chronicle.security}
 * @param forwarders         forwarder ids
 * @param retentionDuration  data retention
 * @param ssoConfig          SSO configuration state, when present (only {@code config} is set when the answer
 *                           carries the XML string)
 * @param credentials        credentials issued or stored for the customer (empty when none returned)
 */
public record Customer(
        @JsonProperty("id") String id,
        @JsonProperty("customer_id") @JsonAlias("customerId") String customerId,
        @JsonProperty("customer_code") @JsonAlias("customerCode") String customerCode,
        @JsonProperty("customer_name") @JsonAlias("customerName") String customerName,
        @JsonProperty("customer_subdomains") @JsonAlias("customerSubdomains") List<String> customerSubdomains,
        @JsonProperty("forwarders") List<String> forwarders,
        @JsonProperty("retention_duration") @JsonAlias("retentionDuration") RetentionDuration retentionDuration,
        @JsonProperty("sso_config") @JsonAlias("ssoConfig")
        @JsonDeserialize(using = ResponseShapes.SsoConfigReader.class) SsoConfig ssoConfig,
        @JsonProperty("credentials")
        @JsonDeserialize(using = ResponseShapes.CredentialsReader.class) List<Credential> credentials) {

    /**
     * Replaces absent lists with empty ones.
     *
     * @param id                 Google SecOps instance id
     * @param customerId         customer id
     * @param customerCode       the partner-chosen customer code
     * @param customerName       display name
     * @param customerSubdomains subdomains of {@code <subdomain>.backstory.chronicle.security}
     * @param forwarders         forwarder ids
     * @param retentionDuration  data retention
     * @param ssoConfig          SSO configuration state, when present (only {@code config} is set when the answer
     *                           carries the XML string)
     * @param credentials        credentials issued or stored for the customer (empty when none returned)
     */
    public Customer {
        customerSubdomains = customerSubdomains == null ? List.of() : List.copyOf(customerSubdomains);
        forwarders = forwarders == null ? List.of() : List.copyOf(forwarders);
        credentials = credentials == null ? List.of() : List.copyOf(credentials);
    }
}
