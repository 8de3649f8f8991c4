package io.secopskit.core.http;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Describes one vendor API operation: its vendor and name, HTTP method, path template, whether it is
 * idempotent, when a non-idempotent failure is documented as safe to retry, and which client-side
 * rate-limit key it draws from. Rate limits, retries, errors and logs all speak in operation names
 * such as {@code chronicle.CreateCustomer}.
 *
 * <p>Path templates use {@code {name}} placeholders, each standing for one whole path segment; values
 * are percent-encoded when the request is built, so a value containing {@code /} or {@code ..} cannot
 * change the path. Instances are immutable.
 */
public final class Operation {
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "PUT", "DELETE");

    private final String vendor;
    private final String name;
    private final String method;
    private final String pathTemplate;
    private final boolean idempotent;
    private final RetryCondition retryCondition;
    private final String rateLimitKey;
    private final String host;
    private final boolean goneOnResendMeansDone;
    private final java.util.List<String> pathSegments;

    private Operation(Builder b) {
        this.vendor = requireText(b.vendor, "vendor");
        this.name = requireText(b.name, "name");
        this.method = requireText(b.method, "method").toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("method must be one of " + METHODS + ": " + b.method);
        }
        this.pathTemplate = requireText(b.pathTemplate, "pathTemplate");
        if (!pathTemplate.startsWith("/")) {
            throw new IllegalArgumentException("pathTemplate must start with '/': " + pathTemplate);
        }
        this.idempotent = b.idempotent != null ? b.idempotent : IDEMPOTENT_METHODS.contains(method);
        this.retryCondition = b.retryCondition;
        this.rateLimitKey = b.rateLimitKey;
        this.host = b.host;
        this.goneOnResendMeansDone = b.goneOnResendMeansDone;
        if (goneOnResendMeansDone && !this.idempotent) {
            throw new IllegalArgumentException("goneOnResendMeansDone needs an idempotent operation: " + name);
        }
        this.pathSegments = java.util.List.of(pathTemplate.substring(1).split("/", -1));
    }

    private static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    /**
     * Starts an operation description.
     *
     * @param vendor       vendor id, for example {@code chronicle}
     * @param name         operation name as the vendor calls it, for example {@code CreateCustomer}
     * @param method       HTTP method
     * @param pathTemplate path from the service root, starting with {@code /}, with {@code {param}} segments
     * @return a builder
     */
    public static Builder builder(String vendor, String name, String method, String pathTemplate) {
        Builder b = new Builder();
        b.vendor = vendor;
        b.name = name;
        b.method = method;
        b.pathTemplate = pathTemplate;
        return b;
    }

    /** Returns the vendor id. */
    public String vendor() {
        return vendor;
    }

    /** Returns the operation name. */
    public String name() {
        return name;
    }

    /** Returns {@code vendor.name}. */
    public String qualifiedName() {
        return vendor + "." + name;
    }

    /** Returns the HTTP method in upper case. */
    public String method() {
        return method;
    }

    /** Returns the path template. */
    public String pathTemplate() {
        return pathTemplate;
    }

    /** Returns the path template split into segments (placeholders kept as {@code {name}}). */
    public java.util.List<String> pathSegments() {
        return pathSegments;
    }

    /** Returns whether repeating the operation has the same effect as sending it once. */
    public boolean idempotent() {
        return idempotent;
    }

    /** Returns the condition under which a failure of a non-idempotent call may be retried. */
    public RetryCondition retryCondition() {
        return retryCondition;
    }

    /** Returns the client-side rate-limit key, or null when the operation is not limited client-side. */
    public String rateLimitKey() {
        return rateLimitKey;
    }

    /** Returns the name of the host kind this operation is sent to, or null for the client's default host. */
    public String host() {
        return host;
    }

    /**
     * Returns whether a 404 answering a repeat of this operation means the first attempt already did the
     * work (a delete whose answer was lost): the call then succeeds with status 204 instead of failing.
     */
    public boolean goneOnResendMeansDone() {
        return goneOnResendMeansDone;
    }

    @Override
    public String toString() {
        return qualifiedName() + " " + method + " " + pathTemplate;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Operation other && vendor.equals(other.vendor) && name.equals(other.name)
                && method.equals(other.method) && pathTemplate.equals(other.pathTemplate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(vendor, name, method, pathTemplate);
    }

    /** Builds an {@link Operation}. */
    public static final class Builder {
        private String vendor;
        private String name;
        private String method;
        private String pathTemplate;
        private Boolean idempotent;
        private RetryCondition retryCondition = RetryCondition.NEVER;
        private String rateLimitKey;
        private String host;
        private boolean goneOnResendMeansDone;

        private Builder() {
        }

        /**
         * Declares that a 404 answering a <em>repeat</em> of this (idempotent) operation means the work was
         * done by an earlier attempt whose answer was lost — deletes. The call then succeeds with status
         * 204; a 404 to the first attempt still fails with {@code NotFoundException}.
         *
         * @return this builder
         */
        public Builder goneOnResendMeansDone() {
            this.goneOnResendMeansDone = true;
            return this;
        }

        /**
         * Declares whether the operation is idempotent. Defaults to true for GET, HEAD, PUT and DELETE and
         * false for POST and PATCH. Declare a POST idempotent only when it only reads (search endpoints).
         *
         * @param value whether repeating the call is harmless
         * @return this builder
         */
        public Builder idempotent(boolean value) {
            this.idempotent = value;
            return this;
        }

        /**
         * Sets the vendor-documented condition under which a non-idempotent call may be repeated.
         *
         * @param condition the condition
         * @return this builder
         */
        public Builder retryCondition(RetryCondition condition) {
            this.retryCondition = Objects.requireNonNull(condition, "condition");
            return this;
        }

        /**
         * Sets the client-side rate-limit key the operation draws a permit from.
         *
         * @param key the key, for example {@code chronicle.CreateCustomer}
         * @return this builder
         */
        public Builder rateLimitKey(String key) {
            this.rateLimitKey = key;
            return this;
        }

        /**
         * Names the host kind the operation is sent to, for vendors with more than one host
         * (Carbon Black's defense and API hosts).
         *
         * @param hostKind the host kind name
         * @return this builder
         */
        public Builder host(String hostKind) {
            this.host = hostKind;
            return this;
        }

        /**
         * Builds the operation.
         *
         * @return the operation
         * @throws IllegalArgumentException if a required part is missing or malformed
         */
        public Operation build() {
            return new Operation(this);
        }
    }
}
