package io.secopskit.config;

import io.secopskit.config.ConfigKey.Kind;
import io.secopskit.config.internal.ConfigFiles;
import io.secopskit.core.Secret;
import io.secopskit.core.http.ClientOptions;
import io.secopskit.core.http.RateLimit;
import io.secopskit.core.http.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loaded configuration: every key SecOpsKit understands ({@link ConfigKeys}), from a file, environment
 * variables and flags, with one precedence (flag &gt; environment &gt; file) and the origin of every
 * value. Loading checks everything that can be checked offline: unknown keys (with a suggestion), values
 * of the wrong form, missing files — each failure a {@link ConfigException} naming the file and line (or
 * variable or flag) and the key. Secrets are read when used, so a {@code file:} secret that is rotated is
 * picked up. A file holding literal secrets that group or others can read draws a warning
 * ({@link #warnings()}), as ssh and the cloud command-line tools do. Immutable.
 */
public final class SecOpsConfig {
    private static final Logger LOG = LoggerFactory.getLogger("io.secopskit.config");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern RATE = Pattern.compile("(\\d+)\\s*/\\s*(.+)");

    private final Map<String, String> values;
    private final Map<String, Origin> origins;
    private final List<String> warnings;

    private SecOpsConfig(Map<String, String> values, Map<String, Origin> origins, List<String> warnings) {
        this.values = Collections.unmodifiableMap(values);
        this.origins = Collections.unmodifiableMap(origins);
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Loads and checks a configuration.
     *
     * @param sources the file, environment and flags
     * @return the configuration
     * @throws ConfigException at the first problem, naming where it is and the key
     */
    public static SecOpsConfig load(ConfigSources sources) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Origin> origins = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        Set<String> namedAccounts = new LinkedHashSet<>();
        boolean literalSecretInFile = false;
        if (sources.file() != null) {
            for (Map.Entry<String, ConfigFiles.Entry> e : ConfigFiles.read(sources.file()).entrySet()) {
                Origin origin = new Origin(Origin.Kind.FILE, sources.file().toString(), e.getValue().line());
                ConfigKey key = known(e.getKey(), origin);
                put(values, origins, e.getKey(), e.getValue().value(), origin, key);
                literalSecretInFile |= key.kind() == Kind.SECRET && !isIndirect(e.getValue().value());
                noteAccount(e.getKey(), namedAccounts);
            }
        }
        for (Map.Entry<String, String> e : sources.flags().entrySet()) {
            Origin origin = new Origin(Origin.Kind.FLAG, e.getKey(), 0);
            put(values, origins, e.getKey(), e.getValue(), origin, known(e.getKey(), origin));
            noteAccount(e.getKey(), namedAccounts);
        }
        for (String fullName : environmentCandidates(namedAccounts)) {
            String var = ConfigKeys.environmentVariable(fullName);
            String v = sources.environment().get(var);
            if (v != null && !(origins.containsKey(fullName) && origins.get(fullName).kind() == Origin.Kind.FLAG)) {
                put(values, origins, fullName, v, new Origin(Origin.Kind.ENVIRONMENT, var, 0),
                        ConfigKeys.find(fullName).orElseThrow());
            }
        }
        if (literalSecretInFile && readableByOthers(sources.file())) {
            warnings.add(sources.file() + " holds secrets and is readable by group or others; chmod 600 it, or move the"
                    + " secrets to the environment or to file: references");
        }
        checkKeyFiles(values, origins, warnings);
        warnings.forEach(w -> LOG.warn("{}", w));
        return new SecOpsConfig(values, origins, warnings);
    }

    private static void put(Map<String, String> values, Map<String, Origin> origins, String key, String value,
                            Origin origin, ConfigKey def) {
        validate(def, key, value, origin);
        values.put(key, value);
        origins.put(key, origin);
    }

    private static ConfigKey known(String fullName, Origin origin) {
        Optional<ConfigKey> key = ConfigKeys.find(fullName);
        if (key.isEmpty()) {
            List<String> suggestions = ConfigKeys.suggestions(fullName);
            throw new ConfigException(origin.toString(), fullName, "unknown key"
                    + (suggestions.isEmpty() ? " (run with --help for the list)" : "; did you mean " + String.join(" or ", suggestions) + "?"));
        }
        return key.get();
    }

    private static void noteAccount(String fullName, Set<String> accounts) {
        ConfigKeys.Scoped s = ConfigKeys.split(fullName);
        if (s != null && s.account() != null) {
            accounts.add(s.scope() + "." + s.account());
        }
    }

    private static List<String> environmentCandidates(Set<String> namedAccounts) {
        List<String> names = new ArrayList<>();
        for (ConfigKey key : ConfigKeys.all()) {
            if (key.isPattern()) {
                continue;
            }
            if (key.scope().equals("client")) {
                names.add(ConfigKeys.DEFAULTS + "." + key.name());
                for (String v : ConfigKeys.VENDORS) {
                    names.add(v + "." + key.name());
                }
            } else {
                names.add(key.scope() + "." + key.name());
            }
        }
        for (String account : namedAccounts) {
            String vendor = account.substring(0, account.indexOf('.'));
            String name = account.substring(account.indexOf('.') + 1);
            for (ConfigKey key : ConfigKeys.all()) {
                if (!key.isPattern() && (key.scope().equals(vendor) || key.scope().equals("client"))) {
                    names.add(ConfigKeys.ACCOUNTS + "." + vendor + "." + name + "." + key.name());
                }
            }
        }
        return names;
    }

    private static boolean isIndirect(String value) {
        return value.startsWith("env:") || value.startsWith("file:");
    }

    private static void validate(ConfigKey key, String name, String value, Origin origin) {
        String where = origin.toString();
        switch (key.kind()) {
            case DURATION -> parseDuration(value, where, name);
            case INTEGER -> {
                try {
                    if (Long.parseLong(value.strip()) < 0) {
                        throw new ConfigException(where, name, "must not be negative");
                    }
                } catch (NumberFormatException e) {
                    throw new ConfigException(where, name, "expected a whole number, got \"" + value + "\"");
                }
            }
            case URI -> parseUri(value, where, name);
            case CHOICE -> {
                boolean ok = key.choices().stream().anyMatch(c -> c.equalsIgnoreCase(value.strip()));
                if (!ok) {
                    throw new ConfigException(where, name, "unknown value \"" + value + "\" (one of "
                            + String.join(", ", key.choices()) + ")");
                }
            }
            case BOOLEAN -> {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    throw new ConfigException(where, name, "expected true or false, got \"" + value + "\"");
                }
            }
            case RATE -> {
                if (!value.equalsIgnoreCase("off")) {
                    parseRate(value, where, name);
                }
            }
            case SECRET -> {
                if (value.isEmpty()) {
                    throw new ConfigException(where, name, "is empty");
                }
            }
            case TEXT, PATH -> {
                if (value.isBlank()) {
                    throw new ConfigException(where, name, "is empty");
                }
                for (int i = 0; i < value.length(); i++) {
                    if (value.charAt(i) < 0x20) {
                        throw new ConfigException(where, name, "must not contain control characters");
                    }
                }
            }
        }
    }

    static Duration parseDuration(String value, String where, String name) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        Matcher m = DURATION.matcher(v);
        try {
            Duration d;
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                d = switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            } else {
                d = Duration.parse(value.strip().toUpperCase(Locale.ROOT));
            }
            if (d.isNegative() || d.isZero()) {
                throw new ConfigException(where, name, "must be positive");
            }
            return d;
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            throw new ConfigException(where, name, "expected a duration such as 30s, 500ms, 2m, 1h or PT30S, got \""
                    + value + "\"");
        }
    }

    static URI parseUri(String value, String where, String name) {
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
                throw new ConfigException(where, name, "expected an absolute https:// URL, got \"" + value + "\"");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new ConfigException(where, name, "not a URL: \"" + value + "\"");
        }
    }

    static RateLimit parseRate(String value, String where, String name) {
        Matcher m = RATE.matcher(value.strip());
        if (!m.matches()) {
            throw new ConfigException(where, name, "expected <n>/<duration> such as 30/24h or 10/1s, or off");
        }
        int permits;
        try {
            permits = Integer.parseInt(m.group(1));
        } catch (NumberFormatException e) {
            throw new ConfigException(where, name, "the number of permits is too large");
        }
        if (permits < 1) {
            throw new ConfigException(where, name, "needs at least 1 permit");
        }
        Duration period = parseDuration(m.group(2), where, name);
        String key = name.substring(name.indexOf("rateLimit.") + "rateLimit.".length());
        return period.compareTo(Duration.ofHours(1)) >= 0 ? RateLimit.quota(key, permits, period)
                : RateLimit.throttle(key, permits, period);
    }

    private static boolean readableByOthers(Path file) {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            return p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Key files must be readable; one that group or others can read draws a warning. */
    private static void checkKeyFiles(Map<String, String> values, Map<String, Origin> origins, List<String> warnings) {
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (!e.getKey().endsWith("serviceAccountKeyFile")) {
                continue;
            }
            Path file = Path.of(e.getValue());
            if (!Files.isReadable(file)) {
                throw new ConfigException(origins.get(e.getKey()).toString(), e.getKey(), "the key file " + file
                        + " does not exist or cannot be read");
            }
            if (readableByOthers(file)) {
                warnings.add(file + " (" + e.getKey() + ") holds a private key and is readable by group or others;"
                        + " chmod 600 it");
            }
        }
    }

    /** Returns every key that has a value. */
    public Set<String> keys() {
        return values.keySet();
    }

    /**
     * Returns a key's value as given.
     *
     * @param key the full key
     * @return the value, or empty
     */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /**
     * Returns where a key's value came from.
     *
     * @param key the full key
     * @return the origin, or empty when the key has no value
     */
    public Optional<Origin> origin(String key) {
        return Optional.ofNullable(origins.get(key));
    }

    /** Returns the warnings loading produced (also logged at WARN on logger {@code io.secopskit.config}). */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * Returns a key's value, or fails naming the key, where it could be set and its environment variable.
     *
     * @param key  the full key
     * @param why  why it is needed, for the message (for example {@code "taegis is configured"})
     * @return the value
     */
    public String require(String key, String why) {
        String v = values.get(key);
        if (v == null) {
            throw new ConfigException(null, key, "is required (" + why + "); set it in the file, as "
                    + ConfigKeys.environmentVariable(key) + ", or with --set " + key + "=…");
        }
        return v;
    }

    /**
     * Returns a duration value.
     *
     * @param key the full key
     * @return the duration, or empty
     */
    public Optional<Duration> duration(String key) {
        return get(key).map(v -> parseDuration(v, where(key), key));
    }

    /**
     * Returns a URL value.
     *
     * @param key the full key
     * @return the URL, or empty
     */
    public Optional<URI> uri(String key) {
        return get(key).map(v -> parseUri(v, where(key), key));
    }

    /**
     * Returns a secret as a supplier that reads it when called: a literal value, {@code env:VARIABLE}, or
     * {@code file:/path} (read again at every call, so a rotated file is picked up).
     *
     * @param key the full key
     * @param why why it is needed, for the message
     * @return the supplier
     * @throws ConfigException if the key has no value
     */
    public Supplier<Secret> secret(String key, String why) {
        String v = require(key, why);
        String where = where(key);
        if (v.startsWith("env:")) {
            String var = v.substring(4);
            Map<String, String> env = System.getenv();
            return () -> {
                String s = env.get(var);
                if (s == null || s.isEmpty()) {
                    throw new ConfigException(where, key, "refers to environment variable " + var + ", which is not set");
                }
                return Secret.of(s);
            };
        }
        if (v.startsWith("file:")) {
            Path file = Path.of(v.substring(5));
            if (!Files.isReadable(file)) {
                throw new ConfigException(where, key, "refers to " + file + ", which does not exist or cannot be read");
            }
            return () -> {
                try {
                    return Secret.of(Files.readString(file, StandardCharsets.UTF_8).strip());
                } catch (IOException e) {
                    throw new ConfigException(where, key, "cannot read " + file + ": " + e.getClass().getSimpleName());
                }
            };
        }
        Secret literal = Secret.of(v);
        return () -> literal;
    }

    private String where(String key) {
        Origin o = origins.get(key);
        return o == null ? null : o.toString();
    }

    /**
     * Returns the vendors that have at least one setting, in {@link ConfigKeys#VENDORS} order.
     *
     * @return vendor ids
     */
    public List<String> configuredVendors() {
        List<String> out = new ArrayList<>();
        for (String vendor : ConfigKeys.VENDORS) {
            if (!accounts(vendor).isEmpty()) {
                out.add(vendor);
            }
        }
        return out;
    }

    /**
     * Returns the accounts of a vendor that have settings: {@code default} (keys under the vendor's name,
     * client settings not counted) and every named account ({@code accounts.<vendor>.<name>.…}).
     *
     * @param vendor the vendor id
     * @return account names
     */
    public Set<String> accounts(String vendor) {
        Set<String> out = new TreeSet<>();
        for (String key : values.keySet()) {
            ConfigKeys.Scoped s = ConfigKeys.split(key);
            if (s == null || !s.scope().equals(vendor)) {
                continue;
            }
            if (s.account() != null) {
                out.add(s.account());
            } else if (ConfigKeys.find(key).map(k -> !k.scope().equals("client")).orElse(false)) {
                out.add("default");
            }
        }
        return out;
    }

    /**
     * Returns the full key of a vendor setting for an account.
     *
     * @param vendor  the vendor id
     * @param account the account ({@code default} or a name)
     * @param name    the setting
     * @return the full key
     */
    public static String key(String vendor, String account, String name) {
        return "default".equals(account) ? vendor + "." + name
                : ConfigKeys.ACCOUNTS + "." + vendor + "." + account + "." + name;
    }

    /**
     * Builds the client options of a vendor account: {@code defaults.*} overridden by the account's own
     * client settings.
     *
     * @param vendor  the vendor id
     * @param account the account
     * @return the options
     */
    public ClientOptions clientOptions(String vendor, String account) {
        ClientOptions.Builder b = ClientOptions.builder();
        Map<String, String> merged = new LinkedHashMap<>();
        Map<String, String> where = new LinkedHashMap<>();
        String own = key(vendor, account, "");
        for (String prefix : new String[] {ConfigKeys.DEFAULTS + ".", own}) {
            for (Map.Entry<String, String> e : values.entrySet()) {
                if (e.getKey().startsWith(prefix) && ConfigKeys.find(e.getKey()).map(k -> k.scope().equals("client")).orElse(false)) {
                    String name = e.getKey().substring(prefix.length());
                    merged.put(name, e.getValue());
                    where.put(name, e.getKey());
                }
            }
        }
        RetryPolicy.Builder retry = null;
        for (Map.Entry<String, String> e : merged.entrySet()) {
            String name = e.getKey();
            String full = where.get(name);
            String v = e.getValue();
            String at = where(full);
            switch (name) {
                case "proxy" -> b.proxy(proxy(v, at, full));
                case "connectTimeout" -> b.connectTimeout(parseDuration(v, at, full));
                case "readTimeout" -> b.readTimeout(parseDuration(v, at, full));
                case "writeTimeout" -> b.writeTimeout(parseDuration(v, at, full));
                case "attemptTimeout" -> b.attemptTimeout(parseDuration(v, at, full));
                case "totalTimeout" -> b.totalTimeout(parseDuration(v, at, full));
                case "maxPermitWait" -> b.maxPermitWait(parseDuration(v, at, full));
                case "maxResponseBytes" -> b.maxResponseBytes(Long.parseLong(v.strip()));
                case "applicationId" -> {
                    try {
                        b.applicationId(v);
                    } catch (IllegalArgumentException ex) {
                        throw new ConfigException(at, full, ex.getMessage());
                    }
                }
                case "retry.maxAttempts" -> retry = (retry == null ? RetryPolicy.builder() : retry)
                        .maxAttempts(Math.max(1, Integer.parseInt(v.strip())));
                case "retry.maxRetryAfter" -> retry = (retry == null ? RetryPolicy.builder() : retry)
                        .maxRetryAfter(parseDuration(v, at, full));
                case "trustStore", "trustStorePassword", "trustStoreType" -> {
                    // read together below
                }
                default -> {
                    if (name.startsWith("rateLimit.")) {
                        if (v.equalsIgnoreCase("off")) {
                            b.disableRateLimit(name.substring("rateLimit.".length()));
                        } else {
                            b.rateLimit(parseRate(v, at, full));
                        }
                    }
                }
            }
        }
        if (retry != null) {
            b.retryPolicy(retry.build());
        }
        if (merged.containsKey("trustStore")) {
            b.trustManager(trustManager(merged, where));
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(null, own.isEmpty() ? ConfigKeys.DEFAULTS : own.substring(0, own.length() - 1),
                    e.getMessage());
        }
    }

    private static Proxy proxy(String value, String where, String key) {
        String v = value.strip();
        int colon = v.lastIndexOf(':');
        if (colon <= 0 || colon == v.length() - 1) {
            throw new ConfigException(where, key, "expected host:port, got \"" + value + "\"");
        }
        try {
            int port = Integer.parseInt(v.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(v.substring(0, colon), port));
        } catch (NumberFormatException e) {
            throw new ConfigException(where, key, "the port must be a number from 1 to 65535");
        }
    }

    private X509TrustManager trustManager(Map<String, String> merged, Map<String, String> where) {
        String storeKey = where.get("trustStore");
        Path file = Path.of(merged.get("trustStore"));
        char[] password = merged.containsKey("trustStorePassword")
                ? secret(where.get("trustStorePassword"), "trustStore is set").get().reveal().toCharArray() : null;
        String type = merged.getOrDefault("trustStoreType", "PKCS12").toUpperCase(Locale.ROOT);
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            for (var tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    return x;
                }
            }
            throw new ConfigException(where(storeKey), storeKey, "the trust store holds no X.509 trust");
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException(where(storeKey), storeKey, "cannot read the " + type + " trust store " + file
                    + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
        }
    }

    /** Lists keys and origins, never values. */
    @Override
    public String toString() {
        return "SecOpsConfig" + origins;
    }
}
