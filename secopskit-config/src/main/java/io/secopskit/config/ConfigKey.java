package io.secopskit.config;

import java.util.List;
import java.util.Objects;

/**
 * One setting SecOpsKit reads from a configuration: its name within a scope (a vendor, {@code defaults},
 * {@code customer}, …), the form its value takes, what it does, and whether it holds a secret.
 *
 * @param scope       {@code chronicle}, {@code taegis}, {@code carbonblack}, {@code servicenow},
 *                    {@code stellar}, {@code client} (the client settings every vendor scope and
 *                    {@code defaults} accept), {@code customer}, {@code store}
 * @param name        the name within the scope, for example {@code clientSecret} or {@code retry.maxAttempts};
 *                    a trailing {@code *} stands for any suffix (for example {@code rateLimit.*})
 * @param kind        the form of the value
 * @param description what it does, for {@code --help}
 * @param choices     the allowed values of a {@link Kind#CHOICE}, else empty
 */
public record ConfigKey(String scope, String name, Kind kind, String description, List<String> choices) {
    /** The forms a value takes. */
    public enum Kind {
        /** Free text. */
        TEXT,
        /**
         * A secret: given in the environment, as {@code env:VARIABLE}, or as {@code file:/path} (the file's
         * content, trimmed); a literal value in a file readable by group or others draws a warning.
         */
        SECRET,
        /** An ISO-8601 duration ({@code PT30S}) or a number with a unit: {@code 30s}, {@code 500ms}, {@code 2m}, {@code 1h}. */
        DURATION,
        /** A whole number. */
        INTEGER,
        /** An absolute {@code https://} URI ({@code http://} only for loopback). */
        URI,
        /** One of {@link ConfigKey#choices()} (case-insensitive). */
        CHOICE,
        /** A file path; a file holding secrets (a key file) is checked like a secret-bearing configuration. */
        PATH,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** A rate: {@code <n>/<duration>}, for example {@code 30/24h} (a quota) or {@code 10/1s} (a throttle). */
        RATE
    }

    /** Validates the key. */
    public ConfigKey {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        choices = List.copyOf(choices);
    }

    /** Returns whether the name ends with {@code *} and stands for any suffix. */
    public boolean isPattern() {
        return name.endsWith("*");
    }

    /**
     * Returns whether a name within the scope is this key.
     *
     * @param candidate the name
     * @return true when it matches
     */
    public boolean matches(String candidate) {
        return isPattern() ? candidate.startsWith(name.substring(0, name.length() - 1))
                && candidate.length() > name.length() - 1 : candidate.equals(name);
    }
}
