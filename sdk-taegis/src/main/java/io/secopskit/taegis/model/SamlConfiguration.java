package io.secopskit.taegis.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a SAML connection learns the identity provider's configuration ({@code connectionConfiguration.samlConfiguration},
 * schema input {@code SAMLSSOConfiguration}). Only the fields set are sent.
 *
 * <ul>
 *   <li><b>The documented default: the identity provider's metadata URL</b> — {@link #metadataUrl(String)}; the
 *       service downloads the configuration and ignores a signing certificate (the document).</li>
 *   <li>The metadata XML itself — {@link #metadataXml(String)}.</li>
 *   <li>Deprecated: a signing certificate with the sign-in endpoint — {@link #signingCertificate(String, String)}.
 *       The vendor document still shows this path and SecOpsKit keeps it, but the vendor's public client
 *       (taegis-sdk-python 1.6.21) marks {@code signingCert}, {@code signInEndpoint} and {@code signingCertName}
 *       "No longer supported".</li>
 * </ul>
 *
 * @param metadataUrl      the identity provider's metadata URL ({@code metadataURL})
 * @param metadataXml      the identity provider's metadata XML ({@code metadataXML})
 * @param metadataFileName the metadata's file name, to recognise it later ({@code metadataFileName}; vendor client only)
 * @param signingCertName  the certificate's file name, to recognise it later; answers carry it as {@code certName}
 *                         ({@code signingCertName}; deprecated by the vendor: "No longer supported")
 * @param signingCert      the identity provider's signing certificate ({@code signingCert}; deprecated by the
 *                         vendor: "No longer supported")
 * @param signInEndpoint   the identity provider's sign-in URL, required with {@code signingCert} when there is no
 *                         metadata ({@code signInEndpoint}; deprecated by the vendor: "No longer supported")
 */
public record SamlConfiguration(
        @JsonProperty("metadataURL") String metadataUrl,
        @JsonProperty("metadataXML") String metadataXml,
        @JsonProperty("metadataFileName") String metadataFileName,
        @JsonProperty("signingCertName") String signingCertName,
        @JsonProperty("signingCert") String signingCert,
        @JsonProperty("signInEndpoint") String signInEndpoint) {

    /**
     * Configures the connection from the identity provider's metadata URL — the documented default.
     *
     * @param url the metadata URL
     * @return the configuration
     */
    public static SamlConfiguration metadataUrl(String url) {
        return new SamlConfiguration(url, null, null, null, null, null);
    }

    /**
     * Configures the connection from the identity provider's metadata XML.
     *
     * @param xml the metadata document
     * @return the configuration
     */
    public static SamlConfiguration metadataXml(String xml) {
        return new SamlConfiguration(null, xml, null, null, null, null);
    }

    /**
     * Configures the connection from a signing certificate and the sign-in endpoint, as the vendor document
     * shows. Both are required together when there is no metadata.
     *
     * @param signingCert    the identity provider's signing certificate (PEM)
     * @param signInEndpoint the identity provider's sign-in URL
     * @return the configuration
     * @deprecated the vendor's public client (taegis-sdk-python 1.6.21) marks {@code signingCert} and
     *             {@code signInEndpoint} "No longer supported"; configure by {@link #metadataUrl(String)}
     */
    @Deprecated
    public static SamlConfiguration signingCertificate(String signingCert, String signInEndpoint) {
        return new SamlConfiguration(null, null, null, null, signingCert, signInEndpoint);
    }

    /**
     * Returns a copy with the metadata's file name.
     *
     * @param value the file name
     * @return the copy
     */
    public SamlConfiguration withMetadataFileName(String value) {
        return new SamlConfiguration(metadataUrl, metadataXml, value, signingCertName, signingCert, signInEndpoint);
    }

    /**
     * Returns a copy with the certificate's file name, which answers then carry as {@code certName}.
     *
     * @param value the file name, for example {@code issuer.pem}
     * @return the copy
     * @deprecated the vendor's public client marks {@code signingCertName} "No longer supported"; the document
     *             still shows it
     */
    @Deprecated
    public SamlConfiguration withSigningCertName(String value) {
        return new SamlConfiguration(metadataUrl, metadataXml, metadataFileName, value, signingCert, signInEndpoint);
    }

    /**
     * Returns the certificate's file name ({@code signingCertName}), or null.
     *
     * @return the file name, or null
     * @deprecated the vendor's public client marks {@code signingCertName} "No longer supported"
     */
    @Deprecated
    public String signingCertName() {
        return signingCertName;
    }

    /**
     * Returns the identity provider's signing certificate ({@code signingCert}), or null.
     *
     * @return the certificate, or null
     * @deprecated the vendor's public client marks {@code signingCert} "No longer supported"; configure by
     *             {@link #metadataUrl(String)}
     */
    @Deprecated
    public String signingCert() {
        return signingCert;
    }

    /**
     * Returns the identity provider's sign-in URL ({@code signInEndpoint}), or null.
     *
     * @return the URL, or null
     * @deprecated the vendor's public client marks {@code signInEndpoint} "No longer supported"; configure by
     *             {@link #metadataUrl(String)}
     */
    @Deprecated
    public String signInEndpoint() {
        return signInEndpoint;
    }
}
