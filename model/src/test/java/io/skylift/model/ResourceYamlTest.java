package io.skylift.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Resource files are YAML; these pin down how the model reads and writes there. */
class ResourceYamlTest {

    private final ObjectMapper yaml = new ObjectMapper(
            YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build());

    @Test
    void write_showsRefsAndTypesInStringForm() throws Exception {
        Map<String, List<ResourceRef>> refs = new LinkedHashMap<>();
        refs.put("flavor", List.of(ResourceRef.parse("flavor:m1.tiny")));
        refs.put("keypair", List.of(ResourceRef.parse("keypair:alice/laptop")));
        Resource server = Resource.of(ResourceRef.parse("server:demo/web"))
                .withParams(Map.of("metadata", Map.of("role", "frontend")))
                .withRefs(refs);

        assertThat(yaml.writeValueAsString(server)).isEqualTo("""
                ref: "server:demo/web"
                params:
                  metadata:
                    role: "frontend"
                refs:
                  flavor:
                  - "flavor:m1.tiny"
                  keypair:
                  - "keypair:alice/laptop"
                """);
    }

    @Test
    void read_givesBackWhatWasWritten() throws Exception {
        Resource volume = Resource.of(ResourceRef.parse("volume:demo/data"))
                .withParams(Map.of("size_gb", 10, "bootable", false))
                .withRefs(Map.of("volume_type", List.of(ResourceRef.parse("volume_type:ssd"))))
                .withInfo(Map.of("id", "5f1c", "checksums", List.of("sha256:ab")))
                .withMigration(Map.of("copy_data", true));

        assertThat(yaml.readValue(yaml.writeValueAsString(volume), Resource.class)).isEqualTo(volume);
    }

    @Test
    void read_treatsMissingSectionsAsEmpty() throws Exception {
        Resource flavor = yaml.readValue("ref: flavor:m1.tiny\n", Resource.class);

        assertThat(flavor).isEqualTo(Resource.of(ResourceRef.parse("flavor:m1.tiny")));
    }

    @Test
    void read_rejectsBadRefQuotingIt() {
        assertThatThrownBy(() -> yaml.readValue("ref: network:private\n", Resource.class))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("invalid resource reference 'network:private'");
    }

    @Test
    void readType_usesId() throws Exception {
        assertThat(yaml.readValue("volume_type", ResourceType.class)).isEqualTo(ResourceType.VOLUME_TYPE);
        assertThat(yaml.writeValueAsString(ResourceType.ROUTER_INTERFACE)).isEqualTo("\"router_interface\"\n");
    }
}
