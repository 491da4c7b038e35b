package io.skylift.engine.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skylift.model.ResourceFile;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MigrationSettingsTest {

    private static MigrationOptions options(Map<String, ?> destination, Map<String, ?> source) {
        return MigrationSettings.options("src", "dst", ResourceFile.empty(), Map.of(), Map.of(), MigrationOptions.Storage.none(), destination, source,
                Path.of("uuids.csv"));
    }

    @Test
    void destinationEnvironment_fromTheCommandLineOrYaml() {
        MigrationOptions fromText = options(Map.of("flavor_map", "m1.small=small,m1.big=big", "keypair", "ops", "name_prefix", "moved-",
                "floating_ips", "skip", "keep_ips", "false"), Map.of());
        MigrationOptions fromYaml = options(Map.of("flavor_map", Map.of("m1.small", "small", "m1.big", "big"), "keypair", "ops",
                "name_prefix", "moved-", "floating_ips", "skip", "keep_ips", false), Map.of());

        assertThat(fromText).isEqualTo(fromYaml);
        assertThat(fromText.mapping().flavorMap()).containsEntry("m1.small", "small").containsEntry("m1.big", "big");
        assertThat(fromText.mapping().keypair()).contains("ops");
        assertThat(fromText.mapping().namePrefix()).isEqualTo("moved-");
        assertThat(fromText.floatingIps()).isEqualTo(MigrationOptions.FloatingIps.SKIP);
        assertThat(fromText.keepIps()).isFalse();
    }

    @Test
    void defaults_keepIps_newFloatingIps_noPrefix() {
        MigrationOptions defaults = options(Map.of(), Map.of());

        assertThat(defaults.keepIps()).isTrue();
        assertThat(defaults.floatingIps()).isEqualTo(MigrationOptions.FloatingIps.NEW);
        assertThat(defaults.mapping()).isEqualTo(ImportOptions.none());
    }

    @Test
    void everyUnknownKeyAndBadValue_isNamedAtOnce() {
        assertThatThrownBy(() -> options(Map.of("flavour_map", "a=b", "floating_ips", "keep", "keep_ips", "maybe"), Map.of("stop", true)))
                .hasMessageContaining("destination environment: unknown option 'flavour_map' (known: flavor_map, floating_ips, keep_ips, keypair, name_prefix)")
                .hasMessageContaining("source environment: unknown option 'stop'")
                .hasMessageContaining("floating_ips must be new or skip, not 'keep'")
                .hasMessageContaining("keep_ips must be true or false, not 'maybe'");
    }

    @Test
    void malformedFlavorMap_isRefused() {
        assertThatThrownBy(() -> options(Map.of("flavor_map", "m1.small"), Map.of()))
                .hasMessageContaining("flavor_map takes SOURCE=DEST pairs separated by commas, not 'm1.small'");
    }
}
