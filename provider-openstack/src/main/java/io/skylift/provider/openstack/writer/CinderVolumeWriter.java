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
import java.util.Set;

/**
 * A {@code volume} in the connection's project, marked by its metadata {@code skylift_source_id}.
 * Cinder takes no upload, so a volume's data travels through a temporary Glance image that the
 * volume is made from and that is deleted afterwards, whether that worked or not.
 *
 * <p>{@code params.image_metadata} ({@code hw_disk_bus=scsi}: how Nova attaches and boots it) goes
 * on the temporary image, which Cinder copies into the volume's image metadata; a volume made
 * without data gets it with {@code os-set_image_metadata}.
 */
final class CinderVolumeWriter implements TypeWriter {

    private static final long GIB = 1L << 30;

    private final WriterContext context;

    CinderVolumeWriter(WriterContext context) {
        this.context = requireNonNull(context, "context is null");
    }

    @Override
    public ResourceType type() {
        return ResourceType.VOLUME;
    }

    @Override
    public Optional<String> find(WriteRequest request) {
        return marked(request.marker()).stream()
                .filter(volume -> Set.of("available", "in-use").contains(volume.path("status").asText()))
                .map(volume -> volume.path("id").asText())
                .findFirst();
    }

    @Override
    public String create(WriteRequest request) {
        String name = request.resource().ref().name();
        JsonNode params = CloudWrites.params(request);
        long size = params.path("size").asLong();
        Optional<DiskContent> data = request.data();
        if (data.isPresent() && data.get().size() > size * GIB) {
            throw new SkyliftException(ErrorCode.INVALID_INPUT, "the data for volume " + name + " holds " + data.get().size()
                    + " bytes, more than its size of " + size + " GiB: set params.size to at least " + (data.get().size() + GIB - 1) / GIB);
        }
        Optional<String> unfinished = finishLeftovers(request, name);
        if (unfinished.isPresent()) {
            return unfinished.get();
        }
        ObjectNode volume = CloudWrites.object().put("name", name).put("size", size);
        if (params.path("description").isTextual()) {
            volume.put("description", params.path("description").asText());
        }
        volume.set("metadata", CloudWrites.metadata(params.path("metadata"), request.marker()));
        request.resource().refs().getOrDefault("volume_type", List.of()).stream().findFirst()
                .ifPresent(type -> volume.put("volume_type", request.id(type)));
        String zone = params.path("availability_zone").asText();
        if (!zone.isEmpty() && zoneExists(zone)) {
            volume.put("availability_zone", zone);
        }
        if (data.isEmpty()) {
            return make(volume, params, name);
        }
        String image = GlanceUpload.create(context, temporaryImage(name, request.marker(), data.get(), params), data.get(),
                "temporary image " + name + "-skylift-tmp (data of volume " + name + ")");
        try {
            volume.put("imageRef", image);
            return make(volume, params, name);
        }
        finally {
            GlanceUpload.delete(context, image);
        }
    }

    @Override
    public Optional<String> lookup(ResourceRef ref) {
        return CloudWrites.onlyNamed(context.client().list(ServiceType.BLOCK_STORAGE, "/volumes/detail?name=" + CloudWrites.encode(ref.name()),
                "volumes"), ref.name(), "volume").map(volume -> volume.path("id").asText());
    }

    @Override
    public void delete(String id) {
        CloudWrites.deleteAndWait(context, ServiceType.BLOCK_STORAGE, "/volumes/" + id, "volume " + id);
    }

