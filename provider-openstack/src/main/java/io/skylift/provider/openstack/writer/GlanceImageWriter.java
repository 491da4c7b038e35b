package io.skylift.provider.openstack.writer;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.provider.openstack.ServiceType;
import io.skylift.spi.DiskContent;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import io.skylift.spi.WriteRequest;
import java.util.List;
import java.util.Optional;

/**
 * An {@code image} in the connection's project, with its data uploaded from the request. The
 * marker is the Glance property {@code skylift_source_id}, which Glance filters listings by.
 */
final class GlanceImageWriter implements TypeWriter {

    /** Set on the images a volume's data travels through, so that they are never taken for migrated images. */
    static final String TEMPORARY = "skylift_temporary";

    private final WriterContext context;

    GlanceImageWriter(WriterContext context) {
        this.context = requireNonNull(context, "context is null");
    }

    @Override
    public ResourceType type() {
        return ResourceType.IMAGE;
    }

    @Override
    public Optional<String> find(WriteRequest request) {
        // A marked image that is not active is what a failed upload left; create deletes it.
        return marked(request.marker()).stream()
                .filter(image -> "active".equals(image.path("status").asText()))
                .map(image -> image.path("id").asText())
                .findFirst();
    }

    @Override
    public String create(WriteRequest request) {
        String name = request.resource().ref().name();
        DiskContent data = request.data().orElseThrow(() -> new SkyliftException(ErrorCode.UNSUPPORTED, "the bundle has no data for image "
                + name + " (" + request.resource().ref() + "): export it again with its data, or map it to an existing image"));
        for (JsonNode leftover : marked(request.marker())) {
            GlanceUpload.delete(context, leftover.path("id").asText());
        }
        JsonNode params = CloudWrites.params(request);
        ObjectNode body = CloudWrites.stringValues(params.path("properties"));
        // Reserved for Glance itself (image import's bookkeeping); Glance refuses them from a user.
        body.properties().removeIf(property -> property.getKey().startsWith("os_glance"));
        body.remove(TEMPORARY);
        body.put("name", name)
                // The data's formats describe the bytes uploaded, which an export may have converted.
                .put("disk_format", data.diskFormat())
                .put("container_format", data.containerFormat())
                .put("min_disk", params.path("min_disk").asInt(0))
                .put("min_ram", params.path("min_ram").asInt(0))
                .put("visibility", visibility(params.path("visibility").asText()))
                .put(CloudWrites.MARKER, request.marker());
        body.set("tags", params.path("tags").isArray() ? params.path("tags") : CloudWrites.object().arrayNode());
        return GlanceUpload.create(context, body, data, "image " + name);
    }

    @Override
    public Optional<String> lookup(ResourceRef ref) {
        List<JsonNode> images = context.client().list(ServiceType.IMAGE, "/v2/images?name=" + CloudWrites.encode(ref.name()), "images");
        String project = project();
        // The project's own image wins over a public one of the same name, as it does for a person choosing.
        List<JsonNode> own = images.stream().filter(image -> project.equals(image.path("owner").asText())).toList();
        return CloudWrites.onlyNamed(own.isEmpty() ? images : own, ref.name(), "image").map(image -> image.path("id").asText());
    }

    @Override
    public void delete(String id) {
        GlanceUpload.delete(context, id);
    }

    /** The project's images with this marker, temporary ones left out. */
    private List<JsonNode> marked(String marker) {
        String project = project();
        return context.client().list(ServiceType.IMAGE, "/v2/images?" + CloudWrites.MARKER + "=" + CloudWrites.encode(marker)
                        + "&owner=" + project, "images").stream()
                .filter(image -> project.equals(image.path("owner").asText()))
                .filter(image -> !image.has(TEMPORARY))
                .toList();
    }

    /**
     * An owner may make an image shared or community, so those stay as the source had them (a shared
     * image starts with no members: the plan cannot say whom to share with); only an admin may
     * publish one, so a member's public image becomes private, as does anything unknown.
     */
    private String visibility(String source) {
        return switch (source) {
            case "shared", "community" -> source;
            case "public" -> context.client().session().isAdmin() ? "public" : "private";
            default -> "private";
        };
    }

    private String project() {
        return context.client().session().project().orElseThrow(() -> new SkyliftException(ErrorCode.INVALID_INPUT,
                "the destination connection is scoped to a domain: scope it to the project to create images in (project_name)")).id();
    }
}
