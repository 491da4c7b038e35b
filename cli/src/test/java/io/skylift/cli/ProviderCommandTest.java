package io.skylift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderCommandTest {

    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        PrintWriter output = new PrintWriter(out, true);
        return Skylift.run(args, output, new PrintWriter(err, true), new Session(Map.of("SKYLIFT_HOME", home.toString()), output, FakeProviders::registry));
    }

    @Test
    void list_showsNameDescriptionAndCapabilities() {
        assertThat(run("provider", "list")).isZero();

        assertThat(out.toString()).isEqualTo("""
                +------+------------------------------------+--------------+
                | name | description                        | capabilities |
                +------+------------------------------------+--------------+
                | bare | A test cloud that can do nothing.  |              |
                | fake | A cloud that exists only in tests. | inventory    |
                +------+------------------------------------+--------------+
                """);
    }

    @Test
    void list_asYaml_givesCapabilitiesAsAList() {
        assertThat(run("provider", "list", "-f", "yaml", "-c", "name", "-c", "capabilities")).isZero();

        assertThat(out.toString()).isEqualTo("""
                - name: bare
                  capabilities: []
                - name: fake
                  capabilities:
                  - inventory
                """);
    }

    @Test
    void list_findsProvidersRegisteredThroughMetaInfServices() {
        PrintWriter output = new PrintWriter(out, true);

        int status = Skylift.run(new String[] {"provider", "list", "-f", "value", "-c", "name"}, output, new PrintWriter(err, true),
                Map.of("SKYLIFT_HOME", home.toString()));

        assertThat(status).isZero();
        // Other providers on the class path (openstack, bundle) may be listed too.
        assertThat(out.toString().lines()).contains("bare", "fake");
    }

    @Test
    void list_needsNoHome() {
        assertThat(run("provider", "list")).isZero();

        assertThat(home).isEmptyDirectory();
    }

    @Test
    void schemaList_printsTheConnectionSchemaAsJson() throws Exception {
        assertThat(run("provider", "schema", "list", "fake", "connection")).isZero();

        assertThat(new ObjectMapper().readTree(out.toString())).isEqualTo(new ObjectMapper().readTree(FakeProviderFactory.CONNECTION_SCHEMA));
    }

    @Test
    void schemaList_asYaml() {
        assertThat(run("provider", "schema", "list", "fake", "source", "-f", "yaml")).isZero();

        assertThat(out.toString()).isEqualTo("""
                type: object
                properties:
                  source_option:
                    type: string
                """);
    }

    @Test
    void schemaList_unknownType_namesTheTypesThereAre() {
        assertThat(run("provider", "schema", "list", "fake", "storage")).isEqualTo(ExitStatus.INVALID_INPUT.code());
        assertThat(err.toString()).isEqualTo("skylift: unknown schema type 'storage': expected connection, source or destination\n");
    }

    @Test
    void schemaList_unknownProvider_namesTheInstalledOnes() {
        assertThat(run("provider", "schema", "list", "aws", "connection")).isEqualTo(ExitStatus.INVALID_INPUT.code());
        assertThat(err.toString()).isEqualTo("skylift: unknown provider 'aws': known providers: bare, fake\n");
    }
}
