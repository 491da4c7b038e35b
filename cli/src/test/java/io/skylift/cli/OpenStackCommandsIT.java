package io.skylift.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.skylift.model.ResourceFile;
import io.skylift.model.ResourceType;
import io.skylift.model.Selection;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The endpoint, provider and query commands through bin/skylift against the real testbed
 * (testbed/up, testbed/seed). A testbed that does not answer fails these tests: never a skip.
 */
class OpenStackCommandsIT {

    static final Path CLOUDS = Path.of(System.getenv().getOrDefault("SKYLIFT_TESTBED_CLOUDS", "/var/lib/skylift-testbed/clouds.yaml"));

    @TempDir
    Path home;

    @TempDir
    Path work;

    private SkyliftProcess skylift;

    @BeforeAll
    static void testbedAnswers() throws Exception {
        if (!Files.isReadable(CLOUDS)) {
            fail("no testbed clouds.yaml at " + CLOUDS + ": run testbed/up and testbed/seed (or set SKYLIFT_TESTBED_CLOUDS)");
        }
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:5000/v3")).build(), HttpResponse.BodyHandlers.discarding());
        }
        catch (IOException e) {
            fail("the testbed's Keystone at http://127.0.0.1:5000/v3 does not answer (" + e + "): run testbed/up");
        }
    }

    @BeforeEach
    void process() {
        skylift = new SkyliftProcess().with("SKYLIFT_HOME", home.toString()).with("OS_CLIENT_CONFIG_FILE", CLOUDS.toString());
    }

    private void endpoint(String name, String cloud) throws Exception {
        SkyliftProcess.Result created = skylift.run("endpoint", "create", name, "--provider", "openstack", "--cloud", cloud);
        assertThat(created.exitCode()).as("endpoint create: %s", created.stderr()).isZero();
    }

    @Test
    void providerList_showsOpenstackWithInventory() throws Exception {
        SkyliftProcess.Result result = skylift.run("provider", "list", "-f", "value");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("openstack").contains("inventory");
    }

    @Test
    void providerSchema_connection_marksThePasswordWriteOnly() throws Exception {
        SkyliftProcess.Result result = skylift.run("provider", "schema", "list", "openstack", "connection");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("\"auth_url\"").contains("\"writeOnly\"");
    }

    @Test
    void endpointValidate_fromCloudsYaml_reportsUserAndProject() throws Exception {
        endpoint("src", "skylift-src-demo");

        SkyliftProcess.Result result = skylift.run("endpoint", "validate", "src", "-f", "json");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("\"valid\" : true").contains("demo");
    }

    @Test
    void instanceList_showsTheSeededServersWithTheirFlavor() throws Exception {
        endpoint("src", "skylift-src-demo");

        SkyliftProcess.Result result = skylift.run("endpoint", "instance", "list", "src", "-f", "value", "-c", "name", "-c", "status", "-c", "flavor");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout().lines().sorted().toList())
                .containsExactly("skylift-db-1\tACTIVE\tskylift.small", "skylift-web-1\tACTIVE\tskylift.small");
    }

    @Test
    void query_filters_writeTheMatchesAndExtendTheFile() throws Exception {
        endpoint("src", "skylift-src-demo");
        Path file = work.resolve("resources.yaml");

        assertThat(skylift.run("query", "--endpoint", "src", "--server-name", "*web*", "--save-state", file.toString()).exitCode()).isZero();
        assertThat(ResourceFile.read(file).selections())
                .containsExactly(new Selection(ResourceType.SERVER, "demo", "skylift-web-1", Map.of("save_state", true)));

        SkyliftProcess.Result more = skylift.run("query", "--endpoint", "src", "--server-flavor", "skylift.*",
                "--image-name", "skylift-*", "--volume-name", "*data*", "-f", "value", file.toString());

        assertThat(more.exitCode()).as(more.stderr()).isZero();
        // Sections are written in type order; within one, entries already there come first.
        assertThat(ResourceFile.read(file).selections()).containsExactly(
                Selection.of(ResourceType.IMAGE, "demo", "skylift-cirros-qcow2"),
                Selection.of(ResourceType.IMAGE, "demo", "skylift-raw"),
                Selection.of(ResourceType.VOLUME, "demo", "skylift-data"),
                new Selection(ResourceType.SERVER, "demo", "skylift-web-1", Map.of("save_state", true)),
                Selection.of(ResourceType.SERVER, "demo", "skylift-db-1"));
        assertThat(more.stdout()).contains("server\tdemo\tskylift-web-1\talready in file").contains("volume\tdemo\tskylift-data\tadded");
    }

    @Test
    void wrongPassword_oneLineNonZeroAndNothingStored() throws Exception {
        Path clouds = cloudsYaml("demo", "not-the-password", "http://127.0.0.1:5000/v3");

        SkyliftProcess.Result result = skylift.with("OS_CLIENT_CONFIG_FILE", clouds.toString())
                .run("endpoint", "create", "src", "--provider", "openstack", "--cloud", "other");

        assertThat(result.exitCode()).isEqualTo(ExitStatus.INVALID_INPUT.code());
        assertThat(result.stderr().lines()).hasSize(1).first().asString().startsWith("skylift: ").contains("demo").contains("password");
        assertThat(result.stderr()).doesNotContain("not-the-password");
        assertThat(skylift.run("endpoint", "list", "-f", "value").stdout()).isEmpty();
    }

    @Test
    void unreachableUrl_isAnExternalErrorAndNothingStored() throws Exception {
        Path clouds = cloudsYaml("demo", "testbed", "http://127.0.0.1:1/v3");

        SkyliftProcess.Result result = skylift.with("OS_CLIENT_CONFIG_FILE", clouds.toString())
                .run("endpoint", "create", "src", "--provider", "openstack", "--cloud", "other");

        assertThat(result.exitCode()).isEqualTo(ExitStatus.EXTERNAL_ERROR.code());
        assertThat(result.stderr().lines()).hasSize(1).first().asString().contains("127.0.0.1:1");
        assertThat(skylift.run("endpoint", "list", "-f", "value").stdout()).isEmpty();
    }

    @Test
    void unknownCloud_namesTheFileAndTheCloudsInIt() throws Exception {
        SkyliftProcess.Result result = skylift.run("endpoint", "create", "src", "--provider", "openstack", "--cloud", "no-such-cloud");

        assertThat(result.exitCode()).isEqualTo(ExitStatus.INVALID_INPUT.code());
        assertThat(result.stderr().lines()).hasSize(1).first().asString()
                .contains("no-such-cloud").contains(CLOUDS.toString()).contains("skylift-src");
    }

    @Test
    void unknownProvider_namesTheInstalledOnes() throws Exception {
        SkyliftProcess.Result result = skylift.run("endpoint", "create", "src", "--provider", "vmware", "--cloud", "skylift-src");

        assertThat(result.exitCode()).isEqualTo(ExitStatus.INVALID_INPUT.code());
        assertThat(result.stderr().lines()).hasSize(1).first().asString().contains("vmware").contains("openstack");
    }

    @Test
    void malformedResourceFile_isRefusedAndLeftAsItWas() throws Exception {
        endpoint("src", "skylift-src-demo");
        Path file = work.resolve("resources.yaml");
        Files.writeString(file, "servers:\n  - name: a\n - name: b\n");

        SkyliftProcess.Result result = skylift.run("query", "--endpoint", "src", "--server-name", "*", file.toString());

        assertThat(result.exitCode()).isEqualTo(ExitStatus.INVALID_INPUT.code());
        assertThat(result.stderr().lines()).hasSize(1).first().asString().contains(file.toString()).contains("line 3");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("servers:\n  - name: a\n - name: b\n");
    }

    /**
     * A user with a random password, so finding those bytes anywhere means it leaked: not in
     * the database or any other file under the home, not in any output, with debug logging on.
     */
    @Test
    void secret_neverInTheDatabaseFilesOrLogs() throws Exception {
        String user = "skylift-it-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        openstack("user", "create", "--domain", "Default", "--password", password, user);
        try {
            openstack("role", "add", "--project", "demo", "--user", user, "member");
            skylift.with("OS_CLIENT_CONFIG_FILE", cloudsYaml(user, password, "http://127.0.0.1:5000/v3").toString())
                    .with("SKYLIFT_LOG_LEVEL", "DEBUG");
            StringBuilder outputs = new StringBuilder();
            for (List<String> command : List.of(
                    List.of("endpoint", "create", "it", "--provider", "openstack", "--cloud", "other"),
                    List.of("endpoint", "show", "it", "-f", "json"),
                    List.of("endpoint", "validate", "it"),
                    List.of("endpoint", "instance", "list", "it"))) {
                SkyliftProcess.Result result = skylift.run(command.toArray(String[]::new));
                assertThat(result.exitCode()).as("%s: %s", command, result.stderr()).isZero();
                outputs.append(result.stdout()).append(result.stderr());
            }
            assertThat(outputs.toString()).contains("******").doesNotContain(password);
            try (Stream<Path> files = Files.walk(home)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as("%s", file).doesNotContain(password);
                }
            }
        }
        finally {
            openstack("user", "delete", user);
        }
    }

    private Path cloudsYaml(String user, String password, String authUrl) throws IOException {
        Path clouds = work.resolve("clouds-" + user + ".yaml");
        Files.writeString(clouds, """
                clouds:
                  other:
                    auth:
                      auth_url: %s
                      username: %s
                      password: %s
                      project_name: demo
                      user_domain_name: Default
                      project_domain_name: Default
                    region_name: RegionOne
                """.formatted(authUrl, user, password));
        return clouds;
    }

    /** Test set-up through Debian's openstack CLI as the testbed's admin. */
    private static void openstack(String... args) throws Exception {
        OpenStackCli.asCloud("skylift-src", args);
    }
}
