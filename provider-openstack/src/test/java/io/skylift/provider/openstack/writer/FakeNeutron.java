package io.skylift.provider.openstack.writer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skylift.provider.openstack.ServiceType;
import io.skylift.provider.openstack.client.FakeOpenStackClient;
import io.skylift.provider.openstack.client.RangedDownload;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Neutron in memory, as far as the writers use it: documents per collection in projects, listing
 * filtered by field and {@code tags}, tags, router interfaces, and the refusals the writers turn
 * into messages (an address in use, a duplicate rule). Every network call is recorded with its
 * body; a test can make the next call to a path fail.
 */
final class FakeNeutron extends FakeOpenStackClient {

    static final String PROJECT = "p-demo";
    static final String OTHER_PROJECT = "p-admin";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> SINGULAR = Map.of("networks", "network", "subnets", "subnet", "routers", "router",
            "ports", "port", "security-groups", "security_group", "security-group-rules", "security_group_rule",
            "floatingips", "floatingip");

    record Call(String method, String path, JsonNode body) {}

    private final Map<String, Map<String, ObjectNode>> collections = new LinkedHashMap<>();
    private final Map<String, SkyliftException> failures = new HashMap<>();
    private final List<Call> calls = new ArrayList<>();
    private int ids;

    private FakeNeutron(List<String> roles) {
        super(PROJECT, roles);
        SINGULAR.keySet().forEach(collection -> collections.put(collection, new LinkedHashMap<>()));
    }

    static FakeNeutron member() {
        return new FakeNeutron(List.of("member", "reader"));
    }

    static FakeNeutron admin() {
        return new FakeNeutron(List.of("admin", "member", "reader"));
    }

    WriterContext context() {
        return new WriterContext(this);
    }

    /** Adds a document as another run or another project made it; returns its id. */
    String add(String collection, String project, String json) {
        ObjectNode document = (ObjectNode) parse(json);
        String id = document.has("id") ? document.path("id").asText() : newId(collection);
        document.put("id", id).put("project_id", project);
        if (!document.has("tags")) {
            document.putArray("tags");
        }
        collections.get(collection).put(id, document);
        return id;
    }

