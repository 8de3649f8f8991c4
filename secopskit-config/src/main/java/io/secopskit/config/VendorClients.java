package io.secopskit.config;

import io.secopskit.carbonblack.CarbonBlackClient;
import io.secopskit.carbonblack.CarbonBlackEnvironment;
import io.secopskit.chronicle.ChronicleClient;
import io.secopskit.chronicle.ChronicleRegion;
import io.secopskit.core.VendorClient;
import io.secopskit.core.error.ConfigurationException;
import io.secopskit.servicenow.ServiceNowClient;
import io.secopskit.stellar.StellarClient;
import io.secopskit.taegis.TaegisClient;
import io.secopskit.taegis.TaegisRegion;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Builds vendor clients from a {@link SecOpsConfig}: the vendor's location, credentials and client
 * settings of one account. Every problem is a {@link ConfigException} naming the configuration key (not
 * the builder method), so a command-line tool can print one line.
 */
public final class VendorClients {
    private VendorClients() {
    }

    /**
     * Builds the client of a vendor account.
     *
     * @param config  the configuration
     * @param vendor  {@code chronicle}, {@code taegis}, {@code carbonblack}, {@code servicenow} or {@code stellar}
     * @param account {@code default} or a named account
     * @return the client; close it when done
     * @throws ConfigException if a setting is missing or invalid
     */
    public static VendorClient build(SecOpsConfig config, String vendor, String account) {
        return switch (vendor) {
            case "chronicle" -> chronicle(config, account);
            case "taegis" -> taegis(config, account);
            case "carbonblack" -> carbonBlack(config, account);
            case "servicenow" -> serviceNow(config, account);
            case "stellar" -> stellar(config, account);
            default -> throw new ConfigException(null, vendor, "unknown vendor (one of " + ConfigKeys.VENDORS + ")");
        };
    }

    /**
     * Builds a Chronicle (partner API) client: {@code chronicle.region} or {@code chronicle.endpoint},
     * {@code chronicle.serviceAccountKeyFile}.
     *
     * @param c       the configuration
     * @param account the account
     * @return the client
     */
    public static ChronicleClient chronicle(SecOpsConfig c, String account) {
        String why = "chronicle is configured";
        ChronicleClient.Builder b = ChronicleClient.builder().options(c.clientOptions("chronicle", account));
        String endpoint = SecOpsConfig.key("chronicle", account, "endpoint");
        if (c.get(endpoint).isPresent()) {
            b.endpoint(c.uri(endpoint).orElseThrow());
        } else {
            b.region(ChronicleRegion.valueOf(choice(c, SecOpsConfig.key("chronicle", account, "region"), "US").toUpperCase(Locale.ROOT)));
        }
        b.serviceAccountKey(Path.of(c.require(SecOpsConfig.key("chronicle", account, "serviceAccountKeyFile"), why)));
        return build(() -> b.build(), "chronicle", account);
    }

    /**
     * Builds a Taegis client: {@code taegis.region} or {@code taegis.endpoint} (+ {@code authEndpoint}),
     * {@code taegis.clientId}, {@code taegis.clientSecret}.
     *
     * @param c       the configuration
     * @param account the account
     * @return the client
     */
    public static TaegisClient taegis(SecOpsConfig c, String account) {
        String why = "taegis is configured";
        TaegisClient.Builder b = TaegisClient.builder().options(c.clientOptions("taegis", account));
        String endpoint = SecOpsConfig.key("taegis", account, "endpoint");
        if (c.get(endpoint).isPresent()) {
            b.endpoint(c.uri(endpoint).orElseThrow());
        } else {
            b.region(TaegisRegion.valueOf(choice(c, SecOpsConfig.key("taegis", account, "region"), "US1").toUpperCase(Locale.ROOT)));
        }
        c.uri(SecOpsConfig.key("taegis", account, "authEndpoint")).ifPresent(b::authEndpoint);
        b.clientCredentials(c.require(SecOpsConfig.key("taegis", account, "clientId"), why),
                c.secret(SecOpsConfig.key("taegis", account, "clientSecret"), why).get());
        return build(() -> b.build(), "taegis", account);
    }

    /**
     * Builds a Carbon Black Cloud client: {@code carbonblack.environment} or {@code carbonblack.endpoint}
     * (+ {@code apiEndpoint}), {@code carbonblack.apiId}, {@code carbonblack.apiSecret},
     * {@code carbonblack.orgKey}.
     *
     * @param c       the configuration
     * @param account the account
     * @return the client
     */
    public static CarbonBlackClient carbonBlack(SecOpsConfig c, String account) {
        String why = "carbonblack is configured";
        CarbonBlackClient.Builder b = CarbonBlackClient.builder().options(c.clientOptions("carbonblack", account));
        String endpoint = SecOpsConfig.key("carbonblack", account, "endpoint");
        if (c.get(endpoint).isPresent()) {
            b.endpoint(c.uri(endpoint).orElseThrow());
        } else {
            String envKey = SecOpsConfig.key("carbonblack", account, "environment");
            String env = c.require(envKey, "carbonblack is configured without an endpoint");
            b.environment(build(() -> CarbonBlackEnvironment.of(env), "carbonblack", account, envKey));
        }
        c.uri(SecOpsConfig.key("carbonblack", account, "apiEndpoint")).ifPresent(b::apiEndpoint);
        b.apiKey(c.require(SecOpsConfig.key("carbonblack", account, "apiId"), why),
                c.secret(SecOpsConfig.key("carbonblack", account, "apiSecret"), why));
        b.orgKey(c.require(SecOpsConfig.key("carbonblack", account, "orgKey"), why));
        return build(() -> b.build(), "carbonblack", account);
    }

