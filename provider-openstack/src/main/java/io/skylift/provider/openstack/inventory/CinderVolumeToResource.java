package io.skylift.provider.openstack.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Cinder volume ({@code GET /volumes/detail} at volume 3.59) as a {@code volume} depending on its
 * volume type.
 *
 * <p>The image or snapshot it was made from is recorded in info, not as a dependency: a migration
 * copies the volume's bytes rather than rebuilding them, and the source is often gone (the seed's
 * {@code skylift-data} was made from an image deleted afterwards).
 *
 * <p>Its image metadata is in info as Cinder reports it, and in {@code params.image_metadata}
 * without what Glance and Cinder compute or what names source images: what is left ({@code
 * hw_disk_bus=scsi}) is how the owner wants the volume booted and attached, which the destination
 * needs too.
 */
final class CinderVolumeToResource {

    private static final String PROJECT_ID = "os-vol-tenant-attr:tenant_id";

    /**
     * Image metadata Glance or Cinder compute, or that names source images (ids mean nothing at the
     * destination); {@code os_glance*}, {@code owner_specified.*} and our own {@code skylift_*} go too.
     */
    private static final Set<String> COMPUTED_IMAGE_METADATA = Set.of("checksum", "size", "min_disk", "min_ram", "disk_format",
            "container_format", "image_id", "image_name", "os_hash_algo", "os_hash_value", "signature_verified", "kernel_id", "ramdisk_id");

    private CinderVolumeToResource() {}

    /**
     * Its name; a volume without one (Nova makes them when booting from an image onto a new
     * volume) is named {@code <server>/<device>} after the first server it is attached to, such as
     * {@code web-1/vda}, else by its id.
     */
    static ResourceRef ref(JsonNode volume, ConversionContext context) {
        String name = DocumentFields.text(volume, "name").orElseGet(() -> {
            JsonNode attachment = volume.path("attachments").path(0);
            Optional<ResourceRef> server = context.ref(ResourceType.SERVER, attachment.path("server_id").asText());
            Optional<String> device = DocumentFields.text(attachment, "device");
            if (server.isPresent() && device.isPresent()) {
                return server.get().name() + "/" + device.get().substring(device.get().lastIndexOf('/') + 1);
            }
            return volume.path("id").asText();
        });
        return ResourceRef.of(ResourceType.VOLUME, context.projectOwner(volume.path(PROJECT_ID).asText()), name);
    }

    static Resource convert(JsonNode volume, ConversionContext context) {
        String id = volume.path("id").asText();
        ResourceRef ref = context.ref(ResourceType.VOLUME, id).orElseGet(() -> ref(volume, context));
        Map<String, Object> params = DocumentFields.of(volume)
                .copy("description")
                .copy("size")
                // Cinder reports bootable as the text "true" or "false".
                .put("bootable", "true".equalsIgnoreCase(volume.path("bootable").asText()))
                .copy("multiattach")
                .copy("availability_zone")
                .copy("metadata")
                .put("image_metadata", ownerImageMetadata(volume.path("volume_image_metadata")))
                .build();

        List<Map<String, Object>> attachments = new ArrayList<>();
        for (JsonNode attachment : volume.path("attachments")) {
            DocumentFields fields = DocumentFields.of(attachment).copy("server_id");
            context.ref(ResourceType.SERVER, attachment.path("server_id").asText())
                    .ifPresent(server -> fields.put("server", server.name()));
            attachments.add(fields.copy("device").copy("attachment_id").build());
        }
        JsonNode imageMetadata = volume.path("volume_image_metadata");
        DocumentFields info = DocumentFields.of(volume)
                .copy("id")
                .copy("status")
                .copy("encrypted")
                .copy("created_at")
                .put("attachments", attachments)
                .copy("snapshot_id", "source_snapshot_id")
                .copy("source_volid", "source_volume_id")
                .copy("volume_image_metadata", "image_metadata");
        DocumentFields.text(imageMetadata, "image_id").ifPresent(image -> info.put("source_image", DocumentFields.of(imageMetadata)
                .copy("image_id", "id")
                .copy("image_name", "name")
                .build()));

        Map<String, List<ResourceRef>> refs = new LinkedHashMap<>();
        DocumentFields.text(volume, "volume_type")
                .ifPresent(type -> refs.put("volume_type", List.of(ResourceRef.global(ResourceType.VOLUME_TYPE, type))));
        return new Resource(ref, params, refs, info.build(), Map.of());
    }

    private static Map<String, Object> ownerImageMetadata(JsonNode imageMetadata) {
        Map<String, Object> owned = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : imageMetadata.properties()) {
            String key = entry.getKey();
            Object value = JsonNodeToTree.convert(entry.getValue());
            boolean computed = COMPUTED_IMAGE_METADATA.contains(key) || key.startsWith("os_glance") || key.startsWith("owner_specified.")
                    || key.startsWith("skylift_");
            if (!computed && value != null) {
                owned.put(key, value);
            }
        }
        return owned;
    }
}
