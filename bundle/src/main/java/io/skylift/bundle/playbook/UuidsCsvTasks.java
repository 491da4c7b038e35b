package io.skylift.bundle.playbook;

import io.skylift.bundle.BundleLayout;
import io.skylift.bundle.UuidsCsv;
import io.skylift.model.Resource;
import java.util.Map;
import java.util.Optional;

/**
 * The tasks that write {@code uuids.csv} beside the playbook, in Downpour's format: a header
 * {@code "Resource Type","Resource Name","Old","New"} and one row per resource with its source id
 * and the id the destination gave it. A row replaces the one for the same resource from an
 * earlier run, so running the playbook again keeps one row each.
 */
final class UuidsCsvTasks {

    /** As {@link io.skylift.bundle.UuidsCsv} writes it for skylift import. */
    static final String FILE_VARIABLE = "uuids_file";
    static final String FILE = "{{ playbook_dir }}/" + BundleLayout.UUIDS;

    private UuidsCsvTasks() {}

    static Task header() {
        return Task.of("Start " + BundleLayout.UUIDS, "ansible.builtin.lineinfile", ModuleArguments.create()
                .expression("path", FILE_VARIABLE)
                .put("line", UuidsCsv.HEADER)
                .put("insertbefore", "BOF")
                .put("create", true));
    }

    /**
     * The row of {@code resource}.
     *
     * @param newId the Jinja that renders the new id, such as {@code {{ skylift_3.network.id }}};
     *              empty for what has no id of its own (a quota, a role assignment)
     */
    static Task row(Resource resource, Optional<String> newId) {
        String key = field(resource.ref().type().id()) + "," + field(resource.ref().name()) + "," + field(sourceId(resource)) + ",";
        return Task.of("Record " + resource.ref() + " in " + BundleLayout.UUIDS, "ansible.builtin.lineinfile", ModuleArguments.create()
                .expression("path", FILE_VARIABLE)
                .raw("regexp", JinjaText.literal("^" + regexQuote(key)))
                .raw("line", JinjaText.literal(key) + "\"" + newId.orElse("") + "\""));
    }

    /**
     * The new id in a registered module result: {@code <result>.<key>.id} in openstack.cloud 2.x
     * ({@code network.id}, {@code rule.id}); 1.10 returns the same id as {@code <result>.id} (and
     * calls a security group {@code secgroup}), so that is the fallback.
     */
    static Optional<String> resultId(String register, String key) {
        return Optional.of(JinjaText.expression(register + "." + key + ".id | default(" + register + ".id)"));
    }

    /**
     * The resource's id in the source: {@code info.id}, or what identifies the types that have
     * none (a router interface's port, a quota's project and service, a role assignment's three
     * ids, as the OpenStack writer names them; a keypair's name, which is Nova's id for it).
     */
    static String sourceId(Resource resource) {
        Map<String, Object> info = resource.info();
        return switch (resource.ref().type()) {
            case ROUTER_INTERFACE -> text(info, "port_id");
            case QUOTA -> text(info, "project_id") + "/" + resource.ref().name();
            case ROLE_ASSIGNMENT -> text(info, "project_id") + "/" + text(info, "user_id") + "/" + text(info, "role_id");
            case KEYPAIR -> resource.ref().name();
            default -> text(info, "id");
        };
    }

    private static String text(Map<String, Object> info, String key) {
        Object value = info.get(key);
        return value == null ? "" : value.toString();
    }

    private static String field(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    /** Quotes Python's regular expression characters, which lineinfile's regexp is. */
    private static String regexQuote(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if ("\\.^$*+?{}[]|()".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
