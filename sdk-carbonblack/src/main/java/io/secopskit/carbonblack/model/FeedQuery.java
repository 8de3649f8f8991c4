package io.secopskit.carbonblack.model;

/**
 * Which feeds {@code GET /threathunter/feedmgr/v2/orgs/{org}/feeds} lists: the org's own feeds, and with
 * {@link #includePublic()} the public feeds too ({@code include_public=true}). The vendor answers the whole
 * list at once, so there is no page size. Immutable.
 *
 * @param includePublic whether public feeds are listed too
 */
public record FeedQuery(boolean includePublic) {
    /**
     * The org's own feeds only.
     *
     * @return the query
     */
    public static FeedQuery ownFeeds() {
        return new FeedQuery(false);
    }

    /**
     * The org's own feeds and the public ones.
     *
     * @return the query
     */
    public static FeedQuery withPublicFeeds() {
        return new FeedQuery(true);
    }
}
