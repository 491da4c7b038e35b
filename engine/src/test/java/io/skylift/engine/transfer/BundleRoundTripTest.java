package io.skylift.engine.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skylift.bundle.Bundle;
import io.skylift.bundle.BundleLayout;
import io.skylift.bundle.DataFile;
import io.skylift.bundle.Manifest;
import io.skylift.bundle.Sha256;
import io.skylift.engine.execution.ExecutionStatus;
import io.skylift.engine.execution.Journal;
import io.skylift.engine.execution.Task;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export and import through the real engine (H2 in memory) between two {@link MemoryCloud}s. */
class BundleRoundTripTest {

    private static final ResourceRef PUBLIC = ResourceRef.parse("network:admin/public");
    private static final ResourceRef NET = ResourceRef.parse("network:demo/net");
    private static final ResourceRef SUBNET = ResourceRef.parse("subnet:demo/subnet");
    private static final ResourceRef ROUTER = ResourceRef.parse("router:demo/router");
    private static final ResourceRef IMAGE = ResourceRef.parse("image:demo/cirros");
    private static final ResourceRef VOLUME = ResourceRef.parse("volume:demo/data");
    private static final ResourceRef EMPTY = ResourceRef.parse("volume:demo/scratch");
    private static final ResourceRef FLAVOR = ResourceRef.parse("flavor:small");
    private static final ResourceRef WEB = ResourceRef.parse("server:demo/web");

    @TempDir
    Path directory;

    private final MemoryCloud source = new MemoryCloud();
    private final MemoryCloud destination = new MemoryCloud();
    private final MemoryEndpoints endpoints = new MemoryEndpoints(Map.of("src", source, "dst", destination));
    private final EngineHarness engine = new EngineHarness(endpoints);
    private final Journal journal = engine.journal;
    private Path resourceFile;

