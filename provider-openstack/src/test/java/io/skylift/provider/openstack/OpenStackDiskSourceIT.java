package io.skylift.provider.openstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.provider.openstack.client.OpenStackClient;
import io.skylift.spi.DiskSource;
import io.skylift.spi.DiskStream;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.Inventory;
import io.skylift.spi.Provider;
import io.skylift.spi.SkyliftException;
import io.skylift.spi.StagedDisk;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads the seeded disks of skylift-src as user demo: the image as it is, the attached volume
 * through a temporary snapshot, volume and image, the server through createImage. Staging twice
 * under one marker makes one set of temporaries; releasing leaves none, and the source as it was.
 */
class OpenStackDiskSourceIT {

    private static final String KEY = "skylift_marker";
    private static final long MIB = 1L << 20;

    private static final String RUN = "skylift-it-" + UUID.randomUUID().toString().substring(0, 8);
    private static final List<String> MARKERS = new ArrayList<>();

    private static Provider provider;
    private static OpenStackClient client;
    private static DiskSource disks;
    private static Map<ResourceRef, Resource> demo;

    @BeforeAll
    static void connect() {
        provider = Testbed.factory().connect(Testbed.connection("skylift-src-demo"));
        client = ((OpenStackProvider) provider).client();
        disks = provider.capability(DiskSource.class).orElseThrow();
        demo = provider.capability(Inventory.class).orElseThrow()
                .read(EnumSet.of(ResourceType.IMAGE, ResourceType.VOLUME, ResourceType.SERVER)).stream()
                .collect(Collectors.toMap(Resource::ref, Function.identity()));
    }

    /** Whatever a failed test left behind goes too; a release of nothing does nothing. */
    @AfterAll
    static void cleanUp() {
        if (provider == null) {
            return;
        }
        try {
            MARKERS.forEach(disks::release);
        } finally {
            provider.close();
        }
    }

    private static String marker(String what) {
        String marker = RUN + "-" + what;
        MARKERS.add(marker);
        return marker;
    }

    private static Resource demo(ResourceType type, String name) {
        ResourceRef ref = ResourceRef.of(type, "demo", name);
        assertThat(demo).as("inventory of demo").containsKey(ref);
        return demo.get(ref);
    }

    // ---- the cloud's own view, read past the code under test

    private static List<String> imagesTagged(String marker) {
        // Every image the project sees, filtered here: a wrong server-side filter in the code must not hide one.
        return client.list(ServiceType.IMAGE, "/v2/images", "images").stream()
                .filter(image -> marker.equals(image.path(KEY).asText(null)) || image.path("name").asText().startsWith(marker))
                .map(image -> image.path("id").asText()).toList();
    }

    private static List<String> volumesTagged(String marker) {
        return client.list(ServiceType.BLOCK_STORAGE, "/volumes/detail", "volumes").stream()
                .filter(volume -> marker.equals(volume.path("metadata").path(KEY).asText(null)) || volume.path("name").asText().startsWith(marker))
                .map(volume -> volume.path("id").asText()).toList();
    }

