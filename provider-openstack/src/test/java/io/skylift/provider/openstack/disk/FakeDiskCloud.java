package io.skylift.provider.openstack.disk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skylift.provider.openstack.ServiceType;
import io.skylift.provider.openstack.client.FakeOpenStackClient;
import io.skylift.provider.openstack.client.RangedDownload;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Glance images, Cinder volumes and snapshots and Nova servers of project {@value #PROJECT}, kept
 * as API documents, with the rules of the real services that staging and release depend on: a
 * resource passes through its transitional statuses one read at a time, Cinder refuses to delete
 * a snapshot a volume was made from or a volume that is not settled, and an in-use volume is
 * snapshotted only when forced. Records every call that changes something.
 */
final class FakeDiskCloud extends FakeOpenStackClient {

    static final String PROJECT = "p1";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String GONE = "<gone>";

    final Map<String, ObjectNode> images = new LinkedHashMap<>();
    final Map<String, ObjectNode> volumes = new LinkedHashMap<>();
    final Map<String, ObjectNode> snapshots = new LinkedHashMap<>();
    final Map<String, ObjectNode> servers = new LinkedHashMap<>();
    private final Map<String, byte[]> imageData = new HashMap<>();
    /** Statuses each resource goes through, one per read of it. */
    private final Map<String, Deque<String>> upcoming = new HashMap<>();
    /** Changes as {@code METHOD path body}, in order. */
    final List<String> changes = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    /** Like a cloud that drops query filters it does not know: listings return everything. */
    boolean ignoreFilters;
    boolean honourRanges = true;
    /** The size Nova's snapshot images get. */
    long serverSnapshotSize = 5_570_560;

    FakeDiskCloud() {
        super(PROJECT, List.of("member"));
    }

    // ---- setting up

    ObjectNode image(String id, String name, String status) {
        ObjectNode image = JSON.createObjectNode().put("id", id).put("name", name).put("status", status).put("owner", PROJECT)
                .put("disk_format", "raw").put("container_format", "bare");
        if ("active".equals(status)) {
            image.put("size", 8);
            imageData.put(id, "ABCDEFGH".getBytes(StandardCharsets.US_ASCII));
        } else {
            image.putNull("size");
        }
        images.put(id, image);
        return image;
    }

    ObjectNode volume(String id, String name, String status, int sizeGb) {
        ObjectNode volume = JSON.createObjectNode().put("id", id).put("name", name).put("status", status).put("size", sizeGb);
        volume.putObject("metadata");
        volume.putArray("attachments");
        volumes.put(id, volume);
        return volume;
    }

    ObjectNode snapshot(String id, String name, String status, String volumeId, int sizeGb) {
        ObjectNode snapshot = JSON.createObjectNode().put("id", id).put("name", name).put("status", status)
                .put("volume_id", volumeId).put("size", sizeGb);
        snapshot.putObject("metadata");
        snapshots.put(id, snapshot);
        return snapshot;
    }

    ObjectNode serverFromImage(String id, String name, String imageId) {
        ObjectNode server = JSON.createObjectNode().put("id", id).put("name", name).put("status", "ACTIVE");
        server.putObject("image").put("id", imageId);
        server.putArray("os-extended-volumes:volumes_attached");
        servers.put(id, server);
        return server;
    }

    ObjectNode serverFromVolume(String id, String name, String volumeId) {
        ObjectNode server = JSON.createObjectNode().put("id", id).put("name", name).put("status", "ACTIVE").put("image", "");
        server.putArray("os-extended-volumes:volumes_attached").addObject().put("id", volumeId);
        servers.put(id, server);
        return server;
    }

    /** {@code id} will read as each of {@code statuses} in turn, then stay at the last. */
    void willGoThrough(String id, String... statuses) {
        upcoming.put(id, new ArrayDeque<>(List.of(statuses)));
    }

    List<String> changesStarting(String prefix) {
        return changes.stream().filter(change -> change.startsWith(prefix)).toList();
    }

    // ---- reads

    @Override
    public JsonNode get(ServiceType service, String path) {
        String[] parts = path.split("/");
        return switch (service) {
            case IMAGE -> read(images, parts[3], path).deepCopy();
            case BLOCK_STORAGE -> wrap(parts[1].equals("volumes") ? "volume" : "snapshot",
                    read(parts[1].equals("volumes") ? volumes : snapshots, parts[2], path));
            case COMPUTE -> wrap("server", read(servers, parts[2], path));
            default -> throw new IllegalArgumentException("no " + service + " here: " + path);
        };
    }

    private ObjectNode read(Map<String, ObjectNode> documents, String id, String path) {
        ObjectNode document = documents.get(id);
        if (document == null) {
            throw notFound(path);
        }
        Deque<String> next = upcoming.get(id);
        if (next != null && !next.isEmpty()) {
            String status = next.size() > 1 ? next.poll() : next.peek();
            if (GONE.equals(status)) {
                documents.remove(id);
                upcoming.remove(id);
                throw notFound(path);
            }
            document.put("status", status);
            if (status.equals("active") && documents == images && !imageData.containsKey(id)) {
                imageData.put(id, new byte[(int) Math.min(document.path("size").asLong(16), 1 << 16)]);
            }
        }
        return document;
    }

    private static JsonNode wrap(String key, ObjectNode document) {
        ObjectNode body = JSON.createObjectNode();
        body.set(key, document.deepCopy());
        return body;
    }

    @Override
    public List<JsonNode> list(ServiceType service, String path, String collectionKey) {
        URI uri = URI.create(path);
        Map<String, String> query = query(uri.getRawQuery());
        Stream<ObjectNode> all = switch (collectionKey) {
            case "images" -> images.values().stream().filter(image -> ignoreFilters || matchesFields(image, query));
            case "volumes" -> volumes.values().stream().filter(volume -> ignoreFilters || matchesMetadata(volume, query));
            case "snapshots" -> snapshots.values().stream().filter(snapshot -> ignoreFilters
                    || matchesMetadata(snapshot, query) && (!query.containsKey("volume_id") || query.get("volume_id").equals(snapshot.path("volume_id").asText())));
            default -> throw new IllegalArgumentException("no " + collectionKey + " here: " + path);
        };
        return all.map(document -> (JsonNode) document.deepCopy()).toList();
    }

    private static boolean matchesFields(ObjectNode document, Map<String, String> query) {
        return query.entrySet().stream().allMatch(filter -> filter.getValue().equals(document.path(filter.getKey()).asText(null)));
    }

    private static boolean matchesMetadata(ObjectNode document, Map<String, String> query) {
        String filter = query.get("metadata");
        if (filter == null) {
            return true;
        }
        JsonNode wanted = parse(filter);
        return wanted.propertyStream().allMatch(entry -> entry.getValue().asText().equals(document.path("metadata").path(entry.getKey()).asText(null)));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    // ---- changes

    @Override
    public JsonNode post(ServiceType service, String path, JsonNode body) {
        changes.add("POST " + path + " " + body);
        if (service == ServiceType.BLOCK_STORAGE && path.equals("/snapshots")) {
            return createSnapshot(body.path("snapshot"));
        }
        if (service == ServiceType.BLOCK_STORAGE && path.equals("/volumes")) {
            return createVolume(body.path("volume"));
        }
        if (service == ServiceType.BLOCK_STORAGE && path.startsWith("/volumes/") && path.endsWith("/action")) {
            return volumeAction(path.split("/")[2], body);
        }
        if (service == ServiceType.COMPUTE && path.startsWith("/servers/") && path.endsWith("/action")) {
            return createImage(path.split("/")[2], body.path("createImage"));
        }
        throw new IllegalArgumentException("no POST " + service + " " + path + " here");
    }

    private JsonNode createSnapshot(JsonNode request) {
        ObjectNode volume = volumes.get(request.path("volume_id").asText());
        if (volume == null) {
            throw notFound("/volumes/" + request.path("volume_id").asText());
        }
        if (volume.path("status").asText().equals("in-use") && !request.path("force").asBoolean()) {
            throw rejected("Invalid volume: Volume must be available, or in-use with force");
        }
        ObjectNode snapshot = snapshot("snap-" + ids.incrementAndGet(), request.path("name").asText(), "creating", volume.path("id").asText(),
                volume.path("size").asInt());
        snapshot.set("metadata", request.path("metadata").deepCopy());
        willGoThrough(snapshot.path("id").asText(), "creating", "available");
        return wrap("snapshot", snapshot);
    }

    private JsonNode createVolume(JsonNode request) {
        ObjectNode snapshot = snapshots.get(request.path("snapshot_id").asText());
        if (snapshot == null || !snapshot.path("status").asText().equals("available")) {
            throw rejected("Invalid snapshot: Originating snapshot status must be one of 'available' values");
        }
        ObjectNode volume = volume("vol-" + ids.incrementAndGet(), request.path("name").asText(), "creating", request.path("size").asInt());
        volume.put("snapshot_id", snapshot.path("id").asText());
        volume.set("metadata", request.path("metadata").deepCopy());
        ObjectNode source = volumes.get(snapshot.path("volume_id").asText());
        volume.set("volume_image_metadata", source == null ? JSON.createObjectNode() : source.path("volume_image_metadata").deepCopy());
        willGoThrough(volume.path("id").asText(), "creating", "available");
        return wrap("volume", volume);
    }

    private JsonNode volumeAction(String volumeId, JsonNode body) {
        ObjectNode volume = volumes.get(volumeId);
        if (volume == null) {
            throw notFound("/volumes/" + volumeId);
        }
        if (body.has("os-set_image_metadata")) {
            ObjectNode metadata = volume.has("volume_image_metadata") ? (ObjectNode) volume.get("volume_image_metadata") : volume.putObject("volume_image_metadata");
            metadata.setAll((ObjectNode) body.path("os-set_image_metadata").path("metadata"));
            return wrap("metadata", metadata);
        }
        JsonNode upload = body.path("os-volume_upload_image");
        if (!volume.path("status").asText().equals("available")) {
            throw rejected("Invalid volume: Volume status must be available or in-use");
        }
        ObjectNode image = image("img-" + ids.incrementAndGet(), upload.path("image_name").asText(), "queued");
        image.put("disk_format", upload.path("disk_format").asText()).put("container_format", upload.path("container_format").asText());
        // Cinder copies the volume's custom image metadata into the image's properties.
        volume.path("volume_image_metadata").propertyStream().forEach(entry -> image.set(entry.getKey(), entry.getValue().deepCopy()));
        willGoThrough(image.path("id").asText(), "queued", "saving", "active");
        image.put("size", volume.path("size").asLong() << 30);
        volume.put("status", "uploading");
        willGoThrough(volumeId, "uploading", "available");
        ObjectNode answer = JSON.createObjectNode();
        answer.putObject("os-volume_upload_image").put("image_id", image.path("id").asText()).put("status", "uploading");
        return answer;
    }

    private JsonNode createImage(String serverId, JsonNode request) {
        ObjectNode server = servers.get(serverId);
        if (server == null) {
            throw notFound("/servers/" + serverId);
        }
        ObjectNode image = image("img-" + ids.incrementAndGet(), request.path("name").asText(), "queued");
        image.put("disk_format", "qcow2");
        request.path("metadata").propertyStream().forEach(entry -> image.set(entry.getKey(), entry.getValue().deepCopy()));
        image.put("size", serverSnapshotSize);
        willGoThrough(image.path("id").asText(), "saving", "active");
        return JSON.createObjectNode().put("image_id", image.path("id").asText());
    }

    @Override
    public void delete(ServiceType service, String path) {
        changes.add("DELETE " + path);
        String[] parts = path.split("/");
        if (service == ServiceType.IMAGE) {
            String id = parts[3];
            if (images.remove(id) == null) {
                throw notFound(path);
            }
            return;
        }
        boolean isVolume = parts[1].equals("volumes");
        Map<String, ObjectNode> documents = isVolume ? volumes : snapshots;
        String id = parts[2];
        ObjectNode document = documents.get(id);
        if (document == null) {
            throw notFound(path);
        }
        String status = document.path("status").asText();
        if (!Set.of("available", "error").contains(status)) {
            throw rejected("Invalid " + (isVolume ? "volume" : "snapshot") + ": status must be available or error, but is " + status);
        }
        if (!isVolume && volumes.values().stream().anyMatch(volume -> id.equals(volume.path("snapshot_id").asText()))) {
            throw rejected("Invalid snapshot: a volume was made from it and still exists");
        }
        document.put("status", "deleting");
        willGoThrough(id, "deleting", GONE);
    }

    @Override
    public InputStream download(ServiceType service, String path) {
        return download(service, path, 0).body();
    }

    @Override
    public RangedDownload download(ServiceType service, String path, long offset) {
        byte[] data = imageData.get(path.split("/")[3]);
        if (data == null) {
            throw notFound(path);
        }
        changes.add("GET " + path + " from " + offset);
        long start = honourRanges ? offset : 0;
        return new RangedDownload(new ByteArrayInputStream(Arrays.copyOfRange(data, (int) start, data.length)), start);
    }

    // ---- the rest of the client, which disks do not use

    @Override
    public JsonNode put(ServiceType service, String path, JsonNode body) {
        throw new UnsupportedOperationException("disks do not PUT: " + path);
    }

    @Override
    public void upload(ServiceType service, String path, InputStream body, OptionalLong length, String contentType) {
        throw new UnsupportedOperationException("disks do not upload: " + path);
    }

    private static SkyliftException notFound(String path) {
        return new SkyliftException(ErrorCode.NOT_FOUND, "HTTP 404 for " + path);
    }

    private static SkyliftException rejected(String message) {
        return new SkyliftException(ErrorCode.CLOUD_REJECTED, "HTTP 400: " + message);
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
