package io.skylift.provider.openstack.disk;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skylift.provider.openstack.ServiceType;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import io.skylift.spi.StagedDisk;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A volume's data, read through a Glance image: snapshot (forced, since the volume may be in
 * use), a volume from that snapshot, and that volume uploaded to Glance. Uploading the source
 * itself would need it detached; the snapshot is what lets it stay attached and unchanged.
 *
 * <p>Each step first looks for what an earlier attempt made under the marker, from the last step
 * back: an image found means the volume and snapshot are no longer needed to stage.
 */
final class VolumeStaging {

    private static final Set<String> AVAILABLE = Set.of("available");
    private static final Set<String> FAILED = Set.of("error", "error_deleting", "deleting");
    /**
     * Snapshots of volumes attached to one server, taken one at a time in this process. On a file
     * backend (NFS here) Cinder has Nova snapshot an attached volume inside the server's libvirt
     * domain, which runs one block job at a time: two volumes of one server snapshotted at once
     * could leave one snapshot creating until Cinder's own timeout.
     */
    private static final ConcurrentHashMap<String, ReentrantLock> SNAPSHOTS_BY_SERVER = new ConcurrentHashMap<>();

    private final DiskContext context;

    VolumeStaging(DiskContext context) {
        this.context = requireNonNull(context, "context is null");
    }

    StagedDisk stage(String volumeId, String name, StagingMarker marker) {
        MarkedArtifacts artifacts = new MarkedArtifacts(context, marker);
        String imageId = artifacts.image(marker.volumeImageName()).map(image -> image.path("id").asText())
                .orElseGet(() -> upload(temporaryVolume(artifacts, volumeId, name, marker), name, marker));
        JsonNode image = context.untilImageActive(imageId, "image " + marker.volumeImageName() + " " + imageId + " (upload of volume " + name + ")",
                marker);
        return GlanceImageToStagedDisk.convert(image);
    }

    /** The temporary volume, available to upload. */
    private String temporaryVolume(MarkedArtifacts artifacts, String volumeId, String name, StagingMarker marker) {
        Optional<JsonNode> found = artifacts.volume();
        String id = found.isPresent() ? found.get().path("id").asText() : createVolume(snapshot(artifacts, volumeId, name, marker), name, marker);
        try {
            // An earlier attempt may have stopped while it uploaded; the volume is available again when that ends.
            context.untilReady(ServiceType.BLOCK_STORAGE, "/volumes/" + id, "volume",
                    "volume " + marker.volumeName() + " " + id + " (temporary copy of volume " + name + ")", AVAILABLE, FAILED, marker);
        } catch (SkyliftException e) {
            throw withOtherSnapshots(e, volumeId, name, marker);
        }
        return id;
    }

    /**
     * A volume made from a snapshot fails on Cinder's file backends (NFS among them) when the
     * source volume had another snapshot before: the new snapshot's file then has a backing file,
     * which Cinder's image safety check refuses. The failure names those snapshots, since the
     * cloud's own message for it ("no weighted backend") does not.
     */
    private SkyliftException withOtherSnapshots(SkyliftException failure, String volumeId, String name, StagingMarker marker) {
        if (failure.code() != ErrorCode.CLOUD_REJECTED) {
            return failure;
        }
        List<String> others;
        try {
            others = context.client().list(ServiceType.BLOCK_STORAGE, "/snapshots/detail?volume_id=" + volumeId, "snapshots").stream()
                    .filter(snapshot -> volumeId.equals(snapshot.path("volume_id").asText()) && !marker.isIn(snapshot.path("metadata")))
                    .map(snapshot -> (snapshot.path("name").asText("") + " " + snapshot.path("id").asText()).strip())
                    .toList();
        } catch (SkyliftException e) {
            failure.addSuppressed(e);
            return failure;
        }
        if (others.isEmpty()) {
            return failure;
        }
        return new SkyliftException(failure.code(), failure.getMessage() + ". " + name + " has " + others.size()
                + (others.size() == 1 ? " other snapshot (" : " other snapshots (") + String.join(", ", others)
                + "): on a file backend such as NFS, Cinder makes no volume from a snapshot taken after another one, so delete "
                + (others.size() == 1 ? "it" : "them") + " (or ask the cloud's operator) before staging again", failure);
    }

