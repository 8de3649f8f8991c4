package io.secopskit.taegis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's layering, checked on this module: its sources use sdk-core's public API and declared SPI
 * ({@code io.secopskit.core.spi}), never sdk-core's internal packages — in main or test code — and hold no
 * {@code synchronized} around I/O; the public surface ({@code io.secopskit.taegis} and {@code .model}) names no
 * generated class, no graphql-java-codegen type and no OkHttp type in any public or protected signature.
 */
class LayeringTest {
    private static final String CORE_INTERNAL = "io.secopskit.core." + "internal";
    private static final List<String> NOT_PUBLIC = List.of("io.secopskit.taegis.internal", "com.kobylynskyi", "okhttp3");

    private static List<Path> sources() throws IOException {
        try (Stream<Path> main = Files.walk(Path.of("src/main/java")); Stream<Path> test = Files.walk(Path.of("src/test/java"))) {
            return Stream.concat(main, test).filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void noSourceFile_importsCoreInternal() throws IOException {
        List<Path> files = sources();
        assertTrue(files.size() > 40, "the scan found the module's sources: " + files.size());
        List<Path> offending = files.stream().filter(p -> read(p).contains(CORE_INTERNAL)).toList();
        assertEquals(List.of(), offending);
    }

    @Test
    void mainCode_hasNoSynchronizedBlocksOrMethods() throws IOException {
        List<Path> offending = sources().stream().filter(p -> p.startsWith("src/main/java"))
                .filter(p -> read(p).matches("(?s).*\\bsynchronized\\b.*")).toList();
        assertEquals(List.of(), offending);
    }

    @Test
    void generatedClasses_liveInTheInternalPackageOnly() throws IOException {
        Path generated = Path.of("target/generated-sources/graphql");
        try (Stream<Path> files = Files.walk(generated)) {
            List<Path> outside = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !generated.relativize(p).toString().startsWith("io/secopskit/taegis/internal/generated/"))
                    .toList();
            assertEquals(List.of(), outside);
        }
    }

    @Test
    void publicSurface_namesNoGeneratedCodegenOrOkHttpType() throws Exception {
        List<String> offending = new ArrayList<>();
        int types = 0;
        for (String pkg : List.of("io/secopskit/taegis", "io/secopskit/taegis/model")) {
            Path dir = Path.of("target/classes").resolve(pkg);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                    Class<?> c = Class.forName(pkg.replace('/', '.') + "." + f.getFileName().toString().replace(".class", ""));
                    if (!Modifier.isPublic(c.getModifiers())) {
                        continue;
                    }
                    types++;
                    check(c.getName(), c.getGenericSuperclass(), offending);
                    for (Type i : c.getGenericInterfaces()) {
                        check(c.getName(), i, offending);
                    }
                    for (Method m : c.getDeclaredMethods()) {
                        if (Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers())) {
                            check(c.getName() + "." + m.getName(), m.getGenericReturnType(), offending);
                            for (Type p : m.getGenericParameterTypes()) {
                                check(c.getName() + "." + m.getName(), p, offending);
                            }
                        }
                    }
                    for (Constructor<?> k : c.getDeclaredConstructors()) {
                        if (Modifier.isPublic(k.getModifiers()) || Modifier.isProtected(k.getModifiers())) {
                            for (Type p : k.getGenericParameterTypes()) {
                                check(c.getName() + ".<init>", p, offending);
                            }
                        }
                    }
                    for (Field fl : c.getDeclaredFields()) {
                        if (Modifier.isPublic(fl.getModifiers()) || Modifier.isProtected(fl.getModifiers())) {
                            check(c.getName() + "." + fl.getName(), fl.getGenericType(), offending);
                        }
                    }
                }
            }
        }
        assertTrue(types > 35, "the scan found the public types: " + types);
        assertEquals(List.of(), offending);
    }

    private static void check(String where, Type type, List<String> offending) {
        if (type == null) {
            return;
        }
        String name = type.getTypeName();
        for (String bad : NOT_PUBLIC) {
            if (name.contains(bad)) {
                offending.add(where + ": " + name);
            }
        }
    }
}
