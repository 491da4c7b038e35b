package io.skylift.engine.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skylift.bundle.Sha256;
import io.skylift.engine.execution.ExecutionStatus;
import io.skylift.engine.execution.Task;
import io.skylift.model.Resource;
import io.skylift.model.ResourceFile;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.model.Selection;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import io.skylift.spi.WriteRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cloud-to-cloud migration through the real engine (H2 in memory) between two {@link MemoryCloud}s. */
class MigrationPlanTest extends TwoClouds {

    private static final ResourceRef EXTERNAL = ResourceRef.parse("network:admin/ext");
    private static final ResourceRef IMAGE = ResourceRef.parse("image:demo/base");
    private static final ResourceRef DISK = ResourceRef.parse("volume:demo/app-data");
    private static final ResourceRef KEY = ResourceRef.parse("keypair:demo/ops");
    private static final ResourceRef APP = ResourceRef.parse("server:demo/app");
    private static final ResourceRef IP = ResourceRef.parse("floating_ip:demo/198.51.100.7");
    private static final ResourceRef SNAPSHOT = ResourceRef.parse("image:demo/app.skylift-snapshot");
    private static final ResourceRef SCRATCH = ResourceRef.parse("volume:demo/scratch");
    private static final ResourceRef LOGS = ResourceRef.parse("volume:demo/logs");

    @BeforeEach
    void seed() {
        origin.add(new Resource(EXTERNAL, Map.of("external", true), Map.of(), Map.of("id", "ext-id"), Map.of()), null);
        origin.add(new Resource(IMAGE, Map.of(), Map.of(), Map.of("id", "base-id"), Map.of()), MemoryCloud.bytes(3 << 20, 7));
        origin.add(new Resource(DISK, Map.of("size", 1), Map.of(), Map.of("id", "app-data-id"), Map.of()), MemoryCloud.bytes(6 << 20, 8));
        origin.add(new Resource(KEY, Map.of("public_key", "ssh-ed25519 AAAA"), Map.of(), Map.of("id", "ops"), Map.of()), null);
        origin.add(new Resource(APP, Map.of(), Map.of("image", List.of(IMAGE), "volumes", List.of(DISK), "keypair", List.of(KEY)),
                Map.of("id", "app-id"), Map.of()), MemoryCloud.bytes(4 << 20, 9));
        origin.add(new Resource(IP, Map.of(), Map.of("floating_network", List.of(EXTERNAL)), Map.of("id", "ip-id"), Map.of()), null);
        destination.existing.put(EXTERNAL, "dst-ext-id");
    }

    private MigrationOptions options(ResourceFile selection, MigrationOptions.FloatingIps floatingIps) {
        return new MigrationOptions("src", "dst", selection, ImportOptions.none(), floatingIps, true, MigrationOptions.Storage.none(),
                false, directory.resolve("uuids.csv"));
    }

    private static ResourceFile instances(String... names) {
        return new ResourceFile(java.util.Arrays.stream(names)
                .map(name -> Selection.of(ResourceType.SERVER, null, name).withOptions(Map.of("save_state", true))).toList());
    }

    private UUID migrate(MigrationOptions options, ExecutionStatus expected) {
        return engine.run(MigrationPlan.plan(endpoints, options).execution(), expected);
    }

    private List<Task> imports(UUID id) {
        return engine.journal.tasks(id).stream().filter(task -> task.type().equals("import-resource")).toList();
    }

    @Test
    void instance_movesWithItsDisksStreamed_checksummed_andTheOriginsCopiesReleased() throws IOException {
        MigrationOptions options = options(instances("app"), MigrationOptions.FloatingIps.NEW);

        UUID id = migrate(options, ExecutionStatus.COMPLETED);

        assertThat(destination.createdNames()).containsExactlyInAnyOrder(IMAGE.toString(), DISK.toString(), KEY.toString(),
                SNAPSHOT.toString(), APP.toString());
        WriteRequestAssert.uploadedBytes(destination, DISK, origin.disks.get(DISK));
        WriteRequestAssert.uploadedBytes(destination, SNAPSHOT, origin.disks.get(APP));
        WriteRequestAssert.uploadedBytes(destination, IMAGE, origin.disks.get(IMAGE));
        Map<String, Object> disk = imports(id).stream().filter(task -> task.resource().orElseThrow().equals(DISK)).findFirst().orElseThrow().outputs();
        assertThat(disk).containsEntry("sha256", Sha256.of(origin.disks.get(DISK))).containsEntry("bytes", 6 << 20);
        assertThat(origin.staged).containsExactlyInAnyOrder(MigrationPlan.marker(options, IMAGE), MigrationPlan.marker(options, DISK),
                MigrationPlan.marker(options, APP));
        assertThat(origin.temporaries).isEmpty();
        assertThat(Files.readAllLines(options.uuids())).contains("\"server\",\"app\",\"app-id\",\"" + destination.idOf(APP) + "\"");
    }