    /** The next {@code method path} (no query) fails with this. */
    void failNext(String method, String path, SkyliftException failure) {
        failures.put(method + " " + path, failure);
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The calls that change something, as {@code METHOD path}. */
    List<String> writes() {
        return calls.stream().filter(call -> !call.method().equals("GET")).map(call -> call.method() + " " + call.path()).toList();
    }

    /** The body of the only {@code method path} call. */
    JsonNode body(String method, String path) {
        List<JsonNode> bodies = calls.stream().filter(call -> call.method().equals(method) && call.path().equals(path)).map(Call::body).toList();
        if (bodies.size() != 1) {
            throw new AssertionError(bodies.size() + " calls " + method + " " + path + " among " + writes());
        }
        return bodies.getFirst();
    }

    Optional<ObjectNode> document(String collection, String id) {
        return Optional.ofNullable(collections.get(collection).get(id));
    }

    List<ObjectNode> documents(String collection) {
        return List.copyOf(collections.get(collection).values());
    }

    // ---- OpenStackClient

    @Override
    public List<JsonNode> list(ServiceType service, String path, String collectionKey) {
        record(service, "GET", path, null);
        String[] parts = path.split("\\?", 2);
        String collection = collection(parts[0]);
        if (!collectionKey.equals(collection.replace('-', '_'))) {
            throw new AssertionError("listed " + path + " for '" + collectionKey + "'");
        }
        Map<String, String> filters = new LinkedHashMap<>();
        if (parts.length > 1) {
            for (String pair : parts[1].split("&")) {
                String[] field = pair.split("=", 2);
                filters.put(field[0], URLDecoder.decode(field[1], StandardCharsets.UTF_8));
            }
        }
        return collections.get(collection).values().stream().filter(document -> matches(document, filters)).map(JsonNode.class::cast).toList();
    }

    @Override
    public JsonNode get(ServiceType service, String path) {
        record(service, "GET", path, null);
        String[] segments = path.split("/");
        ObjectNode document = existing(segments[2], segments[3], path);
        ObjectNode body = JSON.createObjectNode();
        body.set(SINGULAR.get(segments[2]), document.deepCopy());
        return body;
    }

    @Override
    public JsonNode post(ServiceType service, String path, JsonNode body) {
        record(service, "POST", path, body);
        String collection = collection(path);
        ObjectNode document = ((ObjectNode) body.path(SINGULAR.get(collection))).deepCopy();
        switch (collection) {
            case "ports" -> allocate(document);
            case "security-group-rules" -> refuseDuplicate(document);
            default -> { }
        }
        String id = add(collection, PROJECT, document.toString());
        if (collection.equals("security-groups")) {
            // Neutron gives every new group these two.
            for (String ethertype : List.of("IPv4", "IPv6")) {
                add("security-group-rules", PROJECT, "{\"security_group_id\": \"" + id + "\", \"direction\": \"egress\", \"ethertype\": \""
                        + ethertype + "\", \"protocol\": null, \"port_range_min\": null, \"port_range_max\": null,"
                        + " \"remote_ip_prefix\": null, \"remote_group_id\": null}");
            }
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.set(SINGULAR.get(collection), collections.get(collection).get(id).deepCopy());
        return answer;
    }

    @Override
    public JsonNode put(ServiceType service, String path, JsonNode body) {
        record(service, "PUT", path, body);
        String[] segments = path.split("/");
        ObjectNode document = existing(segments[2], segments[3], path);
        switch (segments[4]) {
            case "tags" -> document.set("tags", body.path("tags").deepCopy());
            case "add_router_interface" -> addInterface(document, body);
            case "remove_router_interface" -> removeInterface(document, body, path);
            default -> throw new AssertionError("unexpected PUT " + path);
        }
        return document.deepCopy();
    }

    @Override
    public void delete(ServiceType service, String path) {
        record(service, "DELETE", path, null);
        String[] segments = path.split("/");
        existing(segments[2], segments[3], path);
        collections.get(segments[2]).remove(segments[3]);
        if (segments[2].equals("security-groups")) {
            collections.get("security-group-rules").values().removeIf(rule -> rule.path("security_group_id").asText().equals(segments[3]));
        }
    }

    @Override
    public InputStream download(ServiceType service, String path) {
        throw new UnsupportedOperationException("Neutron writers download nothing");
    }

    @Override
    public RangedDownload download(ServiceType service, String path, long offset) {
        throw new UnsupportedOperationException("Neutron writers download nothing");
    }

    @Override
    public void upload(ServiceType service, String path, InputStream body, OptionalLong length, String contentType) {
        throw new UnsupportedOperationException("Neutron writers upload nothing");
    }

    // ---- behaviour

    private void record(ServiceType service, String method, String path, JsonNode body) {
        if (service != ServiceType.NETWORK) {
            throw new AssertionError("a Neutron writer called " + service + ": " + method + " " + path);
        }
        calls.add(new Call(method, path, body));
        SkyliftException failure = failures.remove(method + " " + path.split("\\?")[0]);
        if (failure != null) {
            throw failure;
        }
    }

    private String newId(String collection) {
        return collection.replace("-", "").substring(0, 4) + "-" + ++ids;
    }

    private static String collection(String path) {
        String collection = path.split("/")[2];
        if (!SINGULAR.containsKey(collection)) {
            throw new AssertionError("no Neutron collection " + path);
        }
        return collection;
    }

    private ObjectNode existing(String collection, String id, String path) {
        ObjectNode document = collections.get(collection).get(id);
        if (document == null) {
            throw new SkyliftException(ErrorCode.NOT_FOUND, "Neutron refused " + path + " (HTTP 404)");
        }
        return document;
    }

    private static boolean matches(JsonNode document, Map<String, String> filters) {
        for (Map.Entry<String, String> filter : filters.entrySet()) {
            JsonNode value = document.path(filter.getKey());
            boolean match = filter.getKey().equals("tags")
                    ? Stream.of(filter.getValue().split(",")).allMatch(tag -> contains(value, tag))
                    : value.isValueNode() && value.asText().equals(filter.getValue());
            if (!match) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(JsonNode array, String text) {
        for (JsonNode item : array) {
            if (item.asText().equals(text)) {
                return true;
            }
        }
        return false;
    }

    /** Fills in the MAC and the addresses, refusing one another port of the subnet has, as Neutron does (409). */
    private void allocate(ObjectNode port) {
        if (!port.hasNonNull("mac_address")) {
            port.put("mac_address", String.format("fa:16:3e:00:00:%02x", ids + 1));
        }
        for (JsonNode fixedIp : port.path("fixed_ips")) {
            String subnet = fixedIp.path("subnet_id").asText();
            existing("subnets", subnet, "subnet " + subnet);
            if (!fixedIp.has("ip_address")) {
                ((ObjectNode) fixedIp).put("ip_address", "10.99.0." + (ids + 10));
                continue;
            }
            String address = fixedIp.path("ip_address").asText();
            boolean taken = collections.get("ports").values().stream().flatMap(other -> Stream.of(other.path("fixed_ips")))
                    .flatMap(ips -> StreamSupport.stream(ips.spliterator(), false))
                    .anyMatch(ip -> ip.path("subnet_id").asText().equals(subnet) && ip.path("ip_address").asText().equals(address));
            if (taken) {
                throw new SkyliftException(ErrorCode.CLOUD_REJECTED, "Neutron refused POST /v2.0/ports (HTTP 409): IP address "
                        + address + " already allocated in subnet " + subnet + ".");
            }
        }
    }

    private void refuseDuplicate(ObjectNode rule) {
        for (ObjectNode other : collections.get("security-group-rules").values()) {
            if (NeutronSecurityGroupRuleWriter.identity(other).equals(NeutronSecurityGroupRuleWriter.identity(rule))
                    && other.path("security_group_id").asText().equals(rule.path("security_group_id").asText())) {
                throw new SkyliftException(ErrorCode.ALREADY_EXISTS, "Neutron refused POST /v2.0/security-group-rules (HTTP 409): "
                        + "Security group rule already exists. Rule id is " + other.path("id").asText() + ".");
            }
        }
    }

    private void addInterface(ObjectNode router, JsonNode body) {
        ObjectNode port;
        if (body.has("port_id")) {
            port = existing("ports", body.path("port_id").asText(), "port");
        }
        else {
            ObjectNode subnet = existing("subnets", body.path("subnet_id").asText(), "subnet");
            String id = add("ports", PROJECT, "{\"network_id\": \"" + subnet.path("network_id").asText() + "\"}");
            port = collections.get("ports").get(id);
            ArrayNode fixedIps = port.putArray("fixed_ips");
            fixedIps.addObject().put("subnet_id", subnet.path("id").asText()).put("ip_address", subnet.path("gateway_ip").asText());
        }
        port.put("device_owner", "network:router_interface").put("device_id", router.path("id").asText());
    }

    private void removeInterface(ObjectNode router, JsonNode body, String path) {
        Iterator<ObjectNode> ports = collections.get("ports").values().iterator();
        while (ports.hasNext()) {
            ObjectNode port = ports.next();
            if (port.path("device_id").asText().equals(router.path("id").asText())
                    && port.path("fixed_ips").path(0).path("subnet_id").asText().equals(body.path("subnet_id").asText())) {
                ports.remove();
                return;
            }
        }
        throw new SkyliftException(ErrorCode.NOT_FOUND, "Neutron refused " + path + " (HTTP 404): Router has no interface on the subnet");
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
