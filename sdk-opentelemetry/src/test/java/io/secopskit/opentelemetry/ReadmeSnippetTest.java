package io.secopskit.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.secopskit.core.Secret;
import io.secopskit.core.VendorClientBuilder;
import io.secopskit.core.http.ClientOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The README's "Tracing and metrics (OpenTelemetry)" snippet lives here, between the markers, so it compiles
 * and runs; a test checks that the README shows exactly these lines.
 */
class ReadmeSnippetTest {
    private static final String BEGIN = "// README snippet begin";
    private static final String END = "// README snippet end";

    private final AcmeFixture acme = new AcmeFixture();
    private final TestTelemetry otel = new TestTelemetry();

    @AfterEach
    void tearDown() {
        acme.close();
        otel.close();
    }

    static ClientOptions readmeSnippet(OpenTelemetry openTelemetry, VendorClientBuilder<?, ?> builder) {
        // README snippet begin
        SecOpsKitTelemetry telemetry = SecOpsKitTelemetry.create(openTelemetry);   // once per application

        builder.options(telemetry::install);               // on any vendor client's builder, before build()

        ClientOptions options = telemetry.install(ClientOptions.builder()  // or into options you build yourself
                .applicationId("acme-soc/2.1"))
                .build();
        // README snippet end
        return options;
    }

    @Test
    void readmeSnippet_tracesClientsConfiguredEitherWay() {
        AcmeClient.Builder builder = AcmeClient.builder().endpoint(acme.server.baseUri())
                .clientCredentials(acme.server.tokenEndpoint(), AcmeFixture.CLIENT_ID, Secret.of(AcmeFixture.CLIENT_SECRET));
        ClientOptions options = readmeSnippet(otel.sdk, builder);

        try (AcmeClient viaBuilder = builder.build();
             AcmeClient viaOptions = AcmeClient.builder().endpoint(acme.server.baseUri()).options(options)
                     .clientCredentials(acme.server.tokenEndpoint(), AcmeFixture.CLIENT_ID,
                             Secret.of(AcmeFixture.CLIENT_SECRET)).build()) {
            viaBuilder.getTenant("t-1");
            viaOptions.getTenant("t-2");
        }

        List<SpanData> ops = otel.spans("acme.GetTenant");
        assertEquals(2, ops.size());
        assertEquals(2, otel.spans("GET /v1/tenants/{tenantId}").size());
        assertTrue(acme.server.requests("GET", "/v1/tenants/t-2").get(0).header("User-Agent").endsWith(" acme-soc/2.1"));
    }

    @Test
    void readme_showsExactlyTheCompiledSnippet() throws IOException {
        List<String> source = Files.readAllLines(Path.of("src/test/java/io/secopskit/opentelemetry/ReadmeSnippetTest.java"));
        List<String> compiled = trimmed(source.subList(indexOf(source, "        " + BEGIN) + 1,
                indexOf(source, "        " + END)));
        List<String> readme = Files.readAllLines(Path.of("../README.md"));
        int section = indexOf(readme, "## Tracing and metrics (OpenTelemetry) — `sdk-opentelemetry`");
        int open = section + readme.subList(section, readme.size()).indexOf("```java");
        int close = open + readme.subList(open + 1, readme.size()).indexOf("```") + 1;

        assertEquals(compiled, trimmed(readme.subList(open + 1, close)));
    }

    private static int indexOf(List<String> lines, String line) {
        int i = lines.indexOf(line);
        assertTrue(i >= 0, "missing line: " + line);
        return i;
    }

    private static List<String> trimmed(List<String> lines) {
        return lines.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
