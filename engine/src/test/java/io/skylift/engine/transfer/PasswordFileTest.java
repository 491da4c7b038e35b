package io.skylift.engine.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skylift.spi.SkyliftException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordFileTest {

    @TempDir
    Path directory;

    @Test
    void aUserAskedAgain_getsThePasswordTheFileHolds_andAnotherUserAnotherOne() throws IOException {
        Path file = directory.resolve(PasswordFile.NAME);

        String first = PasswordFile.passwordOf(file, "alice");
        String again = PasswordFile.passwordOf(file, "alice");
        String bob = PasswordFile.passwordOf(file, "bob");

        assertThat(again).isEqualTo(first);
        assertThat(bob).isNotEqualTo(first).hasSize(first.length());
        assertThat(Files.readAllLines(file)).containsExactly("alice," + first, "bob," + bob);
    }

    @Test
    void aFileOthersCouldRead_isMadeOwnerOnly() throws IOException {
        Path file = directory.resolve(PasswordFile.NAME);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));

        PasswordFile.passwordOf(file, "alice");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aNameTheFileCannotHold_isRefused() {
        assertThatThrownBy(() -> PasswordFile.passwordOf(directory.resolve(PasswordFile.NAME), "a,b"))
                .isInstanceOf(SkyliftException.class).hasMessageContaining("'a,b' has a comma");
    }

    @Test
    void theFile_isBesideUuidsCsv() {
        assertThat(PasswordFile.beside(directory.resolve("uuids.csv"))).isEqualTo(directory.resolve("passwords.csv").toAbsolutePath());
    }
}