    /**
     * Builds a ServiceNow client: {@code servicenow.instance} or {@code servicenow.endpoint};
     * {@code servicenow.auth} {@code basic} (user, password), {@code password-grant} (clientId,
     * clientSecret, user, password) or {@code client-credentials} (clientId, clientSecret).
     *
     * @param c       the configuration
     * @param account the account
     * @return the client
     */
    public static ServiceNowClient serviceNow(SecOpsConfig c, String account) {
        String why = "servicenow is configured";
        ServiceNowClient.Builder b = ServiceNowClient.builder().options(c.clientOptions("servicenow", account));
        String endpoint = SecOpsConfig.key("servicenow", account, "endpoint");
        if (c.get(endpoint).isPresent()) {
            b.endpoint(c.uri(endpoint).orElseThrow());
        } else {
            b.instance(c.require(SecOpsConfig.key("servicenow", account, "instance"), why + " without an endpoint"));
        }
        String auth = choice(c, SecOpsConfig.key("servicenow", account, "auth"), "basic").toLowerCase(Locale.ROOT);
        String user = SecOpsConfig.key("servicenow", account, "user");
        String password = SecOpsConfig.key("servicenow", account, "password");
        String clientId = SecOpsConfig.key("servicenow", account, "clientId");
        String clientSecret = SecOpsConfig.key("servicenow", account, "clientSecret");
        switch (auth) {
            case "password-grant" -> b.passwordGrant(c.require(clientId, "servicenow.auth is password-grant"),
                    c.secret(clientSecret, "servicenow.auth is password-grant"), c.require(user, "servicenow.auth is password-grant"),
                    c.secret(password, "servicenow.auth is password-grant"));
            case "client-credentials" -> b.clientCredentials(c.require(clientId, "servicenow.auth is client-credentials"),
                    c.secret(clientSecret, "servicenow.auth is client-credentials"));
            default -> b.basicAuth(c.require(user, why), c.secret(password, why));
        }
        return build(() -> b.build(), "servicenow", account);
    }

    /**
     * Builds a Stellar Cyber client: {@code stellar.host} or {@code stellar.endpoint}; {@code stellar.auth}
     * {@code api-key} (user, apiKey; the default), {@code scoped-api-key} (apiKey) or {@code basic}
     * (user, apiKey; 5.4.0).
     *
     * @param c       the configuration
     * @param account the account
     * @return the client
     */
    public static StellarClient stellar(SecOpsConfig c, String account) {
        String why = "stellar is configured";
        StellarClient.Builder b = StellarClient.builder().options(c.clientOptions("stellar", account));
        String endpoint = SecOpsConfig.key("stellar", account, "endpoint");
        if (c.get(endpoint).isPresent()) {
            b.endpoint(c.uri(endpoint).orElseThrow());
        } else {
            b.host(c.require(SecOpsConfig.key("stellar", account, "host"), why + " without an endpoint"));
        }
        String auth = choice(c, SecOpsConfig.key("stellar", account, "auth"), "api-key").toLowerCase(Locale.ROOT);
        String user = SecOpsConfig.key("stellar", account, "user");
        Supplier<io.secopskit.core.Secret> key = c.secret(SecOpsConfig.key("stellar", account, "apiKey"), why);
        switch (auth) {
            case "scoped-api-key" -> b.scopedApiKey(key);
            case "basic" -> b.basicAuth(c.require(user, "stellar.auth is basic"), key);
            default -> b.apiKey(c.require(user, why), key);
        }
        return build(() -> b.build(), "stellar", account);
    }

    private static String choice(SecOpsConfig c, String key, String fallback) {
        return c.get(key).map(String::strip).orElse(fallback);
    }

    private static <T> T build(Supplier<T> builder, String vendor, String account) {
        return build(builder, vendor, account, null);
    }

    private static <T> T build(Supplier<T> builder, String vendor, String account, String keyHint) {
        try {
            return builder.get();
        } catch (ConfigException e) {
            throw e;
        } catch (ConfigurationException e) {
            String key = keyHint != null ? keyHint : SecOpsConfig.key(vendor, account, e.setting());
            throw new ConfigException(null, key, e.rule(), e);
        }
    }
}
