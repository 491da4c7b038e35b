package io.skylift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code skylift endpoint ...} in-process against a temporary SKYLIFT_HOME and the fake provider. */
class EndpointCommandTest {

    @TempDir
    Path home;

    private final Map<String, String> environment = new HashMap<>();
    private StringWriter out;
    private StringWriter err;

    private int run(String... args) {
        environment.put("SKYLIFT_HOME", home.toString());
        out = new StringWriter();
        err = new StringWriter();
        PrintWriter output = new PrintWriter(out, true);
        return Skylift.run(args, output, new PrintWriter(err, true), new Session(environment, output, FakeProviders::registry));
    }

    private void create(String name) {
        assertThat(run("endpoint", "create", name, "--provider", "fake", "--connection", FakeProviderFactory.connectionJson(FakeProviderFactory.PASSWORD)))
                .as("stderr: %s", err).isZero();
    }

    private String endpointNames() {
        assertThat(run("endpoint", "list", "-f", "value", "-c", "name")).isZero();
        return out.toString();
    }

    @Test
    void create_withConnection_validatesStoresAndShowsMaskedConnection() {
        int status = run("endpoint", "create", "src", "--provider", "fake", "--description", "old cloud",
                "--connection", FakeProviderFactory.connectionJson(FakeProviderFactory.PASSWORD));

        assertThat(status).as("stderr: %s", err).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(out.toString())
                .contains("| name        | src ")
                .contains("| description | old cloud ")
                .contains("auth_url=http://127.0.0.1:5000/v3, password=******, username=demo")
                .doesNotContain(FakeProviderFactory.PASSWORD);
    }

    @Test
    void create_fromNamedCloud_usesTheProvidersConfiguration() {
        assertThat(run("endpoint", "create", "src", "--provider", "fake", "--cloud", "known", "-f", "json")).isZero();

        assertThat(json().path("connection").path("username").asText()).isEqualTo("from-cloud");
    }

    @Test
    void create_fromEnvironment_readsTheInjectedEnvironment() {
        environment.put("FAKE_AUTH_URL", "http://env:5000/v3");
        environment.put("FAKE_USERNAME", "env-user");
        environment.put("FAKE_PASSWORD", FakeProviderFactory.PASSWORD);

        assertThat(run("endpoint", "create", "src", "--provider", "fake", "--from-env", "-f", "yaml")).as("stderr: %s", err).isZero();

        assertThat(out.toString()).contains("username: env-user").contains("password: '******'").doesNotContain(FakeProviderFactory.PASSWORD);
    }

    @Test
    void create_fromConnectionFile_readsIt() throws Exception {
        Path file = home.resolve("src.json");
        Files.writeString(file, FakeProviderFactory.connectionJson(FakeProviderFactory.PASSWORD));

        assertThat(run("endpoint", "create", "src", "--provider", "fake", "--connection-file", file.toString())).isZero();
        assertThat(endpointNames()).isEqualTo("src\n");
    }

    @Test
    void create_missingConnectionFile_namesItAndStoresNothing() {
        Path file = home.resolve("absent.json");

        int status = run("endpoint", "create", "src", "--provider", "fake", "--connection-file", file.toString());

        assertThat(status).isEqualTo(ExitStatus.INVALID_INPUT.code());
        assertThat(err.toString()).isEqualTo("skylift: connection file " + file + " not found\n");
        assertThat(out.toString()).isEmpty();
        assertThat(endpointNames()).isEmpty();
    }

    @Test
    void create_malformedJson_quotesTheParserPositionButNotTheText() {
        int status = run("endpoint", "create", "src", "--provider", "fake", "--connection", "{\"password\": \"hunter2\",}");

        assertThat(status).isEqualTo(ExitStatus.INVALID_INPUT.code());
        assertThat(err.toString())
                .startsWith("skylift: --connection is not valid JSON: Unexpected character ('}' (code 125))")
                .endsWith(" at line 1, column 24\n")
                .doesNotContain("hunter2");
        assertThat(endpointNames()).isEmpty();
    }

