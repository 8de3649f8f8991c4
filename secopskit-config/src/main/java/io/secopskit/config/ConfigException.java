package io.secopskit.config;

import io.secopskit.core.error.ConfigurationException;

/**
 * A configuration that cannot be used: a missing or malformed file, an unknown or missing key, a value of
 * the wrong form. {@link #oneLine()} is what a command-line tool prints: where (file and line, environment
 * variable or flag), the key and the rule — never a secret value.
 */
public class ConfigException extends ConfigurationException {
    private final String key;
    private final String location;
    private final String problem;

    /**
     * Creates the exception.
     *
     * @param location where the problem is (a file and line, an environment variable, a flag), or null
     * @param key      the configuration key, or null when the problem is the file itself
     * @param problem  what is wrong, in plain words
     * @param cause    the cause, or null
     */
    public ConfigException(String location, String key, String problem, Throwable cause) {
        super("secopskit", key == null ? "configuration" : key, (location == null ? "" : location + ": ") + problem, cause);
        this.key = key;
        this.location = location;
        this.problem = problem;
    }

    /**
     * Creates the exception without a cause.
     *
     * @param location where the problem is, or null
     * @param key      the key, or null
     * @param problem  what is wrong
     */
    public ConfigException(String location, String key, String problem) {
        this(location, key, problem, null);
    }

    /** Returns the key, or null when the problem is the file itself. */
    public String key() {
        return key;
    }

    /** Returns where the problem is: {@code config.yaml:12}, {@code environment SECOPSKIT_X}, {@code flag}, or null. */
    public String location() {
        return location;
    }

    /** Returns the problem in plain words. */
    public String problem() {
        return problem;
    }

    /**
     * Returns one line for a person: {@code config.yaml:12: taegis.region: unknown value "US9" (one of …)}.
     *
     * @return the line
     */
    public String oneLine() {
        StringBuilder sb = new StringBuilder();
        if (location != null) {
            sb.append(location).append(": ");
        }
        if (key != null) {
            sb.append(key).append(": ");
        }
        return sb.append(problem).toString();
    }
}
