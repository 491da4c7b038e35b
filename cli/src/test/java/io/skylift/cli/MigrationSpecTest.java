package io.skylift.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MigrationSpecTest {

    @Test
    void diskStorageMapping_isRepeatable_andTakesCommaLists() {
        MigrationSpec spec = new MigrationSpec();
        new CommandLine(spec).parseArgs("--origin-endpoint", "src", "--destination-endpoint", "dst", "--instance", "app",
                "--disk-storage-mapping", "skylift-data=gold,demo/logs=silver", "--disk-storage-mapping", "0b7c-id=bronze");

        assertThat(spec.options().storage().byDisk()).containsOnly(entry("skylift-data", "gold"), entry("demo/logs", "silver"),
                entry("0b7c-id", "bronze"));
    }
}
