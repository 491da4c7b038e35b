package io.skylift.provider.openstack.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.provider.openstack.StatusPoll;
import io.skylift.provider.openstack.client.MutableClock;
import io.skylift.spi.DiskStream;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import io.skylift.spi.StagedDisk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Staging, reading and releasing against a fake cloud that keeps Cinder's, Glance's and Nova's rules. */
class OpenStackDiskSourceTest {

    private static final String MARKER = "skylift-2f1c0f6e-data";

    private final FakeDiskCloud cloud = new FakeDiskCloud();
    /** Moves only when the code under test sleeps, so waits end at once and timeouts still come. */
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final List<Duration> waits = new ArrayList<>();
    private final OpenStackDiskSource disks = new OpenStackDiskSource(cloud, new StatusPoll(cloud, clock, duration -> {
        waits.add(duration);
        clock.advance(duration);
    }, Duration.ofSeconds(1), Duration.ofMinutes(10)));
    private JsonNode sourceVolumeBefore;

    @BeforeEach
    void seed() {
        cloud.image("raw-1", "skylift-raw", "active");
        ObjectNode data = cloud.volume("data-1", "skylift-data", "in-use", 1);
        data.withObjectProperty("metadata").put("purpose", "database files");
        data.putObject("volume_image_metadata").put("image_name", "skylift-seed-data");
        data.withArray("attachments").addObject().put("server_id", "db-1").put("device", "/dev/sdb");
        cloud.serverFromImage("web-1", "skylift-web-1", "raw-1");
        cloud.serverFromVolume("db-1", "skylift-db-1", "boot-1");
        sourceVolumeBefore = data.deepCopy();
    }

    private static Resource resource(ResourceType type, String name, String id) {
        return new Resource(ResourceRef.of(type, "demo", name), Map.of(), Map.of(), Map.of("id", id), Map.of());
    }

    private static final Resource RAW = resource(ResourceType.IMAGE, "skylift-raw", "raw-1");
    private static final Resource DATA = resource(ResourceType.VOLUME, "skylift-data", "data-1");
    private static final Resource WEB = resource(ResourceType.SERVER, "skylift-web-1", "web-1");
    private static final Resource DB = resource(ResourceType.SERVER, "skylift-db-1", "db-1");

    private void assertSourceUntouched() {
        assertThat(cloud.volumes.get("data-1")).isEqualTo(sourceVolumeBefore);
        assertThat(cloud.images).containsKey("raw-1");
        assertThat(cloud.changes).noneMatch(change -> change.contains("data-1/") || change.endsWith("/data-1") || change.endsWith("/raw-1"));
    }

    // ---- images

    @Test
    void image_active_isStagedAsItIs_withoutTemporaries() {
        StagedDisk disk = disks.stage(RAW, MARKER);

        assertThat(disk).isEqualTo(new StagedDisk("raw-1", OptionalLong.of(8), "raw", "bare"));
        assertThat(cloud.changes).isEmpty();
    }

