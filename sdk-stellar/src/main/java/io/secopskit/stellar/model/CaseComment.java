package io.secopskit.stellar.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A comment on a case.
 *
 * @param id        comment id
 * @param comment   text
 * @param author    author ({@code created_by} or {@code user})
 * @param createdAt when it was written
 */
public record CaseComment(
        @JsonProperty("_id") @JsonAlias("id") String id,
        @JsonProperty("comment") String comment,
        @JsonProperty("created_by") @JsonAlias("user") String author,
        @JsonProperty("created_at") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant createdAt) {
}
