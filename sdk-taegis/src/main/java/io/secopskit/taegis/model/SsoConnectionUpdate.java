package io.secopskit.taegis.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Arrays;
import java.util.List;

/**
 * Changes to an SSO connection ({@code updateSSOConnection(updatedConnection:)}, schema input
 * {@code UpdateSSOConnectionInput}; the connection id is the first argument of {@code sso(tenant).update}).
 * Only the fields set are sent.
 *
 * @param name              a new name
 * @param addDomains        e-mail domains to add
 * @param removeDomains     e-mail domains to remove
 * @param addTesters        testers to add
 * @param removeTesters     testers to remove
 * @param status            a new status: Enabled, Disabled or Testing (Draft cannot be set)
 * @param samlConfiguration the identity provider's configuration; completing it moves the connection to Testing
 */
public record SsoConnectionUpdate(String name, List<String> addDomains, List<String> removeDomains, List<String> addTesters,
                                  List<String> removeTesters, SsoConnectionStatus status, SamlConfiguration samlConfiguration) {

    /**
     * Copies the lists.
     *
     * @param name              a new name
     * @param addDomains        e-mail domains to add
     * @param removeDomains     e-mail domains to remove
     * @param addTesters        testers to add
     * @param removeTesters     testers to remove
     * @param status            a new status
     * @param samlConfiguration the identity provider's configuration
     * @throws io.secopskit.core.error.ValidationException if a list holds null
     */
    public SsoConnectionUpdate {
        addDomains = Copies.request(addDomains, "updatedConnection.addDomains");
        removeDomains = Copies.request(removeDomains, "updatedConnection.removeDomains");
        addTesters = Copies.request(addTesters, "updatedConnection.addTesters");
        removeTesters = Copies.request(removeTesters, "updatedConnection.removeTesters");
    }

    /**
     * Starts a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns whether this update changes nothing.
     *
     * @return true when every component is null
     */
    @JsonIgnore
    public boolean isEmpty() {
        return name == null && addDomains == null && removeDomains == null && addTesters == null && removeTesters == null
                && status == null && samlConfiguration == null;
    }

    /** Builds an {@link SsoConnectionUpdate}. */
    public static final class Builder {
        private String name;
        private List<String> addDomains;
        private List<String> removeDomains;
        private List<String> addTesters;
        private List<String> removeTesters;
        private SsoConnectionStatus status;
        private SamlConfiguration samlConfiguration;

        private Builder() {
        }

        /**
         * Renames the connection.
         *
         * @param value the new name
         * @return this builder
         */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /**
         * Adds e-mail domains.
         *
         * @param values the domains
         * @return this builder
         */
        public Builder addDomains(String... values) {
            this.addDomains = Arrays.asList(values);
            return this;
        }

        /**
         * Removes e-mail domains.
         *
         * @param values the domains
         * @return this builder
         */
        public Builder removeDomains(String... values) {
            this.removeDomains = Arrays.asList(values);
            return this;
        }

        /**
         * Adds testers.
         *
         * @param values e-mail addresses
         * @return this builder
         */
        public Builder addTesters(String... values) {
            this.addTesters = Arrays.asList(values);
            return this;
        }

        /**
         * Removes testers.
         *
         * @param values e-mail addresses
         * @return this builder
         */
        public Builder removeTesters(String... values) {
            this.removeTesters = Arrays.asList(values);
            return this;
        }

        /**
         * Sets the status: {@link SsoConnectionStatus#ENABLED}, {@link SsoConnectionStatus#DISABLED} or
         * {@link SsoConnectionStatus#TESTING}.
         *
         * @param value the status
         * @return this builder
         */
        public Builder status(SsoConnectionStatus value) {
            this.status = value;
            return this;
        }

        /**
         * Sets the identity provider's configuration (by metadata URL, the documented default).
         *
         * @param value the configuration
         * @return this builder
         */
        public Builder samlConfiguration(SamlConfiguration value) {
            this.samlConfiguration = value;
            return this;
        }

        /**
         * Builds the update; the client checks it before sending.
         *
         * @return the update
         * @throws io.secopskit.core.error.ValidationException if a list holds null
         */
        public SsoConnectionUpdate build() {
            return new SsoConnectionUpdate(name, addDomains, removeDomains, addTesters, removeTesters, status,
                    samlConfiguration);
        }
    }
}
