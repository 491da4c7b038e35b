package io.skylift.bundle.playbook;

import io.skylift.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Projects, users, role assignments and quotas as {@code openstack.cloud} tasks; all need admin. */
final class IdentityTasks {

    /** Variable mapping user names to the passwords they get: Keystone never returns one. */
    static final String PASSWORDS_VARIABLE = "user_passwords";

    /**
     * Quota names as Nova, Cinder and Neutron report them, to the quota module's argument for
     * them (2.x names; Neutron's singular ones are its aliases).
     */
    private static final Map<String, String> QUOTA_ARGUMENTS = Map.ofEntries(
            Map.entry("cores", "cores"), Map.entry("instances", "instances"), Map.entry("ram", "ram"),
            Map.entry("key_pairs", "key_pairs"), Map.entry("metadata_items", "metadata_items"),
            Map.entry("injected_files", "injected_files"), Map.entry("injected_file_content_bytes", "injected_file_content_bytes"),
            Map.entry("injected_file_path_bytes", "injected_file_path_bytes"), Map.entry("server_groups", "server_groups"),
            Map.entry("server_group_members", "server_group_members"), Map.entry("fixed_ips", "fixed_ips"),
            Map.entry("volumes", "volumes"), Map.entry("snapshots", "snapshots"), Map.entry("gigabytes", "gigabytes"),
            Map.entry("backups", "backups"), Map.entry("backup_gigabytes", "backup_gigabytes"),
            Map.entry("per_volume_gigabytes", "per_volume_gigabytes"), Map.entry("groups", "groups"),
            Map.entry("network", "networks"), Map.entry("subnet", "subnets"), Map.entry("port", "ports"),
            Map.entry("router", "routers"), Map.entry("floatingip", "floating_ips"), Map.entry("security_group", "security_groups"),
            Map.entry("security_group_rule", "security_group_rules"), Map.entry("rbac_policy", "rbac_policies"),
            Map.entry("subnetpool", "subnet_pools"));

    private IdentityTasks() {}

    static ResourceTasks project(Resource project, PlaybookContext context) {
        Map<String, Object> params = project.params();
        ModuleArguments arguments = ModuleArguments.named(project)
                .copy(params, "description")
                .copy(params, "domain")
                // 2.x calls it is_enabled; enabled is its alias and 1.10's name.
                .copy(params, "enabled");
        return ResourceTasks.created(project, "openstack.cloud.project", arguments, "project", context);
    }

    static ResourceTasks user(Resource user, PlaybookContext context) {
        Map<String, Object> params = user.params();
        String name = user.ref().name();
        ModuleArguments arguments = ModuleArguments.openstack()
                .put("name", name)
                .copy(params, "description")
                .copy(params, "email")
                .copy(params, "domain")
                .copy(params, "enabled")
                .put("default_project", PlaybookContext.refName(user, "default_project").orElse(null))
                .expression("password", PASSWORDS_VARIABLE + "[" + JinjaText.stringLiteral(name) + "] | default(omit)");
        return ResourceTasks.created(user, "openstack.cloud.identity_user", arguments, "user", context)
                .withComments(List.of(user.ref() + ": Keystone never returns passwords; give one with -e '{\"" + PASSWORDS_VARIABLE
                        + "\": {\"" + name.replace("\"", "\\\"") + "\": \"...\"}}', else it has none."));
    }

    /** An assignment has no id of its own: its row names the source's project, user and role ids, and no new one. */
    static ResourceTasks roleAssignment(Resource assignment) {
        ModuleArguments arguments = ModuleArguments.openstack()
                .put("role", assignment.params().get("role"))
                .put("user", PlaybookContext.refName(assignment, "user").orElse(null))
                .put("project", PlaybookContext.refName(assignment, "project").orElse(null));
        return ResourceTasks.withoutId(assignment, Task.of("Create " + assignment.ref(), "openstack.cloud.role_assignment", arguments));
    }

    /** Quotas have no id: the row names the source project and no new id. */
    static ResourceTasks quota(Resource quota) {
        ModuleArguments arguments = ModuleArguments.openstack().put("name", quota.ref().owner());
        List<String> unknown = new ArrayList<>();
        quota.params().forEach((key, value) -> {
            String argument = QUOTA_ARGUMENTS.get(key);
            if (argument == null) {
                unknown.add(key);
            }
            else {
                arguments.put(argument, value);
            }
        });
        ResourceTasks tasks = ResourceTasks.withoutId(quota, Task.of("Set " + quota.ref(), "openstack.cloud.quota", arguments));
        if (unknown.isEmpty()) {
            return tasks;
        }
        // Per-volume-type quotas (gigabytes_<type>) and the like have no argument in the module.
        return tasks.withComments(List.of(quota.ref() + ": not set, the quota module has no argument for them: " + String.join(", ", unknown)));
    }
}
