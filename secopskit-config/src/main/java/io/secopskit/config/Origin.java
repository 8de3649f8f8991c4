package io.secopskit.config;

/**
 * Where a configuration value came from.
 *
 * @param kind  the kind of source
 * @param where the file path, the environment variable name, or the flag
 * @param line  the line in the file (1-based), or 0
 */
public record Origin(Kind kind, String where, int line) {
    /** The kinds of source, from weakest to strongest. */
    public enum Kind {
        /** A configuration file (properties or YAML). */
        FILE,
        /** An environment variable. */
        ENVIRONMENT,
        /** A command-line flag. */
        FLAG
    }

    /** Returns {@code file:line}, {@code environment NAME} or {@code flag NAME}. */
    @Override
    public String toString() {
        return switch (kind) {
            case FILE -> line > 0 ? where + ":" + line : where;
            case ENVIRONMENT -> "environment " + where;
            case FLAG -> "flag " + where;
        };
    }
}
