package io.secopskit.core.auth;

import io.secopskit.core.Secret;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The header of a static-credential strategy, built from a secret that a supplier gives (a vault client,
 * a file re-read on rotation): read once, then again only after the vendor answered 401, so a rotated
 * secret is picked up without a new client and a wrong one is not re-read on every call. Thread-safe.
 */
final class StaticSecretHeaders {
    private final Supplier<Secret> source;
    private final Function<Secret, AuthHeaders> build;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile AuthHeaders current;

    StaticSecretHeaders(Supplier<Secret> source, Function<Secret, AuthHeaders> build) {
        this.source = Objects.requireNonNull(source, "secret supplier");
        this.build = build;
    }

    AuthHeaders get() {
        AuthHeaders h = current;
        if (h != null) {
            return h;
        }
        lock.lock();
        try {
            if (current == null) {
                current = build.apply(read());
            }
            return current;
        } finally {
            lock.unlock();
        }
    }

    private Secret read() {
        Secret s = source.get();
        if (s == null) {
            throw new io.secopskit.core.error.AuthenticationException(io.secopskit.core.error.ErrorInfo.of("secopskit", "auth")
                    .withVendorMessage("the secret supplier returned null; nothing was sent"));
        }
        return s;
    }

    /** Re-reads the secret after a 401; true when it changed (a replay may then succeed). */
    boolean reloadAfter(AuthHeaders rejected) {
        lock.lock();
        try {
            if (current != null && !current.equals(rejected)) {
                return true; // another thread already reloaded
            }
            AuthHeaders fresh = build.apply(read());
            boolean changed = !fresh.equals(rejected);
            current = fresh;
            return changed;
        } finally {
            lock.unlock();
        }
    }
}
