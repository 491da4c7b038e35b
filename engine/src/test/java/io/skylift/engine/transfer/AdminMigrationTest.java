package io.skylift.engine.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.skylift.engine.execution.ExecutionStatus;
import io.skylift.engine.execution.Task;
import io.skylift.model.Resource;
import io.skylift.model.ResourceFile;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.model.Selection;
import io.skylift.spi.WriteRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A project migrated by admins: it arrives with its users, their role assignments, its quotas and
 * its accesses to private flavors (with those flavors), under the name prefix.
 */
class AdminMigrationTest extends TwoClouds {

    private static final ResourceRef PROJECT = ResourceRef.parse("project:demo");
    private static final ResourceRef ALICE = ResourceRef.parse("user:alice");
    private static final ResourceRef MEMBER = ResourceRef.parse("role_assignment:demo/alice/member");
    private static final ResourceRef QUOTA = ResourceRef.parse("quota:demo/compute");
    private static final ResourceRef OTHER = ResourceRef.parse("project:other");
    private static final ResourceRef FLAVOR = ResourceRef.parse("flavor:private");
    private static final ResourceRef ACCESS = ResourceRef.parse("flavor_access:demo/private");

    @BeforeEach
    void seed() {
        origin.add(new Resource(PROJECT, Map.of("description", "the demo"), Map.of(), Map.of("id", "demo-id"), Map.of()), null);
        origin.add(new Resource(OTHER, Map.of(), Map.of(), Map.of("id", "other-id"), Map.of()), null);
        origin.add(new Resource(ALICE, Map.of("enabled", true), Map.of("default_project", List.of(PROJECT)), Map.of("id", "alice-id"), Map.of()),
                null);
        origin.add(new Resource(MEMBER, Map.of("role", "member"), Map.of("project", List.of(PROJECT), "user", List.of(ALICE)), Map.of(), Map.of()),
                null);
        origin.add(new Resource(QUOTA, Map.of("cores", 40), Map.of("project", List.of(PROJECT)), Map.of("project_id", "demo-id"), Map.of()), null);
        origin.add(new Resource(FLAVOR, Map.of("vcpus", 1, "ram", 512, "disk", 1, "is_public", false), Map.of(), Map.of("id", "flavor-id"),
                Map.of()), null);
        origin.add(new Resource(ACCESS, Map.of(), Map.of("flavor", List.of(FLAVOR), "project", List.of(PROJECT)),
                Map.of("id", "flavor-id/demo-id"), Map.of()), null);
        origin.add(new Resource(ResourceRef.parse("flavor_access:other/private"), Map.of(),
                Map.of("flavor", List.of(FLAVOR), "project", List.of(OTHER)), Map.of("id", "flavor-id/other-id"), Map.of()), null);
    }

    private MigrationOptions options() {
        ImportOptions prefixed = new ImportOptions(Map.of(), Map.of(), Map.of(), Optional.empty(), "new-");
        return new MigrationOptions("src", "dst", new ResourceFile(List.of(Selection.of(ResourceType.PROJECT, null, "demo"))), prefixed,
                MigrationOptions.FloatingIps.NEW, true, MigrationOptions.Storage.none(), false, directory.resolve("uuids.csv"));
    }

    private UUID migrate() {
        return engine.run(MigrationPlan.plan(endpoints, options()).execution(), ExecutionStatus.COMPLETED);
    }

    private WriteRequest created(ResourceRef target) {
        return destination.created.values().stream().filter(request -> request.resource().ref().equals(target)).findFirst()
                .orElseThrow(() -> new AssertionError(target + " was not created"));
    }

    @Test
    void project_arrivesWithItsUserRoleAssignmentQuotaAndFlavorAccess_underThePrefix_andNotTheOtherProject() {
        migrate();

        assertThat(destination.createdNames()).containsExactlyInAnyOrder("project:new-demo", "user:new-alice",
                "role_assignment:demo/alice/member", "quota:demo/compute", "flavor:private", "flavor_access:demo/private");
        String project = destination.idOf(ResourceRef.parse("project:new-demo"));
        assertThat(created(ResourceRef.parse("quota:demo/compute")).ids()).containsEntry(PROJECT, project);
        assertThat(created(MEMBER).ids()).containsEntry(PROJECT, project)
                .containsEntry(ALICE, destination.idOf(ResourceRef.parse("user:new-alice")));
        assertThat(created(ACCESS).ids()).containsEntry(PROJECT, project).containsEntry(FLAVOR, destination.idOf(FLAVOR));
    }

    @Test
    void newUser_getsARandomPassword_writtenOnlyToAnOwnerOnlyFile() throws IOException {
        UUID id = migrate();

        Path passwords = directory.resolve("passwords.csv");
        List<String> lines = Files.readAllLines(passwords);
        assertThat(lines).hasSize(1).first().asString().startsWith("new-alice,");
        String password = lines.getFirst().substring("new-alice,".length());
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(created(ResourceRef.parse("user:new-alice")).resource().params()).containsEntry("password", password);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwords))).isEqualTo("rw-------");
        for (Task task : engine.journal.tasks(id)) {
            assertThat(task.inputs().toString() + task.outputs()).doesNotContain(password);
        }
        assertThat(engine.journal.tasks(id)).filteredOn(task -> task.resource().equals(Optional.of(ALICE)))
                .extracting(task -> task.outputs().get("passwords")).containsExactly(passwords.toString());
    }

    @Test
    void sameMigrationAgain_findsTheUser_andLeavesItsPasswordAsItIs() throws IOException {
        migrate();
        List<String> first = Files.readAllLines(directory.resolve("passwords.csv"));

        UUID again = migrate();

        assertThat(engine.journal.tasks(again)).filteredOn(task -> task.type().equals(ImportResourceHandler.TYPE))
                .extracting(task -> task.outputs().get("result")).containsOnly("found");
        assertThat(Files.readAllLines(directory.resolve("passwords.csv"))).isEqualTo(first);
    }
}
