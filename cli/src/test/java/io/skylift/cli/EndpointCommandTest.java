package io.skylift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skylift.engine.FakeProviderFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code skylift endpoint ...} in-process against a temporary SKYLIFT_HOME and the fake provider. */
class EndpointCommandTest {

    @TempDir
    Path home;

    private InProcessSkylift skylift;

    @BeforeEach
    void skylift() {
        skylift = new InProcessSkylift(home);
    }

    private void create(String name) {
        assertThat(skylift.run("endpoint", "create", name, "--provider", "fake", "--connection", FakeProviderFactory.connectionJson(FakeProviderFactory.PASSWORD)))
                .as("stderr: %s", skylift.err()).isZero();
    }

    private String endpointNames() {
        assertThat(skylift.run("endpoint", "list", "-f", "value", "-c", "name")).isZero();
        return skylift.out();
    }

    @Test
    void create_withConnection_validatesStoresAndShowsMaskedConnection() {
        int status = skylift.run("endpoint", "create", "src", "--provider", "fake", "--description", "old cloud",
                "--connection", FakeProviderFactory.connectionJson(FakeProviderFactory.PASSWORD));

        assertThat(status).as("stderr: %s", skylift.err()).isZero();
        assertThat(skylift.err()).isEmpty();
        assertThat(skylift.out())
                .contains("| name        | src ")
                .contains("| description | old cloud ")
                .contains("auth_url=http://127.0.0.1:5000/v3, password=******, username=demo")
                .doesNotContain(FakeProviderFactory.PASSWORD);
    }

    @Test
    void create_fromNamedCloud_usesTheProvidersConfiguration() {
        assertThat(skylift.run("endpoint", "create", "src", "--provider", "fake", "--cloud", "known", "-f", "json")).isZero();

        assertThat(json().path("connection").path("username").asText()).isEqualTo("from-cloud");
    }

    @Test
    void create_fromEnvironment_readsTheInjectedEnvironment() {
        skylift.with("FAKE_AUTH_URL", "http://env:5000/v3")
                .with("FAKE_USERNAME", "env-user")
                .with("FAKE_PASSWORD", FakeProviderFactory.PASSWORD);

        assertThat(skylift.run("endpoint", "create", "src", "--provider", "fake", "--from-env", "-f", "yaml")).as("stderr: %s", skylift.err()).isZero();

        assertThat(skylift.out()).contains("username: env-user").contains("password: '******'").doesNotContain(FakeProviderFactory.PASSWORD);
    }

    @Test
    void create_fromConnectionFile_readsIt() throws Exception {
        Path file = home.resolve("src.json");
        Files.writeString(file, FakeProviderFactory.connectionJson(FakeProviderFactory.PASSWORD));

        assertThat(skylift.run("endpoint", "create", "src", "--provider", "fake", "--connection-file", file.toString())).isZero();
        assertThat(endpointNames()).isEqualTo("src\n");
    }

    @Test
    void create_missingConnectionFile_namesItAndStoresNothing() {
        Path file = home.resolve("absent.json");

        int status = skylift.run("endpoint", "create", "src", "--provider", "fake", "--connection-file", file.toString());

        assertThat(status).isEqualTo(ExitStatus.INVALID_INPUT.code());
        assertThat(skylift.err()).isEqualTo("skylift: connection file " + file + " not found\n");
        assertThat(skylift.out()).isEmpty();
        assertThat(endpointNames()).isEmpty();
    }

    @Test
    void create_malformedJson_quotesTheParserPositionButNotTheText() {
        int status = skylift.run("endpoint", "create", "src", "--provider", "fake", "--connection", "{\"password\": \"hunter2\",}");

        assertThat(status).isEqualTo(ExitStatus.INVALID_INPUT.code());
        assertThat(skylift.err())
                .startsWith("skylift: --connection is not valid JSON: Unexpected character ('}' (code 125))")
                .endsWith(" at line 1, column 24\n")
                .doesNotContain("hunter2");
        assertThat(endpointNames()).isEmpty();
    }

    @Test
    void create_jsonThatIsNotAnObject_showsAnExample() {
        assertThat(skylift.run("endpoint", "create", "src", "--provider", "fake", "--connection", "[1]")).isEqualTo(3);

        assertThat(skylift.err()).startsWith("skylift: --connection must be a JSON object, such as {\"auth_url\"");
    }

