package io.skylift.cli;

import io.skylift.engine.execution.Execution;
import io.skylift.engine.execution.Task;
import io.skylift.model.Resource;
import io.skylift.model.ResourceType;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** What a migration did, from its journaled import tasks: per resource, and in one line. */
final class MigrationReport {

    static final List<String> COLUMNS = List.of("type", "name", "result", "id", "old_id", "bytes");
    private static final String IMPORT = "import-resource";

    private MigrationReport() {}

    /**
     * One row per resource. A floating IP is named by its address, which the destination chose
     * anew: its name reads {@code <old address> -> <new address>}.
     */
    static List<Map<String, Object>> rows(Session session, List<Task> tasks) {
        Map<String, String> addresses = newAddresses(session, tasks);
        return imports(tasks).stream().map(task -> {
            Map<String, Object> row = new LinkedHashMap<>();
            Object name = task.outputs().getOrDefault("name", task.resource().map(ref -> ref.name()).orElse(""));
            String address = addresses.get(String.valueOf(task.outputs().get("id")));
            row.put("type", task.resource().map(ref -> ref.type().id()).orElse(""));
            row.put("name", address == null || address.equals(name) ? name : name + " -> " + address);
            row.put("result", task.outputs().getOrDefault("result", task.status().name().toLowerCase(Locale.ROOT)));
            row.put("id", task.outputs().getOrDefault("id", ""));
            row.put("old_id", task.outputs().getOrDefault("old_id", ""));
            row.put("bytes", task.outputs().getOrDefault("bytes", ""));
            return row;
        }).toList();
    }

    /**
     * {@code 12 created, 3 found, 2 mapped; 1.1 GiB copied in 4 disks; 3:12}, and where the new
     * passwords of the users it created are, when it created some (never the passwords).
     */
    static String summary(Execution execution, List<Task> tasks) {
        Map<String, Integer> results = new TreeMap<>();
        long bytes = 0;
        int disks = 0;
        Map<String, Integer> passwords = new TreeMap<>();
        for (Task task : imports(tasks)) {
            if (task.outputs().get("passwords") instanceof String file) {
                passwords.merge(file, 1, Integer::sum);
            }
            results.merge(String.valueOf(task.outputs().getOrDefault("result", task.status().name().toLowerCase(Locale.ROOT))), 1, Integer::sum);
            if (task.outputs().get("bytes") instanceof Number copied) {
                bytes += copied.longValue();
                disks++;
            }
        }
        StringBuilder line = new StringBuilder();
        results.forEach((result, count) -> line.append(line.isEmpty() ? "" : ", ").append(count).append(' ').append(result));
        line.append("; ").append(ProgressBoard.size(bytes)).append(" copied in ").append(disks).append(disks == 1 ? " disk" : " disks");
        line.append("; ").append(ProgressBoard.duration(Duration.between(execution.createdAt(), execution.updatedAt())));
        passwords.forEach((file, users) -> line.append("; the new passwords of ").append(users).append(users == 1 ? " user" : " users")
                .append(" are in ").append(file));
        return line.toString();
    }

    /** The destination's floating IPs that the migration created or found: their addresses by id. */
    private static Map<String, String> newAddresses(Session session, List<Task> tasks) {
        List<Task> floatingIps = imports(tasks).stream()
                .filter(task -> task.resource().map(ref -> ref.type() == ResourceType.FLOATING_IP).orElse(false) && task.outputs().containsKey("id"))
                .toList();
        if (floatingIps.isEmpty()) {
            return Map.of();
        }
        String destination = (String) floatingIps.getFirst().inputs().get("endpoint");
        Map<String, String> addresses = new LinkedHashMap<>();
        for (Resource ip : session.engine().endpoints().inventory(destination, EnumSet.of(ResourceType.FLOATING_IP))) {
            if (ip.info().get("id") instanceof String id && ip.params().get("floating_ip_address") instanceof String address) {
                addresses.put(id, address);
            }
        }
        return addresses;
    }

    private static List<Task> imports(List<Task> tasks) {
        return tasks.stream().filter(task -> task.type().equals(IMPORT)).toList();
    }
}
