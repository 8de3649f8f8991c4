package io.secopskit.stellar.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * A Stellar Cyber case. Times arrive as epoch milliseconds and are read as {@link Instant}s.
 *
 * @param id           case id ({@code _id})
 * @param name         case name
 * @param status       status
 * @param severity     severity ({@code severity} or {@code priority} on the wire)
 * @param score        case score ({@code score} or {@code incident_score})
 * @param size         number of alerts
 * @param assignee     assignee user id, empty when unassigned
 * @param assigneeName assignee display name
 * @param tags         tags
 * @param tenantId     tenant ({@code cust_id})
 * @param tenantName   tenant name
 * @param ticketId     ticket number
 * @param createdAt    creation time
 * @param modifiedAt   last change
 * @param createdBy    creator
 * @param modifiedBy   last modifier
 */
public record Case(
        @JsonProperty("_id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("status") CaseStatus status,
        @JsonProperty("severity") @JsonAlias("priority") CaseSeverity severity,
        @JsonProperty("score") @JsonAlias("incident_score") Double score,
        @JsonProperty("size") Integer size,
        @JsonProperty("assignee") String assignee,
        @JsonProperty("assignee_name") String assigneeName,
        @JsonProperty("tags") List<String> tags,
        @JsonProperty("cust_id") String tenantId,
        @JsonProperty("tenant_name") String tenantName,
        @JsonProperty("ticket_id") Long ticketId,
        @JsonProperty("created_at") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant createdAt,
        @JsonProperty("modified_at") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant modifiedAt,
        @JsonProperty("created_by") String createdBy,
        @JsonProperty("modified_by") String modifiedBy) {

    /**
     * Replaces absent tags with an empty list.
     *
     * @param id           case id ({@code _id})
     * @param name         case name
     * @param status       status
     * @param severity     severity ({@code severity} or {@code priority} on the wire)
     * @param score        case score ({@code score} or {@code incident_score})
     * @param size         number of alerts
     * @param assignee     assignee user id, empty when unassigned
     * @param assigneeName assignee display name
     * @param tags         tags
     * @param tenantId     tenant ({@code cust_id})
     * @param tenantName   tenant name
     * @param ticketId     ticket number
     * @param createdAt    creation time
     * @param modifiedAt   last change
     * @param createdBy    creator
     * @param modifiedBy   last modifier
     */
    public Case {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
