package io.skylift.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {

    private static final byte[] SECRET = "the password".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OWNER = "endpoint-id-1".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path home;

    private SecretBox box() {
        return new SecretBox(new SecretKeyFile(home.resolve("secret.key"), new SecureRandom()), new SecureRandom());
    }

    @Test
    void open_returnsWhatWasSealed() {
        SecretBox box = box();

        Sealed sealed = box.seal(SECRET, OWNER);

        assertThat(box.open(sealed, OWNER, "endpoint 'src'")).isEqualTo(SECRET);
    }

    @Test
    void seal_usesAFreshNonceEachTime() {
        SecretBox box = box();

        Sealed first = box.seal(SECRET, OWNER);
        Sealed second = box.seal(SECRET, OWNER);

        // 1 version byte, 12 nonce bytes, the ciphertext, 16 tag bytes.
        assertThat(first.bytes()).hasSize(1 + 12 + SECRET.length + 16);
        assertThat(Arrays.copyOfRange(first.bytes(), 1, 13)).isNotEqualTo(Arrays.copyOfRange(second.bytes(), 1, 13));
        assertThat(first.bytes()).isNotEqualTo(second.bytes());
    }

    @Test
    void open_refusesATamperedValue() {
        SecretBox box = box();
        byte[] bytes = box.seal(SECRET, OWNER).bytes();
        bytes[bytes.length - 1] ^= 1;
        Sealed tampered = new Sealed(box.seal(SECRET, OWNER).keyId(), bytes);

        assertThatThrownBy(() -> box.open(tampered, OWNER, "endpoint 'src'"))
                .hasMessage("the connection info of endpoint 'src' fails its integrity check: the database was altered or damaged;"
                        + " delete endpoint 'src' and create it again");
    }

    @Test
    void open_refusesAValueSealedForAnotherOwner() {
        SecretBox box = box();
        Sealed sealed = box.seal(SECRET, OWNER);

        assertThatThrownBy(() -> box.open(sealed, "endpoint-id-2".getBytes(StandardCharsets.US_ASCII), "endpoint 'dst'"))
                .hasMessageContaining("fails its integrity check");
    }

    @Test
    void open_namesTheKeyFileWhenTheKeyWasReplaced() throws Exception {
        Sealed sealed = box().seal(SECRET, OWNER);
        Files.delete(home.resolve("secret.key"));
        box().seal(SECRET, OWNER);

        assertThatThrownBy(() -> box().open(sealed, OWNER, "endpoint 'src'"))
                .hasMessageStartingWith("the connection info of endpoint 'src' was sealed with another secret key (id " + sealed.keyId() + ")")
                .hasMessageContaining(home.resolve("secret.key").toString())
                .hasMessageEndingWith("restore the original key file, or delete endpoint 'src' and create it again");
    }

    @Test
    void open_namesTheKeyFileWhenItIsMissing() throws Exception {
        Sealed sealed = box().seal(SECRET, OWNER);
        Files.delete(home.resolve("secret.key"));

        assertThatThrownBy(() -> box().open(sealed, OWNER, "endpoint 'src'"))
                .hasMessageStartingWith("secret key file " + home.resolve("secret.key") + " is missing");
    }

    @Test
    void toString_showsNoCiphertextBeyondTheVersionAndNoncePrefix() {
        Sealed sealed = box().seal(SECRET, OWNER);

        assertThat(sealed.toString()).startsWith("Sealed[keyId=" + sealed.keyId()).contains((1 + 12 + SECRET.length + 16) + " bytes");
    }
}
