package io.secopskit.examples;

import io.secopskit.carbonblack.CarbonBlackClient;
import io.secopskit.carbonblack.CarbonBlackEnvironment;
import io.secopskit.chronicle.ChronicleClient;
import io.secopskit.chronicle.ChronicleRegion;
import io.secopskit.core.Secret;
import io.secopskit.core.http.ClientOptions;
import io.secopskit.servicenow.ServiceNowClient;
import io.secopskit.stellar.StellarClient;
import io.secopskit.taegis.TaegisClient;
import io.secopskit.taegis.TaegisRegion;
import io.secopskit.testkit.SecOpsSandbox;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Builds the five vendor clients, either against a running {@link SecOpsSandbox} or from a properties
 * file / environment variables for real vendors. A vendor whose settings are absent is left out (null).
 */
public final class Vendors {
    /** Chronicle client, or null. */
    public final ChronicleClient chronicle;
    /** Taegis client, or null. */
    public final TaegisClient taegis;
    /** Taegis partner tenant id, or null. */
    public final String taegisPartnerTenantId;
    /** Carbon Black client, or null. */
    public final CarbonBlackClient carbonBlack;
    /** ServiceNow client, or null. */
    public final ServiceNowClient serviceNow;
    /** Stellar Cyber client, or null. */
    public final StellarClient stellar;

    private Vendors(ChronicleClient chronicle, TaegisClient taegis, String taegisPartnerTenantId, CarbonBlackClient carbonBlack,
                    ServiceNowClient serviceNow, StellarClient stellar) {
        this.chronicle = chronicle;
        this.taegis = taegis;
        this.taegisPartnerTenantId = taegisPartnerTenantId;
        this.carbonBlack = carbonBlack;
        this.serviceNow = serviceNow;
        this.stellar = stellar;
    }

    /**
     * Clients for the embedded sandbox.
     *
     * @param sandbox the running sandbox
     * @return the clients
     */
    public static Vendors sandbox(SecOpsSandbox sandbox) {
        return sandbox(SandboxAddresses.of(sandbox), ClientOptions.defaults());
    }

    /**
     * Clients for a sandbox running elsewhere (another JVM), by its addresses.
     *
     * @param a       where the fakes listen
     * @param options client options for every client (for example a raised Chronicle quota)
     * @return the clients
     */
    public static Vendors sandbox(SandboxAddresses a, ClientOptions options) {
        InputStream key = new ByteArrayInputStream(a.chronicleKeyJson().getBytes(StandardCharsets.UTF_8));
        return new Vendors(
                ChronicleClient.builder().endpoint(a.chronicle()).serviceAccountKey(key).options(options).build(),
                TaegisClient.builder().endpoint(a.taegis()).authEndpoint(a.taegis()).options(options)
                        .clientCredentials(SecOpsSandbox.TAEGIS_CLIENT_ID, Secret.of(SecOpsSandbox.TAEGIS_CLIENT_SECRET)).build(),
                io.secopskit.testkit.FakeTaegis.PARTNER_TENANT_ID,
                CarbonBlackClient.builder().endpoint(a.carbonBlackDefense()).apiEndpoint(a.carbonBlackApi()).options(options)
                        .apiKey(SecOpsSandbox.CARBON_BLACK_API_ID, Secret.of(SecOpsSandbox.CARBON_BLACK_API_SECRET))
                        .orgKey(SecOpsSandbox.CARBON_BLACK_ORG_KEY).build(),
                ServiceNowClient.builder().endpoint(a.serviceNow()).options(options)
                        .basicAuth(SecOpsSandbox.SERVICENOW_USER, Secret.of(SecOpsSandbox.SERVICENOW_PASSWORD)).build(),
                StellarClient.builder().endpoint(a.stellar()).options(options)
                        .apiKey(SecOpsSandbox.STELLAR_USER, Secret.of(SecOpsSandbox.STELLAR_API_KEY)).build());
    }

