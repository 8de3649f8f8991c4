package io.secopskit.chronicle.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * The kind of credential Google SecOps issues for a customer. An <b>open</b> set: the constants are the
 * types the vendor document shows (and {@link #ADMIN}, which Google's own SecOps tenant template lists);
 * {@link #of(String)} keeps any other type exactly as Google sends it, so two unknown types stay two
 * distinct values — never collapsed into one "unrecognized" key where one would overwrite the other.
 * Equal when the values are equal; {@link #toString()} is the value. Immutable.
 */
public final class CredentialType {
    /** Backstory (search) API. */
    public static final CredentialType BACKSTORY_API = new CredentialType("BACKSTORY_API");
    /** Ingestion API. */
    public static final CredentialType INGESTION_API = new CredentialType("INGESTION_API");
    /** BigQuery access. */
    public static final CredentialType BIGQUERY_API = new CredentialType("BIGQUERY_API");
    /** Forwarder. */
    public static final CredentialType FORWARDER_API = new CredentialType("FORWARDER_API");
    /**
     * Administration; not in the Customer Management document, but listed among the credential types of
     * Google's SecOps tenant Terraform template.
     */
    public static final CredentialType ADMIN = new CredentialType("ADMIN");

    private static final List<CredentialType> KNOWN = List.of(BACKSTORY_API, INGESTION_API, BIGQUERY_API, FORWARDER_API,
            ADMIN);

    private final String value;

    private CredentialType(String value) {
        this.value = value;
    }

    /**
     * Returns the type with this wire value: a known constant, or a new value kept as given.
     *
     * @param value the value, for example {@code INGESTION_API}
     * @return the type
     * @throws NullPointerException if the value is null
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static CredentialType of(String value) {
        Objects.requireNonNull(value, "value");
        for (CredentialType known : KNOWN) {
            if (known.value.equals(value)) {
                return known;
            }
        }
        return new CredentialType(value);
    }

    /**
     * Returns the types this SDK version names.
     *
     * @return the types this SDK version names
     */
    public static List<CredentialType> knownValues() {
        return KNOWN;
    }

    /**
     * Returns the wire value, exactly as received.
     *
     * @return the wire value, exactly as received
     */
    @JsonValue
    public String value() {
        return value;
    }

    /**
     * Returns whether this SDK version names this type.
     *
     * @return whether this SDK version names this type
     */
    public boolean isKnown() {
        return KNOWN.contains(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CredentialType c && c.value.equals(value);
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