    private static List<String> snapshotsTagged(String marker) {
        return client.list(ServiceType.BLOCK_STORAGE, "/snapshots/detail", "snapshots").stream()
                .filter(snapshot -> marker.equals(snapshot.path("metadata").path(KEY).asText(null)) || snapshot.path("name").asText().startsWith(marker))
                .map(snapshot -> snapshot.path("id").asText()).toList();
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** Hex digest of at most {@code limit} bytes of {@code in}, and how many were read. */
    private record Hashed(String hex, long length) {}

    private static Hashed hash(InputStream in, String algorithm, long limit) throws IOException {
        MessageDigest digest = digest(algorithm);
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        while (total < limit) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total));
            if (n < 0) {
                break;
            }
            digest.update(buffer, 0, n);
            total += n;
        }
        return new Hashed(HexFormat.of().formatHex(digest.digest()), total);
    }

    private static Hashed readAll(StagedDisk disk, String algorithm) throws IOException {
        try (DiskStream stream = disks.read(disk, 0)) {
            assertThat(stream.offset()).isZero();
            return hash(stream.body(), algorithm, Long.MAX_VALUE);
        }
    }

    /**
     * Glance hashes an image's data as it is uploaded (os_hash_value, SHA-512 here), so this
     * checks what staging reads against what Cinder or Nova wrote, independently of our reads.
     */
    private static void assertGlanceHashed(StagedDisk disk) throws IOException {
        JsonNode image = client.get(ServiceType.IMAGE, "/v2/images/" + disk.id());
        assertThat(image.path("os_hash_algo").asText()).isEqualTo("sha512");
        assertThat(readAll(disk, "SHA-512").hex()).isEqualTo(image.path("os_hash_value").asText());
    }

    private static Hashed freshDownload(String imageId) throws IOException {
        try (InputStream in = client.download(ServiceType.IMAGE, "/v2/images/" + imageId + "/file")) {
            return hash(in, "SHA-256", Long.MAX_VALUE);
        }
    }

    private static byte[] bytes(StagedDisk disk, long offset, int length) throws IOException {
        try (DiskStream stream = disks.read(disk, offset)) {
            assertThat(stream.offset()).as("where the body starts").isIn(0L, offset);
            // Whichever the cloud does, the same bytes must come out at the same place.
            stream.body().skipNBytes(offset - stream.offset());
            return stream.body().readNBytes(length);
        }
    }

    private static void log(String step, long startedNanos) {
        System.out.printf("OpenStackDiskSourceIT: %s took %d ms%n", step, Duration.ofNanos(System.nanoTime() - startedNanos).toMillis());
    }

    // ---- tests

    @Test
    void image_isReadAsItIs_withTheBytesGlanceHashed() throws IOException {
        Resource raw = demo(ResourceType.IMAGE, "skylift-raw");
        String marker = marker("image");
        long started = System.nanoTime();

        StagedDisk disk = disks.stage(raw, marker);
        log("stage image skylift-raw", started);

        JsonNode image = client.get(ServiceType.IMAGE, "/v2/images/" + raw.info().get("id"));
        assertThat(disk.id()).isEqualTo(raw.info().get("id"));
        assertThat(disk.size()).hasValue(image.path("size").asLong());
        assertThat(disk.diskFormat()).isEqualTo("raw");
        assertThat(disk.containerFormat()).isEqualTo("bare");
        started = System.nanoTime();
        Hashed read = readAll(disk, "SHA-256");
        log("read image skylift-raw", started);
        assertThat(read.length()).isEqualTo(image.path("size").asLong());
        assertThat(read.hex()).isEqualTo(freshDownload(disk.id()).hex());
        assertGlanceHashed(disk);
        assertThat(imagesTagged(marker)).as("temporaries of an image").isEmpty();

        disks.release(marker);
        assertThat(client.get(ServiceType.IMAGE, "/v2/images/" + disk.id()).path("status").asText()).isEqualTo("active");
    }

    @Test
    void image_readFromAnOffset_givesTheTailOfAFullRead() throws IOException {
        StagedDisk disk = disks.stage(demo(ResourceType.IMAGE, "skylift-raw"), marker("range"));
        byte[] whole;
        try (DiskStream stream = disks.read(disk, 0)) {
            whole = stream.body().readAllBytes();
        }
        long offset = 5 * MIB + 12_345;

        try (DiskStream stream = disks.read(disk, offset)) {
            System.out.printf("OpenStackDiskSourceIT: a read from byte %d starts at %d%n", offset, stream.offset());
            assertThat(stream.offset()).isIn(0L, offset);
            byte[] body = stream.body().readAllBytes();
            byte[] expected = java.util.Arrays.copyOfRange(whole, (int) stream.offset(), whole.length);
            assertThat(body).hasSize(expected.length).isEqualTo(expected);
        }
    }

    @Test
    void unknownType_isUnsupported() {
        Resource network = new Resource(ResourceRef.of(ResourceType.NETWORK, "demo", "skylift-net-a"), Map.of(), Map.of(),
                Map.of("id", "whatever"), Map.of());

        assertThatThrownBy(() -> disks.stage(network, marker("network")))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED))
                .hasMessageContaining("network");
    }

    @Test
    void serverBootedFromAVolume_isUnsupported_withAHintToExportItsVolumes() {
        String marker = marker("db-server");

        assertThatThrownBy(() -> disks.stage(demo(ResourceType.SERVER, "skylift-db-1"), marker))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED))
                .hasMessageContaining("skylift-db-1").hasMessageContaining("export its volumes");
        assertThat(imagesTagged(marker)).isEmpty();
    }

    @Test
    void volume_isStagedOnce_readWithTheSeededData_andReleasedWithoutChangingTheSource() throws IOException {
        Resource data = demo(ResourceType.VOLUME, "skylift-data");
        String sourcePath = "/volumes/" + data.info().get("id");
        JsonNode before = client.get(ServiceType.BLOCK_STORAGE, sourcePath).path("volume");
        String seedHash = before.path("metadata").path("skylift_seed_sha256_4mib").asText();
        assertThat(seedHash).as("the seed's hash of the volume's first 4 MiB").hasSize(64);
        String marker = marker("volume");

        long started = System.nanoTime();
        StagedDisk first = disks.stage(data, marker);
        log("stage volume skylift-data (snapshot, volume, upload)", started);
        started = System.nanoTime();
        StagedDisk second = disks.stage(data, marker);
        log("stage volume skylift-data again", started);

        assertThat(second).isEqualTo(first);
        assertThat(first.id()).isNotEqualTo(data.info().get("id"));
        assertThat(first.diskFormat()).isEqualTo("raw");
        assertThat(first.size()).hasValue(before.path("size").asLong() << 30);
        assertThat(imagesTagged(marker)).containsExactly(first.id());
        assertThat(volumesTagged(marker)).hasSize(1);
        assertThat(snapshotsTagged(marker)).hasSize(1);

        try (DiskStream stream = disks.read(first, 0)) {
            assertThat(hash(stream.body(), "SHA-256", 4 * MIB)).isEqualTo(new Hashed(seedHash, 4 * MIB));
        }
        byte[] head;
        try (DiskStream stream = disks.read(first, 0)) {
            head = stream.body().readNBytes((int) (4 * MIB));
        }
        assertThat(bytes(first, 3 * MIB + 7, (int) MIB - 7)).isEqualTo(java.util.Arrays.copyOfRange(head, (int) (3 * MIB + 7), (int) (4 * MIB)));
        started = System.nanoTime();
        Hashed whole = readAll(first, "SHA-256");
        log("read volume skylift-data (" + whole.length() + " bytes)", started);
        assertThat(whole.length()).isEqualTo(before.path("size").asLong() << 30);
        assertThat(whole.hex()).isEqualTo(freshDownload(first.id()).hex());
        assertGlanceHashed(first);

        started = System.nanoTime();
        disks.release(marker);
        log("release volume temporaries", started);
        disks.release(marker);

        assertThat(imagesTagged(marker)).as("images left").isEmpty();
        assertThat(volumesTagged(marker)).as("volumes left").isEmpty();
        assertThat(snapshotsTagged(marker)).as("snapshots left").isEmpty();
        JsonNode after = client.get(ServiceType.BLOCK_STORAGE, sourcePath).path("volume");
        assertThat(after.path("status").asText()).isEqualTo(before.path("status").asText()).isEqualTo("in-use");
        assertThat(after.path("size")).isEqualTo(before.path("size"));
        assertThat(after.path("metadata")).isEqualTo(before.path("metadata"));
        assertThat(after.path("attachments")).isEqualTo(before.path("attachments"));
    }

    @Test
    void volume_resumesWithTheSnapshotAndVolumeAnEarlierAttemptLeft() throws IOException {
        Resource data = demo(ResourceType.VOLUME, "skylift-data");
        String marker = marker("resume");
        // What an attempt that stopped right after asking for the snapshot leaves: a tagged snapshot, maybe still creating.
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("snapshot").put("volume_id", data.info().get("id").toString()).put("force", true).put("name", marker + "-snap")
                .putObject("metadata").put(KEY, marker);
        String snapshotId = client.post(ServiceType.BLOCK_STORAGE, "/snapshots", body).path("snapshot").path("id").asText();

        long started = System.nanoTime();
        StagedDisk first = disks.stage(data, marker);
        log("stage volume skylift-data from an existing snapshot", started);

        assertThat(snapshotsTagged(marker)).containsExactly(snapshotId);
        List<String> volumes = volumesTagged(marker);
        assertThat(volumes).hasSize(1);
        assertThat(client.get(ServiceType.BLOCK_STORAGE, "/volumes/" + volumes.getFirst()).path("volume").path("snapshot_id").asText())
                .isEqualTo(snapshotId);

        // Then the image is lost (say, deleted by hand): the next attempt uploads the same temporary volume again.
        client.delete(ServiceType.IMAGE, "/v2/images/" + first.id());
        StatusPoll.standard(client).untilGone(ServiceType.IMAGE, "/v2/images/" + first.id(), "image " + first.id());
        started = System.nanoTime();
        StagedDisk second = disks.stage(data, marker);
        log("stage volume skylift-data from an existing temporary volume", started);

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(imagesTagged(marker)).containsExactly(second.id());
        assertThat(volumesTagged(marker)).isEqualTo(volumes);
        assertThat(snapshotsTagged(marker)).containsExactly(snapshotId);
        assertGlanceHashed(second);

        disks.release(marker);

        assertThat(imagesTagged(marker)).as("images left").isEmpty();
        assertThat(volumesTagged(marker)).as("volumes left").isEmpty();
        assertThat(snapshotsTagged(marker)).as("snapshots left").isEmpty();
    }

    @Test
    void server_isStagedOnceThroughCreateImage_readAndReleased() throws IOException {
        Resource web = demo(ResourceType.SERVER, "skylift-web-1");
        String serverPath = "/servers/" + web.info().get("id");
        String statusBefore = client.get(ServiceType.COMPUTE, serverPath).path("server").path("status").asText();
        String marker = marker("server");

        long started = System.nanoTime();
        StagedDisk first = disks.stage(web, marker);
        log("stage server skylift-web-1 (createImage)", started);
        StagedDisk second = disks.stage(web, marker);

        assertThat(second).isEqualTo(first);
        assertThat(first.size()).isPresent();
        assertThat(first.size().getAsLong()).isPositive();
        assertThat(imagesTagged(marker)).containsExactly(first.id());
        JsonNode image = client.get(ServiceType.IMAGE, "/v2/images/" + first.id());
        assertThat(image.path("name").asText()).isEqualTo(marker);
        assertThat(first.diskFormat()).isEqualTo(image.path("disk_format").asText());
        started = System.nanoTime();
        Hashed read = readAll(first, "SHA-256");
        log("read server skylift-web-1 (" + read.length() + " bytes, " + first.diskFormat() + ")", started);
        assertThat(read.length()).isEqualTo(first.size().getAsLong());
        assertThat(read.hex()).isEqualTo(freshDownload(first.id()).hex());
        assertGlanceHashed(first);
        // A snapshot, not a copy of the image the server booted from: the disk was written to at boot.
        JsonNode base = client.get(ServiceType.IMAGE, "/v2/images/" + web.info().get("image_id"));
        assertThat(image.path("os_hash_value").asText()).isNotEqualTo(base.path("os_hash_value").asText());

        disks.release(marker);

        assertThat(imagesTagged(marker)).as("images left").isEmpty();
        assertThat(client.get(ServiceType.COMPUTE, serverPath).path("server").path("status").asText()).isEqualTo(statusBefore);
    }
}
