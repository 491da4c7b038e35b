package io.skylift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.skylift.engine.FakeProviderFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderCommandTest {

    @TempDir
    Path home;

    private InProcessSkylift skylift;

    @BeforeEach
    void skylift() {
        skylift = new InProcessSkylift(home);
    }

    @Test
    void list_showsNameDescriptionAndCapabilities() {
        assertThat(skylift.run("provider", "list")).isZero();

        assertThat(skylift.out()).isEqualTo("""
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
        assertThat(skylift.run("provider", "list", "-f", "yaml", "-c", "name", "-c", "capabilities")).isZero();

        assertThat(skylift.out()).isEqualTo("""
                - name: bare
                  capabilities: []
                - name: fake
                  capabilities:
                  - inventory
                """);
    }

    @Test
    void list_findsProvidersRegisteredThroughMetaInfServices() {
        StringWriter out = new StringWriter();

        int status = Skylift.run(new String[] {"provider", "list", "-f", "value", "-c", "name"}, new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true), Map.of("SKYLIFT_HOME", home.toString()));

        assertThat(status).isZero();
        // Other providers on the class path (openstack, bundle) may be listed too.
        assertThat(out.toString().lines()).contains("bare", "fake");
    }

    @Test
    void list_needsNoHome() {
        assertThat(skylift.run("provider", "list")).isZero();

        assertThat(home).isEmptyDirectory();
    }

    @Test
    void schemaList_printsTheConnectionSchemaAsJson() throws Exception {
        assertThat(skylift.run("provider", "schema", "list", "fake", "connection")).isZero();

        assertThat(new ObjectMapper().readTree(skylift.out())).isEqualTo(new ObjectMapper().readTree(FakeProviderFactory.CONNECTION_SCHEMA));
    }

    @Test
    void schemaList_asYaml() {
        assertThat(skylift.run("provider", "schema", "list", "fake", "source", "-f", "yaml")).isZero();

        assertThat(skylift.out()).isEqualTo("""
                type: object
                properties:
                  source_option:
                    type: string
                """);
    }

    @Test
    void schemaList_unknownType_namesTheTypesThereAre() {
        assertThat(skylift.run("provider", "schema", "list", "fake", "storage")).isEqualTo(ExitStatus.INVALID_INPUT.code());
        assertThat(skylift.err()).isEqualTo("skylift: unknown schema type 'storage': expected connection, source or destination\n");
    }

    @Test
    void schemaList_unknownProvider_namesTheInstalledOnes() {
        assertThat(skylift.run("provider", "schema", "list", "aws", "connection")).isEqualTo(ExitStatus.INVALID_INPUT.code());
        assertThat(skylift.err()).isEqualTo("skylift: unknown provider 'aws': known providers: bare, fake\n");
    }
}
