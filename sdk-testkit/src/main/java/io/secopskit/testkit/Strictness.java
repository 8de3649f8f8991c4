package io.secopskit.testkit;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which of a fake's documented rules are enforced. Every fake starts <b>strict</b>: all its rules on, so a
 * test that passes against the fake does not lean on something the vendor refuses. A test that needs the
 * old, looser behaviour switches single rules off and names them, which keeps the exception visible:
 *
 * <pre>{@code
 * taegis.strictness().disable(FakeTaegis.Rule.CURSOR_BOUND_TO_SORT);
 * chronicle.strictness().lenient();   // every rule off (only for tests about something else)
 * }</pre>
 *
 * Changes apply to the next request. Thread-safe.
 *
 * @param <R> the fake's rule enum
 */
public final class Strictness<R extends Enum<R> & DocumentedRule> {
    private final Class<R> type;
    private volatile Set<R> enabled;

    /**
     * Creates a strictness with every rule of {@code type} on.
     *
     * @param type the rule enum
     */
    public Strictness(Class<R> type) {
        this.type = Objects.requireNonNull(type, "type");
        this.enabled = Collections.unmodifiableSet(EnumSet.allOf(type));
    }

    /**
     * Returns whether a rule is enforced.
     *
     * @param rule the rule
     * @return true when on
     */
    public boolean isEnabled(R rule) {
        return enabled.contains(rule);
    }

    /**
     * Switches rules off.
     *
     * @param rules the rules
     * @return this
     */
    @SafeVarargs
    public final Strictness<R> disable(R... rules) {
        update(rules, false);
        return this;
    }

    /**
     * Switches rules on.
     *
     * @param rules the rules
     * @return this
     */
    @SafeVarargs
    public final Strictness<R> enable(R... rules) {
        update(rules, true);
        return this;
    }

    /**
     * Switches every rule on (the default).
     *
     * @return this
     */
    public synchronized Strictness<R> strict() {
        enabled = Collections.unmodifiableSet(EnumSet.allOf(type));
        return this;
    }

    /**
     * Switches every rule off: the fake then behaves as a permissive stub. Prefer {@link #disable} with the
     * single rule a test is not about.
     *
     * @return this
     */
    public synchronized Strictness<R> lenient() {
        enabled = Collections.unmodifiableSet(EnumSet.noneOf(type));
        return this;
    }

    /** Returns the rules that are on. */
    public Set<R> enabled() {
        return enabled;
    }

    /** Returns every rule this fake knows, on or off. */
    public Set<R> rules() {
        return Collections.unmodifiableSet(EnumSet.allOf(type));
    }

    private synchronized void update(R[] rules, boolean on) {
        EnumSet<R> next = enabled.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(enabled);
        for (R r : rules) {
            if (on) {
                next.add(Objects.requireNonNull(r, "rule"));
            } else {
                next.remove(Objects.requireNonNull(r, "rule"));
            }
        }
        enabled = Collections.unmodifiableSet(next);
    }

    @Override
    public String toString() {
        return type.getSimpleName() + enabled;
    }
}