    @Test
    void image_notActive_failsNamingTheImageAndItsStatus() {
        cloud.image("q-1", "half-uploaded", "queued");

        assertThatThrownBy(() -> disks.stage(resource(ResourceType.IMAGE, "half-uploaded", "q-1"), MARKER))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CLOUD_REJECTED))
                .hasMessageContaining("image:demo/half-uploaded (q-1) is queued").hasMessageContaining("only an active image");
    }

    // ---- volumes

    @Test
    void volume_isUploadedThroughATaggedSnapshotAndVolume_toATaggedRawImage() {
        StagedDisk disk = disks.stage(DATA, MARKER);

        assertThat(cloud.changesStarting("POST")).hasSize(4);
        JsonNode snapshot = cloud.snapshots.values().iterator().next();
        assertThat(snapshot.path("name").asText()).isEqualTo(MARKER + "-snap");
        assertThat(snapshot.path("metadata").path("skylift_marker").asText()).isEqualTo(MARKER);
        assertThat(snapshot.path("volume_id").asText()).isEqualTo("data-1");
        assertThat(cloud.changesStarting("POST /snapshots ").getFirst()).contains("\"force\":true");
        JsonNode volume = cloud.volumes.values().stream().filter(v -> !v.path("id").asText().equals("data-1")).findFirst().orElseThrow();
        assertThat(volume.path("name").asText()).isEqualTo(MARKER + "-vol");
        assertThat(volume.path("metadata").path("skylift_marker").asText()).isEqualTo(MARKER);
        assertThat(volume.path("snapshot_id").asText()).isEqualTo(snapshot.path("id").asText());
        JsonNode image = cloud.images.get(disk.id());
        assertThat(image.path("name").asText()).isEqualTo(MARKER + "-img");
        assertThat(image.path("skylift_marker").asText()).as("image property").isEqualTo(MARKER);
        assertThat(image.path("status").asText()).isEqualTo("active");
        assertThat(disk).isEqualTo(new StagedDisk(disk.id(), OptionalLong.of(1L << 30), "raw", "bare"));
        assertThat(waits).as("waited for each step").isNotEmpty();
        assertSourceUntouched();
    }

    @Test
    void volume_stagedTwiceWithOneMarker_reusesEveryTemporary() {
        StagedDisk first = disks.stage(DATA, MARKER);
        int changes = cloud.changes.size();

        StagedDisk second = disks.stage(DATA, MARKER);

        assertThat(second).isEqualTo(first);
        assertThat(cloud.changes).hasSize(changes);
        assertThat(cloud.images).hasSize(2);
        assertThat(cloud.volumes).hasSize(2);
        assertThat(cloud.snapshots).hasSize(1);
    }

    @Test
    void volume_afterACrashWhileTheSnapshotWasMade_waitsForThatSnapshot() {
        ObjectNode snapshot = cloud.snapshot("snap-old", MARKER + "-snap", "creating", "data-1", 1);
        snapshot.withObjectProperty("metadata").put("skylift_marker", MARKER);
        cloud.willGoThrough("snap-old", "creating", "creating", "available");

        disks.stage(DATA, MARKER);

        assertThat(cloud.changesStarting("POST /snapshots")).isEmpty();
        assertThat(cloud.changesStarting("POST /volumes ")).singleElement().asString().contains("\"snapshot_id\":\"snap-old\"");
        assertThat(cloud.snapshots).containsOnlyKeys("snap-old");
    }

    @Test
    void volume_afterACrashDuringTheUpload_waitsForThatImage() {
        cloud.snapshot("snap-old", MARKER + "-snap", "available", "data-1", 1).withObjectProperty("metadata").put("skylift_marker", MARKER);
        ObjectNode volume = cloud.volume("vol-old", MARKER + "-vol", "uploading", 1);
        volume.withObjectProperty("metadata").put("skylift_marker", MARKER);
        volume.put("snapshot_id", "snap-old");
        ObjectNode image = cloud.image("img-old", MARKER + "-img", "saving");
        image.put("skylift_marker", MARKER).put("size", 1L << 30);
        cloud.willGoThrough("img-old", "saving", "active");

        StagedDisk disk = disks.stage(DATA, MARKER);

        assertThat(disk.id()).isEqualTo("img-old");
        assertThat(cloud.changes).isEmpty();
    }

    @Test
    void volume_afterACrashBeforeTheUpload_uploadsTheTemporaryVolumeItFinds() {
        cloud.snapshot("snap-old", MARKER + "-snap", "available", "data-1", 1).withObjectProperty("metadata").put("skylift_marker", MARKER);
        ObjectNode volume = cloud.volume("vol-old", MARKER + "-vol", "creating", 1);
        volume.withObjectProperty("metadata").put("skylift_marker", MARKER);
        volume.put("snapshot_id", "snap-old");
        cloud.willGoThrough("vol-old", "creating", "available");

        StagedDisk disk = disks.stage(DATA, MARKER);

        assertThat(cloud.changesStarting("POST")).containsExactly(
                "POST /volumes/vol-old/action {\"os-set_image_metadata\":{\"metadata\":{\"skylift_marker\":\"" + MARKER + "\"}}}",
                "POST /volumes/vol-old/action {\"os-volume_upload_image\":{\"image_name\":\"" + MARKER + "-img\",\"disk_format\":\"raw\","
                        + "\"container_format\":\"bare\",\"visibility\":\"private\",\"force\":false}}");
        assertThat(cloud.images.get(disk.id()).path("status").asText()).isEqualTo("active");
    }

    @Test
    void volume_lookalikesWithoutTheMarker_areNeitherReusedNorReleased_evenWhenTheCloudIgnoresFilters() {
        cloud.ignoreFilters = true;
        cloud.volume("other-vol", MARKER + "-vol", "available", 1).withObjectProperty("metadata").put("skylift_marker", "someone-else");
        cloud.snapshot("other-snap", MARKER + "-snap", "available", "data-1", 1);
        cloud.image("other-img", MARKER + "-img", "active");
        cloud.image("tagged-but-renamed", "my-own-image", "active").put("skylift_marker", MARKER);

        disks.stage(DATA, MARKER);
        assertThat(cloud.changesStarting("POST /snapshots")).hasSize(1);
        assertThat(cloud.changesStarting("POST /volumes ")).singleElement().asString().doesNotContain("other-snap");

        disks.release(MARKER);

        assertThat(cloud.volumes).containsOnlyKeys("data-1", "other-vol");
        assertThat(cloud.snapshots).containsOnlyKeys("other-snap");
        assertThat(cloud.images).containsOnlyKeys("raw-1", "other-img", "tagged-but-renamed");
        assertSourceUntouched();
    }

    @Test
    void volume_twoTemporariesWithOneMarker_failAskingForARelease() {
        for (String id : List.of("vol-a", "vol-b")) {
            cloud.volume(id, MARKER + "-vol", "available", 1).withObjectProperty("metadata").put("skylift_marker", MARKER);
        }

        assertThatThrownBy(() -> disks.stage(DATA, MARKER))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_EXISTS))
                .hasMessageContaining("vol-a, vol-b").hasMessageContaining("release marker " + MARKER);
    }

    @Test
    void volume_snapshotThatFails_endsWithTheCloudsStatus() {
        cloud.snapshot("snap-bad", MARKER + "-snap", "creating", "data-1", 1).withObjectProperty("metadata").put("skylift_marker", MARKER);
        cloud.willGoThrough("snap-bad", "creating", "error");

        assertThatThrownBy(() -> disks.stage(DATA, MARKER))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CLOUD_REJECTED))
                .hasMessageContaining("volume snapshot " + MARKER + "-snap snap-bad").hasMessageContaining("went to status error")
                .hasMessageEndingWith("release marker " + MARKER + " to delete the temporaries and stage again");
    }

    @Test
    void volume_whoseTemporaryCopyFails_namesTheVolumesOtherSnapshots_butNotItsOwn() {
        cloud.snapshot("snap-users", "before-upgrade", "available", "data-1", 1);
        cloud.snapshot("snap-elsewhere", "of-another-volume", "available", "other-1", 1);
        cloud.snapshot("snap-ours", MARKER + "-snap", "available", "data-1", 1).withObjectProperty("metadata").put("skylift_marker", MARKER);
        ObjectNode volume = cloud.volume("vol-bad", MARKER + "-vol", "creating", 1);
        volume.withObjectProperty("metadata").put("skylift_marker", MARKER);
        cloud.willGoThrough("vol-bad", "creating", "error");

        assertThatThrownBy(() -> disks.stage(DATA, MARKER))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CLOUD_REJECTED))
                .hasMessageContaining("volume " + MARKER + "-vol vol-bad (temporary copy of volume volume:demo/skylift-data) went to status error")
                .hasMessageContaining("release marker " + MARKER)
                .hasMessageContaining("volume:demo/skylift-data has 1 other snapshot (before-upgrade snap-users)")
                .hasMessageEndingWith("delete it (or ask the cloud's operator) before staging again")
                .message().doesNotContain("snap-ours").doesNotContain("snap-elsewhere");
    }

    @Test
    void volume_whoseTemporaryCopyFails_withoutOtherSnapshots_endsWithTheCloudsStatus() {
        ObjectNode volume = cloud.volume("vol-bad", MARKER + "-vol", "creating", 1);
        volume.withObjectProperty("metadata").put("skylift_marker", MARKER);
        cloud.willGoThrough("vol-bad", "creating", "error");

        assertThatThrownBy(() -> disks.stage(DATA, MARKER))
                .hasMessageEndingWith("release marker " + MARKER + " to delete the temporaries and stage again");
    }

    // ---- servers

    @Test
    void server_bootedFromAnImage_isStagedThroughATaggedCreateImage() {
        StagedDisk disk = disks.stage(WEB, MARKER);

        assertThat(cloud.changesStarting("POST")).containsExactly("POST /servers/web-1/action {\"createImage\":{\"name\":\"" + MARKER
                + "\",\"metadata\":{\"skylift_marker\":\"" + MARKER + "\"}}}");
        assertThat(disk).isEqualTo(new StagedDisk(disk.id(), OptionalLong.of(5_570_560), "qcow2", "bare"));

        assertThat(disks.stage(WEB, MARKER)).isEqualTo(disk);
        assertThat(cloud.changesStarting("POST")).hasSize(1);
    }

    @Test
    void server_whoseSnapshotHoldsNoData_fails() {
        cloud.serverSnapshotSize = 0;

        assertThatThrownBy(() -> disks.stage(WEB, MARKER))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CLOUD_REJECTED))
                .hasMessageContaining("server server:demo/skylift-web-1").hasMessageContaining("holds no data");
    }

    @Test
    void server_bootedFromAVolume_isUnsupported_pointingToItsVolumes() {
        assertThatThrownBy(() -> disks.stage(DB, MARKER))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED))
                .hasMessageContaining("server:demo/skylift-db-1 (db-1) boots from a volume")
                .hasMessageContaining("export its volumes instead (boot-1)");
        assertThat(cloud.changes).isEmpty();
    }

    // ---- other types and markers

    @Test
    void otherType_isUnsupported_namingIt() {
        Resource network = resource(ResourceType.NETWORK, "skylift-net-a", "net-1");

        assertThatThrownBy(() -> disks.stage(network, MARKER))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED))
                .hasMessageContaining("network:demo/skylift-net-a").hasMessageContaining("not of a network");
    }

    @Test
    void resourceWithoutASourceId_isInvalidInput() {
        Resource bare = Resource.of(ResourceRef.of(ResourceType.VOLUME, "demo", "skylift-data"));

        assertThatThrownBy(() -> disks.stage(bare, MARKER))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessageContaining("volume:demo/skylift-data has no source id");
    }

    @Test
    void marker_tooLongOrWithControlCharacters_isInvalidInput() {
        for (String marker : List.of("m".repeat(61), "bad\nmarker", " ")) {
            assertThatThrownBy(() -> disks.release(marker))
                    .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                    .hasMessageContaining("1 to 60 printable characters");
        }
        disks.release("m".repeat(60));
    }

    // ---- release

    @Test
    void release_deletesImageThenVolumeThenSnapshot_waitingUntilEachIsGone() {
        StagedDisk disk = disks.stage(DATA, MARKER);
        String volume = cloud.volumes.keySet().stream().filter(id -> !id.equals("data-1")).findFirst().orElseThrow();
        String snapshot = cloud.snapshots.keySet().iterator().next();

        disks.release(MARKER);

        assertThat(cloud.changesStarting("DELETE")).containsExactly(
                "DELETE /v2/images/" + disk.id(), "DELETE /volumes/" + volume, "DELETE /snapshots/" + snapshot);
        assertThat(cloud.images).containsOnlyKeys("raw-1");
        assertThat(cloud.volumes).containsOnlyKeys("data-1");
        assertThat(cloud.snapshots).isEmpty();
        assertSourceUntouched();
    }

    @Test
    void release_again_orOfAMarkerWithNothing_deletesNothing() {
        disks.stage(DATA, MARKER);
        disks.release(MARKER);
        int changes = cloud.changes.size();

        disks.release(MARKER);
        disks.release("skylift-never-staged");

        assertThat(cloud.changes).hasSize(changes);
    }

    @Test
    void release_waitsForAVolumeStillUploading_andASnapshotStillBeingMade() {
        cloud.snapshot("snap-old", MARKER + "-snap", "creating", "data-1", 1).withObjectProperty("metadata").put("skylift_marker", MARKER);
        cloud.willGoThrough("snap-old", "creating", "available");
        ObjectNode volume = cloud.volume("vol-old", MARKER + "-vol", "uploading", 1);
        volume.withObjectProperty("metadata").put("skylift_marker", MARKER);
        volume.put("snapshot_id", "snap-old");
        cloud.willGoThrough("vol-old", "uploading", "uploading", "available");

        disks.release(MARKER);

        assertThat(cloud.changesStarting("DELETE")).containsExactly("DELETE /volumes/vol-old", "DELETE /snapshots/snap-old");
        assertThat(cloud.volumes).containsOnlyKeys("data-1");
        assertThat(cloud.snapshots).isEmpty();
    }

    @Test
    void release_ofAServerStaging_deletesItsImage() {
        StagedDisk disk = disks.stage(WEB, MARKER);

        disks.release(MARKER);

        assertThat(cloud.changesStarting("DELETE")).containsExactly("DELETE /v2/images/" + disk.id());
        assertThat(cloud.images).containsOnlyKeys("raw-1");
    }

    // ---- read

    @Test
    void read_fromAnOffset_saysWhereTheBodyStarts() throws IOException {
        StagedDisk disk = disks.stage(RAW, MARKER);

        try (DiskStream stream = disks.read(disk, 3)) {
            assertThat(stream.offset()).isEqualTo(3);
            assertThat(new String(stream.body().readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("DEFGH");
        }
        cloud.honourRanges = false;
        try (DiskStream stream = disks.read(disk, 3)) {
            assertThat(stream.offset()).isZero();
            assertThat(new String(stream.body().readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("ABCDEFGH");
        }
        assertThat(cloud.changesStarting("GET")).containsExactly("GET /v2/images/raw-1/file from 3", "GET /v2/images/raw-1/file from 3");
    }
}
