package io.secopskit.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a configuration is read from, with one precedence: a command-line flag wins over an environment
 * variable, which wins over the configuration file.
 *
 * <pre>{@code
 * SecOpsConfig config = SecOpsConfig.load(ConfigSources.builder()
 *     .file(Path.of("secopskit.yaml"))             // optional
 *     .environment(System.getenv())                 // SECOPSKIT_TAEGIS_CLIENT_SECRET, …
 *     .flag("taegis.region", "EU")                  // from your own command line
 *     .build());
 * }</pre>
 *
 * @param file        the configuration file, or null
 * @param environment the environment variables (normally {@code System.getenv()})
 * @param flags       key → value from the command line
 */
public record ConfigSources(Path file, Map<String, String> environment, Map<String, String> flags) {
    /** Copies the maps. */
    public ConfigSources {
        environment = Map.copyOf(environment);
        flags = Map.copyOf(flags);
    }

    /**
     * Starts a builder with no file, no environment and no flags.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Collects {@code --set key=value} and {@code -Dkey=value} pairs from command-line arguments, returning
     * the other arguments untouched.
     *
     * @param args    the arguments
     * @param flags   receives the pairs
     * @return the arguments that were not settings
     * @throws ConfigException if a {@code --set} has no {@code key=value}
     */
    public static List<String> extractSettings(String[] args, Map<String, String> flags) {
        java.util.List<String> rest = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String pair = null;
            if (a.equals("--set") && i + 1 < args.length) {
                pair = args[++i];
            } else if (a.startsWith("--set=")) {
                pair = a.substring("--set=".length());
            } else if (a.startsWith("-D") && a.length() > 2) {
                pair = a.substring(2);
            } else if (a.equals("--set")) {
                throw new ConfigException("flag --set", null, "expected --set key=value");
            }
            if (pair == null) {
                rest.add(a);
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException("flag --set", null, "expected key=value, got " + (eq < 0 ? "no '='" : "an empty key"));
            }
            flags.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return rest;
    }

    /** Builds {@link ConfigSources}. */
    public static final class Builder {
        private Path file;
        private Map<String, String> environment = Map.of();
        private final Map<String, String> flags = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Reads this file (properties, or YAML for {@code .yaml}/{@code .yml}).
         *
         * @param value the file, or null for none
         * @return this builder
         */
        public Builder file(Path value) {
            this.file = value;
            return this;
        }

        /**
         * Reads these environment variables.
         *
         * @param value the variables, normally {@code System.getenv()}
         * @return this builder
         */
        public Builder environment(Map<String, String> value) {
            this.environment = Objects.requireNonNull(value, "environment");
            return this;
        }

        /**
         * Adds a command-line setting.
         *
         * @param key   the key
         * @param value the value
         * @return this builder
         */
        public Builder flag(String key, String value) {
            this.flags.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Adds command-line settings.
         *
         * @param values key → value
         * @return this builder
         */
        public Builder flags(Map<String, String> values) {
            values.forEach(this::flag);
            return this;
        }

        /**
         * Builds the sources.
         *
         * @return the sources
         */
        public ConfigSources build() {
            return new ConfigSources(file, environment, flags);
        }
    }
}
