package io.skylift.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceFileTest {

    @TempDir
    Path directory;

    @Test
    void parse_readsSectionsOwnersAndOptions() {
        ResourceFile file = ResourceFile.parse("""
                keypairs:
                - name: skylift-key
                  user: demo
                servers:
                - name: skylift-web-1
                  project: demo
                  save_state: true
                  key_name: other-key
                flavors:
                - name: skylift.small
                """, "test.yaml");

        assertThat(file.selections()).containsExactly(
                Selection.of(ResourceType.KEYPAIR, "demo", "skylift-key"),
                new Selection(ResourceType.SERVER, "demo", "skylift-web-1", Map.of("save_state", true, "key_name", "other-key")),
                Selection.of(ResourceType.FLAVOR, null, "skylift.small"));
    }

    @Test
    void parse_emptyDocument_isEmptyFile() {
        assertThat(ResourceFile.parse("", "empty.yaml").selections()).isEmpty();
        assertThat(ResourceFile.parse("# nothing yet\n", "empty.yaml").selections()).isEmpty();
    }

    @Test
    void toYaml_readsBackTheSameSelections() {
        ResourceFile file = new ResourceFile(List.of(
                new Selection(ResourceType.SERVER, "demo", "web", Map.of("save_state", true)),
                Selection.of(ResourceType.SECURITY_GROUP, null, "default"),
                Selection.of(ResourceType.KEYPAIR, "alice", "laptop")));

        ResourceFile back = ResourceFile.parse(file.toYaml(), "round-trip");

        // Sections come out in type order, so the keypair moves ahead of the security group.
        assertThat(back.selections()).containsExactly(
                Selection.of(ResourceType.KEYPAIR, "alice", "laptop"),
                Selection.of(ResourceType.SECURITY_GROUP, null, "default"),
                new Selection(ResourceType.SERVER, "demo", "web", Map.of("save_state", true)));
        assertThat(file.toYaml()).startsWith("keypairs:\n- name: laptop\n  user: alice\n");
    }

    @Test
    void extendedWith_keepsExistingEntriesAndAddsOnlyNewOnes() {
        ResourceFile file = new ResourceFile(List.of(new Selection(ResourceType.SERVER, null, "web", Map.of("key_name", "mine"))));

        ResourceFile extended = file.extendedWith(List.of(
                new Selection(ResourceType.SERVER, null, "web", Map.of("save_state", true)),
                Selection.of(ResourceType.SERVER, null, "db"),
                Selection.of(ResourceType.SERVER, "other", "web")));

        assertThat(extended.selections()).containsExactly(
                new Selection(ResourceType.SERVER, null, "web", Map.of("key_name", "mine")),
                Selection.of(ResourceType.SERVER, null, "db"),
                Selection.of(ResourceType.SERVER, "other", "web"));
    }

    @Test
    void write_thenRead_roundTripsThroughTheFileSystem() {
        Path path = directory.resolve("resources.yaml");
        ResourceFile file = new ResourceFile(List.of(Selection.of(ResourceType.VOLUME, "demo", "data")));

        file.write(path);

        assertThat(ResourceFile.read(path)).isEqualTo(file);
        assertThat(ResourceFile.readOrEmpty(directory.resolve("missing.yaml"))).isEqualTo(ResourceFile.empty());
    }

    @Test
    void read_missingFile_namesIt() {
        Path missing = directory.resolve("nope.yaml");
        assertThatThrownBy(() -> ResourceFile.read(missing))
                .isInstanceOf(InvalidResourceFileException.class)
                .hasMessage(missing + ": no such file");
    }

    @Test
    void parse_malformedYaml_givesLineAndColumn() {
        assertThatThrownBy(() -> ResourceFile.parse("servers:\n  - name: a\n - name: b\n", "bad.yaml"))
                .isInstanceOf(InvalidResourceFileException.class)
                .hasMessageStartingWith("bad.yaml: malformed YAML at line 3, column 2: ");
    }

    @Test
    void parse_unknownSection_listsTheValidOnes() {
        assertThatThrownBy(() -> ResourceFile.parse("server:\n- name: a\n", "bad.yaml"))
                .isInstanceOf(InvalidResourceFileException.class)
                .hasMessageStartingWith("bad.yaml: unknown section 'server'; expected one of: projects, users, ")
                .hasMessageContaining("servers");
    }

    @Test
    void parse_entryWithoutName_saysWhereAndWhatToAdd() {
        assertThatThrownBy(() -> ResourceFile.parse("servers:\n- name: a\n- project: demo\n", "bad.yaml"))
                .isInstanceOf(InvalidResourceFileException.class)
                .hasMessage("bad.yaml: servers[1] has no name: add 'name: <server name>'");
    }

    @Test
    void parse_sectionNotAList_isRejected() {
        assertThatThrownBy(() -> ResourceFile.parse("servers:\n  name: a\n", "bad.yaml"))
                .isInstanceOf(InvalidResourceFileException.class)
                .hasMessage("bad.yaml: section 'servers' must be a list of entries ('- name: ...'), found a object");
    }

    @Test
    void parse_topLevelList_isRejected() {
        assertThatThrownBy(() -> ResourceFile.parse("- name: a\n", "bad.yaml"))
                .isInstanceOf(InvalidResourceFileException.class)
                .hasMessage("bad.yaml: expected a mapping of sections such as 'servers:', found a array");
    }

    @Test
    void parse_globalTypeWithProject_isRejected() {
        assertThatThrownBy(() -> ResourceFile.parse("flavors:\n- name: small\n  project: demo\n", "f.yaml"))
                .isInstanceOf(InvalidResourceFileException.class)
                .hasMessage("f.yaml: flavors[0]: flavor is global and takes no project: remove 'project:'");
    }

    @Test
    void parse_optionWithoutValue_isRejected() {
        assertThatThrownBy(() -> ResourceFile.parse("servers:\n- name: a\n  save_state:\n", "bad.yaml"))
                .isInstanceOf(InvalidResourceFileException.class)
                .hasMessage("bad.yaml: servers[0].save_state has no value: give one or remove the key");
    }

    @Test
    void write_leavesNoTemporaryFileBehind() throws Exception {
        new ResourceFile(List.of(Selection.of(ResourceType.IMAGE, null, "cirros"))).write(directory.resolve("r.yaml"));
        try (var files = Files.list(directory)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("r.yaml");
        }
    }
}
