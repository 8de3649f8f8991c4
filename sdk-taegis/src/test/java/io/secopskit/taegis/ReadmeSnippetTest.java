package io.secopskit.taegis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.Secret;
import io.secopskit.taegis.model.SamlConfiguration;
import io.secopskit.taegis.model.SsoConnection;
import io.secopskit.taegis.model.SsoConnectionRequest;
import io.secopskit.taegis.model.SsoConnectionStatus;
import io.secopskit.taegis.model.SsoConnectionType;
import io.secopskit.taegis.model.SsoConnectionUpdate;
import io.secopskit.taegis.model.Tenant;
import io.secopskit.taegis.model.TenantEnvironment;
import io.secopskit.taegis.model.TenantQuery;
import io.secopskit.taegis.model.TenantRequest;
import io.secopskit.testkit.FakeTaegis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's Taegis snippet lives here, between the markers, so that it compiles (issue 13 item 8): the builder
 * part is built (no request is made), the calls run against FakeTaegis, and a test checks that the README's
 * {@code sdk-taegis} section shows exactly these lines.
 */
class ReadmeSnippetTest extends TaegisTestBase {
    private static final String BEGIN = "// README snippet begin";
    private static final String END = "// README snippet end";

    static TaegisClient readmeClient(String clientId, String clientSecret) {
        // README snippet begin
        TaegisClient taegis = TaegisClient.builder()
            .region(TaegisRegion.US1)                            // or endpoint(URI) + authEndpoint(URI)
            .clientCredentials(clientId, Secret.of(clientSecret))  // or a Supplier<Secret> (a vault)
            .build();                                             // fields(TenantFields.DOCUMENTED) for the documented fields only
        // README snippet end
        return taegis;
    }

    static void readmeCalls(TaegisClient taegis, String partnerTenantId) {
        // README snippet begin
        Tenant acme = taegis.tenants().create(TenantRequest.builder().name("Acme Corp").parentTenantId(partnerTenantId)
            .environment(TenantEnvironment.ECHO).label("customer_code", "acme").build());
        for (Tenant t : taegis.tenants().list(TenantQuery.builder().name("%acme%").pageSize(100).build())) {
            System.out.println(t.name() + " " + t.createdAt());  // records with Java accessors and Instants
        }
        SsoClient sso = taegis.sso(acme.id());                           // sends X-Tenant-Context
        SsoConnection okta = sso.create(SsoConnectionRequest.builder().name("Acme Okta")
            .type(SsoConnectionType.SAML).domains("acme.example").build());  // type and domains are required
        sso.update(okta.id(), SsoConnectionUpdate.builder()           // by metadata URL, the documented default
            .samlConfiguration(SamlConfiguration.metadataUrl("https://idp.acme.example/metadata")).build());
        // README snippet end
    }

    @Test
    void readmeClient_buildsForUs1_withoutSendingAnything() {
        try (TaegisClient c = readmeClient("client-id", "client-secret")) {
            assertEquals(TaegisRegion.US1.tenantsHost(), c.endpoint());
            assertEquals(TenantFields.ALL, c.fields());
        }
    }

    @Test
    void readmeCalls_runAgainstTheFake() {
        readmeCalls(taegis, FakeTaegis.PARTNER_TENANT_ID);

        assertEquals("%acme%", sent("tenants").get(0).json().path("variables").path("tenantsQuery").path("name").asText());
        Tenant acme = taegis.tenants().list(TenantQuery.builder().name("Acme Corp").build()).stream().findFirst().orElseThrow();
        assertEquals("acme", acme.labels().get(0).value());
        assertTrue(acme.environments().stream().anyMatch(e -> e.name().equals("echo") && e.enabled()));
        assertEquals(SsoConnectionStatus.TESTING, taegis.sso(acme.id()).list().stream().findFirst().orElseThrow().status());
    }

    @Test
    void readme_showsExactlyTheCompiledSnippet() throws IOException {
        List<String> source = Files.readAllLines(Path.of("src/test/java/io/secopskit/taegis/ReadmeSnippetTest.java"));
        List<String> compiled = new ArrayList<>();
        int from = 0;
        for (int part = 0; part < 2; part++) {
            int begin = indexOf(source, "        " + BEGIN, from);
            int end = indexOf(source, "        " + END, begin);
            compiled.addAll(trimmed(source.subList(begin + 1, end)));
            from = end + 1;
        }
        List<String> readme = Files.readAllLines(Path.of("../README.md"));
        int section = indexOf(readme, "## Secureworks Taegis XDR — `sdk-taegis`", 0);
        int open = indexOf(readme, "```java", section);
        int close = indexOf(readme, "```", open + 1);

        assertEquals(compiled, trimmed(readme.subList(open + 1, close)));
    }

    private static int indexOf(List<String> lines, String line, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).equals(line)) {
                return i;
            }
        }
        throw new AssertionError("missing line after " + from + ": " + line);
    }

    private static List<String> trimmed(List<String> lines) {
        return lines.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
