package io.secopskit.chronicle.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Compliance certifications a customer can require. Values the SDK does not know yet are read as
 * {@link #UNRECOGNIZED} and are never sent.
 */
public enum ComplianceCertification {
    /** FedRAMP Moderate. */
    COMPLIANCE_CERTIFICATION_FEDRAMP_MODERATE,
    /** PCI DSS. */
    COMPLIANCE_CERTIFICATION_PCI_DSS,
    /** A value this SDK version does not know, read from a response; never sent. */
    @JsonEnumDefaultValue
    UNRECOGNIZED
}
