package io.secopskit.chronicle.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * A compliance certification a customer's instance must meet (SetComplianceRequirements). An <b>open</b>
 * set: the constants below are the values the vendor document names, and {@link #of(String)} holds any
 * other value exactly as Google sends it or as a partner needs to send it, so a certification added by
 * Google after this SDK version is neither refused nor lost. Two certifications are equal when their
 * values are equal. Immutable.
 */
public final class ComplianceCertification {
    /** FedRAMP Moderate. */
    public static final ComplianceCertification COMPLIANCE_CERTIFICATION_FEDRAMP_MODERATE =
            new ComplianceCertification("COMPLIANCE_CERTIFICATION_FEDRAMP_MODERATE");
    /** PCI DSS. */
    public static final ComplianceCertification COMPLIANCE_CERTIFICATION_PCI_DSS =
            new ComplianceCertification("COMPLIANCE_CERTIFICATION_PCI_DSS");

    private static final List<ComplianceCertification> KNOWN = List.of(COMPLIANCE_CERTIFICATION_FEDRAMP_MODERATE,
            COMPLIANCE_CERTIFICATION_PCI_DSS);

    private final String value;

    private ComplianceCertification(String value) {
        this.value = value;
    }

    /**
     * Returns the certification with this wire value: a known constant, or a new value kept as given.
     *
     * @param value the value, for example {@code COMPLIANCE_CERTIFICATION_PCI_DSS}
     * @return the certification
     * @throws NullPointerException if the value is null
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ComplianceCertification of(String value) {
        Objects.requireNonNull(value, "value");
        for (ComplianceCertification known : KNOWN) {
            if (known.value.equals(value)) {
                return known;
            }
        }
        return new ComplianceCertification(value);
    }

    /**
     * Returns the values the vendor document names.
     *
     * @return the values the vendor document names
     */
    public static List<ComplianceCertification> knownValues() {
        return KNOWN;
    }

    /**
     * Returns the wire value, exactly as sent or received.
     *
     * @return the wire value, exactly as sent or received
     */
    @JsonValue
    public String value() {
        return value;
    }

    /**
     * Returns whether the vendor document names this value.
     *
     * @return whether the vendor document names this value
     */
    public boolean isKnown() {
        return KNOWN.contains(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ComplianceCertification c && c.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Returns the wire value. */
    @Override
    public String toString() {
        return value;
    }
}
