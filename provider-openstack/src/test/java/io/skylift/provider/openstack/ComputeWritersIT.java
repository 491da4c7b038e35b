package io.skylift.provider.openstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import io.skylift.model.Scope;
import io.skylift.provider.openstack.client.OpenStackClient;
import io.skylift.provider.openstack.writer.BytesContent;
import io.skylift.provider.openstack.writer.OpenStackResourceWriter;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.Inventory;
import io.skylift.spi.Provider;
import io.skylift.spi.ResourceWriter;
import io.skylift.spi.SkyliftException;
import io.skylift.spi.WriteRequest;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The compute, image and storage writers against the real skylift-dst: the seed's keypair,
 * flavor (as admin), server group, image and volumes read from skylift-src are made in project
 * demo of skylift-dst under a prefix of this run's own, with a server booted from the made image
 * on a network the test makes; the destination's inventory must show them as the source had
 * them. Then every find names the same ids, and everything is deleted in reverse and gone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComputeWritersIT {

    private static final String PREFIX = "cit-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static OpenStackClient source;
    private static OpenStackClient demo;
    private static OpenStackClient admin;
    private static ResourceWriter demoWriter;
    private static ResourceWriter adminWriter;
    private static Map<ResourceRef, Resource> sourceInventory;

    /** What was made, in order, with the writer that made it; deleted in reverse at the end whatever happened. */
    private record Made(ResourceWriter writer, ResourceType type, String id, WriteRequest request) {}

    private static final Deque<Made> made = new ArrayDeque<>();
    private static final Map<ResourceRef, String> ids = new LinkedHashMap<>();
    private static final Deque<String> networkPaths = new ArrayDeque<>();
    private static byte[] imageData;

    @BeforeAll
    static void connect() {
        source = client("skylift-src-demo");
        demo = client("skylift-dst-demo");
        admin = client("skylift-dst");
        demoWriter = new OpenStackResourceWriter(demo);
        adminWriter = new OpenStackResourceWriter(admin);
        sourceInventory = inventory("skylift-src-demo");
    }

    @AfterAll
    static void cleanUp() {
        RuntimeException first = null;
        while (!made.isEmpty()) {
            Made thing = made.pollLast();
            try {
                thing.writer().delete(thing.type(), thing.id());
            }
            catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        while (!networkPaths.isEmpty()) {
            try {
                demo.delete(ServiceType.NETWORK, networkPaths.pollLast());
            }
            catch (SkyliftException e) {
                if (e.code() != ErrorCode.NOT_FOUND) {
                    first = first == null ? e : first;
                }
            }
        }
        for (OpenStackClient client : Arrays.asList(source, demo, admin)) {
            if (client != null) {
                client.close();
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Test
    @Order(1)
    void create_makesEachResourceAsTheSourceHadIt() throws IOException {
        Resource keypair = source(ResourceType.KEYPAIR, "skylift-key");
        Resource flavor = source(ResourceType.FLAVOR, "skylift.small");
        Resource group = source(ResourceType.SERVER_GROUP, "skylift-group");
        Resource image = source(ResourceType.IMAGE, "skylift-raw");
        Resource emptyVolume = source(ResourceType.VOLUME, "skylift-db-1-boot");
        // The seed's data volume has no image metadata of its own; it takes the boot volume's, to try the path through the temporary image.
        Resource dataVolume = withImageMetadata(source(ResourceType.VOLUME, "skylift-data"), emptyVolume.params().get("image_metadata"));
        Resource web = source(ResourceType.SERVER, "skylift-web-1");
        Resource db = source(ResourceType.SERVER, "skylift-db-1");

        // A member may not make flavors; the writer says to map it instead.
        assertThatThrownBy(() -> demoWriter.create(request(flavor, Optional.empty())))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PERMISSION_DENIED))
                .hasMessageContaining("map flavor:" + PREFIX + "skylift.small to an existing flavor");

        make(demoWriter, keypair, Optional.empty());
        make(adminWriter, flavor, Optional.empty());
        make(demoWriter, group, Optional.empty());
        try (InputStream in = source.download(ServiceType.IMAGE, "/v2/images/" + image.info().get("id") + "/file")) {
            imageData = in.readAllBytes();
        }
        make(demoWriter, image, Optional.of(BytesContent.raw(imageData)));
        // Volume types are mapped, not made: the destination's own __DEFAULT__.
        ResourceRef volumeType = dataVolume.refs().get("volume_type").getFirst();
        ids.put(volumeType, demoWriter.lookup(volumeType).orElseThrow());
        make(demoWriter, dataVolume, Optional.of(BytesContent.raw(Arrays.copyOf(imageData, 4 << 20))));
        make(demoWriter, emptyVolume, Optional.empty());
        String network = makeNetwork();
        ResourceRef port = makePort(network, "web-port");
        // The web server boots from the image made here instead of its qcow2 one, with the data volume attached.
        make(demoWriter, adapted(web, Map.of("image", List.of(image.ref()), "ports", List.of(port), "volumes", List.of(dataVolume.ref())),
                Map.of("device", "/dev/sdb", "delete_on_termination", false)), Optional.empty());
        ResourceRef dbPort = makePort(network, "db-port");
        // The db server boots from the (empty, bootable) volume made here.
        make(demoWriter, adapted(db, Map.of("ports", List.of(dbPort), "volumes", List.of(emptyVolume.ref())),
                Map.of("device", "/dev/vda", "boot_index", 0, "delete_on_termination", false)), Optional.empty());

        Map<ResourceRef, Resource> destination = inventory("skylift-dst-demo");

        Resource madeFlavor = destination(destination, flavor);
        for (String key : List.of("vcpus", "ram", "disk", "extra_specs")) {
            assertThat(madeFlavor.params()).as("flavor " + key).containsEntry(key, flavor.params().get(key));
        }
        assertThat(flavor.params().get("extra_specs")).asString().contains("skylift:tier");

        assertThat(destination(destination, keypair).params()).containsEntry("public_key", keypair.params().get("public_key"));

        assertThat(destination(destination, group).params()).containsEntry("policy", group.params().get("policy"));

        Resource madeImage = destination(destination, image);
        // A member may share an image (it starts with no members), so shared stays shared.
        assertThat(image.params()).containsEntry("visibility", "shared");
        assertThat(madeImage.params()).containsEntry("disk_format", "raw").containsEntry("container_format", "bare")
                .containsEntry("tags", image.params().get("tags")).containsEntry("visibility", "shared");
        assertThat(madeImage.params().get("properties")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsAllEntriesOf(properties(image))
                .containsEntry("hw_disk_bus", "scsi").containsEntry("hw_scsi_model", "virtio-scsi")
                .containsEntry("skylift_source_id", marker(image));
        try (InputStream in = demo.download(ServiceType.IMAGE, "/v2/images/" + ids.get(image.ref()) + "/file")) {
            assertThat(sha256(in.readAllBytes())).as("SHA-256 of the image's data read back").isEqualTo(sha256(imageData));
        }

        for (Resource volume : List.of(dataVolume, emptyVolume)) {
            Resource madeVolume = destination(destination, volume);
            assertThat(madeVolume.params()).containsEntry("size", volume.params().get("size"))
                    .containsEntry("bootable", volume.params().get("bootable"));
            assertThat(madeVolume.params().get("metadata")).asInstanceOf(InstanceOfAssertFactories.MAP)
                    .containsAllEntriesOf(asMap(volume.params().getOrDefault("metadata", Map.of())))
                    .containsEntry("skylift_source_id", marker(volume));
            assertThat(madeVolume.refs().get("volume_type")).containsExactly(volumeType);
        }
        Resource madeDataVolume = destination(destination, dataVolume);
        assertThat(madeDataVolume.info().get("status")).isEqualTo("in-use");
        assertThat(madeDataVolume.info().get("image_metadata")).as("the temporary image's properties Cinder copied")
                .asInstanceOf(InstanceOfAssertFactories.MAP).containsEntry("disk_format", "raw")
                .containsEntry("hw_disk_bus", "scsi").containsEntry("hw_scsi_model", "virtio-scsi")
                .doesNotContainKeys("skylift_temporary", "skylift_source_id");

        // Made without data, the boot volume gets the source's image metadata by os-set_image_metadata, so the
        // server booted from it has its disks on SCSI (and they can be detached from a running guest).
        assertThat(emptyVolume.params().get("image_metadata")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("hw_disk_bus", "scsi").containsEntry("hw_scsi_model", "virtio-scsi");
        Resource madeBootVolume = destination(destination, emptyVolume);
        assertThat(madeBootVolume.info().get("image_metadata")).as("volume image metadata of the made skylift-db-1-boot")
                .asInstanceOf(InstanceOfAssertFactories.MAP).containsEntry("hw_disk_bus", "scsi").containsEntry("hw_scsi_model", "virtio-scsi");
        assertThat(madeBootVolume.params().get("image_metadata")).isEqualTo(emptyVolume.params().get("image_metadata"));

        Resource server = destination(destination, web);
        assertThat(server.info()).containsEntry("status", "ACTIVE");
        assertThat(server.params().get("metadata")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsAllEntriesOf(asMap(web.params().get("metadata")))
                .containsEntry("skylift_source_id", marker(web));
        assertThat(server.params().get("tags")).asInstanceOf(InstanceOfAssertFactories.LIST)
                .containsExactlyInAnyOrderElementsOf(asList(web.params().get("tags")));
        assertThat(server.refs().get("flavor")).containsExactly(renamed(flavor.ref()));
        assertThat(server.refs().get("image")).containsExactly(renamed(image.ref()));
        assertThat(server.refs().get("keypair")).containsExactly(renamed(keypair.ref()));
        assertThat(server.refs().get("server_group")).containsExactly(renamed(group.ref()));
        assertThat(server.refs().get("ports")).containsExactly(port);
        assertThat(server.refs().get("volumes")).containsExactly(renamed(dataVolume.ref()));

        Resource dbServer = destination(destination, db);
        assertThat(dbServer.info()).containsEntry("status", "ACTIVE");
        assertThat(dbServer.params()).containsEntry("boot_from", "volume");
        assertThat(dbServer.refs()).doesNotContainKey("image");
        assertThat(dbServer.refs().get("volumes")).containsExactly(renamed(emptyVolume.ref()));
        assertThat(dbServer.refs().get("ports")).containsExactly(dbPort);
        assertThat(destination(destination, emptyVolume).info().get("status")).isEqualTo("in-use");
    }

    @Test
    @Order(2)
    void find_afterwards_namesWhatCreateMade() {
        assertThat(made).hasSize(8);
        for (Made thing : made) {
            assertThat(thing.writer().find(thing.request())).as("find " + thing.request().resource().ref()).contains(thing.id());
        }
        assertThat(demoWriter.lookup(ResourceRef.global(ResourceType.FLAVOR, PREFIX + "skylift.small")))
                .contains(ids.get(ResourceRef.global(ResourceType.FLAVOR, "skylift.small")));
    }

    @Test
    @Order(3)
    void delete_inReverse_leavesNothing() {
        assertThat(made).hasSize(8);
        while (!made.isEmpty()) {
            Made thing = made.pollLast();
            thing.writer().delete(thing.type(), thing.id());
            assertThat(thing.writer().find(thing.request())).as("find " + thing.request().resource().ref() + " after delete").isEmpty();
            // A second delete of something gone does nothing.
            thing.writer().delete(thing.type(), thing.id());
        }
        Map<ResourceRef, Resource> destination = inventory("skylift-dst-demo");
        assertThat(destination.keySet()).noneMatch(ref -> ref.name().startsWith(PREFIX) && ref.type() != ResourceType.PORT
                && ref.type() != ResourceType.NETWORK && ref.type() != ResourceType.SUBNET);
    }

    @Test
    @Order(4)
    void create_withDataThatFailsItsCheck_failsAndLeavesNoImage() {
        Resource image = source(ResourceType.IMAGE, "skylift-raw");
        Resource corrupt = new Resource(ResourceRef.of(ResourceType.IMAGE, "demo", "corrupt-" + image.ref().name()), image.params(),
                Map.of(), Map.of("id", PREFIX + "corrupt"), Map.of());
        WriteRequest request = request(corrupt, Optional.of(BytesContent.corruptRaw(new byte[1 << 20])));

        assertThatThrownBy(() -> demoWriter.create(request))
                .isInstanceOfSatisfying(SkyliftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessageContaining("is not what the bundle promised");
        assertThat(demo.list(ServiceType.IMAGE, "/v2/images?skylift_source_id=" + PREFIX + "corrupt", "images")).isEmpty();
        assertThat(demoWriter.lookup(renamed(corrupt.ref()))).isEmpty();
    }

    /** Creates the resource in dst under this run's prefix and records it; its refs must have been made first. */
    private static void make(ResourceWriter writer, Resource resource, Optional<BytesContent> data) {
        WriteRequest request = request(resource, data);
        assertThat(writer.find(request)).as("find " + request.resource().ref() + " before create").isEmpty();
        String id = writer.create(request);
        made.add(new Made(writer, resource.ref().type(), id, request));
        ids.put(resource.ref(), id);
    }

    /** The request for {@code resource} renamed with the prefix; its refs keep their source names and map to what was made. */
    private static WriteRequest request(Resource resource, Optional<BytesContent> data) {
        Resource renamed = new Resource(renamed(resource.ref()), resource.params(), resource.refs(), resource.info(), resource.migration());
        Map<ResourceRef, String> dependencies = resource.dependencies().stream().collect(Collectors.toMap(Function.identity(), ids::get));
        return new WriteRequest(renamed, dependencies, marker(resource), data.map(content -> content));
    }

    /**
     * The source id and this run's prefix, as an import under a prefix marks what it makes: an
     * earlier run's leftovers, or what bin/demo imported into skylift-dst, are not found. Keypairs
     * have no id; their marker is unused, since they are found by name and key.
     */
    private static String marker(Resource resource) {
        return resource.info().getOrDefault("id", resource.ref().toString()) + "~" + PREFIX.substring(4, 12);
    }

    /**
     * A seed server on a port of the test's network with these refs in place of its own, and one
     * volume; its security groups belong to its ports, which the test makes without.
     */
    private static Resource adapted(Resource server, Map<String, List<ResourceRef>> replaced, Map<String, Object> volume) {
        Map<String, List<ResourceRef>> refs = new LinkedHashMap<>(server.refs());
        refs.putAll(replaced);
        refs.remove("security_groups");
        Map<String, Object> params = new LinkedHashMap<>(server.params());
        params.put("volumes", List.of(volume));
        return new Resource(server.ref(), params, refs, server.info(), server.migration());
    }

    private static Resource withImageMetadata(Resource volume, Object imageMetadata) {
        assertThat(volume.params()).doesNotContainKey("image_metadata");
        Map<String, Object> params = new LinkedHashMap<>(volume.params());
        params.put("image_metadata", imageMetadata);
        return new Resource(volume.ref(), params, volume.refs(), volume.info(), volume.migration());
    }

    /** A network with a subnet in dst's demo, as the Neutron writers would have made them. */
    private static String makeNetwork() {
        String network = post("/v2.0/networks", "network", Map.of("name", PREFIX + "net"));
        networkPaths.add("/v2.0/networks/" + network);
        String subnet = post("/v2.0/subnets", "subnet", Map.of("name", PREFIX + "subnet", "network_id", network, "ip_version", 4,
                "cidr", "10.199.0.0/24"));
        networkPaths.add("/v2.0/subnets/" + subnet);
        return network;
    }

    private static ResourceRef makePort(String network, String name) {
        String port = post("/v2.0/ports", "port", Map.of("name", PREFIX + name, "network_id", network));
        networkPaths.add("/v2.0/ports/" + port);
        ResourceRef ref = ResourceRef.of(ResourceType.PORT, "demo", PREFIX + name);
        ids.put(ref, port);
        return ref;
    }

    private static String post(String path, String key, Map<String, Object> fields) {
        ObjectNode body = JSON.createObjectNode();
        body.set(key, JSON.valueToTree(fields));
        return demo.post(ServiceType.NETWORK, path, body).path(key).path("id").asText();
    }

    private static ResourceRef renamed(ResourceRef ref) {
        return ref.type().scope() == Scope.GLOBAL ? ResourceRef.global(ref.type(), PREFIX + ref.name())
                : ResourceRef.of(ref.type(), ref.owner(), PREFIX + ref.name());
    }

    private static Resource source(ResourceType type, String name) {
        ResourceRef ref = type.scope() == Scope.GLOBAL ? ResourceRef.global(type, name) : ResourceRef.of(type, "demo", name);
        assertThat(sourceInventory).as("inventory of skylift-src-demo").containsKey(ref);
        return sourceInventory.get(ref);
    }

    private static Resource destination(Map<ResourceRef, Resource> inventory, Resource source) {
        ResourceRef ref = renamed(source.ref());
        assertThat(inventory).as("inventory of skylift-dst-demo").containsKey(ref);
        return inventory.get(ref);
    }

    /** The image's properties as the writer sends them: those Glance reserves for itself are not copied. */
    private static Map<String, Object> properties(Resource image) {
        Map<String, Object> properties = new LinkedHashMap<>(asMap(image.params().get("properties")));
        properties.keySet().removeIf(key -> key.startsWith("os_glance"));
        return properties;
    }

    private static Map<ResourceRef, Resource> inventory(String cloud) {
        try (Provider provider = Testbed.factory().connect(Testbed.connection(cloud))) {
            return provider.capability(Inventory.class).orElseThrow().read(EnumSet.allOf(ResourceType.class)).stream()
                    .collect(Collectors.toMap(Resource::ref, Function.identity()));
        }
    }

    private static OpenStackClient client(String cloud) {
        return ConnectionToClient.convert(Testbed.connection(cloud)).build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object tree) {
        return (Map<String, Object>) tree;
    }

    private static List<?> asList(Object tree) {
        return (List<?>) tree;
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        }
        catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
