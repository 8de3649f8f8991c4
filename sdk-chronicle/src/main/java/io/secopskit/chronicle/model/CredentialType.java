package io.secopskit.chronicle.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** The kind of credential Google SecOps issues for a customer. */
public enum CredentialType {
    /** Backstory (search) API. */
    BACKSTORY_API,
    /** Ingestion API. */
    INGESTION_API,
    /** BigQuery access. */
    BIGQUERY_API,
    /** Forwarder. */
    FORWARDER_API,
    /** A value this SDK version does not know. */
    @JsonEnumDefaultValue
    UNRECOGNIZED
}