    @Test
    void create_jsonThatIsNotAnObject_showsAnExample() {
        assertThat(run("endpoint", "create", "src", "--provider", "fake", "--connection", "[1]")).isEqualTo(3);

        assertThat(err.toString()).startsWith("skylift: --connection must be a JSON object, such as {\"auth_url\"");
    }

    @Test
    void create_unknownProvider_namesTheInstalledOnes() {
        int status = run("endpoint", "create", "src", "--provider", "vmware", "--connection", "{}");

        assertThat(status).isEqualTo(ExitStatus.INVALID_INPUT.code());
        assertThat(err.toString()).isEqualTo("skylift: unknown provider 'vmware': known providers: bare, fake\n");
    }

    @Test
    void create_schemaViolation_namesTheProperty() {
        int status = run("endpoint", "create", "src", "--provider", "fake", "--connection", "{\"username\": \"demo\", \"password\": \"x\"}");

        assertThat(status).isEqualTo(ExitStatus.INVALID_INPUT.code());
        assertThat(err.toString()).isEqualTo("skylift: connection info for endpoint src: property 'auth_url' is required"
                + " (the schema: skylift provider schema list fake connection)\n");
    }

    @Test
    void create_duplicateName_isRefusedWithTheFix() {
        create("src");

        int status = run("endpoint", "create", "src", "--provider", "fake", "--connection", FakeProviderFactory.connectionJson(FakeProviderFactory.PASSWORD));

        assertThat(status).isEqualTo(ExitStatus.INVALID_INPUT.code());
        assertThat(err.toString()).isEqualTo("skylift: endpoint 'src' already exists: choose another name or delete it first\n");
    }

    @Test
    void create_wrongPassword_storesNothingAndSuggestsSkipping() {
        int status = run("endpoint", "create", "src", "--provider", "fake", "--connection", FakeProviderFactory.connectionJson("wrong"));

        assertThat(status).isEqualTo(ExitStatus.INVALID_INPUT.code());
        assertThat(err.toString()).isEqualTo("skylift: endpoint 'src' not created: wrong password for user demo: check the password"
                + " (to store it without checking, add --skip-validation)\n");
        assertThat(endpointNames()).isEmpty();
    }

    @Test
    void create_unreachableCloud_isAnExternalError() {
        String connection = "{\"auth_url\": \"http://down\", \"username\": \"demo\", \"password\": \"x\"}";

        assertThat(run("endpoint", "create", "src", "--provider", "fake", "--connection", connection)).isEqualTo(ExitStatus.EXTERNAL_ERROR.code());
        assertThat(endpointNames()).isEmpty();
    }

    @Test
    void create_skipValidation_storesWithoutContactingTheCloud() {
        String connection = "{\"auth_url\": \"http://down\", \"username\": \"demo\", \"password\": \"x\"}";

        assertThat(run("endpoint", "create", "src", "--provider", "fake", "--connection", connection, "--skip-validation")).isZero();
        assertThat(endpointNames()).isEqualTo("src\n");
    }

    @Test
    void create_twoConnectionSources_isAUsageError() {
        int status = run("endpoint", "create", "src", "--provider", "fake", "--cloud", "known", "--from-env");

        assertThat(status).isEqualTo(ExitStatus.USAGE.code());
        assertThat(err.toString()).contains("mutually exclusive");
    }

    @Test
    void create_noConnectionSource_isAUsageError() {
        assertThat(run("endpoint", "create", "src", "--provider", "fake")).isEqualTo(ExitStatus.USAGE.code());
        assertThat(err.toString()).contains("Missing required argument");
    }