    @Test
    void create_unknownProvider_namesTheInstalledOnes() {
        int status = skylift.run("endpoint", "create", "src", "--provider", "vmware", "--connection", "{}");

        assertThat(status).isEqualTo(ExitStatus.INVALID_INPUT.code());
        assertThat(skylift.err()).isEqualTo("skylift: unknown provider 'vmware': known providers: bare, fake\n");
    }

    @Test
    void create_schemaViolation_namesTheProperty() {
        int status = skylift.run("endpoint", "create", "src", "--provider", "fake", "--connection", "{\"username\": \"demo\", \"password\": \"x\"}");

        assertThat(status).isEqualTo(ExitStatus.INVALID_INPUT.code());
        assertThat(skylift.err()).isEqualTo("skylift: connection info for endpoint src: property 'auth_url' is required"
                + " (the schema: skylift provider schema list fake connection)\n");
    }

    @Test
    void create_duplicateName_isRefusedWithTheFix() {
        create("src");

        int status = skylift.run("endpoint", "create", "src", "--provider", "fake", "--connection", FakeProviderFactory.connectionJson(FakeProviderFactory.PASSWORD));

        assertThat(status).isEqualTo(ExitStatus.INVALID_INPUT.code());
        assertThat(skylift.err()).isEqualTo("skylift: endpoint 'src' already exists: choose another name or delete it first\n");
    }

    @Test
    void create_wrongPassword_storesNothingAndSuggestsSkipping() {
        int status = skylift.run("endpoint", "create", "src", "--provider", "fake", "--connection", FakeProviderFactory.connectionJson("wrong"));

        assertThat(status).isEqualTo(ExitStatus.INVALID_INPUT.code());
        assertThat(skylift.err()).isEqualTo("skylift: endpoint 'src' not created: wrong password for user demo: check the password"
                + " (to store it without checking, add --skip-validation)\n");
        assertThat(endpointNames()).isEmpty();
    }

    @Test
    void create_unreachableCloud_isAnExternalError() {
        String connection = "{\"auth_url\": \"http://down\", \"username\": \"demo\", \"password\": \"x\"}";

        assertThat(skylift.run("endpoint", "create", "src", "--provider", "fake", "--connection", connection)).isEqualTo(ExitStatus.EXTERNAL_ERROR.code());
        assertThat(endpointNames()).isEmpty();
    }

    @Test
    void create_skipValidation_storesWithoutContactingTheCloud() {
        String connection = "{\"auth_url\": \"http://down\", \"username\": \"demo\", \"password\": \"x\"}";

        assertThat(skylift.run("endpoint", "create", "src", "--provider", "fake", "--connection", connection, "--skip-validation")).isZero();
        assertThat(endpointNames()).isEqualTo("src\n");
    }

    @Test
    void create_twoConnectionSources_isAUsageError() {
        int status = skylift.run("endpoint", "create", "src", "--provider", "fake", "--cloud", "known", "--from-env");

        assertThat(status).isEqualTo(ExitStatus.USAGE.code());
        assertThat(skylift.err()).contains("mutually exclusive");
    }

    @Test
    void create_noConnectionSource_isAUsageError() {
        assertThat(skylift.run("endpoint", "create", "src", "--provider", "fake")).isEqualTo(ExitStatus.USAGE.code());
        assertThat(skylift.err()).contains("Missing required argument");
    }

    @Test
    void list_printsATableByDefault() {
        create("src");
        create("dst");

        assertThat(skylift.run("endpoint", "list", "-c", "name", "-c", "provider")).isZero();

        assertThat(skylift.out()).isEqualTo("""
                +------+----------+
                | name | provider |
                +------+----------+
                | dst  | fake     |
                | src  | fake     |
                +------+----------+
                """);
    }

    @Test
    void list_asJson_givesEveryColumn() {
        create("src");

        assertThat(skylift.run("endpoint", "list", "-f", "json")).isZero();

        JsonNode endpoints = json();
        assertThat(endpoints.isArray()).isTrue();
        assertThat(endpoints.get(0).properties()).extracting(Map.Entry::getKey).containsExactly("id", "name", "provider", "description");
    }