    /** The temporary snapshot, available; its document. */
    private JsonNode snapshot(MarkedArtifacts artifacts, String volumeId, String name, StagingMarker marker) {
        String server = context.client().get(ServiceType.BLOCK_STORAGE, "/volumes/" + volumeId).path("volume").path("attachments").path(0)
                .path("server_id").asText("");
        if (server.isEmpty()) {
            return snapshotNow(artifacts, volumeId, name, marker);
        }
        ReentrantLock lock = SNAPSHOTS_BY_SERVER.computeIfAbsent(server, key -> new ReentrantLock());
        lock.lock();
        try {
            return snapshotNow(artifacts, volumeId, name, marker);
        }
        finally {
            lock.unlock();
        }
    }

    private JsonNode snapshotNow(MarkedArtifacts artifacts, String volumeId, String name, StagingMarker marker) {
        String id = artifacts.snapshot().map(snapshot -> snapshot.path("id").asText()).orElseGet(() -> {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            ObjectNode snapshot = body.putObject("snapshot");
            snapshot.put("volume_id", volumeId);
            // Below volume 3.66 an in-use volume is snapshotted only when forced; the snapshot is crash-consistent.
            snapshot.put("force", true);
            snapshot.put("name", marker.snapshotName());
            snapshot.put("description", "Skylift: temporary snapshot of volume " + name + " for export; deleted when done");
            snapshot.putObject("metadata").put(StagingMarker.KEY, marker.value());
            return requireId(context.client().post(ServiceType.BLOCK_STORAGE, "/snapshots", body).path("snapshot"), "snapshot", volumeId);
        });
        return context.untilReady(ServiceType.BLOCK_STORAGE, "/snapshots/" + id, "snapshot",
                "volume snapshot " + marker.snapshotName() + " " + id + " (of volume " + name + ")", AVAILABLE, FAILED, marker);
    }

    private String createVolume(JsonNode snapshot, String name, StagingMarker marker) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode volume = body.putObject("volume");
        volume.put("snapshot_id", snapshot.path("id").asText());
        volume.put("size", snapshot.path("size").asInt());
        volume.put("name", marker.volumeName());
        volume.put("description", "Skylift: temporary copy of volume " + name + " for export; deleted when done");
        volume.putObject("metadata").put(StagingMarker.KEY, marker.value());
        return requireId(context.client().post(ServiceType.BLOCK_STORAGE, "/volumes", body).path("volume"), "volume", name);
    }

    /** Uploads the temporary volume to a new Glance image; its id. */
    private String upload(String volumeId, String name, StagingMarker marker) {
        // Cinder copies a volume's image metadata into the image it uploads, so the image carries the marker
        // from the start; the upload call itself takes no properties.
        ObjectNode tag = JsonNodeFactory.instance.objectNode();
        tag.putObject("os-set_image_metadata").putObject("metadata").put(StagingMarker.KEY, marker.value());
        context.client().post(ServiceType.BLOCK_STORAGE, "/volumes/" + volumeId + "/action", tag);

        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode upload = body.putObject("os-volume_upload_image");
        upload.put("image_name", marker.volumeImageName());
        upload.put("disk_format", "raw");
        upload.put("container_format", "bare");
        upload.put("visibility", "private");
        upload.put("force", false);
        JsonNode answer = context.client().post(ServiceType.BLOCK_STORAGE, "/volumes/" + volumeId + "/action", body);
        String imageId = answer.path("os-volume_upload_image").path("image_id").asText("");
        if (imageId.isEmpty()) {
            throw new SkyliftException(ErrorCode.CLOUD_REJECTED, "Cinder answered the upload of volume " + marker.volumeName() + " " + volumeId
                    + " (temporary copy of volume " + name + ") without an image_id: stage again to find the image by its name "
                    + marker.volumeImageName());
        }
        return imageId;
    }

    private static String requireId(JsonNode created, String type, String of) {
        String id = created.path("id").asText("");
        if (id.isEmpty()) {
            throw new SkyliftException(ErrorCode.CLOUD_REJECTED, "Cinder answered the creation of a temporary " + type + " for volume " + of
                    + " without an id: stage again, which finds it by its marker");
        }
        return id;
    }
}
