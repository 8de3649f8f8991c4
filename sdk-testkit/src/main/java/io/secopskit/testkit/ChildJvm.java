package io.secopskit.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts a main class in a child JVM with this JVM's class path and reads its output line by line: the
 * harness for tests that need a second process — two processes racing for one customer, a process killed
 * with {@link #kill()} ({@code destroyForcibly}, like {@code kill -9}) at a step boundary it announced on its
 * output, a second JDK version. Used by SecOpsKit's own crash and race tests; usable in yours.
 */
public final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> all = new java.util.concurrent.CopyOnWriteArrayList<>();

    private ChildJvm(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    all.add(line);
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process was killed
            }
            lines.add("<EOF>");
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code main} with no extra JVM arguments.
     *
     * @param java the java launcher (see {@link #java()} and {@link #javaAtLeast(int)})
     * @param main the main class, on this JVM's class path
     * @param args its arguments
     * @return the running child
     * @throws IOException if it cannot be started
     */
    public static ChildJvm start(String java, Class<?> main, String... args) throws IOException {
        return start(java, List.of(), main, args);
    }

    /**
     * Starts {@code main} with JVM arguments (tuned for a fast start: C1 only, serial GC, CDS).
     *
     * @param java    the java launcher
     * @param jvmArgs extra JVM arguments, for example {@code -Dkey=value}
     * @param main    the main class, on this JVM's class path
     * @param args    its arguments
     * @return the running child
     * @throws IOException if it cannot be started
     */
    public static ChildJvm start(String java, List<String> jvmArgs, Class<?> main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto"));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        return new ChildJvm(new ProcessBuilder(cmd).redirectErrorStream(true).start());
    }

    /**
     * Returns this JVM's own launcher.
     *
     * @return the path of {@code bin/java}
     */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Returns a java launcher of at least this feature version: this JVM's, or one found under
     * {@code /usr/lib/jvm} or {@code $JAVA25_HOME}/{@code $JAVA21_HOME}.
     *
     * @param feature the feature version, for example 21
     * @return the launcher, or empty when none is installed
     */
    public static Optional<String> javaAtLeast(int feature) {
        if (Runtime.version().feature() >= feature) {
            return Optional.of(java());
        }
        List<Path> candidates = new ArrayList<>();
        for (String env : new String[] {"JAVA25_HOME", "JAVA21_HOME"}) {
            if (System.getenv(env) != null) {
                candidates.add(Path.of(System.getenv(env)));
            }
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> s = Files.list(jvms)) {
                s.sorted().forEach(candidates::add);
            } catch (IOException ignored) {
                // none found there
            }
        }
        for (Path home : candidates) {
            Path release = home.resolve("release");
            Path bin = home.resolve("bin/java");
            if (!Files.isRegularFile(release) || !Files.isExecutable(bin)) {
                continue;
            }
            try {
                for (String line : Files.readAllLines(release)) {
                    if (line.startsWith("JAVA_VERSION=")) {
                        String v = line.substring(14).replace("\"", "");
                        int major = Integer.parseInt(v.split("[.\\-+]")[0]);
                        if (major >= feature) {
                            return Optional.of(bin.toString());
                        }
                    }
                }
            } catch (IOException | NumberFormatException ignored) {
                // not a usable JDK
            }
        }
        return Optional.empty();
    }

    /**
     * Waits for the next output line that starts with a prefix.
     *
     * @param prefix  the prefix
     * @param seconds how long to wait
     * @return the line
     * @throws InterruptedException if interrupted
     * @throws AssertionError at the end of the output or after the timeout, with the output so far
     */
    public String await(String prefix, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null || line.equals("<EOF>")) {
                throw new AssertionError("child did not print '" + prefix + "'; output:\n" + String.join("\n", all));
            }
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    /**
     * Waits for the child to end (killing it after the timeout).
     *
     * @param seconds how long to wait
     * @return its exit code
     * @throws InterruptedException if interrupted
     * @throws AssertionError if it did not end in time
     */
    public int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("child did not end; output:\n" + String.join("\n", all));
        }
        return process.exitValue();
    }

    /**
     * Returns every line the child printed so far.
     *
     * @return the lines
     */
    public List<String> output() {
        return List.copyOf(all);
    }

    /**
     * Kills the child at once ({@code destroyForcibly}: no shutdown hooks, no finally blocks) and waits for it.
     *
     * @throws InterruptedException if interrupted
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * Returns the process.
     *
     * @return the process
     */
    public Process process() {
        return process;
    }

    /** Kills the child if it still runs. */
    @Override
    public void close() {
        process.destroyForcibly();
    }
}