    @Test
    void bytesAreCheckedInFlight_againstTheOriginsOwnDigest() {
        origin.checksums = true;

        UUID id = migrate(options(instances("app"), MigrationOptions.FloatingIps.NEW), ExecutionStatus.COMPLETED);

        assertThat(imports(id).stream().filter(task -> task.resource().orElseThrow().equals(DISK)).findFirst().orElseThrow().outputs())
                .containsEntry("origin_check", "sha512");
    }

    @Test
    void bytesThatDifferFromTheOriginsDigest_failTheMigration_andNothingIsLeft() {
        origin.checksums = true;
        origin.corruptReads = true;

        UUID id = migrate(options(instances("app"), MigrationOptions.FloatingIps.NEW), ExecutionStatus.ERROR);

        assertThat(engine.journal.get(id).error().orElseThrow()).contains("but the origin holds");
        assertThat(destination.created).isEmpty();
        assertThat(origin.temporaries).isEmpty();
    }

    @Test
    void sameMigrationAgain_createsNothing_andStagesNothing() {
        MigrationOptions options = options(instances("app"), MigrationOptions.FloatingIps.NEW);
        migrate(options, ExecutionStatus.COMPLETED);
        int made = destination.created.size();
        origin.staged.clear();

        UUID again = migrate(options, ExecutionStatus.COMPLETED);

        assertThat(destination.created).hasSize(made);
        assertThat(origin.staged).isEmpty();
        assertThat(imports(again)).extracting(task -> task.outputs().get("result")).containsOnly("found");
    }

    @Test
    void verifyOfTheSameMigrationAgain_comparesTheDisks_withTheDigestsOfTheRunThatStreamedThem() {
        MigrationOptions options = options(instances("app"), MigrationOptions.FloatingIps.NEW);
        UUID first = migrate(options, ExecutionStatus.COMPLETED);

        UUID again = migrate(options, ExecutionStatus.COMPLETED);
        MigrationVerify.Report report = MigrationVerify.verify(endpoints, engine.journal, again);

        assertThat(report.disks()).extracting(MigrationVerify.Row::name).containsExactlyInAnyOrder(IMAGE.name(), DISK.name(), SNAPSHOT.name());
        assertThat(report.disks()).allSatisfy(row -> {
            assertThat(row.result()).isEqualTo("identical");
            assertThat(row.detail()).contains("by migration " + first + ", which made it");
        });
        assertThat(report.disks()).filteredOn(row -> row.name().equals(DISK.name())).singleElement()
                .satisfies(row -> assertThat(row.detail()).startsWith("sha256 " + Sha256.of(origin.disks.get(DISK)) + " of " + (6 << 20) + " bytes"));
        assertThat(report.failures()).isZero();
    }

    @Test
    void verifyOfTheSameMigrationAgain_whenTheJournalNoLongerHoldsTheRunThatStreamed_saysPerDiskWhyItIsNotCompared() {
        MigrationOptions options = options(instances("app"), MigrationOptions.FloatingIps.NEW);
        UUID first = migrate(options, ExecutionStatus.COMPLETED);
        UUID again = migrate(options, ExecutionStatus.COMPLETED);
        engine.journal.delete(first);

        MigrationVerify.Report report = MigrationVerify.verify(endpoints, engine.journal, again);

        assertThat(report.disks()).hasSize(3).allSatisfy(row -> {
            assertThat(row.result()).isEqualTo("not compared");
            assertThat(row.detail()).contains("not streamed by this run, and no migration in this journal streamed it")
                    .contains("to compare it, delete " + row.type() + " " + row.name() + " at the destination and run the migration again");
            assertThat(row.failed()).isFalse();
            assertThat(row.holds()).isFalse();
        });
    }

    @Test
    void floatingIps_areMadeWithANewAddress_orSkipped() throws IOException {
        Files.writeString(directory.resolve("select.yaml"), "floating_ips:\n- name: 198.51.100.7\n");
        ResourceFile file = ResourceFile.read(directory.resolve("select.yaml"));

        migrate(options(file, MigrationOptions.FloatingIps.SKIP), ExecutionStatus.COMPLETED);
        assertThat(destination.createdNames()).isEmpty();

        migrate(options(file, MigrationOptions.FloatingIps.NEW), ExecutionStatus.COMPLETED);
        assertThat(destination.createdNames()).containsExactly(IP.toString());
    }

