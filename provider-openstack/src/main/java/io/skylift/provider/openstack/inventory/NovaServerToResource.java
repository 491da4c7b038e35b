package io.skylift.provider.openstack.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedSet;

/**
 * A Nova server ({@code GET /servers/detail} at compute 2.79) as a {@code server}, with the Neutron
 * ports, Cinder volumes and server groups that say what the server document leaves out: which
 * ports it has, at which device each volume is attached, and which group it was booted in.
 *
 * <p>A server booted from a volume has no image ({@code "image": ""}); its boot volume is the one
 * attached at the root device name when the connection may read it (admin), else the first in
 * {@code volumes_attached}, because Nova lists block device mappings in the order it made them
 * and makes the root one at boot.
 */
final class NovaServerToResource {

    private static final String VOLUMES_ATTACHED = "os-extended-volumes:volumes_attached";
    private static final String ROOT_DEVICE_NAME = "OS-EXT-SRV-ATTR:root_device_name";

    private NovaServerToResource() {}

    static ResourceRef ref(JsonNode server, ConversionContext context) {
        return ResourceRef.of(ResourceType.SERVER, context.projectOwner(server.path("tenant_id").asText()),
                DocumentFields.text(server, "name").orElse(server.path("id").asText()));
    }

    /**
     * @param ports        port documents; those whose {@code device_id} is this server's become its {@code ports}
     * @param volumes      volume documents, read for the device each attached volume has
     * @param serverGroups server group documents; the one listing this server is its {@code server_group}
     */
    static Resource convert(JsonNode server, List<JsonNode> ports, List<JsonNode> volumes, List<JsonNode> serverGroups,
            ConversionContext context) {
        String id = server.path("id").asText();
        ResourceRef ref = context.ref(ResourceType.SERVER, id).orElseGet(() -> ref(server, context));
        String owner = ref.owner();
        Map<String, List<ResourceRef>> refs = new LinkedHashMap<>();
        DocumentFields params = DocumentFields.of(server)
                .copy("description")
                .copy("metadata")
                .copy("tags")
                .copy("OS-EXT-AZ:availability_zone", "availability_zone")
                .put("config_drive", isTrue(server.path("config_drive")))
                .copy("OS-DCF:diskConfig", "disk_config")
                .copy("accessIPv4", "access_ipv4")
                .copy("accessIPv6", "access_ipv6");
        DocumentFields info = DocumentFields.of(server)
                .copy("id")
                .copy("status")
                .copy("OS-EXT-SRV-ATTR:host", "host")
                .copy("hostId", "host_id")
                .copy("created")
                .copy("OS-SRV-USG:launched_at", "launched_at")
                .copy("addresses");

        // Since 2.47 the flavor is embedded by name, not id, so no flavor lookup is needed.
        DocumentFields.text(server.path("flavor"), "original_name")
                .ifPresent(flavor -> refs.put("flavor", List.of(ResourceRef.global(ResourceType.FLAVOR, flavor))));

        Optional<String> imageId = DocumentFields.text(server.path("image"), "id");
        params.put("boot_from", imageId.isPresent() ? "image" : "volume");
        imageId.ifPresent(image -> {
            info.put("image_id", image);
            refs.put("image", List.of(context.refTo(ResourceType.IMAGE, image, owner)));
        });

        DocumentFields.text(server, "key_name").ifPresent(key -> refs.put("keypair", List.of(
                ResourceRef.of(ResourceType.KEYPAIR, context.userName(server.path("user_id").asText()), key))));

        List<JsonNode> ownPorts = ports.stream()
                .filter(port -> id.equals(port.path("device_id").asText()))
                .filter(NeutronPortToResource::isResource)
                // Creation order is the order the server asked for its networks in.
                .sorted(Comparator.comparing((JsonNode port) -> port.path("created_at").asText())
                        .thenComparing(port -> port.path("id").asText()))
                .toList();
        if (!ownPorts.isEmpty()) {
            refs.put("ports", ownPorts.stream()
                    .map(port -> context.refTo(ResourceType.PORT, port.path("id").asText(), owner))
                    .toList());
        }

        addVolumes(server, volumes, imageId.isEmpty(), context, refs, params);
        addSecurityGroups(server, ownPorts, context, refs);

        serverGroups.stream()
                .filter(group -> group.path("members").valueStream().anyMatch(member -> id.equals(member.asText())))
                .findFirst()
                .ifPresent(group -> refs.put("server_group", List.of(context.refTo(ResourceType.SERVER_GROUP,
                        group.path("id").asText(), owner))));

        return new Resource(ref, params.build(), refs, info.build(), Map.of());
    }