    /** Creates the volume, waits until it is available and sets bootable as the source had it. */
    private String make(ObjectNode volume, JsonNode params, String name) {
        ObjectNode body = CloudWrites.object();
        body.set("volume", volume);
        String id = context.client().post(ServiceType.BLOCK_STORAGE, "/volumes", body).path("volume").path("id").asText();
        String path = "/volumes/" + id;
        try {
            JsonNode made = context.poll().until(ServiceType.BLOCK_STORAGE, path, "volume", "volume " + name + " (" + id + ")",
                    Set.of("available"), Set.of("error"));
            boolean bootable = params.path("bootable").asBoolean(false);
            // Cinder marks every volume made from an image bootable; the source's flag is what counts.
            if (bootable != "true".equalsIgnoreCase(made.path("bootable").asText())) {
                ObjectNode action = CloudWrites.object();
                action.putObject("os-set_bootable").put("bootable", bootable);
                context.client().post(ServiceType.BLOCK_STORAGE, path + "/action", action);
            }
            if (volume.has("imageRef")) {
                // Cinder copied the temporary image's properties; an image later made from this volume
                // would inherit them and pass for a temporary image of ours, which leftovers are deleted as.
                for (String key : List.of(GlanceImageWriter.TEMPORARY, CloudWrites.MARKER)) {
                    ObjectNode action = CloudWrites.object();
                    action.putObject("os-unset_image_metadata").put("key", key);
                    context.client().post(ServiceType.BLOCK_STORAGE, path + "/action", action);
                }
            }
            else if (!imageMetadata(params).isEmpty()) {
                ObjectNode action = CloudWrites.object();
                action.putObject("os-set_image_metadata").set("metadata", imageMetadata(params));
                context.client().post(ServiceType.BLOCK_STORAGE, path + "/action", action);
            }
            return id;
        }
        catch (RuntimeException e) {
            CloudWrites.deleteAfterFailure(context, ServiceType.BLOCK_STORAGE, path, "volume " + name + " (" + id + ")", e);
            throw e;
        }
    }

    private static ObjectNode temporaryImage(String volume, String marker, DiskContent data, JsonNode params) {
        return imageMetadata(params)
                .put("name", volume + "-skylift-tmp")
                .put("disk_format", data.diskFormat())
                .put("container_format", data.containerFormat())
                .put("visibility", "private")
                .put(GlanceImageWriter.TEMPORARY, "true")
                .put(CloudWrites.MARKER, marker);
    }

    /** {@code params.image_metadata} as text values, without what Glance reserves for itself (a hand-written file may have it). */
    private static ObjectNode imageMetadata(JsonNode params) {
        ObjectNode metadata = CloudWrites.stringValues(params.path("image_metadata"));
        metadata.properties().removeIf(property -> property.getKey().startsWith("os_glance"));
        return metadata;
    }

    /**
     * Deals with what a run that stopped half-way left with this marker: a volume still being made
     * is waited for and taken, one in error is deleted, and temporary images are deleted, since
     * nothing else would ever remove them.
     */
    private Optional<String> finishLeftovers(WriteRequest request, String name) {
        Optional<String> unfinished = Optional.empty();
        for (JsonNode volume : marked(request.marker())) {
            String id = volume.path("id").asText();
            if (volume.path("status").asText().startsWith("error")) {
                delete(id);
            }
            else if (unfinished.isEmpty()) {
                context.poll().until(ServiceType.BLOCK_STORAGE, "/volumes/" + id, "volume", "volume " + name + " (" + id
                        + ", made by an earlier run)", Set.of("available", "in-use"), Set.of("error"));
                unfinished = Optional.of(id);
            }
        }
        String images = "/v2/images?" + CloudWrites.MARKER + "=" + CloudWrites.encode(request.marker())
                + "&" + GlanceImageWriter.TEMPORARY + "=true";
        for (JsonNode image : context.client().list(ServiceType.IMAGE, images, "images")) {
            GlanceUpload.delete(context, image.path("id").asText());
        }
        return unfinished;
    }

    private List<JsonNode> marked(String marker) {
        String filter = CloudWrites.object().put(CloudWrites.MARKER, marker).toString();
        return context.client().list(ServiceType.BLOCK_STORAGE, "/volumes/detail?metadata=" + CloudWrites.encode(filter), "volumes");
    }

    /** A zone the source had may not exist here; Cinder then picks its default rather than failing. */
    private boolean zoneExists(String zone) {
        return context.client().list(ServiceType.BLOCK_STORAGE, "/os-availability-zone", "availabilityZoneInfo").stream()
                .anyMatch(info -> zone.equals(info.path("zoneName").asText()) && info.path("zoneState").path("available").asBoolean());
    }
}
