package io.secopskit.testkit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.function.Predicate;

/**
 * Fault injection for a fake: the next N matching calls get a given answer (a status and body, a
 * {@code Retry-After}, a delay, or a dropped connection) instead of the normal one. Thread-safe.
 */
public final class Faults {
    /** The status of a fault that only delays the normal answer. */
    static final int DELAY_ONLY = -1;

    private final Deque<Fault> queue = new ArrayDeque<>();

    Faults() {
    }

    private record Fault(Predicate<FakeRequest> matcher, FakeResponse response, int[] remaining) {
    }

    /**
     * Starts a fault that applies to every request.
     *
     * @param calls how many of the next matching calls it applies to
     * @return a builder
     */
    public Spec nextCalls(int calls) {
        return new Spec(calls, r -> true);
    }

    /**
     * Starts a fault that applies only to requests with this method and a path starting with the prefix.
     *
     * @param calls      how many matching calls it applies to
     * @param method     HTTP method
     * @param pathPrefix path prefix
     * @return a builder
     */
    public Spec nextCalls(int calls, String method, String pathPrefix) {
        return new Spec(calls, r -> r.method().equals(method) && r.path().startsWith(pathPrefix));
    }

    /** Removes every pending fault. */
    public synchronized void clear() {
        queue.clear();
    }

    synchronized FakeResponse take(FakeRequest request) {
        Iterator<Fault> it = queue.iterator();
        while (it.hasNext()) {
            Fault f = it.next();
            if (f.matcher().test(request)) {
                if (--f.remaining()[0] <= 0) {
                    it.remove();
                }
                return f.response();
            }
        }
        return null;
    }

    private synchronized void add(Fault f) {
        queue.addLast(f);
    }

    /** Describes what the faulty calls get. */
    public final class Spec {
        private final int calls;
        private final Predicate<FakeRequest> matcher;

        private Spec(int calls, Predicate<FakeRequest> matcher) {
            if (calls < 1) {
                throw new IllegalArgumentException("calls must be at least 1");
            }
            this.calls = calls;
            this.matcher = matcher;
        }

        /**
         * Answers with a status and JSON body.
         *
         * @param status HTTP status
         * @param body   JSON text
         */
        public void respond(int status, String body) {
            respond(FakeResponse.json(status, body));
        }

        /**
         * Answers with a status, a {@code Retry-After} header and a JSON body.
         *
         * @param status     HTTP status
         * @param retryAfter header value (seconds or HTTP date)
         * @param body       JSON text
         */
        public void respondWithRetryAfter(int status, String retryAfter, String body) {
            respond(FakeResponse.json(status, body).withHeader("Retry-After", retryAfter));
        }

        /**
         * Answers with the given response.
         *
         * @param response the response
         */
        public void respond(FakeResponse response) {
            add(new Fault(matcher, response, new int[] {calls}));
        }

        /** Drops the connection without answering. */
        public void dropConnection() {
            respond(FakeResponse.dropConnection());
        }

        /**
         * Delays the normal answer by {@code delay} (real time; keep it short).
         *
         * @param delay the delay
         */
        public void delay(Duration delay) {
            respond(FakeResponse.empty(DELAY_ONLY).withDelay(delay));
        }
    }
}
