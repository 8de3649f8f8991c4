package io.secopskit.chronicle.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The gcloud commands that grant a customer's existing users IAM roles (GenerateIamMigrationCommands).
 *
 * @param frontendPath the customer subdomain the commands are for
 * @param commands     the gcloud commands, separated by {@code ;}
 */
public record IamMigration(
        @JsonProperty("frontend_path") @JsonAlias("frontendPath") String frontendPath,
        @JsonProperty("commands") String commands) {
}
