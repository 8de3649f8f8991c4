package io.secopskit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.Secret;
import io.secopskit.core.http.ClientOptions;
import io.secopskit.core.http.RateLimit;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecOpsConfigTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        return f;
    }

    @Test
    void precedence_isFlagOverEnvironmentOverFile_andEveryValueKnowsItsOrigin() throws IOException {
        Path f = file("c.properties", "taegis.region=US1\ntaegis.clientId=from-file\ntaegis.partnerTenantId=1000\n");

        SecOpsConfig c = SecOpsConfig.load(ConfigSources.builder().file(f)
                .environment(Map.of("SECOPSKIT_TAEGIS_REGION", "EU", "SECOPSKIT_TAEGIS_CLIENT_ID", "from-env"))
                .flag("taegis.region", "US2").build());

        assertEquals("US2", c.get("taegis.region").orElseThrow());
        assertEquals("flag taegis.region", c.origin("taegis.region").orElseThrow().toString());
        assertEquals("from-env", c.get("taegis.clientId").orElseThrow());
        assertEquals("environment SECOPSKIT_TAEGIS_CLIENT_ID", c.origin("taegis.clientId").orElseThrow().toString());
        assertEquals(f + ":3", c.origin("taegis.partnerTenantId").orElseThrow().toString());
        assertEquals(List.of("taegis"), c.configuredVendors());
    }

    @Test
    void yaml_nestedMaps_areDottedKeys_withTheirLines() throws IOException {
        Path f = file("c.yaml", "defaults:\n  readTimeout: 20s\n  retry:\n    maxAttempts: 5\nservicenow:\n  instance: acme\n"
                + "accounts:\n  taegis:\n    eu:\n      region: EU\n      clientId: eu-client\n");

        SecOpsConfig c = SecOpsConfig.load(ConfigSources.builder().file(f).build());

        assertEquals("5", c.get("defaults.retry.maxAttempts").orElseThrow());
        assertEquals(f + ":4", c.origin("defaults.retry.maxAttempts").orElseThrow().toString());
        assertEquals(Set.of("eu"), c.accounts("taegis"));
        assertEquals(Set.of("default"), c.accounts("servicenow"));
        assertEquals(List.of("taegis", "servicenow"), c.configuredVendors());
        ClientOptions o = c.clientOptions("servicenow", "default");
        assertEquals(Duration.ofSeconds(20), o.readTimeout());
        assertEquals(5, o.retryPolicy().maxAttempts());
    }

    @Test
    void unknownKey_namesFileLineAndSuggestsTheNearestKey() throws IOException {
        Path f = file("c.properties", "# comment\n\ntaegis.clientSecert=x\n");

        ConfigException e = assertThrows(ConfigException.class, () -> SecOpsConfig.load(ConfigSources.builder().file(f).build()));

        assertEquals(f + ":3: taegis.clientSecert: unknown key; did you mean taegis.clientSecret?", e.oneLine());
        assertFalse(e.oneLine().contains("=x"));
    }

    @Test
    void malformedValues_nameFileLineKeyAndRule() throws IOException {
        assertEquals("c1.properties:1: taegis.region: unknown value \"US9\" (one of US1, US2, US3, EU, EU_WEST1,"
                + " AP_SOUTHEAST2, AP_SOUTH1, AP_NORTHEAST1, SA_EAST1, CA_CENTRAL1)", oneLine("c1.properties", "taegis.region=US9"));
        assertEquals("c2.properties:1: defaults.readTimeout: expected a duration such as 30s, 500ms, 2m, 1h or PT30S, got \"soon\"",
                oneLine("c2.properties", "defaults.readTimeout=soon"));
        assertEquals("c3.properties:1: stellar.endpoint: expected an absolute https:// URL, got \"acme.example\"",
                oneLine("c3.properties", "stellar.endpoint=acme.example"));
        assertEquals("c4.properties:2: taegis.region: is set twice (first on line 1)",
                oneLine("c4.properties", "taegis.region=EU\ntaegis.region=US1"));
        assertEquals("c5.yaml:2: taegis.region: lists are not supported; give one value",
                oneLine("c5.yaml", "taegis:\n  region: [EU, US1]\n"));
        String invalid = oneLine("c8.yaml", "taegis:\n  region: \"EU\n");
        assertTrue(invalid.matches("c8\\.yaml:\\d+: not valid YAML"), invalid);
        assertEquals("c6.properties:1: expected key=value", oneLine("c6.properties", "just words"));
        assertEquals("c7.properties:1: defaults.rateLimit.chronicle.CreateCustomer: expected <n>/<duration> such as"
                + " 30/24h or 10/1s, or off", oneLine("c7.properties", "defaults.rateLimit.chronicle.CreateCustomer=lots"));
    }

    private String oneLine(String name, String text) throws IOException {
        Path f = file(name, text);
        String line = assertThrows(ConfigException.class,
                () -> SecOpsConfig.load(ConfigSources.builder().file(f).build())).oneLine();
        return line.replace(dir + "/", "");
    }

    @Test
    void missingFile_isOneLineNamingIt() {
        Path missing = dir.resolve("nope.yaml");
        ConfigException e = assertThrows(ConfigException.class,
                () -> SecOpsConfig.load(ConfigSources.builder().file(missing).build()));
        assertEquals(missing + ": the configuration file does not exist", e.oneLine());
    }

    @Test
    void requiredKey_missing_namesTheKeyItsVariableAndTheFlag() {
        SecOpsConfig c = SecOpsConfig.load(ConfigSources.builder().flag("taegis.clientId", "id").build());

        ConfigException e = assertThrows(ConfigException.class, () -> c.secret("taegis.clientSecret", "taegis is configured"));

        assertEquals("taegis.clientSecret: is required (taegis is configured); set it in the file, as"
                + " SECOPSKIT_TAEGIS_CLIENT_SECRET, or with --set taegis.clientSecret=…", e.oneLine());
    }

    @Test
    void secrets_fromAFileReference_areReadAtEveryUse_soRotationNeedsNoRestart() throws IOException {
        Path secret = file("secret.txt", "first\n");
        SecOpsConfig c = SecOpsConfig.load(ConfigSources.builder().flag("taegis.clientSecret", "file:" + secret).build());
        Supplier<Secret> s = c.secret("taegis.clientSecret", "test");

        assertEquals("first", s.get().reveal());
        Files.writeString(secret, "second");
        assertEquals("second", s.get().reveal());
        assertFalse(c.toString().contains("first") || c.toString().contains(secret.toString()));
    }

    @Test
    void literalSecretsInAFileReadableByOthers_drawAWarning_butNotWhenOwnerOnly() throws IOException {
        Path open = file("open.properties", "stellar.apiKey=literal-key\nstellar.host=a.example\n");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        Path closed = file("closed.properties", "stellar.apiKey=literal-key\nstellar.host=a.example\n");
        Path indirect = file("indirect.properties", "stellar.apiKey=env:MY_KEY\nstellar.host=a.example\n");
        Files.setPosixFilePermissions(indirect, PosixFilePermissions.fromString("rw-r--r--"));

        List<String> warnings = SecOpsConfig.load(ConfigSources.builder().file(open).build()).warnings();

        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("holds secrets and is readable by group or others; chmod 600"), warnings.get(0));
        assertFalse(warnings.get(0).contains("literal-key"));
        assertTrue(SecOpsConfig.load(ConfigSources.builder().file(closed).build()).warnings().isEmpty());
        assertTrue(SecOpsConfig.load(ConfigSources.builder().file(indirect).build()).warnings().isEmpty());
    }

    @Test
    void clientOptions_vendorValuesWinOverDefaults_andEveryClientSettingIsApplied() {
        SecOpsConfig c = SecOpsConfig.load(ConfigSources.builder()
                .flag("defaults.proxy", "proxy.corp.example:3128")
                .flag("defaults.readTimeout", "20s").flag("taegis.readTimeout", "5s")
                .flag("defaults.attemptTimeout", "30s").flag("defaults.totalTimeout", "2m")
                .flag("taegis.retry.maxAttempts", "4").flag("taegis.retry.maxRetryAfter", "10s")
                .flag("chronicle.rateLimit.chronicle.CreateCustomer", "10/24h")
                .flag("chronicle.rateLimit.chronicle.ListCustomers", "off")
                .flag("taegis.applicationId", "acme-soc/2.1").flag("taegis.clientId", "x").build());

        ClientOptions taegis = c.clientOptions("taegis", "default");
        assertEquals(Duration.ofSeconds(5), taegis.readTimeout());
        assertEquals(Duration.ofSeconds(30), taegis.attemptTimeout());
        assertEquals(Duration.ofMinutes(2), taegis.totalTimeout());
        assertEquals(4, taegis.retryPolicy().maxAttempts());
        assertEquals(Duration.ofSeconds(10), taegis.retryPolicy().maxRetryAfter());
        assertEquals("acme-soc/2.1", taegis.applicationId().orElseThrow());
        InetSocketAddress proxy = (InetSocketAddress) taegis.proxy().orElseThrow().address();
        assertEquals("proxy.corp.example", proxy.getHostString());
        assertEquals(3128, proxy.getPort());
        ClientOptions chronicle = c.clientOptions("chronicle", "default");
        assertEquals(Duration.ofSeconds(20), chronicle.readTimeout());
        assertEquals(RateLimit.quota("chronicle.CreateCustomer", 10, Duration.ofHours(24)),
                chronicle.rateLimits().get("chronicle.CreateCustomer"));
        assertTrue(chronicle.disabledRateLimits().contains("chronicle.ListCustomers"));
    }

    @Test
    void contradictoryTimeouts_areAConfigExceptionNamingTheScope() {
        SecOpsConfig c = SecOpsConfig.load(ConfigSources.builder().flag("defaults.attemptTimeout", "5m")
                .flag("defaults.totalTimeout", "1m").build());

        ConfigException e = assertThrows(ConfigException.class, () -> c.clientOptions("taegis", "default"));
        assertTrue(e.oneLine().startsWith("taegis: attemptTimeout (PT5M) must not be longer than totalTimeout (PT1M)"),
                e.oneLine());
    }

    @Test
    void setFlags_areExtractedFromArguments() {
        Map<String, String> flags = new java.util.LinkedHashMap<>();
        List<String> rest = ConfigSources.extractSettings(new String[] {"plan", "--set", "taegis.region=EU",
                "-Dstellar.host=s.example", "--set=customer.code=acme", "fleet.yaml"}, flags);

        assertEquals(List.of("plan", "fleet.yaml"), rest);
        assertEquals(Map.of("taegis.region", "EU", "stellar.host", "s.example", "customer.code", "acme"), flags);
        assertThrows(ConfigException.class, () -> ConfigSources.extractSettings(new String[] {"--set", "novalue"},
                new java.util.HashMap<>()));
    }

    @Test
    void environmentVariableNames_areUpperSnakeCase() {
        assertEquals("SECOPSKIT_TAEGIS_CLIENT_SECRET", ConfigKeys.environmentVariable("taegis.clientSecret"));
        assertEquals("SECOPSKIT_DEFAULTS_RETRY_MAX_ATTEMPTS", ConfigKeys.environmentVariable("defaults.retry.maxAttempts"));
        assertEquals("SECOPSKIT_ACCOUNTS_TAEGIS_EU_CLIENT_ID", ConfigKeys.environmentVariable("accounts.taegis.eu.clientId"));
    }
}
