package io.skylift.engine.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.skylift.engine.execution.ExecutionStatus;
import io.skylift.model.Resource;
import io.skylift.model.ResourceFile;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.model.Selection;
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

    @BeforeEach
    void seed() {
        origin.add(new Resource(IMAGE, Map.of(), Map.of(), Map.of("id", "base-id", "size", 3 << 20), Map.of()), MemoryCloud.bytes(3 << 20, 1));
        origin.add(new Resource(DISK, Map.of("size", 2), Map.of(), Map.of("id", "data-id"), Map.of()), MemoryCloud.bytes(5 << 20, 2));
        origin.add(new Resource(FLAVOR, Map.of("vcpus", 1), Map.of(), Map.of("id", "small-id"), Map.of()), null);
        origin.add(new Resource(APP, Map.of(), Map.of("image", List.of(IMAGE), "volumes", List.of(DISK), "flavor", List.of(FLAVOR)),
                Map.of("id", "app-id"), Map.of()), MemoryCloud.bytes(1 << 20, 3));
    }

    private MigrationOptions options(ImportOptions mapping) {
        return options(mapping, MigrationOptions.Storage.none());
    }

    private MigrationOptions options(ImportOptions mapping, MigrationOptions.Storage storage) {
        ResourceFile selection = new ResourceFile(List.of(Selection.of(ResourceType.SERVER, null, "app").withOptions(Map.of("save_state", true))));
        return new MigrationOptions("src", "dst", selection, mapping, MigrationOptions.FloatingIps.NEW, true, storage, false,
                directory.resolve("uuids.csv"));
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
        ImportOptions mapping = new ImportOptions(Map.of(), Map.of("small", "m1.tiny"), Map.of(), Optional.empty(), "");

        MigrationPreview.Preview preview = MigrationPreview.preview(endpoints, engine.journal, options(mapping));

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
        ResourceFile ghost = new ResourceFile(List.of(Selection.of(ResourceType.SERVER, null, "ghost")));
        MigrationOptions options = new MigrationOptions("src", "dst", ghost, ImportOptions.none(), MigrationOptions.FloatingIps.NEW, true,
                MigrationOptions.Storage.none(), false, directory.resolve("uuids.csv"));

        MigrationPreview.Preview preview = MigrationPreview.preview(endpoints, engine.journal, options);

        assertThat(preview.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(MigrationPreview.Severity.CRITICAL);
            assertThat(finding.message()).contains("server 'ghost' not found");
        });
    }
}
