package io.skylift.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretKeyFileTest {

    @TempDir
    Path home;

    @Test
    void readOrCreate_createsOwnerOnlyFileInOwnerOnlyDirectory() throws Exception {
        Path path = home.resolve("new-home/secret.key");
        SecretKeyFile file = new SecretKeyFile(path, new SecureRandom());

        file.readOrCreate();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path.getParent()))).isEqualTo("rwx------");
        try (var leftovers = Files.list(path.getParent())) {
            assertThat(leftovers).containsExactly(path);
        }
    }

    @Test
    void readOrCreate_keepsAnExistingKey() {
        SecretKeyFile file = new SecretKeyFile(home.resolve("secret.key"), new SecureRandom());

        byte[] first = file.readOrCreate().getEncoded();
        byte[] second = new SecretKeyFile(home.resolve("secret.key"), new SecureRandom()).readOrCreate().getEncoded();

        assertThat(second).hasSize(32).isEqualTo(first);
    }

    @Test
    void checkPermissions_refusesAGroupReadableKeyNamingFileAndFix() throws Exception {
        Path path = home.resolve("secret.key");
        SecretKeyFile file = new SecretKeyFile(path, new SecureRandom());
        file.readOrCreate();
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r-----"));

        assertThatThrownBy(file::checkPermissions)
                .isInstanceOf(SkyliftException.class)
                .hasMessage("secret key file " + path + " is accessible to group or others (rw-r-----): run chmod 600 " + path);
        assertThatThrownBy(file::read).hasMessageContaining("chmod 600");
    }

    @Test
    void checkPermissions_refusesAWorldReadableKey() throws Exception {
        Path path = home.resolve("secret.key");
        SecretKeyFile file = new SecretKeyFile(path, new SecureRandom());
        file.readOrCreate();
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw----r--"));

        assertThatThrownBy(file::checkPermissions).hasMessageContaining("accessible to group or others");
    }

    @Test
    void checkPermissions_passesWhenThereIsNoKeyYet() {
        new SecretKeyFile(home.resolve("secret.key"), new SecureRandom()).checkPermissions();
    }

    @Test
    void read_namesTheMissingFile() {
        Path path = home.resolve("secret.key");

        assertThatThrownBy(() -> new SecretKeyFile(path, new SecureRandom()).read())
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
                .hasMessageStartingWith("secret key file " + path + " is missing");
    }

    @Test
    void read_rejectsAKeyOfTheWrongLength() throws Exception {
        Path path = home.resolve("secret.key");
        Files.writeString(path, "c2hvcnQ=\n");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));

        assertThatThrownBy(() -> new SecretKeyFile(path, new SecureRandom()).read())
                .hasMessage("secret key file " + path + " is damaged: it holds 5 bytes, not 32; restore it from a backup");
    }
}
