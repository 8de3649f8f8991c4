package io.secopskit.core.internal.http;

import io.secopskit.core.http.PipelineListener;
import io.secopskit.core.http.PipelineListener.CallInfo;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans pipeline events out to the configured listeners; a listener that throws is logged and skipped.
 * {@link #enabled()} is false when there are none, so the pipeline allocates nothing for events. Internal.
 */
public final class Listeners {
    private static final Logger LOG = LoggerFactory.getLogger("io.secopskit.http");
    /** No listeners. */
    public static final Listeners NONE = new Listeners(List.of());

    private final PipelineListener[] listeners;

    private Listeners(List<PipelineListener> listeners) {
        this.listeners = listeners.toArray(new PipelineListener[0]);
    }

    /**
     * Wraps a list of listeners.
     *
     * @param listeners the listeners
     * @return the fan-out (the shared empty one when the list is empty)
     */
    public static Listeners of(List<PipelineListener> listeners) {
        return listeners.isEmpty() ? NONE : new Listeners(listeners);
    }

    /** Returns whether any listener is configured. */
    public boolean enabled() {
        return listeners.length > 0;
    }

    private void each(Consumer<PipelineListener> event) {
        for (PipelineListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("pipeline listener {} failed: {}", l.getClass().getName(), e.toString());
            }
        }
    }

    void callStarted(CallInfo call) {
        each(l -> l.callStarted(call));
    }

    void callFinished(CallInfo call, int status, RuntimeException error, Duration duration) {
        each(l -> l.callFinished(call, status, error, duration));
    }

    void attemptStarted(CallInfo call, int attempt) {
        each(l -> l.attemptStarted(call, attempt));
    }

    void attemptFinished(CallInfo call, int attempt, int status, Throwable error, Duration duration) {
        each(l -> l.attemptFinished(call, attempt, status, error, duration));
    }

    void retryScheduled(CallInfo call, int nextAttempt, Duration delay, String reason) {
        each(l -> l.retryScheduled(call, nextAttempt, delay, reason));
    }

    void throttled(CallInfo call, String key, Duration wait) {
        each(l -> l.throttled(call, key, wait));
    }

    void tokenRefreshStarted(String vendor, String host) {
        each(l -> l.tokenRefreshStarted(vendor, host));
    }

    void tokenRefreshFinished(String vendor, String host, Duration duration, RuntimeException error) {
        each(l -> l.tokenRefreshFinished(vendor, host, duration, error));
    }

    void responseRead(CallInfo call, long bytes) {
        each(l -> l.responseRead(call, bytes));
    }
}
