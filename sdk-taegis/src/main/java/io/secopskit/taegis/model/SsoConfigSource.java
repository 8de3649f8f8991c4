package io.secopskit.taegis.model;

import io.secopskit.core.error.ValidationException;
import io.secopskit.core.spi.Inputs;

/**
 * What {@code getSSOConnectionConfig} reads an identity provider's configuration from: exactly one of its
 * metadata URL (the documented default), its metadata XML, or its signing certificate — the document: the URL
 * and the certificate exclude each other. Immutable.
 */
public final class SsoConfigSource {
    private final String metadataUrl;
    private final String metadataXml;
    private final String certificate;

    private SsoConfigSource(String metadataUrl, String metadataXml, String certificate) {
        this.metadataUrl = metadataUrl;
        this.metadataXml = metadataXml;
        this.certificate = certificate;
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException("taegis", "getSSOConnectionConfig", field, "must not be blank (was "
                    + Inputs.quote(value) + ")");
        }
        return value;
    }

    /**
     * The identity provider's metadata URL (the documented default); the answer then carries the SAML
     * configuration.
     *
     * @param url the metadata URL
     * @return the source
     * @throws ValidationException if it is blank
     */
    public static SsoConfigSource metadataUrl(String url) {
        return new SsoConfigSource(required("metadataURL", url), null, null);
    }

    /**
     * The identity provider's metadata XML.
     *
     * @param xml the metadata document
     * @return the source
     * @throws ValidationException if it is blank
     */
    public static SsoConfigSource metadataXml(String xml) {
        return new SsoConfigSource(null, required("metadataXML", xml), null);
    }

    /**
     * The identity provider's signing certificate; the answer then carries its validity, issuer and subject.
     *
     * @param pem the certificate (PEM)
     * @return the source
     * @throws ValidationException if it is blank
     */
    public static SsoConfigSource certificate(String pem) {
        return new SsoConfigSource(null, null, required("cert", pem));
    }

    /**
     * Returns the metadata URL ({@code metadataURL}), or null.
     *
     * @return the URL, or null
     */
    public String metadataUrl() {
        return metadataUrl;
    }

    /**
     * Returns the metadata XML ({@code metadataXML}), or null.
     *
     * @return the XML, or null
     */
    public String metadataXml() {
        return metadataXml;
    }

    /**
     * Returns the certificate ({@code cert}), or null.
     *
     * @return the certificate, or null
     */
    public String certificate() {
        return certificate;
    }

    /** Names which source this is, never its content. */
    @Override
    public String toString() {
        return "SsoConfigSource{" + (metadataUrl != null ? "metadataURL" : metadataXml != null ? "metadataXML" : "cert") + "}";
    }
}
