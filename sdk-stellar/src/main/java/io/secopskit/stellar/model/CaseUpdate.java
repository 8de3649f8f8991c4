package io.secopskit.stellar.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.secopskit.core.error.ValidationException;
import io.secopskit.stellar.StellarClient;
import io.secopskit.stellar.internal.StellarRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Changes to a case ({@code PUT /connect/api/v1/cases/{id}}): status, severity, assignee, tags to add
 * and remove, and a resolution note. Only what is set is sent. The body shape
 * ({@code "tags": {"add": [...], "delete": [...]}}) follows public Stellar Cyber clients; the vendor does
 * not publish it.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public final class CaseUpdate {
    private static final String OP = "UpdateCase";

    @JsonProperty("status")
    private final CaseStatus status;
    @JsonProperty("severity")
    private final CaseSeverity severity;
    @JsonProperty("assignee")
    private final String assignee;
    @JsonProperty("tags")
    private final Map<String, List<String>> tags;
    @JsonProperty("resolution")
    private final String resolution;

    private CaseUpdate(Builder b) {
        StellarRules.known(OP, b.status, b.severity);
        this.status = b.status;
        this.severity = b.severity;
        this.assignee = b.assignee;
        Map<String, List<String>> t = new LinkedHashMap<>();
        if (!b.addTags.isEmpty()) {
            t.put("add", List.copyOf(b.addTags));
        }
        if (!b.removeTags.isEmpty()) {
            t.put("delete", List.copyOf(b.removeTags));
        }
        this.tags = java.util.Collections.unmodifiableMap(t);
        this.resolution = b.resolution;
        if (status == null && severity == null && assignee == null && tags.isEmpty() && resolution == null) {
            throw new ValidationException(StellarClient.VENDOR, OP, "update", "must change at least one field");
        }
    }

    /**
     * Starts an update.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the new status, or null.
     *
     * @return the new status, or null
     */
    public CaseStatus status() {
        return status;
    }

    /**
     * Returns the new severity, or null.
     *
     * @return the new severity, or null
     */
    public CaseSeverity severity() {
        return severity;
    }

    /**
     * Returns the new assignee, or null.
     *
     * @return the new assignee, or null
     */
    public String assignee() {
        return assignee;
    }

    /**
     * Returns the resolution note, or null.
     *
     * @return the resolution note, or null
     */
    public String resolution() {
        return resolution;
    }

    @Override
    public String toString() {
        return "CaseUpdate{status=" + status + ", severity=" + severity + ", assignee=" + assignee + ", tags=" + tags
                + ", resolution=" + resolution + "}";
    }

    /** Builds a {@link CaseUpdate}. */
    public static final class Builder {
        private CaseStatus status;
        private CaseSeverity severity;
        private String assignee;
        private final List<String> addTags = new ArrayList<>();
        private final List<String> removeTags = new ArrayList<>();
        private String resolution;

        private Builder() {
        }

        /**
         * Sets the status.
         *
         * @param value the status
         * @return this builder
         */
        public Builder status(CaseStatus value) {
            this.status = value;
            return this;
        }

        /**
         * Sets the severity.
         *
         * @param value the severity
         * @return this builder
         */
        public Builder severity(CaseSeverity value) {
            this.severity = value;
            return this;
        }

        /**
         * Assigns the case to a user.
         *
         * @param userId the user id
         * @return this builder
         */
        public Builder assignee(String userId) {
            this.assignee = StellarRules.required(OP, "assignee", userId);
            return this;
        }

        /**
         * Adds a tag.
         *
         * @param tag the tag
         * @return this builder
         */
        public Builder addTag(String tag) {
            this.addTags.add(StellarRules.required(OP, "tags.add", tag));
            return this;
        }

        /**
         * Removes a tag.
         *
         * @param tag the tag
         * @return this builder
         */
        public Builder removeTag(String tag) {
            this.removeTags.add(StellarRules.required(OP, "tags.delete", tag));
            return this;
        }

        /**
         * Sets a resolution note (usually with status {@link CaseStatus#RESOLVED}).
         *
         * @param value the note
         * @return this builder
         */
        public Builder resolution(String value) {
            this.resolution = StellarRules.required(OP, "resolution", value);
            return this;
        }

        /**
         * Builds the update.
         *
         * @return the update
         * @throws ValidationException when nothing would change
         */
        public CaseUpdate build() {
            return new CaseUpdate(this);
        }
    }
}
