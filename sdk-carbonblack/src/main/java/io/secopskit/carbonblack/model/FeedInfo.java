package io.secopskit.carbonblack.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A threat intelligence feed's description ({@code feedinfo}). When sent, {@code id} and {@code owner} are
 * left to the vendor.
 *
 * @param id          feed id (assigned by Carbon Black)
 * @param name        feed name
 * @param owner       owning org key (assigned by Carbon Black)
 * @param providerUrl the provider's URL
 * @param summary     summary
 * @param category    category
 * @param sourceLabel source label, or null
 * @param alertable   whether hits alert, or null for the vendor default
 * @param access      {@code private} or {@code public}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedInfo(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("owner") String owner,
        @JsonProperty("provider_url") String providerUrl,
        @JsonProperty("summary") String summary,
        @JsonProperty("category") String category,
        @JsonProperty("source_label") String sourceLabel,
        @JsonProperty("alertable") Boolean alertable,
        @JsonProperty("access") String access) {

    /**
     * Describes a new private feed.
     *
     * @param name        feed name
     * @param providerUrl the provider's URL
     * @param summary     summary
     * @param category    category
     * @return the feed info, without id and owner
     */
    public static FeedInfo of(String name, String providerUrl, String summary, String category) {
        return new FeedInfo(null, name, null, providerUrl, summary, category, null, null, "private");
    }
}