    @Test
    void failure_deletesWhatTheMigrationMade_andReleasesTheOriginsCopies() {
        destination.overQuota.add(ResourceType.SERVER);

        UUID id = migrate(options(instances("app"), MigrationOptions.FloatingIps.NEW), ExecutionStatus.ERROR);

        assertThat(destination.created).isEmpty();
        assertThat(origin.temporaries).isEmpty();
        assertThat(engine.journal.get(id).error().orElseThrow()).contains("quota of servers exceeded");
    }

    @Test
    void keepIpsFalse_leavesAddressesToTheDestination_andTheDefaultStorage_takesEveryUnmappedType() throws IOException {
        ResourceRef net = ResourceRef.parse("network:demo/lan");
        ResourceRef port = ResourceRef.parse("port:demo/app-port");
        ResourceRef fast = ResourceRef.global(ResourceType.VOLUME_TYPE, "fast");
        origin.add(new Resource(net, Map.of(), Map.of(), Map.of("id", "lan-id"), Map.of()), null);
        origin.add(new Resource(port, Map.of("mac_address", "fa:16:3e:00:00:01", "fixed_ips", List.of(Map.of("subnet", "lan-v4", "ip_address", "10.0.0.5"))),
                Map.of("network", List.of(net)), Map.of("id", "port-id"), Map.of()), null);
        origin.add(new Resource(fast, Map.of(), Map.of(), Map.of("id", "fast-id"), Map.of()), null);
        origin.add(new Resource(SCRATCH, Map.of("size", 1), Map.of("volume_type", List.of(fast)), Map.of("id", "scratch-id"), Map.of()), null);
        destination.existing.put(ResourceRef.global(ResourceType.VOLUME_TYPE, "ssd"), "ssd-id");
        Files.writeString(directory.resolve("select.yaml"), "ports:\n- name: app-port\nvolumes:\n- name: scratch\n");
        MigrationOptions options = new MigrationOptions("src", "dst", ResourceFile.read(directory.resolve("select.yaml")), ImportOptions.none(),
                MigrationOptions.FloatingIps.NEW, false, new MigrationOptions.Storage(Optional.of("ssd"), Map.of()), false, directory.resolve("uuids.csv"));

        migrate(options, ExecutionStatus.COMPLETED);

        Resource made = destination.created.get(destination.idOf(port)).resource();
        assertThat(made.params()).doesNotContainKey("mac_address").containsEntry("fixed_ips", List.of(Map.of("subnet", "lan-v4")));
        assertThat(destination.created.get(destination.idOf(SCRATCH)).id(fast)).isEqualTo("ssd-id");
    }

    /** Volumes {@code scratch} (type {@code fast}) and {@code logs} (type {@code slow}), {@code slow} mapped to {@code ssd}, and the disk map given. */
    private MigrationOptions twoVolumes(Map<String, String> byDisk) throws IOException {
        ResourceRef fast = ResourceRef.global(ResourceType.VOLUME_TYPE, "fast");
        ResourceRef slow = ResourceRef.global(ResourceType.VOLUME_TYPE, "slow");
        origin.add(new Resource(fast, Map.of(), Map.of(), Map.of("id", "fast-id"), Map.of()), null);
        origin.add(new Resource(slow, Map.of(), Map.of(), Map.of("id", "slow-id"), Map.of()), null);
        origin.add(new Resource(SCRATCH, Map.of("size", 1), Map.of("volume_type", List.of(fast)), Map.of("id", "scratch-id"), Map.of()), null);
        origin.add(new Resource(LOGS, Map.of("size", 1), Map.of("volume_type", List.of(slow)), Map.of("id", "logs-id"), Map.of()), null);
        destination.existing.put(ResourceRef.global(ResourceType.VOLUME_TYPE, "ssd"), "ssd-id");
        destination.existing.put(ResourceRef.global(ResourceType.VOLUME_TYPE, "gold"), "gold-id");
        Files.writeString(directory.resolve("select.yaml"), "volumes:\n- name: scratch\n- name: logs\n");
        ImportOptions mapping = new ImportOptions(Map.of(), Map.of(), Map.of("slow", "ssd"), Optional.empty(), "");
        return new MigrationOptions("src", "dst", ResourceFile.read(directory.resolve("select.yaml")), mapping, MigrationOptions.FloatingIps.NEW, true,
                new MigrationOptions.Storage(Optional.empty(), byDisk), false, directory.resolve("uuids.csv"));
    }

