package io.secopskit.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.OpenTelemetry;
import io.secopskit.core.spi.VendorPipeline;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Without this module nothing changes: sdk-core does not know OpenTelemetry. And the entry point's checks. */
class CoreIndependenceTest {

    @Test
    void sdkCore_whenEveryClassIsScanned_referencesNoOpenTelemetryType() throws IOException, URISyntaxException {
        Path core = Path.of(VendorPipeline.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> classes = new ArrayList<>();
        List<String> referencing = new ArrayList<>();
        if (Files.isDirectory(core)) {
            try (Stream<Path> files = Files.walk(core)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    classes.add(p.toString());
                    if (mentionsOpenTelemetry(Files.readAllBytes(p))) {
                        referencing.add(p.toString());
                    }
                }
            }
        } else {
            try (JarFile jar = new JarFile(core.toFile())) {
                for (JarEntry e : jar.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
                    classes.add(e.getName());
                    try (InputStream in = jar.getInputStream(e)) {
                        if (mentionsOpenTelemetry(in.readAllBytes())) {
                            referencing.add(e.getName());
                        }
                    }
                }
            }
        }

        assertTrue(classes.size() > 100, "scanned sdk-core's classes at " + core + ": " + classes.size());
        assertEquals(List.of(), referencing);
    }

    private static boolean mentionsOpenTelemetry(byte[] classFile) {
        return new String(classFile, StandardCharsets.ISO_8859_1).contains("io/opentelemetry");
    }

    @Test
    void create_whenOpenTelemetryIsNull_namesIt() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> SecOpsKitTelemetry.create(null));
        assertEquals("openTelemetry", e.getMessage());
        assertEquals("options", assertThrows(NullPointerException.class,
                () -> SecOpsKitTelemetry.create(OpenTelemetry.noop()).install(null)).getMessage());
    }
}