    @Test
    void list_printsATableByDefault() {
        create("src");
        create("dst");

        assertThat(run("endpoint", "list", "-c", "name", "-c", "provider")).isZero();

        assertThat(out.toString()).isEqualTo("""
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

        assertThat(run("endpoint", "list", "-f", "json")).isZero();

        JsonNode endpoints = json();
        assertThat(endpoints.isArray()).isTrue();
        assertThat(endpoints.get(0).properties()).extracting(Map.Entry::getKey).containsExactly("id", "name", "provider", "description");
    }

    @Test
    void list_unknownColumn_namesTheColumnsThereAre() {
        assertThat(run("endpoint", "list", "-c", "password")).isEqualTo(ExitStatus.INVALID_INPUT.code());
        assertThat(err.toString()).isEqualTo("skylift: unknown column 'password': choose from id, name, provider, description\n");
    }

    @Test
    void show_valueFormat_printsOneValueALine() {
        create("src");

        assertThat(run("endpoint", "show", "src", "-f", "value", "-c", "name", "-c", "connection")).isZero();

        assertThat(out.toString()).isEqualTo("src\nauth_url=http://127.0.0.1:5000/v3, password=******, username=demo\n");
    }

    @Test
    void show_unknownEndpoint_isNotFound() {
        assertThat(run("endpoint", "show", "nope")).isEqualTo(ExitStatus.INVALID_INPUT.code());
        assertThat(err.toString()).isEqualTo("skylift: endpoint 'nope' not found: see skylift endpoint list\n");
    }

    @Test
    void delete_removesIt() {
        create("src");

        assertThat(run("endpoint", "delete", "src")).isZero();
        assertThat(out.toString()).isEmpty();
        assertThat(endpointNames()).isEmpty();
        assertThat(run("endpoint", "delete", "src")).isEqualTo(ExitStatus.INVALID_INPUT.code());
    }

    @Test
    void validate_printsWhatTheProviderFound() {
        create("src");

        assertThat(run("endpoint", "validate", "src", "-f", "json")).isZero();

        assertThat(out.toString()).isEqualTo("""
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

        assertThat(run("endpoint", "instance", "list", "src")).isZero();

        assertThat(out.toString()).isEqualTo("""
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
        assertThat(run("endpoint", "create", "lab", "--provider", "bare", "--connection", FakeProviderFactory.connectionJson("x"))).isZero();

        assertThat(run("endpoint", "instance", "list", "lab")).isEqualTo(ExitStatus.INVALID_INPUT.code());
        assertThat(err.toString()).isEqualTo("skylift: endpoint 'lab' cannot list resources: provider 'bare' has no inventory capability\n");
    }

    @Test
    void homeOption_afterTheSubcommand_overridesTheEnvironment() throws Exception {
        Path other = home.resolve("other");
        create("src");

        int status = run("endpoint", "list", "-f", "value", "--home", other.toString());

        assertThat(status).as("stderr: %s", err).isZero();
        assertThat(out.toString()).isEmpty();
        assertThat(other.resolve("skylift.mv.db")).exists();
    }

    @Test
    void secretNeverReachesOutputsOrTheDatabaseFile() throws Exception {
        create("src");
        List<String> printed = new ArrayList<>();
        for (String format : List.of("table", "json", "yaml", "value")) {
            assertThat(run("endpoint", "show", "src", "-f", format)).isZero();
            printed.add(out.toString() + err);
        }

        assertThat(printed).noneMatch(text -> text.contains(FakeProviderFactory.PASSWORD));
        assertThat(new String(Files.readAllBytes(home.resolve("skylift.mv.db")), StandardCharsets.ISO_8859_1))
                .contains("src")
                .doesNotContain(FakeProviderFactory.PASSWORD);
    }

    @Test
    void groupWithoutSubcommand_isAUsageError() {
        assertThat(run("endpoint")).isEqualTo(ExitStatus.USAGE.code());
        assertThat(err.toString()).contains("Missing required subcommand");
    }

    private JsonNode json() {
        try {
            return new ObjectMapper().readTree(out.toString());
        }
        catch (Exception e) {
            throw new AssertionError("not JSON: " + out, e);
        }
    }
}
