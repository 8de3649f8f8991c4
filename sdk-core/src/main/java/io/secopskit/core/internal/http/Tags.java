package io.secopskit.core.internal.http;

import java.util.concurrent.atomic.AtomicBoolean;

/** Request tags the pipeline steps share. Internal. */
final class Tags {
    private Tags() {
    }

    /** The attempt number of a request (1 and up). */
    record Attempt(int number) {
    }

    /** Marks a token endpoint request, whose bodies are never logged. */
    record TokenRequest() {
    }

    /**
     * Allows exactly one network send of the request it tags: the pipeline gives each send it decides on
     * (an attempt, the replay after a 401) a fresh permit; a second send with the same permit — OkHttp's
     * own follow-up logic, whatever triggers it — is refused at the network step.
     */
    static final class SendPermit extends AtomicBoolean {
        private static final long serialVersionUID = 1L;
        private final boolean exclusive;

        SendPermit(boolean exclusive) {
            this.exclusive = exclusive;
        }

        /** Returns true the first time, and afterwards only for requests that may be resent. */
        boolean claim() {
            return !getAndSet(true) || !exclusive;
        }
    }
}
