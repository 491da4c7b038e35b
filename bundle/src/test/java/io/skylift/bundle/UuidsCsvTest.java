package io.skylift.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UuidsCsvTest {

    @Test
    void rows_areWrittenInDownpoursFormat(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("uuids.csv");
        UuidsCsv.write(file, List.of(new UuidsCsv.Row("network", "net \"a\"", "old-1", "new-1"), new UuidsCsv.Row("keypair", "k", "k", "k")));

        assertThat(Files.readAllLines(file)).containsExactly(
                "\"Resource Type\",\"Resource Name\",\"Old\",\"New\"",
                "\"network\",\"net \"\"a\"\"\",\"old-1\",\"new-1\"",
                "\"keypair\",\"k\",\"k\",\"k\"");
    }
}
