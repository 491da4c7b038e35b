package io.skylift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.skylift.engine.FakeProviderFactory;
import io.skylift.model.ResourceFile;
import io.skylift.model.ResourceType;
import io.skylift.model.Selection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code skylift query} in-process against the fake provider, whose inventory has servers web (m1.small) and db (m1.large). */
class QueryCommandTest {

    @TempDir
    Path home;

    @TempDir
    Path work;

    private InProcessSkylift skylift;
    private Path file;

    @BeforeEach
    void endpoint() {
        skylift = new InProcessSkylift(home);
        file = work.resolve("resources.yaml");
        assertThat(skylift.run("endpoint", "create", "src", "--provider", "fake", "--connection",
                FakeProviderFactory.connectionJson(FakeProviderFactory.PASSWORD))).as("stderr: %s", skylift.err()).isZero();
    }

    @Test
    void query_serverName_createsTheFileWithTheMatches() {
        assertThat(skylift.run("query", "--endpoint", "src", "--server-name", "w*", file.toString())).as("stderr: %s", skylift.err()).isZero();

        assertThat(ResourceFile.read(file).selections()).containsExactly(Selection.of(ResourceType.SERVER, "demo", "web"));
        assertThat(skylift.out()).contains("server").contains("web").contains("added");
    }

    @Test
    void query_existingFile_keepsItsEntriesAndAddsNewOnes() throws Exception {
        Files.writeString(file, "servers:\n- name: web\n  project: demo\n  key_name: other-key\n");

        assertThat(skylift.run("query", "--endpoint", "src", "--server-flavor", "m1.*", "--save-state", file.toString())).as("stderr: %s", skylift.err()).isZero();

        assertThat(ResourceFile.read(file).selections()).containsExactly(
                new Selection(ResourceType.SERVER, "demo", "web", Map.of("key_name", "other-key")),
                new Selection(ResourceType.SERVER, "demo", "db", Map.of("save_state", true)));
        assertThat(skylift.out()).contains("already in file");
    }

    @Test
    void query_endpointFromEnvironment_isUsed() {
        skylift.with("SKYLIFT_ENDPOINT", "src");
        assertThat(skylift.run("query", "--server-name", "db", "-f", "value", file.toString())).as("stderr: %s", skylift.err()).isZero();
        assertThat(skylift.out()).isEqualTo("server\tdemo\tdb\tadded\n");
    }

    @Test
    void query_withoutPatterns_isInvalidInputAndWritesNothing() {
        assertThat(skylift.run("query", "--endpoint", "src", file.toString())).isEqualTo(ExitStatus.INVALID_INPUT.code());
        assertThat(skylift.err()).startsWith("skylift: nothing to look for: give at least one of --server-name");
        assertThat(file).doesNotExist();
    }

    @Test
    void query_malformedResourceFile_failsAndLeavesTheFileAsItWas() throws Exception {
        Files.writeString(file, "servers: [\n");

        assertThat(skylift.run("query", "--endpoint", "src", "--server-name", "*", file.toString())).isEqualTo(ExitStatus.INVALID_INPUT.code());

        assertThat(skylift.err()).isEqualTo("skylift: " + file + ": malformed YAML at line 1, column 11: "
                + "while parsing a flow node; expected the node content, but found '<stream end>'\n");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("servers: [\n");
    }

    @Test
    void query_nothingMatches_saysSoAndWritesNothing() {
        assertThat(skylift.run("query", "--endpoint", "src", "--server-name", "*tiny*", file.toString())).isEqualTo(ExitStatus.INVALID_INPUT.code());
        assertThat(skylift.err()).isEqualTo("skylift: nothing through endpoint 'src' matches server name '*tiny*'; " + file
                + " is unchanged (see: skylift endpoint instance list src)\n");
        assertThat(file).doesNotExist();
    }

    @Test
    void query_unknownEndpoint_isNotFoundAndWritesNothing() {
        assertThat(skylift.run("query", "--endpoint", "nope", "--server-name", "*", file.toString())).isEqualTo(ExitStatus.INVALID_INPUT.code());
        assertThat(skylift.err()).contains("nope");
        assertThat(file).doesNotExist();
    }

    @Test
    void query_noEndpoint_namesTheFix() {
        assertThat(skylift.run("query", "--server-name", "*", file.toString())).isEqualTo(ExitStatus.INVALID_INPUT.code());
        assertThat(skylift.err()).isEqualTo("skylift: no endpoint: give --endpoint NAME or set SKYLIFT_ENDPOINT (see: skylift endpoint list)\n");
    }

    @Test
    void query_emptyPattern_namesTheOption() {
        assertThat(skylift.run("query", "--endpoint", "src", "--image-name", "", file.toString())).isEqualTo(ExitStatus.INVALID_INPUT.code());
        assertThat(skylift.err()).isEqualTo("skylift: --image-name: empty name pattern: use '*' to match every name\n");
        assertThat(List.of(work.toFile().list())).isEmpty();
    }
}
