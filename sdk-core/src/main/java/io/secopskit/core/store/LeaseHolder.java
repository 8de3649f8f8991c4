package io.secopskit.core.store;

import io.secopskit.core.Beta;
import java.time.Instant;
import java.util.Objects;

/**
 * Who holds, or asks for, a customer lease: the machine, the operating-system process (its id and start
 * time, which together name one process even after the id is reused) and a run id that tells apart two
 * runs of one process. Holds nothing secret.
 *
 * @param host         host name of the machine
 * @param pid          operating-system process id
 * @param processStart when that process started, or null when the platform does not say
 * @param owner        an id unique to one onboarding run
 */
@Beta
public record LeaseHolder(String host, long pid, Instant processStart, String owner) {
    /** Checks the fields. */
    public LeaseHolder {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(owner, "owner");
    }

    /**
     * Returns whether this holder and {@code other} are the same operating-system process.
     *
     * @param other another holder
     * @return true when host, pid and process start time are equal
     */
    public boolean sameProcessAs(LeaseHolder other) {
        return other != null && host.equals(other.host) && pid == other.pid && Objects.equals(processStart, other.processStart);
    }

    @Override
    public String toString() {
        return "host " + host + ", pid " + pid + (processStart == null ? "" : " (started " + processStart + ")");
    }
}
