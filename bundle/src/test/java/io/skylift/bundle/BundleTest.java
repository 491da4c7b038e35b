package io.skylift.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleTest {

    @TempDir
    Path directory;

    private static final ResourceRef NETWORK = ResourceRef.parse("network:demo/net-a");
    private static final ResourceRef SUBNET = ResourceRef.parse("subnet:demo/subnet-a");

    private static Bundle bundle() {
        Resource network = new Resource(NETWORK, Map.of("mtu", 1450), Map.of(), Map.of("id", "n-1"), Map.of());
        Resource subnet = new Resource(SUBNET, Map.of("cidr", "10.10.0.0/24", "allocation_pools", List.of(Map.of("start", "10.10.0.2", "end", "10.10.0.254"))),
                Map.of("network", List.of(NETWORK)), Map.of("id", "s-1"), Map.of());
        return new Bundle(new BundleSource("src", "openstack", "demo"), Instant.parse("2026-12-01T10:00:00Z"), List.of(network, subnet));
    }

    @Test
    void writtenBundle_readsBackEqual() {
        bundle().write(directory);

        assertThat(Bundle.read(directory)).isEqualTo(bundle());
        assertThat(Bundle.read(directory).graph().size()).isEqualTo(2);
    }

    @Test
    void resourcesYaml_isVersionedAndNamesReferencesByRef() throws IOException {
        bundle().write(directory);

        String yaml = Files.readString(directory.resolve("resources.yaml"));
        assertThat(yaml).startsWith("format: skylift-bundle\nversion: 1\n");
        assertThat(yaml).contains("network:\n    - network:demo/net-a");
    }

    @Test
    void newerFormatVersion_isRefusedNamingBothVersions() throws IOException {
        bundle().write(directory);
        Path file = directory.resolve("resources.yaml");
        Files.writeString(file, Files.readString(file).replace("version: 1", "version: 2"));

        assertThatThrownBy(() -> Bundle.read(directory))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED))
                .hasMessageContaining("format version 2, newer than the version 1")
                .hasMessageContaining("upgrade skylift");
    }

    @Test
    void malformedYaml_namesFileAndLine() throws IOException {
        Files.writeString(directory.resolve("resources.yaml"), "format: skylift-bundle\nversion: 1\nresources: [\n");

        assertThatThrownBy(() -> Bundle.read(directory))
                .hasMessageContaining(directory.resolve("resources.yaml").toString())
                .hasMessageContaining("malformed YAML at line");
    }

    @Test
    void directoryWithoutBundle_saysSo() {
        assertThatThrownBy(() -> Bundle.read(directory))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessageContaining("no such file");
    }

    @Test
    void droppedDependency_isReportedBeforeAnythingElse() {
        Bundle edited = new Bundle(bundle().source(), bundle().createdAt(), List.of(bundle().resources().get(1)));

        assertThatThrownBy(edited::graph)
                .hasMessageContaining("subnet:demo/subnet-a (network) -> network:demo/net-a")
                .hasMessageContaining("put them back, or remove the references");
    }

    @Test
    void unknownField_isRefusedNamingIt() throws IOException {
        bundle().write(directory);
        Path file = directory.resolve("resources.yaml");
        Files.writeString(file, Files.readString(file).replace("source:", "colour: red\nsource:"));

        assertThatThrownBy(() -> Bundle.read(directory)).hasMessageContaining("colour");
    }
}
