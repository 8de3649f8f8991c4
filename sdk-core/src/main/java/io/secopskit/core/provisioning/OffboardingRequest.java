package io.secopskit.core.provisioning;

import io.secopskit.core.Beta;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What an offboarding (or restore) of one customer is asked to do: the customer, why, who approved it, which
 * phase, and the confirmation every write needs — the API's equivalent of a command line's {@code --yes}.
 *
 * @param customerCode the customer
 * @param reason       why (recorded in the evidence); required to write
 * @param approver     who approved it (recorded in the evidence), or null
 * @param mode         which phase to carry out
 * @param confirmed    whether writes are confirmed; without it {@link Offboarding#run} refuses and only a plan
 *                     ({@link Offboarding#plan}) can be made
 */
@Beta
public record OffboardingRequest(String customerCode, String reason, String approver, Mode mode, boolean confirmed) {
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    /** Which phase of an offboarding a run carries out. */
    public enum Mode {
        /**
         * Suspend every active binding where the vendor can (the default); vendors that cannot suspend are only
         * marked, their tenant stays usable until removal. Suspended bindings are left as they are.
         */
        SUSPEND,
        /**
         * As {@link #SUSPEND}, and also remove every suspended binding whose grace period (counted from its
         * recorded suspend time) has ended — the explicit option a purge run needs.
         */
        REMOVE_AFTER_GRACE,
        /** Suspend and remove every binding at once, without waiting for the grace period. */
        REMOVE_NOW
    }

    /** Checks the fields. */
    public OffboardingRequest {
        Objects.requireNonNull(customerCode, "customerCode");
        if (!CODE.matcher(customerCode).matches()) {
            throw new IllegalArgumentException("customerCode must be 1-128 letters, digits, '.', '_' or '-', starting with a letter"
                    + " or digit");
        }
        Objects.requireNonNull(mode, "mode");
        if (reason != null && (reason.isBlank() || reason.length() > 1000 || reason.chars().anyMatch(Character::isISOControl))) {
            throw new IllegalArgumentException("reason must be 1-1000 characters without control characters");
        }
        if (approver != null && (approver.isBlank() || approver.length() > 200 || approver.chars().anyMatch(Character::isISOControl))) {
            throw new IllegalArgumentException("approver must be 1-200 characters without control characters");
        }
    }

    /**
     * Starts a request for a customer (mode {@link Mode#SUSPEND}, not confirmed).
     *
     * @param customerCode the customer
     * @return a builder
     */
    public static Builder builder(String customerCode) {
        return new Builder(customerCode);
    }

    /** Builds an {@link OffboardingRequest}. */
    public static final class Builder {
        private final String customerCode;
        private String reason;
        private String approver;
        private Mode mode = Mode.SUSPEND;
        private boolean confirmed;

        private Builder(String customerCode) {
            this.customerCode = customerCode;
        }

        /**
         * Sets why the customer is offboarded (required to write).
         *
         * @param value the reason
         * @return this builder
         */
        public Builder reason(String value) {
            this.reason = value;
            return this;
        }

        /**
         * Sets who approved it.
         *
         * @param value the approver
         * @return this builder
         */
        public Builder approver(String value) {
            this.approver = value;
            return this;
        }

        /**
         * Sets the phase (default {@link Mode#SUSPEND}).
         *
         * @param value the mode
         * @return this builder
         */
        public Builder mode(Mode value) {
            this.mode = value;
            return this;
        }

        /**
         * Confirms the writes (a command line's {@code --yes}).
         *
         * @param value whether writes are confirmed
         * @return this builder
         */
        public Builder confirmed(boolean value) {
            this.confirmed = value;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws IllegalArgumentException when a field breaks its rule (naming it)
         */
        public OffboardingRequest build() {
            return new OffboardingRequest(customerCode, reason, approver, mode, confirmed);
        }
    }
}
