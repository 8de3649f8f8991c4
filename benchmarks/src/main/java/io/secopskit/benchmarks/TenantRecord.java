package io.secopskit.benchmarks;

import java.util.List;

/**
 * The typed record both sides parse: a tenant of about 1 KB of JSON.
 *
 * @param id                    id
 * @param name                  name
 * @param description           description
 * @param created_at            creation time
 * @param updated_at            update time
 * @param enabled               enabled
 * @param parent                parent tenant
 * @param support_enabled       support flag
 * @param data_retention_months retention
 * @param labels                labels
 * @param environments          environments
 */
public record TenantRecord(String id, String name, String description, String created_at, String updated_at,
                           boolean enabled, String parent, boolean support_enabled, int data_retention_months,
                           List<Label> labels, List<Env> environments) {
    /**
     * A label.
     *
     * @param name  name
     * @param value value
     */
    public record Label(String name, String value) {
    }

    /**
     * An environment.
     *
     * @param name    name
     * @param enabled enabled
     */
    public record Env(String name, boolean enabled) {
    }

    /** A realistic body of about 1 KB. */
    public static final String JSON = "{\"id\":\"200417\",\"name\":\"Acme Corporation - Managed Detection\","
            + "\"description\":\"Managed detection and response customer onboarded through the partner portal; "
            + "primary contact is the SOC lead, escalation via the on-call rota.\",\"created_at\":\"2026-03-11T09:15:27Z\","
            + "\"updated_at\":\"2026-11-20T17:42:03Z\",\"enabled\":true,\"parent\":\"100000\",\"support_enabled\":true,"
            + "\"data_retention_months\":13,\"name_normalized\":\"acme corporation - managed detection\","
            + "\"domain\":\"acme.example\",\"labels\":[{\"name\":\"customer_code\",\"value\":\"acme-corp\"},"
            + "{\"name\":\"tier\",\"value\":\"gold\"},{\"name\":\"region\",\"value\":\"eu-west\"},"
            + "{\"name\":\"contract\",\"value\":\"MSSP-2026-0042\"}],\"environments\":[{\"name\":\"echo\",\"enabled\":true},"
            + "{\"name\":\"pilot_echo\",\"enabled\":false},{\"name\":\"delta\",\"enabled\":false}],"
            + "\"granted_services\":[{\"id\":\"svc-1\",\"name\":\"MDR\",\"description\":\"24x7 managed detection\"},"
            + "{\"id\":\"svc-2\",\"name\":\"Threat Hunting\",\"description\":\"quarterly hunts\"}],"
            + "\"is_partner\":false,\"enabled_in_production\":true,\"enabled_in_pilot\":false}";
}
