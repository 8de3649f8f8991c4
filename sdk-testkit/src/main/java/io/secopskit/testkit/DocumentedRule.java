package io.secopskit.testkit;

/**
 * A rule a fake enforces because a vendor document (or, where marked, a vendor's public client or an
 * inference) states it. Every fake lists its rules as an enum implementing this interface and lets tests
 * switch each one off through its {@link Strictness}.
 */
public interface DocumentedRule {
    /**
     * Where the rule comes from, for example {@code taegis-xdr-tenants-api.ja.txt L16-18}. Sources that are
     * not the vendor document say so ({@code [inference]}, {@code [vendor client]}).
     *
     * @return the source
     */
    String source();

    /**
     * What the fake refuses or does while the rule is on, in one sentence.
     *
     * @return the summary
     */
    String summary();
}
