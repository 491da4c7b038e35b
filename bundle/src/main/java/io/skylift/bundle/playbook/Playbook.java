package io.skylift.bundle.playbook;

import static java.util.Objects.requireNonNull;

import io.skylift.bundle.Bundle;
import io.skylift.bundle.BundleLayout;
import io.skylift.bundle.Manifest;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import io.skylift.model.ResourceType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bundle's {@code playbook.yml}: one play on localhost that recreates the bundle's resources
 * with the {@code openstack.cloud} collection's 2.x modules, in the bundle's creation order,
 * referring to each other by their names, and appends a row to {@code uuids.csv} after each.
 * Run it with {@code ansible-playbook -i localhost, playbook.yml -e cloud=<clouds.yaml entry>}; write
 * it to {@link BundleLayout#playbook}.
 *
 * <p>What the modules cannot express (an address-group rule, a volume snapshot's content, a
 * volume type's backend, a floating IP no server uses) is written as a comment where its task
 * would be, saying why. docs/playbook.md describes each type.
 */
public final class Playbook {

    /** The clouds.yaml entry used when the run names none. */
    public static final String DEFAULT_CLOUD = "skylift-dst";

    private Playbook() {}

    /**
     * The playbook's text: YAML, with comments.
     *
     * @throws io.skylift.spi.SkyliftException when a resource refers to one the bundle does not
     *                                         hold (its task would name something never created)
     */
    public static String render(Bundle bundle, Manifest manifest) {
        requireNonNull(bundle, "bundle is null");
        requireNonNull(manifest, "manifest is null");
        bundle.graph();
        PlaybookContext context = new PlaybookContext(bundle, manifest);
        StringBuilder out = new StringBuilder();
        out.append(PlaybookYaml.comment(header(bundle), 0));
        Map<String, Object> play = new LinkedHashMap<>();
        play.put("name", JinjaText.literal("Recreate the Skylift bundle exported from " + bundle.source().endpoint()));
        play.put("hosts", "localhost");
        play.put("connection", "local");
        play.put("gather_facts", false);
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("cloud", DEFAULT_CLOUD);
        vars.put(UuidsCsvTasks.FILE_VARIABLE, UuidsCsvTasks.FILE);
        vars.put(IdentityTasks.PASSWORDS_VARIABLE, Map.of());
        play.put("vars", vars);
        out.append(PlaybookYaml.block(List.of(play), 0));
        // The tasks are written one by one below the play, each under its comments.
        out.append("  tasks:\n");
        out.append(PlaybookYaml.block(List.of(UuidsCsvTasks.header().toYaml()), 4));
        for (ResourceTasks tasks : tasks(context)) {
            out.append('\n').append(PlaybookYaml.comment(tasks.comments(), 4));
            for (Task task : tasks.tasks()) {
                out.append(PlaybookYaml.block(List.of(task.toYaml()), 4));
            }
        }
        return out.toString();
    }

    /**
     * Each resource's tasks in bundle order, except that a floating IP on a server's port follows
     * that server: the module attaches floating IPs to servers, so it needs the server to exist.
     */
    static List<ResourceTasks> tasks(PlaybookContext context) {
        Map<ResourceRef, Resource> serverOfPort = new HashMap<>();
        for (Resource resource : context.resources()) {
            if (resource.ref().type() == ResourceType.SERVER) {
                resource.refs().getOrDefault("ports", List.of()).forEach(port -> serverOfPort.putIfAbsent(port, resource));
            }
        }
        Map<ResourceRef, List<Resource>> floatingIpsOfServer = new HashMap<>();
        List<ResourceTasks> all = new ArrayList<>();
        for (Resource resource : context.resources()) {
            ResourceType type = resource.ref().type();
            Optional<Resource> server = type == ResourceType.FLOATING_IP
                    ? PlaybookContext.first(resource, "port").map(serverOfPort::get)
                    : Optional.empty();
            if (server.isPresent()) {
                floatingIpsOfServer.computeIfAbsent(server.get().ref(), ref -> new ArrayList<>()).add(resource);
                continue;
            }
            all.add(tasks(resource, context));
            if (type == ResourceType.SERVER) {
                for (Resource floatingIp : floatingIpsOfServer.getOrDefault(resource.ref(), List.of())) {
                    all.add(NetworkTasks.floatingIp(floatingIp, Optional.of(resource), context));
                }
            }
        }
        return all;
    }

    private static ResourceTasks tasks(Resource resource, PlaybookContext context) {
        return switch (resource.ref().type()) {
            case PROJECT -> IdentityTasks.project(resource, context);
            case USER -> IdentityTasks.user(resource, context);
            case ROLE_ASSIGNMENT -> IdentityTasks.roleAssignment(resource);
            case QUOTA -> IdentityTasks.quota(resource);
            case FLAVOR -> ComputeTasks.flavor(resource, context);
            case FLAVOR_ACCESS -> ComputeTasks.flavorAccess(resource);
            case VOLUME_TYPE -> StorageTasks.volumeType(resource);
            case KEYPAIR -> ComputeTasks.keypair(resource, context);
            case IMAGE -> StorageTasks.image(resource, context);
            case NETWORK -> NetworkTasks.network(resource, context);
            case SUBNET -> NetworkTasks.subnet(resource, context);
            case ROUTER -> NetworkTasks.router(resource, context);
            case ROUTER_INTERFACE -> NetworkTasks.routerInterface(resource, context);
            case SECURITY_GROUP -> NetworkTasks.securityGroup(resource, context);
            case SECURITY_GROUP_RULE -> NetworkTasks.securityGroupRule(resource, context);
            case PORT -> NetworkTasks.port(resource, context);
            case FLOATING_IP -> NetworkTasks.floatingIp(resource, Optional.empty(), context);
            case SERVER_GROUP -> ComputeTasks.serverGroup(resource, context);
            case VOLUME -> StorageTasks.volume(resource, context);
            case VOLUME_SNAPSHOT -> StorageTasks.volumeSnapshot(resource);
            case SERVER -> ComputeTasks.server(resource, context);
        };
    }

    private static List<String> header(Bundle bundle) {
        String project = bundle.source().project().isEmpty() ? "" : ", project " + bundle.source().project();
        return List.of(
                "Written by skylift export: the resources of " + BundleLayout.RESOURCES + " (from endpoint " + bundle.source().endpoint()
                        + project + ", " + bundle.createdAt() + "),",
                "recreated with the openstack.cloud collection (2.x) in the order they were exported, by name.",
                "  ansible-playbook -i localhost, playbook.yml -e cloud=<clouds.yaml entry>     (default " + DEFAULT_CLOUD + ")",
                "Disk data is read from data/ beside this file. After each resource a row goes into "
                        + BundleLayout.UUIDS + " beside it: type, name, source id, new id.",
                "Everything is created in the project the cloud entry is scoped to; identity resources, flavors, flavor accesses and quotas need admin.",
                "Running it again creates only what is missing.");
    }
}
