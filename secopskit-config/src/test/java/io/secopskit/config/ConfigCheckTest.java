package io.secopskit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.testkit.FakeVendor;
import io.secopskit.testkit.SecOpsSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 20 item 2: one configuration builds every vendor's client, and the check mode reads only. */
class ConfigCheckTest {
    private static SecOpsSandbox sandbox;
    private static Path keyFile;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws IOException {
        sandbox = SecOpsSandbox.start();
        keyFile = dir.resolve("chronicle-key.json");
        Files.writeString(keyFile, sandbox.chronicleKeyJson());
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static ConfigSources.Builder sandboxFlags() {
        return ConfigSources.builder()
                .flag("chronicle.endpoint", sandbox.chronicle().baseUri().toString())
                .flag("chronicle.serviceAccountKeyFile", keyFile.toString())
                .flag("taegis.endpoint", sandbox.taegis().baseUri().toString())
                .flag("taegis.authEndpoint", sandbox.taegis().baseUri().toString())
                .flag("taegis.clientId", SecOpsSandbox.TAEGIS_CLIENT_ID)
                .flag("carbonblack.endpoint", sandbox.carbonBlack().defenseUri().toString())
                .flag("carbonblack.apiEndpoint", sandbox.carbonBlack().apiUri().toString())
                .flag("carbonblack.apiId", SecOpsSandbox.CARBON_BLACK_API_ID)
                .flag("carbonblack.orgKey", SecOpsSandbox.CARBON_BLACK_ORG_KEY)
                .flag("servicenow.endpoint", sandbox.serviceNow().baseUri().toString())
                .flag("servicenow.user", SecOpsSandbox.SERVICENOW_USER)
                .flag("stellar.endpoint", sandbox.stellar().baseUri().toString())
                .flag("stellar.user", SecOpsSandbox.STELLAR_USER)
                .environment(Map.of(
                        "SECOPSKIT_TAEGIS_CLIENT_SECRET", SecOpsSandbox.TAEGIS_CLIENT_SECRET,
                        "SECOPSKIT_CARBONBLACK_API_SECRET", SecOpsSandbox.CARBON_BLACK_API_SECRET,
                        "SECOPSKIT_SERVICENOW_PASSWORD", SecOpsSandbox.SERVICENOW_PASSWORD,
                        "SECOPSKIT_STELLAR_API_KEY", SecOpsSandbox.STELLAR_API_KEY));
    }

    private static List<FakeVendor> fakes() {
        return List.of(sandbox.chronicle(), sandbox.taegis(), sandbox.carbonBlack(), sandbox.serviceNow(), sandbox.stellar());
    }

    private static List<String> writes() {
        return fakes().stream().flatMap(f -> f.requests().stream())
                .filter(r -> !r.method().equals("GET") && !r.path().contains("token") && !r.path().endsWith("/public/query")
                        && !r.path().endsWith("/_search") && !r.path().endsWith("access_token"))
                .map(r -> r.method() + " " + r.path()).collect(Collectors.toList());
    }

    @Test
    void online_everyConfiguredVendorIsReachableAuthenticatedAndAuthorized_andNothingIsWritten() {
        fakes().forEach(FakeVendor::clearJournal);

        List<ConfigCheck.Result> results = ConfigCheck.online(SecOpsConfig.load(sandboxFlags().build()));

        assertEquals(List.of("chronicle", "taegis", "carbonblack", "servicenow", "stellar"),
                results.stream().map(ConfigCheck.Result::vendor).collect(Collectors.toList()));
        for (ConfigCheck.Result r : results) {
            assertEquals(ConfigCheck.Status.OK, r.status(), r.render());
            assertEquals(sandbox.chronicle().baseUri().getHost(), r.host(), r.render());
        }
        assertEquals(List.of(), writes(), "the check sends only reads");
    }

    @Test
    void online_wrongSecret_isUnauthenticated_wrongHost_isUnreachable_missingKey_isMisconfigured_oneLineEach() {
        ConfigSources sources = sandboxFlags()
                .flag("servicenow.endpoint", "http://127.0.0.1:1")
                .environment(Map.of("SECOPSKIT_TAEGIS_CLIENT_SECRET", "wrong-secret",
                        "SECOPSKIT_SERVICENOW_PASSWORD", SecOpsSandbox.SERVICENOW_PASSWORD,
                        "SECOPSKIT_STELLAR_API_KEY", SecOpsSandbox.STELLAR_API_KEY))
                .build();

        Map<String, ConfigCheck.Result> byVendor = ConfigCheck.online(SecOpsConfig.load(sources)).stream()
                .collect(Collectors.toMap(ConfigCheck.Result::vendor, r -> r));

        assertEquals(ConfigCheck.Status.UNAUTHENTICATED, byVendor.get("taegis").status(), byVendor.get("taegis").render());
        assertEquals(ConfigCheck.Status.UNREACHABLE, byVendor.get("servicenow").status(), byVendor.get("servicenow").render());
        assertTrue(byVendor.get("servicenow").detail().contains("127.0.0.1"), byVendor.get("servicenow").render());
        ConfigCheck.Result cb = byVendor.get("carbonblack");
        assertEquals(ConfigCheck.Status.MISCONFIGURED, cb.status());
        assertTrue(cb.detail().startsWith("carbonblack.apiSecret: is required"), cb.render());
        for (ConfigCheck.Result r : byVendor.values()) {
            String line = r.render();
            assertFalse(line.contains("\n"), line);
            assertFalse(line.contains("wrong-secret") || line.contains(SecOpsSandbox.SERVICENOW_PASSWORD), line);
        }
    }

    @Test
    void offline_buildsEveryClient_withoutAnyRequest() {
        fakes().forEach(FakeVendor::clearJournal);

        List<ConfigCheck.Result> results = ConfigCheck.offline(SecOpsConfig.load(sandboxFlags().build()));

        assertTrue(results.stream().allMatch(r -> r.status() == ConfigCheck.Status.OK), results.toString());
        assertEquals(0, fakes().stream().mapToInt(f -> f.requests().size()).sum());
    }

    @Test
    void namedAccounts_buildTheirOwnClients_withTheirOwnSettings() {
        SecOpsConfig c = SecOpsConfig.load(ConfigSources.builder()
                .flag("accounts.taegis.eu.endpoint", sandbox.taegis().baseUri().toString())
                .flag("accounts.taegis.eu.authEndpoint", sandbox.taegis().baseUri().toString())
                .flag("accounts.taegis.eu.clientId", SecOpsSandbox.TAEGIS_CLIENT_ID)
                .flag("accounts.taegis.eu.clientSecret", SecOpsSandbox.TAEGIS_CLIENT_SECRET)
                .flag("accounts.taegis.eu.readTimeout", "7s").build());

        List<ConfigCheck.Result> results = ConfigCheck.online(c);

        assertEquals(1, results.size());
        assertEquals("eu", results.get(0).account());
        assertEquals(ConfigCheck.Status.OK, results.get(0).status(), results.get(0).render());
        assertEquals(java.time.Duration.ofSeconds(7), c.clientOptions("taegis", "eu").readTimeout());
    }

    @Test
    void vendorClients_builderProblems_nameTheConfigurationKey() {
        SecOpsConfig c = SecOpsConfig.load(ConfigSources.builder().flag("carbonblack.environment", "not an env!")
                .flag("carbonblack.apiId", "x").flag("carbonblack.apiSecret", "y").flag("carbonblack.orgKey", "ORG1").build());

        ConfigException e = assertThrows(ConfigException.class, () -> VendorClients.carbonBlack(c, "default"));

        assertTrue(e.oneLine().startsWith("carbonblack.environment: "), e.oneLine());
    }
}
