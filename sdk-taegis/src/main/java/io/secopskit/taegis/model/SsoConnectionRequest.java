package io.secopskit.taegis.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A new SSO connection ({@code createSSOConnection(newConnection:)}, schema input {@code NewSSOConnectionInput}).
 * The document requires {@code name}, {@code type} ({@code saml}, the only supported type) and {@code domains}
 * (the e-mail domains that sign in through it); {@code testers} are optional. The connection starts in status
 * Draft.
 *
 * @param name             its name (required)
 * @param type             its type: {@link SsoConnectionType#SAML} (required)
 * @param domains          the e-mail domains that sign in through it (required, at least one)
 * @param testers          users who test it before it is enabled, or null
 * @param samlConfiguration the identity provider's configuration, or null to give it later with an update
 * @param externalProvider the identity service to host it, or null (vendor client only)
 */
public record SsoConnectionRequest(String name, SsoConnectionType type, List<String> domains, List<String> testers,
                                   SamlConfiguration samlConfiguration, ExternalProvider externalProvider) {

    /**
     * Copies the lists.
     *
     * @param name              its name
     * @param type              its type
     * @param domains           the e-mail domains
     * @param testers           the testers
     * @param samlConfiguration the identity provider's configuration
     * @param externalProvider  the identity service
     * @throws io.secopskit.core.error.ValidationException if a list holds null
     */
    public SsoConnectionRequest {
        domains = Copies.request(domains, "newConnection.domains");
        testers = Copies.request(testers, "newConnection.testers");
    }

    /**
     * Starts a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link SsoConnectionRequest}. */
    public static final class Builder {
        private String name;
        private SsoConnectionType type;
        private List<String> domains;
        private List<String> testers;
        private SamlConfiguration samlConfiguration;
        private ExternalProvider externalProvider;

        private Builder() {
        }

        /**
         * Sets the name (required).
         *
         * @param value the name
         * @return this builder
         */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /**
         * Sets the type (required): {@link SsoConnectionType#SAML}.
         *
         * @param value the type
         * @return this builder
         */
        public Builder type(SsoConnectionType value) {
            this.type = value;
            return this;
        }

        /**
         * Sets the e-mail domains that sign in through the connection (required).
         *
         * @param values the domains, for example {@code acme.example}
         * @return this builder
         */
        public Builder domains(String... values) {
            return domains(Arrays.asList(values));
        }

        /**
         * Sets the e-mail domains that sign in through the connection (required).
         *
         * @param values the domains
         * @return this builder
         */
        public Builder domains(List<String> values) {
            this.domains = values == null ? null : new ArrayList<>(values);
            return this;
        }

        /**
         * Sets the users who test the connection before it is enabled.
         *
         * @param values e-mail addresses
         * @return this builder
         */
        public Builder testers(String... values) {
            this.testers = new ArrayList<>(Arrays.asList(values));
            return this;
        }

        /**
         * Sets the identity provider's configuration now (or later, with an update).
         *
         * @param value the configuration, for example {@code SamlConfiguration.metadataUrl(url)}
         * @return this builder
         */
        public Builder samlConfiguration(SamlConfiguration value) {
            this.samlConfiguration = value;
            return this;
        }

        /**
         * Sets the identity service that hosts the connection.
         *
         * @param value the provider
         * @return this builder
         */
        public Builder externalProvider(ExternalProvider value) {
            this.externalProvider = value;
            return this;
        }

        /**
         * Builds the request; the client checks the document's required fields before sending.
         *
         * @return the request
         * @throws io.secopskit.core.error.ValidationException if a list holds null
         */
        public SsoConnectionRequest build() {
            return new SsoConnectionRequest(name, type, domains, testers, samlConfiguration, externalProvider);
        }
    }
}
