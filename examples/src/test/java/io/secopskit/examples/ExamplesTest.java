package io.secopskit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs every example's main against the embedded sandbox and checks what it prints. */
class ExamplesTest {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private PrintStream original;

    @BeforeEach
    void capture() {
        original = System.out;
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(original);
    }

    private List<String> lines() {
        return buffer.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void onboardDemo_printsThePlanTwoRunsAndTheTiming_andRemovesItsFolder() throws Exception {
        java.nio.file.Path tmp = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"));
        long before = demoFolders(tmp);

        Onboard.main(new String[0]);

        String out = buffer.toString(StandardCharsets.UTF_8);
        assertEquals(5, out.lines().filter(l -> l.matches("\\| \\w+ +\\| CREATED .*")).count(), out);
        assertEquals(5, out.lines().filter(l -> l.matches("\\| \\w+ +\\| FOUND .*")).count(), out);
        assertTrue(out.contains("| chronicle   | CREATED  | customer code | acme-corp"), out);
        assertTrue(out.contains("| DELIVERED "), out);
        assertTrue(out.contains("chronicle (cannot be undone): the Chronicle partner API has no delete"), out);
        assertEquals(10, out.lines().filter(l -> l.startsWith("  . acme-corp ") && l.endsWith(" started")).count(),
                "one line per step and run: " + out);
        assertTrue(out.contains("| chronicle   | FOUND    | customer code | acme-corp"), out);
        assertTrue(out.contains("| DELIVERED_EARLIER "), "the second run does not deliver again: " + out);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("parallel / slowest step = ([0-9.]+)").matcher(out);
        assertTrue(m.find(), out);
        double ratio = Double.parseDouble(m.group(1));
        assertTrue(ratio <= 1.3, "parallel onboarding took " + ratio + "x the slowest step:\n" + out);
        assertEquals(before, demoFolders(tmp), "the demo removes its temporary folder");
    }

    @Test
    void onboardDemo_withPostgres_keepsItsStoreInAnEmbeddedPostgresql_createsOnceFindsOnce_andRemovesItsFolder() throws Exception {
        java.nio.file.Path tmp = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"));
        long before = demoFolders(tmp);
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Onboard.run(new String[] {"--postgres"}, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));

        String out = buffer.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(out.lines().anyMatch(l -> l.matches("Store: postgresql://localhost:\\d+/postgres \\(schema secopskit\\) \\(embedded"
                + " PostgreSQL 17; Chronicle's CreateCustomer quota counted there, shared\\) .*")), out);
        assertEquals(5, out.lines().filter(l -> l.matches("\\| \\w+ +\\| CREATED .*")).count(), out);
        assertEquals(5, out.lines().filter(l -> l.matches("\\| \\w+ +\\| FOUND .*")).count(), out);
        assertTrue(out.contains("| DELIVERED_EARLIER "), out);
        assertEquals(before, demoFolders(tmp), "the demo removes its temporary folder, the database's data included");
    }

    @Test
    void onboard_withPostgresAgainstRealVendors_refusesBeforeAnyRequest() throws Exception {
        java.nio.file.Path config = java.nio.file.Files.createTempFile("secopskit-config", ".properties");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            int code = Onboard.run(new String[] {config.toString(), "--postgres", "--customer-code", "acme", "--customer-name", "Acme"},
                    System.out, new PrintStream(err, true, StandardCharsets.UTF_8));

            assertEquals(2, code);
            assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("onboard: --postgres runs the demo on an embedded PostgreSQL;"),
                    err.toString(StandardCharsets.UTF_8));
        } finally {
            java.nio.file.Files.delete(config);
        }
    }

    private static long demoFolders(java.nio.file.Path tmp) throws java.io.IOException {
        try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.list(tmp)) {
            return s.filter(p -> p.getFileName().toString().startsWith("secopskit-demo")).count();
        }
    }

    @Test
    void listChronicleCustomers() {
        ListChronicleCustomers.main(new String[0]);
        assertEquals(List.of("globex\tGLOBEX\tONE_YEAR", "initech\tINITECH\tONE_YEAR"), lines());
    }

    @Test
    void pageTaegisTenants() {
        PageTaegisTenants.main(new String[0]);
        assertEquals(3, lines().size(), lines().toString());
        assertTrue(lines().get(2).startsWith("page 2: 51 tenants"), lines().toString());
    }

    @Test
    void runLiveQuery() {
        RunLiveQuery.main(new String[0]);
        assertTrue(lines().get(0).endsWith(" COMPLETE"), lines().toString());
        assertEquals(4, lines().size());
    }

    @Test
    void postThreatLookup() {
        PostThreatLookup.main(new String[0]);
        assertTrue(lines().get(0).matches("threat lookup stored: success=true sys_id=[0-9a-f]{32}"), lines().toString());
    }

    @Test
    void listStellarCases() {
        ListStellarCases.main(new String[0]);
        assertEquals(10, lines().size());
        assertTrue(lines().get(0).startsWith("25.0\t"), lines().toString());
    }
}
