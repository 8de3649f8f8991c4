package io.secopskit.core.internal.provisioning;

import io.secopskit.core.store.LeaseHolder;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Who this process is (host, pid, start time) and whether another lease holder's process is gone. Internal.
 */
public final class ProcessIdentity {
    private static final String HOST = hostName();
    private static final long PID = ProcessHandle.current().pid();
    private static final Instant START = startOf(ProcessHandle.current()).orElse(null);

    private ProcessIdentity() {
    }

    /** Returns this machine's host name. */
    public static String host() {
        return HOST;
    }

    /** Returns this process id. */
    public static long pid() {
        return PID;
    }

    /** Returns when this process started, or null when the platform does not say. */
    public static Instant start() {
        return START;
    }

    /**
     * Returns a holder for a run of this process.
     *
     * @param owner the run id
     * @return the holder
     */
    public static LeaseHolder holder(String owner) {
        return new LeaseHolder(HOST, PID, START, owner);
    }

    /**
     * Returns whether a holder's process is known to be gone: it ran on this machine and no process with its
     * pid and start time runs now. A holder on another machine is never declared gone (its lease expires).
     *
     * @param holder the holder
     * @return true when the holder is certainly dead
     */
    public static boolean isGone(LeaseHolder holder) {
        if (!HOST.equals(holder.host())) {
            return false;
        }
        if (holder.pid() == PID && java.util.Objects.equals(holder.processStart(), START)) {
            return false; // this process: the caller decides (an abandoned lease of a run that is over)
        }
        Optional<ProcessHandle> process = ProcessHandle.of(holder.pid());
        if (process.isEmpty() || !process.get().isAlive()) {
            return true;
        }
        Optional<Instant> started = startOf(process.get());
        return holder.processStart() != null && started.isPresent() && !started.get().equals(holder.processStart());
    }

    private static Optional<Instant> startOf(ProcessHandle process) {
        // milliseconds: the precision every platform reports consistently for one process
        return process.info().startInstant().map(i -> i.truncatedTo(ChronoUnit.MILLIS));
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        try {
            Path etc = Path.of("/etc/hostname");
            if (Files.isReadable(etc)) {
                String s = Files.readString(etc).trim();
                if (!s.isEmpty()) {
                    return s;
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // fall through to the resolver
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
