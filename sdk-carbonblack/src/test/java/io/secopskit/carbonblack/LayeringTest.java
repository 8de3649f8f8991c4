package io.secopskit.carbonblack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's layering, checked on this module's sources: sdk-carbonblack uses sdk-core's public API and its
 * declared SPI ({@code io.secopskit.core.spi}), never its internal packages — in main or test code — and
 * holds no {@code synchronized} in main code (ReentrantLock around I/O, issue 17).
 */
class LayeringTest {
    private static final String INTERNAL = "io.secopskit.core." + "internal";

    private static List<Path> sources() throws IOException {
        try (Stream<Path> main = Files.walk(Path.of("src/main/java")); Stream<Path> test = Files.walk(Path.of("src/test/java"))) {
            return Stream.concat(main, test).filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    @Test
    void noSourceFile_importsCoreInternal() throws IOException {
        List<Path> files = sources();
        assertTrue(files.size() > 30, "the scan found the module's sources: " + files.size());
        List<Path> offending = files.stream().filter(p -> read(p).contains(INTERNAL)).toList();
        assertEquals(List.of(), offending);
    }

    @Test
    void mainCode_hasNoSynchronizedBlocksOrMethods() throws IOException {
        List<Path> offending = sources().stream().filter(p -> p.startsWith("src/main/java"))
                .filter(p -> read(p).matches("(?s).*\\bsynchronized\\b.*")).toList();
        assertEquals(List.of(), offending);
    }

    @Test
    void publicPackages_importNoOkHttpType() throws IOException {
        List<Path> offending = sources().stream().filter(p -> p.startsWith("src/main/java"))
                .filter(p -> !p.toString().contains("/internal/"))
                .filter(p -> read(p).contains("import okhttp3")).toList();
        assertEquals(List.of(), offending);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
