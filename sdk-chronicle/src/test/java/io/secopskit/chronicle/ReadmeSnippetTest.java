package io.secopskit.chronicle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.secopskit.chronicle.model.CreateCustomerRequest;
import io.secopskit.chronicle.model.Customer;
import io.secopskit.chronicle.model.RetentionDuration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's first Chronicle snippet lives here, between the markers, so that the build compiles it (issue 13
 * item 8); a test checks that the README shows exactly these lines. It is not run: it talks to Google.
 */
class ReadmeSnippetTest {
    private static final String BEGIN = "// README snippet begin";
    private static final String END = "// README snippet end";

    static String readmeSnippet() {
        // README snippet begin
        try (ChronicleClient chronicle = ChronicleClient.builder()
                .region(ChronicleRegion.EUROPE)                  // required (no default); or .endpoint(URI) for tests/proxies
                .serviceAccountKey(Path.of("partner-key.json"))   // or serviceAccountKey(InputStream | Supplier<Secret>), credentials(...)
                .options(o -> o.readTimeout(Duration.ofSeconds(20)))   // optional: timeouts, retries, limits, clock
                .build()) {
            Customer acme = chronicle.customers().create(CreateCustomerRequest.builder()
                .customerName("Acme Corp").customerCode("acme")
                .customerSubdomain("acme").retentionDuration(RetentionDuration.ONE_YEAR)
                .build());
            String ingestionKey = acme.credentials().get(1).credential().reveal();  // credentials are Secrets
        // README snippet end
            return ingestionKey;
        }
    }

    @Test
    void readme_showsExactlyTheCompiledChronicleSnippet() throws IOException {
        List<String> source = Files.readAllLines(Path.of("src/test/java/io/secopskit/chronicle/ReadmeSnippetTest.java"));
        List<String> compiled = trimmed(source.subList(indexOf(source, "        " + BEGIN) + 1, indexOf(source, "        " + END)));
        List<String> readme = Files.readAllLines(Path.of("../README.md"));
        int section = indexOf(readme, "## Google Security Operations (Chronicle) — `sdk-chronicle`");
        int open = section + readme.subList(section, readme.size()).indexOf("```java");
        int close = open + readme.subList(open + 1, readme.size()).indexOf("```") + 1;
        List<String> shown = trimmed(readme.subList(open + 1, close));

        assertEquals(compiled, shown.subList(0, shown.size() - 1),
                "README (without its closing brace) and this file's snippet differ");
        assertEquals("}", shown.get(shown.size() - 1));
    }

    private static int indexOf(List<String> lines, String line) {
        int i = lines.indexOf(line);
        if (i < 0) {
            throw new AssertionError("not found: " + line);
        }
        return i;
    }

    private static List<String> trimmed(List<String> lines) {
        return lines.stream().map(String::strip).toList();
    }
}
