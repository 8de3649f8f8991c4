package io.secopskit.stellar.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.secopskit.core.Secret;
import io.secopskit.core.auth.AuthContext;
import io.secopskit.core.auth.AuthHeaders;
import io.secopskit.core.auth.AuthStrategy;
import io.secopskit.core.error.AuthenticationException;
import java.io.IOException;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps the auth strategy a Stellar Cyber builder convenience made: a refused token exchange gets a hint
 * naming the builder call and what to check, and each newly issued JWT's {@code iat} claim (when it has
 * one) is compared with this machine's clock, so that a 401 can say how far the clocks are apart.
 * Credentials are never logged or put in messages. Thread-safe. Internal.
 */
public final class StellarAuth implements AuthStrategy {
    private static final Logger LOG = LoggerFactory.getLogger("io.secopskit.stellar");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Clock differences below this many seconds are ignored. */
    static final long SKEW_THRESHOLD_SECONDS = 60;
    private static final long LATEST_EPOCH_SECOND = 253_402_300_799L; // 9999-12-31T23:59:59Z

    /** The auth flow chosen on the builder. */
    public enum Flow {
        /** {@code apiKey(email, key)}: key → JWT exchange with Basic. */
        API_KEY("apiKey(...)"),
        /** {@code scopedApiKey(key)}: key → JWT exchange with Bearer. */
        SCOPED_API_KEY("scopedApiKey(...)"),
        /** {@code basicAuth(email, key)}: Basic on every call (5.4.0). */
        BASIC("basicAuth(...)"),
        /** {@code auth(strategy)}: the caller's own strategy. */
        CUSTOM("auth(...)");

        private final String call;

        Flow(String call) {
            this.call = call;
        }

        /**
         * Returns the builder call, for messages.
         *
         * @return the builder call, for messages
         */
        public String call() {
            return call;
        }
    }

    /** The clock difference measured from the newest JWT; shared with the error decoder. */
    public static final class ClockSkew {
        private volatile long seconds;

        /** Creates a holder with nothing measured. */
        public ClockSkew() {
        }

        /**
         * Returns the measured difference, server minus this machine, in seconds; 0 when below
         * {@value StellarAuth#SKEW_THRESHOLD_SECONDS} s or unknown.
         *
         * @return seconds (positive: this machine's clock is behind the server's)
         */
        public long seconds() {
            return seconds;
        }

        void set(long value) {
            this.seconds = value;
        }
    }

    private final AuthStrategy delegate;
    private final Flow flow;
    private final ClockSkew skew = new ClockSkew();
    private final AtomicBoolean warned = new AtomicBoolean();
    private volatile int lastToken;

    /**
     * Wraps a strategy.
     *
     * @param delegate the strategy the builder made
     * @param flow     the builder call that made it
     */
    public StellarAuth(AuthStrategy delegate, Flow flow) {
        this.delegate = delegate;
        this.flow = flow;
    }

    /**
     * Returns the clock difference holder.
     *
     * @return the clock difference holder
     */
    public ClockSkew skew() {
        return skew;
    }

    @Override
    public AuthHeaders authenticate(AuthContext context) {
        AuthHeaders headers;
        try {
            headers = delegate.authenticate(context);
        } catch (AuthenticationException e) {
            throw new AuthenticationException(e.info().withVendorMessage(
                    (e.vendorMessage() == null ? "the token exchange was refused" : e.vendorMessage()) + tokenHint()), e);
        }
        if (flow == Flow.API_KEY || flow == Flow.SCOPED_API_KEY) {
            observe(headers, context);
        }
        return headers;
    }

    @Override
    public boolean onUnauthorized(AuthContext context, AuthHeaders rejected) {
        return delegate.onUnauthorized(context, rejected);
    }

    private String tokenHint() {
        return switch (flow) {
            case API_KEY -> "; check the user e-mail and API key given to apiKey(...): a key from System | Users,"
                    + " API Access, of a local user (SSO users cannot use the API); a user-scoped key from the"
                    + " API Keys tab goes in scopedApiKey(...)";
            case SCOPED_API_KEY -> "; check the key given to scopedApiKey(...): a key from the user's API Keys tab,"
                    + " on a deployment with scoped API keys enabled; a key from API Access goes in"
                    + " apiKey(email, key)";
            default -> "";
        };
    }

    private void observe(AuthHeaders headers, AuthContext context) {
        Secret value = headers.asMap().get("Authorization");
        if (value == null) {
            return;
        }
        String header = value.reveal();
        int fingerprint = header.hashCode();
        if (fingerprint == lastToken || !header.startsWith("Bearer ")) {
            return;
        }
        lastToken = fingerprint;
        Long issuedAt = issuedAt(header.substring("Bearer ".length()));
        if (issuedAt == null) {
            return;
        }
        long difference = issuedAt - context.clock().instant().getEpochSecond();
        if (Math.abs(difference) < SKEW_THRESHOLD_SECONDS) {
            skew.set(0);
            return;
        }
        skew.set(difference);
        if (warned.compareAndSet(false, true)) {
            LOG.warn("stellar: this machine's clock is about {} s {} the Stellar Cyber server's (from the JWT's iat);"
                    + " token expiry is judged on this clock, so expect refused tokens and refreshes: synchronise it (NTP)",
                    Math.abs(difference), difference > 0 ? "behind" : "ahead of");
        }
    }

    /**
     * Reads the {@code iat} claim of a JWT without verifying it.
     *
     * @param jwt the token
     * @return epoch seconds, or null when it is not a JWT or has no plausible {@code iat}
     */
    static Long issuedAt(String jwt) {
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            JsonNode iat = MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1])).get("iat");
            if (iat == null || !iat.isIntegralNumber() || !iat.canConvertToLong()) {
                return null;
            }
            long value = iat.asLong();
            return value > 0 && value <= LATEST_EPOCH_SECOND ? value : null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "StellarAuth{" + flow.call() + ", " + delegate + "}";
    }
}
