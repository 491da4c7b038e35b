package io.skylift.provider.openstack.disk;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skylift.provider.openstack.ServiceType;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import io.skylift.spi.StagedDisk;
import java.util.stream.Collectors;

/**
 * A server's ephemeral root disk, read through a Glance image that Nova's {@code createImage}
 * makes of it. The image is named and tagged with the marker, so a second attempt finds it.
 */
final class ServerStaging {

    private final DiskContext context;

    ServerStaging(DiskContext context) {
        this.context = requireNonNull(context, "context is null");
    }

    StagedDisk stage(String serverId, String name, StagingMarker marker) {
        JsonNode server = context.client().get(ServiceType.COMPUTE, "/servers/" + serverId).path("server");
        // A server booted from a volume has "image": "" and no disk of its own to snapshot:
        // createImage would only make an empty image pointing at volume snapshots.
        if (!server.path("image").path("id").isTextual()) {
            String volumes = server.path("os-extended-volumes:volumes_attached").valueStream()
                    .map(volume -> volume.path("id").asText()).collect(Collectors.joining(", "));
            throw new SkyliftException(ErrorCode.UNSUPPORTED, "server " + name + " (" + serverId + ") boots from a volume and has no image "
                    + "disk to read: export its volumes instead" + (volumes.isEmpty() ? "" : " (" + volumes + ")"));
        }
        String what = "image " + marker.serverImageName() + " (snapshot of server " + name + ")";
        String imageId = new MarkedArtifacts(context, marker).image(marker.serverImageName())
                .map(image -> image.path("id").asText())
                .orElseGet(() -> createImage(serverId, marker));
        JsonNode image = context.untilImageActive(imageId, what + " " + imageId, marker);
        if (image.path("size").asLong(0) <= 0) {
            throw new SkyliftException(ErrorCode.CLOUD_REJECTED, what + " " + imageId + " is active but holds no data (size "
                    + image.path("size").asText("null") + "): Nova made no disk snapshot; check that the server has a local root disk, "
                    + "release marker " + marker.value() + " and stage again");
        }
        return GlanceImageToStagedDisk.convert(image);
    }

    private String createImage(String serverId, StagingMarker marker) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode createImage = body.putObject("createImage");
        createImage.put("name", marker.serverImageName());
        createImage.putObject("metadata").put(StagingMarker.KEY, marker.value());
        // Since compute 2.45 the answer's body names the image; older ones put it in a Location header.
        String imageId = context.client().post(ServiceType.COMPUTE, "/servers/" + serverId + "/action", body).path("image_id").asText("");
        if (imageId.isEmpty()) {
            throw new SkyliftException(ErrorCode.CLOUD_REJECTED, "Nova answered createImage of server " + serverId + " without an image_id: "
                    + "the cloud's compute API is older than 2.45; stage again to find the image by its name " + marker.serverImageName());
        }
        return imageId;
    }
}
