package io.secopskit.store.sqlite;

import io.secopskit.testkit.ChildJvm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VirtualThreadsTest {
    @TempDir
    Path dir;

    /**
     * Runs on a JDK with virtual threads: this one, or a JDK 21+ found on the machine (JAVA25_HOME, JAVA21_HOME or
     * /usr/lib/jvm); skipped when there is none.
     */
    @Test
    void storeCalls_whileAnotherConnectionHoldsTheWriteLock_leaveCarriersFreeForUnrelatedVirtualThreads() throws Exception {
        Optional<String> java = ChildJvm.javaAtLeast(21);
        Assumptions.assumeTrue(java.isPresent(), "no JDK 21+ on this machine");
        try (ChildJvm child = ChildJvm.start(java.get(),
                List.of("--enable-native-access=ALL-UNNAMED"), VirtualThreadProbe.class, dir.resolve("vt.db").toString())) {
            assertEquals(0, child.waitFor(60), String.join("\n", child.output()));
            String out = String.join("\n", child.output());
            System.out.println("virtual threads (" + java.get() + "):\n" + out);
            assertTrue(out.contains("WAITERS_BLOCKED 64"), out);
            assertTrue(!out.contains("restricted method"), "the documented --enable-native-access flag silences the warning: " + out);
            assertTrue(out.contains("LOCK_STILL_HELD true"), out);
            long unrelated = Long.parseLong(child.output().stream().filter(l -> l.startsWith("UNRELATED_MS ")).findFirst().orElseThrow()
                    .substring(13));
            assertTrue(unrelated < 100, "an unrelated virtual thread waited " + unrelated + " ms");
            assertTrue(out.contains("COMPLETED 64 FAILED 0"), out);
            long held = Long.parseLong(child.output().stream().filter(l -> l.startsWith("LOCK_HELD_MS ")).findFirst().orElseThrow()
                    .substring(13));
            assertTrue(held >= 2000, "the writers finished only after the 2 s lock: " + held);
        }
    }
}
