package io.secopskit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code Offboard} example's command line: the sandbox demo, and usage errors before anything is sent. */
class OffboardExampleTest {
    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return Offboard.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void demo_plansSuspendsRestoresAndRemovesInTheSandbox_oneLinePerStep() {
        assertEquals(Offboard.OK, run());

        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Dry run: nothing was written (2 planned writes)"), text);
        List<String> steps = text.lines().filter(l -> l.startsWith("  + ")).collect(Collectors.toList());
        assertEquals(15, steps.size(), text); // suspend, restore, remove now: 5 vendors each
        assertTrue(text.contains("revoke by hand: chronicle credential"), text);
        assertTrue(text.contains("globex was not touched"), text);
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void realConfig_withoutACustomer_orYesWithoutReason_exitsTwoWithOneLine_andSendsNothing() throws Exception {
        Path config = Files.writeString(dir.resolve("vendors.properties"), "stellar.host=stellar.invalid\n");

        assertEquals(Offboard.USAGE, run(config.toString()));
        assertEquals(Offboard.USAGE, run(config.toString(), "--customer-code", "acme", "--yes", "--operator", "ops"));
        assertEquals(Offboard.USAGE, run(config.toString(), "--customer-code", "acme", "--grace-days", "x"));
        assertEquals(Offboard.USAGE, run(config.toString(), "--customer-code"));

        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().collect(Collectors.toList());
        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("offboard: no customer named"), lines.get(0));
        assertTrue(lines.get(1).contains("--yes needs --reason"), lines.get(1));
        assertTrue(lines.stream().allMatch(l -> l.endsWith("nothing was sent")), lines.toString());
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }
}
