package io.skylift.bundle.playbook;

import io.skylift.bundle.Bundle;
import io.skylift.bundle.BundleLayout;
import io.skylift.bundle.BundleSource;
import io.skylift.bundle.DataFile;
import io.skylift.bundle.Manifest;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Bundles shaped like the OpenStack inventory's output (see its *ToResource converters), for the playbook's tests. */
final class SampleBundles {

    static final String SHA256 = "0".repeat(64);

    private SampleBundles() {}

    static Resource resource(String ref, Map<String, ?> params, Map<String, List<String>> refs, Map<String, ?> info) {
        Map<String, List<ResourceRef>> parsed = new LinkedHashMap<>();
        refs.forEach((role, targets) -> parsed.put(role, targets.stream().map(ResourceRef::parse).toList()));
        return Resource.of(ResourceRef.parse(ref)).withParams(params).withRefs(parsed).withInfo(info);
    }

    static Bundle bundle(List<Resource> resources) {
        return new Bundle(new BundleSource("src", "openstack", "demo"), Instant.parse("2026-12-01T12:00:00Z"), resources);
    }

    static DataFile data(String ref, String diskFormat) {
        ResourceRef parsed = ResourceRef.parse(ref);
        return new DataFile(BundleLayout.dataPath(parsed, diskFormat), parsed, 1024, SHA256, diskFormat, "bare");
    }

    /**
     * The network part of a project: a network and subnet, a web group open on port 80 and a db
     * group open on 5432 to the web group, the egress rule Neutron gives every group, a flavor
     * and an empty volume, all owned by {@code owner} and named with {@code prefix}.
     */
    static List<Resource> networkAndStorage(String owner, String prefix) {
        String net = "network:" + owner + "/" + prefix + "net";
        String subnet = "subnet:" + owner + "/" + prefix + "subnet";
        String web = "security_group:" + owner + "/" + prefix + "web";
        String db = "security_group:" + owner + "/" + prefix + "db";
        return List.of(
                resource("flavor:" + prefix + "flavor", Map.of("vcpus", 1, "ram", 128, "disk", 1, "ephemeral", 0, "swap", 0,
                        "is_public", true, "extra_specs", Map.of("skylift:test", "yes")), Map.of(), Map.of("id", "f-1")),
                resource(net, Map.of("admin_state_up", true, "shared", false, "external", false, "mtu", 1450),
                        Map.of(), Map.of("id", "n-1", "status", "ACTIVE")),
                resource(subnet, ordered("ip_version", 4, "cidr", "10.213.7.0/24", "gateway_ip", "10.213.7.1",
                                "allocation_pools", List.of(Map.of("start", "10.213.7.10", "end", "10.213.7.99")), "enable_dhcp", true),
                        Map.of("network", List.of(net)), Map.of("id", "s-1")),
                resource(web, Map.of("description", "web servers, not {{ 6 * 7 }}", "stateful", true), Map.of(), Map.of("id", "g-web")),
                resource(db, Map.of("description", "databases", "stateful", true), Map.of(), Map.of("id", "g-db")),
                resource("security_group_rule:" + owner + "/" + prefix + "web/egress-IPv4-any-any-any-any",
                        Map.of("direction", "egress", "ethertype", "IPv4"), Map.of("security_group", List.of(web)), Map.of("id", "r-egress")),
                resource("security_group_rule:" + owner + "/" + prefix + "web/ingress-IPv4-tcp-80-80-0.0.0.0/0",
                        Map.of("direction", "ingress", "ethertype", "IPv4", "protocol", "tcp", "port_range_min", 80, "port_range_max", 80,
                                "remote_ip_prefix", "0.0.0.0/0"),
                        Map.of("security_group", List.of(web)), Map.of("id", "r-http")),
                resource("security_group_rule:" + owner + "/" + prefix + "db/ingress-IPv4-tcp-5432-5432-group-" + prefix + "web",
                        Map.of("direction", "ingress", "ethertype", "IPv4", "protocol", "tcp", "port_range_min", 5432, "port_range_max", 5432),
                        Map.of("security_group", List.of(db), "remote_group", List.of(web)), Map.of("id", "r-pg")),
                resource("volume:" + owner + "/" + prefix + "vol", Map.of("size", 1, "bootable", false, "description", "empty"),
                        Map.of(), Map.of("id", "v-1", "status", "available")));
    }

