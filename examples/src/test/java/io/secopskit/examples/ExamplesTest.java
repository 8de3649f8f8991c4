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
    void onboardDemo_printsTwoRuns_createdThenFound() throws Exception {
        Onboard.main(new String[0]);
        String out = buffer.toString(StandardCharsets.UTF_8);
        assertEquals(5, out.lines().filter(l -> l.contains("| CREATED")).count(), out);
        assertEquals(5, out.lines().filter(l -> l.contains("| FOUND")).count(), out);
        assertTrue(out.contains("chronicle returned 3 credentials"), out);
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