    private static void addVolumes(JsonNode server, List<JsonNode> volumes, boolean bootsFromVolume,
            ConversionContext context, Map<String, List<ResourceRef>> refs, DocumentFields params) {
        String id = server.path("id").asText();
        String owner = context.projectOwner(server.path("tenant_id").asText());
        JsonNode attached = server.path(VOLUMES_ATTACHED);
        Optional<String> rootDevice = DocumentFields.text(server, ROOT_DEVICE_NAME);
        List<ResourceRef> volumeRefs = new ArrayList<>();
        List<Map<String, Object>> attachments = new ArrayList<>();
        String bootVolumeId = null;
        for (JsonNode volume : attached) {
            String volumeId = volume.path("id").asText();
            Optional<String> device = deviceOf(volumeId, id, volumes);
            if (bootsFromVolume && bootVolumeId == null
                    && (rootDevice.isEmpty() || rootDevice.equals(device))) {
                bootVolumeId = volumeId;
            }
            volumeRefs.add(context.refTo(ResourceType.VOLUME, volumeId, owner));
            attachments.add(DocumentFields.of(volume)
                    .put("device", device.orElse(null))
                    .put("boot_index", volumeId.equals(bootVolumeId) ? 0 : null)
                    .copy("delete_on_termination")
                    .build());
        }
        if (!volumeRefs.isEmpty()) {
            refs.put("volumes", volumeRefs);
            // One entry per refs.volumes entry, in the same order.
            params.put("volumes", attachments);
        }
    }

    private static Optional<String> deviceOf(String volumeId, String serverId, List<JsonNode> volumes) {
        return volumes.stream()
                .filter(volume -> volumeId.equals(volume.path("id").asText()))
                .flatMap(volume -> volume.path("attachments").valueStream())
                .filter(attachment -> serverId.equals(attachment.path("server_id").asText()))
                .flatMap(attachment -> DocumentFields.text(attachment, "device").stream())
                .findFirst();
    }

    /**
     * The groups of the server's ports, which are what Neutron enforces; the server document
     * lists names only, once per port, so it is the fallback for a server whose ports are unknown.
     */
    private static void addSecurityGroups(JsonNode server, List<JsonNode> ownPorts, ConversionContext context,
            Map<String, List<ResourceRef>> refs) {
        String owner = context.projectOwner(server.path("tenant_id").asText());
        SequencedSet<ResourceRef> groups = new LinkedHashSet<>();
        for (JsonNode port : ownPorts) {
            for (JsonNode group : port.path("security_groups")) {
                groups.add(context.refTo(ResourceType.SECURITY_GROUP, group.asText(), owner));
            }
        }
        if (ownPorts.isEmpty()) {
            for (JsonNode group : server.path("security_groups")) {
                DocumentFields.text(group, "name")
                        .ifPresent(name -> groups.add(ResourceRef.of(ResourceType.SECURITY_GROUP, owner, name)));
            }
        }
        if (!groups.isEmpty()) {
            refs.put("security_groups", List.copyOf(groups));
        }
    }

    /** Nova reports config_drive as "True", "" or a boolean, depending on how the server was made. */
    private static boolean isTrue(JsonNode value) {
        return value.isBoolean() ? value.booleanValue() : "true".equalsIgnoreCase(value.asText());
    }
}
