package io.skylift.provider.openstack.writer;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.provider.openstack.ServiceType;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import io.skylift.spi.WriteRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * A {@code server} in the connection's project, booted from its image or its boot volume on its
 * ports, in its server group, with its other volumes attached once it is active. The marker is
 * the server metadata {@code skylift_source_id}. A server an earlier run booted but did not
 * finish (volumes missing) is finished rather than booted again; one it left in ERROR is deleted
 * and booted again.
 */
final class NovaServerWriter implements TypeWriter {

    private static final String VOLUMES_ATTACHED = "os-extended-volumes:volumes_attached";
    private static final Pattern REGEX_SPECIAL = Pattern.compile("[\\\\.^$|?*+()\\[\\]{}]");

    private final WriterContext context;

    NovaServerWriter(WriterContext context) {
        this.context = requireNonNull(context, "context is null");
    }

    @Override
    public ResourceType type() {
        return ResourceType.SERVER;
    }

    @Override
    public Optional<String> find(WriteRequest request) {
        return marked(request)
                .filter(server -> Set.of("ACTIVE", "SHUTOFF").contains(server.path("status").asText()))
                .filter(server -> attachments(request).stream().allMatch(volume -> isAttached(server, volume.id())))
                .map(server -> server.path("id").asText());
    }

    @Override
    public String create(WriteRequest request) {
        String name = request.resource().ref().name();
        if (request.data().isPresent()) {
            // Booting from an exported root disk is not built yet; ignoring it would lose the disk's contents.
            throw new SkyliftException(ErrorCode.UNSUPPORTED, "server " + name + " comes with the data of its root disk, and booting from"
                    + " that is not supported yet: import the disk as an image resource and point the server's refs.image at it");
        }
        Optional<JsonNode> earlier = marked(request);
        String id;
        Set<String> ready;
        if (earlier.isPresent() && !"ERROR".equals(earlier.get().path("status").asText())) {
            id = earlier.get().path("id").asText();
            // Someone may have stopped it since; volumes attach to a stopped server too.
            ready = Set.of("active", "shutoff");
        }
        else {
            earlier.ifPresent(server -> delete(server.path("id").asText()));
            id = context.client().post(ServiceType.COMPUTE, "/servers", body(request)).path("server").path("id").asText();
            ready = Set.of("active");
        }
        String what = "server " + name + " (" + id + ")";
        JsonNode server = context.poll().until(ServiceType.COMPUTE, "/servers/" + id, "server", what, ready, Set.of("error"));
        for (Attachment volume : attachments(request)) {
            if (!isAttached(server, volume.id())) {
                attach(id, volume, what);
            }
        }
        return id;
    }

    @Override
    public Optional<String> lookup(ResourceRef ref) {
        return CloudWrites.onlyNamed(named(ref.name()), ref.name(), "server").map(server -> server.path("id").asText());
    }

    @Override
    public void delete(String id) {
        CloudWrites.deleteAndWait(context, ServiceType.COMPUTE, "/servers/" + id, "server " + id);
    }

