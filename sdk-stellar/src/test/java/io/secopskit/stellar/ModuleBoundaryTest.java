package io.secopskit.stellar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** sdk-stellar uses core only through its public packages and the declared SPI, in main and in test code. */
class ModuleBoundaryTest {
    private static final String INTERNAL = "io.secopskit.core" + ".internal";

    @Test
    void sources_neverImportCoreInternals() throws IOException {
        List<Path> roots = List.of(Path.of("src/main/java"), Path.of("src/test/java"));
        assertTrue(Files.isDirectory(roots.get(0)), "run from the module directory: " + Path.of("").toAbsolutePath());
        List<String> offenders;
        try (Stream<Path> files = roots.stream().flatMap(ModuleBoundaryTest::walk)) {
            offenders = files.filter(p -> p.toString().endsWith(".java")).filter(ModuleBoundaryTest::mentionsInternals)
                    .map(Path::toString).collect(Collectors.toList());
        }
        assertEquals(List.of(), offenders);
    }

    private static Stream<Path> walk(Path root) {
        try {
            return Files.walk(root);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean mentionsInternals(Path file) {
        try {
            return Files.readString(file).contains(INTERNAL);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
