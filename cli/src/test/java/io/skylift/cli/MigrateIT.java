package io.skylift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.spi.Provider;
import io.skylift.spi.ResourceWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof of cloud-to-cloud migration, through bin/skylift on the real testbed: the
 * seeded servers of skylift-src (project demo) with all they use go to skylift-dst (project demo)
 * under a per-run name prefix; skylift verify passes; the source is as it was; the same migration
 * again creates nothing; one killed with kill -9 midway and resumed ends the same; bad input fails
 * with one clear line and leaves nothing behind. Then admin mode: project demo with its users, role
 * assignments and quotas, moved by the clouds' admins.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MigrateIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "mit-" + Long.toHexString(new java.security.SecureRandom().nextLong() >>> 40) + "-";
    private static final String RESUMED = PREFIX + "k-";
    private static final Pattern MIGRATION_ID = Pattern.compile("skylift: migration ([0-9a-f-]{36}):");

    @TempDir
    static Path work;

    private static SkyliftProcess skylift;
    private static Map<ResourceRef, Resource> sourceBefore;
    private static Set<ResourceRef> destinationBefore;
    private static String migration;
    /** Every row any migration here reported as created, for the clean-up; and those of the admins' migration. */
    private static final List<JsonNode> created = new ArrayList<>();
    private static final List<JsonNode> createdByAdmins = new ArrayList<>();

    @BeforeAll
    static void endpoints() throws Exception {
        skylift = new SkyliftProcess().with("SKYLIFT_HOME", work.resolve("home").toString())
                .with("OS_CLIENT_CONFIG_FILE", OpenStackCommandsIT.CLOUDS.toString()).within(Duration.ofMinutes(20));
        for (String[] endpoint : new String[][] {{"src", "skylift-src-demo"}, {"dst", "skylift-dst-demo"}, {"src-admin", "skylift-src"},
                {"dst-admin", "skylift-dst"}}) {
            ok(skylift.run("endpoint", "create", endpoint[0], "--provider", "openstack", "--cloud", endpoint[1]));
        }
        sourceBefore = ExportImportIT.inventory("skylift-src-demo");
        destinationBefore = ours(ExportImportIT.inventory("skylift-dst-demo"));
    }

    /** Deletes what the migrations made, dependents first. */
    @AfterAll
    static void deleteWhatWasMigrated() {
        delete("skylift-dst-demo", created);
        delete("skylift-dst", createdByAdmins);
    }

    private static void delete(String cloud, List<JsonNode> rows) {
        try (Provider provider = ExportImportIT.connect(cloud)) {
            ResourceWriter writer = provider.capability(ResourceWriter.class).orElseThrow();
            for (JsonNode row : rows.reversed()) {
                writer.delete(ResourceType.fromId(row.path("type").asText()), row.path("id").asText());
            }
        }
    }

    private static String[] migrate(String prefix, String... more) {
        List<String> args = new ArrayList<>(List.of("migrate", "--origin-endpoint", "src", "--destination-environment", "name_prefix=" + prefix));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static final String[] SEEDED = {"--instance", "skylift-web-1", "--instance", "skylift-db-1"};

    @Test
    @Order(1)
    void badInput_failsWithOneClearLine_andCreatesNothing() throws Exception {
        assertRefused(skylift.run(concat(migrate(PREFIX, "--destination-endpoint", "nowhere"), SEEDED)), "nowhere");
        assertRefused(skylift.run(migrate(PREFIX, "--destination-endpoint", "dst", "--instance", "skylift-ghost")), "server 'skylift-ghost' not found");
        assertRefused(skylift.run(concat(migrate(PREFIX, "--destination-endpoint", "dst", "--network-map", "skylift-nowhere=skylift-public"), SEEDED)),
                "network 'skylift-nowhere', which is not among the resources moved");
        assertRefused(skylift.run(concat(migrate(PREFIX, "--destination-endpoint", "dst", "--destination-environment", "floating_ips=maybe"), SEEDED)),
                "floating_ips must be new or skip, not 'maybe'");
        try {
            assertRefused(skylift.run(concat(migrate(PREFIX, "--destination-endpoint", expiredEndpoint()), SEEDED)),
                    "that it has not expired or been deleted");
        }
        finally {
            OpenStackCli.asCloud("skylift-dst-demo", "application", "credential", "delete", PREFIX + "expiring");
        }
        assertThat(ours(ExportImportIT.inventory("skylift-dst-demo"))).isEqualTo(destinationBefore);
    }

    @Test
    @Order(2)
    void migrate_movesTheSeededWorkload_andReportsIt() throws Exception {
        SkyliftProcess.Result result = skylift.run(concat(migrate(PREFIX, "--destination-endpoint", "dst", "--uuids", work.resolve("uuids.csv").toString(),
                "-f", "json"), SEEDED));

        ok(result);
        List<String> results = new ArrayList<>();
        long bytes = 0;
        for (JsonNode row : reported(JSON.readTree(result.stdout()), created)) {
            results.add(row.path("result").asText());
            bytes += row.path("bytes").asLong(0);
        }
        // Found: the operator's flavor, and the egress rules Neutron gives every new security group.
        assertThat(results).containsOnly("created", "found", "mapped").contains("created", "mapped");
        // The cirros image, web-1's root disk, db-1's boot volume and the 1 GiB data volume.
        assertThat(bytes).isGreaterThan(1L << 30);
        migration = migrationId(result);
        assertThat(result.stderr()).contains("skylift: migration " + migration + " completed: ").contains(" copied in 4 disks");
        List<String> uuids = Files.readAllLines(work.resolve("uuids.csv"));
        assertThat(uuids.getFirst()).isEqualTo("\"Resource Type\",\"Resource Name\",\"Old\",\"New\"");
        assertThat(uuids).hasSize(results.size() + 1);
    }

    @Test
    @Order(3)
    void verify_findsEveryResourceAndDiskAsAtTheOrigin() throws Exception {
        SkyliftProcess.Result result = skylift.run("verify", migration, "-f", "value", "-c", "name", "-c", "result");

        ok(result);
        assertThat(result.stderr()).contains("; 0 differences");
        List<String> rows = result.stdout().lines().toList();
        assertThat(rows).contains(PREFIX + "skylift-web-1\tidentical", PREFIX + "skylift-db-1\tidentical", PREFIX + "skylift-data\tidentical",
                PREFIX + "skylift-db-1-boot\tidentical", PREFIX + "skylift-web-1-port\tidentical");
        assertThat(rows).noneMatch(row -> row.endsWith("\tdiffers") || row.endsWith("\tmissing"));
        // Each disk's bytes were checked in flight against the digest the origin's Glance holds.
        List<String> disks = skylift.run("verify", migration, "-f", "value", "-c", "name", "-c", "detail").stdout().lines()
                .filter(row -> row.contains("sha256 ")).toList();
        assertThat(disks).hasSize(4).allMatch(row -> row.contains("equal in flight to the origin's own sha512"));
    }

    @Test
    @Order(4)
    void source_isAsItWas_withNoTemporaryCopyLeft() {
        Map<ResourceRef, Resource> now = ExportImportIT.inventory("skylift-src-demo");
        assertThat(now).isEqualTo(sourceBefore);
        assertThat(ExportImportIT.inventory("skylift-src").keySet()).noneMatch(ref -> ref.name().startsWith("skylift-migrate-"));
    }

    @Test
    @Order(5)
    void migrationCommands_listShowAndRefuseWhatDoesNotApply() throws Exception {
        assertThat(skylift.run("migration", "list", "-f", "value", "-c", "id").stdout()).contains(migration);
        SkyliftProcess.Result show = skylift.run("migration", "show", migration, "-f", "json");
        ok(show);
        assertThat(JSON.readTree(show.stdout()).path("status").asText()).isEqualTo("COMPLETED");
        assertRefused(skylift.run("migration", "cancel", migration), "has already ended");
    }

    @Test
    @Order(6)
    void sameMigrationAgain_createsNothing() throws Exception {
        Set<ResourceRef> before = ours(ExportImportIT.inventory("skylift-dst-demo"));

        SkyliftProcess.Result result = skylift.run(concat(migrate(PREFIX, "--destination-endpoint", "dst", "--uuids", work.resolve("again.csv").toString(),
                "-f", "json"), SEEDED));

        ok(result);
        List<String> results = new ArrayList<>();
        // What it made (only when the first migration failed) is deleted by the clean-up too.
        reported(JSON.readTree(result.stdout()), created).forEach(row -> results.add(row.path("result").asText()));
        assertThat(results).containsOnly("found", "mapped");
        assertThat(ours(ExportImportIT.inventory("skylift-dst-demo"))).isEqualTo(before);
        assertThat(result.stderr()).contains(" copied in 0 disks");
    }

    @Test
    @Order(7)
    void migrationKilledMidway_withServersShutDown_andResumed_endsTheSame_withTheServersRunningAgain() throws Exception {
        List<String> command = new ArrayList<>(List.of(SkyliftProcess.launcher().toString()));
        // With shutdown_instances: the servers are stopped when it is killed, and must run again after the resume.
        command.addAll(List.of(concat(migrate(RESUMED, "--destination-endpoint", "dst", "--uuids", work.resolve("killed.csv").toString(),
                "--source-environment", "shutdown_instances=true"), SEEDED)));
        Path log = work.resolve("killed.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(skylift.environment());
        Process first = builder.start();
        awaitLine(log, first, "import-volume:demo/skylift-data started");
        // Staging takes seconds, then the 1 GiB streams for some more: killed in the midst of it.
        TimeUnit.SECONDS.sleep(25);
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        Matcher id = MIGRATION_ID.matcher(Files.readString(log));
        assertThat(id.find()).as(Files.readString(log)).isTrue();

        ok(skylift.run("execution", "resume", id.group(1)));

        SkyliftProcess.Result show = skylift.run("migration", "show", id.group(1), "-f", "json");
        reported(JSON.readTree(show.stdout()).path("resources"), created);
        ok(skylift.run("verify", id.group(1)));
        assertThat(Files.readString(log)).contains("stop-server:demo/skylift-db-1 COMPLETED");
        assertThat(ExportImportIT.inventory("skylift-src").keySet()).noneMatch(ref -> ref.name().startsWith("skylift-migrate-"));
        assertThat(ExportImportIT.inventory("skylift-src-demo")).isEqualTo(sourceBefore);
    }

    @Test
    @Order(8)
    void adminMigration_movesAProjectWithItsUsersRoleAssignmentsAndQuotas_andGivesTheUsersNewPasswords() throws Exception {
        String prefix = PREFIX + "a-";
        assertRefused(skylift.run(migrate(prefix, "--destination-endpoint", "dst", "--project", "demo")),
                "project 'demo' not found (only an admin's endpoint reads projects and users)");
        Map<ResourceRef, Resource> sourceIdentityBefore = identity(ExportImportIT.inventory("skylift-src"));
        String[] admins = {"--origin-endpoint", "src-admin", "--destination-endpoint", "dst-admin", "--project", "demo", "--destination-environment",
            "name_prefix=" + prefix, "--uuids", work.resolve("admin.csv").toString()};

        SkyliftProcess.Result result = skylift.run(concat(new String[] {"migrate"}, concat(admins, "-f", "json")));

        ok(result);
        Map<String, String> results = new TreeMap<>();
        for (JsonNode row : reported(JSON.readTree(result.stdout()), createdByAdmins)) {
            results.put(row.path("type").asText() + " " + row.path("name").asText(), row.path("result").asText());
        }
        // The seed's demo and the admin who made it have roles on demo; new projects get the default quotas, as the origin's demo has.
        // The flavor is created unless an earlier run made it (flavors are not prefixed).
        assertThat(results).containsEntry("project " + prefix + "demo", "created").containsEntry("user " + prefix + "demo", "created")
                .containsEntry("user " + prefix + "admin", "created").containsEntry("role_assignment demo/member", "created")
                .containsEntry("role_assignment demo/reader", "created").containsEntry("role_assignment admin/admin", "created")
                .containsKeys("quota compute", "quota volume", "quota network")
                // The seed's private flavor, which only demo may use, and its access, on the prefixed project.
                .containsEntry("flavor_access skylift.private", "created").containsKey("flavor skylift.private");
        Path passwords = work.resolve("passwords.csv");
        assertThat(result.stderr()).contains("the new passwords of 2 users are in " + passwords);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwords))).isEqualTo("rw-------");
        Map<String, String> byUser = new TreeMap<>();
        Files.readAllLines(passwords).forEach(line -> byUser.put(line.substring(0, line.indexOf(',')), line.substring(line.indexOf(',') + 1)));
        assertThat(byUser).containsOnlyKeys(prefix + "demo", prefix + "admin");
        byUser.values().forEach(password -> assertThat(result.stdout() + result.stderr()).doesNotContain(password));

        // The new user signs in to its new project with the password the file holds: the role assignment holds too.
        assertThat(signIn(prefix + "demo", byUser.get(prefix + "demo"), prefix + "demo")).isZero();

        SkyliftProcess.Result verify = skylift.run("verify", migrationId(result), "-f", "value", "-c", "type", "-c", "result");
        ok(verify);
        assertThat(verify.stdout().lines()).hasSize(results.size()).allMatch(row -> row.endsWith("\tidentical"));

        SkyliftProcess.Result again = skylift.run(concat(new String[] {"migrate"}, concat(admins, "-f", "json")));
        ok(again);
        List<String> againResults = new ArrayList<>();
        JSON.readTree(again.stdout()).forEach(row -> againResults.add(row.path("result").asText()));
        assertThat(againResults).containsOnly("found");
        assertThat(Files.readAllLines(passwords)).hasSize(2);
        assertThat(identity(ExportImportIT.inventory("skylift-src"))).isEqualTo(sourceIdentityBefore);
    }

    /** The projects, users, role assignments and quotas of an inventory. */
    private static Map<ResourceRef, Resource> identity(Map<ResourceRef, Resource> inventory) {
        Set<ResourceType> types = Set.of(ResourceType.PROJECT, ResourceType.USER, ResourceType.ROLE_ASSIGNMENT, ResourceType.QUOTA);
        return inventory.entrySet().stream().filter(entry -> types.contains(entry.getKey().type()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    /** Keystone's answer to the user's password, through Debian's openstack CLI: its exit status. */
    private static int signIn(String user, String password, String project) throws Exception {
        return OpenStackCli.withVariables(Map.of("OS_AUTH_URL", authUrl("skylift-dst"), "OS_IDENTITY_API_VERSION", "3", "OS_USERNAME", user,
                "OS_PASSWORD", password, "OS_PROJECT_NAME", project, "OS_USER_DOMAIN_NAME", "Default", "OS_PROJECT_DOMAIN_NAME", "Default"),
                "token", "issue", "-f", "value", "-c", "id").exitCode();
    }

    private static String authUrl(String cloud) throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(OpenStackCommandsIT.CLOUDS.toFile()).path("clouds").path(cloud).path("auth")
                .path("auth_url").asText();
    }

    /**
     * An endpoint of the destination's demo whose application credential expires a few seconds
     * after it is made, and has expired when this returns.
     */
    private static String expiredEndpoint() throws Exception {
        String name = PREFIX + "expiring";
        Instant expiry = Instant.now().plusSeconds(60);
        JsonNode credential = JSON.readTree(OpenStackCli.asCloud("skylift-dst-demo", "application", "credential", "create", name, "--expiration",
                expiry.truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", ""), "-f", "json"));
        Path connection = work.resolve("expiring.json");
        Files.writeString(connection, JSON.writeValueAsString(Map.of("auth_url", authUrl("skylift-dst-demo"), "region_name", "RegionOne",
                "application_credential_id", credential.path("id").asText(), "application_credential_secret", credential.path("secret").asText())));
        ok(skylift.run("endpoint", "create", "dst-expiring", "--provider", "openstack", "--connection-file", connection.toString()));
        TimeUnit.MILLISECONDS.sleep(Math.max(0, Duration.between(Instant.now(), expiry).toMillis()) + 2000);
        return "dst-expiring";
    }


    private static void awaitLine(Path log, Process process, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            assertThat(process.isAlive()).as("the migration still runs (it should be killed midway): " + Files.readString(log)).isTrue();
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new AssertionError("no line '" + text + "' within 10 minutes");
    }

    /** A report's rows; those it says were created go to {@code cleanUp}, which the clean-up deletes. */
    private static List<JsonNode> reported(JsonNode rows, List<JsonNode> cleanUp) {
        List<JsonNode> all = new ArrayList<>();
        rows.forEach(all::add);
        all.stream().filter(row -> row.path("result").asText().equals("created")).forEach(cleanUp::add);
        return all;
    }

    private static String migrationId(SkyliftProcess.Result result) {
        Matcher matcher = MIGRATION_ID.matcher(result.stderr());
        assertThat(matcher.find()).as(result.stderr()).isTrue();
        return matcher.group(1);
    }

    /** The destination's resources a migration here could make: every prefixed name, and every floating IP. */
    private static Set<ResourceRef> ours(Map<ResourceRef, Resource> inventory) {
        return inventory.keySet().stream().filter(ref -> ref.type() == ResourceType.FLOATING_IP || ref.name().contains(PREFIX))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static void assertRefused(SkyliftProcess.Result result, String message) {
        assertThat(result.exitCode()).as(result.stderr()).isEqualTo(3);
        assertThat(result.stderr().strip().lines()).as(result.stderr()).hasSize(1);
        assertThat(result.stderr()).contains(message);
    }

    private static void ok(SkyliftProcess.Result result) {
        assertThat(result.exitCode()).as("stderr: %s", result.stderr()).isZero();
    }

    private static String[] concat(String[] first, String... second) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(second));
        return all.toArray(String[]::new);
    }
}
