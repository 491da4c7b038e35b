package io.skylift.engine.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skylift.engine.execution.ExecutionStatus;
import io.skylift.model.Resource;
import io.skylift.model.ResourceFile;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.model.Selection;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MigrationPreviewTest extends TwoClouds {

    private static final ResourceRef IMAGE = ResourceRef.parse("image:demo/base");
    private static final ResourceRef DISK = ResourceRef.parse("volume:demo/data");
    private static final ResourceRef FLAVOR = ResourceRef.parse("flavor:small");
    private static final ResourceRef APP = ResourceRef.parse("server:demo/app");
    private static final ResourceRef SUBNET = ResourceRef.parse("subnet:demo/private-subnet");
    private static final ResourceRef PORT = ResourceRef.parse("port:demo/app-port");

    @BeforeEach
    void seed() {
        origin.add(new Resource(IMAGE, Map.of(), Map.of(), Map.of("id", "base-id", "size", 3 << 20), Map.of()), MemoryCloud.bytes(3 << 20, 1));
        origin.add(new Resource(DISK, Map.of("size", 2), Map.of(), Map.of("id", "data-id"), Map.of()), MemoryCloud.bytes(5 << 20, 2));
        origin.add(new Resource(FLAVOR, Map.of("vcpus", 1), Map.of(), Map.of("id", "small-id"), Map.of()), null);
        origin.add(new Resource(APP, Map.of(), Map.of("image", List.of(IMAGE), "volumes", List.of(DISK), "flavor", List.of(FLAVOR)),
                Map.of("id", "app-id"), Map.of()), MemoryCloud.bytes(1 << 20, 3));
    }

    /** The server with its disks. */
    private MigrationOptions options(ImportOptions mapping) {
        return options(mapping, MigrationOptions.Storage.none());
    }

    private MigrationOptions options(ImportOptions mapping, MigrationOptions.Storage storage) {
        return options(Selection.of(ResourceType.SERVER, null, "app").withOptions(Map.of("save_state", true)), mapping, storage);
    }

    private MigrationOptions options(Selection selection, ImportOptions mapping) {
        return options(selection, mapping, MigrationOptions.Storage.none());
    }

    private MigrationOptions options(Selection selection, ImportOptions mapping, MigrationOptions.Storage storage) {
        return new MigrationOptions("src", "dst", new ResourceFile(List.of(selection)), mapping, MigrationOptions.FloatingIps.NEW, true,
                storage, false, directory.resolve("uuids.csv"));
    }

    /** The server as {@link #seed} has it, with more refs. */
    private void appWith(Map<String, List<ResourceRef>> refs) {
        Map<String, List<ResourceRef>> all = new java.util.LinkedHashMap<>(origin.resources.get(APP).refs());
        all.putAll(refs);
        origin.add(origin.resources.get(APP).withRefs(all), MemoryCloud.bytes(1 << 20, 3));
    }

    private static ImportOptions flavorMap(String destinationFlavor) {
        return new ImportOptions(Map.of(), Map.of("small", destinationFlavor), Map.of(), Optional.empty(), "");
    }

    /** A flavor the destination has, which a flavor map may name. */
    private void destinationFlavor(String name, int vcpus, int disk) {
        ResourceRef ref = ResourceRef.global(ResourceType.FLAVOR, name);
        destination.add(new Resource(ref, Map.of("vcpus", vcpus, "ram", 1024, "disk", disk), Map.of(), Map.of("id", name + "-id"), Map.of()), null);
        destination.existing.put(ref, name + "-id");
    }

    private static List<String> messages(MigrationPreview.Preview preview) {
        return preview.findings().stream().map(MigrationPreview.Finding::message).toList();
    }

    @Test
    void firstTime_everythingIsCreated_theBytesAreTheOrigins_andNothingIsChanged() {
        MigrationPreview.Preview preview = MigrationPreview.preview(endpoints, engine.journal, options(ImportOptions.none()));

        assertThat(preview.rows()).extracting(MigrationPreview.Row::action).containsOnly("create");
        assertThat(preview.bytes()).isEqualTo((3L << 20) + (2L << 30));
        assertThat(preview.blocks()).isFalse();
        assertThat(preview.estimate()).isEmpty();
        assertThat(destination.created).isEmpty();
        assertThat(origin.staged).isEmpty();
    }

    @Test
    void afterTheMigration_everythingIsReused_andTheTimeIsEstimatedFromWhatItMeasured() {
        engine.run(MigrationPlan.plan(endpoints, options(ImportOptions.none())).execution(), ExecutionStatus.COMPLETED);

        MigrationPreview.Preview preview = MigrationPreview.preview(endpoints, engine.journal, options(ImportOptions.none()));

        assertThat(preview.rows()).extracting(MigrationPreview.Row::action).containsOnly("reuse");
        assertThat(preview.bytesPerSecond()).isPresent();
        assertThat(preview.bytes()).isZero();
    }

    @Test
    void aMappedFlavorTheDestinationLacks_isAnError() {
        MigrationPreview.Preview preview = MigrationPreview.preview(endpoints, engine.journal, options(flavorMap("m1.tiny")));

        assertThat(preview.blocks()).isTrue();
        assertThat(preview.findings()).anySatisfy(finding -> {
            assertThat(finding.severity()).isEqualTo(MigrationPreview.Severity.ERROR);
            assertThat(finding.message()).contains("mapped to flavor m1.tiny, which the destination does not have");
        });
    }

    @Test
    void aDiskMappedToAVolumeTypeTheDestinationLacks_isAnError_namingTheMapping() {
        MigrationOptions.Storage storage = new MigrationOptions.Storage(Optional.empty(), Map.of("data-id", "platinum"));

        MigrationPreview.Preview preview = MigrationPreview.preview(endpoints, engine.journal, options(ImportOptions.none(), storage));

        assertThat(preview.blocks()).isTrue();
        assertThat(preview.findings()).anySatisfy(finding -> {
            assertThat(finding.severity()).isEqualTo(MigrationPreview.Severity.ERROR);
            assertThat(finding.resource()).isEqualTo("volume_type:platinum");
            assertThat(finding.message()).isEqualTo("--disk-storage-mapping maps 'data-id' to volume type platinum, which the destination does not have: "
                    + "map to one of its volume types (openstack volume type list)");
        });
    }

    @Test
    void aQuotaTheMigrationWouldExceed_isAnError_namingTheFix() {
        destination.add(new Resource(ResourceRef.of(ResourceType.QUOTA, "demo", "volume"), Map.of("volumes", 10, "gigabytes", 3), Map.of(),
                Map.of("id", "q-volume"), Map.of()), null);
        destination.add(new Resource(ResourceRef.parse("volume:demo/other"), Map.of("size", 2), Map.of(), Map.of("id", "other-id"), Map.of()), null);

        MigrationPreview.Preview preview = MigrationPreview.preview(endpoints, engine.journal, options(ImportOptions.none()));

        assertThat(preview.blocks()).isTrue();
        assertThat(preview.findings()).anySatisfy(finding -> assertThat(finding.message())
                .isEqualTo("the volume quota gigabytes is 3 with 2 in use, and the migration needs 2 more: raise it "
                        + "(openstack quota set --gigabytes 4 demo) or migrate fewer"));
        assertThat(preview.findings()).noneMatch(finding -> finding.message().contains("quota volumes"));
    }

    @Test
    void whatThePlanRefuses_isACriticalFinding() {
        MigrationPreview.Preview preview = MigrationPreview.preview(endpoints, engine.journal,
                options(Selection.of(ResourceType.SERVER, null, "ghost"), ImportOptions.none()));

        assertThat(preview.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(MigrationPreview.Severity.CRITICAL);
            assertThat(finding.message()).contains("server 'ghost' not found");
        });
    }

    @Test
    void checkedPlan_refusesWhatThePreviewFindsBlocking_namingEveryFinding() {
        assertThatThrownBy(() -> MigrationPreview.checkedPlan(endpoints, engine.journal, options(flavorMap("m1.tiny"))))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessage("the migration was not created: flavor:small: mapped to flavor m1.tiny, which the destination does not have: create it"
                        + " there or map to another (skylift plan shows every finding)");
    }

    @Test
    void checkedPlan_givesThePlanItChecked_whenNothingBlocks() {
        MigrationPlan.Plan plan = MigrationPreview.checkedPlan(endpoints, engine.journal, options(ImportOptions.none()));

        assertThat(plan.steps()).isEqualTo(MigrationPlan.plan(endpoints, options(ImportOptions.none())).steps());
        assertThat(destination.created).isEmpty();
    }

    @Test
    void aKeypairOfTheSameNameWithAnotherPublicKey_isAnError_namingTheOverrideAndTheRename() {
        seedKeypair();
        destination.keypairs.put("app-key", "ssh-ed25519 BBBB other");

        MigrationPreview.Preview preview = MigrationPreview.preview(endpoints, engine.journal, options(ImportOptions.none()));

        assertThat(preview.blocks()).isTrue();
        assertThat(preview.findings()).anySatisfy(finding -> {
            assertThat(finding.severity()).isEqualTo(MigrationPreview.Severity.ERROR);
            assertThat(finding.resource()).isEqualTo("keypair:alice/app-key");
            assertThat(finding.message()).startsWith("the destination has keypair app-key with another public key: give the servers that one"
                    + " instead (--destination-environment keypair=app-key) or rename this one (--destination-environment name_prefix=PREFIX");
        });
    }

    @Test
    void aKeypairOfTheSameNameAndKey_isReused_withoutAFinding() {
        seedKeypair();
        destination.keypairs.put("app-key", "ssh-ed25519 AAAA alice");

        MigrationPreview.Preview preview = MigrationPreview.preview(endpoints, engine.journal, options(ImportOptions.none()));

        assertThat(preview.blocks()).isFalse();
        assertThat(preview.rows()).filteredOn(row -> row.type().equals("keypair")).singleElement()
                .satisfies(row -> assertThat(row.action()).isEqualTo("reuse"));
    }

    private void seedKeypair() {
        ResourceRef keypair = ResourceRef.of(ResourceType.KEYPAIR, "alice", "app-key");
        origin.add(new Resource(keypair, Map.of("public_key", "ssh-ed25519 AAAA alice"), Map.of(), Map.of(), Map.of()), null);
        appWith(Map.of("keypair", List.of(keypair)));
    }

    @Test
    void aFixedIpAnotherPortTookAtTheDestination_isAnError_namingPortAddressSubnetAndFix() {
        migrateWithAPort();
        destination.created.remove(destination.idOf(PORT));
        destination.add(portAtTheDestination("demo/squatter", "squatter-id"), null);

        MigrationPreview.Preview preview = MigrationPreview.preview(endpoints, engine.journal, options(ImportOptions.none()));

        assertThat(preview.blocks()).isTrue();
        assertThat(messages(preview)).contains("port port:demo/app-port keeps its address 10.0.0.5, which port port:demo/squatter already has on subnet"
                + " subnet:demo/private-subnet (10.0.0.0/24) at the destination: free the address there (delete port:demo/squatter or give it"
                + " another), or let the destination assign new addresses (--destination-environment keep_ips=false)");
    }

    @Test
    void aFixedIpThatThePortTheMigrationReusesHas_isNoFinding() {
        migrateWithAPort();
        destination.add(portAtTheDestination("demo/app-port", destination.idOf(PORT)), null);

        MigrationPreview.Preview preview = MigrationPreview.preview(endpoints, engine.journal, options(ImportOptions.none()));

        assertThat(preview.findings()).noneMatch(finding -> finding.resource().startsWith("port:"));
        assertThat(preview.blocks()).isFalse();
    }

    /** The server on a port with a fixed IP, migrated once: the destination holds the subnet that run made. */
    private void migrateWithAPort() {
        ResourceRef network = ResourceRef.parse("network:demo/private");
        origin.add(new Resource(network, Map.of(), Map.of(), Map.of("id", "net-id"), Map.of()), null);
        origin.add(new Resource(SUBNET, Map.of("cidr", "10.0.0.0/24"), Map.of("network", List.of(network)), Map.of("id", "subnet-id"), Map.of()),
                null);
        origin.add(new Resource(PORT, Map.of("fixed_ips", List.of(Map.of("subnet", "private-subnet", "ip_address", "10.0.0.5"))),
                Map.of("network", List.of(network), "subnets", List.of(SUBNET)), Map.of("id", "port-id"), Map.of()), null);
        appWith(Map.of("ports", List.of(PORT)));
        engine.run(MigrationPlan.plan(endpoints, options(ImportOptions.none())).execution(), ExecutionStatus.COMPLETED);
        destination.add(new Resource(SUBNET, Map.of("cidr", "10.0.0.0/24"), Map.of(), Map.of("id", destination.idOf(SUBNET)), Map.of()), null);
    }

    /** A destination port with the address 10.0.0.5 on the subnet the migration made. */
    private static Resource portAtTheDestination(String name, String id) {
        return new Resource(ResourceRef.parse("port:" + name),
                Map.of("fixed_ips", List.of(Map.of("subnet", "private-subnet", "ip_address", "10.0.0.5"))), Map.of("subnets", List.of(SUBNET)),
                Map.of("id", id), Map.of());
    }

    @Test
    void anImageLargerThanTheRootDiskOfTheMappedFlavor_isAnError_namingImageSizesAndFlavor() {
        origin.add(origin.resources.get(IMAGE).withParams(Map.of("min_disk", 20)), MemoryCloud.bytes(3 << 20, 1));
        destinationFlavor("m1.small", 1, 10);

        MigrationPreview.Preview preview = MigrationPreview.preview(endpoints, engine.journal,
                options(Selection.of(ResourceType.SERVER, null, "app"), flavorMap("m1.small")));

        assertThat(preview.blocks()).isTrue();
        assertThat(messages(preview)).contains("server server:demo/app boots from image image:demo/base (size 0.003 GiB, min_disk 20 GiB),"
                + " larger than the 10 GiB root disk of flavor m1.small that it gets at the destination: map its flavor to one with a larger"
                + " root disk (--destination-environment flavor_map=small=FLAVOR)");
    }

    @Test
    void anImageWithinTheRootDiskOfTheMappedFlavor_isNoFinding() {
        origin.add(origin.resources.get(IMAGE).withParams(Map.of("min_disk", 20)), MemoryCloud.bytes(3 << 20, 1));
        destinationFlavor("m1.large", 1, 40);

        MigrationPreview.Preview preview = MigrationPreview.preview(endpoints, engine.journal,
                options(Selection.of(ResourceType.SERVER, null, "app"), flavorMap("m1.large")));

        assertThat(preview.findings()).noneMatch(finding -> finding.message().contains("root disk"));
        assertThat(preview.blocks()).isFalse();
    }

    @Test
    void aRootDiskThatMovesIntoASmallerFlavor_isAnError_namingItsSize() {
        origin.add(new Resource(FLAVOR, Map.of("vcpus", 1, "disk", 20), Map.of(), Map.of("id", "small-id"), Map.of()), null);
        destinationFlavor("m1.small", 1, 10);

        MigrationPreview.Preview preview = MigrationPreview.preview(endpoints, engine.journal, options(flavorMap("m1.small")));

        assertThat(preview.findings()).anySatisfy(finding -> {
            assertThat(finding.severity()).isEqualTo(MigrationPreview.Severity.ERROR);
            assertThat(finding.message()).startsWith("the root disk of server server:demo/app is 20 GiB (its flavor's at the origin), larger than"
                    + " the 10 GiB root disk of flavor m1.small");
        });
    }

    @Test
    void aRootDiskThatMovesWithItsOwnFlavor_isNoFinding() {
        origin.add(new Resource(FLAVOR, Map.of("vcpus", 1, "disk", 20), Map.of(), Map.of("id", "small-id"), Map.of()), null);

        MigrationPreview.Preview preview = MigrationPreview.preview(endpoints, engine.journal, options(ImportOptions.none()));

        assertThat(preview.findings()).noneMatch(finding -> finding.message().contains("root disk"));
    }

    @Test
    void aVolumeAboveTheDestinationsPerVolumeLimit_isAnError_namingTheFix() {
        destination.add(volumeQuota(1), null);

        MigrationPreview.Preview preview = MigrationPreview.preview(endpoints, engine.journal, options(ImportOptions.none()));

        assertThat(preview.blocks()).isTrue();
        assertThat(messages(preview)).contains("volume volume:demo/data is 2 GiB, and the destination's volume quota per_volume_gigabytes is 1: raise it"
                + " (openstack quota set --per-volume-gigabytes 2 demo) or leave the volume out");
    }

    @Test
    void aVolumeWithinThePerVolumeLimit_isNoFinding() {
        destination.add(volumeQuota(2), null);

        MigrationPreview.Preview preview = MigrationPreview.preview(endpoints, engine.journal, options(ImportOptions.none()));

        assertThat(preview.blocks()).isFalse();
    }

    private static Resource volumeQuota(int perVolume) {
        return new Resource(ResourceRef.of(ResourceType.QUOTA, "demo", "volume"), Map.of("volumes", 10, "gigabytes", 100, "per_volume_gigabytes", perVolume),
                Map.of(), Map.of("id", "q-volume"), Map.of());
    }

    @Test
    void coresTheDestinationsServersUse_countAgainstItsQuota() {
        destinationFlavor("m1.big", 4, 10);
        busyServerAtTheDestination("m1.big");

        MigrationPreview.Preview preview = MigrationPreview.preview(endpoints, engine.journal, options(ImportOptions.none()));

        assertThat(preview.blocks()).isTrue();
        assertThat(messages(preview)).contains("the compute quota cores is 4 with 4 in use, and the migration needs 1 more: raise it"
                + " (openstack quota set --cores 5 demo) or migrate fewer");
    }

    @Test
    void coresOfServersWhoseFlavorTheDestinationDoesNotShow_areAnAdvisory_notAnError() {
        busyServerAtTheDestination("private");

        MigrationPreview.Preview preview = MigrationPreview.preview(endpoints, engine.journal, options(ImportOptions.none()));

        assertThat(preview.blocks()).isFalse();
        assertThat(preview.findings()).anySatisfy(finding -> {
            assertThat(finding.severity()).isEqualTo(MigrationPreview.Severity.ADVISORY);
            assertThat(finding.message()).startsWith("the cores and RAM of [server:demo/busy] are not counted as in use");
        });
    }

    /** A compute quota of 4 cores, and a server of that flavor that the destination project runs already. */
    private void busyServerAtTheDestination(String flavor) {
        destination.add(new Resource(ResourceRef.of(ResourceType.QUOTA, "demo", "compute"), Map.of("instances", 10, "cores", 4, "ram", 65536),
                Map.of(), Map.of("id", "q-compute"), Map.of()), null);
        destination.add(new Resource(ResourceRef.parse("server:demo/busy"), Map.of(), Map.of("flavor", List.of(ResourceRef.global(ResourceType.FLAVOR,
                flavor))), Map.of("id", "busy-id"), Map.of()), null);
    }
}
