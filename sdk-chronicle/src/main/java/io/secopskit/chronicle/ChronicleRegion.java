package io.secopskit.chronicle;

import java.net.URI;

/**
 * The regional hosts of the Google Security Operations (Backstory) API. Use the region the customer's
 * Google SecOps instance is provisioned in.
 */
public enum ChronicleRegion {
    /** United States multi-region. */
    US("backstory.googleapis.com"),
    /** Europe multi-region. */
    EUROPE("europe-backstory.googleapis.com"),
    /** São Paulo. */
    SAO_PAULO("southamerica-east1-backstory.googleapis.com"),
    /** Canada (Toronto). */
    CANADA("northamerica-northeast2-backstory.googleapis.com"),
    /** Dammam. */
    DAMMAM("me-central2-backstory.googleapis.com"),
    /** Doha. */
    DOHA("me-central1-backstory.googleapis.com"),
    /** Frankfurt. */
    FRANKFURT("europe-west3-backstory.googleapis.com"),
    /** London. */
    LONDON("europe-west2-backstory.googleapis.com"),
    /** Mumbai. */
    MUMBAI("asia-south1-backstory.googleapis.com"),
    /** Paris. */
    PARIS("europe-west9-backstory.googleapis.com"),
    /** Singapore. */
    SINGAPORE("asia-southeast1-backstory.googleapis.com"),
    /** Sydney. */
    SYDNEY("australia-southeast1-backstory.googleapis.com"),
    /** Tel Aviv. */
    TEL_AVIV("me-west1-backstory.googleapis.com"),
    /** Tokyo. */
    TOKYO("asia-northeast1-backstory.googleapis.com"),
    /** Turin. */
    TURIN("europe-west12-backstory.googleapis.com"),
    /** Zurich. */
    ZURICH("europe-west6-backstory.googleapis.com"),
    /** Jakarta. */
    JAKARTA("asia-southeast2-backstory.googleapis.com"),
    /** Johannesburg. */
    JOHANNESBURG("africa-south1-backstory.googleapis.com"),
    /** Warsaw. */
    WARSAW("europe-central2-backstory.googleapis.com");

    private final String host;

    ChronicleRegion(String host) {
        this.host = host;
    }

    /**
     * Returns the host name, for example {@code europe-backstory.googleapis.com}.
     *
     * @return the host name, for example {@code europe-backstory.googleapis.com}
     */
    public String host() {
        return host;
    }

    /**
     * Returns the API endpoint, {@code https://<host>}.
     *
     * @return the API endpoint, {@code https://<host>}
     */
    public URI endpoint() {
        return URI.create("https://" + host);
    }
}
