package io.secopskit.opentelemetry;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notes failures of the OpenTelemetry side (an SDK, processor or propagator that throws): one warning per kind
 * of step for each {@link SecOpsKitTelemetry}, so a broken telemetry backend is noticed but never floods the
 * log or breaks a call. Thread-safe.
 */
final class Failures {
    private static final Logger LOG = LoggerFactory.getLogger("io.secopskit.opentelemetry");

    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    /**
     * Notes a telemetry failure; the call goes on without that piece of telemetry.
     *
     * @param step what was being recorded (a constant, never a value)
     * @param e    the failure
     */
    void note(String step, RuntimeException e) {
        if (reported.add(step)) {
            LOG.warn("SecOpsKit telemetry: {} failed ({}); the call goes on without it, and further failures of "
                    + "this step are not logged", step, e.getClass().getName());
        }
    }
}
