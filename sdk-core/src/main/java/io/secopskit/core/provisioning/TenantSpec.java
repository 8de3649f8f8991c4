package io.secopskit.core.provisioning;

import io.secopskit.core.error.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A customer to onboard, in vendor-neutral terms: display name, customer code, retention, labels,
 * contact and per-vendor hints (region, parent tenant ...). Immutable; build with {@link #builder()}.
 */
public final class TenantSpec {
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{0,17}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final String displayName;
    private final String customerCode;
    private final int retentionMonths;
    private final Map<String, String> labels;
    private final String contactName;
    private final String contactEmail;
    private final Map<String, String> hints;

    private TenantSpec(Builder b) {
        if (b.displayName == null || b.displayName.isBlank()) {
            throw new ValidationException("onboarding", null, "displayName", "is required and must not be blank");
        }
        if (b.customerCode == null || !CODE.matcher(b.customerCode).matches() || b.customerCode.endsWith("-")) {
            throw new ValidationException("onboarding", null, "customerCode",
                    "must be 1-18 characters of [a-z0-9-], start with a lowercase letter and not end with '-'");
        }
        if (b.retentionMonths < 1 || b.retentionMonths > 120) {
            throw new ValidationException("onboarding", null, "retentionMonths", "must be between 1 and 120");
        }
        if (b.contactEmail != null && !EMAIL.matcher(b.contactEmail).matches()) {
            throw new ValidationException("onboarding", null, "contactEmail", "must be an e-mail address");
        }
        this.displayName = b.displayName;
        this.customerCode = b.customerCode;
        this.retentionMonths = b.retentionMonths;
        this.labels = Map.copyOf(b.labels);
        this.contactName = b.contactName;
        this.contactEmail = b.contactEmail;
        this.hints = Map.copyOf(b.hints);
    }

    /**
     * Starts a spec (retention 12 months).
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the customer's display name. */
    public String displayName() {
        return displayName;
    }

    /** Returns the customer code: a stable, vendor-safe key (the Chronicle customer code rule). */
    public String customerCode() {
        return customerCode;
    }

    /** Returns the data retention in months. */
    public int retentionMonths() {
        return retentionMonths;
    }

    /** Returns labels to put on the tenant where the vendor supports them. */
    public Map<String, String> labels() {
        return labels;
    }

    /** Returns the contact person, or null. */
    public String contactName() {
        return contactName;
    }

    /** Returns the contact e-mail, or null. */
    public String contactEmail() {
        return contactEmail;
    }

    /**
     * Returns a per-vendor hint, for example {@code taegis.environment}.
     *
     * @param key the hint name
     * @return the value, or null
     */
    public String hint(String key) {
        return hints.get(key);
    }

    /** Returns every hint. */
    public Map<String, String> hints() {
        return hints;
    }

    @Override
    public String toString() {
        return "TenantSpec{displayName=" + displayName + ", customerCode=" + customerCode + ", retentionMonths="
                + retentionMonths + ", labels=" + labels + ", hints=" + hints + "}";
    }

    /** Builds a {@link TenantSpec}. */
    public static final class Builder {
        private String displayName;
        private String customerCode;
        private int retentionMonths = 12;
        private final Map<String, String> labels = new LinkedHashMap<>();
        private String contactName;
        private String contactEmail;
        private final Map<String, String> hints = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets the display name (required).
         *
         * @param value the name
         * @return this builder
         */
        public Builder displayName(String value) {
            this.displayName = value;
            return this;
        }

        /**
         * Sets the customer code (required): 1-18 characters of {@code [a-z0-9-]}, starting with a letter.
         *
         * @param value the code
         * @return this builder
         */
        public Builder customerCode(String value) {
            this.customerCode = value;
            return this;
        }

        /**
         * Sets the data retention in months (default 12).
         *
         * @param value months
         * @return this builder
         */
        public Builder retentionMonths(int value) {
            this.retentionMonths = value;
            return this;
        }

        /**
         * Adds a label.
         *
         * @param name  label name
         * @param value label value
         * @return this builder
         */
        public Builder label(String name, String value) {
            this.labels.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Sets the contact.
         *
         * @param name  contact person
         * @param email contact e-mail
         * @return this builder
         */
        public Builder contact(String name, String email) {
            this.contactName = name;
            this.contactEmail = email;
            return this;
        }

        /**
         * Adds a per-vendor hint, for example {@code taegis.environment=echo}.
         *
         * @param key   hint name
         * @param value hint value
         * @return this builder
         */
        public Builder hint(String key, String value) {
            this.hints.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Builds the spec.
         *
         * @return the spec
         * @throws ValidationException when a field breaks its rule
         */
        public TenantSpec build() {
            return new TenantSpec(this);
        }
    }
}
