package io.skylift.provider.openstack.disk;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.skylift.provider.openstack.ServiceType;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the temporaries of one marker in the connection's project. The cloud is asked to filter
 * by the marker tag, and every answer is checked again here, name and tag both: a cloud that
 * ignores a filter must not make a source resource look like a temporary.
 */
final class MarkedArtifacts {

    private final DiskContext context;
    private final StagingMarker marker;

    MarkedArtifacts(DiskContext context, StagingMarker marker) {
        this.context = requireNonNull(context, "context is null");
        this.marker = requireNonNull(marker, "marker is null");
    }

    /** The project's Glance images of this marker: a volume's upload or a server's snapshot. */
    List<JsonNode> images() {
        Set<String> names = Set.of(marker.volumeImageName(), marker.serverImageName());
        String project = context.projectId();
        // Glance filters on any property by equality; owner keeps other projects' shared images out.
        String path = "/v2/images?owner=" + encode(project) + "&" + StagingMarker.KEY + "=" + encode(marker.value());
        return context.client().list(ServiceType.IMAGE, path, "images").stream()
                .filter(image -> names.contains(image.path("name").asText()) && marker.isIn(image))
                .filter(image -> project.equals(image.path("owner").asText()))
                .toList();
    }

    Optional<JsonNode> image(String name) {
        return single(images().stream().filter(image -> name.equals(image.path("name").asText())).toList(), "image", name);
    }

    /** The project's Cinder volumes of this marker. */
    List<JsonNode> volumes() {
        return context.client().list(ServiceType.BLOCK_STORAGE, "/volumes/detail?metadata=" + metadataFilter(), "volumes").stream()
                .filter(volume -> marker.volumeName().equals(volume.path("name").asText()) && marker.isIn(volume.path("metadata")))
                .toList();
    }

    Optional<JsonNode> volume() {
        return single(volumes(), "volume", marker.volumeName());
    }

    /** The project's Cinder snapshots of this marker. */
    List<JsonNode> snapshots() {
        return context.client().list(ServiceType.BLOCK_STORAGE, "/snapshots/detail?metadata=" + metadataFilter(), "snapshots").stream()
                .filter(snapshot -> marker.snapshotName().equals(snapshot.path("name").asText()) && marker.isIn(snapshot.path("metadata")))
                .toList();
    }

    Optional<JsonNode> snapshot() {
        return single(snapshots(), "volume snapshot", marker.snapshotName());
    }

    /** Cinder's metadata filter: a JSON object the listed resources' metadata must contain. */
    private String metadataFilter() {
        return encode(JsonNodeFactory.instance.objectNode().put(StagingMarker.KEY, marker.value()).toString());
    }

    private Optional<JsonNode> single(List<JsonNode> found, String type, String name) {
        if (found.size() > 1) {
            throw new SkyliftException(ErrorCode.ALREADY_EXISTS, found.size() + " temporary " + type + "s are named " + name
                    + " and tagged " + StagingMarker.KEY + "=" + marker.value() + " (" + found.stream().map(item -> item.path("id").asText())
                    .collect(Collectors.joining(", ")) + "), so which one to resume is unclear: release marker " + marker.value()
                    + " and stage again");
        }
        return found.stream().findFirst();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