    @BeforeEach
    void seed() throws IOException {
        source.add(new Resource(PUBLIC, Map.of("external", true), Map.of(), Map.of("id", "public-id"), Map.of()), null);
        source.add(new Resource(NET, Map.of("mtu", 1450), Map.of(), Map.of("id", "net-id"), Map.of()), null);
        source.add(new Resource(SUBNET, Map.of("cidr", "10.0.0.0/24"), Map.of("network", List.of(NET)), Map.of("id", "subnet-id"), Map.of()), null);
        source.add(new Resource(ROUTER, Map.of(), Map.of("external_network", List.of(PUBLIC)), Map.of("id", "router-id"), Map.of()), null);
        source.add(new Resource(IMAGE, Map.of("disk_format", "qcow2"), Map.of(), Map.of("id", "image-id"), Map.of()), MemoryCloud.bytes(5 << 20, 1));
        source.add(new Resource(VOLUME, Map.of("size", 1), Map.of(), Map.of("id", "volume-id"), Map.of()), MemoryCloud.bytes(9 << 20, 2));
        source.add(new Resource(EMPTY, Map.of("size", 1), Map.of(), Map.of("id", "scratch-id"), Map.of()), MemoryCloud.bytes(1 << 20, 3));
        source.add(new Resource(FLAVOR, Map.of("vcpus", 1), Map.of(), Map.of("id", "flavor-id"), Map.of()), null);
        source.add(new Resource(WEB, Map.of(), Map.of("flavor", List.of(FLAVOR), "image", List.of(IMAGE), "volumes", List.of(VOLUME, EMPTY)),
                Map.of("id", "web-id"), Map.of()), null);
        resourceFile = directory.resolve("resources.select.yaml");
        Files.writeString(resourceFile, "servers:\n- name: web\nvolumes:\n- name: data\n  save_state: true\nrouters:\n- name: router\nsubnets:\n- name: subnet\n");
        destination.existing.put(PUBLIC, "dst-public-id");
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private Path bundle() {
        return directory.resolve("bundle");
    }

    private UUID export() {
        BundleExport.Plan plan = BundleExport.plan(endpoints, "src", resourceFile, bundle(), Clock.systemUTC());
        return engine.run(plan.execution(), ExecutionStatus.COMPLETED);
    }

    private UUID importInto(ImportOptions options, ExecutionStatus expected) {
        return engine.run(ImportPlan.plan(endpoints, "dst", bundle(), options).execution(), expected);
    }

    @Test
    void export_writesEachDiskWithItsChecksum_andReleasesTheTemporaryCopies() {
        export();

        Manifest manifest = Manifest.read(bundle());
        assertThat(manifest.files()).extracting(DataFile::resource).containsExactlyInAnyOrder(IMAGE, VOLUME);
        for (DataFile file : manifest.files()) {
            file.verify(bundle());
            assertThat(file.sha256()).isEqualTo(Sha256.of(source.disks.get(file.resource())));
        }
        assertThat(source.temporaries).isEmpty();
        assertThat(Files.exists(bundle().resolve(".manifest.lock"))).isFalse();
    }

    @Test
    void exportAgain_skipsIntactFiles_andFetchesADamagedOneAgain() throws IOException {
        export();
        DataFile volume = Manifest.read(bundle()).of(VOLUME).orElseThrow();
        Files.write(volume.file(bundle()), new byte[] {1, 2, 3});
        source.staged.clear();

        UUID again = export();

        assertThat(source.staged).containsExactly(BundleExport.marker(bundle(), VOLUME));
        assertThat(journal.tasks(again).stream().filter(t -> t.type().equals("export-disk")).map(t -> t.outputs().get("skipped")))
                .containsExactlyInAnyOrder(true, false);
        Manifest.read(bundle()).of(VOLUME).orElseThrow().verify(bundle());
    }

    @Test
    void partialDownload_continuesFromItsLength_whenTheCloudHonoursRanges() throws IOException {
        writePart(VOLUME, 3 << 20);

        export();

        assertThat(source.readOffsets).contains((long) (3 << 20));
        Manifest.read(bundle()).of(VOLUME).orElseThrow().verify(bundle());
    }

    @Test
    void partialDownload_startsOver_whenTheCloudIgnoresRanges() throws IOException {
        source.honoursRanges = false;
        writePart(VOLUME, 3 << 20);

        export();

        DataFile volume = Manifest.read(bundle()).of(VOLUME).orElseThrow();
        volume.verify(bundle());
        assertThat(volume.size()).isEqualTo(9 << 20);
    }

    @Test
    void import_createsInDependencyOrder_mapsTheExternalNetwork_andWritesUuids() throws IOException {
        export();

        UUID id = importInto(ImportOptions.none(), ExecutionStatus.COMPLETED);

        assertThat(destination.createdNames()).containsExactlyInAnyOrder(NET.toString(), SUBNET.toString(), ROUTER.toString(),
                IMAGE.toString(), VOLUME.toString(), EMPTY.toString(), FLAVOR.toString(), WEB.toString());
        WriteRequestAssert.uploadedBytes(destination, IMAGE, source.disks.get(IMAGE));
        WriteRequestAssert.uploadedBytes(destination, VOLUME, source.disks.get(VOLUME));
        assertThat(destination.created.values().stream().filter(r -> r.resource().ref().equals(EMPTY)).findFirst().orElseThrow().data()).isEmpty();
        String routerGateway = destination.created.values().stream().filter(r -> r.resource().ref().equals(ROUTER)).findFirst().orElseThrow()
                .id(PUBLIC);
        assertThat(routerGateway).isEqualTo("dst-public-id");
        List<String> csv = Files.readAllLines(BundleLayout.uuids(bundle()));
        assertThat(csv.getFirst()).isEqualTo("\"Resource Type\",\"Resource Name\",\"Old\",\"New\"");
        assertThat((long) csv.size()).isEqualTo(1 + journal.tasks(id).stream().filter(t -> t.type().equals("import-resource")).count());
        assertThat(csv).contains("\"network\",\"public\",\"public-id\",\"dst-public-id\"");
    }

    @Test
    void importAgain_findsWhatTheFirstMade_andCreatesNothing() {
        export();
        importInto(ImportOptions.none(), ExecutionStatus.COMPLETED);
        int made = destination.created.size();

        UUID again = importInto(ImportOptions.none(), ExecutionStatus.COMPLETED);

        assertThat(destination.created).hasSize(made);
        assertThat(journal.tasks(again).stream().filter(t -> t.type().equals("import-resource")).map(Task::outputs).map(o -> o.get("result")))
                .containsOnly("found", "mapped");
    }

    @Test
    void importUnderANamePrefix_makesASecondCopy() {
        export();
        importInto(ImportOptions.none(), ExecutionStatus.COMPLETED);
        int made = destination.created.size();

        importInto(new ImportOptions(Map.of(), Map.of(), Map.of(), java.util.Optional.empty(), "copy-"), ExecutionStatus.COMPLETED);

        assertThat(destination.created).hasSize(made * 2);
        assertThat(destination.createdNames()).contains("network:demo/copy-net", "server:demo/copy-web");
    }

    @Test
    void quotaTooSmall_failsTheImport_andDeletesEverythingItMade() {
        export();
        destination.overQuota.add(ResourceType.SERVER);

        UUID id = importInto(ImportOptions.none(), ExecutionStatus.ERROR);

        assertThat(destination.created).isEmpty();
        assertThat(destination.deleted).hasSize(7);
        assertThat(journal.get(id).error().orElseThrow()).contains("quota of servers exceeded");
    }

    @Test
    void corruptedDataFile_isRefusedBeforeAnythingIsMade_namingBothChecksums() throws IOException {
        export();
        DataFile image = Manifest.read(bundle()).of(IMAGE).orElseThrow();
        byte[] damaged = Files.readAllBytes(image.file(bundle()));
        damaged[100] ^= 1;
        Files.write(image.file(bundle()), damaged);

        assertThatThrownBy(() -> ImportPlan.plan(endpoints, "dst", bundle(), ImportOptions.none()))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessageContaining(image.file(bundle()).toString())
                .hasMessageContaining("has SHA-256 " + Sha256.of(damaged))
                .hasMessageContaining("the manifest says " + image.sha256());
        assertThat(destination.created).isEmpty();
    }

    @Test
    void editedBundle_isImportedAsEdited_aChangedCidrARenamedNetworkADroppedServer() throws IOException {
        export();
        Path file = BundleLayout.resources(bundle());
        String yaml = Files.readString(file).replace("10.0.0.0/24", "10.99.0.0/24")
                .replace("    mtu: 1450\n", "    mtu: 1450\n  migration:\n    new_name: net-renamed\n");
        Files.writeString(file, yaml);
        Bundle edited = Bundle.read(bundle());
        new Bundle(edited.source(), edited.createdAt(), edited.resources().stream().filter(r -> !r.ref().equals(WEB)).toList()).write(bundle());

        importInto(ImportOptions.none(), ExecutionStatus.COMPLETED);

        assertThat(destination.created.values().stream().filter(r -> r.resource().ref().type() == ResourceType.SUBNET).findFirst().orElseThrow()
                .resource().params()).containsEntry("cidr", "10.99.0.0/24");
        assertThat(destination.createdNames()).contains("network:demo/net-renamed").doesNotContain(NET.toString(), WEB.toString());
    }


    @Test
    void resourceFileNamingWhatDoesNotExist_failsBeforeAnythingIsWritten() throws IOException {
        Files.writeString(resourceFile, "servers:\n- name: ghost\n");

        assertThatThrownBy(() -> BundleExport.plan(endpoints, "src", resourceFile, bundle(), Clock.systemUTC()))
                .hasMessageContaining("server 'ghost' not found");
        assertThat(Files.exists(bundle())).isFalse();
    }

    private void writePart(ResourceRef ref, int length) throws IOException {
        Path part = bundle().resolve(BundleLayout.dataPath(ref, "raw") + ".part");
        Files.createDirectories(part.getParent());
        byte[] data = source.disks.get(ref);
        Files.write(part, java.util.Arrays.copyOf(data, length));
    }
}