    private ObjectNode body(WriteRequest request) {
        JsonNode params = CloudWrites.params(request);
        ObjectNode server = CloudWrites.object().put("name", request.resource().ref().name());
        server.put("flavorRef", request.id(only(request, "flavor").orElseThrow(() -> new SkyliftException(ErrorCode.INVALID_INPUT,
                request.resource().ref() + " has no refs.flavor: add the flavor it runs with, such as flavor:m1.small"))));
        Optional<Attachment> bootVolume = allVolumes(request).stream().filter(Attachment::boots).findFirst();
        Optional<ResourceRef> image = only(request, "image");
        if (bootVolume.isPresent()) {
            server.putArray("block_device_mapping_v2").addObject()
                    .put("boot_index", 0)
                    .put("uuid", bootVolume.get().id())
                    .put("source_type", "volume")
                    .put("destination_type", "volume")
                    .put("delete_on_termination", bootVolume.get().deleteOnTermination());
        }
        else if (image.isPresent()) {
            server.put("imageRef", request.id(image.get()));
        }
        else {
            throw new SkyliftException(ErrorCode.INVALID_INPUT, request.resource().ref() + " has neither refs.image nor a volume with"
                    + " boot_index 0 in params.volumes: say what it boots from");
        }
        List<ResourceRef> ports = request.resource().refs().getOrDefault("ports", List.of());
        if (ports.isEmpty()) {
            // Since compute 2.37 networks is required; a server without ports had none at the source either.
            server.put("networks", "none");
        }
        else {
            ArrayNode networks = server.putArray("networks");
            ports.forEach(port -> networks.addObject().put("port", request.id(port)));
        }
        // A keypair's id is its name; the plan may have mapped it to a destination keypair of another name.
        only(request, "keypair").ifPresent(keypair -> server.put("key_name", request.id(keypair)));
        server.set("metadata", CloudWrites.metadata(params.path("metadata"), request.marker()));
        if (params.path("tags").isArray() && !params.path("tags").isEmpty()) {
            // Accepted on create since compute 2.52, so the server is never seen without them.
            server.set("tags", params.path("tags"));
        }
        if (params.path("description").isTextual()) {
            server.put("description", params.path("description").asText());
        }
        if (params.path("config_drive").asBoolean(false)) {
            server.put("config_drive", true);
        }
        ObjectNode body = CloudWrites.object();
        body.set("server", server);
        only(request, "server_group").ifPresent(group -> body.putObject("os:scheduler_hints").put("group", request.id(group)));
        return body;
    }

    private void attach(String serverId, Attachment volume, String what) {
        ObjectNode body = CloudWrites.object();
        body.putObject("volumeAttachment")
                .put("volumeId", volume.id())
                // Since compute 2.79 an attached volume, not only the boot one, may go with its server.
                .put("delete_on_termination", volume.deleteOnTermination());
        context.client().post(ServiceType.COMPUTE, "/servers/" + serverId + "/os-volume_attachments", body);
        // Nova reserves the volume before it answers, so "available" again means the attach failed.
        context.poll().until(ServiceType.BLOCK_STORAGE, "/volumes/" + volume.id(), "volume", "volume " + volume.ref().name() + " ("
                + volume.id() + ", attaching to " + what + "; nova-compute's log says why it failed)",
                Set.of("in-use"), Set.of("available", "error", "error_attaching"));
    }

    /** The server this request's marker names, if an earlier run booted one. */
    private Optional<JsonNode> marked(WriteRequest request) {
        return named(request.resource().ref().name()).stream()
                .filter(server -> request.marker().equals(server.path("metadata").path(CloudWrites.MARKER).asText()))
                .findFirst();
    }

    private List<JsonNode> named(String name) {
        // Nova's name filter is a regular expression that matches anywhere in the name.
        String regex = "^" + REGEX_SPECIAL.matcher(name).replaceAll("\\\\$0") + "$";
        return context.client().list(ServiceType.COMPUTE, "/servers/detail?name=" + CloudWrites.encode(regex), "servers").stream()
                .filter(server -> name.equals(server.path("name").asText()))
                .toList();
    }

    private static boolean isAttached(JsonNode server, String volumeId) {
        return server.path(VOLUMES_ATTACHED).valueStream().anyMatch(volume -> volumeId.equals(volume.path("id").asText()));
    }

    /** A volume of {@code refs.volumes} with its entry of {@code params.volumes} (same order). */
    private record Attachment(ResourceRef ref, String id, boolean boots, boolean deleteOnTermination) {
        Attachment {
            requireNonNull(ref, "ref is null");
            requireNonNull(id, "id is null");
        }
    }

    private static List<Attachment> allVolumes(WriteRequest request) {
        List<ResourceRef> refs = request.resource().refs().getOrDefault("volumes", List.of());
        JsonNode entries = CloudWrites.params(request).path("volumes");
        return IntStream.range(0, refs.size())
                .mapToObj(i -> new Attachment(refs.get(i), request.id(refs.get(i)), entries.path(i).path("boot_index").asInt(-1) == 0,
                        entries.path(i).path("delete_on_termination").asBoolean(false)))
                .toList();
    }

    /** The volumes attached after boot, in the order the source attached them. */
    private static List<Attachment> attachments(WriteRequest request) {
        return allVolumes(request).stream().filter(volume -> !volume.boots()).toList();
    }

    private static Optional<ResourceRef> only(WriteRequest request, String role) {
        return request.resource().refs().getOrDefault(role, List.of()).stream().findFirst();
    }
}
