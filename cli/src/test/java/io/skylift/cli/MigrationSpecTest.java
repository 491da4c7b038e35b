package io.skylift.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.skylift.engine.transfer.MigrationOptions;
import io.skylift.spi.SkyliftException;
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

    @Test
    void networkAndStorageMaps_takeCommaListsToo_andProjectsSelectProjects() {
        MigrationSpec spec = new MigrationSpec();
        new CommandLine(spec).parseArgs("--origin-endpoint", "src", "--destination-endpoint", "dst", "--project", "demo",
                "--network-map", "a=b,c=d", "--storage-backend-mapping", "slow=ssd,fast=nvme");

        MigrationOptions options = spec.options();

        assertThat(options.mapping().networkMap()).containsOnly(entry("a", "b"), entry("c", "d"));
        assertThat(options.mapping().storageMap()).containsOnly(entry("slow", "ssd"), entry("fast", "nvme"));
        assertThat(options.selection().selections()).extracting(selection -> selection.type() + ":" + selection.name()).containsExactly("project:demo");
    }

    @Test
    void noSelection_isRefused() {
        MigrationSpec none = new MigrationSpec();
        new CommandLine(none).parseArgs("--origin-endpoint", "src", "--destination-endpoint", "dst");

        assertThatThrownBy(none::options).isInstanceOf(SkyliftException.class).hasMessageContaining("say what to migrate with --instance NAME");
    }
}
