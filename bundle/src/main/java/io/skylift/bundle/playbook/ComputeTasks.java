package io.skylift.bundle.playbook;

import io.skylift.bundle.DataFile;
import io.skylift.model.Resource;
import io.skylift.model.ResourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Flavors and their accesses, keypairs, server groups and servers as {@code openstack.cloud} tasks. */
final class ComputeTasks {

    /** Prefix of the image a server with saved state boots from: its disk as exported. */
    static final String STATE_PREFIX = "skylift-state-";

    private ComputeTasks() {}

    static ResourceTasks flavor(Resource flavor, PlaybookContext context) {
        Map<String, Object> params = flavor.params();
        ModuleArguments arguments = ModuleArguments.named(flavor)
                .copy(params, "vcpus")
                .copy(params, "ram")
                // The module requires disk; a flavor without one has 0.
                .put("disk", params.getOrDefault("disk", 0))
                .copy(params, "ephemeral")
                .copy(params, "swap")
                .copy(params, "is_public")
                .copy(params, "extra_specs")
                .copy(params, "description");
        return ResourceTasks.created(flavor, "openstack.cloud.compute_flavor", arguments, "flavor", context);
    }

    /**
     * The project's access to a private flavor, left to the operator: openstack.cloud 2.x has
     * {@code compute_flavor_access}, 1.10 only {@code project_access}, which wants the project's
     * id, and the playbook uses only what both have.
     */
    static ResourceTasks flavorAccess(Resource access) {
        String flavor = PlaybookContext.refName(access, "flavor").orElse(access.ref().name());
        String project = PlaybookContext.refName(access, "project").orElse(access.ref().owner());
        return ResourceTasks.notCreated(access.ref(), "openstack.cloud 1.10 and 2.x share no module that grants it; after the playbook run:",
                "openstack flavor set --project " + project + " " + flavor + " (or 2.x's openstack.cloud.compute_flavor_access).");
    }

    static ResourceTasks keypair(Resource keypair, PlaybookContext context) {
        ModuleArguments arguments = ModuleArguments.named(keypair)
                .copy(keypair.params(), "public_key");
        return ResourceTasks.created(keypair, "openstack.cloud.keypair", arguments, "keypair", context)
                .withComments(List.of(keypair.ref() + ": created for the user the cloud entry logs in as (it was " + keypair.ref().owner() + "'s)."));
    }

    static ResourceTasks serverGroup(Resource group, PlaybookContext context) {
        Map<String, Object> params = group.params();
        ModuleArguments arguments = ModuleArguments.named(group)
                .copy(params, "policy")
                .copy(params, "rules");
        return ResourceTasks.created(group, "openstack.cloud.server_group", arguments, "server_group", context);
    }

    /**
     * A server on its ports, by name. It boots from its image; with saved state (a data file in
     * the manifest) from an image of its exported disk; booted from a volume, from that volume.
     * Its other volumes are attached after boot, and the security groups are its ports'.
     */
    static ResourceTasks server(Resource server, PlaybookContext context) {
        Map<String, Object> params = server.params();
        List<String> comments = new ArrayList<>();
        List<Task> before = new ArrayList<>();
        ModuleArguments arguments = ModuleArguments.named(server)
                .put("flavor", PlaybookContext.refName(server, "flavor").orElse(null));

        List<ResourceRef> volumes = server.refs().getOrDefault("volumes", List.of());
        Optional<ResourceRef> bootVolume = bootVolume(server, volumes);
        Optional<DataFile> state = context.data(server.ref());
        if (bootVolume.isPresent()) {
            arguments.put("boot_volume", bootVolume.get().name());
        }
        else if (state.isPresent()) {
            String image = STATE_PREFIX + server.ref().name();
            before.add(StorageTasks.upload(image, state.get(), "the saved disk of " + server.ref() + " as the image " + image));
            arguments.put("image", image);
            comments.add(server.ref() + ": boots from " + image + ", its disk as exported"
                    + PlaybookContext.refName(server, "image").map(original -> " (it was made from " + original + ")").orElse("") + ".");
        }
        else {
            arguments.put("image", PlaybookContext.refName(server, "image").orElse(null));
        }
        arguments.put("key_name", PlaybookContext.refName(server, "keypair").orElse(null));

        List<Map<String, Object>> nics = PlaybookContext.refNames(server, "ports").stream()
                .map(port -> Map.<String, Object>of("port-name", port))
                .toList();
        arguments.put("nics", nics)
                // Given always: on a second run the module removes every group not listed.
                .put("security_groups", PlaybookContext.refNames(server, "security_groups"))
                .put("volumes", volumes.stream().filter(volume -> bootVolume.map(boot -> !boot.equals(volume)).orElse(true))
                        .map(ResourceRef::name).toList())
                .copy(params, "availability_zone")
                .copy(params, "metadata")
                .copy(params, "description");
        if (Boolean.TRUE.equals(params.get("config_drive"))) {
            arguments.put("config_drive", true);
        }
        PlaybookContext.first(server, "server_group").ifPresent(group ->
                arguments.raw("scheduler_hints", Map.of("group", JinjaText.expression(context.register(group) + ".server_group.id"))));
        // Floating IPs are tasks of their own, after this one; the module would make one otherwise.
        arguments.put("auto_ip", false).put("wait", true).put("timeout", 600);
        return ResourceTasks.created(server, "openstack.cloud.server", arguments, "server", context).after(before).withComments(comments);
    }

    /** The volume at boot index 0 in {@code params.volumes}, which pairs with {@code refs.volumes} entry by entry. */
    private static Optional<ResourceRef> bootVolume(Resource server, List<ResourceRef> volumes) {
        if (!"volume".equals(server.params().get("boot_from")) || !(server.params().get("volumes") instanceof List<?> attachments)) {
            return Optional.empty();
        }
        for (int i = 0; i < Math.min(attachments.size(), volumes.size()); i++) {
            if (attachments.get(i) instanceof Map<?, ?> attachment && attachment.get("boot_index") instanceof Number index && index.intValue() == 0) {
                return Optional.of(volumes.get(i));
            }
        }
        return volumes.stream().findFirst();
    }
}
