package io.secopskit.config;

import io.secopskit.config.ConfigKey.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every key SecOpsKit's configuration understands. A vendor's settings live under its name
 * ({@code taegis.clientId}) for the default account, or under {@code accounts.<vendor>.<account>.}
 * ({@code accounts.taegis.eu.clientId}) for further accounts; the client settings ({@code proxy},
 * timeouts, retries, rate limits, trust store) are accepted under {@code defaults.} and under each vendor,
 * the vendor's value winning.
 */
public final class ConfigKeys {
    /** The vendor scopes. */
    public static final List<String> VENDORS = List.of("chronicle", "taegis", "carbonblack", "servicenow", "stellar");
    /** The scope of client settings shared by every vendor. */
    public static final String DEFAULTS = "defaults";
    /** The prefix of named accounts. */
    public static final String ACCOUNTS = "accounts";

    private static final List<ConfigKey> ALL = build();

    private ConfigKeys() {
    }

    private static List<ConfigKey> build() {
        List<ConfigKey> k = new ArrayList<>();
        // settings of every client (under defaults. and under each vendor)
        client(k, "proxy", Kind.TEXT, "HTTP proxy as host:port (every request, token requests included)");
        client(k, "connectTimeout", Kind.DURATION, "TCP connect timeout (default 10s)");
        client(k, "readTimeout", Kind.DURATION, "longest wait between two reads of an answer (default 30s)");
        client(k, "writeTimeout", Kind.DURATION, "longest wait between two writes of a request (default 30s)");
        client(k, "attemptTimeout", Kind.DURATION, "bound on one send, reading the whole answer included (default 60s)");
        client(k, "totalTimeout", Kind.DURATION, "bound on a whole call, retries and waits included (default 120s)");
        client(k, "retry.maxAttempts", Kind.INTEGER, "attempts of a retryable call, the first included (default 3)");
        client(k, "retry.maxRetryAfter", Kind.DURATION, "longest Retry-After honoured (default 60s)");
        client(k, "rateLimit.*", Kind.RATE, "override a limit by key, e.g. rateLimit.chronicle.CreateCustomer=10/24h;"
                + " 'off' switches a documented limit off");
        client(k, "maxPermitWait", Kind.DURATION, "longest wait for a throttle permit (default 30s)");
        client(k, "maxResponseBytes", Kind.INTEGER, "largest answer read, in bytes (default 67108864)");
        client(k, "trustStore", Kind.PATH, "a trust store (PKCS12 or JKS) replacing the JDK's default trust");
        client(k, "trustStorePassword", Kind.SECRET, "the trust store's password");
        client(k, "trustStoreType", Kind.CHOICE, "the trust store's type (default PKCS12)", "PKCS12", "JKS");
        client(k, "applicationId", Kind.TEXT, "appended to the User-Agent, e.g. acme-soc/2.1");

        vendor(k, "chronicle", "region", Kind.CHOICE, "Google SecOps region of the partner API (default US)",
                io.secopskit.chronicle.ChronicleRegion.class);
        vendor(k, "chronicle", "endpoint", Kind.URI, "partner API endpoint, overrides region");
        vendor(k, "chronicle", "serviceAccountKeyFile", Kind.PATH, "the partner's service-account key (JSON)");

        vendor(k, "taegis", "region", Kind.CHOICE, "Taegis XDR region (default US1)", io.secopskit.taegis.TaegisRegion.class);
        vendor(k, "taegis", "endpoint", Kind.URI, "API endpoint, overrides region");
        vendor(k, "taegis", "authEndpoint", Kind.URI, "OAuth token host, overrides region");
        vendor(k, "taegis", "clientId", Kind.TEXT, "OAuth client id");
        vendor(k, "taegis", "clientSecret", Kind.SECRET, "OAuth client secret");
        vendor(k, "taegis", "partnerTenantId", Kind.TEXT, "the partner tenant customers are created under");

        vendor(k, "carbonblack", "environment", Kind.TEXT, "Carbon Black Cloud environment, e.g. prod05, prod06");
        vendor(k, "carbonblack", "endpoint", Kind.URI, "defense host, overrides environment");
        vendor(k, "carbonblack", "apiEndpoint", Kind.URI, "API host (integrationServices), overrides environment");
        vendor(k, "carbonblack", "apiId", Kind.TEXT, "API ID of the key");
        vendor(k, "carbonblack", "apiSecret", Kind.SECRET, "API secret key");
        vendor(k, "carbonblack", "orgKey", Kind.TEXT, "organization key");

        vendor(k, "servicenow", "instance", Kind.TEXT, "instance name: https://<instance>.service-now.com");
        vendor(k, "servicenow", "endpoint", Kind.URI, "instance URL, overrides instance");
        vendor(k, "servicenow", "auth", Kind.CHOICE, "how to log in (default basic)", "basic", "password-grant",
                "client-credentials");
        vendor(k, "servicenow", "user", Kind.TEXT, "user name (basic, password-grant)");
        vendor(k, "servicenow", "password", Kind.SECRET, "the user's password (basic, password-grant)");
        vendor(k, "servicenow", "clientId", Kind.TEXT, "OAuth client id (password-grant, client-credentials)");
        vendor(k, "servicenow", "clientSecret", Kind.SECRET, "OAuth client secret (password-grant, client-credentials)");

        vendor(k, "stellar", "host", Kind.TEXT, "the Stellar Cyber host, e.g. acme.stellarcyber.cloud");
        vendor(k, "stellar", "endpoint", Kind.URI, "API endpoint, overrides host");
        vendor(k, "stellar", "auth", Kind.CHOICE, "how to log in (default api-key: key exchanged for a JWT)", "api-key",
                "scoped-api-key", "basic");
        vendor(k, "stellar", "user", Kind.TEXT, "the user's e-mail (api-key, basic)");
        vendor(k, "stellar", "apiKey", Kind.SECRET, "the API key");

        k.add(new ConfigKey("customer", "code", Kind.TEXT, "the customer code (onboarding)", List.of()));
        k.add(new ConfigKey("customer", "name", Kind.TEXT, "the customer's display name (onboarding)", List.of()));
        k.add(new ConfigKey("store", "sqlite", Kind.PATH, "the SQLite store file (onboarding state)", List.of()));
        k.add(new ConfigKey("credentials", "directory", Kind.PATH, "where vendor-issued credentials are written (0600)",
                List.of()));
        return List.copyOf(k);
    }

