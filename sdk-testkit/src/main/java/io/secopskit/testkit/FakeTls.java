package io.secopskit.testkit;

import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * The TLS material of fakes that serve HTTPS ({@link FakeVendor#useHttps()}): a certificate authority
 * generated once per JVM and a server certificate it signed for {@code localhost}, {@code 127.0.0.1} and
 * {@code ::1}. Clients trust the fakes — and nothing else — through {@link #trustManager()} and
 * {@link #sslSocketFactory()} (JDK types, so any HTTP client can use them), for example
 *
 * <pre>{@code
 * FakeTls tls = FakeTls.shared();
 * OkHttpClient http = new OkHttpClient.Builder().sslSocketFactory(tls.sslSocketFactory(), tls.trustManager()).build();
 * TaegisClient taegis = TaegisClient.builder().endpoint(fake.baseUri()) ...
 *     .options(ClientOptions.builder().httpClient(http).build()).build();
 * }</pre>
 *
 * The keys are generated in memory (ECDSA P-256, valid one day) and are worthless outside tests.
 * Immutable and thread-safe.
 */
public final class FakeTls {
    private static volatile FakeTls shared;

    private final HeldCertificate authority;
    private final HandshakeCertificates server;
    private final HandshakeCertificates client;

    private FakeTls() {
        authority = new HeldCertificate.Builder().certificateAuthority(0).commonName("SecOpsKit testkit CA")
                .duration(1, TimeUnit.DAYS).build();
        HeldCertificate.Builder leaf = new HeldCertificate.Builder().signedBy(authority).commonName("localhost")
                .duration(1, TimeUnit.DAYS)
                .addSubjectAlternativeName("localhost").addSubjectAlternativeName("127.0.0.1")
                .addSubjectAlternativeName("::1");
        String loopbackName = InetAddress.getLoopbackAddress().getHostName();
        if (!loopbackName.equals("localhost")) {
            leaf.addSubjectAlternativeName(loopbackName);
        }
        server = new HandshakeCertificates.Builder().heldCertificate(leaf.build(), authority.certificate()).build();
        client = new HandshakeCertificates.Builder().addTrustedCertificate(authority.certificate()).build();
    }

    /**
     * Returns the JVM-wide material every HTTPS fake uses (created on first use).
     *
     * @return the material
     */
    public static FakeTls shared() {
        FakeTls t = shared;
        if (t == null) {
            synchronized (FakeTls.class) {
                t = shared;
                if (t == null) {
                    t = new FakeTls();
                    shared = t;
                }
            }
        }
        return t;
    }

    /** Returns a trust manager that trusts exactly the fakes' certificate authority. */
    public X509TrustManager trustManager() {
        return client.trustManager();
    }

    /** Returns a client socket factory that trusts exactly the fakes' certificate authority. */
    public SSLSocketFactory sslSocketFactory() {
        return client.sslSocketFactory();
    }

    /** Returns a client SSL context that trusts exactly the fakes' certificate authority. */
    public SSLContext sslContext() {
        return client.sslContext();
    }

    /** Returns the certificate authority's certificate. */
    public X509Certificate certificateAuthority() {
        return authority.certificate();
    }

    /** Returns the certificate authority's certificate in PEM form (for tools that read trust stores from files). */
    public String certificateAuthorityPem() {
        return authority.certificatePem();
    }

    SSLSocketFactory serverSocketFactory() {
        return server.sslSocketFactory();
    }
}
