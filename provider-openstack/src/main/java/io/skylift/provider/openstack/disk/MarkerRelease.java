package io.skylift.provider.openstack.disk;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.skylift.provider.openstack.ServiceType;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.util.Locale;
import java.util.Set;

/**
 * Deletes the temporaries of one marker, images first, then volumes, then snapshots: Cinder keeps
 * a snapshot while a volume made from it exists, and a volume while it uploads. Each delete is
 * waited for, so that the next step finds its dependency gone; what is already gone is skipped.
 */
final class MarkerRelease {

    /** Statuses Cinder accepts a delete in; a temporary in another one is still being made or used. */
    private static final Set<String> DELETABLE = Set.of("available", "error", "error_restoring", "error_extending", "error_deleting");

    private final DiskContext context;

    MarkerRelease(DiskContext context) {
        this.context = requireNonNull(context, "context is null");
    }

    void release(StagingMarker marker) {
        MarkedArtifacts artifacts = new MarkedArtifacts(context, marker);
        for (JsonNode image : artifacts.images()) {
            String id = image.path("id").asText();
            String what = "temporary image " + image.path("name").asText() + " " + id;
            deleteAndWait(ServiceType.IMAGE, "/v2/images/" + id, what);
        }
        for (JsonNode volume : artifacts.volumes()) {
            String id = volume.path("id").asText();
            String what = "temporary volume " + volume.path("name").asText() + " " + id;
            deleteWhenSettled("/volumes/" + id, "volume", what, volume.path("status").asText(""));
        }
        for (JsonNode snapshot : artifacts.snapshots()) {
            String id = snapshot.path("id").asText();
            String what = "temporary volume snapshot " + snapshot.path("name").asText() + " " + id;
            deleteWhenSettled("/snapshots/" + id, "snapshot", what, snapshot.path("status").asText(""));
        }
    }

    /**
     * Deletes a volume or snapshot once Cinder accepts it: it refuses while one is still being made
     * or uploaded, and a second delete of one already deleting.
     */
    private void deleteWhenSettled(String path, String key, String what, String listedStatus) {
        String status = listedStatus.toLowerCase(Locale.ROOT);
        if (!"deleting".equals(status)) {
            if (!DELETABLE.contains(status)) {
                try {
                    context.poll().until(ServiceType.BLOCK_STORAGE, path, key, what, DELETABLE, Set.of());
                } catch (SkyliftException e) {
                    if (e.code() == ErrorCode.NOT_FOUND) {
                        return;
                    }
                    throw e;
                }
            }
            deleteAndWait(ServiceType.BLOCK_STORAGE, path, what);
            return;
        }
        context.poll().untilGone(ServiceType.BLOCK_STORAGE, path, what);
    }

    private void deleteAndWait(ServiceType service, String path, String what) {
        try {
            context.client().delete(service, path);
        } catch (SkyliftException e) {
            // Gone already: an earlier release got this far, or the cloud finished a delete it was in.
            if (e.code() != ErrorCode.NOT_FOUND) {
                throw e;
            }
        }
        context.poll().untilGone(service, path, what);
    }
}