    private static void client(List<ConfigKey> k, String name, Kind kind, String description, String... choices) {
        k.add(new ConfigKey("client", name, kind, description, Arrays.asList(choices)));
    }

    private static void vendor(List<ConfigKey> k, String vendor, String name, Kind kind, String description,
                               String... choices) {
        k.add(new ConfigKey(vendor, name, kind, description, Arrays.asList(choices)));
    }

    private static void vendor(List<ConfigKey> k, String vendor, String name, Kind kind, String description,
                               Class<? extends Enum<?>> choices) {
        List<String> names = new ArrayList<>();
        for (Enum<?> e : choices.getEnumConstants()) {
            names.add(e.name());
        }
        k.add(new ConfigKey(vendor, name, kind, description, names));
    }

    /** Returns every key, vendor scopes first, then client settings, customer, store and credentials. */
    public static List<ConfigKey> all() {
        return ALL;
    }

    /**
     * Finds the definition of a full key name.
     *
     * @param fullName for example {@code taegis.clientSecret}, {@code defaults.readTimeout},
     *                 {@code accounts.taegis.eu.region}
     * @return the definition, or empty when the key is unknown
     */
    public static Optional<ConfigKey> find(String fullName) {
        Scoped s = split(fullName);
        if (s == null) {
            return Optional.empty();
        }
        for (ConfigKey key : ALL) {
            boolean scopeFits = key.scope().equals(s.scope())
                    || key.scope().equals("client") && (VENDORS.contains(s.scope()) || DEFAULTS.equals(s.scope()));
            if (scopeFits && key.matches(s.name()) && (s.account() == null || VENDORS.contains(s.scope()))) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    /**
     * A full key split into scope, account and name.
     *
     * @param scope   the scope ({@code taegis}, {@code defaults}, …)
     * @param account the named account, or null for the default one
     * @param name    the name within the scope
     */
    public record Scoped(String scope, String account, String name) {
    }

    /**
     * Splits a full key name.
     *
     * @param fullName the key
     * @return the parts, or null when the name has no scope
     */
    public static Scoped split(String fullName) {
        String[] parts = fullName.split("\\.", -1);
        if (parts.length >= 4 && parts[0].equals(ACCOUNTS)) {
            return new Scoped(parts[1], parts[2], String.join(".", Arrays.copyOfRange(parts, 3, parts.length)));
        }
        if (parts.length >= 2) {
            return new Scoped(parts[0], null, String.join(".", Arrays.copyOfRange(parts, 1, parts.length)));
        }
        return null;
    }

    /**
     * Returns the environment variable of a key: {@code SECOPSKIT_} and the key in upper snake case
     * ({@code taegis.clientSecret} → {@code SECOPSKIT_TAEGIS_CLIENT_SECRET}).
     *
     * @param fullName the key
     * @return the variable name
     */
    public static String environmentVariable(String fullName) {
        StringBuilder sb = new StringBuilder("SECOPSKIT_");
        for (int i = 0; i < fullName.length(); i++) {
            char c = fullName.charAt(i);
            if (c == '.' || c == '-') {
                sb.append('_');
            } else if (Character.isUpperCase(c)) {
                sb.append('_').append(c);
            } else {
                sb.append(Character.toUpperCase(c));
            }
        }
        return sb.toString();
    }

    /**
     * Returns the known key names closest to an unknown one, for "did you mean" messages.
     *
     * @param fullName the unknown key
     * @return up to two suggestions
     */
    public static List<String> suggestions(String fullName) {
        Scoped s = split(fullName);
        String prefix = s == null ? "" : s.account() == null ? s.scope() + "." : ACCOUNTS + "." + s.scope() + "." + s.account() + ".";
        String name = s == null ? fullName : s.name();
        List<String> best = new ArrayList<>();
        int bestDistance = Integer.MAX_VALUE;
        for (ConfigKey key : ALL) {
            boolean scopeFits = s != null && (key.scope().equals(s.scope()) || key.scope().equals("client")
                    && (VENDORS.contains(s.scope()) || DEFAULTS.equals(s.scope())));
            if (!scopeFits || key.isPattern()) {
                continue;
            }
            int d = distance(name.toLowerCase(java.util.Locale.ROOT), key.name().toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                best.clear();
                bestDistance = d;
            }
            if (d == bestDistance && best.size() < 2) {
                best.add(prefix + key.name());
            }
        }
        return bestDistance <= Math.max(2, name.length() / 3) ? best : List.of();
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** The scopes that are not vendors. */
    static final Set<String> OTHER_SCOPES = Set.of(DEFAULTS, "customer", "store", "credentials");
}
