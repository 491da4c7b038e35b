package io.skylift.provider.openstack.client;

import static java.util.Objects.requireNonNull;

import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** Which TLS server certificates the client accepts. */
public sealed interface TlsTrust {

    /** The JDK's trusted CAs, with host name verification: the default. */
    static TlsTrust system() {
        return new System();
    }

    /** Only the CAs in a PEM bundle (clouds.yaml {@code cacert}), with host name verification. */
    static TlsTrust caBundle(Path pemFile) {
        return new CaBundle(pemFile);
    }

    /**
     * Any certificate for any host name (clouds.yaml {@code verify: false}): for test clouds only.
     * The trust manager is an {@link X509ExtendedTrustManager} that accepts everything; the JDK
     * checks host names inside the trust manager it supplies, so replacing it also turns off the
     * host name check, without the process-wide {@code jdk.internal.httpclient.disableHostnameVerification}
     * system property, and only for this client.
     */
    static TlsTrust insecure() {
        return new Insecure();
    }

    SSLContext sslContext();

    record System() implements TlsTrust {
        @Override
        public SSLContext sslContext() {
            try {
                return SSLContext.getDefault();
            } catch (GeneralSecurityException e) {
                throw new SkyliftException(ErrorCode.INTERNAL, "the JDK has no default TLS context: " + e.getMessage(), e);
            }
        }
    }

    record CaBundle(Path pemFile) implements TlsTrust {
        public CaBundle {
            requireNonNull(pemFile, "pemFile is null");
        }

        @Override
        public SSLContext sslContext() {
            try (InputStream in = Files.newInputStream(pemFile)) {
                Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
                if (certificates.isEmpty()) {
                    throw new SkyliftException(ErrorCode.INVALID_INPUT, "cacert " + pemFile + " holds no PEM certificate");
                }
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                int index = 0;
                for (Certificate certificate : certificates) {
                    store.setCertificateEntry("ca-" + index++, certificate);
                }
                TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init(store);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, factory.getTrustManagers(), new SecureRandom());
                return context;
            } catch (IOException e) {
                throw new SkyliftException(ErrorCode.INVALID_INPUT, "cannot read cacert " + pemFile + ": " + e.getMessage(), e);
            } catch (GeneralSecurityException e) {
                throw new SkyliftException(ErrorCode.INVALID_INPUT, "cacert " + pemFile + " is not a PEM certificate bundle: " + e.getMessage(), e);
            }
        }
    }

    record Insecure() implements TlsTrust {
        @Override
        public SSLContext sslContext() {
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new TrustManager[] {new TrustEverything()}, new SecureRandom());
                return context;
            } catch (GeneralSecurityException e) {
                throw new SkyliftException(ErrorCode.INTERNAL, "cannot make a TLS context: " + e.getMessage(), e);
            }
        }
    }
}