    /** The id of the volume type the destination made {@code volume} with. */
    private String volumeTypeOf(ResourceRef volume) {
        WriteRequest request = destination.created.get(destination.idOf(volume));
        return request.id(request.resource().refs().get("volume_type").getFirst());
    }

    @Test
    void diskStorageMapping_createsThatVolumeWithItsType_whileAnotherKeepsTheTypeMapping() throws IOException {
        migrate(twoVolumes(Map.of("scratch", "gold")), ExecutionStatus.COMPLETED);

        assertThat(volumeTypeOf(SCRATCH)).isEqualTo("gold-id");
        assertThat(volumeTypeOf(LOGS)).isEqualTo("ssd-id");
    }

    @Test
    void diskStorageMapping_byProjectNameOrId_leavesOutTheSourceTypeNoOtherVolumeUses() throws IOException {
        MigrationPlan.Plan plan = MigrationPlan.plan(endpoints, twoVolumes(Map.of("demo/scratch", "gold", "logs-id", "gold")));

        assertThat(plan.steps()).extracting(step -> step.target().toString()).containsOnlyOnce("volume_type:gold").doesNotContain("volume_type:fast",
                "volume_type:ssd");
    }

    @Test
    void diskStorageMapping_namingNoSelectedVolume_isRefused_namingItAndTheFix_andNothingIsCreated() throws IOException {
        MigrationOptions options = twoVolumes(Map.of("scratch", "gold", "ghost", "gold"));

        assertThatThrownBy(() -> MigrationPlan.plan(endpoints, options))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessage("--disk-storage-mapping names disk 'ghost', which is no volume this migration moves (it moves demo/logs, demo/scratch): "
                        + "name a volume by its name, project/name or id, as skylift query lists it");
        assertThat(destination.created).isEmpty();
        assertThat(origin.staged).isEmpty();
    }

    private MigrationOptions shutdown() {
        return new MigrationOptions("src", "dst", instances("app"), ImportOptions.none(), MigrationOptions.FloatingIps.NEW, true,
                MigrationOptions.Storage.none(), true, directory.resolve("uuids.csv"));
    }

    @Test
    void shutdownInstances_stopsARunningServerBeforeItsDisksAreStaged_andStartsItAfter() {
        origin.running.put("app-id", true);

        migrate(shutdown(), ExecutionStatus.COMPLETED);

        List<String> actions = origin.actions;
        assertThat(actions).contains("stop app-id", "start app-id");
        assertThat(actions.indexOf("stop app-id")).isLessThan(actions.indexOf("stage " + APP)).isLessThan(actions.indexOf("stage " + DISK));
        assertThat(actions.indexOf("start app-id")).isGreaterThan(actions.indexOf("stage " + APP)).isGreaterThan(actions.indexOf("stage " + DISK));
        assertThat(origin.running).containsEntry("app-id", true);
    }

    @Test
    void shutdownInstances_leavesAStoppedServerStopped() {
        origin.running.put("app-id", false);

        migrate(shutdown(), ExecutionStatus.COMPLETED);

        assertThat(origin.actions).noneMatch(action -> action.startsWith("stop ") || action.startsWith("start "));
    }

    @Test
    void shutdownInstances_startsTheServerAgain_whenTheMigrationFails() {
        origin.running.put("app-id", true);
        destination.overQuota.add(ResourceType.SERVER);

        migrate(shutdown(), ExecutionStatus.ERROR);

        assertThat(origin.actions).contains("stop app-id");
        assertThat(origin.running).containsEntry("app-id", true);
        assertThat(origin.temporaries).isEmpty();
    }

    @Test
    void instanceThatMatchesNothing_isRefusedBeforeAnythingIsStaged() {
        assertThatThrownBy(() -> MigrationPlan.plan(endpoints, options(instances("ghost"), MigrationOptions.FloatingIps.NEW)))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
                .hasMessageContaining("server 'ghost' not found");
        assertThat(origin.staged).isEmpty();
    }

    @Test
    void unknownEndpoint_isRefused_naming_it() {
        MigrationOptions options = new MigrationOptions("src", "nowhere", instances("app"), ImportOptions.none(), MigrationOptions.FloatingIps.NEW,
                true, MigrationOptions.Storage.none(), false, directory.resolve("uuids.csv"));

        assertThatThrownBy(() -> MigrationPlan.plan(endpoints, options)).hasMessageContaining("nowhere");
        assertThat(origin.staged).isEmpty();
    }
}