    /**
     * One resource of every type, in an order the graph would give, with data files for the image,
     * a volume and a server that has saved state, and the things the playbook cannot express.
     */
    static Bundle everyType() {
        List<Resource> all = new ArrayList<>();
        all.add(resource("project:demo", Map.of("description", "Demo", "enabled", true, "domain", "default"), Map.of(), Map.of("id", "p-1")));
        all.add(resource("user:alice", Map.of("email", "alice@example.org", "enabled", true, "domain", "default"),
                Map.of("default_project", List.of("project:demo")), Map.of("id", "u-1")));
        all.add(resource("role_assignment:demo/alice/member", Map.of("role", "member"),
                Map.of("project", List.of("project:demo"), "user", List.of("user:alice")),
                Map.of("project_id", "p-1", "user_id", "u-1", "role_id", "role-1")));
        all.add(resource("quota:demo/compute", Map.of("cores", 20, "instances", 10, "ram", 51200), Map.of(), Map.of("project_id", "p-1")));
        all.add(resource("quota:demo/network", Map.of("network", 10, "floatingip", 5, "security_group_rule", 100), Map.of(), Map.of("project_id", "p-1")));
        all.add(resource("quota:demo/volume", Map.of("volumes", 10, "gigabytes", 1000, "gigabytes___DEFAULT__", -1), Map.of(), Map.of("project_id", "p-1")));
        all.add(resource("flavor:private", Map.of("vcpus", 2, "ram", 512, "disk", 1, "is_public", false), Map.of(), Map.of("id", "f-2")));
        all.add(resource("flavor_access:demo/private", Map.of(),
                Map.of("flavor", List.of("flavor:private"), "project", List.of("project:demo")),
                Map.of("id", "f-2/p-1", "flavor_id", "f-2", "project_id", "p-1")));
        all.add(resource("volume_type:__DEFAULT__", Map.of("is_public", true), Map.of(), Map.of("id", "vt-1")));
        all.add(resource("keypair:demo/laptop", Map.of("public_key", "ssh-ed25519 AAAAC3Nza demo@laptop", "type", "ssh"), Map.of(),
                Map.of("fingerprint", "aa:bb")));
        all.add(resource("image:admin/cirros", Map.of("disk_format", "qcow2", "container_format", "bare", "min_disk", 1,
                "visibility", "public", "protected", false, "properties", Map.of("hw_disk_bus", "virtio")), Map.of(), Map.of("id", "i-1")));
        all.add(resource("network:admin/public", Map.of("external", true, "shared", false, "provider_network_type", "flat",
                "provider_physical_network", "physnet1"), Map.of(), Map.of("id", "n-ext")));
        all.addAll(networkAndStorage("demo", ""));
        all.add(resource("router:demo/router", Map.of("admin_state_up", true,
                        "external_gateway", Map.of("enable_snat", true, "external_fixed_ips", List.of(Map.of("ip_address", "203.0.113.5")))),
                Map.of("external_network", List.of("network:admin/public")), Map.of("id", "rt-1")));
        all.add(resource("router_interface:demo/router/subnet", Map.of("ip_address", "10.213.7.1"),
                Map.of("router", List.of("router:demo/router"), "subnet", List.of("subnet:demo/subnet")), Map.of("port_id", "ri-1")));
        all.add(resource("security_group_rule:demo/db/ingress-IPv4-any-any-any-address-group-ag-1", Map.of("direction", "ingress", "ethertype", "IPv4"),
                Map.of("security_group", List.of("security_group:demo/db")), Map.of("id", "r-ag", "remote_address_group_id", "ag-1")));
        all.add(resource("port:demo/web-1/net", Map.of("admin_state_up", true, "mac_address", "fa:16:3e:00:00:01",
                        "fixed_ips", List.of(Map.of("subnet", "subnet", "ip_address", "10.213.7.20")), "device_owner", "compute:nova"),
                Map.of("network", List.of("network:demo/net"), "subnets", List.of("subnet:demo/subnet"),
                        "security_groups", List.of("security_group:demo/web")), Map.of("id", "pt-1")));
        all.add(resource("port:demo/spare", Map.of("fixed_ips", List.of(Map.of("subnet", "subnet", "ip_address", "10.213.7.30"))),
                Map.of("network", List.of("network:demo/net"), "subnets", List.of("subnet:demo/subnet")), Map.of("id", "pt-2")));
        all.add(resource("floating_ip:demo/203.0.113.150", Map.of("floating_ip_address", "203.0.113.150", "fixed_ip_address", "10.213.7.20"),
                Map.of("floating_network", List.of("network:admin/public"), "port", List.of("port:demo/web-1/net")), Map.of("id", "fip-1")));
        all.add(resource("floating_ip:demo/203.0.113.151", Map.of("floating_ip_address", "203.0.113.151"),
                Map.of("floating_network", List.of("network:admin/public")), Map.of("id", "fip-2")));
        all.add(resource("server_group:demo/spread", Map.of("policy", "anti-affinity"), Map.of(), Map.of("id", "sg-1")));
        all.add(resource("volume:demo/data", Map.of("size", 2, "bootable", false, "description", "{{ lookup('pipe', 'id') }}"),
                Map.of("volume_type", List.of("volume_type:__DEFAULT__")), Map.of("id", "v-2")));
        all.add(resource("volume:demo/db-1/vda", Map.of("size", 1, "bootable", true),
                Map.of("volume_type", List.of("volume_type:__DEFAULT__")), Map.of("id", "v-3")));
        all.add(resource("volume_snapshot:demo/data-daily", Map.of("size", 2), Map.of("volume", List.of("volume:demo/data")), Map.of("id", "vs-1")));
        all.add(resource("server:demo/web-1", ordered("boot_from", "image", "metadata", Map.of("role", "web")),
                ordered("flavor", List.of("flavor:flavor"), "image", List.of("image:admin/cirros"), "keypair", List.of("keypair:demo/laptop"),
                        "ports", List.of("port:demo/web-1/net"), "volumes", List.of("volume:demo/data"),
                        "security_groups", List.of("security_group:demo/web"), "server_group", List.of("server_group:demo/spread")),
                Map.of("id", "srv-1")).withMigration(Map.of("save_state", true)));
        all.add(resource("server:demo/db-1", ordered("boot_from", "volume",
                        "volumes", List.of(ordered("device", "/dev/vda", "boot_index", 0, "delete_on_termination", false))),
                ordered("flavor", List.of("flavor:flavor"), "volumes", List.of("volume:demo/db-1/vda"),
                        "security_groups", List.of("security_group:demo/db")),
                Map.of("id", "srv-2")));
        return bundle(all);
    }

    static Manifest everyTypeManifest() {
        return new Manifest(List.of(data("image:admin/cirros", "qcow2"), data("volume:demo/data", "raw"), data("server:demo/web-1", "qcow2")));
    }

    /** A map that keeps the order written, which Map.of does not. */
    @SuppressWarnings("unchecked")
    static <V> Map<String, V> ordered(Object... keysAndValues) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
        }
        return map;
    }
}
