package io.skylift.provider.openstack.client;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS against a local Keystone that refuses every password: reaching its 401 proves the handshake
 * passed. Certificates are made with the JDK's keytool.
 */
class TlsTrustTest {

    private static final char[] STORE_PASSWORD = "changeit".toCharArray();

    @TempDir
    Path directory;

    private HttpsServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Serves over TLS with a self-signed certificate for {@code subjectAlternativeName}; returns its PEM. */
    private Path serve(String subjectAlternativeName) throws Exception {
        Path store = directory.resolve("server.p12");
        Path pem = directory.resolve("server.pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-alias", "server",
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=skylift-test", "-ext", "SAN=" + subjectAlternativeName, "-validity", "2");
        run(keytool, "-exportcert", "-rfc", "-keystore", store.toString(), "-storepass", "changeit", "-alias", "server", "-file", pem.toString());
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, STORE_PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, STORE_PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
        });
        server.start();
        return pem;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    private OpenStackClient client(TlsTrust trust) {
        URI authUrl = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/v3");
        return OpenStackClient.builder(authUrl, new Credential.Password(IdentityRef.id("u"), "p"))
                .tlsTrust(trust).retryPolicy(RetryPolicy.none()).build();
    }

    @Test
    void systemTrust_selfSignedCertificate_isUnreachableNamingCacert() throws Exception {
        serve("ip:127.0.0.1");
        try (OpenStackClient client = client(TlsTrust.system())) {
            assertThatThrownBy(client::session)
                    .isInstanceOf(SkyliftException.class)
                    .hasMessageStartingWith("TLS with Keystone at https://127.0.0.1:")
                    .hasMessageContaining("set cacert to the CA bundle that signed the cloud's certificate")
                    .extracting(e -> ((SkyliftException) e).code()).isEqualTo(ErrorCode.UNREACHABLE);
        }
    }

    @Test
    void caBundle_trustsItsCertificate() throws Exception {
        Path pem = serve("ip:127.0.0.1");
        try (OpenStackClient client = client(TlsTrust.caBundle(pem))) {
            assertThatThrownBy(client::session).extracting(e -> ((SkyliftException) e).code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
        }
    }

    @Test
    void caBundle_stillChecksTheHostName() throws Exception {
        Path pem = serve("dns:elsewhere.invalid");
        try (OpenStackClient client = client(TlsTrust.caBundle(pem))) {
            assertThatThrownBy(client::session).extracting(e -> ((SkyliftException) e).code()).isEqualTo(ErrorCode.UNREACHABLE);
        }
    }

    @Test
    void insecure_acceptsAnyCertificateForAnyHost() throws Exception {
        serve("dns:elsewhere.invalid");
        try (OpenStackClient client = client(TlsTrust.insecure())) {
            assertThatThrownBy(client::session).extracting(e -> ((SkyliftException) e).code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
        }
    }

    @Test
    void caBundle_notPem_isInvalidInput() throws Exception {
        Path notPem = Files.writeString(directory.resolve("ca.pem"), "hello");
        assertThatThrownBy(() -> TlsTrust.caBundle(notPem).sslContext())
                .isInstanceOf(SkyliftException.class)
                .hasMessageStartingWith("cacert " + notPem)
                .extracting(e -> ((SkyliftException) e).code()).isEqualTo(ErrorCode.INVALID_INPUT);
    }
}
