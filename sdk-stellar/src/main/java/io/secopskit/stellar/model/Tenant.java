package io.secopskit.stellar.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A Stellar Cyber tenant.
 *
 * @param id             32-hex tenant id ({@code cust_id})
 * @param name           tenant name ({@code cust_name})
 * @param contact        contact person
 * @param contactEmail   contact e-mail
 * @param contactPhone   contact phone
 * @param address        postal address
 * @param info           free-form information
 * @param retentionGroup data retention group id
 * @param ingestionLimit daily ingestion limit in GB (0 for none)
 * @param sessionTimeout UI session timeout in minutes
 * @param mfaEnabled     whether MFA is required
 */
public record Tenant(
        @JsonProperty("cust_id") String id,
        @JsonProperty("cust_name") String name,
        @JsonProperty("contact") String contact,
        @JsonProperty("contact_email") String contactEmail,
        @JsonProperty("contact_phone") String contactPhone,
        @JsonProperty("address") String address,
        @JsonProperty("info") String info,
        @JsonProperty("retention_group") String retentionGroup,
        @JsonProperty("ingestion_limit") Long ingestionLimit,
        @JsonProperty("session_timeout") Integer sessionTimeout,
        @JsonProperty("mfa_enabled") Boolean mfaEnabled) {
}