    /**
     * Where a sandbox's fakes listen, so that another process can reach the same sandbox.
     *
     * @param chronicle          Chronicle fake
     * @param chronicleKeyJson   the service-account key file whose token URI points at it
     * @param taegis             Taegis fake (API and token endpoint)
     * @param carbonBlackDefense Carbon Black defense host
     * @param carbonBlackApi     Carbon Black API host
     * @param serviceNow         ServiceNow instance
     * @param stellar            Stellar Cyber host
     */
    public record SandboxAddresses(URI chronicle, String chronicleKeyJson, URI taegis, URI carbonBlackDefense, URI carbonBlackApi,
                                   URI serviceNow, URI stellar) {
        /**
         * Returns a running sandbox's addresses.
         *
         * @param sandbox the sandbox
         * @return its addresses
         */
        public static SandboxAddresses of(SecOpsSandbox sandbox) {
            return new SandboxAddresses(sandbox.chronicle().baseUri(), sandbox.chronicleKeyJson(), sandbox.taegis().baseUri(),
                    sandbox.carbonBlack().defenseUri(), sandbox.carbonBlack().apiUri(), sandbox.serviceNow().baseUri(),
                    sandbox.stellar().baseUri());
        }

        /**
         * Writes the addresses as properties.
         *
         * @return the properties
         */
        public Properties toProperties() {
            Properties p = new Properties();
            p.setProperty("chronicle", chronicle.toString());
            p.setProperty("chronicleKeyJson", chronicleKeyJson);
            p.setProperty("taegis", taegis.toString());
            p.setProperty("carbonBlackDefense", carbonBlackDefense.toString());
            p.setProperty("carbonBlackApi", carbonBlackApi.toString());
            p.setProperty("serviceNow", serviceNow.toString());
            p.setProperty("stellar", stellar.toString());
            return p;
        }

        /**
         * Reads addresses written by {@link #toProperties()}.
         *
         * @param p the properties
         * @return the addresses
         */
        public static SandboxAddresses fromProperties(Properties p) {
            return new SandboxAddresses(URI.create(p.getProperty("chronicle")), p.getProperty("chronicleKeyJson"),
                    URI.create(p.getProperty("taegis")), URI.create(p.getProperty("carbonBlackDefense")),
                    URI.create(p.getProperty("carbonBlackApi")), URI.create(p.getProperty("serviceNow")),
                    URI.create(p.getProperty("stellar")));
        }
    }

    /**
     * Clients for real vendors from properties (keys below); environment variables named like the key in
     * upper case with {@code _} for {@code .} (for example {@code TAEGIS_CLIENT_SECRET}) override them.
     * Keys: {@code chronicle.keyFile}, {@code chronicle.region}; {@code taegis.region},
     * {@code taegis.clientId}, {@code taegis.clientSecret}, {@code taegis.partnerTenantId};
     * {@code carbonblack.environment}, {@code carbonblack.apiId}, {@code carbonblack.apiSecret},
     * {@code carbonblack.orgKey}; {@code servicenow.instance}, {@code servicenow.user},
     * {@code servicenow.password}; {@code stellar.host}, {@code stellar.email}, {@code stellar.apiKey}.
     *
     * @param file the properties file, or null for environment variables only
     * @return the clients of every configured vendor
     */
    public static Vendors configured(Path file) {
        return configured(file, ClientOptions.defaults());
    }

    /**
     * Clients for real vendors from properties, as {@link #configured(Path)}, with client options for every client
     * (for example offboarding's request-id recorder).
     *
     * @param file    the properties file, or null for environment variables only
     * @param options client options for every client
     * @return the clients of every configured vendor
     */
    public static Vendors configured(Path file, ClientOptions options) {
        Properties p = new Properties();
        if (file != null) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        Settings s = new Settings(p);
        ChronicleClient chronicle = s.has("chronicle.keyFile") ? ChronicleClient.builder()
                .region(ChronicleRegion.valueOf(s.get("chronicle.region", "US"))).serviceAccountKey(Path.of(s.get("chronicle.keyFile")))
                .options(options).build() : null;
        TaegisClient taegis = s.has("taegis.clientId") ? TaegisClient.builder()
                .region(TaegisRegion.valueOf(s.get("taegis.region", "US1")))
                .clientCredentials(s.get("taegis.clientId"), Secret.of(s.get("taegis.clientSecret"))).options(options).build() : null;
        CarbonBlackClient cb = s.has("carbonblack.apiId") ? CarbonBlackClient.builder()
                .environment(CarbonBlackEnvironment.of(s.get("carbonblack.environment", "prod05")))
                .apiKey(s.get("carbonblack.apiId"), Secret.of(s.get("carbonblack.apiSecret")))
                .orgKey(s.get("carbonblack.orgKey")).options(options).build() : null;
        ServiceNowClient sn = s.has("servicenow.instance") ? ServiceNowClient.builder()
                .endpoint(URI.create(s.get("servicenow.instance")))
                .basicAuth(s.get("servicenow.user"), Secret.of(s.get("servicenow.password"))).options(options).build() : null;
        StellarClient stellar = s.has("stellar.host") ? StellarClient.builder().host(s.get("stellar.host"))
                .apiKey(s.get("stellar.email"), Secret.of(s.get("stellar.apiKey"))).options(options).build() : null;
        return new Vendors(chronicle, taegis, s.get("taegis.partnerTenantId", null), cb, sn, stellar);
    }

    private record Settings(Properties file) {
        String get(String key, String fallback) {
            String env = System.getenv(key.toUpperCase(java.util.Locale.ROOT).replace('.', '_'));
            return env != null ? env : file.getProperty(key, fallback);
        }

        String get(String key) {
            String v = get(key, null);
            if (v == null) {
                throw new IllegalArgumentException("missing setting " + key);
            }
            return v;
        }

        boolean has(String key) {
            return get(key, null) != null;
        }
    }
}
