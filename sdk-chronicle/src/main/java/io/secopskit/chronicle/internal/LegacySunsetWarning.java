package io.secopskit.chronicle.internal;

import io.secopskit.core.auth.AuthContext;
import io.secopskit.core.auth.AuthHeaders;
import io.secopskit.core.auth.AuthStrategy;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps the legacy client's auth strategy — which every legacy API request passes through — to log one
 * warning per client when the partner API is used on or after a configured date (UTC, by the client's
 * clock): Google turns the API off on {@value #SHUTDOWN}. Delegates everything else. Internal.
 */
public final class LegacySunsetWarning implements AuthStrategy {
    /** The date from which Google says the legacy Backstory APIs are fully non-functional. */
    public static final String SHUTDOWN = "2027-07-20";

    private static final Logger LOG = LoggerFactory.getLogger("io.secopskit.chronicle");

    private final AuthStrategy delegate;
    private final LocalDate warnFrom;
    private final AtomicBoolean warned = new AtomicBoolean();

    /**
     * Creates the wrapper.
     *
     * @param delegate the real strategy
     * @param warnFrom the first UTC day on which a call logs the warning
     */
    public LegacySunsetWarning(AuthStrategy delegate, LocalDate warnFrom) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.warnFrom = Objects.requireNonNull(warnFrom, "warnFrom");
    }

    @Override
    public AuthHeaders authenticate(AuthContext context) {
        if (!warned.get()) {
            LocalDate today = LocalDate.ofInstant(context.clock().instant(), ZoneOffset.UTC);
            if (!today.isBefore(warnFrom) && warned.compareAndSet(false, true)) {
                LOG.warn("This client uses Google's legacy Chronicle partner API (Customer Management), which Google "
                        + "turns off on {}. Move to the Chronicle API tenant service (TenantServiceClient); see the "
                        + "README section \"Migrating from the partner API\". (Logged once per client from {}; "
                        + "set ChronicleClient.Builder.legacyApiWarningFrom to change the date.)", SHUTDOWN, warnFrom);
            }
        }
        return delegate.authenticate(context);
    }

    @Override
    public boolean onUnauthorized(AuthContext context, AuthHeaders rejected) {
        return delegate.onUnauthorized(context, rejected);
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