    @Test
    void list_unknownColumn_namesTheColumnsThereAre() {
        assertThat(skylift.run("endpoint", "list", "-c", "password")).isEqualTo(ExitStatus.INVALID_INPUT.code());
        assertThat(skylift.err()).isEqualTo("skylift: unknown column 'password': choose from id, name, provider, description\n");
    }

    @Test
    void show_valueFormat_printsOneValueALine() {
        create("src");

        assertThat(skylift.run("endpoint", "show", "src", "-f", "value", "-c", "name", "-c", "connection")).isZero();

        assertThat(skylift.out()).isEqualTo("src\nauth_url=http://127.0.0.1:5000/v3, password=******, username=demo\n");
    }

    @Test
    void show_unknownEndpoint_isNotFound() {
        assertThat(skylift.run("endpoint", "show", "nope")).isEqualTo(ExitStatus.INVALID_INPUT.code());
        assertThat(skylift.err()).isEqualTo("skylift: endpoint 'nope' not found: see skylift endpoint list\n");
    }

    @Test
    void delete_removesIt() {
        create("src");

        assertThat(skylift.run("endpoint", "delete", "src")).isZero();
        assertThat(skylift.out()).isEmpty();
        assertThat(endpointNames()).isEmpty();
        assertThat(skylift.run("endpoint", "delete", "src")).isEqualTo(ExitStatus.INVALID_INPUT.code());
    }

    @Test
    void validate_printsWhatTheProviderFound() {
        create("src");

        assertThat(skylift.run("endpoint", "validate", "src", "-f", "json")).isZero();

        assertThat(skylift.out()).isEqualTo("""
                {
                  "endpoint" : "src",
                  "valid" : true,
                  "user" : "demo",
                  "project" : "demo"
                }
                """);
    }

    @Test
    void instanceList_printsServers() {
        create("src");

        assertThat(skylift.run("endpoint", "instance", "list", "src")).isZero();

        assertThat(skylift.out()).isEqualTo("""
                +------+------+---------+----------+
                | name | id   | status  | flavor   |
                +------+------+---------+----------+
                | web  | 1111 | ACTIVE  | m1.small |
                | db   | 2222 | SHUTOFF | m1.large |
                +------+------+---------+----------+
                """);
    }

    @Test
    void instanceList_providerWithoutInventory_isUnsupported() {
        assertThat(skylift.run("endpoint", "create", "lab", "--provider", "bare", "--connection", FakeProviderFactory.connectionJson("x"))).isZero();

        assertThat(skylift.run("endpoint", "instance", "list", "lab")).isEqualTo(ExitStatus.INVALID_INPUT.code());
        assertThat(skylift.err()).isEqualTo("skylift: endpoint 'lab' cannot list resources: provider 'bare' has no inventory capability\n");
    }

    @Test
    void homeOption_afterTheSubcommand_overridesTheEnvironment() throws Exception {
        Path other = home.resolve("other");
        create("src");

        int status = skylift.run("endpoint", "list", "-f", "value", "--home", other.toString());

        assertThat(status).as("stderr: %s", skylift.err()).isZero();
        assertThat(skylift.out()).isEmpty();
        assertThat(other.resolve("skylift.mv.db")).exists();
    }

    @Test
    void secretNeverReachesOutputsOrTheDatabaseFile() throws Exception {
        create("src");
        List<String> printed = new ArrayList<>();
        for (String format : List.of("table", "json", "yaml", "value")) {
            assertThat(skylift.run("endpoint", "show", "src", "-f", format)).isZero();
            printed.add(skylift.out() + skylift.err());
        }

        assertThat(printed).noneMatch(text -> text.contains(FakeProviderFactory.PASSWORD));
        assertThat(new String(Files.readAllBytes(home.resolve("skylift.mv.db")), StandardCharsets.ISO_8859_1))
                .contains("src")
                .doesNotContain(FakeProviderFactory.PASSWORD);
    }

    @Test
    void groupWithoutSubcommand_isAUsageError() {
        assertThat(skylift.run("endpoint")).isEqualTo(ExitStatus.USAGE.code());
        assertThat(skylift.err()).contains("Missing required subcommand");
    }

    private JsonNode json() {
        try {
            return new ObjectMapper().readTree(skylift.out());
        }
        catch (Exception e) {
            throw new AssertionError("not JSON: " + skylift.out(), e);
        }
    }
}
